//! Every file `plan` writes goes through here: all or nothing, never over somebody else's change,
//! with the old file's mode, group and (where the user may set it) owner.
//!
//! A file is replaced the way editors save: the new text goes to a temporary file in the same
//! folder (so that the rename stays on one file system), which is given the old file's mode and
//! owners, flushed to disk and then renamed over the target in one step. A crash or a full disk
//! at any moment leaves either the old file or the new one, never half of each, and no temporary
//! file: `tempfile` removes it on every path that does not end in the rename.
//!
//! The API, for every command that writes:
//! - [`Locked::open`] → [`Locked::contents`] → [`Locked::replace`]: an edit of a plan (`held`,
//!   `planned`, `cancel`, `result`). The exclusive lock is held from the read to the rename, so
//!   two edits at once both land; [`replace_locked`] does the three steps around a closure.
//! - [`create_new`]: a new plan (`new`, `import`), never over an existing file.
//! - [`output_file`]: a document (`export -o`, `report -o`), never over a plan or a read-only file.
//!
//! The lock is `flock(2)` (std's `File::lock`) on the folder that holds the plan, which outlives
//! the rename (see [`lock_folder`]). It binds only programs that ask for it: other `plan`
//! processes wait, as does a script run under `flock plans/ ...`; editors do not. Against an
//! editor that saves meanwhile, the file is read once more just before the rename, and nothing
//! is written if it is no longer what was read.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::Error;

/// Reads a plan file whole, as the loader does (the same size limit, the same errors).
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    crate::model::read_limited(path).map_err(|problem| Error::Read { path: path.to_path_buf(), problem })
}

/// A plan file opened for an edit: its contents, read under an exclusive lock that lasts until
/// the value is dropped or [`Locked::replace`] has renamed the new text over it.
#[derive(Debug)]
pub struct Locked {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// The file the path leads to (symbolic links followed): the one replaced.
    target: PathBuf,
    /// The folder of `target`, locked; the lock goes when this is dropped.
    _lock: File,
    /// The plan, open.
    file: File,
    contents: Vec<u8>,
}

impl Locked {
    /// Opens the plan at `path` for writing, waits for the exclusive lock, and reads it.
    ///
    /// A file that cannot be written (no write permission, or read-only mode bits even for
    /// root) is refused here, before any work.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let fail = |error| Error::Write { path: path.to_path_buf(), error };
        let read_fail = |problem| Error::Read { path: path.to_path_buf(), problem };
        // A missing file is told as the loader tells it.
        let target = fs::canonicalize(path).map_err(|error| read(path).err().unwrap_or_else(|| fail(error)))?;
        let lock = lock_folder(&target).map_err(fail)?;
        // Checked before `open`, so that a FIFO is refused before `open` could block on it.
        let metadata = fs::metadata(&target).map_err(fail)?;
        if !metadata.is_file() {
            return Err(read(&target).err().unwrap_or_else(|| read_fail(crate::error::ReadProblem::NotAFile)));
        }
        if metadata.permissions().readonly() {
            return Err(fail(io::ErrorKind::PermissionDenied.into()));
        }
        // Opened for writing, though it is only read: a file this user may not write is refused
        // here, before any work, and not replaced by the rename the folder would allow.
        let mut file = fs::OpenOptions::new().read(true).write(true).open(&target).map_err(fail)?;
        let contents = crate::model::read_open(&mut file).map_err(read_fail)?;
        Ok(Locked { path: path.to_path_buf(), target, _lock: lock, file, contents })
    }

    /// The file's bytes as read under the lock.
    #[must_use]
    pub fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// Replaces the file with `contents` (mode, group and owner kept), then lets the lock go.
    pub fn replace(self, contents: &[u8]) -> Result<(), Error> {
        self.replace_with(contents, |temp, target| temp.persist(target).map(drop).map_err(|e| e.error))
    }

    /// [`Locked::replace`], with the final rename given by the caller: the seam where a test makes
    /// the last step fail, to see that nothing is lost when it does.
    pub fn replace_with(
        self,
        contents: &[u8],
        rename: impl FnOnce(NamedTempFile, &Path) -> io::Result<()>,
    ) -> Result<(), Error> {
        let fail = |error| Error::Write { path: self.path.clone(), error };
        let metadata = self.file.metadata().map_err(fail)?;
        let temp = write_temp(&self.target, contents, Some(&metadata)).map_err(fail)?;
        // An editor may have saved the file since it was read: their change wins, ours is dropped
        // (and with it the temporary file).
        if read(&self.target)? != self.contents {
            return Err(Error::ChangedOnDisk { path: self.path.clone() });
        }
        rename(temp, &self.target).map_err(fail)?;
        sync_folder(&self.target);
        // The lock goes with `self.file`, after the rename.
        Ok(())
    }
}

/// Reads the plan at `path` under the lock, asks `change` for the new text, and writes it.
pub fn replace_locked(path: &Path, change: impl FnOnce(&[u8]) -> Result<Vec<u8>, Error>) -> Result<(), Error> {
    let locked = Locked::open(path)?;
    let contents = change(locked.contents())?;
    locked.replace(&contents)
}

/// Writes a new file at `path`, never over an existing one. `like` is the file it is made from
/// (`plan new`: the source plan): the new file takes its mode, made writable by its owner, and
/// its group where the user may set it; without it, the mode is what the umask gives.
pub fn create_new(path: &Path, contents: &[u8], like: Option<&fs::Metadata>) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    let temp = write_temp(path, contents, None).map_err(fail)?;
    if let Some(like) = like {
        inherit(temp.as_file(), like, true).map_err(fail)?;
    }
    // `persist_noclobber` fails when the path exists, even when it appeared a moment ago.
    temp.persist_noclobber(path).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => Error::OutputExists { path: path.to_path_buf() },
        _ => Error::Write { path: path.to_path_buf(), error: e.error },
    })?;
    sync_folder(path);
    Ok(())
}

/// Writes a document (`export -o`, `report -o`) at `path`, atomically. An existing file keeps
/// its mode and owners; a plan file (one with a `[plan]` table) and a read-only file are refused.
pub fn output_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(error) if error.kind() == io::ErrorKind::NotFound => path.to_path_buf(),
        Err(error) => return Err(fail(error)),
    };
    let old = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    if let Some(old) = &old {
        if !old.is_file() {
            // A FIFO, a device, a folder: not a file to replace.
            return Err(fail(io::Error::other(Refused::NotARegularFile)));
        }
        if old.permissions().readonly() {
            return Err(fail(io::ErrorKind::PermissionDenied.into()));
        }
        // Writable by this user? Root may write anything, but the mode bits said yes already.
        fs::OpenOptions::new().write(true).open(&target).map_err(fail)?;
        if is_plan(&target) {
            return Err(Error::OutputIsPlan { path: path.to_path_buf() });
        }
    }
    let temp = write_temp(&target, contents, old.as_ref()).map_err(fail)?;
    temp.persist(&target).map_err(|e| fail(e.error))?;
    sync_folder(&target);
    Ok(())
}

/// Whether the file at `path` is a plan: a TOML table with a `[plan]` table, of a plan's size.
fn is_plan(path: &Path) -> bool {
    let Ok(bytes) = crate::model::read_limited(path) else { return false };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // A plan with a syntax error is still a plan: look for the table header too.
    let header = text.lines().any(|line| {
        let line = line.trim();
        line == "[plan]" || line.starts_with("[plan]") && line[6..].trim_start().starts_with('#')
    });
    header || text.parse::<toml::Table>().is_ok_and(|table| table.get("plan").is_some_and(toml::Value::is_table))
}

/// `contents` in a temporary file beside `target`, on disk, with the mode and owners of `like`
/// (the file it replaces), or the mode the umask gives a new file.
fn write_temp(target: &Path, contents: &[u8], like: Option<&fs::Metadata>) -> io::Result<NamedTempFile> {
    let name = target.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // `open(2)` takes the umask off, as for any new file (tempfile's default is 0600).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(folder(target))?;
    temp.write_all(contents)?;
    if let Some(like) = like {
        inherit(temp.as_file(), like, false)?;
    }
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Why `plan` itself refused a write, carried inside the `io::Error` so that the message says it
/// in the user's language (see `io_reason` in `src/error/message.rs`); `Display` is English.
#[derive(Debug)]
pub enum Refused {
    /// The path names a FIFO, a device or a folder, not a file to replace.
    NotARegularFile,
    /// The new file could not be given the group of the old one.
    KeepGroup { gid: u32, error: io::Error },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotARegularFile => f.write_str("not a regular file"),
            Refused::KeepGroup { gid, error } => {
                write!(f, "the new file could not keep the group {gid} of the old one ({error})")
            }
        }
    }
}

impl std::error::Error for Refused {}

/// Gives `file` the mode and owners of `like`. The group is kept when the user belongs to it (or
/// is root), the owner when the user is root; otherwise the file is refused rather than handed to
/// other owners, unless `best_effort` (a new file made from another).
#[cfg(unix)]
fn inherit(file: &File, like: &fs::Metadata, best_effort: bool) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let mode = if best_effort { like.mode() | 0o200 } else { like.mode() };
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) != (like.uid(), like.gid()) {
        let kept = fchown(file, Some(like.uid()), Some(like.gid())).or_else(|_| fchown(file, None, Some(like.gid())));
        match kept {
            Ok(()) => {}
            Err(_) if best_effort => {}
            Err(error) => {
                return Err(io::Error::new(error.kind(), Refused::KeepGroup { gid: like.gid(), error }));
            }
        }
    }
    // After `fchown`, which may clear set-id bits.
    file.set_permissions(Permissions::from_mode(mode & 0o7777))
}

#[cfg(not(unix))]
fn inherit(file: &File, like: &fs::Metadata, best_effort: bool) -> io::Result<()> {
    let mut permissions = like.permissions();
    if best_effort {
        permissions.set_readonly(false);
    }
    file.set_permissions(permissions)
}

/// The folder holding `target`, open and exclusively locked (waiting for the lock).
///
/// The folder, not the file: the file is replaced by a rename, and a lock on it would stay on
/// the old, unlinked file, where a process waiting for it would then read old text. The folder
/// stays, so every program that takes its lock (`flock plans/ COMMAND`) takes turns with `plan`.
#[cfg(unix)]
fn lock_folder(target: &Path) -> io::Result<File> {
    let folder = File::open(folder(target))?;
    folder.lock()?;
    Ok(folder)
}

/// Where a folder cannot be opened as a file, the file itself is locked.
#[cfg(not(unix))]
fn lock_folder(target: &Path) -> io::Result<File> {
    let file = File::open(target)?;
    file.lock()?;
    Ok(file)
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
        replace_locked(&path, |old| {
            assert_eq!(old, b"old\n");
            Ok(b"new\n".to_vec())
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_intact() {
        let (dir, path) = plan_file("old\n");
        let error = Locked::open(&path)
            .unwrap()
            .replace_with(b"new\n", |temp, _| {
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
        let locked = Locked::open(&path).unwrap();
        // An editor, which takes no lock, saves the file between our read and our write.
        fs::write(&path, "theirs\n").unwrap();
        let error = locked.replace(b"ours\n").unwrap_err();
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
        replace_locked(&link, |_| Ok(b"new\n".to_vec())).unwrap();
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
        let error = Locked::open(&path).unwrap_err();
        assert!(matches!(error, Error::Write { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn create_new_never_overwrites() {
        let (dir, path) = plan_file("old\n");
        let metadata = fs::metadata(&path).unwrap();
        let error = create_new(&path, b"new\n", Some(&metadata)).unwrap_err();
        assert!(matches!(error, Error::OutputExists { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        let fresh = dir.path().join("2020.toml");
        create_new(&fresh, b"new\n", Some(&metadata)).unwrap();
        assert_eq!(fs::read_to_string(&fresh).unwrap(), "new\n");
        assert_eq!(names(dir.path()), ["2019.toml", "2020.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_plan_made_from_a_read_only_one_is_writable() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, path) = plan_file("old\n");
        fs::set_permissions(&path, Permissions::from_mode(0o440)).unwrap();
        let fresh = dir.path().join("2020.toml");
        create_new(&fresh, b"new\n", Some(&fs::metadata(&path).unwrap())).unwrap();
        assert_eq!(fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn an_output_never_replaces_a_plan_and_keeps_nothing_half_written() {
        let (dir, plan) = plan_file("# the plan\n[plan]\ntitle = \"x\"\nyear = 2019\n");
        let error = output_file(&plan, b"BEGIN:VCALENDAR\n").unwrap_err();
        assert!(matches!(error, Error::OutputIsPlan { .. }), "{error:?}");
        // A plan that does not even parse is still a plan.
        fs::write(&plan, "[plan]\ntitle = \n").unwrap();
        assert!(matches!(output_file(&plan, b"x").unwrap_err(), Error::OutputIsPlan { .. }));
        // Any other file is replaced whole.
        let other = dir.path().join("plan.ics");
        fs::write(&other, "old calendar\n").unwrap();
        output_file(&other, b"new calendar\n").unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), "new calendar\n");
        output_file(&dir.path().join("fresh.ics"), b"x").unwrap();
        assert_eq!(names(dir.path()), ["2019.toml", "fresh.ics", "plan.ics"]);
    }

    #[cfg(unix)]
    #[test]
    fn an_output_keeps_the_mode_and_a_new_one_gets_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.html");
        fs::write(&old, "old").unwrap();
        fs::set_permissions(&old, Permissions::from_mode(0o640)).unwrap();
        output_file(&old, b"new").unwrap();
        assert_eq!(fs::metadata(&old).unwrap().permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("fresh.html");
        fs::write(dir.path().join("reference"), "").unwrap();
        output_file(&fresh, b"new").unwrap();
        // Whatever the umask of this test run, a new output is made as `fs::write` makes a file.
        let reference = fs::metadata(dir.path().join("reference")).unwrap().permissions().mode();
        assert_eq!(fs::metadata(&fresh).unwrap().permissions().mode(), reference);
    }

    #[test]
    fn a_read_only_output_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("plan.ics");
        fs::write(&old, "old").unwrap();
        let mut permissions = fs::metadata(&old).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&old, permissions).unwrap();
        assert!(matches!(output_file(&old, b"new").unwrap_err(), Error::Write { .. }));
        assert_eq!(fs::read_to_string(&old).unwrap(), "old");
    }
}
