//! An inbound SMS, from any carrier (webhooks, or the sandbox carrier's simulated people):
//! matched to its conversation by number pair, made durable once (the carrier's message id is
//! the dedupe key), with the keyword rules applied in the same transaction:
//!
//! - **STOP** and any free-text revocation: consent revoked, every pending action and unsent
//!   outbox row cancelled, status `dnc`, and one confirmation with no marketing, all in one
//!   transaction. A second STOP records the message and sends nothing.
//! - **START / UNSTOP** (and YES from someone who opted out): a new consent ledger row, status
//!   back to `in_progress`, one confirmation.
//! - **HELP / INFO**: the campaign's help text.
//!
//! Everything else is conversation: the router schedules the SMS agent's answer after the
//! campaign's batching window.

use chrono::{DateTime, Utc};
use domain::vocab::{ConsentKind, ConversationStatus, MessageSource};
use domain::{
    Campaign, Channel, ConsentId, ConversationId, ConversationState, E164, Event, MessageId, NewEvent, Provider, Seq,
};
use nlu::keywords::{Keyword, keyword};
use store::{AppendOutcome, AppendRequest, StoreError};

use crate::engine::outbox::{MessageMeta, message_row};
use crate::state::AppState;

/// An SMS as a carrier reported it.
#[derive(Debug, Clone)]
pub struct Inbound {
    /// Which carrier.
    pub provider: Provider,
    /// The carrier's id (`MessageSid`, Telnyx `payload.id`): the dedupe key.
    pub provider_message_id: String,
    /// The lead.
    pub from: E164,
    /// Our number.
    pub to: E164,
    /// Text.
    pub body: String,
    /// Attachments.
    pub media_count: u32,
    /// When the carrier received it (or now).
    pub at: DateTime<Utc>,
}

/// Why an inbound message was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    /// No lead with this number in a campaign using that number.
    #[error("no conversation for this number pair")]
    UnknownConversation,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What recording an inbound message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// Recorded now.
    New {
        /// Whose.
        conversation_id: ConversationId,
        /// The message's seq.
        seq: Seq,
        /// The keyword it was handled as.
        keyword: Option<String>,
    },
    /// A carrier retry of a message already recorded: nothing changed.
    Duplicate {
        /// Whose.
        conversation_id: ConversationId,
    },
}

/// A keyword command, including free-text revocations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// An exact STOP-family keyword.
    Stop,
    /// "pls stop texting me", "take me off your list", "para de escribirme".
    Revocation,
    /// START, UNSTOP, YES.
    Start,
    /// HELP, INFO.
    Help,
}

impl Command {
    /// The label on `sms_received.keyword`.
    pub fn label(self) -> &'static str {
        match self {
            Command::Stop => "stop",
            Command::Revocation => "revocation",
            Command::Start => "start",
            Command::Help => "help",
        }
    }
}

/// The command `body` is, if any. Revocation is checked on every message: missing one is the
/// costliest mistake this product can make.
pub fn command(body: &str) -> Option<Command> {
    match keyword(body) {
        Some(Keyword::Stop) => Some(Command::Stop),
        Some(Keyword::Start) => Some(Command::Start),
        Some(Keyword::Help) => Some(Command::Help),
        None => nlu::revocation(&nlu::normalise::normalise(body)).map(|_| Command::Revocation),
    }
}

/// The `sms_received` event for a message, with its dedupe key.
pub fn received_event(inbound: &Inbound, keyword: Option<Command>) -> NewEvent {
    NewEvent::new(
        inbound.at,
        Event::SmsReceived {
            message_id: MessageId::new(),
            body: inbound.body.clone(),
            provider: Some(inbound.provider),
            provider_message_id: Some(inbound.provider_message_id.clone()),
            media_count: inbound.media_count,
            keyword: keyword.map(|k| k.label().to_owned()),
        },
    )
    .dedupe(dedupe_key(inbound.provider, &inbound.provider_message_id))
}

/// The dedupe key of a carrier's message id.
pub fn dedupe_key(provider: Provider, id: &str) -> String {
    format!("{}:{id}", provider_name(provider))
}

fn provider_name(provider: Provider) -> &'static str {
    match provider {
        Provider::Twilio => "twilio",
        Provider::Telnyx => "telnyx",
        Provider::Vonage => "vonage",
        Provider::Sip => "sip",
        Provider::Sandbox => "sandbox",
    }
}

/// What a keyword message appends, given the conversation's state: the message, its effects
/// and the answer, for one transaction. `None` when the message is not a command after all
/// (START or YES from someone subscribed is conversation).
pub fn keyword_request(
    command: Command,
    received: &NewEvent,
    state: &ConversationState,
    campaign: &Campaign,
    conversation: ConversationId,
    now: DateTime<Utc>,
) -> Option<AppendRequest> {
    let opted_out = state.opted_out() || state.status == Some(ConversationStatus::Dnc);
    if command == Command::Start && !opted_out {
        return None;
    }
    let lead = state.lead.as_ref()?;
    let text = match &received.event {
        Event::SmsReceived { body, .. } => body.clone(),
        _ => String::new(),
    };
    let key = received.dedupe_key.clone().unwrap_or_default();
    let mut request = AppendRequest { events: vec![received.clone()], ..AppendRequest::default() };
    let reply = |template: &str, purpose: &str| {
        let body = campaign.render(template, &lead.first_name)?;
        let meta = MessageMeta { source: MessageSource::System, purpose: purpose.into(), transactional: true };
        message_row(campaign, &lead.phone, body, meta, format!("{conversation}:{key}:reply"), now)
    };
    match command {
        Command::Stop | Command::Revocation if opted_out => {}
        Command::Stop | Command::Revocation => {
            let by = format!("sms_{}", command.label());
            revoke(&mut request, state, text, &by, now);
            request.outbox.extend(reply("opt_out_confirmation", "opt_out_confirmation"));
        }
        Command::Start => {
            request.events.extend([
                NewEvent::new(
                    now,
                    Event::ConsentGranted {
                        consent_id: ConsentId::new(),
                        channel: Channel::Sms,
                        kind: ConsentKind::ExpressWritten,
                        source: format!("sms keyword {}", text.trim().to_uppercase()),
                    },
                ),
                NewEvent::new(
                    now,
                    Event::StatusChanged { status: ConversationStatus::InProgress, by: "sms_start".into(), note: None },
                ),
            ]);
            request.outbox.extend(reply("resubscribed", "resubscribed"));
        }
        Command::Help => request.outbox.extend(reply("help", "help")),
    }
    Some(request)
}

/// Adds a revocation to `request`: `opt_out`, consent revoked on every channel (the store
/// stamps the ledger), status `dnc`, and every pending action and unsent outbox row cancelled,
/// all in the request's one transaction. The caller adds the confirmation.
pub fn revoke(request: &mut AppendRequest, state: &ConversationState, text: String, by: &str, now: DateTime<Utc>) {
    let consent_ids = state.consent.values().flat_map(|c| c.active.iter().copied()).collect();
    request.events.extend([
        NewEvent::new(
            now,
            Event::IntentDetected { intent: "opt_out".into(), confidence: Some(0.99), channel: Some(Channel::Sms) },
        ),
        NewEvent::new(
            now,
            Event::ConsentRevoked { channel: None, consent_ids, via: Some(Channel::Sms), text: Some(text) },
        ),
        NewEvent::new(now, Event::StatusChanged { status: ConversationStatus::Dnc, by: by.into(), note: None }),
    ]);
    request.cancel_pending = Some("the lead opted out".into());
}

/// Records an inbound message (see the module docs).
#[tracing::instrument(skip_all, fields(provider = ?inbound.provider))]
pub async fn receive(app: &AppState, inbound: &Inbound) -> Result<Received, SmsError> {
    let (conversation, campaign) =
        app.sms.lookup(app.store.as_ref(), &inbound.from, &inbound.to).await?.ok_or(SmsError::UnknownConversation)?;
    let outcome = match command(&inbound.body) {
        None => app.append(conversation, AppendRequest::events(vec![received_event(inbound, None)])).await?,
        Some(command) => {
            let campaign = app.sms.campaign(app.store.as_ref(), campaign).await?;
            let received = received_event(inbound, Some(command));
            let outcome = append_command(app, conversation, &campaign, command, &received, None).await?;
            if matches!(command, Command::Stop | Command::Revocation) {
                revoke_elsewhere(app, conversation, inbound).await?;
            }
            outcome
        }
    };
    Ok(match outcome {
        AppendOutcome::Appended { records, .. } => {
            let first = records.iter().find_map(|r| match &r.event {
                Event::SmsReceived { keyword, .. } => Some((r.seq, keyword.clone())),
                _ => None,
            });
            let (seq, keyword) = first.unwrap_or((Seq(0), None));
            tracing::info!(conversation_id = %conversation, keyword, "inbound sms recorded");
            Received::New { conversation_id: conversation, seq, keyword }
        }
        AppendOutcome::Duplicate { .. } => {
            tracing::info!(conversation_id = %conversation, "inbound sms already recorded (carrier retry)");
            Received::Duplicate { conversation_id: conversation }
        }
    })
}

/// Conflicting appends retried before giving up (the timeline kept moving under a keyword).
const ATTEMPTS: u32 = 5;

/// Appends a keyword message (`received`, its `keyword` set) with the effects the rules give it
/// on the conversation's current state, in one transaction with `finish` (a claim's release,
/// for a carrier report the engine delivers). The state is read again if the timeline moved
/// in between; a message that turns out not to be a command is appended plainly. Both the
/// webhooks and the sandbox carrier's replies come through here.
pub async fn append_command(
    app: &AppState,
    conversation: ConversationId,
    campaign: &Campaign,
    command: Command,
    received: &NewEvent,
    finish: Option<store::Finish>,
) -> Result<AppendOutcome, StoreError> {
    let mut attempt = 0;
    loop {
        let loaded = app.store.load(conversation).await?.ok_or(StoreError::NotFound("conversation"))?;
        let now = app.clock.now();
        let mut request = keyword_request(command, received, &loaded.state, campaign, conversation, now)
            .unwrap_or_else(|| {
                let mut plain = received.clone();
                if let Event::SmsReceived { keyword, .. } = &mut plain.event {
                    *keyword = None;
                }
                AppendRequest::events(vec![plain])
            });
        request.finish.clone_from(&finish);
        let enqueued = !request.outbox.is_empty();
        match app.append(conversation, request.expecting(loaded.state.last_seq)).await {
            Err(StoreError::Conflict { .. }) if attempt + 1 < ATTEMPTS => attempt += 1,
            Err(e) => return Err(e),
            Ok(outcome) => {
                if enqueued {
                    crate::engine::wake_outbox(app).await;
                }
                return Ok(outcome);
            }
        }
    }
}

/// A revocation is the person's: the same number's other conversations (an older form, another
/// campaign) are revoked and their pending contact cancelled too, each in its own transaction,
/// once (the carrier's message id keys it, so a retry adds nothing).
async fn revoke_elsewhere(app: &AppState, revoked_on: ConversationId, inbound: &Inbound) -> Result<(), SmsError> {
    let key = format!("revocation:{}", dedupe_key(inbound.provider, &inbound.provider_message_id));
    for other in app.store.conversations_by_phone(&inbound.from).await? {
        if other == revoked_on {
            continue;
        }
        let now = app.clock.now();
        let events = vec![
            NewEvent::new(
                now,
                Event::ConsentRevoked {
                    channel: None,
                    consent_ids: vec![],
                    via: Some(Channel::Sms),
                    text: Some(inbound.body.clone()),
                },
            )
            .dedupe(key.clone()),
            NewEvent::new(
                now,
                Event::StatusChanged {
                    status: ConversationStatus::Dnc,
                    by: "sms_revocation".into(),
                    note: Some(format!("revoked by a text on conversation {revoked_on}")),
                },
            ),
        ];
        let request = AppendRequest {
            events,
            cancel_pending: Some("the lead opted out (on another conversation)".into()),
            ..AppendRequest::default()
        };
        app.append(other, request).await?;
        tracing::info!(conversation_id = %other, "revocation applied to the number's other conversation");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_cover_keywords_and_free_text_revocations() {
        assert_eq!(command("STOP"), Some(Command::Stop));
        assert_eq!(command("pls stop texting me"), Some(Command::Revocation));
        assert_eq!(command("take me off your list"), Some(Command::Revocation));
        assert_eq!(command("para de escribirme"), Some(Command::Revocation));
        // Found by the learned reader, where no rule does: the webhook path asks it too.
        assert_eq!(command("block. delete. bye."), Some(Command::Revocation));
        assert_eq!(command("Start"), Some(Command::Start));
        assert_eq!(command("help"), Some(Command::Help));
        assert_eq!(command("can you stop by friday?"), None);
        assert_eq!(command("how much is it"), None);
    }
}
