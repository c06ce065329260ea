//! The independent audit the simulator and the gate's property tests rely on: it must flag
//! what the rules forbid, or a green simulation proves nothing.

use chrono::{DateTime, Duration, Utc};
use domain::vocab::{ConsentKind, MessageSource};
use domain::{Channel, ConsentId, ConversationId, ConversationState, E164, Event, EventRecord, MessageId, Seq};
use policy::{CampaignPolicy, Contact, LeadContext, Rules, audit};

const SMS: Contact = Contact { channel: Channel::Sms, automated: true, conversational: false, lead_requested: false };
const CALL: Contact =
    Contact { channel: Channel::Voice, automated: true, conversational: false, lead_requested: false };

#[test]
fn the_audit_flags_what_the_rules_forbid() {
    let ctx = LeadContext {
        phone: E164::parse("+18505550100").unwrap(),
        timezone: None,
        state: None,
        internal_dnc: false,
        national_dnc: None,
    };
    let at: DateTime<Utc> = "2026-11-18T14:30:00Z".parse().unwrap(); // 08:30 Central, 09:30 Eastern
    let mut state = ConversationState::default();
    let grant = |seq: u64, channel| EventRecord {
        conversation_id: ConversationId::new(),
        seq: Seq(seq),
        at: at - Duration::days(1),
        recorded_at: at,
        event: Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        },
    };
    state.apply(&grant(1, Channel::Sms)).unwrap();
    let rules = Rules::default();
    let campaign = CampaignPolicy::default();
    assert!(audit(&rules, &campaign, &ctx, &state, &SMS, at).is_empty());
    assert_eq!(audit(&rules, &campaign, &ctx, &state, &CALL, at), ["voice without consent"]);
    // 07:30 Central / 08:30 Eastern: legal in one of the panhandle's zones only.
    let early = audit(&rules, &campaign, &ctx, &state, &SMS, at - Duration::hours(1));
    assert_eq!(early, ["sms at Wed 07:30 in America/Chicago"]);
    state.apply(&grant(2, Channel::Voice)).unwrap();
    let sent = EventRecord {
        conversation_id: ConversationId::new(),
        seq: Seq(3),
        at: at - Duration::seconds(30),
        recorded_at: at,
        event: Event::SmsSent {
            message_id: MessageId::new(),
            body: "hi".into(),
            source: MessageSource::System,
            provider: None,
            provider_message_id: None,
            transactional: false,
        },
    };
    state.apply(&sent).unwrap();
    assert_eq!(audit(&rules, &campaign, &ctx, &state, &CALL, at), ["voice within the channel gap"]);
    assert!(
        audit(&rules, &campaign, &ctx, &state, &Contact { lead_requested: true, ..CALL }, at).is_empty(),
        "the lead asked"
    );
}

#[test]
fn conversational_replies_are_exempt_from_the_marketing_cap_only() {
    let ctx = LeadContext {
        phone: E164::parse("+12125550100").unwrap(),
        timezone: None,
        state: None,
        internal_dnc: false,
        national_dnc: None,
    };
    let at: DateTime<Utc> = "2026-11-18T17:00:00Z".parse().unwrap();
    let mut state = ConversationState::default();
    let mut seq = 0;
    let mut push = |state: &mut ConversationState, when: DateTime<Utc>, event: Event| {
        seq += 1;
        state
            .apply(&EventRecord {
                conversation_id: ConversationId::new(),
                seq: Seq(seq),
                at: when,
                recorded_at: when,
                event,
            })
            .unwrap();
    };
    push(
        &mut state,
        at - Duration::days(9),
        Event::ConsentGranted {
            consent_id: ConsentId::new(),
            channel: Channel::Sms,
            kind: ConsentKind::ExpressWritten,
            source: "form".into(),
        },
    );
    for day in (1..=4).rev() {
        let sent = Event::SmsSent {
            message_id: MessageId::new(),
            body: "hi".into(),
            source: MessageSource::System,
            provider: None,
            provider_message_id: None,
            transactional: false,
        };
        push(&mut state, at - Duration::days(day), sent);
    }
    let (rules, campaign) = (Rules::default(), CampaignPolicy::default());
    assert_eq!(audit(&rules, &campaign, &ctx, &state, &SMS, at), ["marketing SMS over the monthly cap"]);
    assert!(audit(&rules, &campaign, &ctx, &state, &Contact { conversational: true, ..SMS }, at).is_empty());
    let night = at + Duration::hours(15); // 03:00 Eastern
    assert_eq!(
        audit(&rules, &campaign, &ctx, &state, &Contact { conversational: true, ..SMS }, night),
        ["sms at Thu 03:00 in America/New_York"]
    );
}
