//! Throughline's policy: pure decisions about contacting a lead.
//!
//! The compliance [`gate`] judges one outbound contact against consent, do-not-contact lists,
//! the legal contact windows in every zone the lead may be in, state rules, caps and the gap
//! between channels, and says why. The rules are data ([`rules::Rules`]); the area-code table
//! ([`nanp`]) comes from libphonenumber. No I/O, no clock: `now` is always an argument.

pub mod audit;
pub mod campaign;
pub mod gate;
pub mod holidays;
pub mod nanp;
pub mod rules;

pub use audit::audit;
pub use campaign::CampaignPolicy;
pub use gate::{Contact, DncCheck, Gate, GateDecision, LeadContext, Placement, place};
pub use rules::{Rules, StateRule, Window};

pub mod cadence;
pub mod router;

pub use cadence::{Cadence, Step, StepAction};
pub use router::{Decision, DueDecision, Executed, Planned, Router};

/// Which intents mean what to the router.
pub(crate) mod state_intents {
    /// "Call me", "now works", "can we do tomorrow morning?".
    pub fn is_call_request(intent: &str) -> bool {
        domain::state::CALL_INTENTS.contains(&intent)
    }
}
