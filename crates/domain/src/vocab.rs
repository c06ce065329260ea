//! The small closed vocabularies every other module speaks: channels, roles, sources, statuses.
//! Enums, not strings, so a typo is a compile error and an unknown value a parse error.

use serde::{Deserialize, Serialize};

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire and storage spelling.
            pub const fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the wire spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// A way of reaching the lead.
    Channel { Sms => "sms", Voice => "voice" }
);

text_enum!(
    /// Who said a line of the conversation.
    Role {
        /// The person being contacted.
        Lead => "lead",
        /// Throughline's AI or the customer's bot.
        Ai => "ai",
        /// A human agent.
        Agent => "agent",
    }
);

text_enum!(
    /// What made a lead arrive.
    LeadSource { Form => "form", MissedCall => "missed_call", AdClick => "ad_click", Import => "import" }
);

text_enum!(
    /// Who originated an outbound message: the audit needs to tell a person from a machine.
    MessageSource {
        /// Typed by a human agent in the console.
        Manual => "manual",
        /// Sent through `POST /api/v1/sms/send`.
        Api => "api",
        /// Received from the lead.
        Inbound => "inbound",
        /// Written by the SMS agent (built-in or webhook).
        SmsAgent => "sms_agent",
        /// Cadence steps, confirmations, keyword replies.
        System => "system",
    }
);

text_enum!(
    /// How strong a consent row is. Automated marketing needs `ExpressWritten`.
    ConsentKind { ExpressWritten => "express_written", Express => "express" }
);

text_enum!(
    /// The operator-visible outcome of a conversation.
    ConversationStatus {
        InProgress => "in_progress",
        Completed => "completed",
        Incomplete => "incomplete",
        FollowUp => "follow_up",
        Qualified => "qualified",
        Disqualified => "disqualified",
        /// Do not contact: the lead opted out or was put on the internal list.
        Dnc => "dnc",
    }
);

text_enum!(
    /// How far a conversation has got, derived from its events.
    Stage {
        /// Created, nothing sent yet.
        New => "new",
        /// We reached out; no answer yet.
        Contacted => "contacted",
        /// The lead answered on some channel.
        Engaged => "engaged",
        /// A human was asked for.
        HandoffPending => "handoff_pending",
        /// A human took over.
        WithAgent => "with_agent",
        /// Nothing more will happen (completed, disqualified or opted out).
        Closed => "closed",
    }
);

text_enum!(
    /// How a call attempt ended.
    CallOutcome {
        Human => "human",
        Voicemail => "voicemail",
        NoAnswer => "no_answer",
        Busy => "busy",
        Failed => "failed",
    }
);

text_enum!(
    /// Who answered, from answering-machine detection.
    AnsweredBy { Human => "human", Machine => "machine", Unknown => "unknown" }
);

text_enum!(
    /// An SMS delivery state; carriers report these out of order, so they are ranked.
    DeliveryStatus {
        Queued => "queued",
        Sent => "sent",
        Delivered => "delivered",
        Undelivered => "undelivered",
        Failed => "failed",
        Received => "received",
        Read => "read",
    }
);

impl DeliveryStatus {
    /// A status may only replace one of lower rank ("status only moves forward").
    pub const fn rank(&self) -> u8 {
        match self {
            DeliveryStatus::Queued => 0,
            DeliveryStatus::Sent => 1,
            DeliveryStatus::Received => 2,
            DeliveryStatus::Delivered | DeliveryStatus::Undelivered | DeliveryStatus::Failed => 3,
            DeliveryStatus::Read => 4,
        }
    }
}

text_enum!(
    /// What a scheduled action will do when it comes due.
    ActionKind {
        SendSms => "send_sms",
        PlaceCall => "place_call",
        SmsAgentReply => "sms_agent_reply",
        FollowUp => "follow_up",
        Handoff => "handoff",
    }
);

text_enum!(
    /// The verdict of a compliance decision.
    Verdict { Allowed => "allowed", Blocked => "blocked", Rescheduled => "rescheduled" }
);

text_enum!(
    /// How an AI identified itself.
    DisclosureKind {
        /// The campaign's prompt played at the start of a voice call.
        VoicePrompt => "voice_prompt",
        /// The first SMS named the sender and that it is automated.
        SmsIdentification => "sms_identification",
        /// The lead asked "is this a bot?" and was answered truthfully.
        BotQuestion => "bot_question",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip_through_serde_and_parse() {
        for status in ConversationStatus::ALL {
            let json = serde_json::to_string(status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.as_str()));
            assert_eq!(ConversationStatus::parse(status.as_str()), Some(*status));
        }
        assert_eq!(Channel::parse("fax"), None);
    }

    #[test]
    fn delivery_status_ranks_only_move_forward() {
        assert!(DeliveryStatus::Delivered.rank() > DeliveryStatus::Sent.rank());
        assert!(DeliveryStatus::Sent.rank() > DeliveryStatus::Queued.rank());
    }
}
