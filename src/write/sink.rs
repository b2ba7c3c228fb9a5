//! Where output bytes go: standard output, or a file.
//!
//! A regular file is written to a temporary file beside it, named
//! `.tralign-XXXXXX.tmp`, and renamed into place when the run succeeds, so
//! an interrupted or failed run never leaves half a file. The temporary
//! file is removed when the run fails, and on SIGINT, SIGTERM and SIGHUP;
//! only after SIGKILL can one be left, and its name says what it is.
//!
//! What is there already is respected:
//! - a file the run reads is never replaced: [`Reads`] compares identities
//!   (device and inode), so a symbolic or hard link, another spelling of the
//!   path, or standard input redirected from the file are all caught;
//! - a target that is not a regular file (a device such as `/dev/null`, a
//!   FIFO, a socket) is written through, as any program would write to it,
//!   so that errors such as a full disk are seen;
//! - a symbolic link is followed: the file it points to is replaced, the
//!   link stays;
//! - a replaced file keeps its permissions and, where the user may set it,
//!   its owner; a new file gets the permissions the umask allows.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::Error;

/// Where to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// Standard output.
    Stdout,
    /// A file, replaced whole.
    File(String),
}

impl Sink {
    /// Standard output for `None` or `-`, else the file.
    pub fn new(path: Option<&str>) -> Sink {
        match path {
            None | Some("-") => Sink::Stdout,
            Some(p) => Sink::File(p.to_string()),
        }
    }

    /// Refuses a file sink that is one of `inputs` (`-` is standard input).
    pub fn check_not_input(&self, inputs: &[&str]) -> Result<(), Error> {
        self.check_not_read(&Reads::new(inputs.iter().copied()))
    }

    /// Refuses a file sink that is one of the files in `reads`.
    pub fn check_not_read(&self, reads: &Reads) -> Result<(), Error> {
        match self {
            Sink::Stdout => Ok(()),
            Sink::File(out) => reads.check(out),
        }
    }

    /// Opens the sink for writing. For a regular file this creates the
    /// temporary file at once, so that a folder that cannot be written is
    /// found before the work rather than after it; nothing of it is in
    /// place until [`Output::commit`]. Standard output, a device or a FIFO
    /// gets the bytes as they are written.
    pub fn open(&self) -> Result<Output, Error> {
        let target = match self {
            Sink::Stdout => Target::Stdout { closed: false },
            Sink::File(path) => Target::open(path).map_err(|e| Error::io(path, e))?,
        };
        Ok(Output {
            name: match self {
                Sink::Stdout => "-".to_string(),
                Sink::File(path) => path.clone(),
            },
            target,
        })
    }

    /// Writes all of `bytes`. A closed standard output (as with `| head`) is
    /// not an error.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Error> {
        let mut output = self.open()?;
        output.write_bytes(bytes)?;
        output.commit()
    }
}

/// Writes `bytes` to the file `path` through a temporary file beside it.
pub fn write_atomic(path: &str, bytes: &[u8]) -> Result<(), Error> {
    Sink::File(path.to_string()).write(bytes)
}

/// An output being written: bytes go in through [`Write`] (or
/// [`Output::write_bytes`]), and [`Output::commit`] puts them in place.
/// Dropped without a commit, it leaves no file behind.
pub struct Output {
    name: String,
    target: Target,
}

enum Target {
    /// Standard output; `closed` once a reader went away.
    Stdout { closed: bool },
    /// Not a regular file: written through, opened at the first write.
    Direct {
        path: PathBuf,
        file: Option<BufWriter<File>>,
    },
    /// A regular file, new or to be replaced, written beside it first.
    Temp {
        file: BufWriter<File>,
        temp: Pending,
        target: PathBuf,
        /// The permissions and owner of the file replaced, if there is one.
        keep: Option<std::fs::Metadata>,
    },
}

impl Target {
    fn open(path: &str) -> io::Result<Target> {
        let existing = match std::fs::metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        match existing {
            Some(meta) if meta.is_dir() => Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory; give a file name",
            )),
            // A device, FIFO or socket: the kernel follows any link to it.
            Some(meta) if !meta.is_file() => Ok(Target::Direct {
                path: PathBuf::from(path),
                file: None,
            }),
            keep => {
                let target = follow_links(Path::new(path))?;
                let dir = match target.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                // A new file gets the mode the umask allows, as any
                // program's; a replaced file's mode is set at the commit,
                // and until then its content stays private.
                let mode = if keep.is_none() { 0o666 } else { 0o600 };
                let (temp, file) = Pending::create(dir, mode)?;
                Ok(Target::Temp {
                    file: BufWriter::new(file),
                    temp,
                    target,
                    keep,
                })
            }
        }
    }
}

impl Output {
    /// Writes all of `bytes`; an error names the output.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.write_all(bytes).map_err(|e| Error::io(&self.name, e))
    }

    /// Puts what was written in place: flushes standard output or the
    /// device, or renames the temporary file onto the target.
    pub fn commit(mut self) -> Result<(), Error> {
        let name = self.name.clone();
        let fail = |e: io::Error| Error::io(&name, e);
        self.flush().map_err(fail)?;
        match self.target {
            Target::Stdout { .. } => Ok(()),
            // Nothing written yet: still open it, so that a target that
            // cannot be written is an error even for an empty output.
            Target::Direct { file: None, path } => std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map(drop)
                .map_err(fail),
            // Flushed above; a device or FIFO has nothing to sync.
            Target::Direct { file: Some(_), .. } => Ok(()),
            Target::Temp {
                file,
                temp,
                target,
                keep,
            } => {
                let file = file.into_inner().map_err(|e| fail(e.into_error()))?;
                if let Some(meta) = &keep {
                    keep_owner_and_mode(&file, meta).map_err(fail)?;
                }
                file.sync_all().map_err(fail)?;
                drop(file);
                temp.persist(&target).map_err(fail)
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Target::Stdout { closed: true } => Ok(bytes.len()),
            Target::Stdout { closed } => match io::stdout().lock().write_all(bytes) {
                // A reader that went away (`| head`) has what it wanted.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(bytes.len())
                }
                other => other.map(|_| bytes.len()),
            },
            Target::Direct { path, file } => {
                if file.is_none() {
                    let opened = std::fs::OpenOptions::new().write(true).open(&*path)?;
                    *file = Some(BufWriter::new(opened));
                }
                file.as_mut().map_or(Ok(0), |f| f.write(bytes))
            }
            Target::Temp { file, .. } => file.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout { closed: true } => Ok(()),
            Target::Stdout { closed } => match io::stdout().lock().flush() {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(())
                }
                other => other,
            },
            Target::Direct { file, .. } => file.as_mut().map_or(Ok(()), |f| f.flush()),
            Target::Temp { file, .. } => file.flush(),
        }
    }
}

/// The file a chain of symbolic links ends at (which need not exist yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As many links as Linux follows before it gives up.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(to),
                    None => to,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// The files a run reads, by identity, none of which an output may replace.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    files: Vec<(FileId, String)>,
}

impl Reads {
    /// The identities of `paths` (`-` for standard input); paths that do
    /// not exist are left out, as there is nothing there to lose.
    pub fn new<'a>(paths: impl IntoIterator<Item = &'a str>) -> Reads {
        let mut reads = Reads::default();
        for path in paths {
            reads.add(path);
        }
        reads
    }

    /// Adds `path` (`-` for standard input).
    pub fn add(&mut self, path: &str) {
        let id = if path == "-" {
            stdin_id()
        } else {
            std::fs::metadata(path).ok().map(|m| FileId::of(&m, path))
        };
        if let Some(id) = id {
            self.files.push((id, path.to_string()));
        }
    }

    /// Refuses `output` if it is one of the files read.
    pub fn check(&self, output: &str) -> Result<(), Error> {
        let Ok(meta) = std::fs::metadata(output) else {
            return Ok(());
        };
        // Writing through a device or a FIFO replaces nothing.
        if !meta.is_file() {
            return Ok(());
        }
        let id = FileId::of(&meta, output);
        match self.files.iter().find(|(read, _)| *read == id) {
            Some((_, input)) => {
                let input = if input == "-" {
                    "on standard input"
                } else {
                    input
                };
                Err(Error::Usage(format!(
                    "{output}: the output would overwrite the input {input}; choose another output"
                )))
            }
            None => Ok(()),
        }
    }
}

/// What tells one file from another: device and inode where there are such.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

impl FileId {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata, _path: &str) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId::Inode(meta.dev(), meta.ino())
    }

    #[cfg(not(unix))]
    fn of(_meta: &std::fs::Metadata, path: &str) -> FileId {
        FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path)))
    }
}

/// The identity of the regular file standard input reads, if it is one.
#[cfg(unix)]
fn stdin_id() -> Option<FileId> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    let meta = File::from(fd).metadata().ok()?;
    meta.is_file().then(|| FileId::of(&meta, "-"))
}

#[cfg(not(unix))]
fn stdin_id() -> Option<FileId> {
    None
}

/// Gives the temporary file the owner (where allowed) and mode of the file
/// it replaces. The owner goes first, as changing it may clear set-id bits.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
        // Only root may give a file away; others keep their own.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// A temporary file that exists until it is persisted; removed when
/// dropped, and by the signal handler of [`signals`] on an interruption.
struct Pending {
    path: Option<PathBuf>,
}

impl Pending {
    /// Creates `.tralign-XXXXXX.tmp` in `dir` with `mode` (less the umask;
    /// where there are no modes, it is not used), registered for removal
    /// before anything can interrupt in between.
    fn create(dir: &Path, mode: u32) -> io::Result<(Pending, File)> {
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
    fn persist(mut self, target: &Path) -> io::Result<()> {
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
mod signals {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard};

    /// The temporary files that exist now.
    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    pub(super) fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_equal_to_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("de.txt");
        std::fs::write(&input, "Hallo").unwrap();
        let p = input.to_str().unwrap();
        assert!(Sink::new(Some(p)).check_not_input(&[p]).is_err());
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "Hallo");
    }

    #[test]
    fn atomic_write_replaces_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        std::fs::write(&out, "old content that is longer").unwrap();
        write_atomic(out.to_str().unwrap(), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
    }

    #[test]
    fn an_output_dropped_without_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        let mut output = Sink::new(out.to_str()).open().unwrap();
        output.write_bytes(b"half").unwrap();
        let names = || std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(names(), 1, "the temporary file exists while writing");
        drop(output);
        assert_eq!(names(), 0);
        assert!(signals::pending().is_empty());
    }

    #[test]
    fn temporary_names_say_what_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        let _output = Sink::new(out.to_str()).open().unwrap();
        let name = std::fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .file_name();
        let name = name.to_string_lossy();
        assert!(
            name.starts_with(".tralign-") && name.ends_with(".tmp"),
            "{name}"
        );
    }
}
