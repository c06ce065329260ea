//! The media gateway's hooks into the server: admitting a stream (one use per token, the
//! campaign's bot and disclosure prompt, the context the bot opens with), writing the call's
//! events to the timeline, and ending calls at the carrier.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use domain::campaign::{BotCodec, BotFailurePolicy};
use domain::{ConversationId, Event, NewEvent, TransferSummary};
use media_core::frames::{Dialect, Format};
use media_gateway::{AdmitError, CallHooks, CallPlan, CallRecord, Claims, EndReason, OnBotFailure, Prompt};
use store::AppendRequest;

use crate::state::AppState;

/// The built-in disclosure, used when a campaign names none: 8 kHz 16-bit mono WAV.
const BUILT_IN_PROMPT: &[u8] = include_bytes!("../../prompts/disclosure-en.wav");
/// What the built-in recording says.
const BUILT_IN_TEXT: &str =
    "Hello. Before we go on: you are speaking with an automated AI assistant. You can ask for a person at any time.";
/// The built-in prompt's name.
pub const BUILT_IN: &str = "builtin";

/// Loads the configured prompts and the built-in one; a prompt that cannot be read fails
/// start-up rather than a call.
pub fn load_prompts(settings: &crate::config::MediaSettings) -> anyhow::Result<BTreeMap<String, Arc<Prompt>>> {
    let mut prompts = BTreeMap::new();
    let pcm = media_core::wav::parse(BUILT_IN_PROMPT).map_err(|e| anyhow::anyhow!("built-in prompt: {e}"))?;
    prompts.insert(BUILT_IN.to_owned(), Arc::new(Prompt::new(BUILT_IN, BUILT_IN_TEXT, pcm)));
    for (name, prompt) in &settings.prompts {
        let bytes = std::fs::read(&prompt.file)
            .map_err(|e| anyhow::anyhow!("media.prompts.{name}: {}: {e}", prompt.file.display()))?;
        let pcm = media_core::wav::parse(&bytes).map_err(|e| anyhow::anyhow!("media.prompts.{name}: {e}"))?;
        let prompt = Prompt::new(name.clone(), prompt.text.clone(), pcm);
        // Encode once now: a rate the resampler cannot take fails here, not on a call.
        prompt.encoded(Format::PCMU_8K).map_err(|e| anyhow::anyhow!("media.prompts.{name}: {e}"))?;
        prompts.insert(name.clone(), Arc::new(prompt));
    }
    Ok(prompts)
}

/// The instance's gateway over `app`, with the configured prompts and timeouts.
pub fn build(app: &AppState, settings: &crate::config::MediaSettings) -> anyhow::Result<media_gateway::Gateway> {
    let hooks = Arc::new(ServerHooks::new(app.clone(), load_prompts(settings)?));
    let clock = app.clock.clone();
    Ok(media_gateway::Gateway {
        hooks,
        tokens: app.voice.tokens.clone(),
        settings: media_gateway::Settings {
            start_timeout: Duration::from_millis(settings.start_timeout_ms),
            bot_connect_timeout: Duration::from_millis(settings.bot_connect_timeout_ms),
            send_timeout: Duration::from_millis(settings.bot_stall_timeout_ms),
            disclosure_grace: Duration::from_millis(settings.disclosure_grace_ms),
            bot_ping_interval: Duration::from_millis(settings.bot_ping_interval_ms),
            batch_window: Duration::from_micros(settings.batch_us),
        },
        now: Arc::new(move || clock.now()),
        stats: app.voice.media_stats.clone(),
    })
}

/// [`CallHooks`] over the server's store, hot state and carriers.
#[derive(Debug)]
pub struct ServerHooks {
    app: AppState,
    prompts: BTreeMap<String, Arc<Prompt>>,
    /// This instance, in the live-call registry.
    instance: String,
}

impl ServerHooks {
    /// Hooks for `app` with the loaded prompts.
    pub fn new(app: AppState, prompts: BTreeMap<String, Arc<Prompt>>) -> Self {
        Self { app, prompts, instance: format!("instance-{}", uuid::Uuid::new_v4().simple()) }
    }

    async fn refuse(&self, claims: &Claims, reason: &str) {
        let event = Event::CallStreamFailed { call_id: claims.call, reason: reason.to_owned() };
        let now = self.app.clock.now();
        if let Err(e) = self.app.append_one(claims.conversation, NewEvent::new(now, event)).await {
            tracing::error!(conversation_id = %claims.conversation, error = %e, "refused stream not recorded");
        }
    }

    /// Refuses a stream whose call must not go on, and ends that call at the carrier: closing
    /// the websocket alone leaves a Telnyx call (and a Twilio call with more TwiML) connected to
    /// nobody. Not for a replayed token, whose call belongs to the stream already running.
    async fn refuse_and_hang_up(&self, claims: &Claims, reason: &'static str) {
        self.refuse(claims, reason).await;
        if let Err(e) = super::calls::hang_up(&self.app, claims.conversation, claims.call, reason).await {
            tracing::warn!(conversation_id = %claims.conversation, call_id = %claims.call, error = %e, "refused call not hung up");
        }
    }
}

/// Why a campaign's calls cannot be bridged to a bot through the gateway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unbridgeable {
    /// No `voice` block.
    NoVoice,
    /// No `voice.bot_url`.
    NoBot,
    /// A `voice.disclosure_prompt` the server does not have.
    NoPrompt,
}

impl Unbridgeable {
    /// The reason on the timeline when a stream is refused for it.
    pub fn reason(self) -> &'static str {
        match self {
            Unbridgeable::NoVoice => "campaign_has_no_voice",
            Unbridgeable::NoBot => "campaign_has_no_bot",
            Unbridgeable::NoPrompt => "disclosure_prompt_missing",
        }
    }

    /// The campaign setting at fault.
    pub fn setting(self) -> &'static str {
        match self {
            Unbridgeable::NoVoice => "voice",
            Unbridgeable::NoBot => "voice.bot_url",
            Unbridgeable::NoPrompt => "voice.disclosure_prompt",
        }
    }

    /// Why the outbox does not ring the lead.
    pub fn explanation(self) -> &'static str {
        match self {
            Unbridgeable::NoVoice => "the campaign has no voice settings",
            Unbridgeable::NoBot => "the campaign has no voice.bot_url: an answered call would have no bot to talk to",
            Unbridgeable::NoPrompt => "the campaign's voice.disclosure_prompt is not configured on this server",
        }
    }
}

/// What a call for `campaign` is bridged with: its voice settings, its bot's URL and its
/// disclosure prompt (`prompt` looks one up by name). The gateway admits streams with it, and
/// the outbox does not ring a lead for a call that would be refused on answer.
pub fn bridge<P>(
    campaign: &domain::Campaign,
    prompt: impl FnOnce(&str) -> Option<P>,
) -> Result<(&domain::campaign::VoiceSettings, &str, P), Unbridgeable> {
    let voice = campaign.voice.as_ref().ok_or(Unbridgeable::NoVoice)?;
    let bot_url = voice.bot_url.as_deref().ok_or(Unbridgeable::NoBot)?;
    let prompt = prompt(voice.disclosure_prompt.as_deref().unwrap_or(BUILT_IN)).ok_or(Unbridgeable::NoPrompt)?;
    Ok((voice, bot_url, prompt))
}

/// Whether `settings` (with the built-in prompt) has a disclosure prompt named `name`.
pub fn has_prompt(settings: &crate::config::MediaSettings, name: &str) -> Option<()> {
    (name == BUILT_IN || settings.prompts.contains_key(name)).then_some(())
}

/// Whether the lead may still be called: the call was checked when it was placed, but the lead
/// may have opted out, revoked voice consent or asked for text only while it rang. A call the
/// lead made (`inbound`) is theirs to make: only an opt-out keeps it from the AI.
fn still_callable(state: &domain::ConversationState, inbound: bool) -> Result<(), &'static str> {
    if state.opted_out() {
        return Err("opted_out");
    }
    if inbound {
        return Ok(());
    }
    if state.consent.get(&domain::Channel::Voice).is_some_and(domain::state::ChannelConsent::revoked) {
        return Err("voice_consent_revoked");
    }
    if state.text_only {
        return Err("text_only");
    }
    Ok(())
}

/// A `call_ended` from the gateway says who the stream was with: a call answering-machine
/// detection gave to a machine ended on voicemail, whatever the stream saw.
fn with_outcome(event: Event, timeline: &[domain::EventRecord]) -> Event {
    match event {
        Event::CallEnded { call_id, outcome: _, duration_secs, reason }
            if super::calls::CallRecord::find(timeline, call_id).is_some_and(|c| c.machine()) =>
        {
            Event::CallEnded { call_id, outcome: domain::vocab::CallOutcome::Voicemail, duration_secs, reason }
        }
        other => other,
    }
}

#[async_trait]
impl CallHooks for ServerHooks {
    #[tracing::instrument(skip_all, fields(conversation_id = %claims.conversation, call_id = %claims.call))]
    async fn admit(&self, claims: &Claims, dialect: Dialect) -> Result<CallPlan, AdmitError> {
        let unavailable = |e: store::StoreError| AdmitError::Unavailable(e.to_string());
        let loaded = self.app.store.load(claims.conversation).await.map_err(unavailable)?.ok_or(AdmitError::Unknown)?;
        // One stream per token, across instances: the claim outlives the token.
        let now = self.app.clock.now();
        let ttl = Duration::from_secs(u64::try_from(claims.expires - now.timestamp()).unwrap_or(0) + 60);
        let key = format!("stream-token:{}", claims.nonce);
        match self.app.hot.try_lock(&key, ttl).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                self.refuse(claims, "token_replayed").await;
                return Err(AdmitError::Replayed);
            }
            Err(e) => return Err(AdmitError::Unavailable(e.to_string())),
        }
        let campaign = self
            .app
            .store
            .campaign(loaded.conversation.campaign_id)
            .await
            .map_err(unavailable)?
            .ok_or(AdmitError::Unknown)?;
        let inbound = super::calls::CallRecord::find(&loaded.timeline, claims.call).is_some_and(|c| c.inbound);
        if let Err(reason) = still_callable(&loaded.state, inbound) {
            tracing::info!(reason, "stream refused: the lead may no longer be called");
            self.refuse_and_hang_up(claims, reason).await;
            return Err(AdmitError::NotCallable(reason));
        }
        let (voice, bot_url, disclosure) = match bridge(&campaign, |name| self.prompts.get(name).cloned()) {
            Ok(bridged) => bridged,
            Err(why) => {
                self.refuse_and_hang_up(claims, why.reason()).await;
                return Err(AdmitError::NotConfigured(why.setting()));
            }
        };
        let summary = TransferSummary::build(&loaded.state);
        let mut parameters = BTreeMap::new();
        parameters.insert("lead_name".to_owned(), summary.lead.name.clone());
        parameters.insert("persona".to_owned(), format!("{} ({})", campaign.persona.name, campaign.persona.company));
        parameters.insert("persona_name".to_owned(), campaign.persona.name.clone());
        parameters.insert("company".to_owned(), campaign.persona.company.clone());
        parameters.insert("context".to_owned(), serde_json::to_string(&summary).unwrap_or_default());
        if let Err(e) =
            self.app.hot.register_call(&claims.call.to_string(), &self.instance, Duration::from_secs(4 * 3600)).await
        {
            tracing::warn!(error = %e, "live call not registered");
        }
        tracing::info!(dialect = dialect.as_str(), "media stream admitted");
        Ok(CallPlan {
            conversation: claims.conversation,
            call: claims.call,
            bot_url: bot_url.to_owned(),
            bot_format: match voice.codec {
                BotCodec::Pcmu => Format::PCMU_8K,
                BotCodec::L16 => Format::L16_16K,
            },
            disclosure,
            parameters,
            on_bot_failure: match voice.on_bot_failure {
                BotFailurePolicy::HangUp => OnBotFailure::HangUp,
                BotFailurePolicy::Handoff => OnBotFailure::Handoff,
            },
        })
    }

    async fn record(&self, conversation: ConversationId, records: Vec<CallRecord>) -> Result<(), String> {
        let now = self.app.clock.now();
        // The end's outcome depends on what the carrier said about the answer, and whether the
        // call is being transferred; a handoff may start a transfer.
        let loaded =
            if records.iter().any(|r| matches!(r.event, Event::CallEnded { .. } | Event::HandoffRequested { .. })) {
                self.app.store.load(conversation).await.map_err(|e| e.to_string())?
            } else {
                None
            };
        let mut request = AppendRequest::default();
        for r in records {
            let event = match (&loaded, r.event) {
                (Some(loaded), Event::CallEnded { call_id, .. })
                    if super::transfer::status(&loaded.timeline, call_id).0.is_some() =>
                {
                    // The stream ended because the call left it for the people's line (or
                    // while it waits for them): the carrier reports the call's real end.
                    tracing::info!(conversation_id = %conversation, call_id = %call_id, "stream over; the call is in transfer");
                    continue;
                }
                (Some(loaded), event) => with_outcome(event, &loaded.timeline),
                (None, event) => event,
            };
            let handoff = matches!(event, Event::HandoffRequested { .. });
            let event = NewEvent::new(now, event);
            request.events.push(match r.dedupe {
                Some(key) => event.dedupe(key),
                None => event,
            });
            if let (true, Some(loaded)) = (handoff, &loaded) {
                super::transfer::attach(&self.app, loaded, now, &mut request).await.map_err(|e| e.to_string())?;
            }
        }
        if request.events.is_empty() {
            return Ok(());
        }
        let transfers = !request.outbox.is_empty();
        self.app.append(conversation, request).await.map_err(|e| e.to_string())?;
        if transfers {
            crate::engine::wake_outbox(&self.app).await;
        }
        Ok(())
    }

    async fn end_call(&self, plan: &CallPlan, reason: EndReason) {
        let loaded = match self.app.store.load(plan.conversation).await {
            Ok(Some(loaded)) => loaded,
            other => {
                let e = other.map_or_else(|e| e.to_string(), |_| super::calls::HangUpError::UnknownCall.to_string());
                tracing::warn!(conversation_id = %plan.conversation, call_id = %plan.call, error = %e, "hang-up failed");
                return;
            }
        };
        // A call in transfer belongs to the people's line now (or is on hold for it).
        if super::transfer::status(&loaded.timeline, plan.call).0.as_ref().is_some_and(|t| t.in_progress()) {
            tracing::info!(conversation_id = %plan.conversation, call_id = %plan.call, reason = reason.as_str(), "stream over; the call is in transfer, not hung up");
            return;
        }
        tracing::info!(conversation_id = %plan.conversation, call_id = %plan.call, reason = reason.as_str(), "ending call at the carrier");
        if let Err(e) = super::calls::hang_up_loaded(&self.app, &loaded, plan.call, reason.as_str()).await {
            tracing::warn!(conversation_id = %plan.conversation, call_id = %plan.call, error = %e, "hang-up failed");
        }
    }

    async fn finished(&self, plan: &CallPlan) {
        let _ = self.app.hot.unregister_call(&plan.call.to_string(), &self.instance).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_the_lead_made_is_kept_from_the_ai_only_by_an_opt_out() {
        let text_only = domain::ConversationState { text_only: true, ..Default::default() };
        assert_eq!(still_callable(&text_only, false), Err("text_only"));
        assert_eq!(still_callable(&text_only, true), Ok(()));
        let dnc =
            domain::ConversationState { status: Some(domain::vocab::ConversationStatus::Dnc), ..Default::default() };
        assert!(dnc.opted_out());
        assert_eq!(still_callable(&dnc, true), Err("opted_out"));
        assert_eq!(still_callable(&domain::ConversationState::default(), false), Ok(()));
    }
}
