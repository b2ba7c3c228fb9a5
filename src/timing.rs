//! Phase timings: with `TRALIGN_TIMINGS` set in the environment, each phase
//! of an alignment says on standard error how long it took, so that a
//! benchmark can tell where the time of a long text goes.

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

impl Drop for Phase {
    fn drop(&mut self) {
        if let Some(start) = self.start {
            eprintln!(
                "tralign: {:<10} {:8.3} s",
                self.name,
                start.elapsed().as_secs_f64()
            );
        }
    }
}
