//! Writing plan files safely: all or nothing, and never over somebody else's change.
//!
//! A plan is replaced the way editors save: the new text goes to a temporary file in the same
//! folder (so that the rename stays on one file system), which is flushed to disk and then
//! renamed over the plan in one step. A crash or a full disk at any moment leaves either the old
//! file or the new one, never half of each, and no temporary file: `tempfile` removes it on every
//! path that does not end in the rename. Just before the rename the plan is read once more; if it
//! is no longer what the command read at the start (an editor saved, a `git pull` ran), nothing
//! is written. Between that check and the rename there remain microseconds that only a lock
//! could close, and plan files are not locked by the editors that share them.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::Error;

/// Reads a plan file whole, as the loader does (the same size limit, the same errors).
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    crate::model::read_limited(path).map_err(|problem| Error::Read { path: path.to_path_buf(), problem })
}

/// Replaces the contents of the plan at `path` with `contents`, if it still holds `expected`.
///
/// The file keeps its permissions; a symbolic link is followed, so the file it points to is
/// replaced and the link stays. A read-only file is not replaced.
pub fn replace(path: &Path, expected: &[u8], contents: &[u8]) -> Result<(), Error> {
    replace_with(path, expected, contents, |temp, target| temp.persist(target).map(drop).map_err(|e| e.error))
}

/// [`replace`], with the final rename given by the caller: the seam where a test makes the last
/// step fail, to see that nothing is lost when it does.
pub fn replace_with(
    path: &Path,
    expected: &[u8],
    contents: &[u8],
    rename: impl FnOnce(NamedTempFile, &Path) -> io::Result<()>,
) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    let target = fs::canonicalize(path).map_err(fail)?;
    let permissions = fs::metadata(&target).map_err(fail)?.permissions();
    if permissions.readonly() {
        return Err(fail(io::Error::from(io::ErrorKind::PermissionDenied)));
    }
    let temp = write_temp(&target, contents, permissions).map_err(fail)?;
    // Someone may have saved the file since it was read: their change wins, ours is dropped
    // (and with it the temporary file).
    if read(&target)? != expected {
        return Err(Error::ChangedOnDisk { path: path.to_path_buf() });
    }
    rename(temp, &target).map_err(fail)?;
    sync_folder(&target);
    Ok(())
}

/// Writes a new file at `path`, never over an existing one, with the given permissions (`plan
/// new` gives the source plan's).
pub fn create_new(path: &Path, contents: &[u8], permissions: Permissions) -> Result<(), Error> {
    let temp =
        write_temp(path, contents, permissions).map_err(|error| Error::Write { path: path.to_path_buf(), error })?;
    // `persist_noclobber` fails when the path exists, even when it appeared a moment ago.
    temp.persist_noclobber(path).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => Error::OutputExists { path: path.to_path_buf() },
        _ => Error::Write { path: path.to_path_buf(), error: e.error },
    })?;
    sync_folder(path);
    Ok(())
}

/// `contents` in a temporary file beside `target`, on disk, with `permissions`.
fn write_temp(target: &Path, contents: &[u8], permissions: Permissions) -> io::Result<NamedTempFile> {
    let name = target.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let mut temp = tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(folder(target))?;
    temp.write_all(contents)?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// The folder of `path` (`.` for a bare file name).
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes the rename itself durable. Best effort: some file systems refuse to sync a folder, and
/// the file is already complete either way.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = fs::File::open(folder(path)) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name in the folder, sorted: no temporary file may be left behind.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    fn plan_file(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2019.toml");
        fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn replace_writes_the_new_text_and_leaves_nothing_else() {
        let (dir, path) = plan_file("old\n");
        replace(&path, b"old\n", b"new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_intact() {
        let (dir, path) = plan_file("old\n");
        let error = replace_with(&path, b"old\n", b"new\n", |temp, _| {
            // The new text is complete on disk at this point; only the rename fails.
            assert_eq!(fs::read_to_string(temp.path()).unwrap(), "new\n");
            Err(io::Error::other("injected failure"))
        })
        .unwrap_err();
        assert!(matches!(error, Error::Write { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn a_change_on_disk_after_reading_is_not_overwritten() {
        let (dir, path) = plan_file("old\n");
        // Somebody saves the file between our read and our write.
        fs::write(&path, "theirs\n").unwrap();
        let error = replace(&path, b"old\n", b"ours\n").unwrap_err();
        assert!(matches!(error, Error::ChangedOnDisk { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_links_followed() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let (dir, path) = plan_file("old\n");
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("current.toml");
        symlink(&path, &link).unwrap();
        replace(&link, b"old\n", b"new\n").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let (dir, path) = plan_file("old\n");
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let error = replace(&path, b"old\n", b"new\n").unwrap_err();
        assert!(matches!(error, Error::Write { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn create_new_never_overwrites() {
        let (dir, path) = plan_file("old\n");
        let permissions = fs::metadata(&path).unwrap().permissions();
        let error = create_new(&path, b"new\n", permissions.clone()).unwrap_err();
        assert!(matches!(error, Error::OutputExists { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        let fresh = dir.path().join("2020.toml");
        create_new(&fresh, b"new\n", permissions).unwrap();
        assert_eq!(fs::read_to_string(&fresh).unwrap(), "new\n");
        assert_eq!(names(dir.path()), ["2019.toml", "2020.toml"]);
    }
}
