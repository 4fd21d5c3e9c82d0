//! What a new file takes over from the one it replaces: mode, owners, POSIX ACL and extended
//! attributes, all given to the temporary file before a byte of the new text is written to it.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::path::Path;

/// The mode, owners and extended attributes (the POSIX ACL among them, as
/// `system.posix_acl_access`) of a file about to be replaced.
#[derive(Debug)]
pub(super) struct Like {
    metadata: fs::Metadata,
    xattrs: Vec<(OsString, Vec<u8>)>,
}

/// The ACL of a file, as Linux keeps it among its extended attributes.
const ACL: &str = "system.posix_acl_access";

impl Like {
    /// Reads them from the file at `path` (not through a symbolic link: `path` is the file).
    pub(super) fn of(path: &Path) -> io::Result<Self> {
        let metadata = fs::metadata(path)?;
        let mut xattrs = Vec::new();
        if xattr::SUPPORTED_PLATFORM {
            // A file system without extended attributes has none to carry over.
            if let Ok(names) = xattr::list(path) {
                for name in names {
                    if let Some(value) = xattr::get(path, &name)? {
                        xattrs.push((name, value));
                    }
                }
            }
        }
        Ok(Like { metadata, xattrs })
    }

    /// Only the mode and owners of `metadata` (a new plan made from another takes no more).
    pub(super) fn from_metadata(metadata: fs::Metadata) -> Self {
        Like { metadata, xattrs: Vec::new() }
    }

    /// The mode bits to create the temporary file with: the owner's only, so that nobody else
    /// may open it before it has all of its final permissions.
    #[cfg(unix)]
    pub(super) fn creation_mode(&self, writable: bool) -> u32 {
        use std::os::unix::fs::MetadataExt;
        (self.metadata.mode() & 0o700) | if writable { 0o600 } else { 0 }
    }
}

/// Gives `file` (new, empty) the mode, owners, ACL and extended attributes of `like`. The group
/// is kept when the user belongs to it (or is root), the owner when the user is root; otherwise
/// the file is refused rather than handed to other owners, unless `best_effort` (a new file made
/// from another, which is also made writable by its owner).
#[cfg(unix)]
pub(super) fn inherit(file: &File, like: &Like, best_effort: bool) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    use xattr::FileExt;
    let old = &like.metadata;
    let mode = if best_effort { old.mode() | 0o200 } else { old.mode() };
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) != (old.uid(), old.gid()) {
        let kept = fchown(file, Some(old.uid()), Some(old.gid())).or_else(|_| fchown(file, None, Some(old.gid())));
        match kept {
            Ok(()) => {}
            Err(_) if best_effort => {}
            Err(error) => {
                return Err(io::Error::new(error.kind(), super::Refused::KeepGroup { gid: old.gid(), error }));
            }
        }
    }
    // After `fchown`, which may clear set-id bits.
    file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
    if !xattr::SUPPORTED_PLATFORM {
        return Ok(());
    }
    // A default ACL of the folder gave the new file an ACL the old one did not have: take it off,
    // or the group (whose bits an ACL turns into its mask) could gain rights.
    if !like.xattrs.iter().any(|(name, _)| name == ACL) && file.get_xattr(ACL).ok().flatten().is_some() {
        file.remove_xattr(ACL)?;
        file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
    }
    for (name, value) in &like.xattrs {
        match file.set_xattr(name, value) {
            Ok(()) => {}
            // The security label is the system's to give (SELinux, Smack), and `trusted.*`
            // needs privileges an ordinary user has not: the file gets what the system gives.
            Err(_) if name.to_str().is_some_and(|n| n.starts_with("security.") || n.starts_with("trusted.")) => {}
            Err(_) if best_effort => {}
            Err(error) => {
                return Err(io::Error::new(
                    error.kind(),
                    super::Refused::KeepAttribute { name: name.to_string_lossy().into_owned(), error },
                ));
            }
        }
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn inherit(file: &File, like: &Like, best_effort: bool) -> io::Result<()> {
    let mut permissions = like.metadata.permissions();
    if best_effort {
        permissions.set_readonly(false);
    }
    file.set_permissions(permissions)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn the_temporary_file_starts_with_its_owners_bits_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        fs::write(&path, "x").unwrap();
        let cases = [(0o644, false, 0o600), (0o640, false, 0o600), (0o600, false, 0o600), (0o440, true, 0o600)];
        for (mode, writable, expected) in cases {
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
            assert_eq!(Like::of(&path).unwrap().creation_mode(writable), expected, "{mode:o}");
        }
        fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
        assert_eq!(Like::of(&path).unwrap().creation_mode(false), 0o400);
    }
}
