//! Phase timings: with `TRALIGN_TIMINGS` set in the environment, each phase
//! of an alignment says on standard error how long it took and, on Linux,
//! the peak memory of the process so far, so that a benchmark can tell where
//! the time and memory of a long text go.

use std::time::Instant;

/// A running phase; it reports when dropped.
pub struct Phase {
    name: &'static str,
    start: Option<Instant>,
}

/// Starts timing the phase `name` (a no-op unless `TRALIGN_TIMINGS` is set).
pub fn phase(name: &'static str) -> Phase {
    Phase {
        name,
        start: std::env::var_os("TRALIGN_TIMINGS").map(|_| Instant::now()),
    }
}

/// The peak and the current resident memory of this process in MB, where
/// the system tells them (`VmHWM` and `VmRSS` in `/proc/self/status`).
fn memory_mb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let mb = |field: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024)
    };
    Some((mb("VmHWM:")?, mb("VmRSS:")?))
}

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            let memory = memory_mb().map_or(String::new(), |(peak, now)| {
                format!(", peak {peak} MB, now {now} MB")
            });
            eprintln!(
                "tralign: {:<10} {:8.3} s{memory}",
                self.name,
                start.elapsed().as_secs_f64()
            );
        }
    }
}
