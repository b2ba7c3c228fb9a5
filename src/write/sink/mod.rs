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

mod reads;
mod temp;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use reads::Reads;
use temp::{keep_owner_and_mode, Pending};

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
        assert!(temp::signals::pending().is_empty());
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
