//! Throughline's server: the HTTP API over the conversation timeline, and the `throughline`
//! command line.

pub mod auth;
pub mod config;
pub mod demo;
pub mod engine;
pub mod error;
pub mod extract;
pub mod metrics;
pub mod nlu_cli;
mod routes;
pub mod simulate;
pub mod sms;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod voice;

pub use config::Settings;
pub use startup::{Application, Options, Shutdown};
pub use state::{AppState, Clock, ManualClock, SystemClock};
