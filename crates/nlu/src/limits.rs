//! What reads like a revocation but keeps the conversation going: the lead limits the contact
//! instead of ending it. [`crate::normalise::opt_out_phrase`] asks this before it answers for
//! anything but a whole-message keyword ("STOP" alone is always a revocation).
//!
//! - a channel swap: "stop calling me, texts are fine", "stop texting and just call me at 4",
//!   "stop texting me at work, text me after 6" (the channel preference or time goes to the
//!   intent rules: `text_only`, `schedule`);
//! - a content complaint: "quit sending me PDFs, just give me the price";
//! - a frequency complaint: "stop sending so many texts, one a week is fine";
//! - something else unsubscribed from: "how do I unsubscribe from auto-pay?", "can I opt out of
//!   the monitoring add-on?", "unsubscribe me from the emails but keep texting me";
//! - the opposite wish: "I don't want you to stop texting", "Stop, you had me at no upfront
//!   cost, what's next?";
//! - somebody else: "my kids won't leave me alone rn, call after 7?", "my brother told you to
//!   stop calling him", a past request the lead takes back ("I told the last guy to stop
//!   calling, but I do want the install");
//! - the keyword quoted, not said: "my daughter replied STOP by accident, I still want the
//!   quote", "I never said stop", "a text saying reply STOP to unsubscribe, is that you?";
//! - a stop that is no request: "non-stop calls from the others", "the last company wouldn't
//!   stop calling", "not gonna quit on this", "no dejen de mandarme info" (don't stop), in
//!   Spanish, Italian, Portuguese and French;
//! - one list only: "take my number off your call list but keep texting me";
//! - a condition: "if it's over $200 a month don't bother, but tell me the price";
//! - the same limits in Spanish ([`spanish`]); channel swaps, refusals to leave and questions
//!   about leaving later in French, German, Portuguese, Italian and Hinglish
//!   ([`swapped_abroad`], [`refused_abroad`]).
//!
//! Each check is narrow on purpose: a missed revocation is the worse error, so a limit must be
//! stated, not guessed.

use crate::index::WordList;

/// Verbs and nouns of a channel the lead invites.
/// (Not email: Throughline does not email, so "stop texting, email me" ends the conversation.)
const TEXT_WORDS: &str = "text|txt|texts|txts|texting|sms|message|msg|messages|msgs";
const CALL_WORDS: &str = "call|ring|phone";
/// Words before an invited channel that make it an invitation ("just text", "pls call").
const INVITERS: &str = "just|only|pls|plz|please|can|could|may|instead|rather|then|prefer|via|by|thru|through|over|and";
/// Words after a channel that make it an invitation ("text if", "text only", "texting works").
const INVITED_BY: &str = "if|instead|only|works|work|better|fine|ok|okay|good|pls|please|plz|whenever|anytime";
/// What makes "texts are …" an invitation.
const FINE: &str = "fine|ok|okay|good|better|great|best|preferred|easier|cool";
/// Words that stop (or negate) contact: an invitation may only follow one of them.
const STOPPERS: &str = concat!(
    "don't|dont|not|never|no|stop|stopp|quit|cease|nor|ni|without|end|enough|less|fewer|unsubscribe",
    "|unsub|block|alone",
);
/// Words that carry a stop on to a channel within three words ("don't call or text", "do not
/// text", "not so many texts", "don't reach out anymore by phone or text"): with [`STOPPERS`],
/// the channel is under the stop.
const STOP_SCOPE: &str = "or|again|many|much|do|anymore|ever";
/// What is sent that is not the contact itself.
const CONTENT: &str = concat!(
    "pdf|pdfs|link|links|brochure|brochures|attachment|attachments|pic|pics|picture|pictures|photo",
    "|photos|file|files|doc|docs|document|documents|video|videos|form|forms|same|survey|surveys|ads",
    "|reminders|reminder|confirmations|promos|coupons|flyers|voicemail|voicemails",
    "|quote|quotes|estimate|estimates|invoice|invoices|receipts|paperwork|statements",
    // "Quit sending canned responses", "Stop with the ALL CAPS messages".
    "|canned|caps|responses|replies",
);
/// What a lead may unsubscribe from without leaving the conversation.
const OTHER_SUBSCRIPTIONS: &str = concat!(
    "newsletter|newsletters|autopay|auto|add-on|addon|add|monitoring|maintenance|warranty|plan|insurance|coverage",
    "|membership|program|paper|paperless|billing|renewal|renew|mailers|catalog|catalogs|upgrade|service",
    "|protection|feature|magazine|emails|email|e-mails|marketing|promotional|promotions",
    // Contracts and their terms: "opt out of the loan", "is there an opt-out fee".
    "|loan|contract|agreement|lease|financing|arbitration|escrow|fee|fees|clause|penalty",
    // Services of the lead's own: "remind me to unsubscribe from Netflix tonight".
    "|gym|netflix|spotify|hulu|prime|disney|peacock|paramount|streaming|app|apps|club|subscriptions",
    // "My kid unsubscribed me from all my YouTube channels".
    "|youtube|channels|podcast|podcasts|playlist",
    // "can I opt out of just that part?" (data shared with partners), "… of the photos for the
    // before/after?".
    "|part|sharing|photos|photo|pictures|survey|surveys|testimonial|reviews",
);
/// A wish to go on ("but I still want the quote", "keep texting me").
const GO_ON: &str = "but|still|keep|though|however";
/// Signing up, after an exclamation of "stop" ("STOP, this is exactly what I needed").
const SIGN_UP: [&str; 17] = [
    "sign up",
    "sign me up",
    "what's next",
    "whats next",
    "you had me at",
    "exactly what i need",
    "count me in",
    "where do i sign",
    "how do i sign",
    "lets do it",
    "let's do it",
    "i'm in",
    "i'm interested",
    "im interested",
    "i mean yes",
    "autocorrect",
    "before we go",
];

static TEXT_SET: WordList = WordList::new(TEXT_WORDS);
static CALL_SET: WordList = WordList::new(CALL_WORDS);
static INVITER_SET: WordList = WordList::new(INVITERS);
static INVITED_BY_SET: WordList = WordList::new(INVITED_BY);
static FINE_SET: WordList = WordList::new(FINE);
static STOPPER_SET: WordList = WordList::new(STOPPERS);
static STOP_SCOPE_SET: WordList = WordList::new(STOP_SCOPE);
static CONTENT_SET: WordList = WordList::new(CONTENT);
static OTHER_SUBSCRIPTION_SET: WordList = WordList::new(OTHER_SUBSCRIPTIONS);
static GO_ON_SET: WordList = WordList::new(GO_ON);

/// `words` (the letters of a normalised message) limit the contact rather than end it.
pub(crate) fn limits_contact(norm: &str, words: &[&str]) -> bool {
    invites_contact(norm) && !means_under_stop(words)
        || content_or_frequency(words)
        || other_subscription(words)
        || wants_more(norm, words)
        || somebody_else(words)
        || restricted_hours(words)
        || reported(words)
        || quoted(norm, words)
        || not_a_stop(norm, words)
        || one_list(words)
        || conditional(words)
        || spanish(words)
        || text_kept(words)
        || wants_a_person(words)
        || autoreply(words)
        || reaction(norm)
        || asks_how_for_later(words)
        || rejoins(words)
        || figurative(norm, words)
        || instead_of_calls(words)
        || misdirected(words)
        || echoed_or_denied(norm, words)
        || moved(words)
        || swapped_abroad(words)
        || call_asked_abroad(words)
        || other_verb_stopped(words)
        || refused_abroad(words)
        || paused(words)
        || switching(words)
        || dnc_denied(words)
        || mentioned(norm)
        || call_asked_in_chinese(norm)
        || asked_in_chinese(norm)
        || hours_abroad(words)
        || other_line(words)
        || other_app(words)
        || thing_off_list(words)
        || texts_over_calls(norm, words)
        || ability(words)
        || not_ours(words)
        || prevented(words)
        || told_off_at_home(words)
        || stop_and_start(words)
        || list_of_things(words)
        || other_do_not_list(words)
}

/// A do-not list of something other than the contact: "What's on your do-not-take list?" (what
/// a junk hauler will not take).
fn other_do_not_list(words: &[&str]) -> bool {
    let contact = |w: &str| {
        matches!(w, "call" | "contact" | "text" | "txt" | "email" | "disturb" | "message" | "msg" | "sms" | "mail")
    };
    words.windows(4).any(|p| p[0] == "do" && p[1] == "not" && !contact(p[2]) && p[3] == "list")
        && !words.iter().any(|w| matches!(*w, "me" | "us" | "my" | "stop" | "remove" | "unsubscribe"))
}

/// Stopping and starting, an idiom: "I'm done stopping and starting on this myself".
fn stop_and_start(words: &[&str]) -> bool {
    words.windows(3).any(|p| {
        matches!(p, ["stopping", "and", "starting"] | ["stop", "and", "start"] | ["starting", "and", "stopping"])
    }) && !words.iter().any(|w| TEXT_SET.contains(w) || matches!(*w, "calling" | "calls" | "contact" | "remove"))
}

/// A list of things, not of contacts: "take it off the list of projects for this year", with
/// nothing else that stops.
fn list_of_things(words: &[&str]) -> bool {
    words.windows(5).any(|p| {
        p[0] == "off"
            && matches!(p[1], "the" | "my" | "our" | "his" | "her")
            && p[2] == "list"
            && p[3] == "of"
            && !matches!(p[4], "contacts" | "numbers" | "people" | "leads" | "customers" | "clients" | "names")
    }) && !words.iter().any(|w| {
        TEXT_SET.contains(w)
            || matches!(
                *w,
                "me" | "us" | "stop" | "calling" | "calls" | "contact" | "remove" | "unsubscribe" | "number"
            )
    })
}

/// Somebody at home told off, by name: "Mom stop taking my phone 😭". Not "mom, stop texting
/// me" (a contact verb).
fn told_off_at_home(words: &[&str]) -> bool {
    matches!(
        words,
        ["mom" | "mum" | "dad" | "mama" | "papa" | "babe" | "honey" | "bro" | "sis" | "grandma" | "grandpa", "stop", verb, ..]
            if verb.ends_with("ing")
                && !matches!(
                    *verb,
                    "texting" | "txting" | "calling" | "messaging" | "sending" | "contacting" | "emailing" | "bugging"
                        | "bothering" | "spamming" | "harassing" | "hitting" | "blowing" | "ringing" | "pinging"
                )
    )
}

/// Texts put above calls, with only the calls stopped: "Texts > calls. please no more calls".
fn texts_over_calls(norm: &str, words: &[&str]) -> bool {
    if !norm.contains('>') {
        return false;
    }
    let squeezed: String = norm.chars().filter(|c| !c.is_whitespace()).collect();
    ["text>call", "texts>call", "texting>call", "txt>call", "txts>call", "sms>call"]
        .iter()
        .any(|p| squeezed.contains(p))
        && words.iter().filter(|w| TEXT_SET.contains(w) || **w == "texting").count() == 1
}

/// Something kept from happening: "can I stop it from being a hard pull?". Not "stop it" alone.
fn prevented(words: &[&str]) -> bool {
    words.windows(4).any(|p| {
        p[0] == "stop"
            && matches!(p[1], "it" | "this" | "that" | "them")
            && p[2] == "from"
            && (p[3].ends_with("ing") || p[3] == "a" || p[3] == "the")
    })
}

/// Stops that are not asked of us: the idiom "stop me if you've heard this one", another
/// company stopped ("I had to block their number to get them to stop calling", said of the
/// last company), and somebody else's unsubscribe with the lead going on ("my neighbor
/// unsubscribed from you guys but I actually want to hear more"). The last two are read over
/// the whole message, as the lead's own words about them come with them.
fn not_ours(words: &[&str]) -> bool {
    let left = words.windows(3).enumerate().any(|(i, p)| {
        matches!(p[0], "my" | "our")
            && third_party(p[1])
            && matches!(p[2], "unsubscribed" | "unsubbed" | "opted" | "blocked")
            && words[i + 3..].windows(2).any(|q| {
                GO_ON_SET.contains(q[0]) && matches!(q[1], "i" | "i'm" | "im" | "we")
                    || q[0] == "i" && matches!(q[1], "want" | "still" | "actually")
            })
    });
    if left {
        return true;
    }
    let idiom = words
        .windows(4)
        .any(|p| p[..3] == ["stop", "me", "if"] && matches!(p[3], "you've" | "youve" | "you" | "u" | "ya"));
    let others =
        words.windows(4).any(|p| matches!(p, ["get" | "got" | "make" | "made", "them", "to", "stop" | "quit"]))
            && words.windows(2).any(|p| {
                matches!(p[0], "last" | "other" | "previous" | "old")
                    && matches!(p[1], "company" | "company's" | "companies" | "guys" | "place")
            });
    idiom || others
}

/// What the lead may do, said of the lead: "I heard you can unsubscribe before being charged",
/// "you can opt out anytime, right?". Not "you can unsubscribe me now" (asked), nor "you can
/// take me off your list".
fn ability(words: &[&str]) -> bool {
    words.windows(4).any(|p| {
        matches!(p[0], "you" | "u" | "i" | "we" | "ya")
            && matches!(p[1], "can" | "could")
            && matches!(p[2], "unsubscribe" | "unsub" | "opt" | "cancel")
            && !matches!(p[3], "me" | "us" | "my" | "this" | "now" | "today")
    })
    // "I don't want a subscription I can't unsubscribe from": a thing the lead could not leave,
    // with no stop said to us beside it.
    || !addressed_stop(words) && words.windows(4).any(|p| {
        (OTHER_SUBSCRIPTION_SET.contains(p[0])
            || matches!(p[0], "subscription" | "something" | "anything" | "thing" | "one"))
            && matches!(p[1], "i" | "you" | "u" | "we")
            && matches!(p[2], "can't" | "cant" | "cannot" | "couldn't" | "couldnt")
            && matches!(p[3], "unsubscribe" | "unsub" | "cancel" | "opt" | "quit" | "leave")
    })
}

/// Something other than the lead off a list: "Pool's off the list, we're doing solar instead",
/// "does removing the add-ons from the list bring the price down?".
fn thing_off_list(words: &[&str]) -> bool {
    let thing = |w: &str| {
        OTHER_SUBSCRIPTION_SET.contains(w)
            || w.strip_suffix('s').is_some_and(|one| OTHER_SUBSCRIPTION_SET.contains(one))
            || matches!(w, "extras" | "extra" | "options" | "items" | "upgrades" | "features" | "charges")
    };
    // "add-ons" is read as "add ons".
    let removed = words.windows(5).any(|p| {
        matches!(p[0], "remove" | "removing" | "removed" | "take" | "taking" | "drop" | "dropping" | "delete")
            && matches!(p[1], "the" | "those" | "these" | "that")
            && thing(p[2])
            && (matches!(p[3], "from" | "off") || p[3] == "ons" && matches!(p[4], "from" | "off"))
    });
    // "We want off the timeshare merry-go-round, count us in": out of a thing of the lead's own,
    // with us.
    let signed_on = words.windows(3).any(|p| matches!(p, ["count", "us" | "me", "in"] | ["sign", "us" | "me", "up"]))
        || words.windows(2).any(|p| matches!(p, ["let's" | "lets", "go" | "do"]));
    let out_of_thing = words.windows(4).any(|p| {
        matches!(p[0], "want" | "wants" | "wanted")
            && p[1] == "off"
            && matches!(p[2], "the" | "this" | "that" | "my" | "our")
            && !channel(p[3])
            && !p[2..].iter().any(|w| crate::normalise::LIST_SET.contains(w) || matches!(*w, "contact" | "calling"))
            && (signed_on || p[3] == "timeshare" || thing(p[3]))
    });
    removed
        || out_of_thing
        || words.windows(4).any(|p| {
            p[0].ends_with("'s")
                && !matches!(
                    p[0],
                    "it's" | "that's" | "he's" | "she's" | "what's" | "who's" | "there's" | "here's" | "let's"
                )
                && p[1] == "off"
                && matches!(p[2], "the" | "my" | "our")
                && p[3] == "list"
        })
}

/// The conversation moved to a messaging app: "Can you text me on WhatsApp instead? … Stop the
/// SMS ones and I'll answer there". Not "stop texting me, and don't WhatsApp me either".
fn other_app(words: &[&str]) -> bool {
    let app = |w: &str| matches!(w, "whatsapp" | "signal" | "telegram" | "imessage" | "wechat" | "viber");
    let asked = words.windows(2).any(|p| matches!(p[0], "on" | "via" | "by" | "over" | "use") && app(p[1]))
        && words.iter().any(|w| matches!(*w, "instead" | "there" | "only"));
    let refused = words.windows(3).any(|p| matches!(p[0], "don't" | "dont" | "no" | "not") && (app(p[1]) || app(p[2])));
    asked && !refused
}

/// Another line of the lead's offered: "stop calling my work number. Use my cell after 5
/// instead". Not with the contact stopped for good ("… again", "anymore").
fn other_line(words: &[&str]) -> bool {
    // "Stop calling my work number, my cell is fine after 6".
    let fine = words.windows(4).any(|p| {
        p[0] == "my"
            && matches!(p[1], "cell" | "mobile" | "landline" | "home" | "personal")
            && matches!(p[2], "is" | "s")
            && matches!(p[3], "fine" | "ok" | "okay" | "better" | "best")
    });
    let tried = words.windows(3).any(|p| {
        matches!(p[0], "use" | "try")
            && matches!(p[1], "my" | "this" | "the")
            && matches!(
                p[2],
                "cell" | "mobile" | "landline" | "home" | "house" | "other" | "personal" | "wife's" | "husband's"
            )
    });
    (fine || tried)
        && !words.iter().any(|w| matches!(*w, "again" | "anymore" | "ever" | "never" | "remove" | "unsubscribe"))
}

/// Texts stopped and a call asked for in Chinese: "不要发短信了，直接打电话给我吧" (no more texts,
/// just call me). Not "别再打电话给我" (don't call me again): the call itself refused.
fn call_asked_in_chinese(norm: &str) -> bool {
    const ASKS: [&str; 8] =
        ["打电话给我", "给我打电话", "打電話給我", "給我打電話", "直接打电话", "直接打電話", "打给我", "打給我"];
    // "不要", "别", and any "… 再" (again): "别再打电话给我".
    const REFUSALS: [&str; 4] = ["不要", "别", "別", "再"];
    ASKS.iter().any(|ask| norm.match_indices(ask).any(|(at, _)| !REFUSALS.iter().any(|r| norm[..at].ends_with(r))))
}

/// A question in Chinese about the keyword: "如果我回复退订，会怎么样？" (what happens if I
/// reply 退订?).
fn asked_in_chinese(norm: &str) -> bool {
    (norm.contains("如果") || norm.contains("要是"))
        && (norm.contains('?')
            || norm.contains('？')
            || ["怎么样", "怎麼樣", "会不会", "會不會", "吗", "嗎"].iter().any(|q| norm.contains(q)))
}

/// An hour limit in Punjabi, Hindi or Hindi typed in Latin letters: "ਰਾਤ ਨੂੰ ਮੈਸੇਜ ਨਾ ਕਰੋ, ਦਿਨ
/// ਵੇਲੇ ਠੀਕ ਹੈ" (don't message at night, daytime is fine).
fn hours_abroad(words: &[&str]) -> bool {
    let hour = words.iter().any(|w| {
        matches!(
            *w,
            "ਰਾਤ"
                | "ਦਿਨ"
                | "ਸਵੇਰੇ"
                | "ਸ਼ਾਮ"
                | "रात"
                | "दिन"
                | "सुबह"
                | "शाम"
                | "raat"
                | "din"
                | "subah"
                | "shaam"
        )
    });
    let fine = words.iter().any(|w| matches!(*w, "ਠੀਕ" | "ठीक" | "theek" | "thik" | "chalega"));
    // Russian "не пишите до 9 утра" (don't write before 9 am), "после 8 вечера" (after 8 pm).
    let russian = words.windows(2).any(|p| {
        matches!(p[0], "до" | "после")
            && (p[1].starts_with(|c: char| c.is_ascii_digit()) || matches!(p[1], "утра" | "обеда" | "вечера"))
    }) && !words.iter().any(|w| matches!(*w, "больше" | "никогда" | "совсем" | "вообще"));
    hour && fine || russian
}

/// A stop the lead only mentions, without asking for one, read clause by clause: advice
/// somebody else gives the lead ("my brother keeps telling me to unsubscribe from everything,
/// but I want the quote"), what somebody else did or will do ("my dad said he had to reply STOP
/// to get them to quit calling"), the keyword as a word ("'unsubscribe' is what I told my old
/// bank", "that 'stop' was autocorrect"), the way out asked about ("if I go on the do not call
/// list, do I lose my quote?", "do you honor the DNC list?", "how does my wife opt out?", "would
/// that cancel my order?"), our own footer quoted ("the text says reply STOP to opt out"), a step
/// not taken ("I nearly blocked you", "was about to unsubscribe"), or a removal the lead says is
/// not needed ("you don't need to remove me", "I'm not asking to be taken off"). What is left
/// once those clauses are set aside must hold no revocation of its own: "my wife keeps telling
/// me to unsubscribe. honestly, stop texting me" stops.
fn mentioned(norm: &str) -> bool {
    let mut rest = String::new();
    let mut set_aside = false;
    let letters = crate::normalise::letters_only(norm);
    // The message's words, split once for every reading below.
    let all: Vec<&str> = letters.split(' ').collect();
    let context = Context {
        aimed_elsewhere: any_phrase(&letters, &["not you", "not u", "not y'all", "not yall", "not your company"])
            && any_phrase(&letters, &["meant", "was about", "talking about", "was for"]),
        // "STOP, sorry, fat fingers! meant to say yes, still interested": the stop taken back.
        retracted: (any_phrase(&letters, &SLIPS)
            || any_phrase(&letters, &["fat finger", "fat fingers", "meant to say", "meant to type", "wrong button"]))
            && any_phrase(
                &letters,
                &[
                    "still interested",
                    "still want",
                    "i'm interested",
                    "im interested",
                    "do want",
                    "say yes",
                    "unblocked",
                ],
            ),
        // "… but I'm the one with the account, and yes, I want it": the lead overrules a stop
        // somebody else asked to pass on.
        overruled: any_phrase(
            &letters,
            &[
                "i'm the one",
                "im the one",
                "but i want",
                "but we want",
                "and yes i want",
                "we do want",
                "i do want",
                // "… that was about HIS number, not mine. I still want the appointment".
                "i still want",
                "not mine",
            ],
        ),
        // The lead goes on to ask something ("… anyway, what are the rates?").
        asks_on: norm.contains('?')
            || all.iter().copied().any(|w| matches!(w, "anyway" | "anyways"))
            || any_phrase(
                &letters,
                &[
                    "i want",
                    "we want",
                    "still need",
                    "still want",
                    "still interested",
                    "i'm interested",
                    "im interested",
                    "fine to reach",
                    // "… but okay, I'll hear you out if it's quick".
                    "hear you out",
                    "if it's quick",
                    "make it quick",
                    "fine to contact",
                    "feel free",
                    "go ahead",
                ],
            ),
        // "… nobody ever follows up on anything": too little contact is the complaint.
        neglected: any_phrase(
            &letters,
            &[
                "nobody ever",
                "no one ever",
                "nobody follows",
                "no one follows",
                "no callback",
                "never called back",
                "never call back",
                "nobody called",
                "no one called",
                "never heard back",
            ],
        ),
        // "'Reply STOP to unsubscribe' — got it 👍": our footer quoted and acknowledged.
        acknowledged: any_phrase(&letters, &["got it", "noted", "understood", "thanks", "thank you", "ok", "okay"])
            || norm.contains('👍'),
        // "unsubscribe from cat ownership pls 😹": a joke.
        laughing: norm.contains(['😂', '🤣', '😹', '😆', '🙃']) || all.iter().copied().any(crate::normalise::laugh),
        // "yes yes yes, I need this to stop, the letters keep coming": the lead's own trouble.
        affirmed: matches!(
            all.first().copied(),
            Some("yes" | "yeah" | "yep" | "yup" | "ya" | "absolutely" | "definitely" | "si" | "sure" | "interested")
        ),
        // "do you charge upfront? because that's illegal I think": a practice, not the contact
        // ("texting me at 6am is illegal" names the contact).
        priced: !all.iter().copied().any(|w| {
            TEXT_SET.contains(w)
                || CALL_SET.contains(w)
                || matches!(w, "calling" | "calls" | "texting" | "contact" | "contacting" | "messaging" | "robocalls")
        }) && all.iter().copied().any(|w| {
            matches!(
                w,
                "charge" | "charging" | "fee" | "fees" | "upfront" | "price" | "prices" | "rate" | "interest" | "cost"
            )
        }),
        // "Stop sending me that link, it doesn't work!!".
        broken_link: all.windows(2).any(|p| {
            matches!(p, ["doesn't" | "doesnt" | "won't" | "wont" | "didn't" | "didnt", "work" | "open" | "load"])
                || matches!(p[0], "is" | "s" | "link") && matches!(p[1], "broken" | "dead")
        }),
        // "Is there a way to stop the calls? Just asking for later": a question only asked.
        curious: any_phrase(
            &letters,
            &["just asking", "just curious", "for future reference", "asking for later", "asking for a friend"],
        ),
        // "I'm tired of the calls from Midland and Portfolio Recovery": somebody else calls.
        others_calling: all.iter().copied().any(|w| creditor(w) || w == "collections")
            || any_phrase(&letters, &["calls from", "texts from"]),
        // "… but keep the phone calls?": a part of the contact kept.
        keeps_part: any_phrase(&letters, &["but keep", "but still get", "but still keep"]),
        kidding: all.iter().enumerate().any(|(i, w)| {
            matches!(*w, "kidding" | "jk" | "jking" | "joking")
                && !all[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "not" | "no"))
        }),
        turned: all.contains(&"but"),
        invites: any_phrase(
            &letters,
            &["so yes", "yes please", "come give", "come by", "come out", "go ahead", "call me"],
        ),
        pet: all.iter().copied().any(|w| matches!(w, "cat" | "dog" | "kitten" | "puppy" | "kitty" | "pup")),
        declined: any_phrase(
            &letters,
            &[
                "but i won't",
                "but i wont",
                "but i will not",
                "but i'm not going to",
                "but im not gonna",
                "but i'm not gonna",
            ],
        ),
        persists: all.iter().copied().any(|w| {
            matches!(w, "still" | "keep" | "keeps" | "kept" | "why" | "yet" | "again" | "continue" | "continues")
        }),
        // "Do you report to the credit bureaus or …".
        practice: all.iter().copied().any(|w| {
            matches!(
                w,
                "report"
                    | "reports"
                    | "reporting"
                    | "share"
                    | "shares"
                    | "sharing"
                    | "sell"
                    | "sells"
                    | "selling"
                    | "bureau"
                    | "bureaus"
                    | "autopay"
                    | "arbitration"
            )
        }),
        worried: all
            .iter()
            .copied()
            .any(|w| matches!(w, "worries" | "worried" | "worry" | "scares" | "scary" | "nervous")),
        // "'Stop' by the Spice Girls just came on": a song named.
        music: norm.contains(['🎶', '🎵', '🎤', '🎸', '🎧', '🎹'])
            || any_phrase(
                &letters,
                &[
                    "song",
                    "bop",
                    "banger",
                    "lyrics",
                    "album",
                    "playlist",
                    "spotify",
                    "radio",
                    "came on",
                    "by the",
                    "stuck in my head",
                    "hammer time",
                    "collaborate and listen",
                    "earworm",
                    "singing",
                    // "My cousin's band is called Stop Calling Me Kevin".
                    "band",
                    // "Stop! In the Name of Love".
                    "name of love",
                    // "Can a teacher show my son how to play Stop This Train?".
                    "how to play",
                    "learn to play",
                    "chords",
                ],
            ),
    };
    // An ellipsis trails on rather than ending the sentence: "Unsubscribe... from Mondays 😂".
    let trailed = norm.replace("...", " ").replace('…', " ");
    for sentence in trailed.split_inclusive(['.', '!', '?', ';']) {
        // "Is the unsubscribe message automated too or is this a person": asked without a mark.
        // Not "how many times do I have to say STOP", which asks nothing.
        let question = sentence.trim_end().ends_with('?') || {
            let mut words = sentence.split_whitespace();
            matches!(words.next(), Some("is" | "are" | "does" | "will" | "would"))
                && !matches!(words.next(), Some("not" | "you" | "u" | "ya"))
        };
        // "If I say no now, will you take me off your list automatically?": a case put first.
        // "Quick question — if I block your number by accident, how do I get back in touch?":
        // a few words before it.
        let conditioned = question && {
            let words: Vec<&str> = sentence.split_whitespace().take(5).collect();
            words.windows(2).any(|p| p[0] == "if" && matches!(p[1], "i" | "we"))
        };
        let mut opens = true;
        for piece in sentence.split(',') {
            let letters = crate::normalise::letters_only(piece);
            let words: Vec<&str> = letters.split(' ').filter(|w| !w.is_empty()).collect();
            // "…, but I want the quote", "… anyway yes": a new clause, out of the stop's scope.
            for clause in words.split(|w| matches!(*w, "but" | "anyway" | "anyways" | "tho" | "though" | "however")) {
                let first = (0..clause.len()).find(|&i| cue(clause, i));
                match first {
                    Some(c) if only_mentioned(clause, c, question, opens, conditioned, &context) => set_aside = true,
                    _ => {
                        rest.push_str(&clause.join(" "));
                        rest.push_str(". ");
                    }
                }
                opens = opens && clause.is_empty();
            }
            opens = false;
        }
    }
    set_aside && crate::normalise::opt_out_phrase(rest.trim_end()).is_none()
}

/// `clause[i]` opens a word of the stop family: "stop", "unsubscribe", "remove", "block",
/// "opt out", "do not call", "leave me alone", "take me off".
fn cue(clause: &[&str], i: usize) -> bool {
    let next = |k: usize| clause.get(i + k).copied().unwrap_or("");
    match clause[i] {
        "stop" | "stopping" | "quit" | "unsubscribe" | "unsub" | "unsubscribed" | "remove" | "removed" | "block"
        | "blocked" | "blocking" | "optout" | "dnc" | "cancel" | "cease" | "report" | "reported" => true,
        "opt" | "opted" => next(1) == "out",
        // "unsubcribe", "unsubscibe": the keyword typed wrong.
        w if w.starts_with("unsub") => true,
        "leave" => next(2) == "alone",
        // "do not disturb" too, which [`only_mentioned`] reads as a phone's setting.
        // "a do not contact list".
        "do" => {
            next(1) == "not" && (matches!(next(2), "call" | "disturb") || next(2) == "contact" && next(3) == "list")
        }
        // "if you text again": only the lead's shrug is read ([`only_mentioned`]).
        "if" => matches!(next(1), "you" | "u") && clause[i..].contains(&"again"),
        // "that's illegal": revokes, unless said of something else (a price).
        "illegal" => true,
        // "this is spam": a spam report, which revokes unless only described ("spam-level").
        "spam" => i > 0 && clause[i - 1] == "is",
        "take" | "taken" | "get" => {
            matches!(next(1), "me" | "us") && next(2) == "off" || next(1) == "off"
            // "do you take clients off your list once …?", asked of others ([`only_mentioned`]).
            || clientele(next(1)) && next(2) == "off"
        }
        _ => false,
    }
}

/// Whether `text` holds any of `phrases` as whole words ([`crate::normalise::contains_phrase`]).
fn any_phrase(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| crate::normalise::contains_phrase(text, p))
}

/// Somebody else named as a subject: a [`third_party`] word, or "my" before one ("my
/// accountant").
fn somebody(w: &str) -> bool {
    third_party(w) || w == "my"
}

/// Somebody outside the household, whose own phone is not the lead's: "my friend", "my
/// sister" (a sibling named as somebody else).
fn outsider(w: &str) -> bool {
    matches!(
        w,
        "friend"
            | "friends"
            | "neighbor"
            | "neighbour"
            | "coworker"
            | "coworkers"
            | "boss"
            | "someone"
            | "somebody"
            | "cousin"
            | "uncle"
            | "aunt"
            | "sister"
            | "brother"
    )
}

/// A business's people in general, taken off a list: "clients", "customers", "leads".
fn clientele(w: &str) -> bool {
    matches!(w, "clients" | "customers" | "people" | "folks" | "leads" | "users" | "members")
}

/// Those who chase a lead besides us: "collectors", "creditors", "scammers".
fn creditor(w: &str) -> bool {
    matches!(
        w,
        "creditors"
            | "creditor"
            | "collectors"
            | "collector"
            | "lenders"
            | "banks"
            | "scammers"
            | "robocallers"
            | "telemarketers"
    )
}

/// Somebody other than the lead: "my wife", "everyone", "he's".
fn third_party(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "he's"
            | "she's"
            | "they're"
            | "he'll"
            | "she'll"
            | "they'll"
            | "everyone"
            | "everyone's"
            | "everybody's"
            | "everybody"
            | "people"
            | "someone"
            | "somebody"
            | "friend"
            | "friends"
            | "neighbor"
            | "neighbour"
            | "son"
            | "son's"
            | "daughter"
            | "daughter's"
            | "wife"
            | "wife's"
            | "husband"
            | "husband's"
            | "mom"
            | "mom's"
            | "dad"
            | "dad's"
            | "mother"
            | "father"
            | "grandpa"
            | "grandma"
            | "grandmother"
            | "grandfather"
            | "brother"
            | "sister"
            | "kids"
            | "family"
            | "coworker"
            | "coworkers"
            | "boss"
            | "lawyer"
            | "accountant"
    )
}

/// What [`mentioned`] knows of the whole message.
struct Context {
    /// The lead takes a stop back as a slip and goes on.
    retracted: bool,
    /// A stop said to be meant for somebody else: "… she meant the roofers, not you".
    aimed_elsewhere: bool,
    /// Contact or a visit invited: "so yes, come give me an estimate".
    invites: bool,
    /// A pet named: "my cat just knocked my phone off the table".
    pet: bool,
    /// The lead overrules a stop somebody else asked to pass on.
    overruled: bool,
    /// The message asks something, or the lead says they want to go on.
    asks_on: bool,
    /// The lead complains of too little contact.
    neglected: bool,
    /// The lead acknowledges something ("got it", "thanks").
    acknowledged: bool,
    /// The message talks about music (a song title holds the stop).
    music: bool,
    /// The lead laughs (an emoji, "lol").
    laughing: bool,
    /// The message opens with a yes.
    affirmed: bool,
    /// The message is about a price and names no contact (so "illegal" is said of the price).
    priced: bool,
    /// The message says a link does not work.
    broken_link: bool,
    /// The lead says the question is only asked ("just curious", "for future reference").
    curious: bool,
    /// The lead says something worries them.
    worried: bool,
    /// The lead keeps a part of the contact ("but keep the calls").
    keeps_part: bool,
    /// Somebody other than us calls the lead (creditors, "calls from …").
    others_calling: bool,
    /// The message names a practice of ours besides the contact (reporting, sharing data).
    practice: bool,
    /// The lead says the contact goes on ("still", "keep", "why", "again").
    persists: bool,
    /// The lead says it was a joke ("kidding", "jk"), not "not kidding".
    kidding: bool,
    /// The lead says they won't, after a "but" ("… but I won't").
    declined: bool,
    /// The message turns on a "but".
    turned: bool,
}

/// Whether the stop word at `clause[c]` (the clause's first) is only mentioned; `question`:
/// the sentence asks; `opens`: the clause opens the sentence; `conditioned`: the sentence asks
/// what follows from a case it opens with ("if I …, will you …?").
fn only_mentioned(
    clause: &[&str],
    c: usize,
    question: bool,
    opens: bool,
    conditioned: bool,
    context: &Context,
) -> bool {
    let before = &clause[..c];
    let after = &clause[c + 1..];
    if context.retracted || context.aimed_elsewhere {
        return true;
    }
    // "I'll just ignore it if you text again": a shrug, not a threat.
    if clause[c] == "if" {
        return before.iter().any(|w| matches!(*w, "ignore" | "ignoring"));
    }
    // "Ignore my husband's stop text": a stop withdrawn.
    if matches!(clause.first(), Some(&("ignore" | "disregard"))) {
        return true;
    }
    // "My friend said to stop answering these companies": the lead's own doing stopped, not ours.
    let own_doing = after
        .first()
        .is_some_and(|w| {
            matches!(
                *w,
                "answering" | "replying" | "responding" | "picking" | "clicking" | "filling" | "signing" | "buying"
                    | "spending" | "giving" | "sharing" | "entering" | "paying"
            )
        })
        // "my lawyer said stop talking to insurance", not "stop talking to me".
        || matches!(after, ["talking" | "speaking", "to" | "with", w, ..] if !matches!(*w, "me" | "us"));
    // "my kid keeps yelling 'stop texting mom' at dinner": words overheard, somebody else's.
    let overheard = before.last().is_some_and(|w| {
        matches!(*w, "yelling" | "saying" | "screaming" | "shouting" | "yelled" | "screamed" | "shouted")
    }) && before.iter().any(|w| somebody(w) || *w == "kid");
    // "Do you handle DNC lawsuits?": the law talked about.
    let legal = after.first().is_some_and(|w| {
        matches!(
            *w,
            "lawsuit" | "lawsuits" | "claim" | "claims" | "case" | "cases" | "violation" | "violations" | "law"
        )
    });
    // "My boss just said 'leave me alone' to me": words said to the lead, reported.
    let said_to_lead = before.last().is_some_and(|w| matches!(*w, "said" | "says" | "yelled" | "told" | "texted"))
        && before.iter().any(|w| somebody(w))
        && after.windows(2).any(|p| p == ["to", "me"]);
    // "I'll report you to the BBB if someone doesn't fix my gutter": a threat over the service,
    // not over the contact ("… if you text me again" is over the contact).
    // "I'll unsubscribe myself if it gets annoying": the lead's own step, if ever.
    let own_step = clause[c].starts_with("unsub") && matches!(before, [.., "i'll" | "ill"] | [.., "i", "will"]);
    let over_service = (matches!(clause[c], "report" | "block" | "blocking") || own_step)
        && after.iter().position(|w| *w == "if").is_some_and(|at| {
            !after[at..].iter().any(|w| {
                channel(w)
                    || matches!(
                        *w,
                        "contact"
                            | "contacting"
                            | "again"
                            | "anymore"
                            | "bother"
                            | "bothering"
                            | "me"
                            | "another"
                            | "more"
                    )
            })
        });
    // "Honestly about to block you, nobody ever follows up": a threat out of too little contact.
    let neglected = context.neglected && matches!(clause[c], "block" | "blocking" | "report");
    // "Do NOT put me on your do not call list", "don't bother putting me on the do not call list".
    let kept_off = matches!(clause[c], "do" | "dnc")
        && (before.windows(2).any(|p| matches!(p, ["not" | "don't" | "dont" | "never", "put" | "add"]))
            // "No need to put me on a do not call list or anything".
            || before.windows(4).any(|p| matches!(p, ["no", "need", "to", "put" | "add"]))
            || before
                .windows(3)
                .any(|p| matches!(p, ["not" | "don't" | "dont" | "never", "bother", "putting" | "adding"])));
    // "I texted stop to a different company": sent to somebody else.
    let elsewhere = after.first() == Some(&"to")
        && (after[1..]
            .iter()
            .take(2)
            .any(|w| matches!(*w, "different" | "other" | "another" | "wrong" | "last" | "previous" | "old"))
            // "I said stop to a dealer": some firm, not us.
            || matches!(after, [_, "a" | "an" | "some", firm, ..] if matches!(*firm, "dealer" | "dealership" | "company" | "lender" | "bank" | "guy" | "recruiter" | "telemarketer")));
    // The keyword as a word: "'leave me alone' is what I told the last roofer", "'stop' was autocorrect".
    let as_word = after.windows(2).take(3).any(|p| matches!(p, ["is" | "was", "what"]))
        // "Unsubscribe is the last thing I want lol".
        || matches!(after, ["is" | "s", "the", "last", ..])
        // "My cousin thinks unsubscribe is a magic word".
        // "\"Remove Me\" would be a great name for a punk band": the keyword's own "me".
        || matches!(
            after.strip_prefix(&["me"]).unwrap_or(after),
            ["is" | "was" | "s", ..] | ["would" | "could", "be", ..]
        ) && after.iter().take(7).any(|w| matches!(*w, "word" | "keyword" | "name"))
        || after.iter().take(4).any(|w| matches!(*w, "autocorrect" | "autocorrected" | "typo"))
        // "why did my phone autocorrect that to unsubscribe".
        || before.iter().rev().take(4).any(|w| matches!(*w, "autocorrect" | "autocorrected"))
        // "one of those bots that only understands STOP?".
        || matches!(before.last(), Some(&("understands" | "understand" | "recognizes" | "recognises")))
        // "would I just be saying unsubscribe to a machine?".
        || question && matches!(before.last(), Some(&("saying" | "say" | "typing" | "type"))) && after.first() == Some(&"to");
    // Somebody else's stop in the past: "the last company wouldn't leave me alone", "the last
    // company I used made it impossible to unsubscribe".
    // Not "we signed with another company so please remove us": the company must be the one
    // that would not stop.
    // "My last charger company's bot ignored me when I said stop": a word between, and the
    // company's own.
    let firm_at = |v: usize| {
        (v + 1..(v + 3).min(before.len())).find(|&n| {
            let w = before[n].strip_suffix("'s").unwrap_or(before[n]);
            // "The last firm's bot ignored my unsubscribe".
            matches!(
                w,
                "company"
                    | "companies"
                    | "guy"
                    | "guys"
                    | "lender"
                    | "dealer"
                    | "provider"
                    | "bank"
                    | "firm"
                    | "office"
            )
        })
    };
    let other_company = before.iter().enumerate().any(|(v, w)| {
        matches!(*w, "last" | "other" | "previous" | "old" | "former" | "another")
            && firm_at(v).is_some_and(|n| {
                before[n + 1..].iter().any(|w| matches!(*w, "ignored" | "ignores" | "wouldn't" | "wouldnt" | "never"))
                    && !before[n + 1..].iter().any(|w| matches!(*w, "so" | "please" | "pls" | "you" | "your" | "u"))
            })
    }) || before.windows(2).enumerate().any(|(v, p)| {
        matches!(p[0], "last" | "other" | "previous" | "old" | "former" | "another" | "a" | "some")
            && matches!(
                p[1],
                "company"
                    | "companies"
                    | "guy"
                    | "guys"
                    | "installer"
                    | "lender"
                    | "dealer"
                    | "provider"
                    | "bank"
                    | "agent"
                    | "agency"
                    | "firm"
                    | "realtor"
                    // "My last school inquiry was a bot that wouldn't stop texting me".
                    | "bot"
                    // "The last place that texted me was one and I couldn't even unsubscribe".
                    | "place"
                    | "service"
                    | "school"
                    | "clinic"
                    | "office"
            )
            && before[v + 2..].iter().any(|w| {
                matches!(
                    *w,
                    "wouldn't"
                        | "wouldnt"
                        | "didn't"
                        | "didnt"
                        | "couldn't"
                        | "never"
                        | "made"
                        | "kept"
                        | "keeps"
                        | "refused"
                )
            })
            && !before[v + 2..].iter().any(|w| matches!(*w, "so" | "please" | "pls" | "you" | "your" | "u"))
    });
    // A phone menu's option: "the menu says press 9 to unsubscribe".
    let menu = matches!(before, [.., "press" | "dial" | "option" | "hit", n, "to"] if n.starts_with(|c: char| c.is_ascii_digit()));
    // "The DNC registry stuff doesn't apply here": the rule talked about.
    let applies = after
        .windows(2)
        .take(4)
        .any(|p| matches!(p, ["doesn't" | "doesnt" | "does" | "don't" | "dont" | "not", "apply"]));
    // "I'm not gonna tell you to stop texting": the request refused, by the lead.
    let declined = before.windows(3).enumerate().any(|(v, p)| {
        // "I'm not asking you to stop texting".
        // Not "He's not interested and asked me to tell you to stop": the "not" is the interest's.
        matches!(p[0], "tell" | "ask" | "asking" | "telling")
            && matches!(p[1], "you" | "u" | "y'all" | "yall")
            && p[2] == "to"
            && before[v.saturating_sub(3)..v].iter().any(|w| matches!(*w, "not" | "won't" | "wont" | "never"))
    });
    // Nothing addressed to us between the governing verb and the stop: "my wife wants you to
    // stop calling" passes her request on.
    let to_us = |from: usize| before[from..].iter().any(|w| matches!(*w, "you" | "u" | "ya" | "y'all" | "yall" | "ur"));
    // Advice to the lead, or the lead told something: "keeps telling me to just unsubscribe",
    // "told me 'leave me alone'"; not "told me to tell you to stop".
    let advised = before.windows(2).enumerate().any(|(v, p)| {
        matches!(p[0], "tell" | "tells" | "telling" | "told" | "advised" | "suggested" | "warned")
            && matches!(p[1], "me" | "us")
            && before[..v].iter().any(|w| somebody(w))
            && !to_us(v + 2)
            // Not "my attorney has advised me to formally request that your school cease all
            // contact": advised to ask it of us.
            && !before[v + 2..].iter().any(|w| {
                matches!(*w, "request" | "demand" | "ask" | "insist" | "notify" | "inform" | "instruct")
            })
    })
        // "My neighbor asked me how to unsubscribe from the HOA newsletter": asked of the lead.
        || before.windows(3).enumerate().any(|(v, p)| {
            matches!(p, ["asked" | "asks" | "asking", "me" | "us", "how" | "whether"])
                && before[..v].iter().any(|w| somebody(w))
        })
        // "My neighbor said to just block you": the lead's own step advised.
        || matches!(clause[c], "block" | "blocking" | "report" | "ignore")
            && matches!(before, [.., "said" | "says" | "told" | "telling" | "tells", "to"] | [.., "said" | "says", "to", "just"])
            && before.iter().any(|w| somebody(w))
        // "My dad says these companies are scams and I should block you".
        || before.iter().enumerate().any(|(v, w)| {
            matches!(*w, "says" | "said" | "thinks" | "thought")
                && before[..v].iter().any(|b| somebody(b))
                && before[v + 1..].windows(2).any(|p| p[0] == "i" && matches!(p[1], "should" | "ought" | "must"))
        });
    // A stop somebody else asked to pass on, overruled by the lead: "my wife told me to tell
    // you to stop texting, but I'm the one with the debt and yes, I want help".
    let relayed = context.overruled
        && before.iter().any(|w| somebody(w))
        && before.iter().any(|w| matches!(*w, "told" | "asked" | "wants" | "said" | "says"));
    // Somebody else's own act: "my neighbor said he had to reply STOP", "my son's going to block".
    let acted = before.iter().enumerate().any(|(v, w)| {
        // "My husband joked he'd block you".
        let said = matches!(*w, "said" | "says" | "joked" | "jokes")
            && before.get(v + 1).is_some_and(|n| third_party(n) || matches!(*n, "he'd" | "she'd" | "they'd"))
            // "My wife joked about blocking you lol".
            || matches!(*w, "joked" | "jokes" | "joking") && before.get(v + 1) == Some(&"about");
        let done = matches!(
            *w,
            "going"
                | "gonna"
                | "had"
                | "has"
                | "tried"
                | "wanted"
                | "wants"
                | "threatened"
                | "keeps"
                | "kept"
                | "will"
                // "my friend couldn't stop it" (an auto-renewal).
                | "couldn't"
                | "couldnt"
        ) && v > 0
            && third_party(before[v - 1]);
        // "My friend replied STOP to you guys and still got calls": an outsider's own keyword
        // (not the household's, which may be this phone's).
        // "My cousin said \"STOP\" to you guys last year": said to us, as sent.
        let sent = (matches!(*w, "replied" | "texted" | "typed" | "sent")
            || matches!(*w, "said" | "told") && after.first() == Some(&"to"))
            && v > 0
            && outsider(before[v - 1])
            // Not "my cousin replied STOP for me": sent on the lead's behalf.
            && !after.windows(2).any(|p| matches!(p, ["for", "me" | "us"] | ["on", "my" | "our"]));
        if sent {
            return true;
        }
        // "My attorney sent a cease and desist to the resort": a letter to somebody else.
        if matches!(*w, "sent" | "mailed" | "filed")
            && v > 0
            && matches!(before[v - 1], "attorney" | "lawyer")
            && after.windows(2).any(|p| p[0] == "to" && matches!(p[1], "the" | "that" | "their" | "my" | "his" | "her"))
        {
            return true;
        }
        // "he wants his number removed": a removal he asks of us, not his own act.
        // "she wants them to stop" (our messages): a stop asked of us.
        let asked_of_us = matches!(*w, "wants" | "wanted")
            && (matches!(clause[c], "removed" | "taken")
                || clause[c] == "stop" && matches!(&before[v + 1..], ["them" | "it" | "these" | "those", "to"]));
        (said || done && !asked_of_us) && !to_us(v + 1)
    }) || before.first().is_some_and(|w| matches!(*w, "he'll" | "she'll" | "they'll"));
    // A question about something else that stops, or about how stopping works: "will the
    // panels still work or do they just stop?", "will creditors stop calling me once I
    // enroll?", "does the DNC registry apply to collectors?". Not a question about us or our
    // texts ("will you stop texting me?", "will these texts ever stop?", "can I unsubscribe?",
    // "is there a way to stop this?").
    // "How does the unsubscribe thing work if I want to stop later?" too, not "how do I …?".
    // "…, or does the whole program just stop?".
    let asking = clause.strip_prefix(&["or"]).unwrap_or(clause);
    let subject = if asking.first() == Some(&"how") { asking.get(2) } else { asking.get(1) };
    let about_else = question
        && asking
            .first()
            .is_some_and(|w| matches!(*w, "does" | "do" | "is" | "are" | "will" | "would" | "what" | "how"))
        && subject.is_some_and(|w| {
            !matches!(*w, "you" | "u" | "ya" | "y'all" | "yall" | "i" | "we" | "there" | "it" | "this" | "that")
        })
        && !before.iter().any(|w| {
            channel(w) || matches!(*w, "these" | "those" | "you" | "u" | "y'all" | "yall" | "ur" | "your" | "possible")
        })
        // Not "How many times do I have to say stop?": the stop said again, in exasperation.
        && !asking.starts_with(&["how", "many", "times"]);
    // Why a message came: "why did I get a 'you have been unsubscribed' text?".
    // Not only asked: "I got a 'you've been unsubscribed' text when I didn't ask for that".
    // "Your system sent me 'you have been unsubscribed'".
    let got = before.windows(2).any(|p| {
        p[0] == "i" && matches!(p[1], "get" | "got" | "receive" | "received")
            || matches!(p, ["sent" | "texted" | "messaged", "me" | "us"])
    });
    let received = got && (question || before.last() == Some(&"been"));
    // On the do-not-call list, and asking on: "I put myself on the do not call list years ago,
    // no idea how you got my number. Anyway, what are the rates?".
    // "I put myself on the do not call list years ago because of scammers": told as the past.
    let registered = matches!(clause[c], "do" | "dnc")
        && (context.asks_on || after.contains(&"ago"))
        && before.windows(2).any(|p| {
            matches!(
                p,
                ["put", "myself" | "ourselves"] | ["i'm" | "im" | "we're" | "been", "on"] | ["am" | "are", "on"]
            ) || p[0] == "registered"
        });
    // The way out asked about: "if I …?", "would that cancel …?", "do you honor the DNC list?",
    // "how does my wife opt out?", "did I get put on a DNC list by mistake?".
    let asked = question
        && (opens && before.first() == Some(&"if")
            // "Quick question — if I block your number by accident, how do I …?".
            || conditioned && before.windows(2).any(|p| matches!(p, ["if", "i" | "we"]))
            || matches!(before, [.., "would" | "will" | "does" | "did" | "can" | "could", "that" | "this" | "it"])
            || before.iter().rev().take(4).any(|w| matches!(*w, "honor" | "honour" | "respect" | "scrub" | "check"))
            || before.first().is_some_and(|w| matches!(*w, "how" | "can" | "could" | "does" | "do"))
                && before.iter().skip(1).take(3).any(|w| somebody(w))
            // "Will I still get emails if I unsubscribe from texts?": what follows, asked.
            || matches!(clause.first(), Some(&("will" | "would" | "do" | "does" | "what")))
                && before.windows(2).any(|p| p[0] == "if" && matches!(p[1], "i" | "we"))
            // "like if I told you to stop would anyone even know?": a case put, then asked.
            || before.windows(2).any(|p| matches!(p, ["if", "i" | "we"]))
                && after.iter().any(|w| matches!(*w, "would" | "will" | "could" | "does" | "do"))
            // "Что будет, если я отвечу STOP?" (what happens if I reply STOP?).
            || before.first().is_some_and(|w| matches!(*w, "если" | "si" | "se" | "wenn" | "jesli" | "als"))
            // Haitian Creole "Kisa k rive si m di STOP?" (what happens if I say STOP?).
            || before.windows(2).any(|p| p[0] == "si" && matches!(p[1], "m" | "mwen" | "nou"))
            || matches!(before, ["did" | "was" | "am" | "have", "i" | "we", ..])
                && clause.iter().any(|w| matches!(*w, "mistake" | "accident" | "accidentally" | "somehow"))
            // "Can I unsubscribe and still get the quote by mail?": what is kept, asked.
            || matches!(before, ["can" | "could", "i" | "we", ..])
                && after.windows(2).any(|p| matches!(p, ["and" | "but", "still"])));
    // Our footer quoted: "your text says reply STOP to opt out", "why do I get 'reply STOP to end'",
    // "I've gotten a 'reply STOP' text three times this week" (the footer naming the message).
    let footer = matches!(clause[c], "stop" | "unsubscribe" | "cancel")
        && before.last().is_some_and(|w| matches!(*w, "reply" | "text" | "txt"))
        && (after.first().is_some_and(|w| matches!(*w, "to" | "text" | "texts" | "message" | "messages" | "msg"))
            // "Why does every message say reply STOP?": the footer's words asked about.
            || after.is_empty() && question && matches!(before, [.., "say" | "says" | "said", _]))
        && (question
            || before.len() == 1 && context.acknowledged
            // "Reply STOP to opt out — lol why did I just get that from my pharmacy".
            || before.len() == 1 && after.windows(2).any(|p| matches!(p, ["why", "did" | "do" | "does" | "am"]))
            // "your 'reply STOP to opt out' footer is longer than the message".
            // "every text has a 'Reply STOP to opt out' footer".
            || before.len() >= 2 && matches!(before[before.len() - 2], "your" | "ur" | "the" | "that" | "this" | "a")
            // "This is the third 'reply STOP to opt out' text this week".
            || before.len() >= 3
                && matches!(before[before.len() - 3], "the" | "a" | "another")
                && matches!(before[before.len() - 2], "second" | "third" | "fourth" | "fifth" | "same" | "automated")
            || before.iter().rev().skip(1).take(3).any(|w| {
                matches!(
                    *w,
                    // "My gym sends 'Text STOP to opt out' on every message".
                    "sends"
                        | "said"
                        | "says"
                        | "say"
                        | "saying"
                        | "get"
                        | "got"
                        | "gotten"
                        | "getting"
                        | "receiving"
                        | "see"
                        | "saw"
                        | "seeing"
                        | "read"
                        | "reads"
                        | "with"
                )
            }));
    // A step not taken: "I almost blocked your number", "I was about to unsubscribe".
    let tail = &before[before.len().saturating_sub(4)..];
    let untaken = tail.iter().any(|w| matches!(*w, "almost" | "nearly"))
        // "I shouldn't have to threaten to unsubscribe just to get an answer": a threat the lead
        // would rather not make.
        || matches!(before, [.., "threaten" | "threatening", "to"])
            && before.iter().any(|w| matches!(*w, "shouldn't" | "shouldnt" | "why" | "not"))
        // "I was this close to hitting unsubscribe".
        || tail.windows(2).any(|p| p == ["close", "to"])
        // "Quick question before I block you... kidding": a threat made and taken back.
        || context.kidding && before.windows(2).any(|p| matches!(p, ["before", "i" | "we"]))
        // "Wasn't going to opt out, just busy".
        || tail.windows(3).any(|p| {
            matches!(p, ["was" | "were" | "wasn't" | "wasnt" | "weren't" | "werent", "about" | "going", "to"])
        })
        || tail.windows(2).any(|p| matches!(p, ["was" | "were", "gonna"] | ["thought", "about"]))
        // "I was thinking about blocking you but whatever": weighed in the past, as "I thought
        // about blocking you" is.
        || tail.windows(3).any(|p| matches!(p, ["was" | "were", "thinking", "about" | "of"]))
        // "I was about to tell you to stop texting but …": the telling not done.
        || before.windows(3).enumerate().any(|(v, p)| {
            matches!(p, ["was" | "were", "about" | "going", "to"])
                && before[v + 3..].iter().all(|w| matches!(*w, "tell" | "ask" | "say" | "you" | "u" | "y'all" | "to"))
        })
        // "Before I unsubscribe from the whole idea, what's the rough cost?".
        || before.first() == Some(&"before") && context.asks_on
        // "Before I decide whether to unsubscribe, can I talk to a person?", "thinking about
        // blocking you, but I still need that quote": a step weighed, while the lead goes on.
        || context.asks_on
            // "I'm tempted to block you, but I still want my appointment info".
            && (tail.iter().any(|w| matches!(*w, "whether" | "considering" | "debating" | "deciding" | "tempted"))
                || tail.windows(2).any(|p| matches!(p, ["thinking", "about" | "of"])))
        // "I'd block you but then I'd miss the quote": what the lead would do, and doesn't.
        || matches!(clause[c], "block" | "unsubscribe" | "unsub")
            && matches!(before, [.., "i'd" | "id"] | [.., "i", "would"])
        // "I should block you lol but I won't": a step named and refused at once.
        || matches!(clause[c], "block" | "unsubscribe" | "unsub" | "report")
            && matches!(before, [.., "i", "should" | "could"])
            && context.declined;
    // A removal not needed: "you don't need to remove me", "I'm not asking to be removed",
    // "don't take me off the list"; not "why don't you remove me" or "if you don't remove me".
    let removal = matches!(
        clause[c],
        "remove"
            | "removed"
            | "unsubscribe"
            | "unsub"
            | "unsubscribed"
            | "take"
            | "taken"
            | "opt"
            | "opted"
            | "block"
            | "blocking"
            // "I won't report you or block you".
            | "report"
    );
    let not_needed = removal
        // "I didn't unsubscribe because I do want info", "I won't unsubscribe".
        && tail
            .iter()
            .rposition(|w| {
                matches!(
                    *w,
                    "don't" | "dont" | "not" | "no" | "never" | "didn't" | "didnt" | "won't" | "wont" | "haven't"
                        | "havent" | "shouldn't" | "shouldnt"
                )
            })
            .is_some_and(|n| {
            tail[n + 1..].iter().all(|w| {
                // "don't wanna unsubscribe", "don't need you to take me off anything".
                matches!(
                    *w,
                    "need"
                        | "have"
                        | "gotta"
                        | "to"
                        | "be"
                        | "asking"
                        | "asked"
                        | "ask"
                        // "I'm not reporting you or blocking you".
                        | "reporting"
                        // "I'm not looking to unsubscribe".
                        | "looking"
                        | "trying"
                        | "planning"
                        | "or"
                        | "get"
                        | "even"
                        | "just"
                        | "gotten"
                        | "want"
                        | "gonna"
                        | "going"
                        | "wanna"
                        | "you"
                        | "u"
                )
            })
        })
        && !before.iter().any(|w| matches!(*w, "why" | "if"))
        // "there's nothing to remove me from".
        || removal && matches!(before, [.., "nothing", "to"]);
    // A song: "'Stop' by the Spice Girls just came on", "Stop! In the Name of Love is a bop".
    let song = context.music
        && matches!(clause[c], "stop" | "stopping")
        && !after.iter().take(3).any(|w| channel(w) || matches!(*w, "me" | "us" | "contacting" | "bothering"));
    // A name: "my cousin's band is called Stop Calling Me Kevin", "a show called Stop Texting".
    // "my old band was literally called Unsubscribe": a word or two between.
    let titled = matches!(before, [.., "called" | "named" | "titled"])
        && before[..before.len() - 1].iter().rev().take(3).any(|w| {
            matches!(
                *w,
                "is" | "was" | "band" | "song" | "show" | "movie" | "book" | "podcast" | "album" | "app" | "group"
            )
        });
    // "this is spam-level texting": the texts described, not reported as spam.
    let described = clause[c] == "spam"
        && after.first().is_some_and(|w| matches!(*w, "level" | "like" | "tier" | "territory" | "adjacent" | "vibes"));
    // A removal asked about for some later day: "will you remove me if I ask?", "is there a
    // do not call list I could get on later if I need to?".
    let hypothetical = question
        // "Once the job is done will the texts stop on their own or do I have to opt out?".
        && (matches!(clause.first(), Some(&("once" | "when" | "after"))) && !before.iter().any(|w| matches!(*w, "you" | "u"))
            || after.contains(&"later")
            // "do you take me off the lead list automatically once I join?".
            // "will you stop sending listings once we're under contract?".
            || after.windows(2).any(|p| {
                // "Will you stop messaging once the job's done?": anything after "once".
                p[0] == "once"
                    || matches!(p[0], "when" | "after")
                        && matches!(
                            p[1],
                            "i" | "we" | "i'm" | "im" | "we're" | "the" | "my" | "our" | "it" | "it's" | "its" | "this" | "that"
                        )
            })
            || after.windows(3).any(|p| {
                p[0] == "if"
                    && matches!(p[1], "i" | "we")
                    && matches!(
                        p[2],
                        "ask" | "need" | "want" | "ever" | "decide" | "change" | "request"
                            // "… stop the texts if I end up going with someone else?".
                            | "end" | "go" | "choose" | "pick" | "switch" | "hire" | "buy"
                    )
            })
            // "Will y'all remove my info if I don't qualify?": what we do in some case, asked.
            // "Will I be removed from the list automatically if I don't buy?".
            || matches!(before, [q, you, ..] if matches!(*q, "will" | "would" | "do" | "does")
                && matches!(*you, "you" | "u" | "y'all" | "yall" | "ya'll" | "they" | "i" | "we"))
                && (conditioned || after.windows(2).any(|p| p[0] == "if" && matches!(p[1], "i" | "we" | "i'm" | "im"))));
    // The lead's own story: "last time I signed up for something like this I couldn't
    // unsubscribe for months", "I unsubscribed from the other lender's emails".
    let story = matches!(before, ["last" | "one", "time", ..] | ["the", "last", "time", ..])
        && before.iter().rev().take(3).any(|w| matches!(*w, "couldn't" | "couldnt" | "had" | "tried" | "took"))
        // "I had to unsubscribe from like 5 other mailing lists".
        || (matches!(clause[c], "unsubscribed" | "blocked" | "opted")
            && before.last().is_some_and(|w| matches!(*w, "i" | "we" | "already" | "just"))
            || matches!(clause[c], "unsubscribe" | "block") && matches!(before, [.., "i" | "we", "had", "to"]))
            && after.iter().position(|w| *w == "from").is_some_and(|f| {
                // "I just unsubscribed from like 20 store emails today".
                after[f + 1..].iter().take(4).any(|w| {
                    matches!(
                        *w,
                        "other"
                            | "another"
                            | "previous"
                            | "old"
                            | "last"
                            | "store"
                            | "stores"
                            | "newsletters"
                            | "retailers"
                            // "Just unsubscribed from 20 shopping emails".
                            | "shopping"
                            | "junk"
                    )
                })
                // "Just unsubscribed from like 10 email lists today": lists counted, none ours.
                || after[f + 1..].iter().take(3).any(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) || matches!(*w, "dozen" | "bunch" | "several" | "ten")
                }) && !after.iter().any(|w| matches!(*w, "you" | "u" | "your" | "ur" | "y'all" | "this" | "these"))
            });
    // The lead's own stopping: "I'm not sure I can just stop it and switch", "what if I lose
    // my job and have to stop?"; not "I have to stop these texts".
    // "We'd have to unsubscribe from a lot of expenses to afford that".
    let own_stop = matches!(clause[c], "stop" | "quit" | "unsubscribe")
        && (matches!(
            before,
            [.., "i" | "we", "can" | "could" | "might", "just"] | [.., "i" | "we", "can" | "could" | "might"]
        ) || (matches!(before, [.., "have" | "had", "to"])
            // "I always forget to stop it and get charged" (an auto-renewal).
            || matches!(before, [.., "forget" | "forgot" | "remember" | "remembered", "to"]))
            && before.iter().any(|w| matches!(*w, "i" | "we" | "i'd" | "we'd" | "i'll" | "we'll"))
            && !before.iter().any(|w| matches!(*w, "you" | "u" | "y'all" | "yall" | "ya")))
        && !after.iter().any(|w| {
            channel(w)
                || matches!(*w, "me" | "us" | "getting" | "receiving" | "these" | "those" | "them" | "your" | "ur")
        });
    // The lead won't stop us: "No I'm not going to stop you texting, I just don't need a house".
    let lets_us = matches!(clause[c], "stop" | "block")
        && matches!(before, [.., "not", "going", "to"] | [.., "not", "gonna"] | [.., "won't" | "wont"])
        && before.iter().any(|w| matches!(*w, "i" | "i'm" | "im"))
        && matches!(after.first(), Some(&("you" | "u" | "y'all" | "yall")));
    // Others saying the keyword: "your texts keep going even after people say stop".
    let others_say = after.is_empty()
        && matches!(before, [.., who, "say" | "says" | "said" | "reply" | "replies" | "text" | "type"] if third_party(who))
        && before.iter().any(|w| matches!(*w, "after" | "when" | "until" | "if" | "once"));
    // An attempt long past: "I tried to unsubscribe from your emails last year and it never
    // worked"; not "I tried to unsubscribe last week and you still text".
    let long_past = matches!(before, [.., "i" | "we", "tried", "to"])
        && (after.contains(&"ago") || after.windows(2).any(|p| p == ["last", "year"]))
        && !after.iter().any(|w| matches!(*w, "still" | "keep" | "keeps" | "again" | "now"));
    // What somebody said we would do: "my mom said you'll stop texting once I enroll".
    let predicted =
        before.last().is_some_and(|w| matches!(*w, "you'll" | "youll" | "you'd" | "youd" | "they'll" | "they'd"))
            && before.iter().any(|w| matches!(*w, "said" | "says" | "told" | "heard" | "thought" | "promised"));
    // A worry about stopping something later: "I'd hate to sign up and then not be able to stop
    // it if I lose my job".
    // "Don't want to get stuck in a year contract and not be able to stop it".
    let worry =
        before.iter().any(|w| matches!(*w, "hate" | "worried" | "worry" | "afraid" | "scared" | "nervous" | "stuck"));
    // Somebody else's list: "I told the last guy to take me off his list".
    let theirs =
        after.windows(2).take(4).any(|p| matches!(p[0], "his" | "her" | "their") && matches!(p[1], "list" | "lists"));
    // What the way out costs: "do you charge to unsubscribe or cancel?".
    // "can I stop it anytime without a fee?" (a plan): the fee after it.
    let cost = question
        && (before.iter().any(|w| matches!(*w, "charge" | "fee" | "fees" | "cost" | "pay"))
            || matches!(clause[c], "stop" | "cancel" | "quit")
                && matches!(after.first(), Some(&("it" | "anytime")))
                && after.iter().any(|w| matches!(*w, "fee" | "fees" | "penalty" | "penalties" | "charge"))
                && !after.iter().any(|w| channel(w) || matches!(*w, "me" | "us")));
    // A joke: "unsubscribed from the idea of solar 😂", "unsubscribe from cat ownership pls 😹".
    // "My dog just unsubscribed me from sleep lol".
    let after_me = after.strip_prefix(&["me"]).unwrap_or(after);
    let joke = context.laughing
        && clause[c].starts_with("unsub")
        && after_me.first() == Some(&"from")
        && after_me.len() > 1
        && !after_me[1..].iter().take(3).any(|w| {
            channel(w)
                || matches!(
                    *w,
                    "your"
                        | "ur"
                        | "you"
                        | "this"
                        | "these"
                        | "that"
                        | "all"
                        | "everything"
                        | "list"
                        | "lists"
                        | "calls"
                        | "marketing"
                        | "promos"
                        | "offers"
                        | "updates"
                        | "program"
                        | "service"
                        | "company"
                        | "it"
                )
        });
    // An idea given up: "I already unsubscribed from the whole solar idea, too expensive".
    let notion = clause[c].starts_with("unsub")
        && after_me.first() == Some(&"from")
        && after_me[1..].iter().take(5).any(|w| matches!(*w, "idea" | "notion" | "concept" | "dream" | "fantasy"))
        && !after_me.iter().any(|w| channel(w) || matches!(*w, "list" | "lists" | "you" | "your" | "ur"));
    // Something of the lead's own left, in jest: "unsubscribe me from my 7% interest rate pls".
    let own_burden = clause[c].starts_with("unsub")
        && matches!(after_me, ["from", "my" | "this" | "our" | "that", ..])
        && after_me[2..].iter().take(4).any(|w| {
            matches!(
                *w,
                "rate"
                    | "interest"
                    | "loan"
                    | "loans"
                    | "debt"
                    | "debts"
                    | "mortgage"
                    | "payments"
                    | "bills"
                    | "job"
                    | "life"
                    | "timeshare"
                    | "contract"
                    | "membership"
            )
        });
    // The way out described, not taken: "one of those bots that keeps texting until you say
    // stop?". Not "unless you stop", a threat.
    let until = before.iter().rev().take(4).any(|w| matches!(*w, "until" | "till" | "til"));
    // The lead's own habit stopped: "I want to stop putting this off", not "I want to stop
    // getting these texts".
    let intends = matches!(clause[c], "stop" | "quit")
        && matches!(
            before,
            [.., "want" | "need" | "have" | "trying" | "going" | "like" | "love" | "hope" | "plan", "to"]
                | [.., "gotta" | "wanna"]
        )
        // The lead's, not ours: "you guys need to stop blowing up my phone".
        && before.iter().any(|w| matches!(*w, "i" | "i'm" | "im" | "we" | "i've" | "i'd" | "id" | "we'd"))
        && !before.iter().any(|w| matches!(*w, "you" | "u" | "y'all" | "yall" | "ya'll" | "guys" | "ya"))
        && after.first().is_some_and(|w| {
            w.ends_with("ing")
                && !channel(w)
                && !matches!(
                    *w,
                    "getting" | "receiving" | "hearing" | "texting" | "calling" | "messaging" | "contacting" | "being"
                )
        });
    // Another app's button: "the unsubscribe button in my email app is broken".
    let device = matches!(before.last(), Some(&("the" | "my" | "a" | "an")))
        && after.first().is_some_and(|w| matches!(*w, "button" | "link" | "option" | "feature" | "setting"))
        && after.iter().any(|w| {
            matches!(
                *w,
                "my" | "app"
                    | "gmail"
                    | "inbox"
                    | "outlook"
                    | "iphone"
                    | "android"
                    | "newsletters"
                    | "newsletter"
                    | "emails"
            )
        });
    // The lead's own trouble, with a yes: "yes yes yes, I need this to stop, the letters keep coming".
    // "Yes please. I just want the harassment to stop": some trouble named, not our messages.
    let trouble = context.affirmed
        && matches!(clause[c], "stop")
        && (matches!(before, [.., "this" | "it", "to"])
            || matches!(before, [.., "the" | "all", thing, "to"] if !channel(thing)
                && !matches!(*thing, "texts" | "messages" | "calls" | "msgs" | "spam" | "contact")));
    // A phone's setting: "putting my phone on Do Not Disturb for the night" ("… Do Not Disturb
    // mode" is [`autoreply`]'s, for the whole message).
    let setting = clause[c] == "do"
        && after.get(1) == Some(&"disturb")
        && matches!(before.last(), Some(&("on" | "in" | "to" | "use" | "using")));
    // Somebody else's list: "can you get me removed from the IRS collections list?", "unsubscribe
    // me from the PTA newsletter".
    // "get me removed from the resort's mailing list": somebody's list named by its owner.
    let owned_list = after
        .iter()
        .position(|w| matches!(*w, "from" | "off"))
        .is_some_and(|f| matches!(&after[f + 1..], ["the", owner, ..] if owner.ends_with("'s")));
    let third_list = owned_list
        || after.iter().position(|w| *w == "from").is_some_and(|f| {
            after[f + 1..].iter().take(4).any(|w| {
                matches!(
                    *w,
                    "irs"
                        | "watch"
                        | "watchlist"
                        | "fly"
                        | "offender"
                        | "sanctions"
                        | "collections"
                        | "collection"
                        | "credit"
                        | "bureau"
                        | "bureaus"
                        | "dmv"
                        | "court"
                        | "pta"
                        | "school"
                        | "church"
                        | "waitlist"
                        | "applicant"
                        | "county"
                        | "government"
                )
            })
            // Not "remove her from all school communications" (where we are the school): the
            // messages themselves named.
            && !after[f + 1..].iter().take(5).any(|w| {
                matches!(*w, "communications" | "communication" | "texts" | "messages" | "calls" | "contact" | "outreach")
            })
        });
    // The way out described in a question: "is this an auto-text? the kind where you reply STOP?".
    let way_out = question
        && before.last().is_some_and(|w| {
            // "… systems where typing 'remove me' auto-deletes you?".
            matches!(
                *w,
                "reply" | "text" | "say" | "type" | "send" | "replying" | "texting" | "saying" | "typing" | "sending"
            )
        })
        && before.iter().any(|w| matches!(*w, "where" | "when" | "kind" | "type" | "sort"));
    // Our own past act complained of: "you unsubscribed me from the reminders by mistake".
    // Not "I'd appreciate it if you removed me from your contact list", a request.
    // Nor "next text gets you blocked", a threat.
    let ours_past = matches!(clause[c], "unsubscribed" | "removed" | "blocked")
        && before.last().is_some_and(|w| matches!(*w, "you" | "u" | "y'all" | "yall" | "someone"))
        && !before.iter().any(|w| matches!(*w, "if" | "gets" | "get" | "getting"));
    // A habit asked about: "Do you ever stop?".
    let habit =
        question && matches!(clause.first(), Some(&("do" | "does"))) && clause.iter().take(4).any(|w| *w == "ever");
    // A stop not needed: "You don't have to stop texting, just nothing before noon".
    let no_need = matches!(clause[c], "stop" | "quit")
        && matches!(before, [.., "don't" | "dont" | "do" | "not", "have" | "need", "to"] | [.., "no", "need", "to"]);
    // Whether we are on the list: "are you on the do not call registry or exempt from it?".
    let ours_asked = question
        && matches!(clause[c], "do" | "dnc")
        && before.windows(2).any(|p| matches!(p, ["are", "you" | "u"] | ["you", "on"]));
    // The list of whoever sold the number: "how do I get off the list of the company that sold
    // you my number?".
    let sellers = after.windows(3).any(|p| {
        p[0] == "of"
            && matches!(p[1], "the" | "that" | "whatever" | "whichever" | "whoever")
            && matches!(p[2], "company" | "companies" | "broker" | "site" | "website" | "vendor" | "app")
    });
    // A practice called illegal: "do you charge upfront? because that's illegal I think".
    let practice = clause[c] == "illegal" && context.priced;
    // A link that does not work: "Stop sending me that link, it doesn't work!!"; not "stop
    // sending me links", which asks for the messages to end.
    let link = matches!(clause[c], "stop" | "quit")
        && context.broken_link
        // "Stop sending the broken one and fix it!".
        && after.windows(2).any(|p| {
            matches!(p[0], "that" | "the" | "this") && matches!(p[1], "link" | "broken" | "dead")
        });
    // Our footer named as a thing: "is it automated like the unsubscribe thing at the bottom?";
    // not a way out taken ("I clicked the unsubscribe link and you still text").
    // "your opt-out policy": the noun after "opt out".
    let noun = if clause[c] == "opt" { after.get(1..).unwrap_or_default() } else { after };
    let named = matches!(before.last(), Some(&("the" | "that" | "this" | "your" | "ur")))
        && noun.first().is_some_and(|w| {
            matches!(
                *w,
                "thing"
                    | "things"
                    | "thingy"
                    | "bit"
                    | "part"
                    | "line"
                    | "footer"
                    | "note"
                    | "stuff"
                    | "instructions"
                    | "policy"
                    | "process"
                    | "procedure"
                    | "rules"
            )
            // "I'm on the unsubscribe list for my synagogue newsletter": somebody else's list.
            || *w == "list" && matches!(noun.get(1..3), Some(["for", "my" | "our" | "his" | "her" | "their"]))
        })
        && !before.iter().any(|w| {
            matches!(
                *w,
                "clicked" | "click" | "hit" | "pressed" | "press" | "tapped" | "tap" | "used" | "followed" | "did"
            )
        });
    // A question only asked: "is there a way to stop the calls but keep the texts? just asking
    // for later".
    // "Is there a way to unsubscribe from the texts but keep the phone calls?" too.
    let curious = question && (context.curious || context.keeps_part);
    // A choice asked about: "will you remove my info or keep it?".
    // "Is there a way to unsubscribe from the texts but keep the phone calls?": a part kept.
    let either = question
        && after.iter().position(|w| matches!(*w, "or" | "but")).is_some_and(|o| {
            after[o + 1..].first().is_some_and(|w| matches!(*w, "keep" | "save" | "hold" | "store" | "retain" | "not"))
        });
    // Hearsay about being stuck: "I've heard you can never get off your mailing list once you're
    // on it".
    // "my bf said these always end up being spam u cant unsubscribe from".
    let told = before.iter().enumerate().any(|(v, w)| {
        matches!(*w, "said" | "says" | "thinks" | "warned")
            && before[..v]
                .iter()
                .any(|b| somebody(b) || matches!(*b, "bf" | "gf" | "boyfriend" | "girlfriend" | "roommate" | "cousin"))
    });
    let hearsay = (told || before.iter().any(|w| matches!(*w, "heard" | "hear" | "read" | "reviews")))
        && before.iter().any(|w| matches!(*w, "never" | "can't" | "cant" | "cannot" | "impossible" | "hard"));
    // The lead's story of another firm: "like I told the last company before I unsubscribed
    // from them".
    let other_firm = matches!(clause[c], "unsubscribed" | "blocked" | "opted" | "removed")
        && before.windows(2).any(|p| {
            matches!(p[0], "last" | "other" | "previous" | "old" | "another")
                && matches!(
                    p[1],
                    "company" | "companies" | "guy" | "guys" | "lender" | "bank" | "dealer" | "agent" | "place"
                )
        });
    // Somebody else's power to stop something, worried over: "my neighbor said the bank can
    // freeze or stop these lines anytime, that worries me".
    let their_power = context.worried
        && before.windows(3).any(|p| {
            matches!(p[0], "the" | "a" | "my" | "their" | "his" | "her")
                && !matches!(p[1], "you" | "u")
                && matches!(p[2], "can" | "could" | "might" | "may" | "will")
        })
        && !before.iter().any(|w| matches!(*w, "you" | "u" | "y'all" | "yall"))
        && !after.iter().any(|w| channel(w) || matches!(*w, "me" | "us"));
    // Somebody else made to stop: "how do i make her stop" (the cat).
    let made = matches!(clause[c], "stop" | "quit")
        && matches!(
            before,
            [.., "make" | "get" | "let", "her" | "him" | "she" | "he"] | [.., "get", "her" | "him", "to"]
        );
    // A mistake to stop: "can your team stop getting my dog's breed wrong".
    let mistake = clause[c] == "stop"
        && after.first().is_some_and(|w| matches!(*w, "getting" | "spelling" | "saying" | "calling"))
        && after.iter().any(|w| matches!(*w, "wrong" | "wrongly" | "incorrectly"))
        && !after.iter().any(|w| TEXT_SET.contains(w) || matches!(*w, "me" | "us"));
    // A feature asked about for the lead's own customers: "will your system let clients
    // unsubscribe from reminder texts?".
    // "Can our guests unsubscribe from the RSVP reminder texts you send them?": asked of them.
    let theirs_asked = question
        && matches!(before, [.., "can" | "could" | "will" | "do" | "would", "our" | "my" | "the", who]
            if matches!(*who, "guests" | "clients" | "customers" | "patients" | "users" | "members" | "attendees" | "tenants" | "employees" | "staff" | "vendors"));
    let feature = theirs_asked
        || before.windows(2).any(|p| {
            matches!(p[0], "let" | "lets" | "allow" | "allows" | "letting")
                && matches!(
                    p[1],
                    "clients"
                        | "customers"
                        | "patients"
                        | "users"
                        | "members"
                        | "guests"
                        | "people"
                        | "staff"
                        | "employees"
                )
        });
    // Something other than contact stopped: "Let's stop these payments for good".
    let other_object = matches!(clause[c], "stop" | "cancel")
        && matches!(after, [det, thing, ..] if matches!(*det, "these" | "those" | "the" | "my" | "our")
            && matches!(*thing, "payments" | "payment" | "charges" | "fees" | "bills" | "debits" | "withdrawals" | "dues" | "deductions"));
    // A store's name: "STOP & GO car wash on 5th", "the truck stop off exit 9".
    // A transit stop: "Is it close to the 7 train? Which stop?".
    let transit = clause[c] == "stop"
        && (before.last().is_some_and(|w| matches!(*w, "which" | "what" | "next" | "nearest" | "closest"))
            && after.iter().all(|w| !channel(w) && !matches!(*w, "me" | "us"))
            || after.first().is_some_and(|w| matches!(*w, "on" | "off" | "at"))
                && after.iter().any(|w| matches!(*w, "train" | "line" | "subway" | "bus" | "metro" | "route")));
    let store = clause[c] == "stop"
        // "Stop-and-go communication from you guys": an adjective, not "stop and go away".
        && (matches!(after, ["and" | "n", "go", next, ..] if *next != "away")
            || matches!(after, [go, place, ..] if matches!(*go, "go" | "n" | "shop")
            && matches!(*place, "car" | "wash" | "gas" | "station" | "store" | "market" | "mart" | "on" | "at" | "off" | "by" | "near"))
            || before.last().is_some_and(|w| matches!(*w, "truck" | "pit" | "bus" | "rest" | "kwik" | "quick")));
    // Somebody else made to stop: "help me get these creditors to stop", "can you get
    // collectors to stop calling me?", "I want them to stop" (of the calls from others), "I want
    // the collectors to stop calling me", "anything to make the calls from collectors stop".
    // "this is how companies get people to unsubscribe": people in general made to.
    let made_to = matches!(clause[c], "unsubscribe" | "unsub")
        && before.iter().rposition(|w| matches!(*w, "get" | "make" | "getting")).is_some_and(|g| {
            matches!(&before[g + 1..], [who, "to"] if matches!(*who, "people" | "everyone" | "everybody" | "customers" | "users"))
        });
    // "so those lenders stop calling me": the creditors the subject of the stop.
    let creditors_stop = matches!(clause[c], "stop" | "quit")
        && before.last().is_some_and(|w| creditor(w))
        && !before.iter().rev().skip(1).take(2).any(|w| matches!(*w, "you" | "u" | "y'all" | "yall"));
    let others_stopped = made_to
        || creditors_stop
        || matches!(clause[c], "stop" | "quit")
            && (before.iter().rposition(|w| matches!(*w, "get" | "make" | "getting" | "want" | "need")).is_some_and(
                |g| {
                    let who = &before[g + 1..];
                    let wanted = matches!(before[g], "want" | "need");
                    (who.last() == Some(&"to") || before[g] == "make")
                        && who.iter().any(|w| creditor(w) || !wanted && third_party(w))
                        && !who.iter().any(|w| matches!(*w, "you" | "u" | "your" | "ur" | "y'all" | "yall"))
                },
            ) || context.others_calling && matches!(before, [.., "want" | "need", "them" | "those" | "it", "to"]));
    // Somebody described by what they will not stop: "a collector who won't stop harassing me",
    // "one of those automated systems that can't stop texting?" (a complaint, not a request).
    let described_by = matches!(clause[c], "stop" | "quit")
        && matches!(
            before,
            [
                ..,
                "who" | "that" | "which",
                "won't" | "wont" | "can't" | "cant" | "never" | "doesn't" | "doesnt" | "don't" | "dont"
            ]
        );
    // A budget's verdict: "my bank account says stop 😂". Not "my husband says stop".
    let budget = clause[c] == "stop"
        && after.is_empty()
        && matches!(before, [.., thing, "says" | "said" | "say"] if matches!(*thing, "account" | "wallet" | "budget" | "bank" | "card" | "savings" | "finances" | "paycheck" | "checkbook"));
    // The lead's own decision about something else: "We decided to stop getting plans for the
    // pets"; not "I decided to stop getting your texts".
    let decided = matches!(clause[c], "stop" | "quit")
        && matches!(before, [.., "decided" | "chose" | "deciding" | "choosing", "to"])
        && before.iter().any(|w| matches!(*w, "i" | "we"))
        && matches!(after, [verb, thing, ..] if matches!(*verb, "getting" | "buying" | "paying" | "doing" | "using")
            && !channel(thing)
            && !matches!(*thing, "these" | "those" | "your" | "ur" | "texts" | "calls" | "messages" | "spam" | "them" | "any" | "all"));
    // Others taken off, asked about: "Do you take clients off your list once the sale is done?".
    let others_off = question
        && matches!(clause[c], "take" | "taking" | "remove" | "removing")
        && after.first().is_some_and(|w| clientele(w) || matches!(*w, "everyone" | "them"));
    // Time set aside: "I'm blocking off tomorrow afternoon for this, call me at 1".
    let time_blocked = matches!(clause[c], "block" | "blocking" | "blocked")
        && after.first() == Some(&"off")
        && after.get(1).is_some_and(|w| {
            matches!(
                *w,
                "tomorrow"
                    | "today"
                    | "tonight"
                    | "time"
                    | "some"
                    | "an"
                    | "the"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "next"
                    | "my"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "friday's"
                    | "saturday's"
            )
        })
        && !after[1..].iter().take(2).any(|w| channel(w) || matches!(*w, "number" | "you" | "u" | "your" | "ur"));
    // A practice of ours opted out of, asked: "Do you report to the credit bureaus or can I opt
    // out of that?".
    // The clause's first stop word may be the practice's own ("report").
    let practice_opted =
        question && context.practice && matches!(clause, [.., "opt", "out", "of", "that" | "it" | "this" | "those"]);
    // The lead's removal from somebody else's list: "I already removed myself from the AARP
    // mailing list" (not "your list", nor "the texting list").
    let self_removed = matches!(clause[c], "removed" | "unsubscribed")
        && matches!(after, ["myself" | "ourselves", "from", "the", name, ..] if !matches!(*name, "mailing" | "texting"
            | "text" | "sms" | "contact" | "call" | "calling" | "marketing" | "email" | "list" | "do" | "dnc" | "company"
            | "lead" | "subscriber" | "subscribers" | "distribution" | "whole" | "entire"))
        && !context.persists;
    // Somebody else's own step, done: "my neighbor unsubscribed from you guys, said you were
    // fine", "my sister got your texts too and had to unsubscribe". Not the household's step
    // with the contact going on ("my wife unsubscribed last week, why are you still texting?"),
    // nor one taken for the lead ("my husband unsubscribed us both").
    let others_own = !context.persists
        && before.iter().rposition(|w| third_party(w)).is_some_and(|s| {
            let between = &before[s + 1..];
            let done = matches!(clause[c], "unsubscribed" | "unsubbed" | "blocked" | "opted")
                && matches!(between, [] | ["also" | "already" | "just" | "finally"]);
            let had_to = matches!(clause[c], "unsubscribe" | "unsub" | "block" | "opt")
                && matches!(between, [.., "had" | "has", "to"])
                && !between.iter().any(|w| matches!(*w, "i" | "we" | "i'm" | "im" | "you" | "u"));
            done || had_to
        })
        && !after.iter().any(|w| matches!(*w, "us" | "me" | "both" | "everyone" | "family" | "household"))
        && !after.windows(2).any(|p| matches!(p, ["this" | "my", "number" | "phone" | "line" | "cell"]));
    // A removal the lead would do without: "is there a way to pause texts for a couple weeks
    // without being taken off the list entirely?".
    let without = matches!(before, [.., "without"] | [.., "without", "being" | "getting" | "me" | "us"]);
    // The lead's readiness described, then turned: "My unsubscribe finger was ready but that
    // Monster 821 changed my mind".
    let finger = context.turned && before.last() == Some(&"my") && matches!(after.first(), Some(&("finger" | "thumb")));
    // What stops are to firms in general: "my son says bots ignore STOP messages".
    let ignored = matches!(before, [.., who, "ignore" | "ignores" | "ignored"]
        if creditor(who) || matches!(*who, "bots" | "robots" | "companies" | "spammers" | "apps" | "systems"));
    // A thing to be removed: "would it need to be removed?" (an oak).
    let thing_removed = matches!(clause[c], "removed" | "blocked" | "cancelled" | "canceled")
        && before.last() == Some(&"be")
        && before.iter().any(|w| matches!(*w, "it" | "they" | "that" | "this" | "tree" | "trees"))
        && !before.iter().any(|w| matches!(*w, "i" | "me" | "my" | "we" | "us" | "number"));
    // How often, not whether: "Can you stop double texting?".
    let how_often =
        clause[c] == "stop" && after.first().is_some_and(|w| matches!(*w, "double" | "triple" | "multiple" | "mass"));
    // A request made to somebody else: "I told the last guy to take me off the weekend call list".
    // "I told the last three lenders to stop calling": a count between.
    // "I told my insurance company to stop calling me, not you": the lead's own firm.
    let told_other = before.iter().enumerate().any(|(v, w)| {
        let own = before.get(v + 1) == Some(&"my");
        matches!(*w, "told" | "asked")
            && matches!(before.get(v + 1), Some(&("the" | "that" | "my" | "their")))
            && (own || matches!(before.get(v + 2), Some(&("last" | "other" | "previous" | "old" | "first"))))
            && before[(v + 2 + usize::from(!own)).min(before.len())..].iter().take(2).any(|n| {
                matches!(
                    *n,
                    "guy"
                        | "guys"
                        | "company"
                        | "companies"
                        | "lender"
                        | "lenders"
                        | "agent"
                        | "agents"
                        | "rep"
                        | "reps"
                        | "person"
                        | "people"
                        | "place"
                        | "places"
                        | "bank"
                        | "banks"
                        | "dealer"
                        | "dealers"
                )
            })
    }) && before.last() == Some(&"to");
    // A habit asked, with a laugh: "lol do you guys ever stop".
    let ever = matches!(clause[c], "stop" | "quit")
        && matches!(
            before,
            [.., "do" | "does", "you" | "u" | "y'all" | "yall", "ever"]
                | [.., "do", "you" | "u", "guys" | "people", "ever"]
        )
        && after.iter().all(|w| crate::normalise::laugh(w));
    // Somebody else's own things given up: "My wife already quit all our subscriptions".
    let own_things = matches!(clause[c], "stop" | "quit" | "cancelled" | "canceled" | "cancel")
        && before.iter().any(|w| somebody(w))
        && matches!(
            after.strip_prefix(&["all"]).unwrap_or(after),
            ["our" | "my" | "his" | "her" | "their", thing, ..] if matches!(*thing, "subscriptions" | "subscription"
                | "memberships" | "membership" | "plans" | "services" | "accounts" | "streaming")
        );
    // The lead's past with others: "Other offices I've unsubscribed from were less pushy".
    let others_left = matches!(clause[c], "unsubscribed" | "opted" | "blocked")
        && matches!(
            after,
            ["from", "were" | "was" | "are" | "is" | "have" | "had", ..] | ["out", "of", "were" | "was", ..]
        );
    // A phone's own filter: "my phone flagged you as spam and blocked you".
    let filtered = matches!(clause[c], "blocked" | "block" | "blocking")
        && before
            .windows(2)
            .any(|p| p[0] == "my" && matches!(p[1], "phone" | "iphone" | "carrier" | "filter" | "android"))
        && !before.iter().any(|w| matches!(*w, "i" | "i've" | "ive" | "i'll" | "ill" | "i'm" | "im"));
    // On the registry, with contact invited: "I'm on the do not call registry but I filled out
    // your form, so yes, come give me an estimate".
    let registry_waived = matches!(clause[c], "do" | "dnc")
        && matches!(before, [.., "on", "the" | "a"])
        && before.iter().any(|w| matches!(*w, "i'm" | "im" | "am" | "we're"))
        && context.turned
        && context.invites;
    // Our own listing complained of: "Why did your system put me on a do not contact list??".
    let listed_unasked = matches!(clause[c], "do" | "dnc")
        && before
            .windows(4)
            .any(|p| matches!(p, ["put" | "added" | "placed", "me" | "us", "on", "a" | "the" | "your"]))
        // Asked why, not asked for ("put me on your do not call list").
        && before.contains(&"why");
    // Our office's past act: "Somebody in your office removed me from the list".
    let office_did = matches!(clause[c], "removed" | "unsubscribed" | "blocked")
        && before.windows(2).any(|p| matches!(p, ["your" | "ur", "office" | "system" | "team" | "staff"]));
    // A pet or a child told off: "my cat just knocked my phone off the table, stop it Mochi".
    let pet = clause[c] == "stop" && after.first() == Some(&"it") && after.len() == 2 && context.pet;
    // An outsider's own step: "My friend unsubscribed from you guys and still got texts".
    let outsider_did = matches!(clause[c], "unsubscribed" | "blocked" | "reported" | "opted")
        && matches!(before, [.., last] | [.., last, "just" | "already" | "also"] if outsider(last))
        && !after.windows(2).any(|p| matches!(p, ["for", "me" | "us"] | ["on", "my" | "our"]));
    // An outsider's own stop, reported: "My friend said she asked you to stop and you kept
    // texting her". Not a stop passed on for the lead ("… stop texting me").
    // "My sister told me you kept texting her even after she unsubscribed": the outsider named
    // as the one contacted, before the stop too.
    let outsider_asked = before.iter().any(|w| outsider(w))
        && before.iter().any(|w| matches!(*w, "asked" | "told"))
        && clause.iter().any(|w| matches!(*w, "her" | "him" | "them"))
        && !after.iter().any(|w| matches!(*w, "me" | "us" | "my" | "our"));
    // A machine's display: "It says \"stop\" on the dryer display".
    let shown = clause[c] == "stop"
        && matches!(before.last(), Some(&("says" | "said" | "shows" | "showing" | "reads" | "flashing" | "displays")))
        && clause.iter().any(|w| {
            matches!(*w, "display" | "screen" | "panel" | "readout" | "dashboard" | "dash" | "light" | "code")
        });
    // A joke about a thing: "Mondays should come with an unsubscribe button lol".
    let joke_thing = context.laughing
        && matches!(before.last(), Some(&("a" | "an")))
        && after.first().is_some_and(|w| matches!(*w, "button" | "link" | "option"));
    as_word
        || ever
        || own_things
        || others_left
        || filtered
        || registry_waived
        || listed_unasked
        || office_did
        || pet
        || outsider_did
        || outsider_asked
        || shown
        || budget
        || decided
        || others_own
        || ignored
        || without
        || finger
        || others_off
        || time_blocked
        || practice_opted
        || self_removed
        || told_other
        || joke_thing
        || thing_removed
        || how_often
        || transit
        || others_stopped
        || described_by
        || other_object
        || store
        || own_burden
        || their_power
        || made
        || mistake
        || feature
        || named
        || curious
        || either
        || hearsay
        || other_firm
        || practice
        || link
        || habit
        || no_need
        || ours_asked
        || sellers
        || ours_past
        || trouble
        || setting
        || third_list
        || way_out
        || until
        || intends
        || device
        || predicted
        || worry
        || theirs
        || cost
        || joke
        || notion
        || song
        || titled
        || described
        || hypothetical
        || story
        || long_past
        || own_stop
        || lets_us
        || others_say
        || advised
        || acted
        || asked
        || footer
        || untaken
        || not_needed
        || elsewhere
        || relayed
        || about_else
        || received
        || registered
        || own_doing
        || said_to_lead
        || over_service
        || neglected
        || kept_off
        || other_company
        || menu
        || applies
        || declined
        || overheard
        || legal
}

/// A message that describes rather than asks, with no stop word of its own: a message's state
/// ("your last text got cut off", "[This message was deleted]"), something other than us that
/// won't stop ("my phone won't stop buzzing"), or a question about our habits ("do y'all ever
/// take a day off from texting?"). The learned reader, which knows these words from
/// revocations, does not read such a message as one.
pub(crate) fn only_described(words: &[&str]) -> bool {
    const STATES: [&str; 14] = [
        "deleted",
        "cut",
        "blank",
        "empty",
        "garbled",
        "broken",
        "weird",
        "unreadable",
        "incomplete",
        "truncated",
        "confusing",
        "glitched",
        "corrupted",
        "cutoff",
    ];
    // "your message cut off again".
    let cut = words
        .windows(2)
        .any(|p| matches!(p[0], "message" | "text" | "msg" | "txt") && matches!(p[1], "cut" | "cutoff"));
    let state = cut
        || words.windows(3).any(|p| {
            matches!(p[0], "message" | "text" | "msg" | "txt" | "sms")
                && matches!(p[1], "was" | "were" | "got" | "is")
                && STATES.contains(&p[2])
        });
    let something_else = words.windows(3).any(|p| {
        !matches!(p[0], "you" | "u" | "y'all" | "yall" | "ya" | "why" | "ur" | "your")
            // "these texts won't stop" is about us.
            && !TEXT_SET.contains(p[0])
            && !matches!(p[0], "calls" | "call" | "calling" | "texting")
            && matches!(p[1], "won't" | "wont" | "can't" | "cant" | "never" | "doesn't" | "doesnt")
            && matches!(p[2], "stop" | "quit")
    });
    // "roz roz message aunde ne yaar" (Punjabi: messages come every day, man): a count of what
    // arrives, nothing asked.
    let arriving = words.iter().any(|w| matches!(*w, "aunde" | "aande" | "aunda" | "aate" | "aata" | "aati"))
        && words.iter().any(|w| matches!(*w, "roz" | "rozana" | "har" | "daily"));
    // "I'm about to lose my mind with all these messages": a feeling, nothing asked.
    let feeling = words.windows(3).any(|p| {
        matches!(p, ["lose" | "losing", "my", "mind"] | ["driving" | "drive", "me", "crazy" | "nuts" | "insane"])
    });
    let habit = matches!(
        words,
        ["do" | "does", "you" | "yall" | "y'all" | "u" | "ya", "ever", ..] | ["do" | "does", "you", "guys", "ever", ..]
    );
    (state || something_else || habit || feeling || arriving)
        && !words.iter().enumerate().any(|(i, w)| {
            cue(words, i)
                && !(matches!(*w, "stop" | "quit")
                    && i > 0
                    && matches!(words[i - 1], "won't" | "wont" | "can't" | "cant" | "never" | "doesn't" | "doesnt"))
        })
}

/// Contact asked for outright, with nothing negated or stopped anywhere in the message:
/// "scrivetemi solo per messaggio", "escríbanme por aquí", "écrivez-moi par SMS", "text me
/// instead", and a way to reach the lead given ("my email is bob at gmail": retrained with
/// blind138–blind145, the learned reader read it at 0.89), or something asked to be emailed
/// ("sure, email it to me": retrained with blind174–blind177, read at 0.87). The learned reader
/// (which knows these words mostly from revocations) does not read such a message as one.
pub(crate) fn invited_outright(words: &[&str]) -> bool {
    const ASKS: [&str; 12] = [
        "scrivetemi",
        "scrivimi",
        "scrivermi",
        "escribeme",
        "escribanme",
        "escribame",
        "mandame",
        "mandenme",
        "textearme",
        "texteame",
        "ecrivez",
        "schreibt",
    ];
    let asked = words.iter().any(|w| ASKS.contains(w))
        || words.windows(2).any(|p| matches!(p, ["text" | "call" | "message" | "schreib" | "schreiben", "me" | "mir"]))
        || words.windows(3).any(|p| {
            matches!(p, ["my" | "our", "email" | "e-mail" | "number" | "cell" | "phone" | "address", "is" | "s"])
        })
        // "sure, email it to me": something sent, by email too. Not "email only" or "email me
        // instead", the texts given up.
        || words.windows(2).any(|p| matches!(p, ["email" | "e-mail", "it" | "that" | "them" | "me"]))
            && !words.iter().any(|w| matches!(*w, "only" | "instead" | "rather" | "just"));
    let negated = words.iter().any(|w| {
        STOPPER_SET.contains(w)
            || matches!(*w, "non" | "ne" | "nicht" | "nao" | "mat" | "nahi" | "nope" | "nunca" | "jamais" | "mai" | "basta")
            // "I withdraw my permission for you to text me".
            || ["withdr", "revok", "rescind", "cancel", "remov"].iter().any(|v| w.starts_with(v))
    });
    asked && !negated
}

/// Not on a do-not-call list, with contact invited: "I'm not on any do not call list, feel free
/// to ring me tomorrow morning".
fn dnc_denied(words: &[&str]) -> bool {
    words.windows(4).any(|p| matches!(p, ["not" | "never", "on", "any" | "a" | "the" | "your", _]))
        && words.windows(3).any(|p| matches!(p, ["do", "not", "call"]))
        && words.windows(2).any(|p| matches!(p, ["feel", "free"] | ["ring" | "call" | "text", "me"]))
}

/// A pause with the next contact named: "leave me alone for a week, I'm traveling. Hit me up on
/// the 20th", "hold off for a few days then text me", or the lead's own return named ("leave me
/// alone for like 10 min, I'll get back to you"). Not "stop texting me for now" (no way back
/// named), "leave me alone for good" or "until then, don't contact me".
fn paused(words: &[&str]) -> bool {
    let Some(at) = words.windows(3).position(|p| {
        matches!(p, ["for", "a" | "the" | "now" | "few" | "couple" | "another" | "like", ..] | ["until" | "till" | "til", ..])
            // "for 10 min".
            || p[0] == "for" && p[1].starts_with(|c: char| c.is_ascii_digit())
            && !matches!(p[1..], ["good", ..] | ["ever", ..] | ["the", "rest"])
    }) else {
        return false;
    };
    let rest = &words[at..];
    // "hold off for now … I'd rather you didn't text me going forward. I'll reach out if we
    // change our minds": the contact ended, with only the lead's own change of mind to bring it
    // back.
    let ended = words.windows(2).any(|p| p == ["going", "forward"])
        || words
            .windows(3)
            .any(|p| matches!(p, ["change" | "changes", "my" | "our" | "his" | "her", "mind" | "minds"]));
    if ended {
        return false;
    }
    // The way back invited, not refused: "until then, don't contact me" is no pause.
    let invited = |j: usize| !(j > 0 && matches!(rest[j - 1], "don't" | "dont" | "not" | "never" | "no"));
    rest.windows(3).enumerate().any(|(j, p)| p == ["hit", "me", "up"] && invited(j))
        || rest.windows(2).enumerate().any(|(j, p)| {
            matches!(
                p,
                // "Leave me alone till after 6 … Call then".
                ["text" | "call" | "reach" | "contact" | "try" | "ping", "me" | "back" | "out" | "then"]
                    | ["check" | "get", "back"]
            ) && invited(j)
        })
}

/// The lead's own refusal to leave, or a question about leaving some other time, in Spanish,
/// Portuguese, French, Italian, German and Hinglish, as [`not_a_stop`] and
/// [`asks_how_for_later`] read them in English: "no quiero darme de baja, solo quiero el
/// precio", "je ne veux pas me désabonner, combien ?", "bitte nicht aufhören, ich bin
/// interessiert", "¿cómo me doy de baja si después no me interesa?". Only the leaving is
/// refused, with the lead going on: not "ya no quiero mensajes", "no quiero que me escriban",
/// or "¿por qué no me dan de baja?".
fn refused_abroad(words: &[&str]) -> bool {
    const LEAVING: &str = "desabonn|desinscri|disiscriv|abmeld|abbestell|aufhor|austrag|descadastr|baja|cancel|unsubscribe|unsub|quiten|quitar|saquen|sacar|borren|eliminen";
    const WANT: [&str; 9] = ["quiero", "quero", "veux", "voglio", "will", "mochte", "want", "chahta", "chahti"];
    const GOING_ON: &str = concat!(
        "interesa|interessa|interesse|interessato|interessata|interessiert|interested|precio|preco|prix|combien",
        "|cuanto|quanto|kostet|costa|custa|price|kitna|kitne|batao|termin|cita|rendez|appuntamento|angebot|oferta",
        "|presupuesto|orcamento|devis|preventivo|informationen|informacion|informacao|informazioni|infos|weiter|erinnerung",
        // Spanish "cotización" (a quote); "que alguien me conteste" (somebody to answer me);
        // German "vielleicht nächstes Jahr" (maybe next year).
        "|cotiza|contest|respond|vielleicht|nachst",
    );
    let leaving = |w: &str| LEAVING.split('|').any(|l| w.starts_with(l));
    if !words.iter().any(|w| leaving(w)) {
        return false;
    }
    // Not "no me interesa": a going-on word under a negation is none.
    let going_on = || {
        words.iter().enumerate().any(|(i, w)| {
            GOING_ON.split('|').any(|g| w.starts_with(g))
                && !words[i.saturating_sub(2)..i]
                    .iter()
                    .any(|b| matches!(*b, "no" | "nao" | "non" | "pas" | "nicht" | "nahi" | "nahin"))
        })
    };
    let refused = words.iter().enumerate().filter(|(_, w)| leaving(w)).any(|(i, w)| {
        let before = &words[i.saturating_sub(5)..i];
        let negated = before.iter().any(|b| matches!(*b, "no" | "nao" | "ne" | "non" | "nicht" | "nahi" | "nahin"));
        // "bitte nicht aufhören": the stop itself refused.
        // "bitte nicht abmelden": the leaving itself refused, the negation right before it.
        let not_stop = w.starts_with("aufhor") && before.last() == Some(&"nicht")
            || before.last().is_some_and(|b| matches!(*b, "nicht" | "non" | "nao"))
            // Spanish "no borren mi número": the removal itself refused.
            || before.last() == Some(&"no") && ["borr", "quit", "elimin", "saqu"].iter().any(|v| w.starts_with(v));
        // Hinglish puts the "not" after the verb: "unsubscribe nahi karna", "unsub mat karo".
        let after = words[i + 1..].iter().take(2).any(|a| matches!(*a, "nahi" | "nahin" | "mat"));
        negated && (before.iter().any(|b| WANT.contains(b)) || not_stop) || after
    });
    // "how", or "can I" ("kya main unsubscribe kar sakta hoon baad mein?").
    let how = words.iter().any(|w| {
        matches!(
            *w,
            "como"
                | "comment"
                | "wie"
                | "kaise"
                | "paano"
                | "sakta"
                | "sakti"
                | "puedo"
                | "posso"
                | "peux"
                | "pode"
                | "kann"
        )
    });
    // Not English "later" or Italian "come" (how): "unsubscribe me, don't come back later".
    let later = words.iter().any(|w| {
        matches!(
            *w,
            "despues"
                | "luego"
                | "tard"
                | "tardi"
                | "spater"
                | "baad"
                | "futuro"
                | "depois"
                | "quand"
                | "quando"
                | "cuando"
                | "jederzeit"
        )
    });
    let asks_later = how && later;
    // "Paano mag-unsubscribe? Para lang alam ko, interesado pa rin ako": how, asked by a lead
    // who says they are still interested (not "no me interesa").
    let still_interested = words.iter().enumerate().any(|(i, w)| {
        w.starts_with("interes")
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|b| matches!(*b, "no" | "nao" | "non" | "pas" | "nicht" | "hindi" | "di"))
    });
    asks_later || refused && going_on() || how && still_interested
}

/// Calls stopped and texts invited in French, German, Portuguese, Italian, Tagalog and Hindi
/// typed in Latin letters: "arrête de m'appeler, texte-moi plutôt", "hör auf mich anzurufen,
/// SMS ist ok", "wag nyo na akong tawagan, text nalang", "call mat karo, sms pe bhejo". Not when
/// the texts are stopped too ("… et ne m'envoyez plus de SMS", "sms bhi mat bhejo").
fn swapped_abroad(words: &[&str]) -> bool {
    const CALLS: &str = concat!(
        "m'appeler|appeler|m'appelez|m'appelle|appels|anzurufen|anrufen|anrufe|anruf|ligar|ligacoes|ligacao",
        "|ligue|liguem|chiamare|chiamarmi|chiamate|call|calls|phone|tawagan|tumawag|tawag|rele|aazurufe|aarufe",
        "|wicin|wacin|תתקשרו|תתקשר|תתקשרי|להתקשר|שיחות|ফোন|কল|pe|ફોન|કોલ",
        "|تتصل|تتصلوا|تتصلي|اتصال|مكالمات|تكلمني|कॉल|फोन|फ़ोन|звоните|звонить|звони|звонки|звонков",
        // Amharic "አትደውሉ" (don't call), "ስልክ" (phone).
        "|አትደውሉ|አትደውሉልኝ|ስልክ",
        // Armenian "զանգեք" (call), Dutch "bellen" (to call).
        "|զանգեք|զանգել|զանգ|bellen|bel|belt",
        // Vietnamese "gọi" (call), Ukrainian "дзвонити" (to call).
        "|goi|дзвонити|дзвоніть|дзвінки",
        // Email, the other channel that may be stopped: "hören Sie auf, mir E-Mails zu schicken".
        "|mails|email|emails|correos|correo|courriels|courriel",
    );
    const TEXTS: &str = concat!(
        "sms|texto|textos|texte|textez|textes|message|messages|mensagem|mensagens|nachricht|nachrichten|msg",
        "|whatsapp|messaggio|messaggi|scrivimi|scrivetemi|ecrivez|ecris|schreib|schreiben|schreibt|text|txt",
        "|الرسائل|رسائل|رسالة|مسج|واتساب|मैसेज|मेसेज|संदेश|एसएमएस|व्हाट्सएप|пишите|пиши|напишите|смс|сообщения",
        "|teks|mesaj|schreiwe|qoraal|fariin|הודעות|הודעה|סמס|וואטסאפ|মেসেজ|এসএমএস|ranse|મેસેજ",
        // Amharic "መልእክት" (message), "በጽሑፍ" (in writing).
        "|መልእክት|በጽሑፍ|ጽሑፍ",
        // Armenian "գրեք" (write), "հաղորդագրություն" (message); Dutch "berichtje" (text).
        "|գրեք|գրել|հաղորդագրություն|berichtje|berichtjes|appen|appjes",
        // Vietnamese "nhắn tin" (to text), read at "tin"; Ukrainian "пишіть" (write).
        "|tin|пишіть|напишіть|повідомлення",
    );
    static CALL_WORDS: WordList = WordList::new(CALLS);
    static TEXT_WORDS: WordList = WordList::new(TEXTS);
    if !words.iter().any(|w| CALL_WORDS.contains(w)) {
        return false;
    }
    let invited = words.iter().enumerate().any(|(i, w)| {
        // "… via text or call": both named, neither invited.
        if !TEXT_WORDS.contains(w) || paired(words, i) {
            return false;
        }
        // "Do not contact me via text, phone or any other means": the channel under the refusal
        // (not "don't call, via text please", where the refusal is the calls').
        let window = &words[i.saturating_sub(4)..i];
        if window
            .iter()
            .rposition(|b| matches!(*b, "not" | "don't" | "dont" | "never"))
            .is_some_and(|n| !window[n..].iter().any(|b| CALL_WORDS.contains(b)))
        {
            return false;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let after = words.get(i + 2).copied().unwrap_or("");
        let prev = if i > 0 { words[i - 1] } else { "" };
        // "je préfère les textos".
        let preferred = words[i.saturating_sub(2)..i]
            .iter()
            .any(|b| matches!(*b, "prefere" | "prefiro" | "prefiero" | "preferisco" | "bevorzuge" | "prefer"));
        preferred
            || matches!(next, "moi" | "mir" | "pe" | "par" | "mein" | "plutot" | "lieber" | "invece" | "сюда" | "мне")
            // Italian "per messaggio"; not English "charges per message".
            || prev == "per" && !matches!(*w, "message" | "messages" | "text" | "txt" | "msg")
            // Russian "лучше пишите" (better write), "пишите сообщения" (write messages).
            || prev == "лучше"
            || matches!(*w, "пишите" | "напишите") && prev != "не"
            // Arabic "الرسائل أفضل" (messages are better).
            || matches!(next, "افضل" | "أفضل" | "احسن" | "أحسن")
            // Hinglish "message karo" (do message): the verb after the channel.
            || matches!(next, "karo" | "kijiye" | "kariye" | "bhejo" | "bhejiye" | "bhej" | "पर" | "पे" | "करो" | "भेजो")
            // Tagalog "text na lang" (just text).
            || matches!(next, "lang" | "nalang") || next == "na" && after == "lang"
            // Hindi "मैसेज ठीक है" (messages are fine).
            || matches!(next, "ठीक" | "theek" | "thik" | "chalega" | "चलेगा")
            // Russian "сообщения можно" (messages are allowed).
            || matches!(next, "можно" | "нормально")
            // Ukrainian "пишіть сюди" (write here).
            || next == "сюди"
            // Somali "qoraal ii soo dir" (send me a text); Yoruba "… ránṣẹ́ nìkan" (only send).
            || next == "ii" && after == "soo"
            || next == "nikan"
            // Amharic "… መልእክት ብቻ" (messages only).
            || next == "ብቻ"
            // Vietnamese "nhắn tin thôi" (just text): "tin" after "nhắn".
            || *w == "tin" && prev == "nhan" && matches!(next, "thoi" | "duoc" | "nhe" | "di")
            // Dutch "sms mag wel" (texts are allowed).
            || matches!(next, "mag" | "mogen" | "is") && matches!(after, "wel" | "prima" | "goed")
            || matches!(next, "ist" | "est" | "e" | "sind" | "ta" | "va" | "is")
                && matches!(after, "ok" | "okay" | "gut" | "bien" | "bom" | "bene" | "fine")
            // "envoyez-moi plutôt un SMS", "pode mandar só mensagem".
            // Not "parem de me ligar e de mandar mensagem": an infinitive under the stop.
            || (i.saturating_sub(4)..i).any(|j| {
                matches!(
                    words[j],
                    "envoyez"
                        | "envoie"
                        | "envoyer"
                        | "mandar"
                        | "mandem"
                        | "manden"
                        | "enviar"
                        | "schicken"
                        | "schickt"
                        // Haitian Creole "ou ka voye tèks" (you can send texts).
                        | "voye"
                // Nor "parem de me mandar mensagem e de ligar": a pronoun between.
                ) && !matches!(&words[j.saturating_sub(2)..j], [.., "de"] | ["de", "me" | "nos" | "te" | "lhe"])
                    // Nor "pararem de ligar e mandar mensagem": a second infinitive under the "de".
                    && !matches!(&words[j.saturating_sub(5)..j], [head @ .., "e" | "ou" | "nem" | "y" | "o" | "ni"] if head.contains(&"de"))
                    && !words[i.saturating_sub(5)..i].iter().any(|n| matches!(*n, "pas" | "nao" | "no" | "nicht" | "pa"))
            })
            || matches!(
                prev,
                "в" | "so"
                    // Russian "только", Hebrew "רק" (only).
                    | "только"
                    | "רק"
                    // Armenian "միայն" (only).
                    | "միայն"
                    // Bengali "শুধু" (only), Gujarati "ફક્ત" (only).
                    | "শুধু"
                    | "ફક્ત"
                    | "solo"
                    | "apenas"
                    | "nur"
                    | "seulement"
                    | "solamente"
                    | "par"
                    | "por"
                    | "via"
                    | "lieber"
                    | "plutot"
                    | "manda"
                    | "mande"
                    | "envia"
                    | "envie"
                    | "melhor"
                    | "mejor"
            )
    });
    // "sms mat bhejo", "keine SMS", "pas de sms", "nem mensagem": texts stopped as well.
    let texts_stopped = words.iter().enumerate().any(|(i, w)| {
        TEXT_WORDS.contains(w)
            && (words[i.saturating_sub(2)..i]
                .iter()
                .any(|b| matches!(*b, "keine" | "pas" | "plus" | "nem" | "ni" | "non" | "nicht" | "geen" | "ook"))
                // Russian "… и не пишите": the "не" right before the verb.
                || i > 0 && words[i - 1] == "не"
                || words[i + 1..].iter().take(2).any(|a| matches!(*a, "mat" | "nahi" | "bhi" | "nicht" | "मत" | "नहीं"))
                // Hindi "sms na bhejo", not Tagalog "text na lang".
                || words.get(i + 1) == Some(&"na") && words.get(i + 2) != Some(&"lang"))
    });
    invited && !texts_stopped
}

/// The other way round: texts stopped and a call asked for, in German, Portuguese, French,
/// Italian and Hinglish, as "stop texting and just call me at 4" in English: "hör auf zu
/// schreiben, ruf mich um 17 Uhr an", "pare de mandar mensagem e me liga às 18h". Not "… und
/// ruf mich nicht an", "não me liga".
fn call_asked_abroad(words: &[&str]) -> bool {
    words.windows(2).enumerate().any(|(i, p)| {
        let asked = matches!(
            p,
            ["ruf" | "rufen" | "rufe", "mich"]
                | ["me", "liga" | "ligue" | "ligar" | "ligem"]
                | ["appelle" | "appelez" | "appelles", "moi"]
                | ["call", "karo" | "kijiye" | "kar" | "karna"]
                // French "appelez plutôt l'après-midi": the hour moved.
                | ["appelez" | "appelle" | "rappelez", "plutot"]
                // Russian "лучше позвоните мне": better call me.
                | ["лучше", "позвоните" | "позвони" | "звоните" | "звони" | "перезвоните"]
                | ["позвоните" | "позвони" | "перезвоните" | "перезвони", "мне"]
                // Portuguese "pode ligar depois das 18h": calls allowed at another hour.
                | ["pode" | "podem" | "podes", "ligar"]
        ) || matches!(p[0], "chiamami" | "chiamatemi")
            // Polish "zadzwońcie jutro": call tomorrow.
            || matches!(p[0], "zadzwoncie" | "zadzwon" | "oddzwoncie" | "oddzwon" | "позвоните" | "перезвоните");
        let refused = words[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "nao" | "ne" | "non" | "nicht" | "no"))
            // Quebec "appelez-moi pu jamais": never again.
            // Pennsylvania Dutch "ruf mich nimmi aa": no more.
            || words[i + 2..]
                .iter()
                .take(3)
                .any(|a| matches!(*a, "nicht" | "pas" | "mat" | "nahi" | "pu" | "jamais" | "nimmi" | "nimmer" | "net"))
            || i > 0 && matches!(words[i - 1], "не" | "nie")
            // Hinglish "call karna band karo": the calling itself stopped.
            || words.get(i + 2).is_some_and(|a| matches!(*a, "band" | "bandh"))
            // "parem de me ligar": the call itself stopped.
            || i >= 2
                && words[i - 1] == "de"
                && matches!(words[i - 2], "parem" | "pare" | "para" | "deixem" | "deixe" | "deixa" | "chega");
        asked && !refused
    })
}

/// In Spanish and Portuguese, a stop of something other than the contact, with a request after
/// it: "pare de enrolar e me diz o preço" (stop stalling and tell me the price), "deja de dar
/// vueltas, dime cuánto". Not "pare de me mandar mensagem" or "dejen de escribirme".
fn other_verb_stopped(words: &[&str]) -> bool {
    const CONTACT: [&str; 20] = [
        "escrib", "mand", "envi", "text", "llam", "molest", "contact", "lig", "mensag", "spam", "hostig", "acos",
        "insist", "incomod", "perturb", "fregar", "joder", "chat", "sms", "whats",
    ];
    let stops: Vec<usize> = words
        .windows(2)
        .enumerate()
        .filter(|(_, p)| {
            matches!(
                p[0],
                "para" | "pare" | "paren" | "parem" | "deja" | "dejen" | "deje" | "dejes" | "basta" | "chega"
            ) && p[1] == "de"
        })
        .map(|(i, _)| i)
        .collect();
    // "só mudar o horário para de manhã": "para" is "for", before a time of day.
    let time = |i: usize| {
        words.get(i + 2).is_some_and(|w| matches!(*w, "manha" | "tarde" | "noite" | "noche" | "manana" | "madrugada"))
    };
    if !stops.is_empty() && stops.iter().all(|&i| time(i)) {
        return true;
    }
    let other = !stops.is_empty()
        && stops.iter().all(|&i| {
            let verb = words.get(i + 2).map(|v| v.trim_start_matches("me ")).unwrap_or("");
            !verb.is_empty() && !matches!(verb, "me" | "nos" | "te") && !CONTACT.iter().any(|c| verb.starts_with(c))
        });
    let asks = words.iter().any(|w| {
        matches!(
            *w,
            "diz"
                | "dime"
                | "diga"
                | "digame"
                | "fala"
                | "cuanto"
                | "quanto"
                | "precio"
                | "preco"
                | "cuesta"
                | "custa"
                | "seria"
                | "necesito"
                | "preciso"
                | "arreglen"
        )
    });
    // "Basta, ya entendí. ¿Cuánto sería?": enough said, and the price asked.
    let understood = words.iter().any(|w| matches!(*w, "basta" | "chega"))
        && words.iter().any(|w| matches!(*w, "entendi" | "entendido" | "entiendo" | "entendo"));
    // "Ya dejen de preguntarme lo mismo, ya les di mi fecha": the same thing asked again, and
    // the lead says it was answered. A complaint about the questions, not about the contact.
    let asking = |v: &str| {
        ["pregunt", "pid", "ped", "solicit", "exig", "repet", "perguntar", "cobr"].iter().any(|a| v.starts_with(a))
    };
    let repeated = !stops.is_empty()
        && stops.iter().all(|&i| words.get(i + 2).is_some_and(|v| asking(v)))
        && (words.iter().any(|w| matches!(*w, "mismo" | "mismos" | "misma" | "mismas" | "mesmo" | "mesmos" | "mesma"))
            || words
                .windows(2)
                .any(|p| p[0] == "ya" && matches!(p[1], "les" | "los" | "lo" | "la" | "di" | "mande" | "envie")));
    // "para de mandarme memes": something sent that is not the contact, as "stop sending me
    // memes" is in English.
    let content = !stops.is_empty()
        && stops.iter().all(|&i| {
            words[i + 2..].iter().take(3).any(|w| {
                matches!(
                    *w,
                    "memes" | "fotos" | "videos" | "chistes" | "stickers" | "audios" | "cadenas" | "links" | "gifs"
                )
            })
        });
    // French "arrêtez de me demander les mêmes infos".
    let redemande = words.windows(4).any(|p| {
        matches!(p[0], "arretez" | "arrete" | "arretes")
            && p[1] == "de"
            && p[2..].iter().any(|w| matches!(*w, "demander" | "redemander"))
    }) && words.iter().any(|w| matches!(*w, "memes" | "meme" | "deja"));
    // French "arrête de me vouvoyer lol, on peut faire jeudi ?": something other than the
    // contact stopped, and a time or a price asked.
    let french = words.windows(3).enumerate().any(|(i, p)| {
        if !(matches!(p[0], "arrete" | "arretez" | "arretes") && p[1] == "de") {
            return false;
        }
        let verb = if p[2] == "me" { words.get(i + 3).copied().unwrap_or("") } else { p[2] };
        let verb = verb.trim_start_matches("m'");
        !verb.is_empty()
            && ![
                "appel", "ecri", "envo", "text", "contact", "harcel", "deran", "spam", "messag", "sms", "telephon",
                "relanc", "sollicit", "embet", "ennuy",
            ]
            .iter()
            .any(|c| verb.starts_with(c))
    }) && words.iter().any(|w| {
        matches!(
            *w,
            "peut"
                | "pouvez"
                | "combien"
                | "prix"
                | "rdv"
                | "rendez"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "demain"
                | "quand"
        )
    });
    (other || understood) && asks || repeated || content || redemande || french
}

/// Texts asked for instead of calls in Hindi and Urdu: "call ke bajaye msg karo", "phone ki
/// jagah message bhejo".
fn instead_of_calls(words: &[&str]) -> bool {
    words.windows(4).any(|w| {
        CALL_SET.contains(w[0])
            && matches!(w[1], "ke" | "ki" | "k")
            && matches!(w[2], "bajaye" | "bajay" | "bajae" | "jagah" | "jaga")
            && TEXT_SET.contains(w[3])
    })
}

/// A keyword the lead only talks about: echoed back as a question and refused ("Unsubscribe?
/// no way, best offer all year", "Unsubscribe from what? I didn't sign up"), an opt-out denied
/// ("why did I get a text saying I opted out? I never did"), or asked about for somebody else
/// ("is it stop texting or unsubscribe that works? asking for my sister"), not understood
/// ("Stop what?"), or asked about ("did I unsubscribe by mistake? I still want the quote").
/// Not "Stop? yes, STOP" or "I opted out last week, why are you still texting".
fn echoed_or_denied(norm: &str, words: &[&str]) -> bool {
    const KEYWORDS: &str = "stop|unsubscribe|unsub|quit|remove|cancel|optout|opt";
    static KEYWORD_SET: WordList = WordList::new(KEYWORDS);
    // The message opens with a keyword asked back: "unsubscribe?", "stop from what?".
    let first_sentence = norm.split_inclusive(['?', '.', '!']).next().unwrap_or("");
    // "Leave me alone? No, I'm happy to chat": a phrase of the stop family asked back too.
    let opening = crate::normalise::letters_only(first_sentence);
    let opening: Vec<&str> = opening.split(' ').filter(|w| !w.is_empty()).collect();
    let asked_back = first_sentence.trim_end().ends_with('?')
        && (words.first().is_some_and(|w| KEYWORD_SET.contains(w)) || cue(&opening, 0))
        && first_sentence.split_whitespace().count() <= 4;
    // "Why would I unsubscribe, I asked for this": a keyword the lead will not use; not "why
    // would I unsubscribe? whatever, STOP", where one is asked for after it.
    let why_would = words
        .windows(4)
        .position(|p| matches!(p[..3], ["why", "would", "i" | "we"]) && KEYWORD_SET.contains(p[3]))
        .is_some_and(|at| !words[at + 4..].iter().any(|w| matches!(*w, "stop" | "unsubscribe" | "remove" | "optout")));
    let refused = words.windows(2).any(|p| {
        matches!(p, ["no", "way"] | ["hell", "no"] | ["lol", "no"] | ["not", "a"] | ["from", "what"] | ["why", "would"])
    }) || words.iter().skip(1).take(3).any(|w| matches!(*w, "nope" | "nah"));
    // "I never did", "I never opted out", "I didn't unsubscribe": what the lead denies doing.
    let past = |w: &str| matches!(w, "opted" | "unsubscribed");
    let negated_past = words
        .windows(3)
        .any(|p| matches!(p[0], "never" | "didn't" | "didnt") && (past(p[1]) || p[1] == "even" && past(p[2])));
    let never_did = words.windows(3).any(|p| matches!(p, ["i", "never", "did"] | ["i", "didn't" | "didnt", "do"]))
        && words.iter().any(|w| past(w));
    // Nothing asked now: no keyword in the present ("I never opted in, STOP" stops).
    let asked_now = words
        .iter()
        .any(|w| matches!(*w, "stop" | "remove" | "quit" | "unsub" | "unsubscribe" | "optout" | "cancel" | "dnc"))
        || words.windows(2).any(|p| p[0] == "opt" && matches!(p[1], "out" | "me"));
    let denied = (negated_past || never_did) && !asked_now;
    // "… asking for my sister", "asking for a friend": a question for somebody else.
    let for_somebody = norm.contains('?')
        && words.windows(3).any(|p| p[0] == "asking" && p[1] == "for" && matches!(p[2], "my" | "a" | "someone"));
    // "I unsubscribed from ADT's texts a while ago": another company's, named.
    let theirs = words.windows(4).any(|p| {
        matches!(p[0], "unsubscribed" | "opted" | "told")
            && p[1..].iter().any(|w| w.ends_with("'s") && !matches!(*w, "it's" | "that's" | "what's" | "there's"))
    }) && !asked_now
        // "I unsubscribed from ADT last year, how is yours different?": another, compared.
        || words.iter().any(|w| matches!(*w, "unsubscribed" | "opted"))
            && words.iter().any(|w| matches!(*w, "yours" | "different"))
            && !asked_now
        // "I unsubscribed from ADT last month, what would monitoring cost with you?": another
        // company named after "from", and our price asked.
        || words.windows(3).any(|p| {
            matches!(p[0], "unsubscribed" | "opted" | "out")
                && p[1] == "from"
                && !matches!(p[2], "you" | "your" | "ur" | "u" | "this" | "these" | "the" | "y'all" | "yall" | "all")
        }) && words.iter().any(|w| matches!(*w, "cost" | "price" | "charge" | "rate" | "rates" | "quote"))
            && !asked_now;
    // Nothing stops after the opening question ("stop what? just stop texting me" does).
    let question = first_sentence.trim_end().ends_with('?');
    // What follows the opening question, read only when it is one.
    let rest = if question { crate::normalise::letters_only(&norm[first_sentence.len()..]) } else { String::new() };
    let then_asks = || {
        rest.split(' ').any(|w| matches!(w, "stop" | "remove" | "unsubscribe" | "unsub" | "optout" | "dnc" | "quit"))
    };
    // "Remove me? Absolutely not, I need this roof done": the question answered no; "Unsubscribe?
    // I don't remember subscribing. What company is this?": asked who we are.
    let answered_no = asked_back
        && (matches!(rest.split(' ').next(), Some("no" | "nope" | "nah" | "absolutely" | "hell" | "never" | "not"))
            || any_phrase(&rest, &["what company", "who is this", "who are you", "who's this"]))
        && !then_asks();
    // "Stop what?": the keyword not understood.
    let puzzled = asked_back
        && first_sentence.split_whitespace().count() == 2
        && matches!(words.get(1), Some(&("what" | "huh")))
        && !then_asks()
        // "Remove? Remove what?".
        || asked_back
            && first_sentence.split_whitespace().count() == 1
            && matches!(rest.split(' ').collect::<Vec<_>>()[..], [_, "what"] | ["what"] | ["huh"] | ["what", "do", "you", "mean"]);
    // "Did I unsubscribe by accident? I still want info": the lead asks what they did.
    // Only by accident, or with the lead still wanting to go on: "did I already unsubscribe?
    // why are you still texting" reminds us of a stop.
    let kw = |w: &str| KEYWORD_SET.contains(w) || matches!(w, "opted" | "unsubscribed");
    let status = question
        && match words {
            ["did" | "have" | "was" | "am", "i" | "we", w, ..] if kw(w) => true,
            ["did" | "have", "i" | "we", "accidentally" | "just", w, ..] => kw(w),
            _ => false,
        }
        && (taken_back(norm)
            || words.windows(2).any(|p| matches!(p, ["still" | "do", "want"] | ["still", "interested"])))
        && !then_asks();
    // "The unsubscribe link in your email is broken btw. Anyway yes, send the quote".
    let mechanism = words.windows(2).any(|p| {
        KEYWORD_SET.contains(p[0]) && matches!(p[1], "link" | "links" | "button" | "option" | "page" | "feature")
    }) && words.iter().any(|w| matches!(*w, "anyway" | "anyways" | "btw"))
        && !asked_as_request(words);
    // "Please stop... just kidding 😂 yes send the details".
    let kidding = any_phrase(norm, &["just kidding", "jk", "kidding"])
        && words.iter().any(|w| matches!(*w, "yes" | "send" | "interested" | "go" | "ahead" | "sure"));
    asked_back && refused
        || kidding
        || answered_no
        || puzzled
        || status
        || why_would
        || denied
        || for_somebody
        || theirs
        || mechanism
}

/// A keyword asked for as a request, not named as a thing: "remove me", "unsubscribe me",
/// "opt me out", "stop texting".
fn asked_as_request(words: &[&str]) -> bool {
    words.windows(2).any(|p| {
        matches!(p[0], "remove" | "unsubscribe" | "unsub" | "stop" | "quit" | "opt" | "take")
            && matches!(p[1], "me" | "us" | "texting" | "messaging" | "calling" | "it" | "now" | "out")
    })
}

/// A message the lead says was meant for another chat: "… don't forget to unsubscribe from
/// Netflix!! oops wrong chat", "stop it lol, sorry that wasn't meant for you". Not "wrong
/// number, stop texting me": a wrong number is our mistake, and its stop is meant for us.
fn misdirected(words: &[&str]) -> bool {
    const ELSEWHERE: [&[&str]; 10] = [
        &["wrong", "chat"],
        &["wrong", "thread"],
        &["wrong", "convo"],
        &["wrong", "conversation"],
        &["wrong", "group"],
        &["wrong", "window"],
        &["wasn't", "meant", "for", "you"],
        &["wasnt", "meant", "for", "you"],
        &["not", "meant", "for", "you"],
        &["meant", "for", "someone", "else"],
    ];
    ELSEWHERE.iter().any(|phrase| words.windows(phrase.len()).any(|w| w == *phrase))
        // "Stop. Wait. That was meant for my brother": the lead's own message, sent astray
        // (not "your text was meant for my brother", a wrong number).
        // "that 'unsubscribe' was meant for the pizza place, not you".
        || words.windows(5).enumerate().any(|(i, w)| {
            matches!(w[0], "that" | "this" | "it" | "stop" | "unsubscribe" | "remove" | "text" | "message" | "one")
                && matches!(w[1], "was" | "is" | "s")
                && w[2] == "meant"
                && w[3] == "for"
                && matches!(w[4], "my" | "someone" | "somebody" | "another" | "the")
                && !words[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "your" | "ur"))
        })
        // "Whoops, meant to send 'take me off the group chat' to my cousin".
        || words.windows(3).enumerate().any(|(i, w)| {
            w[0] == "meant"
                && w[1] == "to"
                && matches!(w[2], "send" | "text" | "reply")
                && words[i + 3..].windows(2).any(|p| p[0] == "to" && matches!(p[1], "my" | "someone" | "somebody"))
        })
}

/// A past opt-out undone: "I unsubscribed from the newsletter by accident, can you add me
/// back", "opted out by mistake, please put me back on the list". Not "don't add me back".
fn rejoins(words: &[&str]) -> bool {
    const BACK: [&[&str]; 6] = [
        &["add", "me", "back"],
        &["put", "me", "back"],
        &["sign", "me", "back"],
        &["opt", "me", "back"],
        &["opt", "back", "in"],
        &["resubscribe"],
    ];
    BACK.iter().any(|phrase| {
        words.windows(phrase.len()).enumerate().any(|(i, w)| {
            w == *phrase
                && !words[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "don't" | "dont" | "never" | "not"))
        })
    })
}

/// Words that look like a stop and are none, with nothing about the contact itself: "take me
/// off hold lol", "I'm blocking off Saturday morning for this", "Stop! That price is insane
/// 😂", "stop, you're making me blush 😊", "omg stop 😂 that meme is killing me", "wait stop, is
/// it really $38k?", "stop getting it wrong". Not "STOP lol" (the keyword, laughed or not),
/// "stop texting me lol", or "stop. who is this 😂".
fn figurative(norm: &str, words: &[&str]) -> bool {
    const ABOUT_CONTACT: &str = concat!(
        "text|texts|texting|txt|txts|txting|message|messages|msg|msgs|sms|contact|contacting|list|number",
        // Dropped g's: "stop textin me".
        "|textin|txtin|callin|messagin|msgin|contactin",
        "|unsubscribe|call|calls|calling|email|emails|spam|bother|bothering|harass|harassing|who|signed|sign|scam",
    );
    static ABOUT_CONTACT_SET: WordList = WordList::new(ABOUT_CONTACT);
    if words.iter().any(|w| ABOUT_CONTACT_SET.contains(w)) {
        return false;
    }
    let hold = words.windows(2).any(|p| p == ["off", "hold"]);
    // A safety rhyme: "Teacher says: stop, look, listen 😄", "stop, drop and roll".
    let rhyme = words.windows(2).any(|p| matches!(p, ["stop", "look" | "drop"]));
    if rhyme {
        return true;
    }
    // "Remove me from the Monday slot and put me on Wednesday": a booking moved, not a list.
    const BOOKED: &str = concat!(
        "slot|slots|timeslot|appointment|appt|appointments|schedule|calendar|booking|meeting|visit|consultation",
        "|consult|inspection|install|installation|estimate|reservation|monday|tuesday|wednesday|thursday|friday",
        "|saturday|sunday|morning|afternoon|evening|am|pm|tomorrow|waitlist|waiting",
    );
    static BOOKED_SET: WordList = WordList::new(BOOKED);
    let unbooked = words.windows(3).enumerate().any(|(i, p)| {
        matches!(p, ["remove" | "take" | "drop", "me" | "us", "from" | "off" | "for"])
            && words[i + 3..].iter().take(5).any(|w| BOOKED_SET.contains(w))
    }) || words.windows(2).enumerate().any(|(i, p)| {
        // "I asked to be removed from the install waitlist to get a sooner date".
        matches!(p, ["removed" | "taken" | "dropped", "from" | "off"])
            && words[i + 2..].iter().take(4).any(|w| BOOKED_SET.contains(w) || *w == "waitlist")
    });
    let time =
        words.windows(2).any(|p| matches!(p[0], "block" | "blocking" | "blocked") && matches!(p[1], "off" | "out"));
    const LAUGHS: [&str; 10] = ["😂", "🤣", "😆", "😅", "😊", "☺", "😜", "😉", "🥰", "😳"];
    let laughing =
        LAUGHS.iter().any(|l| norm.contains(l)) || words.iter().any(|w| crate::normalise::laugh(w) || *w == "jk");
    // The exclamation opens the message, or follows an interjection ("omg stop 😂 that meme").
    let exclaimed = match words {
        [w, ..] if matches!(*w, "stop" | "stahp" | "stoppp" | "quit") => true,
        [i, w, ..] => {
            matches!(
                *i,
                "omg" | "oh" | "omfg" | "lol" | "bro" | "girl" | "dude" | "ok" | "okay" | "haha" | "lmao" | "wait"
            ) && matches!(*w, "stop" | "stahp" | "stoppp")
        }
        _ => false,
    };
    // "Stop! That's way too cheap to be real, what's the catch?": disbelief, not a request.
    let disbelief = any_phrase(
        norm,
        &[
            "the catch",
            "too good",
            "too cheap",
            "kidding me",
            "for real",
            "no way",
            "is it really",
            "amazing",
            "awesome",
            "great news",
            "incredible",
        ],
    );
    // "Stop, $40k?? Is that before the tax credit?": a price not believed.
    let incredulous = norm.contains("??") || norm.contains("?!");
    // "Wait, stop — am I talking to an AI right now?": a bot asked about.
    let bot = norm.contains('?') && words.iter().any(|w| matches!(*w, "ai" | "bot" | "robot" | "human" | "person"));
    // "stop 😂😂 that's hilarious": amused, however short.
    let amused = any_phrase(norm, &["hilarious", "funny", "hysterical", "dying", "killing me"]);
    // "stop lol I'm serious": the laugh taken back.
    let serious = words.iter().any(|w| matches!(*w, "serious" | "seriously" | "srsly" | "fr"))
        || any_phrase(norm, &["mean it", "not joking", "not kidding"]);
    let teasing = !serious
        && exclaimed
        && (words.len() > 3 && (laughing || disbelief || incredulous || bot) || amused && laughing);
    // "Stop getting it wrong", "stop mixing it up": a mistake to stop making.
    let mistake = words.windows(2).enumerate().any(|(i, p)| {
        let next = &words[i + 2..];
        p[0] == "stop"
            && p[1].ends_with("ing")
            && (next.iter().take(3).any(|w| *w == "wrong") || next.starts_with(&["it", "up"]))
    });
    // "Stop! Before you book anything, is this the plan with dental?", "wait, stop, I think I
    // typed the wrong zip": "hold on", before a question or the lead's own slip.
    let stop_at = words.iter().position(|w| matches!(*w, "stop" | "stahp" | "stoppp" | "quit"));
    let held = exclaimed
        && (stop_at.and_then(|i| words.get(i + 1)) == Some(&"before") && norm.contains('?')
            || words.iter().any(|w| matches!(*w, "wrong" | "typo" | "misspelled"))
                && words.windows(2).any(|p| {
                    p[0] == "i" && matches!(p[1], "put" | "typed" | "gave" | "wrote" | "entered" | "think" | "made")
                }));
    // "Stop! Don't sell it, I'm coming in today": hold the thing for the lead.
    let hold_it = exclaimed
        && words
            .windows(2)
            .any(|p| matches!(p, ["don't" | "dont", "sell"] | ["i'm" | "im", "coming"] | ["hold", "it"]));
    // "I need to stop this leak before the rain Friday, can you come tomorrow?": a thing to
    // stop, with the service asked for.
    let fixed = words.windows(3).any(|p| {
        p[0] == "stop"
            && matches!(p[1], "this" | "that" | "the" | "my" | "a")
            && !matches!(
                p[2],
                "nonsense" | "harassment" | "bs" | "crap" | "madness" | "garbage" | "shit" | "now" | "please"
            )
    }) && words
        .iter()
        .any(|w| matches!(*w, "come" | "fix" | "repair" | "tomorrow" | "today" | "asap" | "schedule"));
    // "Please stop... the rain lol, it's pouring here": the weather told to stop.
    // "My wife said stop right there until she sees the offer in writing": a hold till then.
    let right_there = words.windows(4).any(|p| matches!(p, ["stop", "right", "there", "until" | "till" | "til"]));
    let weather = words.windows(3).any(|p| {
        p[0] == "stop"
            && p[1] == "the"
            && matches!(p[2], "rain" | "snow" | "wind" | "heat" | "storm" | "hail" | "heatwave" | "cold")
    });
    hold || unbooked || time || teasing || mistake || held || hold_it || fixed || weather || right_there
}

/// Moved from one thing to another, not removed: "take me off the basic plan waitlist and put
/// me on the premium one". Not "take me off your list and put me on your do not call list".
fn moved(words: &[&str]) -> bool {
    let off = words.windows(3).position(|p| {
        matches!(p, ["take" | "remove" | "drop" | "move" | "switch" | "unsubscribe", "me" | "us", "off" | "from"])
    });
    let Some(off) = off else { return false };
    // "Take me off the 'maybe' list, I'm a yes": promoted, not removed.
    let stage = words[off + 3..]
        .iter()
        .take(3)
        .any(|w| matches!(*w, "maybe" | "undecided" | "waiting" | "pending" | "fence" | "backup" | "later"));
    let yes = words.windows(3).any(|p| matches!(p, ["i'm" | "im", "a", "yes"]))
        || words.windows(2).any(|p| matches!(p, ["i'm" | "im", "in" | "ready"]));
    if stage && yes {
        return true;
    }
    let rest = &words[off + 3..];
    let put = rest.windows(3).position(|p| {
        matches!(
            p,
            ["put" | "add" | "move" | "switch" | "sign" | "subscribe", "me" | "us", "on" | "to" | "in" | "onto" | "up"]
        )
    });
    let refused = rest.iter().any(|w| matches!(*w, "dnc" | "not" | "don't" | "dont" | "no"))
        || rest.iter().any(|w| matches!(*w, "text" | "texts" | "texting" | "number" | "contact"));
    put.is_some() && !refused
}

/// A phone's reaction to one of our messages, quoting it: `Emphasized “Reply STOP to opt out”`,
/// `Liked "…"`. The quote is our own text, not the lead's request.
fn reaction(norm: &str) -> bool {
    const REACTIONS: [&str; 8] =
        ["liked", "loved", "emphasized", "laughed at", "disliked", "questioned", "reacted", "removed a"];
    // Some phones send a notice instead of the quote: "Reacted 😮 to a message", "Liked an image".
    const NOTICES: [&str; 6] = ["to a message", "to an image", "to your message", "a message", "an image", "a photo"];
    REACTIONS.iter().any(|r| {
        norm.strip_prefix(r).is_some_and(|rest| {
            rest.trim_start().starts_with(['"', '\u{201c}', '\u{2018}', '\''])
                || NOTICES.iter().any(|n| rest.trim_end_matches(['.', '!']).ends_with(n)) && rest.len() <= 40
        })
    })
}

/// How to opt out asked for later, not now: "how do I unsubscribe later if I want to? just
/// asking before I sign up"; or asked about, as a choice: "is there an opt-out for the reminder
/// texts, or are those automatic?", "is there a way to get off the promo list and still get
/// updates?".
fn asks_how_for_later(words: &[&str]) -> bool {
    if words.starts_with(&["is", "there"])
        && (words.windows(3).any(|w| {
            w[0] == "or"
                && matches!(w[1], "are" | "is")
                && matches!(w[2], "those" | "they" | "these" | "it" | "that" | "there" | "them")
        }) || words.windows(2).any(|w| matches!(w, ["and" | "but", "still" | "keep"])))
    {
        return true;
    }
    // "can I opt out of the texts after the install is done?", "if I take myself off your list
    // now can I come back later?".
    let how = words.windows(3).any(|w| w[0] == "how" && matches!(w[1], "do" | "can" | "would" | "will") && w[2] == "i")
        || words.windows(2).any(|w| w == ["can", "i"])
        // Tagalog "paano/pano" (how), Ukrainian "чи можна" and Russian "можно" (may one).
        || words.iter().any(|w| matches!(*w, "paano" | "pano" | "можно" | "можна"));
    // "… later", "потім"/"потом"/"пізніше"/"позже" (later), "después", "luego", "później".
    let later = words.iter().any(|w| {
        matches!(
            *w,
            "later"
                | "future"
                | "eventually"
                // "can I stop these texts anytime just by replying?".
                | "anytime"
                | "whenever"
                | "asking"
                | "afterwards"
                | "afterward"
                | "потім"
                | "потом"
                | "пізніше"
                | "позже"
                | "despues"
                | "luego"
                | "pozniej"
        )
    }) || words.windows(3).any(|w| w == ["if", "i", "want"] || w == ["before", "i", "sign"])
        || words
            .windows(4)
            .any(|w| w[0] == "after" && w[1] == "the" && matches!(w[3], "is" | "done" | "finished" | "ends"));
    how && later
}

/// Texting declared fine with the stop about calls: "texting is fine, just stop calling my
/// landline", "you can keep texting but please stop calling my cell", "whoever keeps calling
/// from the 800 number, stop. this thread is fine", "stop the calls, I'll answer texts", "stop
/// calling my landline, this cell is fine for texts". Not when
/// a stop names texting too ("texting is fine but stop texting so much" is a frequency).
fn text_kept(words: &[&str]) -> bool {
    let texts = |w: &str| TEXT_SET.contains(w) || w == "texting";
    let fine = words.windows(3).any(|w| {
        (TEXT_SET.contains(w[0]) || matches!(w[0], "texting" | "thread" | "here" | "chat"))
            // Nigerian Pidgin "text dey okay".
            && matches!(w[1], "is" | "are" | "r" | "works" | "s" | "dey")
            && FINE_SET.contains(w[2])
            // "texting is totally fine".
            || TEXT_SET.contains(w[0])
                && matches!(w[1], "is" | "are")
                && matches!(w[2], "totally" | "perfectly" | "completely" | "still" | "really" | "absolutely")
            // "this cell is fine for texts", "I'm fine with texts".
            || FINE_SET.contains(w[0]) && matches!(w[1], "for" | "with") && texts(w[2])
            // "I don't mind texts", "if you need me, text".
            || matches!(w[0], "don't" | "dont") && w[1] == "mind" && texts(w[2])
            || matches!(w[0], "need" | "want") && matches!(w[1], "me" | "anything" | "something") && texts(w[2])
            // "a text is plenty".
            || texts(w[0]) && matches!(w[1], "is" | "s") && matches!(w[2], "plenty" | "enough")
            // "you can text but the calling has to stop", "I prefer texting".
            || matches!(w[0], "you" | "u") && matches!(w[1], "can" | "may") && texts(w[2])
            || matches!(w[0], "i" | "i'd") && matches!(w[1], "prefer" | "rather") && texts(w[2])
    }) || words.windows(4).enumerate().any(|(i, w)| {
        matches!(w[0], "don't" | "dont") && w[1] == "mind" && matches!(w[2], "the" | "your" | "ur") && texts(w[3])
            // "text or email is fine": the text kept beside a channel we do not use.
            || texts(w[0])
                && matches!(w[1], "or" | "and" | "n")
                && matches!(w[2], "email" | "emails" | "e-mail")
                && (matches!(w[3], "works" | "work")
                    || matches!(w[3], "is" | "are") && words.get(i + 4).is_some_and(|f| FINE_SET.contains(f)))
    }) || words
        .windows(2)
        .any(|w| texts(w[0]) && matches!(w[1], "works" | "work") || w[0] == "keep" && texts(w[1]))
        || words.windows(3).any(|w| w[0] == "keep" && matches!(w[1], "the" | "your" | "ur") && texts(w[2]));
    // "Texting me here is totally fine": the same with fillers between.
    // "Texting this number is fine".
    let plain: Vec<&str> = words
        .iter()
        .filter(|w| {
            !matches!(
                **w,
                "me" | "us"
                    | "here"
                    | "totally"
                    | "perfectly"
                    | "completely"
                    | "absolutely"
                    | "really"
                    | "this"
                    | "number"
            )
        })
        .copied()
        .collect();
    let fine = fine
        || plain.windows(3).any(|w| texts(w[0]) && matches!(w[1], "is" | "are" | "s") && FINE_SET.contains(w[2]))
        // "I'd rather keep it in writing here".
        || words.windows(2).any(|p| p == ["in", "writing"])
            && words.iter().any(|w| matches!(*w, "rather" | "prefer" | "keep" | "fine" | "better"));
    // "I'll answer texts", "I only read texts": the lead says where they will answer.
    let answered = words.iter().enumerate().any(|(i, w)| {
        // "I'll reply faster to texts anyway": how well, between.
        let next = match words.get(i + 1) {
            Some(&("faster" | "quicker" | "sooner" | "better" | "more")) => i + 2,
            _ => i + 1,
        };
        matches!(*w, "answer" | "answers" | "read" | "check" | "reply" | "respond")
            // "I'll only respond by text".
            && words.get(next).is_some_and(|n| {
                texts(n)
                    || matches!(*n, "to" | "my" | "by" | "via" | "over") && words.get(next + 1).is_some_and(|w| texts(w))
            })
            && words[..i].iter().rev().take(3).any(|w| matches!(*w, "i'll" | "ill" | "i" | "will" | "only"))
    });
    // "remove my email from the list, just text me": the texts asked for.
    // "I only want texts", "text away".
    let asked_for =
        words.windows(3).any(|w| matches!(w[0], "just" | "only") && texts(w[1]) && matches!(w[2], "me" | "us"))
            || words.windows(3).any(|w| w[0] == "only" && matches!(w[1], "want" | "need") && texts(w[2]))
            || words.windows(2).any(|w| matches!(w[0], "text" | "txt") && w[1] == "away");
    let fine = fine || answered || asked_for;
    // "texting is all I need".
    let fine = fine
        || words
            .windows(4)
            .any(|w| texts(w[0]) && matches!(w[1], "is" | "s") && w[2] == "all" && matches!(w[3], "i" | "we"));
    // "text is the only thing I check", "text is the way to reach me", "texting is the best way".
    let only = words.windows(4).any(|w| {
        texts(w[0]) && matches!(w[1], "is" | "s" | "are") && w[2] == "the" && matches!(w[3], "only" | "way" | "best")
    })
        // "I only do text".
        || words.windows(3).any(|w| w[0] == "only" && matches!(w[1], "do" | "use") && texts(w[2]));
    // "texting is how I'd prefer to do this", "Texts I'll actually read".
    let preferred = words.windows(3).any(|w| texts(w[0]) && matches!(w[1], "is" | "s") && w[2] == "how")
        && words.iter().any(|w| matches!(*w, "prefer" | "like" | "want"))
        || words.windows(3).enumerate().any(|(i, w)| {
            texts(w[0])
                && matches!(w[1], "i'll" | "ill" | "i" | "we'll")
                && words[i + 2..]
                    .iter()
                    .take(2)
                    .any(|n| matches!(*n, "read" | "answer" | "check" | "see" | "do" | "handle"))
        });
    // "texts still come through so keep it here".
    // "keep it to texts".
    // "can we keep this to texting?".
    let here = words.windows(3).any(|w| w[0] == "keep" && w[1] == "it" && matches!(w[2], "here" | "on"))
        || words
            .windows(4)
            .any(|w| w[0] == "keep" && matches!(w[1], "it" | "this" | "things") && w[2] == "to" && texts(w[3]));
    // "use this cell for texts only".
    let texts_only = words.windows(3).any(|w| w[0] == "for" && texts(w[1]) && w[2] == "only")
        // "Quit calling me, I'll text you back when I've got a minute".
        || words.windows(4).any(|w| matches!(w[0], "i'll" | "ill") && w[1] == "text" && w[2] == "you" && w[3] == "back");
    let fine = fine || only || preferred || here || texts_only;
    // What is stopped instead: calls, or email ("stop spamming my email, text is the only thing I check").
    let calls = words.iter().any(|w| {
        matches!(
            *w,
            "calling"
                | "calls"
                | "call"
                | "ringing"
                | "phoning"
                | "email"
                | "emails"
                | "emailing"
                | "inbox"
                | "autodialer"
                | "dialer"
                | "robocalls"
        )
    });
    // A call word before "not", past a "but": "the robocalls but not the texts".
    let calls_before = |i: usize| {
        let at = if i >= 2 && words[i - 1] == "but" { i - 2 } else { i.wrapping_sub(1) };
        words.get(at).is_some_and(|w| matches!(*w, "calls" | "calling" | "call" | "robocalls"))
    };
    let text_stopped = words.windows(3).enumerate().any(|(i, w)| {
        STOPPER_SET.contains(w[0])
            && w[1] != "mind"
            // "stop the texts"; not "stop calling. texting me is fine", the next sentence.
            && (texts(w[1]) || TEXT_SET.contains(w[2]) && !matches!(w[1], "calling" | "calls" | "call" | "ringing"))
            // "… from the calls, not the texts": the texts spared.
            && !(w[0] == "not" && calls_before(i))
    });
    // "Unsubscribe me from the calls, not the texts", "from the robocalls but not the texts".
    let spared = words.iter().enumerate().any(|(i, w)| {
        *w == "not"
            && calls_before(i)
            && words[i + 1..].iter().find(|n| !matches!(**n, "the" | "my" | "your" | "ur")).is_some_and(|n| texts(n))
    })
        // "Can I unsubscribe from calls but still get texts?".
        || words.windows(5).any(|w| {
            matches!(w[0], "calls" | "calling")
                && w[1] == "but"
                && matches!(w[2], "still" | "keep")
                && matches!(w[3], "get" | "getting" | "receive")
                && texts(w[4])
        })
        || words
        .windows(4)
        .any(|w| matches!(w[0], "calls" | "calling") && w[1] == "only" && w[2] == "not" && texts(w[3]));
    (fine || spared) && calls && !text_stopped
}

/// A stop of the automation with a person asked for: "quit with the automated msgs, I need an
/// actual person", "stop sending me robots and get me a real agent", "stop the texts for a sec
/// and just get a person on the phone". Not "I don't want to talk to anyone, stop texting".
fn wants_a_person(words: &[&str]) -> bool {
    const PERSON: [&str; 13] = [
        "person",
        "human",
        "agent",
        "rep",
        "representative",
        "someone",
        "somebody",
        "manager",
        "people",
        "officer",
        "specialist",
        "advisor",
        "consultant",
    ];
    words.iter().enumerate().any(|(i, w)| {
        if !PERSON.contains(w) {
            return false;
        }
        let before = &words[i.saturating_sub(4)..i];
        let real = before.iter().any(|b| matches!(*b, "real" | "actual" | "live" | "human"));
        let asked = before.windows(2).any(|p| {
            matches!(
                p,
                ["get" | "need" | "want" | "give", "me" | "a" | "an" | "to"]
                    | ["talk" | "speak", "to" | "with"]
                    | ["me", "with" | "to"]
                    // "put me through to a person", "put a human on".
                    | ["through", "to"]
                    | ["put", "a" | "an" | "me"]
                    // "get me off this robot and onto a human".
                    | ["onto", "a" | "an"]
            )
        });
        // The person refused, not the bot: "I don't want a human", not "I don't want to text a
        // robot, give me someone real".
        let refused = before.iter().any(|b| matches!(*b, "don't" | "dont" | "no" | "not" | "never" | "nobody"));
        let real = real || words.get(i + 1).is_some_and(|n| matches!(*n, "real" | "actual" | "live"));
        (real || asked) && !refused
    }) && !words.iter().enumerate().any(|(i, w)| {
        // "I'll unsubscribe if you keep sending me robots": a threat, with the person asked for.
        let threat = i > 0
            && matches!(words[i - 1], "i'll" | "ill" | "will" | "gonna")
            && words[i + 1..].iter().take(2).any(|a| *a == "if");
        // "Take me off the bot": off the automation, onto a person.
        let off_bot = *w == "off"
            && words[i + 1..].iter().take(2).any(|a| matches!(*a, "bot" | "robot" | "automated" | "automation" | "ai"));
        !threat
            && !off_bot
            && matches!(
                *w,
                "unsubscribe"
                    | "remove"
                    | "list"
                    | "off"
                    | "again"
                    | "anymore"
                    | "ever"
                    | "never"
                    | "alone"
                    | "lose"
                    | "nvm"
            )
    })
}

/// A phone's automatic reply: "I'm driving with Do Not Disturb While Driving turned on".
fn autoreply(words: &[&str]) -> bool {
    // "This is an automated reply from Dave's Plumbing. Reply STOP to opt out": somebody else's
    // auto-reply, its own footer included.
    matches!(words, ["this", "is", "an" | "a", "automated" | "automatic" | "auto", "reply" | "response" | "message", ..])
        // "Auto-reply: I'm unsubscribing from screens this weekend, back Monday": the phone's
        // own note, labelled as one.
        || matches!(words, ["auto" | "automatic" | "automated", "reply" | "response", ..] | ["autoreply" | "autoresponse", ..])
        // A note or notice with a stop of the lead's own beside it is no longer only a note:
        // "Do Not Disturb mode on, stop texting me".
        || !addressed_stop(words)
            && (words.windows(3).any(|w| w == ["do", "not", "disturb"])
                && words.iter().any(|w| matches!(*w, "driving" | "turned" | "notifications" | "silenced"))
                // "do not disturb was on sorry": the lead explains a silence.
                || words.windows(4).any(|w| w[..3] == ["do", "not", "disturb"] && matches!(w[3], "was" | "is" | "mode"))
                // "This number is not monitored. Msg & data rates may apply. Text STOP to
                // unsubscribe.": a line's own notice, footer included.
                || words.windows(4).any(|w| matches!(w, ["number" | "line" | "inbox", "is", "not", "monitored"])))
        || words.windows(3).any(|w| matches!(w, ["rates", "may", "apply"]))
            && words.iter().any(|w| matches!(*w, "msg" | "message" | "data"))
            && !words.iter().any(|w| matches!(*w, "i" | "me" | "my" | "you" | "your"))
}

/// A stop said to us of the lead's own phone, which no auto-reply or notice says: "stop texting
/// me", "quit messaging this number", "remove me", "don't text me".
fn addressed_stop(words: &[&str]) -> bool {
    words.windows(3).any(|w| {
        matches!(w[0], "stop" | "quit")
            && matches!(w[1], "texting" | "txting" | "messaging" | "calling" | "contacting")
            && matches!(w[2], "me" | "us" | "this" | "my" | "it")
    }) || words.windows(3).any(|w| {
        matches!(w[0], "don't" | "dont")
            && matches!(w[1], "text" | "txt" | "message" | "call" | "contact")
            && matches!(w[2], "me" | "us" | "this" | "it")
    }) || words.windows(2).any(|w| matches!(w, ["remove" | "delete", "me" | "us" | "this" | "my"]))
}

/// A channel invited outright after a stop: "stop calling, text me", "… just call", "quit
/// texting and call my cell" (not "stop all calls and texts"), "… texts
/// are fine", "… send a text", "… text if u need something"; not a channel under the stop
/// itself ("don't call or text me"), a complaint ("why do you keep texting me", "who told you
/// to text me"), a threat ("text me again and I'll sue"), or an invitation the lead takes back
/// with a stop after it ("can someone call me? actually nvm, take me off").
fn invites_contact(norm: &str) -> bool {
    let mut stopped = false;
    let mut after_if = false;
    // The channel the last clause stopped: "don't text, call.".
    let mut other_stopped: Option<bool> = None;
    // An emoji ends a clause as a full stop does: "stop calling 🙄 text me if u need something".
    // So does a dash: "texting at dinner has to stop — call me at 10 instead".
    let ends = |c: char| {
        matches!(c, '.' | ',' | '!' | '?' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}') || c as u32 >= 0x1F300
    };
    for clause in norm.split(ends) {
        let letters = crate::normalise::letters_only(clause);
        let words: Vec<&str> = letters.split(' ').filter(|w| !w.is_empty()).collect();
        // "If you want to talk, text.", "don't text, call.": the verb alone, after a condition
        // or after a stop of the other channel.
        if let ["text" | "txt" | "call", rest @ ..] = &words[..]
            && matches!(rest, [] | ["me" | "us"])
        {
            let texts = words[0] != "call";
            if stopped && after_if || other_stopped == Some(!texts) {
                return true;
            }
        }
        after_if = words.first() == Some(&"if");
        other_stopped = words.windows(2).find_map(|p| {
            (STOPPER_SET.contains(p[0]) && channel(p[1])).then(|| TEXT_SET.contains(p[1]) || p[1] == "txting")
        });
        for (i, w) in words.iter().enumerate() {
            // "Quit texting and call my cell": a channel's verb after "and" swaps the channel;
            // "stop texting and calling me" keeps both under the stop.
            // "Stop all calls and texts": a channel joined to a stopped one is stopped with it.
            // "stop calling me and texting me": the "me" between does not part two gerunds
            // ("quit texting me and call" swaps).
            let joined = i >= 2
                && matches!(words[i - 1], "and" | "&" | "n" | "or" | "nor")
                && (channel(words[i - 2])
                    || i >= 3 && w.ends_with("ing") && matches!(words[i - 2], "me" | "us") && channel(words[i - 3]));
            // "Quit texting and ring me": "ring" is a verb, not "-ing".
            let swapped = joined
                && matches!(words[i - 1], "and" | "&" | "n")
                && (!w.ends_with("ing") || *w == "ring")
                && !w.ends_with('s')
                // "… and call at lunch": a time after the verb.
                && (words.get(i + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "me" | "us" | "my" | "now" | "back" | "at" | "after" | "around" | "tomorrow" | "tonight" | "later"
                    )
                })
                    // "… and call the house phone after 2".
                    || words.get(i + 1) == Some(&"the")
                        && words.get(i + 2).is_some_and(|n| {
                            matches!(*n, "house" | "home" | "landline" | "office" | "work" | "cell" | "other")
                        }));
            // "I'd rather do this by text": a preference, where "do" carries no stop.
            let preferred = words[..i].iter().any(|b| matches!(*b, "rather" | "prefer"));
            // "no me manden mas texts please": "more" right before the channel, under the stop.
            let more = i >= 1 && matches!(words[i - 1], "more" | "mas");
            let under_stop = !swapped
                && (joined
                    || more
                    || words[i.saturating_sub(3)..i]
                        .iter()
                        .any(|b| STOPPER_SET.contains(b) || STOP_SCOPE_SET.contains(b) && !preferred));
            if stopped && !under_stop && invitation(&words, i) {
                return true;
            }
            if stopped && i == 0 && stays_here(&words) {
                return true;
            }
            stopped |= STOPPER_SET.contains(w);
        }
    }
    false
}

/// `w` names a channel: "texts", "calling", "email".
fn channel(w: &str) -> bool {
    TEXT_SET.contains(w)
        || CALL_SET.contains(w)
        || matches!(
            w,
            "calls"
                | "calling"
                | "phoning"
                | "ringing"
                | "messaging"
                | "txting"
                | "msging"
                | "email"
                | "emails"
                | "emailing"
                | "voicemails"
        )
}

/// The means of a stopped contact listed, texting among them: "please do not contact me by
/// phone, email, text, carrier pigeon, anything", "don't reach me via text". Not "do not
/// contact me by phone" (calls only).
fn means_under_stop(words: &[&str]) -> bool {
    words.iter().enumerate().filter(|(_, w)| STOPPER_SET.contains(w)).any(|(s, _)| {
        let rest = &words[s + 1..];
        let Some(verb) = rest.iter().take(4).position(|w| {
            matches!(
                *w,
                "contact"
                    | "contacting"
                    | "contacted"
                    | "communication"
                    | "communications"
                    | "reach"
                    | "reaching"
                    | "reached"
                    | "bother"
                    | "bothered"
                    | "message"
                    | "messaged"
                    | "disturb"
                    | "disturbed"
            )
        }) else {
            return false;
        };
        let after = &rest[verb + 1..];
        after.iter().take(3).position(|w| matches!(*w, "by" | "via" | "thru" | "through" | "over")).is_some_and(|by| {
            let listed = &after[by + 1..];
            listed.iter().take(10).enumerate().any(|(j, w)| {
                // "… by phone, texting is fine": the texts invited, not listed.
                let fine =
                    listed.get(j + 1).is_some_and(|n| matches!(*n, "is" | "are" | "works" | "ok" | "okay" | "fine"));
                (TEXT_SET.contains(w) || matches!(*w, "anything" | "any" | "all")) && !fine
            })
        })
    })
}

/// `words[i]` is a channel invited: "text me", "just call", "texts are fine", "send a text".
/// Both channels named together, neither kept over the other: "no longer consent to any
/// communications, by text or by phone", "phone or text", "neither by text nor by call".
fn paired(words: &[&str], i: usize) -> bool {
    let texts = |w: &str| TEXT_SET.contains(w) || w == "txting";
    let calls = |w: &str| CALL_SET.contains(w) || matches!(w, "calls" | "calling" | "phoning" | "ringing");
    let kind = texts(words[i]);
    let other = |w: &str| if kind { calls(w) } else { texts(w) };
    let or = |w: &str| matches!(w, "or" | "nor");
    let via = |w: &str| matches!(w, "by" | "via" | "over" | "thru" | "through");
    let forward = match &words[i + 1..] {
        [o, w, ..] => or(o) && other(w),
        _ => false,
    } || matches!(&words[i + 1..], [o, v, w, ..] if or(o) && via(v) && other(w));
    let backward = match &words[..i] {
        [.., w, o] => or(o) && other(w),
        _ => false,
    } || matches!(&words[..i], [.., w, o, v] if or(o) && via(v) && other(w));
    forward || backward
}

fn invitation(words: &[&str], i: usize) -> bool {
    let w = words[i];
    if !(TEXT_SET.contains(w) || CALL_SET.contains(w)) || paired(words, i) {
        return false;
    }
    let before = &words[i.saturating_sub(3)..i];
    let after = &words[i + 1..];
    if after.iter().take(3).any(|n| matches!(*n, "again" | "one" | "never")) {
        return false;
    }
    let prev = before.last().copied().unwrap_or("");
    let next = after.first().copied().unwrap_or("");
    // "ring" is a verb, not "-ing": "ring me tomorrow".
    let gerund = w.ends_with("ing") && w != "ring";
    // "… text this cell instead", "call my cell instead", "ring this mobile after 6 instead",
    // "call my cell 702 555 0193 instead".
    if after.iter().take(7).any(|n| *n == "instead") && !gerund {
        return true;
    }
    // "Text this cell only", "call my home number after 6".
    if (matches!(after, ["this" | "my", _, "only", ..])
        || matches!(after, ["my" | "the", line, ..] if matches!(*line, "home" | "house" | "landline" | "office" | "work" | "cell" | "mobile")))
        && !gerund
        && !w.ends_with('s')
    {
        return true;
    }
    let asked = before.iter().any(|b| {
        matches!(*b, "can" | "could" | "pls" | "plz" | "please" | "just" | "easier" | "better" | "rather" | "prefer")
    });
    // "… and just hop on a call at 4:30".
    if prev == "a" && before.contains(&"on") && before.iter().any(|b| matches!(*b, "hop" | "jump" | "get")) {
        return true;
    }
    // "Quit texting and pick up the phone": a call asked for.
    if w == "phone" && matches!(before, [.., "pick", "up", "the" | "a"]) {
        return true;
    }
    // "unsubscribe me from all texts pls": the texts are what is stopped, "pls" is courtesy.
    if matches!(prev, "all" | "the" | "these" | "those" | "your" | "ur" | "any" | "my")
        && matches!(next, "pls" | "plz" | "please" | "")
    {
        return false;
    }
    // "… but keep texting me".
    if before.ends_with(&["but", "keep"]) {
        return true;
    }
    // "stick to texting", "I'll reply on text": the channel kept.
    if matches!(before, [.., "stick" | "stay", "to" | "with"])
        || matches!(before, [.., "reply" | "respond" | "answer", "on" | "via"])
    {
        return true;
    }
    // "who told you to text me": somebody else's doing, unless asked for ("can you text me").
    if matches!(prev, "to" | "you" | "u" | "keep" | "why") && !asked {
        return false;
    }
    // "text me", "call us": the verb itself, not "texting me".
    let verb = !gerund && !w.ends_with('s') && matches!(next, "me" | "us");
    // "texts are fine", "texting me is better".
    let fine = matches!(next, "is" | "are" | "r") && after.get(1).is_some_and(|n| FINE_SET.contains(n))
        || matches!(next, "me" | "us")
            && after.get(1).is_some_and(|n| matches!(*n, "is" | "s"))
            && after.get(2).is_some_and(|n| FINE_SET.contains(n));
    // "send a text", "give me a call", "just send texts".
    // "… put it in a text".
    let sent = prev == "a" && before.iter().any(|b| matches!(*b, "send" | "shoot" | "give" | "gimme" | "in"))
        || matches!(prev, "send" | "shoot") && w.ends_with('s') && !w.ends_with("ings");
    // "If you have something, text it."
    let it = !gerund && matches!(next, "it" | "that" | "them") && after.len() == 1;
    // "Stop calling, start texting": the other channel started.
    // Not "don't start texting me".
    let started = matches!(prev, "start" | "begin") && !matches!(before, [.., "don't" | "dont" | "never" | "not", _]);
    INVITER_SET.contains(prev) || INVITED_BY_SET.contains(next) || verb || fine || sent || it || started
}

/// "I'll answer here", "reply here": the conversation stays on SMS.
fn stays_here(words: &[&str]) -> bool {
    words.windows(2).any(|p| matches!(p[0], "answer" | "reply" | "respond" | "talk" | "chat") && p[1] == "here")
        // "answer me on here", "reply to me on here".
        || words.iter().enumerate().any(|(i, w)| {
            matches!(*w, "answer" | "reply" | "respond" | "text")
                && words[i + 1..].iter().find(|n| !matches!(**n, "me" | "to" | "on" | "us")) == Some(&"here")
        })
}

/// "quit sending me PDFs", "stop sending the same link", "stop sending so many texts".
fn content_or_frequency(words: &[&str]) -> bool {
    words.windows(2).enumerate().any(|(i, pair)| {
        // "Stop with the ALL CAPS messages".
        let verb = matches!(pair[1], "sending" | "texting" | "messaging" | "calling" | "blowing" | "spamming" | "with");
        if !matches!(pair[0], "stop" | "quit" | "stp") || !verb {
            return false;
        }
        let rest: Vec<&str> = words[i + 2..]
            .iter()
            .copied()
            // "Quit sending me 3 different links".
            .filter(|w| {
                !matches!(
                    *w,
                    "me" | "us" | "the" | "those" | "these" | "all" | "to" | "straight" | "different" | "multiple"
                ) && !w.starts_with(|c: char| c.is_ascii_digit())
            })
            .take(2)
            .collect();
        // "Quit sending the broken link and send one that works": one word may describe it.
        let content = rest.first().is_some_and(|w| CONTENT_SET.contains(w))
            || rest.get(1).is_some_and(|w| CONTENT_SET.contains(w))
                && rest.first().is_some_and(|w| {
                    matches!(*w, "broken" | "wrong" | "dead" | "old" | "same" | "blank" | "expired" | "long" | "huge")
                });
        // "so many", "less often", "once a week is fine": an amount the lead would take. Not
        // "quit calling me 10 times a day!!!", a count in a complaint that stops.
        // "stop sending duplicate messages, one is enough": the copies, not the contact.
        let frequency = rest.first().is_some_and(|w| matches!(*w, "so" | "too")) && rest.get(1) == Some(&"many")
            || rest.first().is_some_and(|w| matches!(*w, "duplicate" | "duplicates" | "repeat" | "repeated"))
            || words.windows(2).any(|p| p == ["less", "often"])
            || words.windows(2).enumerate().any(|(j, p)| {
                matches!(p, ["a" | "per", "week" | "month" | "day"])
                    && words[j.saturating_sub(2)..j]
                        .iter()
                        .any(|w| matches!(*w, "one" | "once" | "1" | "twice" | "two"))
            });
        // "Can you stop sending 'is now a good time' and actually answer what I asked?": the
        // same words sent, with an answer wanted.
        let unanswered = pair[1] == "sending"
            && words[i + 2..].windows(2).any(|p| matches!(p, ["actually" | "just", "answer" | "respond" | "reply"]));
        // "Quit calling me 5 times a day. Seriously. Done.": the lead is through, not counting.
        let through = words.iter().any(|w| matches!(*w, "done" | "bye" | "goodbye"));
        content || unanswered || frequency && !through
    })
}

/// A service of the lead's own to stop, with us to switch to: "who do I contact to stop my
/// current security service? I want to switch to you".
fn switching(words: &[&str]) -> bool {
    words.windows(3).any(|p| {
        matches!(p[0], "stop" | "cancel" | "end")
            && matches!(p[1], "my" | "our")
            && matches!(p[2], "current" | "old" | "existing")
    }) && words.iter().any(|w| matches!(*w, "switch" | "switching" | "move" | "moving"))
        // "darme de baja con mi compañía actual y cambiarme con ustedes".
        || words.iter().any(|w| matches!(*w, "actual" | "atual" | "actuelle" | "actuel" | "aktuellen" | "current"))
            && words.iter().any(|w| {
                matches!(*w, "cambiarme" | "cambiar" | "pasarme" | "mudar" | "trocar" | "changer" | "wechseln" | "switch")
            })
}

/// Unsubscribing from something else: "unsubscribe from auto-pay", "opt out of the monitoring
/// add-on", "stop my subscription auto renew"; the emails (or a newsletter) when the lead says
/// to go on ("… but keep texting me").
fn other_subscription(words: &[&str]) -> bool {
    // "my gym finally let me unsubscribe lmao": a service of the lead's own let the lead go.
    let let_go = words.windows(3).enumerate().any(|(i, p)| {
        matches!(p, ["let" | "made", "me", "unsubscribe" | "cancel" | "opt"])
            && words[i.saturating_sub(3)..i].iter().any(|w| OTHER_SUBSCRIPTION_SET.contains(w))
    });
    if let_go {
        return true;
    }
    let Some(at) = words.iter().position(|w| {
        matches!(
            *w,
            "unsubscribe"
                | "unsubscribed"
                | "unsubscribing"
                | "unsub"
                | "opt"
                | "opted"
                | "opting"
                | "optout"
                | "subscription"
        )
    }) else {
        return false;
    };
    // "I wanted to unsubscribe from my electric company": a company of the lead's own.
    if let [_, "from", "my" | "our", rest @ ..] = &words[at..]
        && rest.iter().take(3).any(|w| matches!(*w, "company" | "provider" | "carrier" | "utility" | "bank"))
    {
        return true;
    }
    let object: Vec<&str> = words[at + 1..]
        .iter()
        .copied()
        .filter(|w| {
            !matches!(
                *w,
                "me" | "out"
                    | "from"
                    | "of"
                    | "on"
                    | "to"
                    | "the"
                    | "my"
                    | "your"
                    | "ur"
                    | "this"
                    | "that"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
            )
        })
        .take(3)
        .collect();
    // "opt out of the annual maintenance plan": the thing may follow two words.
    let Some(first) = object.iter().find(|w| OTHER_SUBSCRIPTION_SET.contains(w)) else { return false };
    // "Unsubscribe me from this service": ours, the texts themselves; not "your monitoring
    // service".
    let ours = words[at + 1..].iter().position(|w| w == first).is_some_and(|i| {
        i > 0 && matches!(words[at + i], "this" | "your" | "ur") && matches!(*first, "service" | "program" | "plan")
    });
    if ours {
        return false;
    }
    // Our own texts are marketing too: unsubscribing from them ends the conversation unless
    // the lead says to go on ("… and still get appointment reminders").
    let mail = matches!(
        *first,
        "emails"
            | "email"
            | "e-mails"
            | "newsletter"
            | "newsletters"
            | "magazine"
            | "marketing"
            | "promotional"
            | "promotions"
    );
    !mail || words[at..].iter().any(|w| GO_ON_SET.contains(w))
}

/// The lead wants more, not less: "I don't want you to stop texting", "STOP, this is exactly
/// what I needed, how do I sign up".
fn wants_more(norm: &str, words: &[&str]) -> bool {
    let negated_stop = words.windows(5).any(|w| {
        matches!(w[0], "don't" | "dont" | "doesn't" | "doesnt" | "never" | "not")
            && w[1] == "want"
            && matches!(w[2], "you" | "u" | "y'all" | "yall" | "them")
            && w[3] == "to"
            && matches!(w[4], "stop" | "quit" | "remove" | "cancel")
    });
    // "Please don't remove me, I still want the quote", "don't cancel my request".
    // Within one sentence: not "so glad you keep texting. NOT. Remove me.".
    let kept = norm.split(['.', '!', '?', ';']).any(|sentence| {
        let letters = crate::normalise::letters_only(sentence);
        letters.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().windows(3).any(|w| {
            matches!(w[0], "don't" | "dont" | "not" | "never")
                && matches!(w[1], "remove" | "unsubscribe" | "cancel" | "delete" | "take")
                && matches!(w[2], "me" | "us" | "my")
        })
    }) && words.iter().any(|w| GO_ON_SET.contains(w) || matches!(*w, "want" | "wants"));
    // "No need to remove me or anything, just not for me".
    // "you don't have to delete my number".
    let unneeded = words.windows(4).any(|w| {
        matches!(w[..3], ["no", "need", "to"] | ["don't" | "dont", "have" | "need", "to"])
            && matches!(w[3], "remove" | "unsubscribe" | "delete" | "take")
    });
    // "Not trying to unsubscribe, I just want to know …".
    let not_trying = words.windows(4).any(|w| {
        w[0] == "not"
            && w[1] == "trying"
            && w[2] == "to"
            && matches!(w[3], "unsubscribe" | "stop" | "opt" | "quit" | "cancel")
    });
    // "STOP, you had me at …", "stop everything, …", "stop — wait no, I mean yes": an
    // exclamation, with a sign-up (or a take-back) after it.
    let exclaimed = norm.strip_prefix("stop").is_some_and(|rest| {
        rest.starts_with([',', '!', '.', '-', '\u{2014}', '\u{2013}'])
            || rest.starts_with(' ')
                && words.get(1).is_some_and(|w| matches!(*w, "everything" | "it" | "lol" | "haha" | "wait"))
    });
    // Not "Stop. She's 15 and didn't sign up for anything".
    let denied = words.windows(2).any(|p| {
        matches!(p[0], "didn't" | "didnt" | "never" | "not" | "don't" | "dont" | "won't" | "wont")
            && matches!(p[1], "sign" | "signed")
    });
    let cheer =
        exclaimed && !denied && any_phrase(norm, &SIGN_UP) && !words.windows(2).any(|p| p == ["not", "interested"]);
    negated_stop || kept || unneeded || not_trying || cheer
}

/// Somebody else's stop, or the lead's own past one taken back: "my brother told you to stop
/// calling him", "I told the last guy to stop calling, but I do want to go ahead"; not "I told
/// you to stop texting me".
fn reported(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        // "says" only when the lead says this number is their own: "my mom says stop texting
        // her number. this is mine"; not "my dad says stop texting him, this is his phone".
        let says = matches!(*w, "says" | "say")
            && words
                .windows(3)
                .any(|p| matches!(p, ["this" | "one", "is", "mine" | "my"] | ["it's" | "its", "mine", _]));
        if !matches!(*w, "told" | "asked" | "said") && !says {
            return false;
        }
        let Some(stop) = words[i + 1..].iter().take(6).position(|w| matches!(*w, "stop" | "quit")) else {
            return false;
        };
        // "He asked me to tell you to stop texting him": a request passed on, made now.
        if words[i + 1..i + 1 + stop].windows(2).any(|p| matches!(p, ["tell" | "ask" | "let", "you" | "u" | "y'all"])) {
            return false;
        }
        // "My mom said stop messaging her": said to nobody else, of her own contact, passed on.
        // Not "… stop messaging her ex": the pronoun ends the request.
        let ends = |w: Option<&&str>| {
            w.is_none_or(|w| {
                w.is_empty()
                    || matches!(
                        *w,
                        "she's" | "he's" | "they're" | "she" | "he" | "they" | "anymore" | "again" | "please"
                    )
            })
        };
        let passed_on = stop == 0
            && matches!(&words[i.saturating_sub(2)..i], ["my", who] if third_party(who))
            && matches!(
                &words[i + 2..],
                [verb, "her" | "him" | "them", ..]
                    if matches!(*verb, "texting" | "messaging" | "calling" | "contacting" | "txting")
            )
            && ends(words.get(i + 4));
        if passed_on {
            return false;
        }
        let after = &words[i + 2 + stop..];
        // "she told them to stop": somebody else told somebody else, not us.
        let told = &words[i + 1..i + 1 + stop];
        let subject = &words[i.saturating_sub(2)..i];
        let theirs = subject.iter().any(|w| matches!(*w, "she" | "he" | "they" | "mom" | "dad" | "wife" | "husband"))
            && told.first().is_some_and(|w| matches!(*w, "them" | "him" | "her"))
            // "I told the other solar company to stop": another company's texts.
            || told.iter().any(|w| matches!(*w, "other" | "another" | "last" | "previous" | "old"))
                && told.iter().any(|w| matches!(*w, "company" | "companies" | "provider" | "installer" | "business"));
        // "this is his wife, he said to stop contacting him": the writer speaks for the lead.
        // "… stop contacting him at this number": this phone's owner, whoever writes.
        let this_phone = after.windows(2).any(|p| matches!(p, ["this", "number" | "phone" | "cell"]));
        let third = (theirs || after.iter().take(3).any(|w| matches!(*w, "him" | "her" | "them")))
            && !speaks_for_lead(words)
            && !this_phone;
        let taken_back = after.iter().position(|w| *w == "but").is_some_and(|b| {
            after[b..].windows(2).take(6).any(|p| matches!(p, ["do" | "still", "want"] | ["go", "ahead"]))
        });
        third || taken_back
    })
}

/// The writer is not the lead but speaks from the lead's phone: "this is his wife", "this is
/// her phone", "I'm his daughter".
fn speaks_for_lead(words: &[&str]) -> bool {
    words.windows(3).any(|p| match p {
        ["this", "is", w] => matches!(*w, "his" | "her"),
        // "this is my dad's phone".
        ["is", "my", w] => w.ends_with("'s") && third_party(w) || w.strip_suffix('s').is_some_and(third_party),
        ["i'm" | "im" | "am", "his" | "her", w] => third_party(w),
        // "I'm texting on behalf of my daughter".
        ["behalf", "of", "my" | "his" | "her"] => true,
        // "I'm the account holder's father".
        [_, "holder's" | "owner's", w] => third_party(w),
        // "Wife here. He's not interested …".
        [w, "here", _] => third_party(w) && !matches!(*w, "he" | "she" | "they" | "everyone" | "people"),
        _ => false,
    })
}

/// Verbs that quote a keyword rather than say it: "replied STOP", "said stop", "saying reply
/// stop to unsubscribe".
const QUOTING: &str =
    "said|say|says|saying|replied|reply|replies|replying|typed|type|texted|text|texts|wrote|writes|sent|send|hit";
/// Signs that the lead goes on with the conversation after a quoted or reported stop.
const GOING_ON: [&str; 30] = [
    "keep me",
    "i want the",
    "interested again",
    "still want",
    "still interested",
    "i'm interested",
    "im interested",
    "what's next",
    "whats next",
    "by accident",
    "accidentally",
    "by mistake",
    "didn't mean",
    "didnt mean",
    "same company",
    "signed up",
    "send the info",
    "but i want",
    "but i do want",
    "ignore that",
    "ignore it",
    "ignore the stop",
    "want the info",
    "ignore him",
    "ignore her",
    "ignore them",
    "disregard that",
    "disregard it",
    "next step",
    "still waiting",
];

static QUOTING_SET: WordList = WordList::new(QUOTING);

/// The keyword quoted, by someone else or by the lead taking it back, with the conversation
/// going on: "my daughter replied STOP by accident, I still want the quote", "whoever said stop
/// was my ex, I'm the one who signed up", "reply STOP to opt out? nah I'm interested", "I never
/// said stop". Not "I said STOP" or "I already replied stop": the lead's own, standing.
fn quoted(norm: &str, words: &[&str]) -> bool {
    let stopping = |w: &&str| matches!(*w, "stop" | "unsubscribe" | "quit");
    let joined = words.join(" ");
    // Not a slip over the form: "My wife filled that out by mistake, she says please quit texting
    // her phone" (the form was the mistake, the stop is meant).
    let form_slip = words.iter().any(|w| matches!(*w, "filled" | "signed" | "submitted" | "entered"));
    let going_on =
        GOING_ON.iter().any(|p| !(form_slip && SLIPS.contains(p)) && crate::normalise::contains_phrase(&joined, p));
    words.iter().enumerate().any(|(i, w)| {
        if !QUOTING_SET.contains(w) {
            return false;
        }
        let Some(named) = words[i + 1..].iter().take(2).position(stopping) else {
            return false;
        };
        let before = &words[i.saturating_sub(3)..i];
        // "I never said stop" is no stop, unless one is said after it ("I never said stop, but
        // STOP now"); a later one in a question ("why did you stop texting me?") asks.
        // A later stop asked about does not count: "I never said stop! why'd y'all quit texting".
        let after = &words[i + 2 + named..];
        let later = after.iter().enumerate().any(|(j, w)| {
            stopping(w)
                && !after[j.saturating_sub(3)..j]
                    .iter()
                    .any(|b| matches!(*b, "why" | "why'd" | "whyd" | "how" | "y'all" | "yall" | "you" | "u"))
        });
        // "I almost replied STOP": not done at all.
        // "I was about to hit unsubscribe but…": not done either.
        let negated = (before.iter().any(|b| matches!(*b, "never" | "didn't" | "didnt" | "not" | "almost" | "nearly"))
            || before.ends_with(&["about", "to"]))
            && (!later || norm.trim_end().ends_with('?'));
        let own = before.iter().any(|b| matches!(*b, "i" | "i've" | "ive" | "we"));
        // "What happens if I reply stop?": asking about the keyword.
        // "what happens if I text stop", asked with or without the question mark.
        let what_if = words.starts_with(&["what", "happens"]) || words.starts_with(&["what", "if"]);
        // "Like if I typed STOP would a computer handle it": asked without the mark.
        let asked_on =
            words[i + 1 + named..].iter().skip(1).take(2).any(|w| matches!(*w, "would" | "will" | "could" | "does"));
        let hypothetical = before.contains(&"if") && !later && (norm.trim_end().ends_with('?') || what_if || asked_on);
        // "If you're a bot say "stop"": the texter is told to say it.
        let addressed = !later
            && words[..i].contains(&"if")
            && before.iter().any(|b| matches!(*b, "you" | "you're" | "youre" | "ur" | "u"))
            && !own;
        // "My friend keeps replying 'stop texting me' when I send memes": somebody else's stop,
        // aimed at the lead's own messages to them.
        let third = before.iter().any(|b| matches!(*b, "friend" | "he" | "she" | "they" | "bf" | "gf"))
            || before.windows(2).any(|p| p[0] == "my" && !matches!(p[1], "own" | "last"));
        let at_lead = words[i + 2 + named..]
            .windows(2)
            .any(|p| matches!(p, ["when" | "whenever", "i"] | ["every" | "each", "time"]));
        negated || hypothetical || addressed || (third && at_lead) || (going_on && (!own || taken_back(&joined)))
    })
}

/// The lead's own quoted stop taken back ("I replied stop by mistake").
fn taken_back(joined: &str) -> bool {
    any_phrase(joined, &SLIPS)
        || any_phrase(joined, &["changed my mind", "sorry i said", "i was mad", "i was angry", "i was upset"])
}

/// A slip owned up to: "by accident", "didn't mean". [`taken_back`] and [`mentioned`] read them.
const SLIPS: [&str; 5] = ["by accident", "accidentally", "by mistake", "didn't mean", "didnt mean"];

/// A stop that is no request to stop: "non-stop calls from other companies", "my last company
/// wouldn't stop calling me" (somebody else's past), what the lead cannot stop ("I can't stop
/// getting the same message 5 times a day"), and a negated stop verb, "don't stop
/// sending me info", in Spanish ("no dejen de"), Italian ("non smettete di"), Portuguese ("não
/// parem de") and French ("n'arrêtez pas de"). Every stop in the message must be one of these.
fn not_a_stop(norm: &str, words: &[&str]) -> bool {
    let stops: Vec<usize> = (0..words.len()).filter(|&i| matches!(words[i], "stop" | "stopping")).collect();
    // A stop that is a thing: "non-stop", "the bus stop", "Stop & Shop", "a one-stop shop".
    let noun = |i: usize| {
        // "it squeals at every stop". Not "… I'd call one. Stop blowing up my phone", a verb
        // after it.
        i > 0 && matches!(words[i - 1], "non" | "bus" | "truck" | "pit" | "rest" | "one" | "next" | "full" | "every")
            && !words.get(i + 1).is_some_and(|n| n.ends_with("ing") && *n != "shopping")
            // "missed my stop reading this".
            || i > 1 && words[i - 1] == "my" && matches!(words[i - 2], "missed" | "miss" | "passed" | "past")
            || matches!(words.get(i + 1..i + 3), Some(["shop", ..] | ["and" | "n", "shop"]))
    };
    let nonstop = !stops.is_empty() && stops.iter().all(|&i| noun(i));
    // The subject is in the words before the verb: "my last company wouldn't stop", not "you
    // wouldn't stop".
    let past = words.windows(2).position(|p| {
        matches!(p[0], "wouldn't" | "wouldnt" | "couldn't" | "couldnt" | "didn't" | "didnt") && p[1] == "stop"
    });
    let past = past.is_some_and(|at| {
        let subject = &words[at.saturating_sub(4)..at];
        subject.iter().any(|w| matches!(*w, "last" | "other" | "previous" | "old" | "former"))
            && !subject.iter().any(|w| matches!(*w, "you" | "u" | "y'all" | "yall"))
    });
    // "I can't stop getting the same message": what the lead cannot do, not what we should.
    let unable = words.windows(3).any(|w| {
        matches!(w[0], "i" | "we" | "it" | "phone")
            && matches!(w[1], "can't" | "cant" | "cannot" | "couldn't" | "couldnt")
            && matches!(w[2], "stop" | "quit")
    }) && !words
        .iter()
        .any(|w| matches!(*w, "remove" | "unsubscribe" | "list" | "anymore" | "please" | "pls" | "plz"));
    // "I'm not gonna quit on this": giving up on something, not on the contact.
    let quit_on = words.windows(2).any(|p| p == ["quit", "on"])
        && !words.iter().any(|w| matches!(*w, "stop" | "unsubscribe" | "remove" | "texting" | "calling"));
    // The lead's own refusal to leave: "I'm not going to unsubscribe but…", "not gonna block
    // you lol", "I don't mean unsubscribe, I mean be less pushy"; with nothing else that stops.
    let refused = words.iter().enumerate().filter(|(_, w)| REFUSABLE.contains(w)).all(|(j, _)| {
        let before = &words[j.saturating_sub(4)..j];
        // The lead's own, or opening the message: not "my phone won't quit buzzing".
        let own = words[0] == "not"
            || words[j.saturating_sub(5)..j].iter().any(|b| matches!(*b, "i" | "i'm" | "im" | "we" | "i'll" | "ill"));
        // "I'm not opting out": what the lead is (not) doing now.
        let doing = words[j].ends_with("ing") && matches!(before, [.., "i'm" | "im" | "am" | "we're", "not"] | ["not"]);
        let refusal = (doing
            || matches!(
                before,
                [.., "not", "gonna"]
                    | [.., "not", "going", "to"]
                    | [.., "won't" | "wont"]
                    | [.., "will", "not"]
                    | [.., "don't" | "dont" | "not", "want", "to"]
                    | [.., "don't" | "dont" | "not", "want", "to", "be"]
            ))
            && !before.iter().any(|b| matches!(*b, "you" | "u" | "if"));
        own && (refusal || matches!(before, [.., "don't" | "dont" | "not", "mean"]))
    }) && words.iter().any(|w| REFUSABLE.contains(w))
        && !words.iter().any(|w| matches!(*w, "remove" | "texting" | "calling" | "contact" | "contacting"));
    // "Don't remove me, I just can't do anything this week": every removal in the message is
    // refused, by the lead ("why don't you remove me" asks for one).
    let removals: Vec<usize> =
        (0..words.len()).filter(|&i| matches!(words[i], "remove" | "unsubscribe" | "delete" | "drop")).collect();
    let kept = !removals.is_empty()
        && removals.iter().all(|&i| {
            let neg = i >= 1 && matches!(words[i - 1], "don't" | "dont") || i >= 2 && words[i - 2..i] == ["do", "not"];
            neg && words.get(i + 1) == Some(&"me")
                && !words[..i].iter().any(|w| matches!(*w, "why" | "you" | "u" | "if"))
        });
    // "I'll do it for $150 a month max, no more": a cap on a price, with nothing of the contact.
    let capped = words.windows(2).enumerate().any(|(i, p)| {
        p == ["no", "more"]
            && words[i + 2..].iter().all(|w| matches!(*w, "than" | "that" | "tops"))
            && words[i.saturating_sub(5)..i].iter().any(|w| {
                matches!(*w, "max" | "maximum" | "tops" | "month" | "mo") || w.starts_with(|c: char| c.is_ascii_digit())
            })
    });
    // "Stop calling me Mike lol, I'm Dave", "arrêtez de m'appeler Monsieur": a name corrected.
    let renamed = words.windows(3).any(|p| {
        matches!(p, ["calling", "me", _] | ["appeler" | "m'appeler", _, _])
            && matches!(
                p[2],
                "mike"
                    | "sir"
                    | "mr"
                    | "mrs"
                    | "ms"
                    | "miss"
                    | "monsieur"
                    | "madame"
                    | "bro"
                    | "buddy"
                    | "hun"
                    | "dear"
                    | "honey"
                    | "maam"
                    | "ma'am"
                    | "mister"
            )
    }) || words.windows(2).any(|p| matches!(p, ["i'm" | "im" | "je", "suis" | "madame" | "monsieur"]))
        && words.windows(2).any(|p| p[0] == "m'appeler" || p == ["calling", "me"]);
    // "My wife said stop wasting time and book it", "… stop putting it off": time, not contact.
    let wasting =
        words.windows(2).any(|p| {
            p[0] == "stop"
                && matches!(
                    p[1],
                    "wasting"
                        | "stalling"
                        | "dragging"
                        | "waiting"
                        | "procrastinating"
                        | "putting"
                        | "delaying"
                        | "hesitating"
                        | "overthinking"
                        | "worrying"
                        // "my wife said stop looking at tint".
                        | "looking"
                        | "browsing"
                        | "shopping"
                )
        }) && !words.iter().any(|w| matches!(*w, "texting" | "messaging" | "contacting" | "remove" | "unsubscribe"));
    // Read clause by clause: "Ya les dije que no. Dejen de escribirme." and "No, dejen de
    // escribirme" hold no "no dejen de".
    let negated_verb =
        norm.split(['.', ',', '!', '?', ';']).any(|sentence| negated_stop(&crate::normalise::letters_only(sentence)));
    // "Stop — I mean, not stop stop, but slow down with the texts": the stop corrected to less.
    let corrected = (words.windows(3).any(|p| p == ["i", "mean", "not"])
        || words.windows(3).any(|p| p[0] == "not" && p[1] == p[2] && REFUSABLE.contains(&p[1])))
        && words.iter().any(|w| matches!(*w, "slow" | "less" | "fewer" | "often"));
    nonstop || past || unable || negated_verb || quit_on || refused || kept || capped || renamed || wasting || corrected
}

/// A stop verb negated: "no dejen de escribirme", "non smettete di", "mat band karo", "don't stop
/// believin'" (not "why don't you stop").
fn negated_stop(letters: &str) -> bool {
    let words: Vec<&str> = letters.split(' ').filter(|w| !w.is_empty()).collect();
    words.windows(3).any(|w| {
        matches!(
            (w[0], w[1], w[2]),
            // "Mi teléfono no para de sonar": it doesn't stop ringing, a complaint.
            ("no", "dejen" | "dejes" | "deje" | "paren" | "pares" | "pare" | "para", "de")
                | ("non", "smettete" | "smettere" | "smetta", "di")
                | ("nao", "parem" | "pare" | "pares" | "deixem" | "deixe", "de")
                | ("n" | "ne", "arretez" | "arrete", "pas")
                // Hinglish "mat band karo": don't stop.
                | ("mat", "band", "karo" | "karna" | "kijiye" | "karein" | "karen")
        ) || matches!((w[0], w[1]), ("n'arretez" | "n'arrete", "pas"))
            // Quebec drops the "ne": "arrête pas de m'écrire".
            || matches!((w[0], w[1], w[2]), ("arretez" | "arrete" | "arretes", "pas", "de" | "d'm" | "d'"))
            // Hinglish "band mat karna": don't stop.
            || matches!((w[0], w[1], w[2]), ("band", "mat", "karo" | "karna" | "kijiye" | "karein" | "karen"))
            // "collection wale call karna band hi nahi kar rahe": they won't stop, a complaint.
            || matches!((w[0], w[1], w[2]), ("band", "nahi", "kar" | "ho") | ("band", "hi", "nahi"))
    }) || words.windows(2).enumerate().any(|(i, p)| {
        // "Don't stop believin'", "don't stop the process": never "why don't you stop", "if you don't stop",
        // or "you guys really don't quit huh" (a complaint about us).
        matches!(p[0], "don't" | "dont" | "never")
            && matches!(p[1], "stop" | "quit")
            && !(i > 0 && matches!(words[i - 1], "why" | "you" | "u" | "ya" | "if"))
            && !words[i.saturating_sub(3)..i].iter().any(|w| matches!(*w, "you" | "guys" | "y'all" | "yall" | "u"))
    })
}

/// What a lead may say they will not do, staying: "I'm not going to unsubscribe".
const REFUSABLE: [&str; 12] = [
    "unsubscribe",
    "removed",
    "unsub",
    "block",
    "stop",
    "quit",
    "report",
    "opt",
    "opting",
    "unsubscribing",
    "blocking",
    "quitting",
];

/// One channel's list only, with the conversation going on: "take my number off your call list
/// but keep texting me", "remove me from the calling list, not the texting one".
fn one_list(words: &[&str]) -> bool {
    // Not the do-not-call list: that one is a revocation.
    // "the phone call rotation" too.
    let list_noun = |w: &str| matches!(w, "list" | "rotation" | "queue");
    let list = |channel: &[&str]| {
        words.windows(2).enumerate().any(|(i, p)| {
            channel.contains(&p[0]) && list_noun(p[1]) && !(i > 0 && matches!(words[i - 1], "not" | "dont" | "don't"))
        })
    };
    // "take me off the auto-dialer": the dialer is the list.
    let calls = list(&["call", "calling", "phone", "dialer", "dialing", "robocall"])
        || words.windows(2).any(|p| matches!(p, ["the" | "your" | "auto", "dialer" | "autodialer"]));
    let texts = list(&["text", "texting", "sms"]);
    // "Take me off the morning call list and call after 5 instead": the hour moved; "remove me
    // from the morning call list, afternoons work better": another hour named beside the list's.
    let hour = |w: &str| {
        matches!(
            w,
            "morning" | "mornings" | "afternoon" | "afternoons" | "evening" | "evenings" | "weekend" | "weekends"
        )
    };
    let timed = words.windows(3).position(|p| hour(p[0]) && p[2] == "list" && (calls || texts));
    let moved_hour = calls
        && words.contains(&"instead")
        && words.iter().any(|w| matches!(*w, "after" | "before" | "afternoon" | "evening"))
        || timed.is_some_and(|t| {
            words
                .iter()
                .enumerate()
                .any(|(i, w)| i != t && (hour(w) || matches!(*w, "after" | "before")) && *w != words[t])
        });
    // "Take me off the dialer list, sms only from now on", "… from the call list and just
    // text?": the other channel kept alone, or invited.
    let only = |channel: &dyn Fn(&str) -> bool| {
        words.windows(2).any(|p| channel(p[0]) && p[1] == "only" || matches!(p[0], "just" | "only") && channel(p[1]))
    };
    let kept_alone = calls && !texts && only(&|w| TEXT_SET.contains(w))
        || texts && !calls && only(&|w| CALL_SET.contains(w) || matches!(w, "calls" | "calling"));
    // "take me off your texting list, and no calls either": both stopped.
    let both = words.contains(&"either")
        || words.windows(2).any(|p| p[0] == "no" && (TEXT_SET.contains(p[1]) || matches!(p[1], "calls" | "calling")));
    // "… not the texts": "not" about a channel ("Not interested. Take me off your calling list"
    // keeps nothing).
    let spared = words.windows(3).any(|p| p[0] == "not" && p[1..].iter().any(|w| channel(w)));
    // The conversation going on: "… off your call list but keep texting", "still text me, but
    // take me off the call list"; not a "but" before the list alone ("appreciate it but please
    // take me off your texting list").
    let first_list = words.iter().position(|w| list_noun(w)).unwrap_or(0);
    let goes_on = words[first_list..].iter().any(|w| GO_ON_SET.contains(w))
        || words[..first_list].iter().any(|w| matches!(*w, "still" | "keep"))
        // "remove me from the phone call rotation, text me whenever you have updates".
        || calls
            && words[first_list..]
                .windows(2)
                .any(|p| matches!(p, ["text" | "txt" | "message", "me" | "us"]))
            && !words[first_list..].iter().any(|w| matches!(*w, "never" | "don't" | "dont" | "not" | "again"));
    // "Keep me on the text list but take me off the call list": one list kept by name.
    let kept_on = |channel: &[&str]| {
        words.windows(6).any(|p| {
            p[0] == "keep"
                && matches!(p[1], "me" | "us")
                && p[2] == "on"
                && matches!(p[3], "the" | "your")
                && channel.contains(&p[4])
                && list_noun(p[5])
        })
    };
    let one_kept = calls && texts && (kept_on(&["text", "texting", "sms"]) != kept_on(&["call", "calling", "phone"]));
    (calls != texts && (goes_on || spared || kept_alone) || moved_hour || one_kept) && !both
}

/// A condition on a price, with the question still asked: "if it's over $200 a month don't
/// bother texting, but tell me the price", "si sale más de 200 mejor ni me escriban, pero dime
/// cuánto es".
fn conditional(words: &[&str]) -> bool {
    matches!(words.first(), Some(&("if" | "si")))
        && words.windows(2).any(|p| {
            matches!(p[0], "but" | "pero") && matches!(p[1], "tell" | "dime" | "digame" | "how" | "what" | "cuanto")
        })
}

/// The limits in Spanish: a channel invited after a stop ("dejen de llamarme, escríbanme por
/// aquí"), a frequency ("ya dejen de mandar tantos mensajes, con uno basta"), some hours ("no
/// me escriban tan temprano"), the opposite wish ("no me den de baja, sí me interesa").
fn spanish(words: &[&str]) -> bool {
    // "No se preocupe, no los voy a bloquear": the block refused.
    if words.windows(5).any(|p| {
        p[0] == "no"
            && matches!(p[1], "los" | "lo" | "la" | "las" | "te" | "les")
            && p[2] == "voy"
            && p[3] == "a"
            && matches!(p[4], "bloquear" | "reportar" | "denunciar")
    }) {
        return true;
    }
    // "Text only por favor, ya no me llamen": texts kept alone, calls stopped.
    let text_alone = words.windows(2).any(|p| {
        matches!(
            p,
            ["text" | "texto" | "textos" | "mensajes" | "sms" | "whatsapp", "only" | "solo" | "nomas"]
                | ["solo" | "nomas" | "only", "text" | "texto" | "textos" | "mensajes" | "sms" | "whatsapp"]
        )
    });
    let calls_alone =
        words.iter().any(|w| matches!(*w, "llamen" | "llames" | "llame" | "llamar" | "llamadas" | "llamarme"))
            && !words.iter().any(|w| {
                matches!(
                    *w,
                    "escriban"
                        | "escribas"
                        | "escriba"
                        | "manden"
                        | "mandes"
                        | "envien"
                        | "textees"
                        | "texteen"
                        | "mensajeen"
                )
            });
    if text_alone && calls_alone {
        return true;
    }
    let stop = words
        .iter()
        .position(|w| matches!(*w, "dejen" | "deja" | "dejes" | "paren" | "para" | "pare" | "no" | "ni" | "basta"));
    let invited = stop.is_some_and(|s| {
        words.iter().enumerate().skip(s + 1).any(|(i, w)| {
            matches!(
                *w,
                "escribanme" | "escribeme" | "escribame" | "texteame" | "textenme" | "llamame" | "llamenme" | "llameme"
            ) && !words[i.saturating_sub(2)..i].iter().any(|b| matches!(*b, "no" | "ni" | "nunca"))
        }) || words.windows(2).enumerate().skip(s + 1).any(|(i, p)| {
            // "… ni por mensaje ni por llamada": the channel under the stop, not invited.
            if matches!(words[i - 1], "ni" | "no" | "nunca") {
                return false;
            }
            // "… prefiero texto".
            matches!(p[0], "prefiero" | "prefiere" | "preferimos")
                && matches!(p[1], "texto" | "textos" | "mensaje" | "mensajes" | "whatsapp" | "sms")
                ||
            // "… mándenme un texto y ya".
            matches!(p[0], "mandenme" | "mandame" | "mandeme" | "envienme" | "enviame" | "envieme")
                && words.iter().any(|w| matches!(*w, "texto" | "mensaje" | "mensajito" | "sms" | "whatsapp"))
                ||
            // "… mejor por mensaje".
            matches!(p[0], "por" | "mejor")
                && matches!(p[1], "mensaje" | "mensajes" | "texto" | "textos" | "whatsapp" | "sms")
                ||
            // "dejen de llamarme, pero pueden escribirme por aquí".
            matches!(p[0], "pueden" | "puede" | "puedes")
                && matches!(p[1], "escribirme" | "textearme" | "mandarme" | "llamarme" | "escribir" | "llamar")
        })
    });
    let frequency = words.windows(2).any(|p| {
        matches!(
            p,
            ["tantos" | "tantas", "mensajes" | "textos" | "llamadas"] | ["con", "uno" | "una"] | ["tan", "seguido"]
        )
    });
    let ever = words.iter().any(|w| matches!(*w, "mas" | "nunca" | "jamas"));
    // "Dejen de llamar en la mañana, mejor en la tarde": a better part of the day offered.
    let hours = !ever
        && (words.windows(2).any(|p| matches!(p, ["tan", "temprano" | "tarde"] | ["antes" | "despues", "de"]))
            || words.contains(&"mejor")
                && words.windows(3).any(|p| matches!(p, ["en" | "por", "la", "manana" | "tarde" | "noche"])));
    // "dejen de mandarme links que no abren": what is sent, not the contact.
    let content = words.windows(4).any(|w| {
        matches!(w[0], "dejen" | "deja" | "deje" | "paren" | "para")
            && w[1] == "de"
            && (w[2].starts_with("mand") || w[2].starts_with("envi"))
            && matches!(
                w[3],
                "links"
                    | "enlaces"
                    | "pdf"
                    | "pdfs"
                    | "fotos"
                    | "videos"
                    | "archivos"
                    | "documentos"
                    | "formularios"
                    | "encuestas"
            )
    });
    let kept = words
        .windows(3)
        .any(|w| w[0] == "no" && w[1] == "me" && matches!(w[2], "den" | "borren" | "quiten" | "saquen" | "eliminen"))
        && words.iter().any(|w| matches!(*w, "interesa" | "quiero" | "pero" | "todavia" | "sigo"));
    invited || frequency || hours || kept || content
}

/// A stop at some hours only: "stop texting me at 6am", "quit calling before 9", "stop texting
/// so early"; not with "again", "anymore" or "ever" anywhere ("stop texting me at all"), nor
/// with an insult ("stop messaging me at 6am you idiots").
fn restricted_hours(words: &[&str]) -> bool {
    // "don't text me at 2am again, anytime 10-6 works": the hour refused, another offered.
    // "Don't call me at night anymore, mornings only".
    let offered = words.iter().any(|w| matches!(*w, "works" | "anytime" | "daytime" | "fine"))
        || words.windows(2).any(|p| {
            matches!(p[0], "mornings" | "afternoons" | "evenings" | "weekdays" | "weekends" | "days") && p[1] == "only"
        });
    // "Stop calling me at work, and don't text either": the texts refused as well.
    let both_refused = words.iter().position(|w| *w == "either").is_some_and(|e| {
        words[e.saturating_sub(4)..e].iter().any(|w| matches!(*w, "don't" | "dont" | "not" | "no" | "never"))
    });
    if both_refused {
        return false;
    }
    let hour_refused = words.windows(5).any(|p| {
        matches!(p[0], "don't" | "dont")
            && matches!(p[1], "text" | "call" | "message" | "txt")
            && matches!(p[2], "me" | "us")
            && matches!(p[3], "at" | "during" | "after" | "before")
            && (p[4].starts_with(|c: char| c.is_ascii_digit())
                || matches!(p[4], "night" | "nights" | "dinner" | "lunch" | "work" | "weekends" | "church"))
    });
    if hour_refused && offered {
        return true;
    }
    // "Quiet hours for me are 9pm-8am, don't text then; otherwise fine": the hours named first.
    let then_refused =
        words.windows(3).any(|p| matches!(p, ["don't" | "dont", "text" | "call" | "message" | "txt", "then"]))
            && words.iter().any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            && (offered || words.iter().any(|w| matches!(*w, "otherwise" | "hours")));
    if then_refused {
        return true;
    }
    // "I asked you to stop texting at night and you did it again", "I told you to stop texting
    // me before 9": an hour asked for before. Not "… at work. if it rings again I'm calling my
    // lawyer": a place, and a threat.
    // "I literally said stop calling me at work and you called at work again": said, too.
    let asked_hour = words.iter().enumerate().any(|(i, w)| {
        let asked = match (*w, &words[i + 1..]) {
            ("asked" | "told", [you, "to", "stop", verb, rest @ ..]) if matches!(*you, "you" | "u" | "y'all") => {
                Some((verb, rest))
            }
            ("said", ["stop", verb, rest @ ..]) => Some((verb, rest)),
            _ => None,
        };
        let Some((verb, rest)) = asked else {
            return false;
        };
        let rest = rest.strip_prefix(&["me"]).or_else(|| rest.strip_prefix(&["us"])).unwrap_or(rest);
        matches!(*verb, "texting" | "calling" | "messaging")
            && match rest {
                ["before" | "after" | "during" | "so", ..] => true,
                ["at" | "on", when, ..] => {
                    when.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(
                            *when,
                            "night" | "dinner" | "weekends" | "sundays" | "sunday" | "6am" | "midnight" | "work"
                        )
                }
                _ => false,
            }
    }) && !words.iter().any(|w| INSULT_SET.contains(w));
    if asked_hour {
        return true;
    }
    // "unsubscribe me from the morning texts, afternoons are fine": one part of the day's
    // messages stopped, another offered.
    let part = |w: &str| {
        matches!(
            w,
            "morning"
                | "mornings"
                | "afternoon"
                | "afternoons"
                | "evening"
                | "evenings"
                | "night"
                | "nights"
                | "weekend"
                | "weekends"
                | "early"
                | "late"
        )
    };
    let timed = words.windows(3).find(|p| {
        matches!(p[0], "the" | "those" | "these" | "your" | "ur")
            && part(p[1])
            && (TEXT_SET.contains(p[2]) || matches!(p[2], "calls" | "messages" | "msgs"))
    });
    if let Some(t) = timed
        && offered
        && words.iter().any(|w| part(w) && !w.starts_with(t[1]) && !t[1].starts_with(*w))
        && !words.iter().any(|w| matches!(*w, "all" | "forever" | "anymore" | "again" | "ever"))
    {
        return true;
    }
    // "No more texts in the morning please, evenings only": an hour named, another kept.
    let only_hours = words.windows(2).any(|p| {
        matches!(p[0], "mornings" | "afternoons" | "evenings" | "nights" | "weekdays" | "weekends" | "daytime")
            && p[1] == "only"
    });
    // "Weekends only please, and stop calling my work line": the days named are the hours.
    let hour_named = words.iter().any(|w| {
        matches!(
            *w,
            "morning"
                | "night"
                | "evening"
                | "afternoon"
                | "early"
                | "late"
                | "weekend"
                | "weekends"
                | "weekdays"
                | "am"
                | "pm"
        ) || w.starts_with(|c: char| c.is_ascii_digit())
    });
    if only_hours && hour_named && !words.iter().any(|w| matches!(*w, "remove" | "unsubscribe" | "forever" | "ever")) {
        return true;
    }
    // "all" of the contact, not "all day": "I'm in meetings all day, please stop messaging until
    // after 4".
    let all_of_it = words.windows(2).any(|p| {
        p[0] == "all"
            && !matches!(p[1], "day" | "morning" | "afternoon" | "evening" | "night" | "week" | "weekend" | "today")
    }) || words.last() == Some(&"all");
    if all_of_it
        || words.iter().any(|w| {
            matches!(
                *w,
                "again" | "anymore" | "ever" | "period" | "forever" | "done" | "remove" | "unsubscribe" | "anywhere"
            )
        })
    {
        return false;
    }
    // Insults: a lead that angry is not asking for a better hour ("stop messaging me at 6am you
    // idiots"), unless the better hour is named ("… wtf, text during normal hours").
    const INSULTS: &str = concat!(
        "idiot|idiots|moron|morons|stupid|dumb|wtf|fuck|fucking|fking|fkn|fck|ffs|asshole|assholes|jerks",
        "|clowns|losers|scammers|scam|creeps|creepy|pathetic|ridiculous",
        // Threats: "… one more time and I'm getting a lawyer".
        "|lawyer|attorney|sue|suing|lawsuit|police|fcc|ftc",
    );
    static INSULT_SET: WordList = WordList::new(INSULTS);
    let insulted = words.iter().any(|w| INSULT_SET.contains(w));
    // Each stop of a channel, read as limited to an hour (`Some(true)`) or not (`Some(false)`).
    // Every one must be limited: "Stop calling me at work. Stop texting me." ends the texts.
    let stops = words.windows(2).enumerate().filter_map(|(i, pair)| {
        let contact = matches!(pair[1], "calling" | "texting" | "txting" | "messaging" | "ringing" | "sending")
            || pair[1] == "blowing";
        // "Don't text tonight, tomorrow works". "Please don't contact me this week, family
        // funeral. Next week is ok."
        let when = match words.get(i + 2) {
            Some(&("me" | "us")) => i + 3,
            _ => i + 2,
        };
        let tonight = matches!(pair[0], "don't" | "dont" | "not")
            && matches!(pair[1], "text" | "call" | "message" | "txt" | "contact")
            && words.get(when).is_some_and(|w| matches!(*w, "tonight" | "today" | "now" | "this"))
            && words.iter().any(|w| matches!(*w, "tomorrow" | "works" | "later" | "monday" | "weekend" | "next"));
        if tonight {
            return Some(true);
        }
        // "No more texts after 8pm please": "no more" with the channel's noun.
        let no_more = pair[0] == "more"
            && i >= 1
            && words[i - 1] == "no"
            && matches!(pair[1], "texts" | "txts" | "calls" | "messages" | "msgs");
        // "please stop the texts after 8pm": the channel's noun after a determiner.
        let noun = matches!(pair[0], "stop" | "quit")
            && matches!(pair[1], "the" | "your" | "ur" | "those" | "these")
            && words.get(i + 2).is_some_and(|w| matches!(*w, "texts" | "txts" | "calls" | "messages" | "msgs"));
        if !(matches!(pair[0], "stop" | "quit") && contact || no_more || noun) {
            return None;
        }
        let rest = &words[i + 2 + usize::from(noun)..];
        // "If my phone rings again": the phone named, not invited.
        // "… wtf, daytime only": a better hour named.
        let reinvited =
            rest.iter().any(|w| TEXT_SET.contains(w) || CALL_SET.contains(w) && *w != "phone" || *w == "hours")
                || only_hours
                || words.contains(&"daytime");
        if insulted && !reinvited {
            return Some(false);
        }
        // "stop blowing up my phone in the morning, afternoons work better".
        let rest = rest.strip_prefix(&["up", "my", "phone"]).unwrap_or(rest);
        // "stop calling my cell during the day".
        let rest = match rest {
            ["my", "cell" | "phone" | "mobile", tail @ ..] => tail,
            _ => rest,
        };
        let rest = rest.strip_prefix(&["me"]).or_else(|| rest.strip_prefix(&["us"])).unwrap_or(rest);
        // "stop sending texts at 7am".
        let rest = match rest {
            [sent, tail @ ..]
                if TEXT_SET.contains(sent) || matches!(*sent, "calls" | "messages" | "stuff" | "things") =>
            {
                tail
            }
            _ => rest,
        };
        Some(match rest {
            // "quit texting me while I'm at work".
            [limit, ..]
                if matches!(*limit, "before" | "after" | "during" | "until" | "till" | "til" | "while" | "between") =>
            {
                true
            }
            // "stop texting late at night".
            ["late" | "early", "at" | "in", ..] => true,
            ["so", how, ..] => matches!(*how, "early" | "late" | "often" | "much"),
            // "stop calling for today and try me Monday".
            ["for", "today" | "tonight", ..] => true,
            [at, when, ..] if matches!(*at, "at" | "on" | "in") => {
                when.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(
                        *when,
                        "night"
                            | "lunch"
                            | "lunchtime"
                            | "noon"
                            | "breakfast"
                            | "bedtime"
                            | "work"
                            | "weekends"
                            | "weekend"
                            | "midnight"
                            | "dinner"
                            | "dinnertime"
                            | "sunday"
                            | "sundays"
                            | "saturday"
                            | "saturdays"
                            // "Stop texting me on weekdays, weekends are better".
                            | "weekdays"
                            | "weekday"
                            | "weeknights"
                            | "church"
                            | "school"
                            | "the"
                    )
            }
            _ => false,
        })
    });
    let mut limited = false;
    for stop in stops {
        if !stop {
            return false;
        }
        limited = true;
    }
    limited
}

/// Somebody else is the subject: "my kids won't leave me alone".
fn somebody_else(words: &[&str]) -> bool {
    words.windows(4).any(|w| {
        matches!(w[0], "won't" | "wont" | "can't" | "cant" | "never" | "don't" | "dont")
            && w[1] == "leave"
            && w[2] == "me"
            && w[3] == "alone"
    }) && !words.first().is_some_and(|w| matches!(*w, "why" | "you" | "u" | "y'all" | "yall" | "they"))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::normalise::{letters_only, normalise};

    fn limits(text: &str) -> bool {
        let norm = normalise(text);
        let letters = letters_only(&norm);
        let words: Vec<&str> = letters.split(' ').collect();
        limits_contact(&norm, &words)
    }

    #[test]
    fn stops_only_mentioned_are_not_asked_for() {
        for t in [
            // Advice somebody else gives, or somebody else's act.
            "my brother keeps telling me to unsubscribe from all of these, but I want to see the numbers",
            "My coworkers tell me to just block every solar company, but yours looked different",
            "my dad said he had to reply STOP to get them to quit calling him. how often do you follow up?",
            "my son's going to block any number that calls about loans so I should talk to him first",
            "my husband told me 'leave them alone' last time lol, let me ask him again",
            // The keyword as a word.
            "'remove me' is what I told the last dealer, but you guys are fine",
            "oops that stop was autocorrect, meant 'shop'. still want to come by",
            // The way out asked about.
            "If I sign up for the do not call registry, will you still send my contract?",
            "if I ever want to stop these later do I just reply STOP?",
            "the text says reply STOP to opt out. would that cancel my appointment too?",
            "how does my wife opt out? she got your message too. I still want mine",
            "did I get taken off your list by accident? haven't heard from anyone",
            "do you check the DNC list? I'm on it but I asked for this quote",
            "why does every text end with 'reply STOP to end'? kind of annoying",
            // A step not taken.
            "I nearly blocked you after the third call, but ok, what's the rate?",
            "was about to unsubscribe but the new price got me, tell me more",
            // A removal not needed.
            "you don't have to remove me, we're just not buying this year",
            "I'm not asking to be taken off, just fewer texts please",
            "don't take me off anything, I'm traveling. talk Monday?",
            "bitte nicht abmelden, ich brauche noch Informationen",
            "mat band karo msgs, main interested hu",
            // A guard for round 23's "call karna band": somebody else won't stop.
            "collection wale message karna band hi nahi kar rahe",
            // Contact moved, not stopped.
            "stop calling my work number. you may text my cell",
            "tell them to stop texting and call the home phone after 6",
            "Arrêtez de m'appeler à midi, appelez plutôt le soir",
            "stop ringing my phone at the office, just send texts",
            "quit with the messages and give me a call Friday",
            "не пишите, лучше позвоните вечером",
            "não me ligue de manhã, pode ligar à noite",
            "I don't want to be contacted by phone, texting works",
            // Other stops, and pauses.
            "Ya dejen de pedirme la misma foto, ya se la mandé",
            "Stop! before you send the contract, does it include the battery?",
            "wait stop, I typed the wrong zip code, it's 30301",
            "stop with the bot please and put me through to a real person",
            "take me off the bot and connect me to an agent",
            "leave me alone for like 20 min, in a meeting, will get back to you",
            "Leave me alone? nope, I'm bored, tell me about the plans",
            // Blind34–37's classes.
            "what does 'reply STOP to cancel' mean, does that end my warranty?",
            "why did I get a 'you've been removed' message? I never asked",
            "I replied stop to another dealer, not you. still want the trade-in value",
            "Stop! that's incredible, when can you come out?",
            "quit with the texts, ring me Monday after 9",
            "please stop calling my office line, ring my mobile tonight instead",
            "Nie dzwońcie, napiszcie SMS. Albo zadzwońcie jutro o 9",
            "sorry I blocked you by accident, thought it was spam. still interested",
            "arrête pas de m'écrire, je suis intéressée",
            "msgs band mat karo, interest hai",
            "STOP, oops fat fingers, meant to say yes, still interested",
            "will the battery stop working in a blackout?",
            "is the stop on my card going to cancel the loan?",
            "ignore my wife's stop message, we do want the estimate",
            "I've been on the do not call list for years. anyway, what's the rate?",
            "my uncle says lenders are all crooks and I should block you. prove him wrong",
            "remove me from the calls, not texts",
            "texting is totally fine, just stop the calls",
            "Arrêtez de me redemander les mêmes papiers, je les ai déjà envoyés",
            "mija deja de mandarme memes estoy en el trabajo",
            "my husband told me to tell you to stop calling but I'm the one on the loan and yes, I want it",
            "stop calling me 3 times a day. if you need me, text.",
            "stop blowing up my phone, one text a week is enough",
            // Blind38–41's classes.
            "I asked you to stop sending the estimate to my work email. send it here",
            "my cousin says to stop replying to these companies, they're scams. are you real?",
            "не звоните мне утром, перезвоните после обеда",
            "Paano ba mag-unsubscribe kung sakali? interesado pa rin ako",
            "Hören Sie auf, mir E-Mails zu schreiben, lieber per SMS",
            "别发短信了，打电话给我",
            "my coworker just said 'leave me alone' to me lol",
            "don't text, call. tomorrow after 5",
            "I'll report you to the state board if nobody fixes the leak",
            "Arrêtez de m'appeler, envoyez-moi plutôt un texto",
            "Pare de me ligar, pode mandar só mensagem",
            "we're on the do not call registry but we asked for this, so it's fine to reach out",
            "please don't put me on the do not call list, I want this",
            "about to block you lol, nobody ever calls back when they say",
            "you can stop calling, texting me is better",
            "'Reply STOP to opt out' got it, thanks",
            // Blind42–45's classes.
            "your rep said he'd remove me from the waitlist if I didn't answer. I'm answering, keep me on",
            "how does the opt out work if I change my mind later? fine for now",
            "my old installer wouldn't leave me alone, hoping you're better. next step?",
            "the phone menu says press 3 to unsubscribe and then drops the call. I want to pay my bill",
            "lol my phone autocorrected that to unsubscribe, meant understood",
            "leave me alone with the phone calls, just text",
            "Не звоните, пишите в WhatsApp или смс",
            "Arrête de me dire monsieur, on peut se voir mardi ?",
            "the do not call thing doesn't apply, I asked for this. what's next?",
            "No quiero que me saquen de la lista, me sigue interesando",
            "stop sending automated replies and put a real human on",
            "stop 😂 this is hilarious",
            "Quiero cancelar con mi compañía actual y cambiarme a ustedes",
            "Remove? remove what?",
            "I won't tell you to stop texting, but you have the wrong Dave",
            "the last lender made it impossible to unsubscribe, so I'm careful",
            "unsubscribe me from calls only, not texts",
            "I hate contracts I can't quit",
            // Blind46–49's classes.
            "haha your last msg says unsubscibe with a typo",
            "need to stop the water coming in before Friday, can you come tomorrow?",
            "I replied stop last month but I changed my mind, interested again",
            "remove my email from your list, just text me",
            "my son replied stop on my phone, sorry! keep me, I want the Tuesday slot",
            "my accountant said stop talking to other lenders until we close, is that normal?",
            "do you guys do DNC cases? some company keeps calling me after I said stop",
            "Stop! don't sell it, I'm coming with the deposit",
            "sorry I said stop earlier, I was upset. I still want the visit",
            "Bitte nicht abmelden, ich will weiter Erinnerungen",
            "what happens if I reply stop",
            "blocked you by accident, just unblocked. what did I miss?",
            "my kids keep yelling 'stop texting dad' lol",
            // Songs, a removal for some later day, the lead's own story, refusals.
            "Stop Making Sense is my favourite album",
            "'Don't Stop Me Now' came on the radio lol",
            "can you take me off the list later if I change my mind? just asking",
            "is there an unsubscribe link I could use later?",
            "the last time I tried a service like yours I couldn't unsubscribe for a year",
            "I already unsubscribed from the other bank's mailers, yours look better",
            "dont want to unsubscribe, I'm just slammed this week",
            "nah I don't wanna get removed from the waitlist, when does it open?",
            "no thanks, I don't need you to remove me or anything",
            "this is spam-level texting lol. what is the rate though",
            "Is the opt out text sent by a robot too",
            "my uncle said you'd stop calling after the appointment, is that right?",
            "I'm nervous I won't be able to stop the plan if money gets tight",
            "my neighbor texted STOP to your company and still gets calls, so idk",
            "the last rep promised to take me off her list but whatever, what's the price",
            "does it cost anything to unsubscribe later?",
            "unsubscribed from my gym membership today lol, one less bill",
            "your 'text STOP to end' line is bigger than the actual offer",
            "or does the warranty just stop after ten years?",
            "my husband said stop buying things online without telling him, so let me ask him",
            "do these reminders keep coming until I reply stop?",
            "I really need to stop procrastinating, can we set a time",
            "the unsubscribe link in my gmail doesn't load, anyway what's the quote",
            "I haven't unsubscribed because the offer looks good, just busy",
            "yes please, I need it to stop, the collection calls never end",
            "could you get me removed from the DMV list lol, kidding. what's the price?",
            "is it one of those texts where you text STOP to quit?",
            "This is an automatic reply from Lee's Auto Body. Reply STOP to unsubscribe.",
            "Stop! In the Name of Love has been stuck in my head all day",
            "my wife is worried we'd never get off your list once we sign",
            "you removed me from the reminder texts by accident, can you add me back",
            "will you take me off the prospect list once I sign?",
            "does this bot ever stop? anyway, what's the monthly cost",
            "you don't need to stop texting, just skip Sundays",
            "are you guys on the DNC list or does it not apply to you?",
            "how do I get taken off the list of the website that sold my info?",
            "I texted STOP to the old roofer and they ignored it, so I'm wary",
            "I'd unsubscribe but I actually want the discount lol",
            "not going to block you, you're just persistent",
            "wrong person. not blocking you tho, just fyi",
            "Yes please. Unsubscribe is the last thing on my mind",
            "can you get me removed from the no fly list lol? kidding, what are your hours",
            "lol I missed my stop texting you back",
            "my cat unsubscribed me from my own bed lol",
            "I'm on the do not call registry for a reason, but fine, I'll hear you out",
            "I don't want to be stuck in a plan I can't stop later",
            "is it automated, like that unsubscribe bit in your texts?",
            "Can I stop getting these down the road? Just asking",
            "Stop. Hammer time. The kids got my phone",
            "if I pass, will you remove me or keep my file?",
            "Before deciding whether to opt out, can a person call me?",
            "kinda thinking about blocking you lol but I still want the rebate",
            "my roommate believes unsubscribe was a magic word",
            "I've read you can't ever get off your list once you sign",
            "Not in the market, same thing I told the old lender before I unsubscribed from them",
            "will you remove us if we end up not buying?",
            "Relax, I'm not going to report you or anything",
            "my uncle says the lender can stop a HELOC whenever, that scares me",
            "my toddler keeps flipping the lights, how do I get him to stop",
            "please stop spelling my last name wrong",
            "does your app allow patients to unsubscribe from reminders?",
            "hitting the unsubscribe button on old newsletters tonight",
            "my gf said those companies never let you unsubscribe",
            "Yes, I'd love to stop putting this off",
            "I was going to ask you to stop texting, but honestly I still want the quote",
            "Before I unsubscribe, how much would it actually cost?",
            "Что случится, если я отправлю STOP?",
            "Last time I said stop to a telemarketer nothing happened, anyway what's the rate?",
            "unsubscribe me from my student loans, what can you do for me",
            "I didn't ask to be removed, just text me less",
            "I shouldn't need to unsubscribe to get a straight answer",
            "can you get me taken off the gym's mailing list too?",
            "stop these fees please, how do we start",
            "I got a 'you've been unsubscribed' notice and never asked for it",
            "my lawyer mailed a cease and desist to the seller, can you handle it?",
            "we can't wait to unsubscribe from this mortgage lol",
            "STOP & GO gas station on Elm, see you there",
            "my sister said to just block you, but I'll hear you out",
            "Your texts keep saying reply STOP to opt out at the bottom and it's a lot",
            "just unsubscribed from a dozen store newsletters",
            "my friend said 'unsubscribe from drama' when she saw the list 😂",
            "near the L train, which stop is it on",
            "No te preocupes, no te voy a bloquear",
            "can you help me get the collectors to stop?",
            "the calls from my old bank never end, I want them to stop. what's your plan?",
            "如果我回复退订会怎么样？",
            "is it legal for you to keep my data? what's your opt out policy",
            "I'm on the unsubscribe list for my church newsletter and they still send it",
            "the oak by the gate, does it need to be removed",
            "please stop triple texting, I saw the first one",
            "Will I be taken off the list if I don't sign up?",
            "I'm not reporting you or blocking you, just busy",
            "Is it possible to unsubscribe from texts but keep the calls?",
            "Will my wife still get calls if I unsubscribe?",
            "not asking you to stop, just not ready",
            "I asked the last rep to remove me from the Sunday call list",
            "tuesdays need an unsubscribe option lol",
            "you don't need to delete my info, just not now",
            "my dentist said stop waiting, so let's book",
            // Round 23: kept off the do-not-call list; somebody else's question passed on; a
            // removal asked about in a case put first; our footer's words asked about; a dead
            // link stopped.
            "don't bother adding me to the do not call list, I just need a few weeks",
            "my brother asked me how to block spam calls on his phone, any tips?",
            "If we decline, will you remove us from the list on your own?",
            "Why does the bottom of every text say reply STOP?",
            "That link is dead, quit sending the dead one and send a new link",
            // Round 24: a company of the lead's own; our unsubscribe notice reported; the lead's
            // own step, if ever; a step not meant.
            "trying to unsubscribe from my internet provider, not you, yes send the quote",
            "They sent me a 'you've been unsubscribed' text by mistake, I still want the info",
            "I'll unsubscribe later if the price is too high, for now send it",
            "I wasn't about to opt out, just slammed at work",
            // Rounds 25 and 26: a way out asked about for later in Tagalog and Ukrainian; a
            // removal there is nothing to make; a registration told as the past; a partner's
            // joke; a case put, then asked; things described by what they won't stop; somebody
            // else's calls and a trouble of the lead's own, with a yes; other lists; an
            // attempt long past; the keyword said to a machine; the lead's own stopping; a
            // joke after an ellipsis; an idea given up; a phone's setting; a shrug.
            "Kung ayaw ko na later, pano ako mag-unsubscribe?",
            "Можна буде потім відписатися?",
            "I never signed up for anything, so there's nothing to remove me from",
            "I put myself on the do not call list two years ago, but yes I filled in your form",
            "My wife joked she'd block you lol, I just wish you texted less",
            "ok but if I asked you to stop would anyone actually notice?",
            "Is this one of those robots that can't stop texting?",
            "dealing with a creditor who won't stop harassing me",
            "I'd do anything to make the calls from these collectors stop",
            "yes please, I want the creditors to stop texting me",
            "Interested! I just want all the stress to stop",
            "Yes. I just want all the harassment to stop",
            "I had to unsubscribe from a bunch of other newsletters after that form",
            "I tried to unsubscribe from your emails years ago and it never worked",
            "would I just be typing unsubscribe to a bot?",
            "I'm in another program already, not sure I could just stop it and switch",
            "And if I lose my income and have to stop?",
            "Unsubscribe... from Tuesdays lol",
            "I already unsubscribed from the whole pool idea, too pricey",
            "Switching my phone to do not disturb for the night, talk tomorrow",
            "Don't bother removing me, I'll just ignore it if you text again",
            // Round 42: "ring" after "and" is a call asked for.
            "Stop texting and ring me, I'm free all morning",
            // Round 41 (joined): a do-not list of things.
            "Is there a do-not-haul list I should know about?",
            // Round 41: a call asked for ("pick up the phone"); a song to learn; stopping and
            // starting; a question "once" something is done; a keyword and its "me" as a name; a
            // list of things; a stop of shopping; a joke with 🙃; somebody else's footer sent.
            "Stop texting and pick up the phone, I'm free till 3",
            "Could your teacher show me how to play Stop This Train?",
            "Honestly I'm tired of stopping and starting this project on my own, come take a look",
            "Once the install is done will the messages stop by themselves or do I opt out?",
            "\"Unsubscribe Me\" would be a funny name for a band",
            "My husband said take it off the list of upgrades for this year, maybe next year",
            "No, my husband said stop shopping for tint",
            "I'd like to unsubscribe from Monday mornings please 🙃",
            "My dentist sends 'Text STOP to opt out' on every reminder, so annoying",
            // Round 40: no need to be listed; an outsider contacted after unsubscribing; another
            // office's bot; the keyword as a name.
            "No need to add me to a do not call list, I'll just skip the texts I don't want",
            "My neighbor told me you kept calling him even after he unsubscribed",
            "Is this automated? The last office's bot ignored my unsubscribe too",
            "Unsub would be a weird name for a cat",
            // Round 39: another place or service that would not let go; texts only wanted; our
            // own subscriptions given up by somebody else; all caps and canned replies; a habit
            // asked; a keyword asked without a mark; one list kept by name; texts invited "away";
            // the lead's past unsubscribes; a pet told off; an ordinal footer; a removal meant
            // for somebody else; another line fine; the registry waived; a stop aimed elsewhere;
            // a listing asked why; our office's past removal; a phone's filter; the keyword as a
            // word; German and Spanish removals refused; a message meant for a relative; a
            // parent told off.
            "The last place I asked was like that and I couldn't even unsubscribe",
            "Unsubscribe me from the calls please, I only want texts",
            "The last service kept billing me after I tried to stop it, so I'm careful",
            "No thanks. My husband just quit all our memberships",
            "Stop with the all caps texts, feels like shouting",
            "haha do you guys ever stop",
            "Quit sending me canned responses please",
            "Is this a bot? Like if I texted STOP would a machine read it",
            "Keep me on the text list and take me off the call list",
            "You can stop calling, text away though",
            "Clinics I've unsubscribed from were less pushy than you",
            "my dog just stepped on my phone lol, stop it Biscuit",
            "That's the second 'reply STOP to opt out' message today and no one answered me",
            "Oops, that 'remove me' was meant for my gym, not you",
            "Stop calling my office line, my cell is fine after 5",
            "I'm on the do not call registry but I asked for this, so yes, come by Tuesday",
            "my husband said 'make them stop texting' but he meant the gym, not you. what's the price?",
            "Why did someone put me on a do not contact list?? I want a callback",
            "Somebody on your team removed me from the list and I had to sign up again",
            "my phone filtered you as spam and blocked you, almost missed this",
            "Unsubscribe is such an odd word honestly. How long is the install?",
            "Danke, aber Sie müssen mich nicht austragen, vielleicht nächsten Sommer",
            "oops meant to send 'take me off the list' to my sister lol",
            "No quiero darme de baja, solo que alguien me responda por favor",
            "Mom stop taking my charger 😭",
            // Round 38: an hour limit said before and broken; weekdays named, a work line
            // refused.
            "I said stop texting me after 9pm and you texted at 10 again",
            "Weekdays only, and stop calling my office number",
            // Round 37: an outsider's own unsubscribe, and own stop reported; a machine's
            // display; a work line refused with this number's texts fine; a week refused and
            // the next offered; the lead's own bank told; a spouse's stop about another number,
            // overruled; a stop sent astray; a sibling's keyword.
            "My neighbor unsubscribed from you and still got calls, just fyi",
            "The oven panel shows \"stop\" and the manual says nothing about it",
            "My coworker said he told you to stop and you kept calling him, not cool",
            "Please don't call my work line at all. Texting this number is fine.",
            "Don't contact me this weekend please, moving house. Next week is fine.",
            "I asked my bank to stop calling me, not you guys. Go ahead and book it",
            "My wife said she told you to stop texting, that was her phone, not mine. I still want the quote",
            "STOP. sorry, that was meant for my sister. Thursday works",
            "My brother texted stop to you guys last spring, is that why he never heard back?",
            // Round 36: another sender that would not stop; texts answered faster; a way out
            // "anytime", asked.
            "Human or AI? The last clinic I asked was a bot that wouldn't stop texting me",
            "You can stop calling, I'll respond quicker to texts",
            "can I stop the texts anytime by replying, or do I need to call?",
            // Round 35: a plan the lead could not leave; a reply channel named; readiness turned;
            // texts "cool"; texts stuck with; a way out for a later choice, asked; a Spanish
            // removal refused.
            "I won't buy a membership I can't opt out of",
            "Pls stop calling, I'll answer on text",
            "my unsubscribe thumb was twitching but ok, what's the price",
            "ok the calls can stop, text is cool",
            "Stop calling please and stay with texting",
            "Could I stop the messages if I pick another company?",
            "No quiten mi número de la lista, sí quiero la información",
            "No borren mi contacto, quiero una cotización",
            // Round 34: another sender's footer asked about; texts above calls; the dialer as
            // the call list; somebody else unable to stop a renewal; somebody else's own step
            // "after … this"; the same words sent, an answer wanted; the lead's own payments;
            // out of a thing of the lead's own.
            "Text STOP to opt out — why did I get that from my gym lol",
            "Texting > calling for me. no more calls pls",
            "take us off the dialer, just text",
            "my sister couldn't stop it either, that's my worry with auto-renew",
            "My boss unsubscribed from you after a month of this, so I get it",
            "Could you stop sending 'hope you're well' and actually reply to my question?",
            "Can't wait to stop paying this HOA, sign me up",
            "I want off the dues treadmill, sign us up",
            // Round 33: a step named and refused; "stop-and-go"; "all day" with an hour; a stop
            // once something is done, asked; our footer on "a" message; a pause with the way
            // back; hours named, then refused; a removal done without; a way out described.
            "I could report you lol but I won't, relax",
            "Stop-and-go replies from you guys, weeks of nothing and then 4 texts",
            "I'm at a wedding all day, stop calling until after 8",
            "Are you going to stop texting once the install is finished?",
            "every msg has a 'Reply STOP to opt out' bit at the end, so long",
            "Leave me alone until Thursday, busy week. Text then",
            "Sleeping 11pm-7am so don't text then, otherwise all good",
            "Can we pause for the summer without getting taken off your list?",
            "Is it one of those bots where texting 'remove me' wipes your file?",
            // Round 32: a joke reported; what is kept, asked; a hold till something is read;
            // somebody else's own step, done; weekdays refused; lists counted; a billing
            // option; stops to firms in general.
            "my mom was joking about blocking you, relax 😂",
            "Could I opt out and still get the warranty info in the mail?",
            "my husband said stop right there until he reads the fine print",
            "my coworker unsubscribed from y'all last month, said the rates were good",
            "My sister got these texts last year and had to unsubscribe, so I know how it goes",
            "Sorry, stop texting on weekdays, I'm free weekends",
            "I unsubscribed from 12 mailing lists today, inbox zero baby",
            "Does opting out of the auto-renewal change my price?",
            "My aunt swears telemarketers ignore STOP messages lol",
            // Round 31: a threat the lead would rather not make; the texts' hour; the lead's own
            // auto-renewal; calls swapped for texts in Ukrainian; shopping emails; a safety
            // rhyme; a step nearly taken; a threat taken back as a joke.
            "Why should I have to threaten to unsubscribe to get a simple quote?",
            "pls stop the calls after 9pm, I go to bed early",
            "ugh auto-renew, I always forget to stop it before the charge",
            "Перестаньте дзвонити, напишіть сюди",
            "I just unsubscribed from a bunch of shopping emails, so satisfying",
            "Lesson of the day: stop, look, listen 😄",
            "my kid's homework today: stop, drop and roll lol",
            "I was so close to hitting unsubscribe, y'all are persistent",
            "one question before I block you... jk. is this automated?",
            // Round 30: texts kept alone in Spanish and Vietnamese; a budget's verdict; the
            // lead's own decision; others taken off, asked about; the lead's clients asked
            // about; a call rotation with texts invited; a line's own notice.
            "Solo mensajes de texto, ya no me llamen por favor",
            "Text only please, ya no me llamen",
            "Đừng gọi nữa nha, nhắn tin thôi",
            "love it but my checking account said stop 😂",
            "We decided to stop getting the monthly boxes and just buy as needed",
            "Do you take customers off the list after they buy, or keep messaging them?",
            "Can our clients unsubscribe from the reminder texts you send them?",
            "Take me off the phone call rotation please, text me when there's news",
            "This line is not monitored. Message and data rates may apply. Text STOP to opt out.",
            // Rounds 28 and 29: calls swapped for texts in Dutch and Armenian, and "start
            // texting"; a plan stopped without a fee; a report nearly made; a removal from
            // somebody else's list; a case put a few words in; a removal not sought; people in
            // general made to unsubscribe; another firm's bot; a band's name; an outsider's
            // keyword said to us; a Creole "what if I say STOP?"; time blocked off; creditors
            // stopping; a practice opted out of; other lenders told; our footer received.
            "Niet meer bellen graag, sms mag wel",
            "Մի զանգեք, միայն հաղորդագրություն",
            "Quit calling and start texting me lol",
            "could I stop it whenever without a penalty?",
            "ngl I nearly reported this as spam",
            "Already removed myself from the Costco mailing list, and I don't need another card",
            "Just wondering — if we block your number by mistake, how would we reach you?",
            "I'm not looking to unsubscribe, I think you've got the wrong person",
            "this is exactly how businesses get people to unsubscribe lol, anyway what's the price",
            "Is this a bot? My previous solar company's bot ignored me when I said stop",
            "my sister's band was honestly called Unsubscribe",
            "My uncle said STOP to y'all a while back and you respected it, nice",
            "Sa k pase si m ekri STOP?",
            "im blocking off some time tomorrow for your call",
            "I want to refinance so the lenders stop calling me all day, can you help?",
            "Do you share my info with partners, or can I opt out of that?",
            "I asked the last two banks to stop calling and now this",
            "I keep getting 'reply STOP to opt out' under every text, just talk normal",
            // Round 27: another firm's past; others saying the keyword; a stop as a place; a
            // song; the word a bot understands; a stop asked about for a later day; the lead's
            // own unsubscribing and refusal to stop us; a service of the lead's own; a part.
            "The last agency wouldn't take me off their mailing list for a year, so forgive me for asking",
            "Are you automated? A friend said your texts keep coming even after people say stop",
            "the car shudders at every stop now",
            "Stop! In the Name of Love, my mom's favorite",
            "Is it one of those systems that only understands STOP?",
            "Will you stop sending offers once I'm signed up?",
            "We'd have to unsubscribe from a lot of things to pay for that 😅",
            "I'm not going to stop you texting me, I'm just not in the market lol",
            "I'm unsubscribing from my streaming apps, not you, relax",
            "Can I opt out of the survey after the visit?",
        ] {
            assert!(limits(t), "{t}");
            assert!(crate::revocation(&normalise(t)).is_none(), "{t}");
        }
    }

    #[test]
    fn a_stop_beside_a_mention_still_revokes() {
        for t in [
            "my wife keeps telling me to unsubscribe. honestly, stop texting me",
            "I almost blocked you. don't text me again",
            "my dad wants you to stop calling him",
            "my daughter told me to tell you to stop texting",
            "you don't need to call me, just remove me",
            "I'm about to block you",
            "why don't you remove me already",
            "If you text me again I'll report you",
            "Please stop calling and texting me. Dorothy does not want to be contacted by text or phone",
            "Quit calling me 3 times a day. Done.",
            "Ya no me llamen por favor",
            "No me llamen más",
            "Parem de me ligar, por favor",
            "Не звоните мне больше",
            "perestan'te mne zvonit",
            "Nemojte me više zvati",
            "别再打电话给我",
            "SAIR",
            "I withdraw my permission for you to text me",
            "Quit calling my phone 8 times a day!!!",
            "I told you to stop calling me at work. if it rings again I'm calling my lawyer",
            "no calls no texts no nothing",
            "rack off mate",
            "f*** off with your offers",
            "Appelez-moi pu jamais",
            "lâchez-moi patience avec vos appels",
            "請停止聯絡我",
            "slutte å sende meg sms",
            "I want to be removed from everything, text, phone, email, all of it.",
            "will you stop texting me?",
            "my wife wants you to stop calling, and I agree",
            "Formal request: cease all communication by phone and text.",
            "wag nyo na ko itext",
            "BASTA de llamarme",
            "I'll report you if you text me again",
            "别再打电话给我了",
            "don't text me, don't call me",
            "Please do not call me.",
            "I'd appreciate it if I never heard from you again",
            "Ne m'appelez plus jamais",
            "Smettete di chiamarmi",
            "one more call and I'm reporting you to the FCC",
            "you can stop following up, we're all set",
            "I already said no. Stop asking.",
            "sttop textign me",
            "stop ringin me ya muppets",
            "Peidiwch â fy ffonio eto",
            "we signed with another company so please remove us from your list",
            "take me off your texting list please, and no calls either",
            "stop texting me at 6am, I'm done, remove me",
            "बंद करो ये मैसेज",
            "remove my wife's number and mine from your appointment reminders list",
            "Nah. Do not call.",
            "this is her daughter, she said to stop calling her",
            "im his son. he told me to tell you to stop",
            "this is spam, stop",
            "Stop! this song you sent is not funny, stop texting me",
            "Not interested. Take me off your calling list",
            "СТОП",
            "Прошу больше не беспокоить меня",
            "merci de retirer ce numéro de votre liste",
            "请把我的号码从名单上删除",
            "Is this legal? stop texting me",
            "my friend replied STOP to you, and I'm telling you too: stop texting me",
            "please do not send anything else to this phone",
            "ok got it. don't send more",
            "por favor deje de llamar a mi mamá",
            "you all need to stop hitting my line",
            "I'll report you unless the texts stop",
            "No, dejen de escribirme",
            "Les dije que no. Dejen de mandarme mensajes",
            "deja d escribirme porfa",
            "nie dzwońcie do mnie więcej",
            "fadlan iga jooji",
            "this is my mom's phone, she says stop texting her",
            "I'm blocking you if I get one more",
            "una llamada más y los reporto",
            "we don't want any more phone calls from your company",
            "do you charge upfront? that's illegal. remove me",
            "Stop sending me that link, it doesnt work, and stop texting me",
            // Round 21: a dare.
            "call me one more time and see what happens",
            "message me again and see what happens",
            // A laugh, then the stop said to be meant.
            "stop lmao i'm not joking",
            // Round 22: passed on for good; "going forward"; the Portuguese keyword.
            "this is my mom's cell, she doesn't want any more texts from you",
            "I'd prefer you didn't call me from now on",
            "holding off for now. I'd rather you didn't message me going forward; I'll get back to you if I change my mind",
            "PAREM",
            // One hour's list, and no other hour: the calls stopped.
            "take me off your evening call list",
            // Round 23: a removal asked for somebody else; a place named, then the texts
            // refused too.
            "This is her son, she wants her number taken off your list",
            "quit calling me at the office, and no texts either",
            // Round 24: an oath as the threat; the channels named under the refusal.
            "one more call and I swear to god",
            "do not contact me via text, call, or mail",
        ] {
            assert!(crate::revocation(&normalise(t)).is_some(), "{t}");
        }
    }

    #[test]
    fn limits_are_recognised() {
        for t in [
            "please stop calling me, texts are fine",
            "stop calling. just text",
            "can you stop calling and send me a text instead",
            "stop texting me and just call me tomorrow",
            "stop texting and call me now, I'm on break",
            "quit messaging and call my husband's cell",
            "no more calls pls, I'll reply to texts",
            "stop calling my work line, I answer texts all day",
            "lol stop 😂 this joke is too good",
            "I'm ok with texts, just quit ringing my cell",
            "stop blowing up my phone at night, weekends are fine",
            "you can text me but the phone calls need to stop",
            "remove me from the call list, I'd rather text",
            "stop texting me while I'm driving, after 6 is fine",
            "Stop calling my cell during work hours, ring the landline after 7 instead",
            "stop texting this one, it's my office phone, text my cell 555 201 3344 instead",
            "do you charge an upfront fee? that's illegal in my state",
            "Stop calling. Texting me here is perfectly fine",
            "you can quit calling, I'd prefer to keep it in writing",
            "stop ringing the office. use my cell after six",
            "take me off the bot and onto a real agent",
            "stop calling me 😤 text if it's urgent",
            "please stop calling at lunchtime, after 2 works",
            "Mi celular no para de sonar con tantos mensajes",
            "quit calling me, one text a week is plenty",
            "stop calling me, just send it in a text",
            "no more calls please. Text me whenever",
            "quit sending the link, it won't open on my phone",
            "quit sending texts at 6am, evenings only",
            "stop sending things on Saturdays, weekdays work",
            "stop with the calls please, texting is how I like to do it",
            "Quit calling. Texts I'll read.",
            "unsubscribe me from the robocalls but not the texts",
            "call mat karo, msg theek hai",
            "stop calling the house phone, my dad gets confused. Text my cell only.",
            "please stop messaging late at night, daytime is fine",
            "Calling during dinner needs to stop — text me tomorrow instead",
            "I blocked you for calls, texts are coming through so keep it here",
            "don't call me at 6am again, anytime after 9 works",
            "Sispann rele m, ou ka voye mesaj",
            "не звоните, смс можно",
            "Hör uff mich aazurufe, schreiwe is gut",
            "please stop texting between 8 and 6, otherwise we're fine",
            "Stop calling. Texts I can do.",
            "fadlan ha i soo wicin, qoraal ii soo dir",
            "אל תתקשרו אליי, רק הודעות",
            "не звоните мне, только смс",
            "message me on WhatsApp instead, I'll reply there. stop the sms",
            "don't text me during work anymore, evenings only",
            "ਰਾਤ ਨੂੰ ਫ਼ੋਨ ਨਾ ਕਰੋ, ਸਵੇਰੇ ਠੀਕ ਹੈ",
            "ফোন করবেন না, শুধু মেসেজ দিন",
            "unsubscribe me from calls but keep getting texts",
            "stop calling please, keep it to text",
            "no more calls at night, weekends only",
            "Stop calling o, text dey fine",
            "e ma pe mi, e kan fi oro ranse nikan",
            "не звоните, напишите сообщение",
            "remove my office line from the call list, use my cell for texts only",
            "quit the calls please, texting I can handle",
            "Patio's off the list for now, just the pool",
            "I'll only reply by text, take me off the call list",
            "stop sending 2 different PDFs, one is enough",
            "quit calling, I'll text you back tonight",
            "I asked you to stop calling before noon and you did it again",
            "stop calling my cell, call the landline after 5",
            "dejen de llamar en la noche, mejor por la mañana",
            "I can't stop laughing at your last message",
            "we can't stop getting these promo texts from everyone, it's crazy",
            "stop calling my office, my cell is fine for texts",
            "arretez de m'appeler svp, par sms c'est mieux",
            "bitte nicht mehr anrufen, schreib mir lieber",
            "phone mat karo, whatsapp pe message karo",
            "para de enrolar y dime cuanto cuesta",
            "Remove what?",
            "did I accidentally opt out? I do want the estimate",
            "no me quiero dar de baja, quiero saber cuanto cuesta",
            "ich möchte mich nicht abmelden, was kostet es",
            "nao quero me descadastrar, quanto fica?",
            "como cancelo la suscripcion despues si no me gusta?",
            "para de llamarme, escribeme mejor",
            "Unsubscribe? no, I meant the newsletter box on your site",
            "Stop?? nope, keep going, what's the price",
            "I don't want to be removed, just slow down a bit",
            "ich will mich nicht abmelden, ich will ein angebot",
            "I'll unsubscribe if I keep getting bots, get me a real agent",
            "the unsubscribe button on your site is broken btw, anyway what's the next step",
            "I opted out of SunRun years ago, what makes yours different",
            "pare de me ligar, prefiro whatsapp",
            "stop blowing up my phone, one text a week is enough",
            "never stop texting me these deals",
            "stop mixing it up, my name is Ana",
            "please don't remove me, just busy till friday",
            "basta de tanto calor, necesito el aire arreglado",
            "unsubscribe me from the newsletter and subscribe me to the sms alerts",
            "dejen de llamarme en la mañana, mejor por whatsapp",
            "phone mat karo, message karo",
            "Stop! no way that price is real",
            "leave me alone for a few days, I'm sick. text me next week",
            "unsubscribe mat karo, price batao",
            "do not disturb is on, call me back in an hour",
            "can I opt out of the premium warranty?",
            "i unsubscribed from vivint a while ago, what would you charge me",
            "stop calling my work number, call my cell instead",
            "stop calling me sir lol, it's ma'am. but yes interested",
            "my husband says stop wasting time, let's book",
            "stop calling every day, texting is all we need",
            "take me off the morning call list, call after 6 instead",
            "basta de llamadas, prefiero whatsapp",
            "stop! just kidding 😂 go ahead and send it",
            "how do I cancel my current alarm service? want to switch to you guys",
            "we're not on the do not call list, call me anytime",
            "close this chat and connect me with a mortgage specialist",
            "remove me from the calls, not the texts",
            "basta de llamadas, mandame un mensaje",
            "si je m'inscris, je peux me desabonner quand je veux?",
            "quit calling, easier if you text me tonight",
            "queria so mudar para de tarde, nao quero cancelar",
            "my budget is 200 a month, no more",
            "wait stop, is this a bot?",
            "can we stop texting and jump on a call tomorrow",
            "फोन मत करो, मैसेज पर बताओ",
            "wait stop, is it really that cheap",
            "stop ringing my cell, I'd rather do this over text",
            "hort auf mit den sms, ruf mich morgen an",
            "parem de mandar mensagem, me liga depois das 5",
            "quit calling, reply to me on here",
            "quit it lol 😂 my kids got my phone",
            "I was about to reply STOP but the price looks good",
            "can you take me off the autodialer? texts work",
            "I was removed from the install schedule by mistake, can you add me back",
            "arretez de m'appeler svp, je prefere les sms",
            "I don't want to chat with a bot, get me someone real",
            "don't call today, I'm slammed. tomorrow works",
            "Stop? who is this, what company",
            "take me off the maybe list, I'm in",
            "dejen de enviarme fotos, solo el precio",
            "how do I opt out of the yearly service contract",
            "remind me to cancel and unsubscribe from spotify",
            "huwag nyo na akong tawagan, text nalang po",
            "Stop, 30 grand?! that can't be right",
            "quit sending the brochures, what's the price",
            "stop sending so many texts",
            "how do I unsubscribe from autopay",
            "can I opt out of the warranty plan?",
            "unsubscribe me from the newsletter but I still want the estimate",
            "I don't want you to stop texting, I'm interested",
            "STOP everything, where do I sign",
            "my boss won't leave me alone today, text me later",
            "stop texting me at 6am please, afternoons are fine",
            "quit calling before 9",
            "my brother told you guys to stop calling him, is he the one who gave you my number?",
            "I told the last guy to stop calling, but I do want to go ahead",
            "Take my number off your call list but keep texting me the updates",
            "Not trying to unsubscribe, I just want to know if a human reads these",
            "Don't take me off the list! I still want the quote",
            "stop - wait no, I mean yes I'm interested",
            "Dejen de llamarme, escríbanme por aquí",
            "Ya dejen de mandar tantos mensajes al día, con uno basta",
            "No me escriban tan temprano por favor",
            "No me den de baja, sí me interesa",
            "Si sale más de 200 al mes mejor ni me escriban, pero dime cuánto es",
            "I almost texted STOP lol but fine, what's the price",
            "I'm not gonna unsubscribe, just tell me the price",
            "I'm not going to block you lol, go ahead",
            "I don't mean stop, I mean slow down",
            "Stop & Shop on Main st has it cheaper",
            "meet me at the bus stop",
            "a friend replied stop on my phone, please ignore that",
            "is it hard to unsubscribe from their billing later?",
            "I'm not opting out, I just can't talk today. Tomorrow?",
            "I unsubscribed from the newsletter by accident, can you add me back",
            "I'm on the do not call list but I don't mind texts from you guys",
            "Please stop calling my cell at 7am. If you need me, text.",
            "take me off hold lol I've been waiting 20 min",
            "I'm blocking off Saturday morning for this, does 9 work?",
            "Stop! That price is insane 😂 way too much for us",
            "stop, you're making me blush 😊",
            "no more calls please, messages are fine",
            "call ke bajaye msg karo please",
            "if you're a bot say \"stop\" lol",
            "unsubscribe me from your monitoring service, I only need the panels",
            "take us off the Thursday install and put us on Friday",
            "remove me from the 3pm appointment, something came up. 5 works",
            "ok I'll stop by the store, remind me to unsubscribe from Hulu. wrong thread sorry",
            "my sister always texts back 'stop' whenever I send her gym selfies lol",
            "Stop? hell no, I want the panels",
            "Remove me from what? I never signed up for anything",
            "got an email saying I unsubscribed?? I never did",
            "does unsubscribe work for the emails too? asking for a friend",
            "I never said stop!! why did you quit texting me, I want my estimate",
            "my son replied STOP lol ignore him, what's the next step",
            "my husband told them to stop calling last year, is this the same company?",
            "stop emailing me please, text is the only way I'll see it",
            "Loved an image",
            "switch me from the monthly plan to the annual one and sign me up for autopay",
            "move us off the standard waitlist and put us on the priority one",
            "why would we unsubscribe lol, we signed up for this. send it",
            "what's the opt out penalty on the lease if we sell?",
            "I do not want to unsubscribe, I want someone to call me",
            "I told the previous roofing company to stop, y'all are fine",
            "unsubscribe me from the phone calls but keep your texts coming",
            "please don't unsubscribe me, my husband wants to look at it",
            "I opted out of Vivint's messages last year, are you them?",
            "Not unsubscribing, just slammed at work. Try me Friday",
            "my sister says stop texting her phone. this one is mine, I want the quote",
            // An hour: "no more" with the channel's noun, or a stop for today only.
            "no more calls before 10am please, afternoons are fine",
            // Something sent, described: "the dead link".
            "quit sending the dead link, just send the right one",
            // Rounds 25 and 26: texts kept as the way to reach the lead; an hour asked for
            // before; one part of the day's texts; a phone's own note; a call swapped in with
            // a time; calls stopped, texts allowed in Spanish; a stop corrected to less.
            "Feel free to quit calling, I won't answer anyway. Texting is the best way to get me",
            "Let's keep this to texting. Enough with the calls already",
            "Take me off the dialer please, I only do text",
            "I told you to stop texting me before 10 and you did it again at 8:40",
            "unsubscribe me from the evening texts, mornings are fine",
            "Auto reply: I'm unsubscribing from my phone for a week, back on the 12th",
            "Quit texting and pick up the phone and call at noon",
            "Dejen de llamarme, pero puede escribirme por aquí",
            "STOP. well, I mean not stop, but slow down, it's a lot",
            // Round 27: Russian hours; Amharic calls stopped, messages invited; copies stopped.
            "Не звоните после 8 вечера, пожалуйста",
            "አትደውሉ፣ መልእክት ብቻ ላኩ",
            "quit sending duplicate texts please, once is plenty",
            // The hour named after an insult.
            "stop calling at midnight you clowns, daytime only",
            // Not asked of us.
            "stop me if you've heard this: a lead, a bot and a roofer walk into a bar",
            "tempted to block you honestly, but I still need the quote",
            "I had to block the last company's number to get them to stop calling",
            "spotify finally let me unsubscribe haha",
            "can I unsubscribe after the inspection is done?",
            "I'm at a funeral, stop calling for today please",
            // The keyword's ability, said of the lead.
            "my sister said you can unsubscribe any time, is that true for the trial too?",
            // The keyword in quotes naming a message.
            "why did I get a \"reply STOP\" message at 6am, I'm awake now anyway",
            // A name: a band, a show.
            "there's a podcast named Stop Texting Me Greg, it's hilarious",
            "please stop... the snow lol jk, we got a foot of it",
            // Somali: calls stopped, a message invited.
            "ha i soo wacin, qoraal ii soo dir",
            // Round 21: the lead's own delay stopped; a block weighed in the past; one hour's
            // list; a choice asked about; the other channel kept alone; a thing off the list;
            // somebody else's channels.
            "mom said stop delaying and sign up already, so yes",
            "I was thinking of blocking you, but nah",
            "take me off the evening call list, mornings are better",
            "is there a way to be removed from the sales list and keep getting the delivery texts?",
            "is there an unsubscribe option for the appointment reminders, or are they required?",
            "remove me from the robocall list, text only please",
            "can removing the extras from the list lower the total?",
            "my roommate unsubscribed me from all his podcasts lmao",
            // The text kept beside a channel we do not use.
            "quit calling my cell, text or email works",
            // Round 22: the other channel invited after a list; a part of the service; somebody
            // else's opt-out, the lead going on; a thing kept from happening; opting out asked
            // about for afterwards; Gujarati calls stopped, messages invited.
            "take me off the phone list and just text",
            "can I opt out of the data sharing part?",
            "my sister opted out of your texts but I still want mine",
            "can I stop it from renewing automatically?",
            "can I unsubscribe from the promo texts afterwards?",
            "ફોન ન કરશો, ફક્ત મેસેજ કરજો",
        ] {
            assert!(limits(t), "{t}");
        }
    }

    #[test]
    fn revocations_are_not_limits() {
        for t in [
            "stop texting me",
            "stop texting and calling me",
            "stop texting me at 7am you morons",
            // Both channels named, neither kept.
            "I no longer consent to any contact from you, by phone or by text",
            "please remove me, I don't want to hear from you via text or call",
            "ya no quiero que me escriban, ni por texto ni por teléfono",
            "stop callin me ur wasting your time lol",
            // Passed on by the writer for the person it names.
            "my grandpa said stop calling him, he's 90 and not buying anything",
            "omg stop texting me",
            "please stop the calls and texts",
            "por que no me dan de baja? ya les dije",
            "no quiero que me escriban mas",
            "je veux me desabonner, combien de fois dois-je le dire",
            "unsubscribe me. don't come back later",
            "Remove me? yes. remove me now",
            "stop blowing up my phone",
            "stop texting me for now",
            "leave me alone for good",
            "do not disturb me again",
            "why don't you remove me already",
            "stop calling me. stop texting me",
            "I'm on the do not call list, stop calling",
            "no more. stop texting me",
            "wait stop texting me",
            "फोन मत करो, मैसेज भी मत करो",
            "hort auf zu schreiben und ruf mich nicht an",
            "I'd rather you stop texting me",
            "until then, don't contact me",
            "I don't want a human or a bot, stop texting",
            "don't text me today or ever again",
            "take me off your list, I'm done",
            "wag nyo na ako itext, wag din tawagan",
            "stop?? stop texting me",
            "don't text me again, remove me",
            "no more calls or texts, thanks",
            "arretez de m'appeler et ne m'envoyez plus de sms",
            "para de mandarme mensajes y dime nada",
            "did I already unsubscribe? why are you still texting",
            "stop what? stop texting me",
            "omg stop",
            "I can't stop these texts, please remove me",
            "please don't call or text me again",
            "text me again and I'll report you",
            "unsubscribe me from everything",
            "stop sending me messages",
            "unsubscribe me from your emails",
            "STOP. not interested",
            "stop it, I said I'm not interested",
            "why won't you leave me alone",
            "do not call, do not text",
            "I'm tired of these texts, stop",
            "stop texting me at all",
            "stop texting, email me instead",
            "I told you to stop texting me",
            "I already told you to stop, but you keep texting",
            "take me off your call list and your text list",
            "no me llamen ni me escriban más",
            "dejen de escribirme, no me llamen",
            "my phone won't quit buzzing with your texts, take me off the list",
            "she asked me to tell you to stop texting her",
            "I won't stop until you remove me",
            "please do not contact me by phone, email, text, carrier pigeon, anything",
            "do not contact me by text",
            "STOP lol",
            "stop texting me lol",
            "Stop. who is this 😂",
            "don't add me back, I meant it",
            "kindly unsubscribe me from this service, regards",
            "wrong number, stop texting me",
            "remove me, I'm busy every Monday and every other day",
            "my wife said stop texting, if I want a quote I'll call you",
            "Stop? yes. STOP",
            "I opted out last week, why are you still texting",
            "I never opted in. stop texting me",
            "I never consented, unsubscribe me",
            "take me off your list and put me on your do not call list",
            "Reacted 👎 to a message. STOP",
            "why would I unsubscribe? whatever, STOP",
            "my dad says stop texting him, this is his phone",
            "I already told the last person to stop. put me on your do not contact list",
            "unsubscribe me from your program",
            "no more messages please",
            "if you text me again I'll say stop to your boss",
            "if you're reading this, I said stop",
            "I clicked the unsubscribe link and your texts keep coming",
            "no me manden mas texts please",
            "this is my dads phone and he says stop texting him",
            "I'm the account holder's mother. She asked that you stop texting her at this number.",
            "stop calling me and texting me",
            "Quit messaging me. Call me never.",
            "Husband here. She asked me to tell you to stop texting.",
        ] {
            assert!(!limits(t), "{t}");
        }
    }

    #[test]
    fn no_wait_and_see_disbelief_or_count_revokes() {
        for t in [
            "text me again next week and we'll see what happens",
            "call me one more time, I missed what you said",
            // Disbelief at a price, not a stop meant.
            "stop lol are you serious? that price is wild",
            // Punjabi: messages arrive every day, nothing asked.
            "roz roz msg aunde yaar",
            // Round 24: a groan at one more message; an oath that is no threat (a guard).
            "again with this?!",
            "text me one more time, I swear I missed the address",
        ] {
            assert!(crate::revocation(&normalise(t)).is_none(), "{t}");
        }
    }

    #[test]
    fn a_complaint_names_no_earlier_stop() {
        assert!(crate::revocation(&normalise("cannot believe I'm still getting these, ugh")).is_none());
        assert!(crate::revocation(&normalise("I said stop and I'm still getting these")).is_some());
        assert!(crate::revocation(&normalise("ok just drop me from your list")).is_some());
        assert!(crate::revocation(&normalise("I'd prefer not to receive any more messages")).is_some());
        // One word among emoji is too little for the learned reader.
        assert!(crate::revocation(&normalise("😤😤 AGAIN??")).is_none());
        assert!(crate::revocation(&normalise("I'm so tired of these texts")).is_none());
        for t in [
            "Ok seriously stop. I don't need a sofa.",
            "I'd appreciate not receiving any more of these",
            "I'd appreciate it if you removed me from the list",
            "consider me opted out",
            "honestly, I'd prefer not to hear from anyone at your company",
            "you really don't quit, huh. consider me unsubscribed",
            "Please don't text me anymore, my phone plan charges me per message",
            "also stop calling me at work, or anywhere else",
            "one more and it gets you blocked",
            "please stop following up with me",
            "block me from your list, thanks",
        ] {
            assert!(crate::revocation(&normalise(t)).is_some(), "{t}");
        }
    }

    #[test]
    fn stop_keywords_in_other_scripts_revoke() {
        for t in ["ΣΤΟΠ", "停止", "İPTAL", "Schtopp!", "JOOJI", "ရပ်ပါ", "הסר", "עצור", "TD"] {
            assert!(crate::revocation(&normalise(t)).is_some(), "{t}");
        }
    }

    #[test]
    fn a_name_is_not_a_keyword_typo() {
        assert!(crate::revocation(&normalise("my sister's band is The Unsubscribers, come see them")).is_none());
        assert!(crate::revocation(&normalise("pls unsubscibe me")).is_some());
    }
}
