//! Which files a run reads, by identity: device and inode where the system
//! has them, so that a link, another spelling of a path or standard input
//! redirected from a file is known for the file it is.

use std::fs::File;
use std::io;
#[cfg(not(unix))]
use std::path::PathBuf;

use crate::Error;

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
