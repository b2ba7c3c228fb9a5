//! The temporary file an output is written to: made beside the target as
//! `.tralign-XXXXXX.tmp`, renamed onto it at the commit, and removed when
//! the run fails or is interrupted.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Gives the temporary file the owner (where allowed) and mode of the file
/// it replaces. The owner goes first, as changing it may clear set-id bits.
#[cfg(unix)]
pub(super) fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
        // Only root may give a file away; others keep their own.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
pub(super) fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// A temporary file that exists until it is persisted; removed when
/// dropped, and by the signal handler of [`signals`] on an interruption.
pub(super) struct Pending {
    path: Option<PathBuf>,
}

impl Pending {
    /// Creates `.tralign-XXXXXX.tmp` in `dir` with `mode` (less the umask;
    /// where there are no modes, it is not used), registered for removal
    /// before anything can interrupt in between.
    pub(super) fn create(dir: &Path, mode: u32) -> io::Result<(Pending, File)> {
        signals::watch();
        let mut list = signals::pending();
        let mut attempt = 0;
        loop {
            let path = dir.join(format!(".tralign-{}.tmp", random_tag(attempt)));
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
            #[cfg(not(unix))]
            let _ = mode;
            match options.open(&path) {
                Ok(file) => {
                    list.push(path.clone());
                    return Ok((Pending { path: Some(path) }, file));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// Renames the file onto `target`; the signal handler cannot run in
    /// between, so a commit is whole or not at all.
    pub(super) fn persist(mut self, target: &Path) -> io::Result<()> {
        let mut list = signals::pending();
        let Some(path) = self.path.take() else {
            return Ok(());
        };
        list.retain(|p| *p != path);
        std::fs::rename(&path, target).inspect_err(|_| {
            let _ = std::fs::remove_file(&path);
        })
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let mut list = signals::pending();
            let _ = std::fs::remove_file(&path);
            list.retain(|p| *p != path);
        }
    }
}

/// Six letters and digits that differ from run to run and call to call.
fn random_tag(attempt: u32) -> String {
    use std::hash::{BuildHasher, Hasher};
    // Each RandomState is seeded afresh, which is all the randomness needed.
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.write_u32(attempt);
    let mut n = hasher.finish();
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    (0..6)
        .map(|_| {
            let c = digits[(n % 62) as usize] as char;
            n /= 62;
            c
        })
        .collect()
}

/// Removing temporary files when the run is interrupted.
pub(super) mod signals {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard};

    /// The temporary files that exist now.
    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    pub(in crate::write::sink) fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts, once, a thread that on SIGINT, SIGTERM or SIGHUP removes the
    /// pending temporary files and then ends the process as the signal would
    /// have, so the caller sees the usual exit status.
    #[cfg(unix)]
    pub(super) fn watch() {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use signal_hook::iterator::Signals;
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held to the end, so that no commit starts meanwhile.
                    let list = pending();
                    for path in list.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }

    #[cfg(not(unix))]
    pub(super) fn watch() {}
}
