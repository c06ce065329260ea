//! Campaigns: who is calling (persona), how (cadence, windows, caps), through which carriers,
//! and which AI holds the conversation.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ids::CampaignId;
use crate::phone::E164;
use crate::validation::{ValidationError, optional_text, required_text};

/// Carriers and the built-in sandbox, behind one provider interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// Twilio REST + webhooks.
    Twilio,
    /// Telnyx REST + webhooks.
    Telnyx,
    /// Vonage voice websocket.
    Vonage,
    /// A SIP trunk through Throughline's own edge.
    Sip,
    /// Simulated people on fake numbers, for demos and tests.
    Sandbox,
}

/// Who the AI says it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Persona {
    /// The assistant's first name ("Ava").
    pub name: String,
    /// The brand the lead recognises ("Acme Solar"); CTIA wants it in the first message.
    pub company: String,
}

/// How outbound SMS is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SmsSettings {
    /// Which carrier.
    pub provider: Provider,
    /// Sending number.
    pub from_number: E164,
    /// Provider-specific settings (api_base, messaging profile, …), kept as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Audio encoding on the bot bridge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BotCodec {
    /// µ-law 8 kHz, the Twilio Media Streams default.
    #[default]
    Pcmu,
    /// 16-bit linear 16 kHz, for wideband bots.
    L16,
}

/// What the media gateway does with a call whose bot never connects, stalls or breaks the
/// protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BotFailurePolicy {
    /// Hang up.
    #[default]
    HangUp,
    /// Ask for a human (a `handoff_requested` event): the call is transferred to
    /// `voice.transfer_to` when the campaign has one and its carrier can, else hung up.
    Handoff,
}

/// How long a transfer rings the people's line unless the campaign says otherwise.
pub const DEFAULT_TRANSFER_TIMEOUT_SECS: u32 = 25;

/// How calls are placed and bridged to the campaign's bot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceSettings {
    /// Which carrier.
    pub provider: Provider,
    /// Caller id.
    pub from_number: E164,
    /// The bot's websocket URL (Twilio Media Streams protocol).
    pub bot_url: Option<String>,
    /// Bot-side audio encoding.
    #[serde(default)]
    pub codec: BotCodec,
    /// What the gateway plays before the bot speaks (AI disclosure): the name of a prompt in
    /// the server's `media.prompts`, or the built-in one when absent.
    pub disclosure_prompt: Option<String>,
    /// What happens to the call when the bot cannot carry on.
    #[serde(default)]
    pub on_bot_failure: BotFailurePolicy,
    /// The people's line: a live call whose conversation is handed to a person is transferred
    /// here (warm: the person hears the summary first). Absent: a handoff is only recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_to: Option<E164>,
    /// How long the people's line rings before the transfer counts as declined (5–120 s,
    /// default [`DEFAULT_TRANSFER_TIMEOUT_SECS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_timeout_secs: Option<u32>,
    /// Provider-specific settings, kept as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Which SMS agent answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum AgentMode {
    /// Throughline's rule-based agent.
    #[default]
    Builtin,
    /// The customer's endpoint, with the built-in agent as fallback.
    Webhook,
}

/// The SMS agent configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AgentSettings {
    /// Built-in or webhook.
    #[serde(default)]
    pub mode: AgentMode,
    /// Webhook URL when `mode` is `webhook`.
    pub url: Option<String>,
    /// Seconds inbound messages are collected before the agent answers the whole burst once
    /// (default [`DEFAULT_BATCH_WINDOW_SECS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_window_secs: Option<u32>,
    /// Milliseconds the webhook agent gets before the built-in agent answers instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_ms: Option<u32>,
    /// Whether the first AI message says it is an automated assistant (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclose_ai: Option<bool>,
    /// Built-in agent tuning (`questions`, `availability`, `team`), kept as given.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Default batching window: long enough for a lead's burst of short texts, short enough to
/// feel like a person typing back.
pub const DEFAULT_BATCH_WINDOW_SECS: u32 = 7;
/// Longest batching window a campaign may set.
pub const MAX_BATCH_WINDOW_SECS: u32 = 300;
/// Default time the webhook agent gets.
pub const DEFAULT_AGENT_TIMEOUT_MS: u32 = 5_000;

impl AgentSettings {
    /// The batching window.
    pub fn batch_window(&self) -> chrono::Duration {
        chrono::Duration::seconds(i64::from(self.batch_window_secs.unwrap_or(DEFAULT_BATCH_WINDOW_SECS)))
    }

    /// Whether the first AI message discloses automation.
    pub fn discloses_ai(&self) -> bool {
        self.disclose_ai.unwrap_or(true)
    }
}

/// A campaign as stored. `cadence`, `windows` and `caps` are JSON objects interpreted by the
/// router; they are kept verbatim so operators can round-trip what they sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Id.
    pub id: CampaignId,
    /// Operator's name for it.
    pub name: String,
    /// The AI's identity.
    pub persona: Persona,
    /// Cadence steps.
    pub cadence: Value,
    /// Contact windows stricter than the law.
    pub windows: Value,
    /// Frequency caps.
    pub caps: Value,
    /// SMS carrier settings.
    pub sms: Option<SmsSettings>,
    /// Voice carrier and bot settings.
    pub voice: Option<VoiceSettings>,
    /// SMS agent.
    pub agent: AgentSettings,
    /// SMS templates by name, overriding the built-in ones (see [`Campaign::render`]).
    #[serde(default)]
    pub templates: BTreeMap<String, String>,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// A campaign as submitted: everything optional so each missing field gets a precise error.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CampaignInput {
    /// Required.
    pub name: Option<String>,
    /// Required.
    pub persona: Option<PersonaInput>,
    /// Object; default `{}`.
    pub cadence: Option<Value>,
    /// Object; default `{}`.
    pub windows: Option<Value>,
    /// Object; default `{}`.
    pub caps: Option<Value>,
    /// Optional; typed on parse.
    pub sms: Option<Value>,
    /// Optional; typed on parse.
    pub voice: Option<Value>,
    /// Optional; built-in by default.
    pub agent: Option<Value>,
    /// Optional: template name → text.
    pub templates: Option<Value>,
}

/// The persona as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonaInput {
    /// Required.
    pub name: Option<String>,
    /// Required.
    pub company: Option<String>,
}

impl CampaignInput {
    /// Validates and builds a campaign.
    pub fn parse(self, now: DateTime<Utc>) -> Result<Campaign, ValidationError> {
        let name = required_text("name", self.name.as_deref(), 200)?;
        let persona = self.persona.ok_or_else(|| ValidationError::missing("persona"))?;
        let persona = Persona {
            name: required_text("persona.name", persona.name.as_deref(), 100)?,
            company: required_text("persona.company", persona.company.as_deref(), 200)?,
        };
        let cadence = object_or_empty("cadence", self.cadence)?;
        let windows = object_or_empty("windows", self.windows)?;
        let caps = object_or_empty("caps", self.caps)?;
        let sms = self.sms.map(|v| typed::<SmsSettings>("sms", v)).transpose()?;
        let voice = self.voice.map(|v| typed::<VoiceSettings>("voice", v)).transpose()?;
        if let Some(url) = voice.as_ref().and_then(|v| v.bot_url.as_deref()) {
            check_url("voice.bot_url", url, &["ws://", "wss://"])?;
        }
        if voice.as_ref().and_then(|v| v.transfer_timeout_secs).is_some_and(|t| !(5..=120).contains(&t)) {
            return Err(ValidationError::new("voice.transfer_timeout_secs", "out_of_range", "between 5 and 120"));
        }
        let agent = self.agent.map(|v| typed::<AgentSettings>("agent", v)).transpose()?.unwrap_or_default();
        let agent_url = optional_text("agent.url", agent.url.as_deref(), 2_048)?;
        match (agent.mode, &agent_url) {
            (AgentMode::Webhook, None) => return Err(ValidationError::missing("agent.url")),
            (_, Some(url)) => check_url("agent.url", url, &["http://", "https://"])?,
            _ => {}
        }
        if agent.batch_window_secs.is_some_and(|w| w > MAX_BATCH_WINDOW_SECS) {
            return Err(ValidationError::new(
                "agent.batch_window_secs",
                "out_of_range",
                format!("at most {MAX_BATCH_WINDOW_SECS} seconds"),
            ));
        }
        if agent.timeout_ms.is_some_and(|t| !(100..=30_000).contains(&t)) {
            return Err(ValidationError::new("agent.timeout_ms", "out_of_range", "between 100 and 30000"));
        }
        let templates = match self.templates {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(v) => typed::<BTreeMap<String, String>>("templates", v)?,
        };
        for (name, text) in &templates {
            required_text(&format!("templates.{name}"), Some(text), MAX_TEMPLATE_CHARS)?;
        }
        Ok(Campaign {
            id: CampaignId::new(),
            name,
            persona,
            cadence,
            windows,
            caps,
            sms,
            voice,
            agent: AgentSettings { url: agent_url, ..agent },
            templates,
            created_at: now,
        })
    }
}

/// Longest template: four concatenated SMS segments.
const MAX_TEMPLATE_CHARS: usize = 640;

/// The templates every campaign has unless it overrides them. Each names the sender and says
/// how to opt out, as CTIA expects of automated texts.
pub const BUILTIN_TEMPLATES: [(&str, &str); 8] = [
    (
        "intro",
        "Hi {first_name}, this is {agent} with {company}. Thanks for your request! Is now a good time to talk? \
         Reply STOP to opt out.",
    ),
    (
        "missed_call",
        "Sorry I missed you just now, {first_name}. {agent} from {company} here: text back a good time to call, \
         or ask me anything. Reply STOP to opt out.",
    ),
    (
        "follow_up",
        "Hi {first_name}, {agent} from {company} following up on your request. Any questions I can answer? \
         Reply STOP to opt out.",
    ),
    (
        "last_chance",
        "Last note from {agent} at {company}, {first_name}: reply any time if you'd still like help. \
         Reply STOP to opt out.",
    ),
    // Keyword answers (CTIA): no marketing in any of them.
    (
        "help",
        "{company}: texts about your request from {agent}. Help: {contact}. Msg&data rates may apply. Reply STOP to opt out.",
    ),
    (
        "opt_out_confirmation",
        "{company}: you're unsubscribed and will get no more messages. Reply START to resubscribe.",
    ),
    ("resubscribed", "{company}: you're subscribed again. Reply HELP for help, STOP to opt out."),
    (
        "after_hours",
        "Thanks {first_name}! {agent} at {company} here: we're away right now and will text you back during business \
         hours. Reply STOP to opt out.",
    ),
];

impl Campaign {
    /// The text of template `name`: the campaign's own, else the built-in one.
    pub fn template(&self, name: &str) -> Option<&str> {
        self.templates
            .get(name)
            .map(String::as_str)
            .or_else(|| BUILTIN_TEMPLATES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t))
    }

    /// Fills template `name` for a lead: `{first_name}`, `{agent}` (the persona), `{company}`
    /// and `{contact}` (see [`Campaign::contact`]).
    pub fn render(&self, name: &str, first_name: &str) -> Option<String> {
        let text = self.template(name)?;
        let mut out = text
            .replace("{first_name}", first_name)
            .replace("{agent}", &self.persona.name)
            .replace("{company}", &self.persona.company);
        if out.contains("{contact}") {
            out = out.replace("{contact}", &self.contact());
        }
        Some(out)
    }

    /// How a lead reaches the campaign's people, for HELP answers: `sms.contact` if set, else
    /// the sending number.
    pub fn contact(&self) -> String {
        let sms = self.sms.as_ref();
        sms.and_then(|s| s.extra.get("contact"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| sms.map(|s| s.from_number.as_str().to_owned()))
            .unwrap_or_else(|| self.persona.company.clone())
    }
}

fn object_or_empty(field: &str, value: Option<Value>) -> Result<Value, ValidationError> {
    match value {
        None | Some(Value::Null) => Ok(Value::Object(Map::new())),
        Some(v @ Value::Object(_)) => Ok(v),
        Some(_) => Err(ValidationError::new(field, "invalid_type", "must be an object")),
    }
}

fn typed<T: serde::de::DeserializeOwned>(field: &str, value: Value) -> Result<T, ValidationError> {
    serde_json::from_value(value).map_err(|e| {
        ValidationError::new(field, "invalid_field", crate::validation::redact_serde_message(&e.to_string()))
    })
}

fn check_url(field: &str, url: &str, schemes: &[&str]) -> Result<(), ValidationError> {
    let ok = schemes.iter().any(|s| url.len() > s.len() && url.to_ascii_lowercase().starts_with(s));
    if ok && !url.chars().any(char::is_whitespace) {
        Ok(())
    } else {
        Err(ValidationError::new(field, "invalid_url", format!("must start with {}", schemes.join(" or "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn input(body: Value) -> CampaignInput {
        serde_json::from_value(body).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc::now()
    }

    #[test]
    fn a_full_campaign_parses() {
        let c = input(json!({
            "name": "Solar Q4",
            "persona": {"name": "Ava", "company": "Acme Solar"},
            "cadence": {"strategy": "text_first"},
            "sms": {"provider": "twilio", "from_number": "+14155550100", "api_base": "http://127.0.0.1:9"},
            "voice": {"provider": "telnyx", "from_number": "+14155550101", "bot_url": "wss://bot.example/ws", "codec": "l16"},
            "agent": {"mode": "webhook", "url": "https://llm.example/reply"}
        }))
        .parse(now())
        .unwrap();
        assert_eq!(c.sms.as_ref().unwrap().extra["api_base"], "http://127.0.0.1:9");
        assert_eq!(c.voice.as_ref().unwrap().codec, BotCodec::L16);
        assert_eq!(c.agent.mode, AgentMode::Webhook);
        assert_eq!(c.windows, json!({}));
        assert!(c.templates.is_empty());
    }

    #[test]
    fn a_transfer_line_is_a_phone_number_with_a_bounded_ring() {
        let with = |voice: Value| {
            input(json!({"name": "x", "persona": {"name": "A", "company": "B"},
                         "voice": voice}))
            .parse(now())
        };
        let voice = json!({"provider": "twilio", "from_number": "+14155550100", "transfer_to": "+13125550111",
                           "transfer_timeout_secs": 30});
        let c = with(voice).unwrap();
        let v = c.voice.as_ref().unwrap();
        assert_eq!(v.transfer_to.as_ref().map(E164::as_str), Some("+13125550111"));
        assert_eq!(v.transfer_timeout_secs, Some(30));
        let stored = serde_json::to_value(v).unwrap();
        assert_eq!(stored["transfer_to"], "+13125550111");
        let bare = with(json!({"provider": "twilio", "from_number": "+14155550100"})).unwrap();
        let bare = serde_json::to_value(bare.voice.unwrap()).unwrap();
        assert!(bare.get("transfer_to").is_none(), "absent, not null: {bare}");
        let err =
            with(json!({"provider": "twilio", "from_number": "+14155550100", "transfer_to": "agents"})).unwrap_err();
        assert_eq!(err.field, "voice");
        for ring in [4, 121] {
            let err = with(json!({"provider": "twilio", "from_number": "+14155550100",
                                  "transfer_to": "+13125550111", "transfer_timeout_secs": ring}))
            .unwrap_err();
            assert_eq!((err.field.as_str(), err.code), ("voice.transfer_timeout_secs", "out_of_range"));
        }
    }

    #[test]
    fn templates_render_with_overrides_and_built_ins() {
        let c = input(json!({
            "name": "Solar Q4",
            "persona": {"name": "Ava", "company": "Acme Solar"},
            "templates": {"intro": "Hey {first_name}, {agent} at {company}. STOP to opt out."}
        }))
        .parse(now())
        .unwrap();
        assert_eq!(c.render("intro", "Maria").unwrap(), "Hey Maria, Ava at Acme Solar. STOP to opt out.");
        let missed = c.render("missed_call", "Maria").unwrap();
        assert!(missed.starts_with("Sorry I missed you just now, Maria. Ava from Acme Solar"), "{missed}");
        assert_eq!(c.render("nope", "Maria"), None);
        let err = input(json!({"name": "x", "persona": {"name": "A", "company": "B"}, "templates": {"intro": ""}}))
            .parse(now())
            .unwrap_err();
        assert_eq!(err.field, "templates.intro");
    }

    #[test]
    fn bad_campaigns_name_the_field() {
        let cases = [
            (json!({"persona": {"name": "A", "company": "B"}}), "name"),
            (json!({"name": "x"}), "persona"),
            (json!({"name": "x", "persona": {"name": "A"}}), "persona.company"),
            (json!({"name": "x", "persona": {"name": "A", "company": "B"}, "cadence": [1]}), "cadence"),
            (
                json!({"name": "x", "persona": {"name": "A", "company": "B"}, "sms": {"provider": "twilio", "from_number": "bad"}}),
                "sms",
            ),
            (
                json!({"name": "x", "persona": {"name": "A", "company": "B"}, "voice": {"provider": "twilio", "from_number": "+14155550100", "bot_url": "http://x"}}),
                "voice.bot_url",
            ),
            (json!({"name": "x", "persona": {"name": "A", "company": "B"}, "agent": {"mode": "webhook"}}), "agent.url"),
        ];
        for (body, field) in cases {
            let err = input(body.clone()).parse(now()).unwrap_err();
            assert_eq!(err.field, field, "{body}");
        }
    }
}
