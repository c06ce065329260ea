//! The shipped corpus, scored: opt-out must be found every time and never invented; intent
//! quality must not regress. Every file here has become tuning data: the rules were written
//! against dev and test, and each held-out file's misses were fixed (as phrase families, never
//! as their sentences) after it was first scored. Their figures are a regression guard; the
//! honest estimate is each file's first score, recorded below and in docs/benchmarks.md.

use nlu::{Labelled, evaluate};

fn corpus(name: &str) -> Vec<Labelled> {
    let path = format!("{}/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    nlu::parse_corpus(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|(line, e)| panic!("{path}: line {line}: {e}"))
}

#[test]
fn opt_outs_are_never_missed_and_never_invented() {
    for name in ["dev.jsonl", "test.jsonl"] {
        let e = evaluate(&corpus(name));
        assert!(e.opt_out.recall >= 1.0, "{name}: {:?}", e.opt_out);
        assert!(e.opt_out.precision >= 0.99, "{name}: {:?}", e.opt_out);
    }
}

#[test]
fn intent_quality_does_not_regress() {
    // Both 1.0 when the thresholds were set.
    let dev = evaluate(&corpus("dev.jsonl"));
    assert!(dev.messages >= 220 && dev.macro_f1 >= 0.99, "dev: {} {:?}", dev.macro_f1, dev.errors);
    let test = evaluate(&corpus("test.jsonl"));
    assert!(test.messages >= 130 && test.macro_f1 >= 0.99, "test: {} {:?}", test.macro_f1, test.errors);
}

/// `holdout.jsonl` (180 replies) was written by someone who never saw the rules, after they
/// were tuned. Measured when first scored: macro-F1 0.921, opt-out precision 0.962 and recall
/// 0.962 (one revocation missed, "no. no. no. stop calling me", where the "no" before "stop"
/// was read as a negation across sentences; and one call-only stop read as a revocation). The
/// 2026-11-22 detector work fixed both as classes (clause boundaries, channel limits), so it is
/// no longer a clean held-out set: it scored 0.937 / 1.0 / 1.0 on the rules, and macro-F1 1.0
/// since the intent model (trained on it) was wired in; it is held at 0.97.
#[test]
fn held_out_figures_do_not_regress() {
    at_least("holdout.jsonl", 180, 0.97, 1.0, 1.0);
}

/// `name` has `messages` lines and scores at least these figures.
fn at_least(name: &str, messages: usize, macro_f1: f64, recall: f64, precision: f64) {
    let e = evaluate(&corpus(name));
    assert_eq!(e.messages, messages, "{name}");
    assert!(e.macro_f1 >= macro_f1, "{name}: {} {:?}", e.macro_f1, e.errors);
    assert!(e.opt_out.recall >= recall, "{name}: {:?}", e.opt_out);
    assert!(e.opt_out.precision >= precision, "{name}: {:?}", e.opt_out);
}

/// The blind sets, each written by a helper who was shown neither the rules nor any corpus:
/// - `blind.jsonl` (400 replies, 130 revocations, weighted to hard cases). First scored
///   macro-F1 0.747, opt-out precision 0.833, recall 0.808. Its misses were then fixed as
///   classes (other languages, indirect and legal wording, channel and content limits).
/// - `blind2.jsonl` (400 replies, 125 revocations, realistic mix), written before that work
///   and scored once after it, untouched: macro-F1 0.802, opt-out precision 0.966, recall 0.904
///   (12 missed, 4 false). That is the honest estimate of the detector on unseen text; its
///   misses were then fixed as classes too.
/// - `blind3.jsonl` (400 replies, 120 revocations, about 60 look-alikes), written at the start
///   of the next session and scored once on the detector as blind2 left it: macro-F1 0.741,
///   opt-out precision 0.877, recall 0.892 (13 missed, 15 false), so blind2's tuning did not
///   carry to new text. Its misses were fixed as classes (Spanish, French, Polish, Hindi,
///   Tagalog, Vietnamese and Chinese wordings; reported and past stops, one list only, price
///   conditions, and the Spanish limits); "block. delete. bye." is still missed.
///
/// - `blind4.jsonl` (400 replies, 125 revocations, 75 look-alikes, 85 lines in 14 languages
///   other than English), written at the start of the 2026-11-23 session and scored once on the
///   detector as blind3's tuning left it: macro-F1 0.732, opt-out recall 0.976, precision 0.924
///   (3 missed, 10 false). The learned reader (`nlu::learned`, trained on the six earlier files,
///   its threshold set before the scoring) as the rules' second reader scored recall 0.992 at
///   precision 0.925 on it: the first blind set on which recall reached the 0.99 target. Its
///   misses ("dnc", "sto p", Spain's "dejad de") and false revocations (quoted and reported
///   stops, "non-stop", another company's past, negated stop verbs in Spanish, Italian,
///   Portuguese and French) were then fixed as classes, and it joined the learned reader's
///   training files.
/// - `blind5.jsonl` (400 replies, 60 revocations, 40 look-alikes, 80 lines in other languages,
///   at least 22 of each intent), written later the same session and scored once on the rules
///   with the learned reader as blind4's tuning left them: macro-F1 0.784, opt-out recall 0.983,
///   precision 0.952 (1 missed, "please don't reach out to me anymore by phone or text", where
///   "by phone" read as an invitation; 3 false: "not gonna quit on this", "stop sending me to
///   voicemail", and "Received", a single word the learned reader was sure of). Those were fixed
///   as classes (a stop carried by "anymore", giving up on something, voicemail as content, no
///   learned verdict on one word) and it joined the reader's training files.
/// - `blind6.jsonl` (400 replies, 80 revocations, about 50 look-alikes, at least 24 of each
///   intent), written at the start of the 2026-11-23 (second) session and scored once on the
///   classifier with the learned intent model wired in, before any tuning on it: macro-F1 0.846
///   (the rules alone 0.734), opt-out recall 0.975, precision 0.867 (2 missed: Hindi "mat
///   karna", "remove my #"; 12 false: a stop of the automation with a person asked for, texting
///   declared fine with the stop about calls, "what happens if I reply stop?", a phone's
///   Do-Not-Disturb auto-reply, "don't stop believin'", "no need to remove me", "my wife said to
///   unsubscribe but I want the quote", and two complaints its writer labelled frustration
///   that we read as revocations: "This is harassment at this point" and "Why won't you people
///   stop texting me?"). The first ten were fixed as classes; the last two are kept as
///   revocations (a compliance call: a reasonable reader takes them as "stop"), so it is held
///   at precision 0.97.
/// - `blind7.jsonl` (400 replies, 60 revocations, about 30 look-alikes, 80 lines in 16 other
///   languages, a realistic mix), written later the same session and scored once on the
///   classifier as blind6's tuning left it: **macro-F1 0.898** (the rules alone 0.768), opt-out
///   recall 0.983, precision 0.967 (1 missed, Ukrainian; 2 false: "you can keep texting but
///   please stop calling my cell", "you guys keep blowing up my phone while I'm at work"). Those
///   were fixed as classes (Ukrainian; "keep texting" as texting kept; "blowing up my phone" a
///   complaint unless told to quit or stop).
/// - `blind8.jsonl` (400 replies weighted to the opt-out decision: 120 revocations, 60 hard
///   look-alikes, Somali, Amharic and Farsi among 17 other languages), written later the same
///   session and scored once on c997f07's classifier: macro-F1 0.895, opt-out recall 0.942
///   (7 missed), precision 0.974 (3 false). Fixed as classes: "stop the texts" (a determiner
///   before what is stopped; not "does … also stop the texts?"), a keyword then a new clause
///   ("please stop i am at work", "STOP I already bought one"), "all texts pls" (courtesy, not
///   an invitation), Farsi, Somali and Amharic; phone reactions quoting our message
///   (`Emphasized “Reply STOP to opt out”`), "how do I unsubscribe later, just asking", and
///   "what happens if I text STOP?".
/// - `blind9.jsonl` (400 replies: 110 revocations, 27 in 21 other languages; 70 hard
///   look-alikes), written in the next session and scored once on a5200a3's classifier:
///   **macro-F1 0.902**, opt-out recall 0.882 (13 missed: 10 in languages the tables did not
///   have — Hindi in Devanagari, Turkish, Dutch, Indonesian, Thai, Greek, Hebrew, Swahili,
///   Romanian — and "retirez mon numéro"; "if you stopped sending me messages"; "remove his
///   number"; "he asked me to tell you to stop texting him"), precision 0.933 (7 false). Fixed
///   as classes: those languages and Urdu, Bengali, Punjabi, Gujarati, Czech, Swedish,
///   Norwegian, Danish and Hungarian with them (Thai's marks and the Indic viramas now stay
///   inside a word); a polite "if you stopped"; a number removed for its owner; a request passed
///   on ("asked me to tell you to stop"); and, not revocations, "I almost replied STOP", the
///   lead's own refusal to leave ("I'm not going to unsubscribe but…", "I don't mean
///   unsubscribe"), a stop that is a thing ("Stop & Shop", "the bus stop"), another company's
///   billing, and a STOP someone else sent with "please ignore that".
/// - `blind10.jsonl` (400 replies: 110 revocations, 37 in 35 other languages; about 70 hard
///   look-alikes), written in the session after. Before scoring it, the language tables took
///   some 50 more languages (Finnish, Lithuanian, Tamil, Telugu, Malayalam, Marathi, Nepali,
///   Khmer, Burmese, Lao, Hmong, Yoruba, Catalan, Albanian, Croatian among them), carons and
///   combining accents were folded, and Arabic, Farsi and Russian typed in Latin letters were
///   added. The request to its writer named candidate languages, and most of those tables were
///   written from the same list, so its language figures are kinder than an unforeseen set's.
///   Scored once on that classifier: **macro-F1 0.902**, opt-out recall 0.918 (9 missed: Finnish
///   "älkää enää", Yoruba with a noun between, Telugu with a zero-width non-joiner,
///   Lithuanian's infinitive, Ukrainian's, a Tagalog number removal, "removeme", "take it out of
///   your system", "do not contact me by phone, email, text… anything"), precision 0.927 (8
///   false: "I'm not opting out", "add me back", "I don't mind texts", "if you need me, text",
///   "take me off hold", "blocking off Saturday", and a laughing "Stop! That price is insane
///   😂" or "stop, you're making me blush"). Fixed as classes.
/// - `blind11.jsonl` (400 replies: 100 revocations, 33 in other languages its writer chose
///   without a list from us; about 70 look-alikes), written 2026-11-23 in the fifth session.
///   Scored once on blind10's classifier: **macro-F1 0.908**, opt-out recall 0.96 (4 missed: a
///   leading "Stop." read as a cheer because "didn't sign up" holds "sign up",
///   "stopmessagingme" and "takemeoffyourlist" typed as one word, Levantine Arabic in Latin
///   letters), precision 0.99 (1 false: Vietnamese "don't call, just text", which the tables
///   read as a revocation against the rule that "don't call" alone is a channel preference).
///   Fixed as classes: a denied sign-up is no cheer, any English revocation run together into
///   one word, more Arabizi, and Vietnamese "don't call" taken out of the tables.
/// - `blind12.jsonl` (400 replies: 100 revocations, about a third in other languages its writer
///   chose; about 70 look-alikes), written 2026-11-23 in the sixth session. Scored once on
///   blind11's classifier: **macro-F1 0.892**, opt-out recall 0.93 (7 missed: "quitt", Egyptian
///   and Korean typed in Latin letters, Hindi "don't do message", Turkish "remove me from your
///   list", "if this were the last message I receive", "unsubscribe me from this service" read
///   as another subscription), precision 0.969 (3 false: "no more calls please, messages are
///   fine", Hinglish "instead of calls, message", "if you're a bot say stop"). Fixed as classes.
/// - `blind13.jsonl` (400 replies: 100 revocations, 34 in some 25 languages its writer chose;
///   77 look-alikes), written 2026-11-23 in the seventh session and kept out of the tuning data
///   until the eighth. Scored once on blind12's classifier: **macro-F1 0.936**, opt-out recall
///   0.96 (4 missed: pinyin and Russian in Latin letters with a pronoun or "again" between a
///   phrase's parts, Arabizi spelled with other vowels, US Spanish "texteen"), precision 0.97
///   (3 false: a friend's quoted stop aimed at the lead's own messages, "remove me from the
///   Monday slot", and a message its writer said was meant for another chat). Fixed as
///   classes (fillers between a phrase's parts, any vowels in Arabizi's "don't send me",
///   "textear", quoted stops aimed at the lead, bookings moved, misdirected messages).
/// - `blind14.jsonl` (400 replies: 100 revocations, 34 in other languages its writer chose;
///   about 70 look-alikes), written 2026-11-23 in the ninth session and scored once on the
///   classifier as blind13's fixes left it: **macro-F1 0.909, opt-out recall 0.99** (1 missed,
///   Levantine Arabic in Latin letters), **precision 0.908** (10 false: a keyword asked back and
///   refused, "… from what?", an opt-out denied, a question about which keyword works asked
///   for somebody else, "I never said stop! why'd y'all quit texting me", a child's STOP with
///   "ignore him", "she told them to stop" about another company, a plan waitlist swapped,
///   email stopped with texting kept, and a phone's "Reacted 😮 to a message" notice, which
///   the learned reader read at 0.95). Fixed as classes.
/// - `blind15.jsonl` (400 replies: 100 revocations, about a third in other languages its
///   writer chose; about 80 look-alikes, short answers naming people among them), written
///   later in the ninth session and scored once on blind14's classifier: **macro-F1 0.879,
///   opt-out recall 0.96** (4 missed: Tamil with its long vowels doubled, Gulf "ma3ad tb3at…",
///   Hebrew in Latin letters, Dutch "haal mijn nummer uit"), **precision 0.897** (11 false:
///   "why would I unsubscribe", an opt-out fee and opting out of a loan, "I don't want to
///   unsubscribe", another company told to stop, "unsubscribe me from the calls, keep the
///   texts coming", "don't unsubscribe me, my wife wants…", another company's texts
///   unsubscribed from, "Not opting out, just busy", "my mom says stop texting her number. this
///   is mine", and "is this the same company I told to stop texting me last year?"). The first
///   ten were fixed as classes; the last is kept as a revocation (a stop the lead may have told
///   us, honoured), so it is held at precision 0.99.
/// - `blind16.jsonl` (400 replies: 100 revocations, about a third in other languages its
///   writer chose; about 80 look-alikes), written 2026-11-24 in the tenth session and scored
///   once on blind15's classifier: **macro-F1 0.91, opt-out recall 0.98** (2 missed: Arabizi
///   "don't go back to sending me" with its vowels spelled another way, and a stop at one hour
///   said with an insult, "stop messaging me at 6am you idiots"), **precision 0.961** (4 false:
///   "omg stop 😂" at a meme, "I can't stop getting the same message", "stop the calls, I'll
///   answer texts", "quit texting and call my cell"). Fixed as classes.
/// - `blind17.jsonl` (400 replies written the same way, shorter and typed as phones type:
///   100 revocations, about 80 look-alikes), written the same day and scored once after
///   blind16's fixes: **macro-F1 0.916, opt-out recall 0.98** (2 missed: "please stop all
///   calls and texts", where "and texts" read as an invitation, and French "veuillez cesser
///   toute communication"), **precision 0.933** (7 false: "did I unsubscribe by accident?",
///   "Stop what?", "this cell is fine for texts", and calls stopped with texts invited in
///   French, German and Hindi, and Portuguese "pare de enrolar" (stop stalling)). Fixed as
///   classes.
///
/// - `blind18.jsonl` (400 replies, its writer asked for the hardest to judge: 100 revocations,
///   about 80 look-alikes, in English and other languages) and `blind19.jsonl` (400, a
///   realistic mixture: 100 revocations, about 60 look-alikes), written the same day and scored
///   once each on 2a62a84. blind18: **macro-F1 0.845, opt-out recall 0.96** (4 missed: Dutch
///   "mij niet meer te sms'en", Levantine "la tersel", Moroccan "ma tb9ach tsift", "dont hit my
///   line again"), **precision 0.881** (13 false: a keyword asked back and answered "absolutely
///   not", "I don't want to be removed", German "nicht abmelden" with an appointment asked, a
///   conditional "I'll unsubscribe if…" beside a person asked for, a broken unsubscribe link,
///   another company's unsubscribe compared, Portuguese "prefiro mensagem", "one text a week is
///   plenty", "never stop texting me", "stop getting it wrong", "don't remove me", "Basta, ya
///   entendí" with a price asked, "unsubscribe me from the bot, subscribe me to a human").
///   blind19: **macro-F1 0.886, opt-out recall 0.99** (1 missed: "texting STOP since apparently
///   that's what it takes"), **precision 0.908** (10 false: "ya basta de calor", "mejor por
///   mensaje", "Remove? no I said REMOVAL", Hinglish "message karo", "Stop! … what's the
///   catch?", a week's pause with the next contact named, Hinglish "unsubscribe nahi karna", a
///   Do Not Disturb explained, calls five times a day, an extended warranty). Fixed as classes.
///
/// - `blind20.jsonl` (400 replies, a representative day of traffic: 100 revocations, about 70
///   look-alikes) and `blind21.jsonl` (400, written as a TCPA litigation consultant would:
///   100 revocations, about 80 look-alikes), written the same day and scored once each on
///   52a96cc. blind20: **macro-F1 0.915, opt-out recall 0.99** (1 missed: Urdu "don't send me
///   more messages"), **precision 0.961** (4 false: the annual maintenance plan opted out of,
///   a gym unsubscribed from, Tagalog "don't call me, just text", "Stop, $40k??"). blind21:
///   **macro-F1 0.956, opt-out recall 1.0, precision 0.98** (2 false: Netflix unsubscribed
///   from, the Tagalog swap again), the first unseen set to meet the recall and precision
///   targets at once. Fixed as classes.
///
/// - `blind22.jsonl` (400 replies from a diverse customer base, 100 revocations, about 70
///   look-alikes) and `blind23.jsonl` (400, written by an adversarial tester: 100
///   revocations, about 80 look-alikes), written the same day and scored once each on
///   1b52bf6. blind22: **macro-F1 0.927, opt-out recall 0.99** (1 missed: Polish "nie wysyłać
///   mi więcej wiadomości"), **precision 0.971** (3 false: French "je préfère les textos" and
///   Arabic "الرسائل أفضل" after a call stopped, "I don't want to text a robot, give me someone
///   real"): both targets met. blind23: **macro-F1 0.925, opt-out recall 0.98** (2 missed: "no
///   need to text us anymore", "Do not follow up"), **precision 0.951** (5 false: Spanish
///   "dejen de mandarme links que no abren", the robot refused again, "Don't text tonight…
///   Tomorrow works", "Unsubscribe? … What company is this?", "Take me off the 'maybe' list,
///   I'm a yes"). Fixed as classes.
///
/// - `blind24.jsonl` (400 replies sampled across texting styles, dialects and code-switching:
///   100 revocations, about 70 look-alikes) and `blind25.jsonl` (400, a month of a call
///   center's replies: 100 revocations, about 70 look-alikes), written the same day and
///   scored once each on 63a8f19. blind24: **macro-F1 0.902, opt-out recall 0.92** (8 missed:
///   "quit hittin my phone", "until then, don't contact me" read as a pause, Irish, Welsh, two
///   Levantine Arabizi forms, Hinglish "stop karo … call bhi mat karna", "you are not to
///   contact me at this number going forward"), **precision 0.968** (3 false: "quit calling,
///   answer me on here", "Quit it Jake 😂", "I was about to hit unsubscribe but…"). blind25:
///   **macro-F1 0.952, opt-out recall 1.0, precision 0.952** (5 false: "I'd rather do this by
///   text", German and Portuguese texts stopped with a call asked for, the autodialer with
///   texting kept, removed from an install waitlist). Fixed as classes.
///
/// - `blind26.jsonl` (400 replies audited across an agency's campaigns, many from customers
///   whose first language is not English) and `blind27.jsonl` (400, written for many kinds of
///   texter), written the same day and scored once each on b70dc59. blind26: **macro-F1
///   0.938, opt-out recall 0.99** (1 missed: "ARRET", Canada's French keyword), **precision
///   0.961** (4 false: "Basta de llamadas, mándenme un texto", "est-ce que je peux me
///   désabonner n'importe quand?", "Quit texting, easier if you call me tomorrow", Portuguese
///   "para de manhã" (for the morning)). blind27: **macro-F1 0.935, opt-out recall 1.0,
///   precision 0.952** (5 false: "$150 a month max, no more", "Wait, stop — am I talking to
///   an AI?", "stop texting back and forth and just hop on a call", Hindi "कॉल मत करो, मैसेज पर
///   ही बात करो", "Wait stop, is it really $38k?"). Fixed as classes.
///
/// - `blind28.jsonl` (400 replies, a compliance review sample) and `blind29.jsonl` (400, a
///   platform's random sample across five countries), each 100 revocations and about 70
///   look-alikes, written the same day and scored once each on 6f447ce. blind28: **macro-F1
///   0.937, opt-out recall 1.0, precision 0.98** (2 false: "End this chat and connect me with a
///   loan officer", "Unsubscribe me from the calls, not the texts"): both targets met.
///   blind29: **macro-F1 0.914, opt-out recall 0.98** (2 missed: Urdu "… بھیجنا بند کریں", Scots
///   "take us aff yer list"), **precision 0.899** (11 false: "stop wasting time", "stop calling
///   me Mike", "arrêtez de m'appeler Monsieur", "texting is all I need", "call after 5 instead",
///   "not on any do not call list", "just kidding 😂", stopping one's current service to switch
///   to us, another company unsubscribed from with our price asked, "text this cell instead",
///   "prefiero texto"). Fixed as classes.
/// - `blind30.jsonl` (a Medicare and final-expense call center, older leads, relayed by family),
///   `blind31.jsonl` (immigrant communities, many scripts), `blind32.jsonl` (a QA engineer
///   hunting false positives) and `blind33.jsonl` (a week of slang-heavy solar, roofing and
///   auto-loan texts), 400 replies each with 100 revocations, about a third of them in other
///   languages, and 60 to 80 look-alikes; written 2026-11-24 and scored once each on 4f2f67e.
///   First scores (macro-F1, opt-out recall, precision): blind30 0.868, 0.96, **0.865**;
///   blind31 0.864, 0.98, 0.933; blind32 0.906, 0.96, 0.897; blind33 0.922, 0.98, 0.916. None
///   met either opt-out target. Missed: calls stopped with "any more" in Spanish ("ya no me
///   llamen", "no me llamen más"), Portuguese "parem de me ligar", Russian, Serbian, Armenian and
///   Chinese ("别再打电话"), the Brazilian keyword SAIR, a relayed "does not want to be
///   contacted by text or phone", "quit calling me 5 times a day… Done." False (41): stops only
///   mentioned (advice somebody else gives, somebody else's act, the keyword as a word, the way
///   out asked about, our footer quoted, a step not taken, a removal said to be unneeded),
///   contact moved to another number, hour or channel, "stop" as "hold on", a person asked for
///   off the bot, pauses with the lead's own return, Spanish complaints about repeated
///   questions, "bitte nicht abmelden". Fixed as classes, most by one clause-by-clause reading
///   of mentioned stops (`limits::mentioned`). "Quitting time!! 🍻" (blind31), read by the
///   learned reader at 0.92, was left to retraining (the reader also recovers two-word
///   revocations the rules lack, "shove off", "sod off", so two-word messages stay in its
///   reach); retrained with these four sets, it reads it below its threshold. The retraining
///   also lost blind22's "Please don't text me after this one" (0.90 before), so "after this",
///   "after today" now end contact for good in the rules rather than restrict the hours.
/// - `blind34.jsonl` (an analyst's realistic mixture), `blind35.jsonl` (Canada, the UK, Ireland,
///   Australia and New Zealand, Canadian French), `blind36.jsonl` (a compliance officer's
///   borderline cases) and `blind37.jsonl` (debt relief, loan and legal campaigns, long and
///   emotional), 400 replies each, 100 revocations, written the same day and scored once each
///   on d28f901, after blind30–33's fixes. First scores (macro-F1, recall, precision): blind34
///   0.952, **1.0**, 0.952; blind35 0.903, 0.97, 0.907; blind36 0.923, **0.99**, 0.961; blind37
///   0.891, 0.94, 0.931. Recall met on two, precision on none. Missed: Australian "rack off",
///   Quebec French ("appelez-moi pu jamais", "lâchez-moi patience"), "no calls no texts no
///   emails", "f*** off", "quit calling my phone 10 times a day!!!" (a count read as a
///   frequency limit), a stop at work with a lawyer threatened, Chinese "停止聯絡", Egyptian
///   "بطلوا تبعتولي", Norwegian "slutta å sende". False (30): more mentioned stops (our footer
///   asked about, "why did I get a 'you have been unsubscribed' text?", a stop sent to another
///   company, a slip taken back, "ignore my husband's stop text", a question about something
///   else that stops, the DNC list named with the lead asking on, advice reported as "I should
///   block you", a relayed stop overruled by the lead), contact moved ("ring me", Polish
///   "zadzwońcie"), Quebec "arrête pas de m'écrire", Hinglish "band mat karna", "Stop! that's
///   amazing", French and Spanish complaints about repeated requests or memes. Fixed as classes,
///   most in `limits::mentioned`. Kept: "Did you unsubscribe me from the PTA newsletter like I
///   asked?" (blind34), a message meant for somebody else that names no other chat.
/// - `blind38.jsonl` (a month's representative sample), `blind39.jsonl` (a linguist's many
///   languages and near-misses), `blind40.jsonl` (a year of escalated complaints) and
///   `blind41.jsonl` (home services, terse and mid-conversation), 400 replies each, 100
///   revocations, written the same day and scored once each on 8a0650d, after blind34–37's
///   fixes. First scores (macro-F1, recall, precision): blind38 0.953, **0.99, 0.99**; blind39
///   0.936, **0.99**, 0.925; blind40 0.915, **0.99**, 0.934; blind41 0.93, **1.0, 0.98**. Both
///   targets met on blind38 and blind41, recall on all four. Missed: "cease all communication
///   with me by phone and text" (read as texts invited), Tagalog "wag nyo na ko i-text",
///   "BASTA de llamarme". False (16): the lead's own doing stopped ("stop answering these
///   companies"), words said to the lead reported ("my boss just said 'leave me alone' to
///   me"), a threat over the service ("I'll report you to the BBB if … my gutter"), a block
///   threatened out of too little contact, "do NOT put me on your do not call list", the DNC
///   registry named by a lead who wants the quote, our footer acknowledged ("got it 👍"),
///   "stop sending the quote to my old email", contact moved ("позвоните вечером", "envoyez-moi
///   plutôt un SMS", "pode mandar só mensagem", Chinese "直接打电话给我", email stopped with SMS
///   invited, "don't text, call.", "texting me is better"), and "Paano mag-unsubscribe?" from a
///   lead still interested. Fixed as classes. Kept: "Stop! Hammer time 🔨" (blind39, read as
///   the song since round 11) and "Please unsubscribe me from the PTA email list Karen"
///   (blind40, meant for somebody else).
/// - `blind42.jsonl` (a realistic mixture), `blind43.jsonl` (an adversarial tester),
///   `blind44.jsonl` (the replies hardest to judge) and `blind45.jsonl` (dialects and
///   code-switching), the personas that gave the lowest first scores before, 400 replies each,
///   100 revocations, written the same day and scored once each on daa0c3b. First scores
///   (macro-F1, recall, precision): blind42 0.947, 0.97, 0.951; blind43 0.919, **0.99**, 0.943;
///   blind44 0.918, 0.97, 0.942; blind45 0.955, 0.96, **0.99**. Neither target met on all of
///   one set. Missed: a bare "don't call me." (until then read as a channel preference; the
///   writer, like a reasonable reader, took it as a revocation, so a bare stop of the calls
///   with nothing else said now revokes), "I'd appreciate it if I never heard from your company
///   again", French "ne m'appelez plus jamais", Italian "smettete di chiamarmi", "next text I get
///   from you I'm suing", "you can stop following up now", "I said no. Stop asking.", typed-fast
///   "sttop textign me" and "stop ringin me", Swiss German "hört uf", Welsh "peidiwch â fy
///   ffonio". False (21): a reported promise about a waitlist, "how does the unsubscribe thing
///   work if I want to stop later?", another company's past ("the last company wouldn't leave
///   me alone"), a phone menu's "press 9 to unsubscribe", "autocorrect that to unsubscribe",
///   "leave me alone with the calls, just text", Russian "пишите в смс", French "arrête de me
///   vouvoyer", "the DNC registry stuff doesn't apply here", Spanish "no quiero que me quiten de
///   la lista", "put a human on", "stop 😂😂 that's hilarious", switching providers in Spanish,
///   "Remove? Remove what?", "I'm not gonna tell you to stop texting", "unsubscribe me from
///   calls only, not texts", "something I can't quit". Fixed as classes.
/// - `blind46.jsonl` (short, as phones type), `blind47.jsonl` (a TCPA litigation consultant),
///   `blind48.jsonl` (second-language customers) and `blind49.jsonl` (an auto dealership and a
///   dental group), 400 replies each, 100 revocations, written the same day and scored once
///   each on 83885cf. First scores (macro-F1, recall, precision): blind46 0.974, **1.0, 0.99**;
///   blind47 0.95, **0.99, 0.98**; blind48 0.931, **1.0**, 0.962; blind49 0.928, 0.97, 0.942.
///   Both targets met on blind46 and blind47. Missed: "take me off your texting list, and no
///   calls either" (read as one list kept), "remove my husband's number and mine from your …
///   list" (the list ten words on), "stop texting me at 7am, i'm done, remove me" (read as an
///   hour), Hindi "बंद करो ये मैसेज". False (17): a typo'd keyword quoted, "stop this leak … can
///   you come tomorrow?", own stops taken back ("changed my mind", "sorry I said stop … I was
///   mad", "my daughter replied stop … keep me"), "remove my email from the list, just text
///   me", "my lawyer said stop talking to insurance", "DNC lawsuits" and a company that keeps
///   calling, "Stop! Don't sell it", "bitte nicht abmelden, … weiter Erinnerungen", "what
///   happens if I text stop" without a question mark, "blocked … by accident, just unblocked
///   it", a child overheard yelling "stop texting mom". Fixed as classes.
/// - `blind50.jsonl` (a mortgage lender's quarterly QA sample), `blind51.jsonl` (a Florida and
///   Texas home-insurance agency: Spanish, Spanglish, Haitian Creole, Vietnamese),
///   `blind52.jsonl` (a linguist's polite, indirect and sarcastic refusals) and `blind53.jsonl`
///   (an online college's young leads), 400 replies each, 100 revocations, written 2026-11-24 in
///   the twelfth session and scored once each on 6a0eabf. First scores (macro-F1, recall,
///   precision): blind50 0.906, **1.0**, 0.926; blind51 0.864, 0.96, **0.98**; blind52 0.935,
///   0.98, **0.98**; blind53 0.924, 0.97, 0.942. Neither target pair met on any. Missed (9): a
///   bare "Nope. Do not call." (no "me"), a request passed on in Spanish's third person ("mi
///   esposo dice que ya no le manden textos", twice), one from a writer who says she is the
///   lead's wife ("this is his wife, he said to stop contacting him"), Haitian Creole "sispann
///   rele", Vietnamese "đừng gọi số này nữa", Greek "μη μου ξαναστείλετε", Tagalog "huwag na
///   kayong tumawag", Hindi with "your list" inside the phrase. False (19): texts kept in "fine
///   with texts", removals asked about for later ("… if I ask?", "a do not call list I could
///   get on later"), refusals without a subject or with "wanna" ("don't want to unsubscribe",
///   "I don't need you to take me off anything"), the lead's own story ("last time … I couldn't
///   unsubscribe", "I unsubscribed from the other lender's emails"), an hour in "stop blowing up
///   my phone in the morning, afternoons work better", song titles, "spam-level texting", and
///   four the learned reader read into descriptions ("my phone won't stop buzzing", "[This
///   message was deleted]", "your last message was cut off", "do yall ever take a day off from
///   texting"). Fixed as classes. The learned reader also read "ur spamming fr" (labelled
///   frustration); after retraining on these sets it no longer does.
/// - `blind54.jsonl` (a solar installer's month in Arizona and Nevada), `blind55.jsonl` (a
///   health-insurance broker at open enrollment: Chinese, Korean, Arabic, Russian, Portuguese),
///   `blind56.jsonl` (a debt-settlement firm's stressed, long messages) and `blind57.jsonl` (a QA
///   tester's short borderline cases), written the same day and scored once each on 0b5cb17.
///   First scores: blind54 0.947, **0.99**, 0.943; blind55 0.889, 0.97, 0.924; blind56 0.928,
///   **1.0**, 0.952; blind57 0.957, **0.99**, 0.952. Missed (5): "Not interested. Please take
///   me off your calling list" (the "not" of "not interested" read as the texts spared),
///   Cyrillic "СТОП", Russian "больше не беспокоить", French "merci de retirer ce numéro",
///   Chinese "从你们的名单上删除". False (24): contact moved to another line or hour with
///   "instead" six words on or "while I'm at work", texts kept in "you can text" and "I prefer
///   texting", our footer named as a thing ("your 'reply STOP' footer"), an outsider's STOP
///   ("my friend replied STOP to you guys"), what somebody said we would do ("said you'll stop
///   texting once I enroll"), worries, somebody else's list, the cost of unsubscribing, jokes
///   ("unsubscribe from cat ownership 😹"), questions without a mark ("Is the unsubscribe
///   message automated …") or after "or", a practice other than contact called illegal, and "your
///   message cut off again". Fixed as classes. Four stay: three threats over the next text
///   ("I'm about ready to block you guys", "If I get one more text I'm unsubscribing", "one more
///   text away from blocking you"), which we read as revocations, and "Stop texting me and email
///   me instead" (texts revoked; email is not a channel we send on).
/// - `blind58.jsonl` (pest control and HVAC in the US South), `blind59.jsonl` (a car-insurance
///   comparison site, many languages mixed with English), `blind60.jsonl` (a compliance
///   officer's arguable replies) and `blind61.jsonl` (a senior-living community, adult children
///   writing for parents), written the same day and scored once each on ecf757e. Their writers'
///   brief also spelled out two of our conventions the earlier writers had split on: a threat
///   over further contact revokes, and so does stopping texts while asking for email. First
///   scores: blind58 0.942, 0.98, **0.98**; blind59 0.947, **1.0, 0.99**; blind60 0.954, **1.0,
///   0.98**; blind61 0.915, **0.99, 0.971**: both targets on three of the four. Missed (3):
///   "don't send anything else to this number" and "please don't send more" (sending was no
///   contact verb), Spanish "deje de llamar a mi padre". False (7): texts kept with fillers
///   ("Texting me here is totally fine") or "in writing", another line offered ("use my cell
///   after 5 instead"), "get me off this robot and onto a human", the way out described ("keeps
///   texting until you say stop"), the lead's own habit ("I want to stop putting this off"),
///   another app's unsubscribe button, "I didn't unsubscribe because I do want info". Fixed as
///   classes.
/// - `blind62.jsonl` (a Midwest roofer's storm season), `blind63.jsonl` (a tax-relief firm's
///   anxious, formal leads), `blind64.jsonl` (a gym chain's terse, sarcastic leads) and
///   `blind65.jsonl` (a bilingual dental network, Spanish and English switched mid-message),
///   written the same day with the same brief and scored once each on 1db39f4. First scores:
///   blind62 0.927, 0.97, **0.97**; blind63 0.951, **1.0**, 0.952; blind64 0.928, **0.99**,
///   0.961; blind65 0.952, 0.98, **0.99**: neither target pair met on any. Missed (6): Polish
///   "nie dzwońcie do mnie więcej", Somali "iga jooji", "this is my dad's phone, he says stop
///   messaging him", "I'm blocking this number if I get another one" (read as a threat over
///   the service), Spanish "deja d mandarme" and "Ya les dije que no. Dejen de escribirme" (the
///   "no" of the first sentence read as negating the second). False (13): song titles with "🎤"
///   or "stuck in my head", a worry about never getting "off your call list", "you unsubscribed
///   me … by mistake", "do you take me off the lead list automatically once I join?", a yes with
///   "I need this to stop, the letters keep coming", somebody else's list ("the IRS collections
///   list", which also settles blind34's and blind40's PTA lists), "the kind where you reply
///   STOP?", another company's auto-reply with its footer, Spanish "no para de sonar" (it
///   doesn't stop ringing), an emoji ending a clause before "text me if u need something", "stop
///   calling at lunch, try after 2". One the learned reader read ("every single day with these
///   texts 🙄") it no longer reads after retraining. Fixed as classes.
/// - `blind66.jsonl` (a home-warranty company's month), `blind67.jsonl` (a moving company's
///   rushed leads), `blind68.jsonl` (an immigration-law consultation, many languages and
///   scripts) and `blind69.jsonl` (sceptical consumers who argue and quote STOP), the same brief,
///   scored once each on b4be3b9. First scores: blind66 0.967, **1.0**, 0.952; blind67 0.959,
///   **1.0, 0.98**; blind68 0.95, **1.0, 0.971**; blind69 0.939, **0.99**, 0.908: both targets on
///   blind67 and blind68, recall on all four. Missed (1): Spanish "un mensaje más y los
///   denuncio". False (19): a stop not needed ("you don't have to stop texting"), habits asked
///   about ("Do you ever stop?", "Does your system ever stop?"), refusals to block ("Not
///   blocking you or anything"), "I'd block you but …", "I replied STOP to the last company",
///   the list of whoever sold the number, whether we are on the DNC registry, a watch list, a
///   broken link, a contract one could not stop, jokes ("my dog unsubscribed me from sleep
///   lol"), "Unsubscribe is the last thing I want", "missed my stop", a DNC registration with
///   "I'll hear you out", texts invited with "a text is plenty", "put it in a text" and "Text
///   whenever you want". Fixed as classes. After retraining, the learned reader no longer
///   caught "I don't want any more calls from you guys"; the rules now read calls refused "any
///   more" with no text named as a revocation, as they read a bare "don't call me.".
/// - `blind70.jsonl` (an auto-loan refinance lender's month), `blind71.jsonl` (a hearing-aid
///   clinic, leads over 65, some in Polish, Russian, Chinese and Spanish), `blind72.jsonl` (solar
///   in Hawaii and the Pacific: Pidgin, Samoan, Tongan, Ilocano, Tagalog, Hawaiian) and
///   `blind73.jsonl` (a red-team tester), the same brief, scored once each on a5532b9 and kept
///   out of the build until the next session. First scores: blind70 0.957, **1.0, 0.99**;
///   blind71 0.912, 0.96, 0.96; blind72 0.876, 0.79, **0.975**; blind73 0.943, **0.99**, 0.961.
///   Missed (26): Samoan, Tongan, Ilocano, Hawaiian and Hawaii Pidgin, none of them in the
///   tables ("taofi le text", "'oua 'e toe", "isardengyo", "mai kelepona hou", "no call me no
///   moa"), Tagalog "paki-stop na po" and "isa pang text at iba-block na kita", Polish "nie
///   kontaktować", "przestali pisać" and "nie życzę sobie", Chinese "再发我就举报你们", and
///   Spanish "no me manden mas texts please" (read as texts invited). False (11): our footer
///   named as a thing, a question "just asking for later", "Stop, hammer time", "Stop sending
///   texts at 7am!! Afternoons only", "will you remove my info or keep it?", a step weighed
///   ("whether to unsubscribe", "thinking about blocking you, but I still need that quote"),
///   "unsubscribe is a magic word", hearsay ("I've heard you can never get off your mailing
///   list"), a story of another firm, and "Can't believe I'm still getting these" with no earlier
///   stop named. Fixed as classes; the ʻokina now folds to an apostrophe.
/// - `blind74.jsonl` (home-equity lines in Louisiana and East Texas: Cajun French, Vietnamese,
///   Spanish, older leads writing long), `blind75.jsonl` (pet insurance, leads in their
///   twenties, slang, Korean, Portuguese, Hindi), `blind76.jsonl` (B2B scheduling software:
///   owners, office managers, assistants; German, Dutch, Italian) and `blind77.jsonl` (home
///   security in Quebec, Ontario and New England: Québécois French, Portuguese, Italian, Arabic
///   and Arabizi), the same brief, scored once each on 60abd5f. First scores: blind74 0.92,
///   0.91, 0.938; blind75 0.934, 0.92, 0.958; blind76 0.883, 0.96, 0.96; blind77 0.89, 0.95,
///   **0.99**. Missed (26): Cajun and Quebec French with "tu" ("appelle-moi pu", "ôte-moi de ta
///   liste", "sors mon numéro"), "arrêtiez d'appeler" passed on, threats over the next message
///   in French, Vietnamese, Korean, Portuguese, Hinglish, German and Dutch ("je te bloque",
///   "nhắn nữa là", "보내면 차단", "mais uma msg e vou bloquear", "block kar dunga", "noch eine
///   Nachricht und", "nog één bericht en"), Portuguese "parar de me mandar", Korean "그만 좀
///   보내" and "명단에서 삭제", Dutch "niet meer gebeld", Italian "di non contattarlo più",
///   Arabic "لا أريد أي رسائل", Tunisian and Moroccan Arabizi, "drop me from your texts", and
///   "this is my moms phone" without the apostrophe. False (15): a removal asked about "if I
///   don't qualify", "I won't report you or block you", texts kept ("texting is how I'd
///   prefer", "Texts I'll actually read", "the robocalls but not the texts", Hindi "मैसेज ठीक
///   है"), "The Unsubscribers" (a band, read as a typo), a bank's power to stop a credit line
///   worried over, "how do I make her stop" (a cat), "stop getting my dog's breed wrong", a
///   product feature asked about ("let clients unsubscribe"), newsletters unsubscribed from,
///   hearsay ("my bf said … u cant unsubscribe"), "stop sending stuff on Sundays, weekdays are
///   fine", and a Dutch complaint the learned reader read ("Jullie sturen wel erg veel
///   berichten", which it no longer reads after retraining). Fixed as classes.
/// - `blind78.jsonl` (funeral pre-planning, older and grieving leads; Korean, Japanese, Greek),
///   `blind79.jsonl` (a South Florida used-car dealer: Cuban and Puerto Rican Spanish, Haitian
///   Creole, Brazilian Portuguese, Russian, mixed), `blind80.jsonl` (student-loan refinancing,
///   sarcastic and meme-heavy; French, Turkish, Vietnamese) and `blind81.jsonl` (a rural
///   internet provider: voice-to-text, dialect, German and Pennsylvania Dutch), the same brief,
///   scored once each on a419fd0. First scores: blind78 0.85, 0.85, 0.944; blind79 0.91,
///   **0.99**, 0.952; blind80 0.919, 0.96, 0.96; blind81 0.929, 0.96, **0.99**. Missed (24):
///   Japanese (連絡は不要, メッセージを止めて, リストから削除, 今後一切お断り, 連絡を控えて,
///   送ってきたらブロック, 停止), Greek (ΣΤΟΠ, μην με ξαναενοχλήσετε, μη μου τηλεφωνείτε,
///   καμία περαιτέρω επικοινωνία, αφαιρέστε με, a threat), Korean 연락 사양, a Russian threat,
///   Turkish İPTAL, "rehberinizden silin" and a request passed on, Pennsylvania Dutch (hör uff,
///   ken Text meh, nix meh vun eich, ruf mich nimmi, read before as a call asked for), and "I'm
///   the account holder's father. He has asked that you stop contacting him at this number".
///   False (15): texts or hours kept ("Text this cell only", "late at night. Daytime only", a
///   dash before "call me … instead", "keep it here", "don't text me at 2am again, anytime
///   10-6 works", Haitian Creole "ou ka voye tèks", Russian "сообщения можно", Pennsylvania
///   Dutch "schreiwe is okay"), "I'd like to stop putting this off", "Before I unsubscribe from
///   the whole idea, what's the cost?", "I was about to tell you to stop texting but …", a
///   Russian "what happens if I reply STOP?", "I said stop to a dealer", "unsubscribe me from my
///   7% interest rate", "I didn't ask to be removed", "I shouldn't have to unsubscribe". Fixed
///   as classes.
/// - `blind82.jsonl` (timeshare exit, angry and legalistic; Spanish, Tagalog), `blind83.jsonl`
///   (a charter school's parents: Somali, Amharic, Arabic, Nepali, Burmese, learner's English),
///   `blind84.jsonl` (a wedding venue: long, emotional, emoji; Hebrew, Yiddish, Russian) and
///   `blind85.jsonl` (trucking insurance, owner-operators on the road; Punjabi, Russian,
///   Ukrainian, Serbian), the same brief, scored once each on 7654085. First scores: blind82
///   0.94, **1.0**, 0.935; blind83 0.835, 0.88, 0.957; blind84 0.843, 0.84, 0.933; blind85 0.86,
///   0.92, 0.968 (macro-F1 under 0.85 on two, for the first time since blind18). Missed (36):
///   Somali ("ka saar liiska", "jooji fariimaha", "ha u soo dirin", JOOJI), Amharic (the polite
///   "አይላኩልኝ", "ስሜን አስወጡ", "እንዳትልኩ", "atlakulign"), Nepali, Burmese (a list removal, ရပ်ပါ),
///   Hebrew ("ותמחקו" with its prefix, "אל תיצרו איתי קשר", "לא לשלוח לי", a threat, הסר), Yiddish
///   in both scripts (none of it in the tables), Russian "больше со мной не связываться",
///   Punjabi in Gurmukhi and Latin letters, Serbian in Cyrillic and a Serbian threat, and "I'd
///   prefer not to get any more texts or calls". False (20): somebody's own list ("the
///   resort's mailing list"), other things stopped ("these payments"), our notice quoted ("a
///   'you've been unsubscribed' text"), an attorney's letter to somebody else, "unsubscribe from
///   this timeshare nightmare lol", "STOP & GO car wash", advice to block, our footer "keep
///   saying reply stop", "unsubscribed from like 20 store emails", a joke whose "list" came
///   later, hours ("between 9 and 5", "at night anymore, mornings only"), texts kept ("Texts I
///   can do", Somali "qoraal ii soo dir", Hebrew and Russian "only messages"), the conversation
///   moved to WhatsApp, and "😤😤😤 again??" (one word for the learned reader). Fixed as classes.
/// - `blind86.jsonl` (solar in the Central Valley: Mexican Spanish, Punjabi, Hmong, Tagalog,
///   voice-to-text), `blind87.jsonl` (New York real estate: Mandarin, Cantonese, Bengali,
///   Haitian Creole, Yiddish, curt), `blind88.jsonl` (home insurance in Minnesota and the
///   Dakotas, polite and indirect; Norwegian, Swedish, Somali, Hmong) and `blind89.jsonl` (debt
///   consolidation, creditors and collectors; Spanish, Arabic), the same brief, scored once each
///   on c19a1ea. First scores: blind86 0.91, 0.96, **0.98**; blind87 0.833, 0.94, 0.949; blind88
///   0.888, 0.93, **0.989**; blind89 0.936, 0.98, **0.97**. Missed (19): Spanish "ya no me
///   marquen", Punjabi and Bengali in Latin letters, Hmong ("tshem tawm", "tsis xav kom nej tiv
///   tauj"), Chinese "名单里删掉" and "再text我就block你", the keyword TD, Bengali list removal,
///   Yiddish "רופט מיך מער נישט", Norwegian and Swedish ("ønsker ikke flere meldinger", "ikke
///   send flere", "slett meg", "vill inte få fler"), Arabic "لا أريد أي اتصال" and "التوقف عن
///   الاتصال". False (11): hours kept in Punjabi ("ਦਿਨ ਵੇਲੇ ਠੀਕ ਹੈ") and English ("in the
///   morning please, evenings only"), a block refused in Spanish, Bengali "শুধু মেসেজ", "from
///   calls but still get texts", "keep it to texts", "Which stop?" (the subway), a question in
///   Chinese ("如果我回复退订…？"), somebody else made to stop ("get these creditors to stop",
///   "get collectors to stop calling me", "the calls from Midland …, I want them to stop").
///   Fixed as classes.
/// - `blind90.jsonl` (pool installation in Texas and Arizona, everyday stops, blocks and
///   lists), `blind91.jsonl` (Medicare supplements, older leads; Spanish, Russian, Yiddish,
///   Italian, Haitian Creole), `blind92.jsonl` (a coding bootcamp: Hinglish, Nigerian Pidgin,
///   Yoruba, Taglish) and `blind93.jsonl` (a roofer after a hailstorm, short answers about times
///   and phones; Spanish, Vietnamese), the same brief, scored once each on 60b0af9. First
///   scores: blind90 0.964, **0.99, 0.98**; blind91 0.947, 0.98, **0.97**; blind92 0.905, 0.96,
///   **0.98**; blind93 0.942, **0.99, 0.971**: both targets on blind90 and blind93, precision on
///   all four. Missed (8): "stop calling me and texting me or I'll report you" (the "me" between
///   two gerunds parted them, and "texting" after "and" was read as invited), "Stop messaging
///   me. Call me never." ("call me" read as invited), Yiddish "nem mir arop", Haitian Creole
///   "kanpe voye mesaj", Nigerian Pidgin "comot my number", Taglish "pls stop na", Yoruba "ẹ
///   dẹ́kun pípè mí", Vietnamese "ngừng gọi cho tôi". False (10): "would it need to be removed?"
///   (an oak), "Pool's off the list", Russian "пишите сообщения", "use this cell for texts
///   only", "the unsubscribe list for my synagogue newsletter", Pidgin "text dey okay", Yoruba
///   "ránṣẹ́ nìkan", "Texting I can handle", "your opt-out policy?", "stop double texting".
///   Fixed as classes.
/// - `blind94.jsonl` (an online mattress retailer, a realistic month), `blind95.jsonl` (a
///   red-team tester: revocations in long messages, sarcasm, look-alikes), `blind96.jsonl`
///   (home-health aides in Chicago and Detroit: Polish, Arabic, Ukrainian, Spanish,
///   Neo-Aramaic) and `blind97.jsonl` (vehicle service contracts, leads who suspect a scam),
///   the same brief, scored once each on d477568. First scores: blind94 0.976, **0.99, 1.0**;
///   blind95 0.947, 0.93, **0.989**; blind96 0.929, 0.95, **0.979**; blind97 0.958, **1.0**,
///   0.962. Missed (13): "Ok seriously stop." ("seriously" now courtesy), "I'd appreciate not
///   getting any more texts", "I'd appreciate it if you removed me" (read as our past act),
///   "Consider me unsubscribed" after "you guys really don't quit" (read as a stop negated),
///   "don't text me anymore, my phone plan charges per message" ("per message" read as Italian
///   "by message"), "stop calling me at work, or anywhere really" (read as an hour), "I'd prefer
///   not to hear from you folks", Portuguese "não quero mais ser contatado", Polish "żadnego
///   kontaktu", Neo-Aramaic in Latin and Syriac letters. False (7): "I'll only respond by text
///   … take me off the call list", "Is there a way to unsubscribe from the texts but keep the
///   phone calls?", "Quit sending me 3 different links", a Vietnamese complaint the learned
///   reader read (no longer after retraining), "Will I be removed … if I don't buy?", "I'm not
///   reporting you or blocking you", and "I'm so tired of these texts" (the corpus labels a
///   complaint of being tired of the texts frustration, so the phrase no longer revokes alone).
///   Fixed as classes.
/// - `blind98.jsonl` (a bank's mortgage pre-approval line, a realistic month; Spanish,
///   Chinese), `blind99.jsonl` (solar in Hawaii, Guam and the Marianas: Chamorro, Chuukese,
///   Marshallese, Ilocano, Pidgin), `blind100.jsonl` (a red-team tester aiming at precision)
///   and `blind101.jsonl` (a dental-implant clinic: Armenian, Farsi, Korean, Tagalog, Spanish,
///   Russian), the same brief, scored once each on 7070f83. First scores: blind98 0.94, 0.97,
///   **0.99**; blind99 0.877, 0.84, **0.977**; blind100 0.963, 0.98, **0.97**; blind101 0.911,
///   0.95, 0.96. Missed (26): Chamorro, Chuukese and Marshallese (none in the tables), Pidgin
///   "no mo", traditional Chinese "不要再打來" and a request passed on, Armenian and Farsi list
///   removals, Armenian "մի գրեք" in both scripts, "next text gets you blocked" (read as our
///   past act), "please don't keep following up with me", "Wife here. He's not interested and
///   asked me to tell you to stop calling" (the interest's "not" read as refusing the telling),
///   "Block me from your list lol". False (10): "Will I still get emails if I unsubscribe?",
///   "I'm not asking you to stop texting", "I told the last guy to take me off the weekend call
///   list", "you don't have to delete my number", "I'll text you back", "Mondays should come
///   with an unsubscribe button lol", "said stop waiting", "I asked you to stop texting at night
///   and you did it again", "call my home number after 6", Spanish "mejor en la tarde". Fixed
///   as classes.
/// - `blind102.jsonl` (lawn care, a realistic month), `blind103.jsonl` (car financing in
///   Minnesota: Somali, Hmong, Oromo, Karen), `blind104.jsonl` (a red-team tester aiming at
///   recall) and `blind105.jsonl` (home security: Haitian Creole, German, Turkish, Ukrainian,
///   Italian), the same brief, scored once each on 58b6a62. First scores: blind102 0.977,
///   **1.0**, **0.99**; blind103 0.919, 0.94, **0.979**; blind104 0.982, 0.96, **0.97**;
///   blind105 0.965, 0.97, **0.99**. Missed (13): both channels named under one refusal read as
///   one kept ("… by text or by phone", "ni por mensaje ni por llamada"), "purge my name … from
///   your CRM", Italian, German, Turkish, Oromo, Somali and Hmong forms the tables lacked, a
///   threat after "keep texting me", "My mom said stop messaging her". False (7): "without
///   being removed from the list", "I heard you can unsubscribe", the rain told to stop, a band
///   named "Stop Calling Me Kevin", "stop calling for today", a quoted "'reply STOP' text", "No
///   more texts after 8pm … Daytime is fine". Fixed as classes.
/// - `blind106.jsonl` (HVAC in Arizona: Spanish, Navajo, Tagalog, Vietnamese), `blind107.jsonl`
///   (student-loan refinancing, young leads), `blind108.jsonl` (a hearing-aid clinic: Russian,
///   Polish, Cantonese, Greek) and `blind109.jsonl` (a red-team tester, revocations and
///   look-alikes mixed), the same brief, scored once each on df2c050. First scores: blind106
///   0.961, **1.0**, **0.99**; blind107 0.946, **0.99**, 0.961; blind108 0.919, 0.96, **0.99**;
///   blind109 0.968, **1.0**, **0.971**. Missed (5): "fully unsubscribing, bye", "stop textin
///   me", Cantonese and Greek forms the tables lacked. False (9): opting out after the install
///   asked about, a gym that let the lead unsubscribe, an insult before "daytime only", "stop me
///   if you've heard this one", a block only weighed, another company made to stop, "about to
///   lose my mind with all these messages", "Quit sending the broken link". Fixed as classes.
/// - `blind110.jsonl` (pest control in Florida and Texas: Spanish, Haitian Creole, Vietnamese),
///   `blind111.jsonl` (life insurance, short replies typed on phones), `blind112.jsonl` (a
///   moving company in New York: Russian, Bengali, Mandarin, Arabic, Albanian, Spanish) and
///   `blind113.jsonl` (a red-team tester, polite and legalistic revocations without "stop" or
///   "unsubscribe"), the same brief, scored once each on 288ada9 and kept unread until the
///   next session. First scores: blind110 0.954, **0.99**, **0.99**; blind111 0.979, **0.99**,
///   **0.99**; blind112 0.914, **0.99**, **0.971**; blind113 0.977, **0.99**, **0.971**.
///   Missed (4): "Text me one more time and see what happens", Portuguese "Desinscrever", a
///   Bengali and an Italian removal of the number the tables lacked. False (8): "said stop
///   putting it off", "I was thinking about blocking you but whatever", the morning call list
///   left for the afternoons, a removal from the promo list asked about while keeping updates,
///   an opt-out asked about "or are those automatic?", the dialer list left with "sms only",
///   add-ons removed from a list, YouTube channels unsubscribed. Fixed as classes.
/// - `blind114.jsonl` (a dental clinic chain: Korean, Tagalog, Spanish, Punjabi),
///   `blind116.jsonl` (a red-team tester, stops buried in long messages) and `blind117.jsonl`
///   (a mortgage broker: Brazilian Portuguese, Haitian Creole, Polish, Gujarati), the same
///   brief, scored once each on 3c2c615. First scores: blind114 0.95, 0.96, **0.98**; blind116
///   **0.979, 0.99, 0.98**; blind117 0.92, 0.91, **0.978**. Missed (12): "he doesn't want any
///   more calls" (passed on), "I'd rather you didn't text me going forward", the bare
///   Portuguese "PARE", Punjabi, Portuguese, Haitian Creole and Gujarati forms the tables
///   lacked. False (6): "… from the call list and just text?", a part of the service opted out
///   of, a neighbour's unsubscribe with the lead going on, "stop it from being a hard pull",
///   opting out asked about "afterwards", a Punjabi count of arriving messages (the learned
///   reader alone). Fixed as classes.
/// - `blind115.jsonl` (a roofing company after a hailstorm in Colorado: older homeowners, long
///   messages), written for round 22 but arriving after the others were fixed: scored once on
///   3c2c615 (0.922, **0.99**, **0.98**) and on d3bb5a3 (0.93, **1.0**, **0.98**), kept unread
///   until the sixteenth session. False (2): "don't bother putting me on the do not call list",
///   a neighbour's question about the HOA newsletter passed on. Fixed as classes.
/// - `blind118.jsonl` (a home-warranty company, short replies typed on phones),
///   `blind119.jsonl` (an auto-insurance quote service: Arabic, Hindi, Mandarin, French),
///   `blind120.jsonl` (an assisted-living community, replies from children and spouses) and
///   `blind121.jsonl` (a red-team tester aiming at precision), the same brief, scored once
///   each on 6db75f2. First scores: blind118 **0.968, 0.99, 1.0**; blind119 0.893, 0.97,
///   **0.98**; blind120 **0.952, 0.99, 1.0**; blind121 **0.984, 0.99, 0.99**. Missed (6): "he
///   wants his number removed from your list" (passed on), "stop calling me at work, and don't
///   text either", Levantine Arabic, Hinglish "call karna band karo", Chinese "别再打这个号码"
///   and "名單上移除". False (3): a removal asked about after "if I say no now", "why does
///   every message say reply STOP?", "stop sending the broken one and fix it". Fixed as classes.
/// - `blind122.jsonl` (a solar installer: Spanish, Vietnamese, Urdu), `blind123.jsonl` (tax
///   preparation in filing season, terse and hurried), `blind124.jsonl` (pet insurance:
///   Japanese, Korean, German, Italian) and `blind125.jsonl` (a red-team tester: stops passed
///   on, conditional and threatened, and look-alikes), the same brief, scored once each on
///   31b5dc5. First scores: blind122 **0.961**, 0.97, **0.98**; blind123 **0.970, 1.0, 0.99**;
///   blind124 **0.942**, 0.96, **0.99**; blind125 **0.970**, 0.98, **0.99**. Missed (10): Urdu
///   and Japanese forms the tables lacked, Italian consent revoked, Korean "don't call; texts
///   too", "if you text me one more time I swear", "do not contact me via text, phone or any
///   other means". False (5): a company of the lead's own unsubscribed from, our unsubscribe
///   notice reported, "I'll unsubscribe myself if it gets annoying", "wasn't going to opt out",
///   "😡 again with this" (the learned reader alone). Fixed as classes.
/// - `blind126.jsonl` (a kitchen and bathroom remodeler: Polish, Ukrainian, Spanish, Tagalog),
///   `blind127.jsonl` (a medical-alert company, seniors and caregivers), `blind128.jsonl`
///   (credit repair and debt consolidation, leads hounded by collectors) and `blind129.jsonl`
///   (a red-team tester aiming at recall), the same brief, scored once each on 096194f and
///   kept unread until the seventeenth session. First scores: blind126 **0.936**, 0.98, 0.951;
///   blind127 **0.963, 0.99**, 0.952; blind128 **0.955, 1.0**, 0.926; blind129 **0.981,
///   0.99**, 0.961. Missed (4): Polish and Ukrainian threats over the next message, a French
///   complaint threatened, "please, by all means, never send me one again". False (22): texts
///   kept as the way to reach the lead, an hour asked for before, collectors' calls and "the
///   harassment" after a yes, ways out asked about for later, past and hypothetical stops,
///   other lists, an auto-reply. Fixed as classes.
/// - `blind130.jsonl` (a window and door company: Polish, Spanish, Russian, Arabic),
///   `blind131.jsonl` (a gym's sales team, young leads), `blind132.jsonl` (a debt-relief
///   company, anxious leads and spouses) and `blind133.jsonl` (a red-team tester aiming at
///   precision), the same brief, scored once each on 9724a9d. First scores: blind130
///   **0.970**, 0.97, **1.0**; blind131 **0.961, 1.0, 0.99**; blind132 **0.969, 1.0**, 0.952;
///   blind133 **0.966**, 0.97, **0.98**. Missed (6): "take me off your texting list" after a
///   "but", Polish removal and threat, "I want out of these texts", "this number is off limits
///   to you", "my number retired from your outreach". False (8): a stop corrected to "slow
///   down", Spanish calls stopped with texts allowed, the lead's own stopping (twice), a
///   trouble after "interested", "Unsubscribe... from Mondays 😂", an idea given up, Do Not
///   Disturb. Fixed as classes.
/// - `blind134.jsonl` (an in-home care agency: Somali, Amharic, Vietnamese, Russian),
///   `blind135.jsonl` (a car dealership's service department, short and typed fast),
///   `blind136.jsonl` (a real-estate agent's buyers, couples, relatives and assistants) and
///   `blind137.jsonl` (a red-team tester aiming at recall), the same brief, scored once each
///   on bfc01b0. First scores: blind134 **0.938**, 0.95, 0.96; blind135 **0.970, 1.0, 0.98**;
///   blind136 **0.961, 0.99**, 0.943; blind137 **0.968, 0.99, 0.99**. Missed (7): Amharic and
///   Somali forms the tables lacked, "STOP walaal", a father's wish quoted from a family chat,
///   "… NOT. Remove me.". False (13): Russian and Amharic limits, another agency's past,
///   others saying stop, "at every stop", a song, the word a bot understands, duplicates, the
///   lead's own unsubscribing and refusal to stop us, Netflix, photos opted out of. Fixed as
///   classes.
/// - `blind138.jsonl` (a Los Angeles plumber: Armenian, Korean, Spanish, Tagalog),
///   `blind139.jsonl` (a Medicare supplement agency), `blind140.jsonl` (a coding bootcamp) and
///   `blind141.jsonl` (a red-team tester aiming at precision, furniture financing), scored once
///   each on b313ef0. First scores: blind138 **0.955**, 0.98, **0.97**; blind139 **0.974, 1.0,
///   0.98**; blind140 **0.973, 1.0, 0.99**; blind141 **0.936, 1.0, 0.99**. Missed (2): "make it
///   stop for good", Armenian "not to call any more" passed on. False (7): an Armenian channel
///   swap, a plan stopped without a fee, a spam report nearly made, somebody else's mailing
///   list, a block asked about a few words into a question, "not looking to unsubscribe",
///   "stop calling, start texting". Fixed as classes.
/// - `blind142.jsonl` (a funeral pre-planner: Portuguese, Cantonese, Hindi), `blind143.jsonl`
///   (an EV-charger installer: German, Dutch, Japanese), `blind144.jsonl` (a Miami tree service:
///   Haitian Creole, Spanish, Portuguese) and `blind145.jsonl` (a red-team tester aiming at
///   recall, personal loans), scored once each on 88ea5de. First scores: blind142 **0.953**,
///   0.96, **1.0**; blind143 **0.933**, 0.96, 0.96; blind144 **0.945**, 0.98, **0.98**; blind145
///   **0.969**, 0.97, 0.951. Missed (13): Cantonese, Hindi, German, Japanese, Creole and
///   Portuguese forms the tables lacked, "don't write back", a "please" run into a keyword, a
///   number that no longer accepts messages. False (11): a Dutch channel swap, people in
///   general made to unsubscribe, another firm's bot, a band's name, an outsider's STOP, a Creole
///   "what if I say STOP?", time blocked off, creditors stopping, a practice opted out of, other
///   lenders told, our footer received. Fixed as classes.
/// - `blind146.jsonl` (a veterinary clinic's wellness plans: Vietnamese, Tagalog, Spanish),
///   `blind147.jsonl` (a senior-living downsizing service: Italian, Greek, Polish),
///   `blind148.jsonl` (a commercial-truck insurance broker: Punjabi, Russian, Spanish) and
///   `blind149.jsonl` (a red-team tester aiming at precision, a wedding venue), scored once each
///   on 3221c0d. First scores: blind146 **0.978, 0.99**, 0.961; blind147 **0.949, 1.0, 0.99**;
///   blind148 **0.963, 1.0, 1.0**; blind149 **0.947, 1.0, 0.971**. Missed (1): "stop w the
///   texts". False (8): texts kept alone in Spanish and Vietnamese, "my bank account says stop",
///   the lead's own decision, clients taken off asked about, guests asked about, a call rotation
///   left with texts invited, a line's own notice. Fixed as classes.
/// - `blind150.jsonl` (a home-elevator and stairlift installer: Japanese, Korean, Farsi),
///   `blind151.jsonl` (a towing and roadside-assistance membership), `blind152.jsonl` (a language
///   school's adult learners: Spanish, Arabic, Ukrainian, Chinese, Portuguese) and
///   `blind153.jsonl` (a red-team tester aiming at recall, window cleaning), scored once each on
///   2730eee. First scores: blind150 **0.939**, 0.95, **0.99**; blind151 **0.988, 1.0, 0.98**;
///   blind152 **0.914, 1.0, 0.971**; blind153 **0.969, 1.0, 0.98**. Missed (5): Japanese and
///   Farsi forms the tables lacked. False (8): a threat the lead would rather not make, the
///   texts' hour, an auto-renewal, a Ukrainian channel swap, shopping emails, a safety rhyme, a
///   step nearly taken, a threat taken back as a joke. Fixed as classes.
/// - `blind154.jsonl` (a swimming-pool builder in Arizona), `blind155.jsonl` (a cash-for-cars
///   buyer), `blind156.jsonl` (a fertility clinic's free first consultation) and
///   `blind157.jsonl` (a red-team tester aiming at recall, home insurance), scored once each on
///   83d8196. First scores: blind154 **0.981, 1.0, 0.99**; blind155 **0.953, 1.0, 0.971**;
///   blind156 **0.960, 0.99, 0.98**; blind157 **0.981**, 0.96, **0.97**. Missed (5): a number
///   marked DNC, one more message refused, Portuguese removal verbs and a pronoun between stop
///   and texts, a stop passed on "on behalf of" the lead. False (9): a joke reported, what is
///   kept asked, "stop right there until", somebody else's own unsubscribe, weekdays refused,
///   other lists counted, a billing option, stops to firms in general. Fixed as classes.
/// - `blind158.jsonl` (a kitchen-cabinet refacing company), `blind159.jsonl` (a boat dealership
///   in Florida), `blind160.jsonl` (a septic-tank pumping and inspection service) and
///   `blind161.jsonl` (a red-team tester aiming at precision, home appraisal), scored once each
///   on f85f867. First scores: blind158 **0.977, 0.99, 0.98**; blind159 **0.963, 1.0, 0.99**;
///   blind160 **0.987, 1.0, 0.98**; blind161 **0.949, 1.0**, 0.962. Missed (1): a relative's
///   wish that our messages stop. False (9): a step named and refused, "stop-and-go", "all day"
///   beside an hour, a stop once a job is done asked, our footer on "a" message, a pause with
///   "call then", hours named then refused, a removal done without, a way out described.
///   Fixed as classes.
/// - `blind162.jsonl` (a whole-home standby generator installer), `blind163.jsonl` (a private
///   tutoring service: parents and students), `blind164.jsonl` (a self-storage facility) and
///   `blind165.jsonl` (a red-team tester aiming at recall, timeshare exit), scored once each on
///   cabc5bf. First scores: blind162 **0.977, 1.0, 1.0**; blind163 **0.966, 1.0, 0.99**;
///   blind164 **0.975, 1.0**, 0.952; blind165 **0.959**, 0.96, **0.98**. Missed (4): "never
///   again" after one more message, zeros for o's, no reason to contact refused, Czech. False
///   (8): another sender's footer, texts above calls, the auto-dialer, somebody else's renewal,
///   somebody else's own step, the same words sent with an answer wanted, the lead's own
///   payments, out of a timeshare. Fixed as classes.
/// - `blind166.jsonl` (a chiropractic clinic's new-patient special), `blind167.jsonl` (a
///   used-motorcycle dealer), `blind168.jsonl` (a rural internet provider) and `blind169.jsonl`
///   (a red-team tester aiming at precision, landscaping design), scored once each on 01d279d.
///   First scores: blind166 **0.963, 0.99, 0.99**; blind167 **0.959, 0.99, 0.98**; blind168
///   **0.962, 1.0, 0.98**; blind169 **0.988, 1.0, 0.98**. Missed (2): Chinese "don't call me
///   again" with "me" before the verb. False (7): a plan the lead could not leave, a reply
///   channel named, readiness turned, texts "cool", texts stuck with, a way out for a later
///   choice, a Spanish removal refused. Fixed as classes.
/// - `blind170.jsonl` (an RV dealership), `blind171.jsonl` (a hair-restoration clinic),
///   `blind172.jsonl` (a water-treatment installer) and `blind173.jsonl` (a red-team tester
///   aiming at recall, a private school's admissions office), scored once each on 7838099. First
///   scores: blind170 **0.975, 0.99, 1.0**; blind171 **0.976, 1.0, 0.99**; blind172 **0.982,
///   1.0, 0.99**; blind173 0.948, 0.95, 0.96. Missed (6): a stop limited to a place beside one
///   that is not, a removal from "all school communications" passed on, "the texts and calls to
///   end", advice to ask it of us, a second Portuguese infinitive under the stop, nobody to
///   contact the lead again. False (5): another bot that would not stop, texts answered
///   "faster", a way out asked "anytime" (fixed as classes); "I didn't sign up for harassment"
///   (blind171 and blind172) and a complaint that the email's unsubscribe link does not work
///   (blind173) are kept as revocations, as "this is harassment" is: calling the contact
///   harassment, or trying to unsubscribe, is read as not wanting it.
/// - `blind174.jsonl` (an appliance-repair service), `blind175.jsonl` (a dog-training school),
///   `blind176.jsonl` (a commercial cleaning company) and `blind177.jsonl` (a red-team tester
///   aiming at precision, an auto-glass shop), scored once each on ea00ff7. First scores:
///   blind174 **0.984, 1.0, 0.98**; blind175 **0.961, 0.99, 0.99**; blind176 **0.964, 1.0,
///   0.99**; blind177 **0.938, 1.0**, 0.952. Missed (1): "no more follow ups". False (9): an
///   outsider's own unsubscribe, an outsider's own stop reported, a dryer's display, a clinic
///   line refused with this number's texts fine, a week refused and the next offered, the
///   lead's own insurer told to stop, a spouse's stop about another number overruled, a stop
///   sent astray, a sister's keyword. Fixed as classes.
/// - `blind178.jsonl` (a home-inspection company), `blind179.jsonl` (a martial-arts studio),
///   `blind180.jsonl` (a wedding photographer) and `blind181.jsonl` (a red-team tester aiming
///   at recall, a bankruptcy attorney's office), scored once each on b50f00f. First scores:
///   blind178 **0.976, 1.0, 1.0**; blind179 **0.979, 1.0, 1.0**; blind180 **0.970, 1.0, 0.99**;
///   blind181 **0.950**, 0.94, **0.989**. Missed (6): both channels refused with a comma
///   between, off a list named before ("get off it"), a stop after "one" ending a sentence, a
///   refusal spelled out a word at a time, "cease communicating", a number "not to be used for
///   any calls or texts". False (2): an hour limit said before and broken, "weekends only" with
///   a work line refused. Fixed as classes.
/// - `blind182.jsonl` (a car-detailing shop), `blind183.jsonl` (a meal-kit delivery service),
///   `blind184.jsonl` (an orthodontist) and `blind185.jsonl` (a red-team tester aiming at
///   precision, a gutter-guard installer), scored once each on a731164. First scores:
///   blind182 **0.989, 1.0, 0.99**; blind183 **0.968, 1.0**, 0.935; blind184 **0.972, 1.0**,
///   0.952; blind185 **0.953, 1.0**, 0.893. Missed: none. False (25): a stop meant for
///   somebody else ("not you"), a habit asked, somebody else's subscriptions given up, the
///   lead's past unsubscribes, a phone's spam filter, the registry with a visit invited, a
///   listing asked why, our office's past removal, a pet told off, an ordinal footer, the
///   keyword as a word, a keyword asked unmarked, removals meant for somebody else, one list
///   kept by name, texts only wanted or invited "away", another line fine, caps and canned
///   replies, another place or service, German and Spanish removals refused. Fixed as classes.
/// - `blind186.jsonl` (a driving school), `blind187.jsonl` (a carpet-cleaning service),
///   `blind188.jsonl` (a LASIK clinic) and `blind189.jsonl` (a red-team tester aiming at recall,
///   an immigration law firm), scored once each on 27c5dc0. First scores: blind186 **0.986,
///   1.0, 1.0**; blind187 **0.966, 1.0, 1.0**; blind188 **0.961, 1.0, 0.98**; blind189
///   **0.967**, 0.96, **0.98**. Missed (4): a favour of never again, "no calls, no messages",
///   Chinese "no more … to this number" with 别, Georgian "don't write to me any more". False
///   (4): no need to be listed, an outsider contacted after unsubscribing, another firm's bot,
///   the keyword as a name. Fixed as classes.
/// - `blind190.jsonl` (a countertop fabricator), `blind191.jsonl` (a music-lessons studio),
///   `blind192.jsonl` (a junk-removal service) and `blind193.jsonl` (a red-team tester aiming at
///   precision, a window-tinting shop), scored once each on f7c8c20. First scores: blind190
///   **0.975, 1.0, 0.99**; blind191 **0.981, 1.0, 0.99**; blind192 **0.969, 1.0, 0.971**;
///   blind193 **0.981, 1.0**, 0.962. Missed: none. False (9): a call asked for ("pick up the
///   phone"), a song to learn, stopping and starting, a question "once" something is done, a
///   keyword and its "me" as a name, a list of things, a stop of shopping, a joke with 🙃,
///   somebody else's footer. Fixed as classes.
/// - `blind194.jsonl` (a mattress store), `blind195.jsonl` (a pediatric therapy clinic),
///   `blind196.jsonl` (a concrete contractor) and `blind197.jsonl` (a red-team tester aiming at
///   recall, a personal-injury law firm), scored once each on 745feb8, the twentieth session's
///   last classifier. First scores: blind194 **0.985, 1.0, 1.0**; blind195 **0.978, 1.0,
///   1.0**; blind196 **0.986, 1.0, 0.99**; blind197 **0.962**, 0.96, **1.0**. Missed (4): a
///   Spanish wish that contact not go on, passed on; a stop passed on beside a form filled by
///   mistake; "how many times do I have to say stop"; "let it be the last". False (1): "quit
///   texting and ring me". Fixed as classes.
///
/// All are tuning data now, and the learned models train on them, so their intent figures are
/// in-sample (about 0.99); they are a regression guard, not an estimate.
#[test]
fn blind_sets_stay_fixed() {
    at_least("blind.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind2.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind3.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind4.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind5.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind6.jsonl", 400, 0.97, 1.0, 0.97);
    at_least("blind7.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind8.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind9.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind10.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind11.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind12.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind13.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind14.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind15.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind16.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind17.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind18.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind19.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind20.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind21.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind22.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind23.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind24.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind25.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind26.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind27.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind28.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind29.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind30.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind31.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind32.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind33.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind34.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind35.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind36.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind37.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind38.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind39.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind40.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind41.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind42.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind43.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind44.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind45.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind46.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind47.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind48.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind49.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind50.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind51.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind52.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind53.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind54.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind55.jsonl", 400, 0.97, 1.0, 0.98);
    at_least("blind56.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind57.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind58.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind59.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind60.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind61.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind62.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind63.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind64.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind65.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind66.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind67.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind68.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind69.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind70.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind71.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind72.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind73.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind74.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind75.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind76.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind77.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind78.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind79.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind80.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind81.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind82.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind83.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind84.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind85.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind86.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind87.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind88.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind89.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind90.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind91.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind92.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind93.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind94.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind95.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind96.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind97.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind98.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind99.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind100.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind101.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind102.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind103.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind104.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind105.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind106.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind107.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind108.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind109.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind110.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind111.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind112.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind113.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind114.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind115.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind116.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind117.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind118.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind119.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind120.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind121.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind122.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind123.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind124.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind125.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind126.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind127.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind128.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind129.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind130.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind131.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind132.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind133.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind134.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind135.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind136.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind137.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind138.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind139.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind140.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind141.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind142.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind143.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind144.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind145.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind146.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind147.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind148.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind149.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind150.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind151.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind152.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind153.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind154.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind155.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind156.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind157.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind158.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind159.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind160.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind161.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind162.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind163.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind164.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind165.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind166.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind167.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind168.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind169.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind170.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind171.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind172.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind173.jsonl", 400, 0.97, 1.0, 0.99);
    at_least("blind174.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind175.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind176.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind177.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind178.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind179.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind180.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind181.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind182.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind183.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind184.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind185.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind186.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind187.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind188.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind189.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind190.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind191.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind192.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind193.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind194.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind195.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind196.jsonl", 400, 0.97, 1.0, 1.0);
    at_least("blind197.jsonl", 400, 0.97, 1.0, 1.0);
}

/// Answers a lead gives in the middle of a conversation (who decides, when, how much, which
/// slot, how to get in), one per line. None is a revocation: a false one would cancel a lead
/// who is answering the agent's questions. Not training data: the learned models never see it.
/// Retrained on blind13, the learned reader read "me and my wife" at 0.86 and "my mom and me"
/// at 0.99 before people-only messages were left to the rules.
#[test]
fn answers_mid_conversation_are_not_revocations() {
    let answers = include_str!("answers.txt");
    assert!(answers.lines().count() >= 100);
    for answer in answers.lines().filter(|l| !l.trim().is_empty()) {
        let c = nlu::classify(answer);
        assert!(!c.opt_out, "{answer}: {:?}", c.matched);
    }
}
