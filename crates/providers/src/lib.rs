//! Carriers behind one interface. The outbox worker hands a [`Carrier`] an SMS to send or a call
//! to place, with an idempotency key that makes a retried request have one effect; the carrier
//! answers with its own id for the message or call. Real carriers report what happens next
//! (delivery, answer, replies) by webhook; the [`sandbox`] carrier, which has no network, returns
//! those reports as [`Delivery`]s for Throughline to deliver to itself when their time comes.
//! [`TwilioCarrier`], [`TelnyxCarrier`] and [`VonageCarrier`] (calls only) speak the carriers'
//! REST APIs; [`twilio`], [`telnyx`] and [`vonage`] check their webhooks' signatures.

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::{CallId, ConversationId, E164, Event, MessageSource, Provider};

pub mod rest;
pub mod sandbox;
pub mod telnyx;
pub mod telnyx_api;
pub mod twilio;
pub mod twilio_api;
pub mod vonage;
pub mod vonage_api;

pub use sandbox::SandboxCarrier;
pub use telnyx_api::{ClientState, TelnyxAccount, TelnyxCarrier};
pub use twilio_api::{TwilioAccount, TwilioCarrier, transfer_twiml};
pub use vonage_api::{VonageAccount, VonageCarrier};

/// An SMS to send.
#[derive(Debug, Clone)]
pub struct SmsRequest {
    /// Whose conversation (carriers echo it back in callbacks).
    pub conversation_id: ConversationId,
    /// The lead.
    pub to: E164,
    /// The campaign's number.
    pub from: E164,
    /// Text.
    pub body: String,
    /// Same key, same effect: a retry after a crash sends nothing new.
    pub idempotency_key: String,
    /// When Throughline asked.
    pub now: DateTime<Utc>,
    /// The campaign's own API base for this carrier (a regional edge), if it set one.
    pub api_base: Option<String>,
    /// Where the carrier should report delivery (signed webhooks), if a public URL is known.
    pub status_callback: Option<String>,
    /// Who wrote it (carriers ignore it; the sandbox's simulated people read it).
    pub source: MessageSource,
    /// A keyword answer or confirmation.
    pub transactional: bool,
}

/// A call to place.
#[derive(Debug, Clone)]
pub struct CallRequest {
    /// Whose conversation.
    pub conversation_id: ConversationId,
    /// Our id for the call.
    pub call_id: CallId,
    /// The lead.
    pub to: E164,
    /// Caller id.
    pub from: E164,
    /// Same key, same effect.
    pub idempotency_key: String,
    /// When Throughline asked.
    pub now: DateTime<Utc>,
    /// The campaign's own API base for this carrier, if it set one.
    pub api_base: Option<String>,
    /// Where the carrier fetches call instructions when the call is answered (Twilio TwiML).
    pub answer_url: Option<String>,
    /// Where the carrier reports call progress.
    pub status_callback: Option<String>,
    /// The media websocket the carrier streams the call's audio to once it is answered, token
    /// included (Telnyx: `stream_url`; Twilio learns it from the TwiML instead).
    pub stream_url: Option<String>,
}

/// What a carrier will report later about an accepted request, for carriers without webhooks.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// When it happens.
    pub at: DateTime<Utc>,
    /// What lands on the timeline then.
    pub events: Vec<Event>,
    /// Dedupe key for the first event (a carrier's id for the report).
    pub dedupe_key: String,
}

/// A carrier's answer to an accepted request.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    /// Which carrier.
    pub provider: Provider,
    /// Its id for the message or call.
    pub provider_id: String,
    /// Reports it will make later (sandbox only; real carriers call webhooks).
    pub deliveries: Vec<Delivery>,
}

/// Why a carrier did not accept a request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CarrierError {
    /// Worth retrying: timeouts, 5xx, rate limits.
    #[error("carrier unavailable: {0}")]
    Unavailable(String),
    /// Not worth retrying: the carrier refused this request.
    #[error("carrier refused the request: {0}")]
    Rejected(String),
}

/// A carrier.
#[async_trait]
pub trait Carrier: Send + Sync + std::fmt::Debug + 'static {
    /// Which one.
    fn provider(&self) -> Provider;

    /// Sends an SMS.
    async fn send_sms(&self, request: &SmsRequest) -> Result<Receipt, CarrierError>;

    /// Places a call.
    async fn place_call(&self, request: &CallRequest) -> Result<Receipt, CarrierError>;

    /// Hangs up a call this carrier placed (`provider_call_id` is the id its receipt gave),
    /// through `api_base` when the campaign overrides it. A call that has already ended is not
    /// an error: hanging up is idempotent.
    async fn hang_up(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError>;

    /// Answers a call a lead made to one of the campaign's numbers, streaming it to the
    /// gateway, for carriers that are told by REST rather than in the webhook's answer (Telnyx
    /// Call Control). `command_id` makes a retried answer a no-op at the carrier.
    async fn answer_call(&self, api_base: Option<&str>, answer: &AnswerRequest) -> Result<(), CarrierError> {
        let _ = (api_base, answer);
        Err(CarrierError::Rejected(format!("{:?} calls are answered in the webhook's reply", self.provider())))
    }

    /// Whether [`Carrier::transfer_call`] works for this carrier's calls.
    fn transfers_calls(&self) -> bool {
        false
    }

    /// Moves a live call to a person's line (a warm transfer): the person is rung, hears the
    /// whisper, and is connected to the lead; the carrier reports the outcome to
    /// `request.outcome_url`. The call's current instructions (its media stream) end.
    async fn transfer_call(&self, request: &TransferRequest) -> Result<(), CarrierError> {
        let _ = request;
        Err(CarrierError::Rejected(format!("{:?} calls cannot be transferred yet", self.provider())))
    }

    /// Turns away a ringing call without answering it; a call that has already ended is not an
    /// error.
    async fn reject_call(&self, api_base: Option<&str>, provider_call_id: &str) -> Result<(), CarrierError> {
        let _ = (api_base, provider_call_id);
        Err(CarrierError::Rejected(format!("{:?} calls are rejected in the webhook's reply", self.provider())))
    }
}

/// How to answer a lead's call: which carrier call, which of our calls it is, and where its
/// audio goes.
#[derive(Debug, Clone)]
pub struct AnswerRequest {
    /// The carrier's id of the ringing call.
    pub provider_call_id: String,
    /// The conversation the caller belongs to.
    pub conversation_id: ConversationId,
    /// Throughline's id for the call.
    pub call_id: CallId,
    /// The gateway websocket, with its stream token.
    pub stream_url: String,
    /// The idempotency key of the answer.
    pub command_id: String,
}

/// A live call to move to a person's line.
#[derive(Debug, Clone)]
pub struct TransferRequest {
    /// The carrier's id of the call.
    pub provider_call_id: String,
    /// The person's line.
    pub to: E164,
    /// The caller id the person sees.
    pub from: E164,
    /// How long the person's line rings before the transfer counts as not answered.
    pub timeout_secs: u32,
    /// What the person hears before being connected (Twilio: TwiML fetched on the person's
    /// leg once it answers).
    pub whisper_url: String,
    /// Where the carrier reports how the transfer went (Twilio: the `<Dial>` action).
    pub outcome_url: String,
    /// Same key, same effect.
    pub idempotency_key: String,
    /// The campaign's own API base for this carrier, if it set one.
    pub api_base: Option<String>,
}

/// The carriers this instance can use, by provider.
#[derive(Debug, Clone, Default)]
pub struct Carriers {
    by_provider: HashMap<Provider, Arc<dyn Carrier>>,
}

impl Carriers {
    /// Adds (or replaces) a carrier.
    pub fn with(mut self, carrier: Arc<dyn Carrier>) -> Self {
        self.by_provider.insert(carrier.provider(), carrier);
        self
    }

    /// The carrier for `provider`, if configured.
    pub fn get(&self, provider: Provider) -> Option<&Arc<dyn Carrier>> {
        self.by_provider.get(&provider)
    }
}

/// A call from the campaign's number to a lead, reporting to `callback` and streaming to
/// `stream`: the carriers' request-body tests share it.
#[cfg(test)]
pub(crate) fn test_call(callback: &str, stream: Option<&str>) -> CallRequest {
    CallRequest {
        conversation_id: ConversationId::new(),
        call_id: CallId::new(),
        to: E164::parse("+13125550199").expect("a number"),
        from: E164::parse("+14155550100").expect("a number"),
        idempotency_key: "k".into(),
        now: chrono::Utc::now(),
        api_base: None,
        answer_url: None,
        status_callback: Some(callback.to_owned()),
        stream_url: stream.map(str::to_owned),
    }
}
