//! Every file `plan` writes goes through here: all or nothing, never over somebody else's change,
//! with the old file's mode, group and (where the user may set it) owner.
//!
//! A file is replaced the way editors save: the new text goes to a temporary file in the same
//! folder (so that the rename stays on one file system), which is created with its owner's bits
//! only and given the old file's mode, owners, ACL and extended attributes before a byte is
//! written ([`attrs`]), flushed to disk and then renamed over the target in one step. A crash or
//! a full disk at any moment leaves either the old file or the new one, never half of each, and
//! no temporary file: `tempfile` removes it on every path that does not end in the rename, a
//! signal watcher on SIGINT, SIGTERM and SIGHUP, and the next write of the same file what a
//! `kill -9` left ([`cleanup`]).
//!
//! The API, for every command that writes:
//! - [`Locked::open_waiting`] (which says when it waits and gives up after a timeout) →
//!   [`Locked::contents`] → [`Locked::replace`]: an edit of a plan (`held`, `planned`, `cancel`,
//!   `result`). The exclusive lock is held from the read to the rename, so two edits at once both
//!   land. An edit that would outgrow the loader's size limit is refused.
//! - [`create_new`]: a new plan (`new`, `import`), never over an existing file or a folder.
//! - [`output_file`]: a document (`export -o`, `report -o`): over a document `plan` signed, any
//!   other file with `force`, never over a plan, a `*.toml` name, a link, a folder or a read-only
//!   file ([`sniff`] judges what is there).
//! - [`hook_file`]: the git hook, replacing a file or a link itself, never the link's target.
//!
//! The lock is `flock(2)` (std's `File::lock`) on the folder that holds the plan, which outlives
//! the rename (see [`lock_folder`]). It binds only programs that ask for it: other `plan`
//! processes wait, as does a script run under `flock plans/ ...`; editors do not. Against an
//! editor that saves meanwhile, the file is read once more just before the rename, and nothing
//! is written if it is no longer what was read.

mod attrs;
mod cleanup;
pub(crate) mod sniff;

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tempfile::NamedTempFile;

use crate::error::Error;
use attrs::Like;

/// The length of the random part of a temporary file's name (`.2019.toml.a1B2c3.tmp`).
const RANDOM_LEN: usize = 6;

/// How long a writer waits for the plan's lock when `PLAN_LOCK_TIMEOUT` does not say.
pub(crate) const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// How often a waiting writer tries the lock again.
const LOCK_POLL: Duration = Duration::from_millis(50);

/// Reads a plan file whole, as the loader does (the same size limit, the same errors).
pub(crate) fn read(path: &Path) -> Result<Vec<u8>, Error> {
    crate::model::read_limited(path).map_err(|problem| Error::Read { path: path.to_path_buf(), problem })
}

/// How a writer waits for the lock another process holds: at most `timeout`, calling `waiting`
/// once, at once, when it has to wait at all (to tell the user why nothing happens).
pub(crate) struct Wait<'a> {
    /// The longest wait before giving up.
    pub timeout: Duration,
    /// Told once that the lock is taken.
    pub waiting: &'a mut dyn FnMut(),
}

/// A plan file opened for an edit: its contents, read under an exclusive lock that lasts until
/// the value is dropped or [`Locked::replace`] has renamed the new text over it.
#[derive(Debug)]
pub(crate) struct Locked {
    /// The path as the user gave it, for messages.
    path: PathBuf,
    /// The file the path leads to (symbolic links followed): the one replaced.
    target: PathBuf,
    /// The folder of `target`, locked; the lock goes when this is dropped.
    _lock: File,
    /// The plan, open for writing: proof that this user may write it, kept to the end.
    _file: File,
    contents: Vec<u8>,
}

impl Locked {
    /// Opens the plan at `path` for writing, waits for the exclusive lock as `wait` says, and
    /// reads it.
    ///
    /// A file that cannot be written (no write permission, or read-only mode bits even for
    /// root) is refused here, before any work. Temporary files that a killed write left beside
    /// the plan are removed once the lock is held.
    pub(crate) fn open_waiting(path: &Path, mut wait: Wait<'_>) -> Result<Self, Error> {
        let fail = |error| Error::Write { path: path.to_path_buf(), error };
        let read_fail = |problem| Error::Read { path: path.to_path_buf(), problem };
        // A missing file is told as the loader tells it.
        let target = fs::canonicalize(path).map_err(|error| read(path).err().unwrap_or_else(|| fail(error)))?;
        let lock = lock_folder(&target, &mut wait).map_err(|error| match error {
            LockError::Io(error) => fail(error),
            LockError::TimedOut(waited) => Error::LockTimeout { path: path.to_path_buf(), seconds: waited.as_secs() },
        })?;
        cleanup::remove_stale(&target, true);
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
        Ok(Locked { path: path.to_path_buf(), target, _lock: lock, _file: file, contents })
    }

    /// The file's bytes as read under the lock.
    #[must_use]
    pub(crate) fn contents(&self) -> &[u8] {
        &self.contents
    }

    /// Replaces the file with `contents` (mode, owners, ACL and extended attributes kept), then
    /// lets the lock go.
    pub(crate) fn replace(self, contents: &[u8]) -> Result<(), Error> {
        self.replace_with(contents, |temp, target| temp.persist(target).map(drop).map_err(|e| e.error))
    }

    /// [`Locked::replace`], with the final rename given by the caller: the seam where a test makes
    /// the last step fail, to see that nothing is lost when it does.
    pub(crate) fn replace_with(
        self,
        contents: &[u8],
        rename: impl FnOnce(NamedTempFile, &Path) -> io::Result<()>,
    ) -> Result<(), Error> {
        // A plan the loader would then refuse to read is not written.
        let limit = crate::model::MAX_PLAN_BYTES;
        if contents.len() as u64 > limit {
            return Err(Error::EditTooLarge { path: self.path.clone(), size: contents.len() as u64, limit });
        }
        let fail = |error| Error::Write { path: self.path.clone(), error };
        let like = Like::of(&self.target).map_err(fail)?;
        let (temp, registered) = write_temp(&self.target, contents, Some(&like), false).map_err(fail)?;
        // An editor may have saved the file since it was read: their change wins, ours is dropped
        // (and with it the temporary file).
        if read(&self.target)? != self.contents {
            return Err(Error::ChangedOnDisk { path: self.path.clone() });
        }
        registered.finish(|| rename(temp, &self.target)).map_err(fail)?;
        sync_folder(&self.target);
        // The lock goes with `self`, after the rename.
        Ok(())
    }
}

/// Writes a new file at `path`, never over an existing one. `like` is the file it is made from
/// (`plan new`: the source plan): the new file takes its mode, made writable by its owner, and
/// its group where the user may set it; without it, the mode is what the umask gives.
pub(crate) fn create_new(path: &Path, contents: &[u8], like: Option<&fs::Metadata>) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Error::OutputIsFolder { path: path.to_path_buf() });
    }
    let like = like.cloned().map(Like::from_metadata);
    cleanup::remove_stale(path, false);
    let (temp, registered) = write_temp(path, contents, like.as_ref(), true).map_err(fail)?;
    // `persist_noclobber` fails when the path exists, even when it appeared a moment ago.
    registered.finish(|| temp.persist_noclobber(path)).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => Error::OutputExists { path: path.to_path_buf() },
        _ => Error::Write { path: path.to_path_buf(), error: e.error },
    })?;
    sync_folder(path);
    Ok(())
}

/// Writes a document (`export -o`, `report -o`) at `path`, atomically.
///
/// What may be replaced, as `git` and `cargo` treat a user's files: nothing through a symbolic
/// link, no folder, never a plan (a `*.toml` file, or anything that looks like a plan, even a
/// broken one), a document `plan` wrote itself (see [`sniff`]) without asking, and any other
/// file only with `force`. A replaced file keeps its mode, owners, ACL and extended attributes;
/// a read-only one is refused.
pub(crate) fn output_file(path: &Path, contents: &[u8], force: bool) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    let old = match fs::symlink_metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    if sniff::has_toml_extension(path) {
        return Err(Error::OutputIsPlan { path: path.to_path_buf() });
    }
    let like = match &old {
        None => None,
        Some(old) => {
            refuse_output(path, old, force)?;
            Some(Like::of(path).map_err(fail)?)
        }
    };
    cleanup::remove_stale(path, false);
    let (temp, registered) = write_temp(path, contents, like.as_ref(), false).map_err(fail)?;
    let persisted = registered.finish(|| match like {
        Some(_) => temp.persist(path).map(drop),
        // Nothing was there: nothing may be replaced that appeared meanwhile.
        None => temp.persist_noclobber(path).map(drop),
    });
    persisted.map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists => Error::OutputNotOurs { path: path.to_path_buf() },
        _ => fail(e.error),
    })?;
    sync_folder(path);
    Ok(())
}

/// Why the existing `old` at `path` may not be replaced by a document, if it may not.
fn refuse_output(path: &Path, old: &fs::Metadata, force: bool) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    if old.file_type().is_symlink() {
        return Err(Error::OutputIsSymlink { path: path.to_path_buf() });
    }
    if old.is_dir() {
        return Err(Error::OutputIsFolder { path: path.to_path_buf() });
    }
    if !old.is_file() {
        // A FIFO, a device, a socket: not a file to replace (and not one to open and sniff).
        return Err(fail(io::Error::other(Refused::NotARegularFile)));
    }
    match sniff::kind(path).map_err(fail)? {
        sniff::Kind::Plan => return Err(Error::OutputIsPlan { path: path.to_path_buf() }),
        sniff::Kind::Other if !force => return Err(Error::OutputNotOurs { path: path.to_path_buf() }),
        sniff::Kind::Ours | sniff::Kind::Other => {}
    }
    if old.permissions().readonly() {
        return Err(fail(io::ErrorKind::PermissionDenied.into()));
    }
    // Writable by this user? Root may write anything, but the mode bits said yes already.
    fs::OpenOptions::new().write(true).open(path).map_err(fail)?;
    Ok(())
}

/// Writes the git hook at `path`, executable, replacing what is there: a file, or a symbolic
/// link itself (never the file it points to, which may be a script tracked in the repository).
/// The caller has asked the user (`--force`) before replacing anything.
pub(crate) fn hook_file(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let fail = |error| Error::Write { path: path.to_path_buf(), error };
    let like = match fs::symlink_metadata(path) {
        Ok(old) if old.is_file() => Some(Like::of(path).map_err(fail)?),
        Ok(old) if old.is_dir() => return Err(Error::OutputIsFolder { path: path.to_path_buf() }),
        Ok(_) => None,
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    cleanup::remove_stale(path, false);
    let (temp, registered) = write_temp(path, contents, like.as_ref(), false).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = temp.as_file().metadata().map_err(fail)?.permissions().mode();
        // Executable by whoever may read it.
        temp.as_file().set_permissions(fs::Permissions::from_mode(mode | (mode & 0o444) >> 2)).map_err(fail)?;
    }
    registered.finish(|| temp.persist(path)).map_err(|e| fail(e.error))?;
    sync_folder(path);
    Ok(())
}

/// `contents` in a temporary file beside `target`, on disk, with the mode, owners, ACL and
/// extended attributes of `like` (the file it replaces, or the one a new plan is made from)
/// given before the first byte, or the mode the umask gives a new file. The file is known to the
/// signal watcher until the returned registration is finished or dropped.
fn write_temp(
    target: &Path,
    contents: &[u8],
    like: Option<&Like>,
    best_effort: bool,
) -> io::Result<(NamedTempFile, cleanup::Registered)> {
    let (mut temp, registered) = create_temp(target, like, best_effort)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    Ok((temp, registered))
}

/// The empty temporary file of [`write_temp`], with all of its final permissions.
fn create_temp(
    target: &Path,
    like: Option<&Like>,
    best_effort: bool,
) -> io::Result<(NamedTempFile, cleanup::Registered)> {
    let name = target.file_name().map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(RANDOM_LEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new output: `open(2)` takes the umask off, as for any new file. A replacement: the
        // owner's bits only, until all of the old file's permissions are given.
        let mode = like.map_or(0o666, |like| like.creation_mode(best_effort));
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let (temp, registered) = cleanup::create(|| builder.tempfile_in(folder(target)), NamedTempFile::as_file)?;
    if let Some(like) = like {
        attrs::inherit(temp.as_file(), like, best_effort)?;
    }
    Ok((temp, registered))
}

/// Why `plan` itself refused a write, carried inside the `io::Error` so that the message says it
/// in the user's language (see `io_reason` in `src/error/message.rs`); `Display` is English.
#[derive(Debug)]
pub(crate) enum Refused {
    /// The path names a FIFO, a device or a socket, not a file to replace.
    NotARegularFile,
    /// The new file could not be given the group of the old one.
    KeepGroup { gid: u32, error: io::Error },
    /// The new file could not be given an extended attribute (an ACL) of the old one.
    KeepAttribute { name: String, error: io::Error },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::NotARegularFile => f.write_str("not a regular file"),
            Refused::KeepGroup { gid, error } => {
                write!(f, "the new file could not keep the group {gid} of the old one ({error})")
            }
            Refused::KeepAttribute { name, error } => {
                write!(f, "the new file could not keep the attribute {name} of the old one ({error})")
            }
        }
    }
}

impl std::error::Error for Refused {}

/// Why the lock was not taken.
enum LockError {
    Io(io::Error),
    /// Another process held it for all of this time.
    TimedOut(Duration),
}

/// The folder holding `target`, open and exclusively locked, waiting as `wait` says.
///
/// The folder, not the file: the file is replaced by a rename, and a lock on it would stay on
/// the old, unlinked file, where a process waiting for it would then read old text. The folder
/// stays, so every program that takes its lock (`flock plans/ COMMAND`) takes turns with `plan`.
fn lock_folder(target: &Path, wait: &mut Wait<'_>) -> Result<File, LockError> {
    #[cfg(unix)]
    let file = File::open(folder(target)).map_err(LockError::Io)?;
    // Where a folder cannot be opened as a file, the file itself is locked.
    #[cfg(not(unix))]
    let file = File::open(target).map_err(LockError::Io)?;
    let start = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::Error(error)) => return Err(LockError::Io(error)),
            Err(fs::TryLockError::WouldBlock) => {}
        }
        if !told {
            (wait.waiting)();
            told = true;
        }
        let waited = start.elapsed();
        if waited >= wait.timeout {
            return Err(LockError::TimedOut(wait.timeout));
        }
        std::thread::sleep(LOCK_POLL.min(wait.timeout.saturating_sub(waited)));
    }
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
    use std::fs::Permissions;

    /// Every name in the folder, sorted: no temporary file may be left behind.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    /// The plan at `path`, locked (waiting silently up to [`DEFAULT_LOCK_TIMEOUT`]) and read.
    fn open(path: &Path) -> Result<Locked, Error> {
        Locked::open_waiting(path, Wait { timeout: DEFAULT_LOCK_TIMEOUT, waiting: &mut || {} })
    }

    /// Reads the plan at `path` under the lock, asks `change` for the new text, and writes it.
    fn replace_locked(path: &Path, change: impl FnOnce(&[u8]) -> Result<Vec<u8>, Error>) -> Result<(), Error> {
        let locked = open(path)?;
        let contents = change(locked.contents())?;
        locked.replace(&contents)
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
        let error = open(&path)
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
        let locked = open(&path).unwrap();
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

    #[cfg(target_os = "linux")]
    #[test]
    fn the_temporary_file_has_every_permission_before_its_first_byte() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = plan_file("old\n");
        fs::set_permissions(&path, Permissions::from_mode(0o600)).unwrap();
        // A file system without user attributes (an old tmpfs) has nothing to carry over.
        let attribute = xattr::set(&path, "user.plan.test", b"kept").is_ok();
        let (temp, _registered) = create_temp(&path, Some(&Like::of(&path).unwrap()), false).unwrap();
        let metadata = temp.as_file().metadata().unwrap();
        assert_eq!(metadata.len(), 0);
        assert_eq!(metadata.permissions().mode() & 0o7777, 0o600);
        if attribute {
            assert_eq!(xattr::get(temp.path(), "user.plan.test").unwrap().as_deref(), Some(&b"kept"[..]));
        }
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let (dir, path) = plan_file("old\n");
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let error = open(&path).unwrap_err();
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
        let error = output_file(&plan, b"BEGIN:VCALENDAR\n", true).unwrap_err();
        assert!(matches!(error, Error::OutputIsPlan { .. }), "{error:?}");
        // A plan that does not even parse is still a plan, under any name, with --force too.
        let broken = dir.path().join("broken.txt");
        fs::write(&broken, "[ plan ]\ntitle = \n").unwrap();
        assert!(matches!(output_file(&broken, b"x", true).unwrap_err(), Error::OutputIsPlan { .. }));
        // Any `.toml` name is refused, even one that does not exist yet.
        let fresh_toml = dir.path().join("notes.TOML");
        assert!(matches!(output_file(&fresh_toml, b"x", true).unwrap_err(), Error::OutputIsPlan { .. }));
        // Any other file is replaced whole, with --force.
        let other = dir.path().join("plan.ics");
        fs::write(&other, "old calendar\n").unwrap();
        assert!(matches!(output_file(&other, b"new\n", false).unwrap_err(), Error::OutputNotOurs { .. }));
        assert_eq!(fs::read_to_string(&other).unwrap(), "old calendar\n");
        output_file(&other, b"new calendar\n", true).unwrap();
        assert_eq!(fs::read_to_string(&other).unwrap(), "new calendar\n");
        output_file(&dir.path().join("fresh.ics"), b"x", false).unwrap();
        assert_eq!(fs::read_to_string(&plan).unwrap(), "# the plan\n[plan]\ntitle = \"x\"\nyear = 2019\n");
        assert_eq!(names(dir.path()), ["2019.toml", "broken.txt", "fresh.ics", "plan.ics"]);
    }

    #[test]
    fn a_document_plan_wrote_itself_is_replaced_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let calendar = dir.path().join("plan.ics");
        fs::write(&calendar, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//plan//plan 0.1.0//RU\r\n").unwrap();
        output_file(&calendar, b"new", false).unwrap();
        assert_eq!(fs::read_to_string(&calendar).unwrap(), "new");
        let page = dir.path().join("plan.html");
        fs::write(&page, "<!DOCTYPE html><html><head><meta name=\"generator\" content=\"plan 0.1.0\"></head>").unwrap();
        output_file(&page, b"new", false).unwrap();
        assert_eq!(fs::read_to_string(&page).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn an_output_is_never_written_through_a_link_nor_over_a_folder() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ics");
        fs::write(&real, "BEGIN:VCALENDAR\r\nPRODID:-//plan//plan 0.1.0//RU\r\n").unwrap();
        let link = dir.path().join("link.ics");
        symlink(&real, &link).unwrap();
        let error = output_file(&link, b"new", true).unwrap_err();
        assert!(matches!(error, Error::OutputIsSymlink { .. }), "{error:?}");
        assert!(fs::read_to_string(&real).unwrap().starts_with("BEGIN:VCALENDAR"));
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        let error = output_file(dir.path(), b"new", true).unwrap_err();
        assert!(matches!(error, Error::OutputIsFolder { .. }), "{error:?}");
        let error = create_new(dir.path(), b"new", None).unwrap_err();
        assert!(matches!(error, Error::OutputIsFolder { .. }), "{error:?}");
        assert_eq!(names(dir.path()), ["link.ics", "real.ics"]);
    }

    #[test]
    fn an_edit_over_the_size_limit_is_refused_and_the_file_is_unchanged() {
        let (dir, path) = plan_file("old\n");
        let huge = vec![b'#'; crate::model::MAX_PLAN_BYTES as usize + 1];
        let error = open(&path).unwrap().replace(&huge).unwrap_err();
        assert!(matches!(error, Error::EditTooLarge { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(names(dir.path()), ["2019.toml"]);
    }

    #[test]
    fn a_lock_held_elsewhere_is_waited_for_told_once_and_given_up() {
        let (_dir, path) = plan_file("old\n");
        let held = open(&path).unwrap();
        let mut told = 0;
        let error = Locked::open_waiting(
            &path,
            Wait { timeout: std::time::Duration::from_millis(300), waiting: &mut || told += 1 },
        )
        .unwrap_err();
        assert!(matches!(error, Error::LockTimeout { .. }), "{error:?}");
        assert_eq!(told, 1);
        drop(held);
        let mut told = 0;
        Locked::open_waiting(&path, Wait { timeout: std::time::Duration::ZERO, waiting: &mut || told += 1 }).unwrap();
        assert_eq!(told, 0, "a free lock is taken without a word");
    }

    #[test]
    fn stale_temporary_files_of_the_plan_go_with_the_next_edit() {
        let (dir, path) = plan_file("old\n");
        fs::write(dir.path().join(".2019.toml.Ab12Cd.tmp"), "half").unwrap();
        fs::write(dir.path().join(".notes.txt.Ab12Cd.tmp"), "someone else's").unwrap();
        replace_locked(&path, |_| Ok(b"new\n".to_vec())).unwrap();
        assert_eq!(names(dir.path()), [".notes.txt.Ab12Cd.tmp", "2019.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn an_output_keeps_the_mode_and_a_new_one_gets_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join("old.html");
        fs::write(&old, "old").unwrap();
        fs::set_permissions(&old, Permissions::from_mode(0o640)).unwrap();
        output_file(&old, b"new", true).unwrap();
        assert_eq!(fs::metadata(&old).unwrap().permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("fresh.html");
        fs::write(dir.path().join("reference"), "").unwrap();
        output_file(&fresh, b"new", false).unwrap();
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
        assert!(matches!(output_file(&old, b"new", true).unwrap_err(), Error::Write { .. }));
        assert_eq!(fs::read_to_string(&old).unwrap(), "old");
    }
}
