//! Identifiers. Each is a UUID (v7, so ids sort by creation time and index well) wrapped in its
//! own type so a lead id can never be passed where a campaign id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The text given was not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid {kind} id")]
pub struct ParseIdError {
    /// Which kind of id was expected (`lead`, `campaign`, …).
    pub kind: &'static str,
}

macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Wraps a UUID read back from storage.
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The UUID, for storage.
            pub const fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl FromStr for $name {
            type Err = ParseIdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self).map_err(|_| ParseIdError { kind: $kind })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }
    };
}

uuid_id!(
    /// A lead: one person a contact center wants to reach.
    LeadId,
    "lead"
);
uuid_id!(
    /// A campaign: cadence, windows, caps, carriers and AI settings shared by many leads.
    CampaignId,
    "campaign"
);
uuid_id!(
    /// A conversation: the one cross-channel timeline of a lead.
    ConversationId,
    "conversation"
);
uuid_id!(
    /// One row of the consent ledger.
    ConsentId,
    "consent"
);
uuid_id!(
    /// A scheduled action (timer) or outbox entry.
    ActionId,
    "action"
);
uuid_id!(
    /// An operator API key (the id, never the secret).
    ApiKeyId,
    "api key"
);
uuid_id!(
    /// A message (SMS) known to Throughline, independent of the carrier's own id.
    MessageId,
    "message"
);
uuid_id!(
    /// A call leg known to Throughline, independent of the carrier's own id.
    CallId,
    "call"
);

/// Position of an event in its conversation's timeline: 1, 2, 3, … with no gaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Seq(pub u64);

impl Seq {
    /// The sequence number after this one.
    pub const fn next(self) -> Seq {
        Seq(self.0 + 1)
    }
}

impl fmt::Display for Seq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_text_and_reject_garbage() {
        let id = LeadId::new();
        assert_eq!(id.to_string().parse::<LeadId>(), Ok(id));
        assert_eq!("nope".parse::<CampaignId>(), Err(ParseIdError { kind: "campaign" }));
    }

    #[test]
    fn ids_are_time_ordered() {
        let a = ConversationId::new();
        let b = ConversationId::new();
        assert!(a < b, "v7 ids created later sort later");
    }
}
