//! Safe writing (spec §5, "Writing"): edits of one plan at once all land; a written file keeps
//! its mode, group and owner; `export -o` never overwrites a plan, a read-only file or, on a full
//! disk, half of the old output; a FIFO is refused, not waited on.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{plan_file, run};

/// A copy of `plans/2019.toml` in a fresh folder.
fn plan_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2019.toml");
    fs::copy(crate::common::shipped(), &path).unwrap();
    (dir, path)
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn many_concurrent_edits_of_one_plan_and_locked_appends_all_land() {
    let (_dir, path) = plan_copy();
    // Twice as many writers as the pairs, all started before any has finished.
    let dates: Vec<String> = (1..=24).map(|day| format!("2019-02-{day:02}")).collect();
    let before = fs::read_to_string(&path).unwrap();
    assert!(dates.iter().all(|date| !before.contains(date.as_str())), "the dates must be new");
    let children: Vec<_> = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let activity = if i % 2 == 0 { "council-sessions" } else { "presidium-sessions" };
            Command::new(env!("CARGO_BIN_EXE_plan"))
                .args(["--color", "never", "--lang", "en", "--as-of", "2019-12-31", "--file"])
                .arg(&path)
                .args(["held", activity, date])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Meanwhile other programs that take the same lock, on the plan's folder (`flock DIR`, as a
    // script would), append comments in place: none may be lost either.
    let notes: Vec<String> = (1..=8).map(|i| format!("# appended by another program, {i}")).collect();
    let appenders: Vec<_> = notes
        .iter()
        .map(|note| {
            Command::new("flock")
                .arg(path.parent().unwrap())
                .args(["sh", "-c", "printf '%s\\n' \"$1\" >> \"$2\"", "append", note])
                .arg(&path)
                .spawn()
                .expect("flock(1) from util-linux")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    for mut appender in appenders {
        assert!(appender.wait().unwrap().success());
    }
    let after = fs::read_to_string(&path).unwrap();
    let lost: Vec<&String> = dates.iter().filter(|date| !after.contains(date.as_str())).collect();
    assert!(lost.is_empty(), "dates lost: {lost:?}");
    let lost: Vec<&String> = notes.iter().filter(|note| !after.contains(note.as_str())).collect();
    assert!(lost.is_empty(), "appended lines lost: {lost:?}");
    let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "check"]));
    assert!(code == 0 || code == 1, "the plan still loads: {stderr}");
}

#[cfg(unix)]
mod owners {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};

    use super::*;

    fn owner(path: &Path) -> (u32, u32, u32) {
        let metadata = fs::metadata(path).unwrap();
        (metadata.uid(), metadata.gid(), metadata.mode() & 0o7777)
    }

    /// A folder that uid 1001 of group 2000 may write in (group-writable, no set-group-id bit, so a
    /// new file there takes its maker's primary group), holding a plan owned by 1000:2000,
    /// mode 660: a plan shared by a group, as in the issue.
    fn shared_plan() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let shared = dir.path().join("plans");
        fs::create_dir(&shared).unwrap();
        chown(&shared, Some(1000), Some(2000)).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o770)).unwrap();
        let path = shared.join("2019.toml");
        fs::copy(crate::common::shipped(), &path).unwrap();
        chown(&path, Some(1000), Some(2000)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o660)).unwrap();
        (dir, path)
    }

    /// `plan ARGS` as uid 1001, primary group 1001, also in group 2000.
    fn as_colleague(path: &Path, args: &[&str]) -> std::process::Output {
        Command::new("setpriv")
            .args(["--reuid", "1001", "--regid", "1001", "--groups", "2000", "--"])
            .arg(env!("CARGO_BIN_EXE_plan"))
            .args(["--color", "never", "--lang", "en", "--as-of", "2019-12-31", "--file"])
            .arg(path)
            .args(args)
            .output()
            .unwrap()
    }

    #[test]
    fn a_colleagues_edit_keeps_the_group_and_mode() {
        if !is_root() || Command::new("setpriv").arg("--version").output().is_err() {
            crate::common::cannot_run_without("root and `setpriv` (util-linux) to act as another user");
            return;
        }
        let (_dir, path) = shared_plan();
        let output = as_colleague(&path, &["held", "council-sessions", "2019-03-14"]);
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(fs::read_to_string(&path).unwrap().contains("2019-03-14"));
        // The owner cannot be given away by a user, but the group and mode are what they were,
        // so the owner (in group 2000) can still read and write it.
        assert_eq!(owner(&path), (1001, 2000, 0o660));
    }

    #[test]
    fn an_edit_that_cannot_keep_the_group_writes_nothing() {
        if !is_root() || Command::new("setpriv").arg("--version").output().is_err() {
            crate::common::cannot_run_without("root and `setpriv` (util-linux) to act as another user");
            return;
        }
        let (dir, path) = shared_plan();
        // Anyone may write the plan and the folder, but uid 1001 is not in group 2000 now.
        fs::set_permissions(path.parent().unwrap(), fs::Permissions::from_mode(0o777)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
        let before = fs::read(&path).unwrap();
        let output = Command::new("setpriv")
            .args(["--reuid", "1001", "--regid", "1001", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_plan"))
            .args(["--color", "never", "--lang", "en", "--as-of", "2019-12-31", "--file"])
            .arg(&path)
            .args(["held", "council-sessions", "2019-03-14"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("could not keep the group 2000"), "{stderr}");
        assert_eq!(fs::read(&path).unwrap(), before);
        assert_eq!(owner(&path), (1000, 2000, 0o666));
        assert_eq!(crate::common::names(path.parent().unwrap()), ["2019.toml"]);
        drop(dir);
    }

    #[test]
    fn root_keeps_the_owner_group_and_mode_of_every_file_it_writes() {
        if !is_root() {
            crate::common::cannot_run_without("root, to make files of other users");
            return;
        }
        let (dir, path) = plan_copy();
        chown(&path, Some(65534), Some(65534)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "held", "1.1", "2019-03-14"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(owner(&path), (65534, 65534, 0o640), "held");
        let (code, _, stderr) = run(plan_file(&path).args(["--as-of", "2019-12-31", "cancel", "2.1"]));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(owner(&path), (65534, 65534, 0o640), "cancel");
        let calendar = dir.path().join("plan.ics");
        fs::write(&calendar, "old").unwrap();
        chown(&calendar, Some(1000), Some(2000)).unwrap();
        fs::set_permissions(&calendar, fs::Permissions::from_mode(0o664)).unwrap();
        let (code, _, stderr) = run(plan_file(&path).args(["export", "ics", "--force", "-o"]).arg(&calendar));
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(owner(&calendar), (1000, 2000, 0o664), "export -o");
        assert!(fs::read_to_string(&calendar).unwrap().starts_with("BEGIN:VCALENDAR"));
    }

    #[test]
    fn root_does_not_overwrite_a_read_only_output() {
        let (dir, path) = plan_copy();
        let calendar = dir.path().join("plan.ics");
        fs::write(&calendar, "old").unwrap();
        fs::set_permissions(&calendar, fs::Permissions::from_mode(0o444)).unwrap();
        let (code, _, stderr) = run(plan_file(&path).args(["export", "ics", "--force", "-o"]).arg(&calendar));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("permission denied") || stderr.contains("Permission denied"), "{stderr}");
        assert_eq!(fs::read_to_string(&calendar).unwrap(), "old");
    }
}

#[test]
fn export_refuses_to_overwrite_a_plan() {
    let (dir, path) = plan_copy();
    let before = fs::read(&path).unwrap();
    for format in ["ics", "html"] {
        let (code, stdout, stderr) = run(plan_file(&path).args(["export", format, "-o"]).arg(&path));
        assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
        assert!(stderr.contains("is a plan file"), "{stderr}");
        assert_eq!(fs::read(&path).unwrap(), before, "export {format} -o PLAN");
    }
    // Another plan, not the one being read, is refused too.
    let other = dir.path().join("2018.toml");
    fs::copy(&path, &other).unwrap();
    let (code, _, stderr) = run(plan_file(&path).args(["export", "ics", "-o"]).arg(&other));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(fs::read(&other).unwrap(), before);
    assert_eq!(crate::common::names(dir.path()), ["2018.toml", "2019.toml"]);
}

/// A tmpfs of 64 KiB mounted over a fresh folder, unmounted when dropped.
#[cfg(target_os = "linux")]
struct SmallDisk(tempfile::TempDir);

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount() -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk(dir))
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn export_on_a_full_disk_leaves_the_old_output_whole() {
    let Some(disk) = SmallDisk::mount() else {
        crate::common::cannot_run_without("root that may mount a small tmpfs");
        return;
    };
    // A plan whose calendar is far larger than the disk.
    let mut text = crate::common::shipped_text();
    for i in 0..400 {
        let _ =
            write!(text, "\n[[section.activity]]\ntitle = \"Событие {i} с длинным названием\"\nwhen = \"апрель\"\n");
    }
    let source = tempfile::tempdir().unwrap();
    let path = source.path().join("2019.toml");
    fs::write(&path, text).unwrap();
    let calendar = disk.0.path().join("plan.ics");
    let old = "BEGIN:VCALENDAR\r\nPRODID:старый календарь\r\nEND:VCALENDAR\r\n".repeat(40);
    fs::write(&calendar, &old).unwrap();
    let (code, _, stderr) = run(plan_file(&path).args(["export", "ics", "--force", "-o"]).arg(&calendar));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(fs::read_to_string(&calendar).unwrap(), old, "the old output is whole");
    assert_eq!(crate::common::names(disk.0.path()), ["plan.ics"], "no temporary file is left");
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_plan_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("2019.toml");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    for args in [&["list"][..], &["check"], &["held", "1.1", "2019-03-14"], &["new", "2020"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["--color", "never", "--lang", "en", "--file"])
            .arg(&fifo)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A blocked `open` never returns: give it five seconds, then fail the test.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(5) {
                let _ = child.kill();
                panic!("plan {args:?} on a FIFO still runs after 5 s");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{args:?}: {stderr}");
    }
}
