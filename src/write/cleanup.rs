//! Temporary files that must not outlive their write: removed on SIGINT, SIGTERM and SIGHUP by a
//! watcher thread, and, after a `kill -9` that no process can catch, by the next edit of the plan
//! (under its lock, see [`remove_stale`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The temporary files being written now, for the signal watcher to remove.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file known to the signal watcher until this is dropped (after its rename, or
/// after `tempfile` removed it).
#[derive(Debug)]
pub(super) struct Registered(PathBuf);

/// Creates a temporary file with `create` and tells the watcher (started on the first call)
/// about it. The list is held meanwhile: a signal during the creation is handled after it, and
/// finds the new file to remove.
pub(super) fn create<T: AsRef<Path>>(create: impl FnOnce() -> std::io::Result<T>) -> std::io::Result<(T, Registered)> {
    watch();
    let mut pending = pending();
    let file = create()?;
    let path = file.as_ref().to_path_buf();
    pending.push(path.clone());
    Ok((file, Registered(path)))
}

impl Registered {
    /// Runs the rename (or anything that ends the temporary file's life) while the watcher
    /// cannot remove the file: a signal meanwhile waits, then finds nothing left to remove.
    pub(super) fn finish<T>(self, last_step: impl FnOnce() -> T) -> T {
        let mut pending = pending();
        let result = last_step();
        pending.retain(|p| *p != self.0);
        result
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        pending().retain(|p| *p != self.0);
    }
}

/// The list, even when a thread panicked while holding it (the list itself is always whole).
fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Starts the watcher thread once. When it cannot be started (no threads, no signals), writes go
/// on without it: the next edit removes what a signal leaves.
#[cfg(unix)]
pub(super) fn watch() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        let _ = std::thread::Builder::new().name("plan-signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held to the end: a rename in progress finishes first, and no new one starts.
                let pending = pending();
                for path in pending.iter() {
                    let _ = fs::remove_file(path);
                }
                // Dies of the signal as it would have without us (exit status 128 + signal).
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                signal_hook::low_level::exit(128 + signal);
            }
        });
    });
}

#[cfg(not(unix))]
pub fn watch() {}

/// Removes the temporary files a killed write of `target` left beside it: `.NAME.XXXXXX.tmp`,
/// as [`super::write_temp`] names them. Called only under the plan's lock, when no other `plan`
/// is writing it.
pub(super) fn remove_stale(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let Ok(entries) = fs::read_dir(super::folder(target)) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else { continue };
        if is_temp_of(file_name, &name) && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `file_name` is a temporary file of `name`: `.` + name + `.` + six letters or digits
/// + `.tmp`.
fn is_temp_of(file_name: &str, name: &str) -> bool {
    let middle = file_name
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(name))
        .and_then(|rest| rest.strip_prefix('.')?.strip_suffix(".tmp"));
    middle.is_some_and(|m| m.len() == super::RANDOM_LEN && m.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_temporary_files_are_stale() {
        assert!(is_temp_of(".2019.toml.a1B2c3.tmp", "2019.toml"));
        assert!(!is_temp_of(".2019.toml.a1B2c3.tmp", "2020.toml"));
        assert!(!is_temp_of(".2019.toml.a1B2c.tmp", "2019.toml"));
        assert!(!is_temp_of(".2019.toml.a1B2c3!.tmp", "2019.toml"));
        assert!(!is_temp_of("2019.toml.a1B2c3.tmp", "2019.toml"));
        assert!(!is_temp_of(".2019.toml.a1B2c3.swp", "2019.toml"));
        assert!(!is_temp_of(".2019.toml.a-B2c3.tmp", "2019.toml"));
    }

    #[test]
    fn stale_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("2019.toml");
        for name in ["2019.toml", ".2019.toml.abc123.tmp", ".2019.toml.swp", ".2020.toml.abc123.tmp"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_stale(&plan);
        let mut names: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        assert_eq!(names, [".2019.toml.swp", ".2020.toml.abc123.tmp", "2019.toml"]);
    }
}
