//! The sandbox: simulated people on fake numbers who reply, answer, ignore or let calls go to
//! voicemail according to a seeded profile, and the virtual-clock simulator that runs the real
//! router and gate over many of them (`throughline simulate`). Pure and deterministic.

pub mod engine;
pub mod people;
pub mod rng;

pub use engine::{AttemptLine, LeadStats, Report, SimConfig, simulate_lead};
pub use people::{Person, Reply};
pub use rng::Rng;
