//! Throughline's domain model, free of I/O: no tokio, sqlx or redis.
//!
//! Values are parsed once at the boundary (`E164`, ids, zones, consent rows) and trusted after.
//! The conversation is an append-only list of [`Event`]s; [`ConversationState`] is a pure fold
//! over it and [`TransferSummary`] a pure view of that state.

pub mod campaign;
pub mod consent;
pub mod event;
pub mod facts;
pub mod ids;
pub mod lead;
pub mod phone;
pub mod state;
pub mod summary;
pub mod validation;
pub mod vocab;
pub mod zone;

pub use campaign::{Campaign, CampaignInput, Persona, Provider};
pub use consent::{ConsentInput, ConsentRecord};
pub use event::{Event, EventRecord, LeadSnapshot, NewEvent, Reason};
pub use facts::Slot;
pub use ids::{ActionId, ApiKeyId, CallId, CampaignId, ConsentId, ConversationId, LeadId, MessageId, Seq};
pub use lead::{Conversation, Lead, LeadInput, NewLead};
pub use phone::E164;
pub use state::{AgentState, ConversationState, FoldError};
pub use summary::TransferSummary;
pub use validation::ValidationError;
pub use vocab::{Channel, ConversationStatus, LeadSource, MessageSource, Role, Stage};
pub use zone::{TimeZone, UsState};
