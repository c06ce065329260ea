//! The phrase families of the intent rules, one `|`-separated string each (see the syntax in
//! [`super`]). Spelling variants, slang, typos and Spanish belong next to the phrase they
//! vary; a family should read as a kind of message, never as a corpus sentence.

/// Courtesy and filler around a whole-message phrase.
pub(crate) const FILLER: &str = concat!(
    "please|pls|plz|plox|lol|lmao|haha|hahaha|thanks|thank|you|thx|ty|tho|though|man|bro|dude|just|then|so",
    "|well|hey|hi|hello|um|uh|hmm|oh|ah|por|favor|gracias|hola|sir|maam|mate|buddy|now|rn|asap",
);

/// Words that may come before an opening phrase in the same sentence ("ok so what…").
pub(super) const OPENERS: &str = concat!(
    "lol|lmao|haha|hey|hi|hello|so|um|uh|and|but|oh|wait|also|btw|ok|okay|well|hmm|yes|yeah|yea|sure|cool",
    "|just|quick|q|ps|ya|si|y|pero|oye|hola|bueno|sorry|honestly|actually|ah|alright|thanks|great|nice|k|o",
    "|then|one|more|thing|question|curious|interested|sounds|good|perfect|real|serious",
);

pub(super) const WRONG_NUMBER: &str = concat!(
    "wrong number|wrong numbr|wrong num|wrong no|wrong person|wrong guy|wrong girl|wrong lady",
    "|wrong contact|wrong phone|wrong cell|wrong house|wrong name|wrong customer|wrong one|have the wrong",
    "|got the wrong|has the wrong|numero equivocado|equivocado|equivocada|equivocaron|se equivoco",
    "|te equivocaste|se equivoca|who is this|who's this|whos this|who this is|who dis|who tf is this",
    "|who the hell is this|who is dis|who's texting|who is texting|whos texting|=who|=who is it|=huh who",
    "|=who's that|quien es|quien habla|quien eres|quien me escribe|de parte de quien|never signed up",
    "|didn't sign up|didnt sign up|did not sign up|never filled|didn't fill|didnt fill|did not fill",
    "|never submitted|didn't submit|didnt submit|never asked|didn't ask for|didnt ask for|did not ask for",
    "|didn't ask about|didnt ask about|never requested|didn't request|didnt request|did not request",
    "|never inquired|never applied|didn't apply|didnt apply|never looked into|never reached out",
    "|never contacted you|never gave you|never entered|what form|which form|no idea who|no idea what you",
    "|no idea what form|don't know who|dont know who|do not know who|don't know what you're talking",
    "|dont know what you're talking|dont know what youre talking|dont know what ur talking",
    "|who you're trying to reach|who you are trying to reach|who youre trying to reach",
    "|whoever you're looking for|whoever you are looking for|whoever youre looking for|not who you think",
    "|not who you're looking|not the person you|get my number|get this number|got my number",
    "|gave you my number|gave you this number|who gave you|not me|no one by that name|nobody by that name",
    "|no one by the name|nobody named|no one named|no one here|nobody here|there's no one|theres no one",
    "|there is no one|there's nobody|theres nobody|don't know any|dont know any|isn't here|isnt here",
    "|doesn't live here|doesnt live here|don't live here|no longer lives|doesn't have this number",
    "|no longer has this number|not my name|my name isn't|my name isnt|my name is not|my name's not",
    "|not his number|not her number|not their number|not my number|new number|just got this number",
    "|number's been mine|number has been mine|my number now|this is a business|business line|business number",
    "|office line|no soy|no es el numero|no es mi numero|no es mi nombre|no me llamo|no conozco a",
    "|no conozco ningun|no conozco ninguna|no vive aqui|no vive aca|aqui no vive|you texted the wrong",
    "|u texted the wrong|meant to text|meant to call|meant to message|meant for someone|texting someone else",
    "|looking for someone else|trying to reach someone else|intended for|anyone named|anybody named",
    "|anyone by that name|never gave anyone|never gave my|never gave out|didn't give you|didn't give my",
    "|didnt give my|never put my number|this number isn't|this number isnt|this number is not|number belongs",
    "|number anymore|never contacted|never called you|never called your|don't know your company",
    "|never did business|confused with someone|me confused|mixed me up|got me mixed up|mistaken",
    "|con quien hablo|con quien tengo el gusto|not the right person|not the right number|not the person",
    "|the right number?|idk who|who are you|who r you",
);

pub(super) const HUMAN_EXPLICIT: &str = concat!(
    "=human|=a human|=humans|=agent|=an agent|=live agent|=operator|=representative|=rep|=person|=a person",
    "|=real person|=a real person|=live person|=actual person|=real human|=manager|=supervisor",
    "|=customer service|=customer support|=agente|=asesor|=humano|=una persona|=persona real|=un humano",
    "|representative|supervisor|live agent|live person|live human|real agent|actual agent|actual rep|real rep",
    "|someone from your team|someone from the team|someone from the company|someone from your company",
    "|someone from sales|someone from billing|someone in billing|someone in sales|someone who knows",
    "|someone that knows|someone who can help|someone that can help|someone knowledgeable|i can talk to",
    "|i can speak to|i can speak with|reach out to me directly|call me directly|contact me directly",
    "|directly with|licensed agent|escalate|who's the owner|whos the owner|who is the owner|your manager",
    "|a manager|the manager|hablar con alguien|hablar con una persona|hablar con un agente",
    "|hablar con un asesor|hablar con el gerente|hablar con el encargado|hablar con un humano",
    "|hablar con un representante|con un asesor|con una persona real|pasame con|pasas con|comunicame con",
    "|comunicarme con|transfer me|put me through|put me in touch|connect me|whoever is in charge",
    "|who is in charge|who's in charge|someone in charge|somebody in charge|person in charge",
    "|the one in charge|anyone in charge|someone i can call|somebody i can call|person i can call",
    "|someone to talk to|call directly|direct line|direct number|owner's number|manager's number|the owner's",
    "|your manager's|who can i speak to|who can i talk to|who do i talk to|who do i speak",
    "|who should i talk to|who should i speak|who can i call|transferred|transfer to|have someone from",
    "|can someone from|could someone from|get someone from|someone from your|somebody from your",
    "|someone at your|someone in your",
);

pub(super) const HUMAN_WEAK: &str = concat!(
    "real person|real human|a human|actual person|actual human|someone real|somebody real|persona real|a rep",
    "|sales rep|asesor|an actual human|human being",
);

pub(super) const TEXT_ONLY: &str = concat!(
    "text only|texts only|txt only|text-only|texting only|only text|only txt|only texts|only texting",
    // A stop of calls that reaches the rules at all came with texting invited ("stop calling,
    // texts are fine"): the detector's limits (`crate::limits`) let it through.
    "|stop calling|quit calling|stop ringing|quit ringing|stop phoning|no more calls|texts are fine",
    "|texts are ok|texts are okay|texting is okay|text if",
    "|rather not get phone calls|rather not get calls|keep the texts coming",
    "|ne pas m'appeler",
    "|only by text|only through text|only communicate by text|just text|just txt|just texts|just message",
    "|text me instead|text instead|txt instead|texting instead|message me instead|message instead",
    "|text me here|message me here|reply here|respond here|here instead|keep it here|keep it to text",
    "|keep it to texts|keep it over text|keep it on text|keep this over text|keep it in text|over text",
    "|over txt|via text|via txt|by text|by txt|thru text|through text|instead of calling|instead of a call",
    "|rather than call|over calls|email or text|text or email|don't call|dont call|do not call|don't phone",
    "|dont phone|no calls|no phone calls|no calling|no phone call|not a phone person|don't do phone",
    "|dont do phone|don't do calls|dont do calls|hate phone calls|hate calls|hate talking on the phone",
    "|hate the phone|prefer text|prefer texts|prefer texting|prefer txt|prefer to text|prefer messages",
    "|prefer messaging|rather text|rather you text|text is better|texting is better|texts are better",
    "|text works better|texting works|text works|texts work|text is easier|texting is easier|easier to text",
    "|easier by text|easier over text|text is fine|texting is fine|text is best|texting is best",
    "|better by text|hard of hearing|deaf|hearing impaired|can't hear|cant hear|txt me|text me the",
    "|text me whatever|text me details|text me info|shoot me a text|send me a text|send a text",
    "|send it over text|solo mensajes|solo mensaje|solo texto|solo textos|solo por mensaje|solo por texto",
    "|mejor por mensaje|mejor por texto|mejor mensaje|prefiero mensajes|prefiero texto|prefiero mensaje",
    "|mandame un mensaje|mandame mensaje|mandame texto|escribeme|no llamadas|sin llamadas|no me llames",
    "|no me llamen|no llamen|no llames|=por mensaje|=por texto|=texto|=mensaje|mandame por mensaje",
    "|escribeme por mensaje|por mensaje mejor|por texto mejor|aqui por mensaje|keep * to text|keep * to texts",
    "|keep * to texting|keep * over text|keep * on text|keep * in text|only do text|only do texts",
    "|only do texting|i only text|text is ok|text is okay|texting is ok|text is good|texting is good",
    "|calls don't work|calls dont work|can't do calls|cant do calls|can't do phone|cant do phone",
    "|mensajes nada mas|texto nada mas|nomas mensajes|nomas texto|puro mensaje|puros mensajes",
    "|solamente mensajes|solamente texto",
);

/// No visit or call wanted ("no need to stop by, we're all set"): before the visit words.
pub(super) const NO_VISIT: &str = concat!(
    "no need to|don't need to|dont need to|do not need to|don't need you to|dont need you to|no need for",
    "|don't bother|dont bother|not necessary|won't be necessary|wont be necessary",
);

/// Questions about the process that mention a visit ("do I need to be home?").
pub(super) const PROCESS_QUESTION: &str = concat!(
    "^do i need|^do we need|^do i have to|^do we have to|^do you need|^do u need|^does someone need",
    "|^does anyone need|^will i need|^would i need|^is an appointment|^is it required|^should i be",
    "|^tengo que estar|^necesito estar|^are you open|^are y'all open|^are yall open|^are you guys open",
    "|your hours|business hours|^do you work|^do you guys work|^do y'all work|^do you install on",
    "|^what do i need|^what should i|^what do we need|^how does it work|^how would it work",
    "|^how does that work|^what if|^what happens if",
);

/// Complaints, checked before the visit and call words they mention.
pub(super) const COMPLAINT: &str = concat!(
    "spammed|spamming|spam|spammy|spammer|relentless|persistent|how many times|how many more|already answered",
    "|already told|already said|i told you|told you guys|told y'all|i've told|ive told|told your|as i said",
    "|like i said|i said i'd|i said id|i said i would|i said i will|i said i'll|i said no|who does that",
    "|unprofessional|very professional|real professional|so professional|super professional|great service",
    "|terrible service|horrible service|awful service|bad service|worst service|worst company|service sucks",
    "|nobody showed|no one showed|nobody came|no one came|never showed|didn't show|didnt show|no show|no-show",
    "|stood me up|stood us up|never called back|never called me back|never call me back|never got back",
    "|no one called|nobody called|no one ever|nobody ever|still waiting|been waiting * for a",
    "|been waiting * hours|been waiting * days|been waiting * weeks|been waiting * since|i waited|we waited",
    "|waited all day|you people|y'all called|yall called|you guys called|called me at|texted me at",
    "|texting me at|calling me at|at this hour|middle of the night|it's sunday|its sunday|on a sunday",
    "|at midnight|harass|harassing|harassment|literally just told|chill with|cool cool cool|blowing me up",
    "|blowing up|give it a rest|don't give up|dont give up|never give up|getting old|getting ridiculous",
    "|getting annoying|getting out of hand|enough already|enough is enough|that's enough|thats enough|=enough",
    "|are you kidding|r u kidding|you kidding me|you've got to be kidding|waste of time|wasting my time",
    "|waste my time|take a hint|get the hint|why do you keep|why do u keep|why do you guys keep",
    "|why does your company keep|why am i getting|why am i still|why do i keep getting|why are you still",
    "|keep texting|keep messaging|keep calling|keep sending|keep bugging|keep bothering|keep hitting me up",
    "|keep blowing|bugging me|bothering me|pestering|hounding|won't stop|wont stop|never stops|nonstop",
    "|non stop|non-stop|24/7|so many texts|so many messages|so many calls|too many texts|too many messages",
    "|too many calls|more spam|again and again|over and over|not again|ya les dije|ya te dije|ya dije",
    "|mil veces|todos los dias|a cada rato|can you not text|can you not call|can u not text|can u not call",
    "|could you not text|could you not call|i answered|answered this|answered that|answered already",
    "|already responded|already replied|i replied|nobody did|no one did|you said someone would",
    "|you said you would|you said you'd|supposed to call|was supposed to|were supposed to|texting at|texts at",
    "|texted at|never quit|never stop|never let up|don't let up|how many messages|how many texts",
    "|how many calls|already texted|already called|already messaged|texted me already|called me already",
    "|you just texted|you just called|nobody * called|no one * called|nobody * got back|no one * got back",
    "|haven't heard back|havent heard back|hasn't called|hasnt called|still haven't heard|said not to",
    "|specifically said|told you not to|asked you not to|i said not|been trying to reach|been trying to get",
    "|nobody answers|no one answers|no one picks up|nobody picks up|can't reach anyone|cant reach anyone",
    "|can't get ahold|cant get ahold|can't get a hold|no for an answer|i said i'm|i said im|i said i am",
    "|i said we're|do you ever stop|ever stop|you ever quit|ever give up|missed our appointment",
    "|missed the appointment|missed my appointment|you missed|didn't even call|didnt even call",
    "|never even called|didn't even bother|no call no show",
);

pub(super) const SCHEDULE: &str = concat!(
    "call me|give me a call|gimme a call|give me a ring|give me a buzz|ring me|buzz me|phone me|call back",
    "|callback|call later|call tomorrow|call today|call tonight|call anytime|call now|call then|call after",
    "|call before|call around|call at|call in|call on|call whenever|call my cell|can you call|could you call",
    "|can u call|please call|pls call|plz call|you can call|u can call|feel free to call|want to call",
    "|wanna call|try me|try again|try back|try calling|hit me up|hmu|reach me|ring in|now works|now is good",
    "|now is fine|now is perfect|free now|free rn|good time|best time|free at|free after|free around",
    "|free anytime|free tomorrow|free today|free tonight|free this|free on|free all day|free whenever",
    "|i'm free|im free|i am free|available at|available after|available tomorrow|available today",
    "|available now|available on|available this|available anytime|available all day|i'm available",
    "|im available|i am available|home all day|home after|home before|home tomorrow|appointment|appointments",
    "|appt|appts|schedule|reschedule|book|booking|calendar|pencil me in|pencil us in|put me down for",
    "|set something up|set up * time|set up * call|set up * appointment|set up * visit|set up * consultation",
    "|set up * inspection|set up * estimate|set up * meeting|set up * site|set it up for|set a time",
    "|lock in a time|hop on a call|jump on a call|get on a call|quick call|a phone call|zoom|facetime",
    "|video call|meet|talk tomorrow|talk later|talk now|talk then|talk today|talk tonight|talk soon",
    "|talk to you later|can we talk|let's talk|lets talk|we can talk|can we chat|let's chat|lets chat",
    "|come out|come by|come over|come look|come take a look|come see|come measure|come to the house",
    "|come to my house|swing by|stop by|drop by|pop by|pop over|stop in|drop in|send someone|send somebody",
    "|send a guy|send your guy|someone come|somebody come|can your guy|site visit|walkthrough|walk through",
    "|take a look|when can you|when could you|when can someone|when are you available|when are you free",
    "|what times|what time works|what days|availability|any openings|earliest|soonest|see you then",
    "|see you tomorrow|i'll be there|ill be there|we'll be there|can make it|can't make it|cant make it",
    "|running late|llamame|llamenme|llamarme|marcame|marquenme|hablame|me pueden llamar|me puedes llamar",
    "|puedes llamar|cita|agendar|agenda|programar|visita|pasen|vengan|venir|a las|manana en la|en la tarde",
    "|en la manana|en la noche|hablamos|podemos hablar|estoy disponible|estoy libre",
);

/// Only once a time was stated: "monday morning is best", "can you do 9am?".
pub(super) const SCHEDULE_WITH_TIME: &str = concat!(
    "works|work|good|fine|perfect|best|better|great|ok|okay|can do|can you do|could you do|how about",
    "|what about|let's do|lets do|let's say|lets say|available|free|open|around|between|esta bien|me queda",
    "|puedo|sirve|call|calling|reach|talk|chat|come|all set|set for|confirmed|see you|i can|we can|be home",
    "|i'm home|im home|consultation|estimate|inspection|install|visit|measure|try",
);

/// Reasons not to call that may come with a time ("can't talk, at work"): after the times.
pub(super) const TEXT_ONLY_WEAK: &str = concat!(
    "can't talk|cant talk|can not talk|can't take calls|cant take calls|can't take a call|cant take a call",
    "|can't answer|cant answer|can't pick up|cant pick up|won't pick up|wont pick up|won't answer|wont answer",
    "|don't answer|dont answer|don't pick up|dont pick up|never answer|not on the phone|can't be on the phone",
    "|at work can't|no puedo hablar|no puedo contestar|unable to take|unable to talk|unable to answer",
    "|not able to take calls|not able to talk|text me please|text me pls|pls text me|please text me",
    "|please text|pls text|in a meeting|in meetings|in class",
);

pub(super) const FRUSTRATION: &str = concat!(
    "seriously?|=seriously|seriously??|=really|really??|again??|=again|^again?|omg again|=bruh again",
    "|=ugh again|=can you not|=could you not|=can u not|=can you guys not|wtf|ffs|smh|omfg|jfc|fml|ugh|argh",
    "|jeez|geez|sheesh|=come on|=cmon|=c'mon|=chill|bro chill|chill out|calm down|relax|annoying|annoyed",
    "|irritating|irritated|frustrating|frustrated|pissed|pissing me off|sick of|tired of|fed up",
    "|done with this|ridiculous|absurd|insane|=wow|just wow|why * texting|why * txting|why * calling",
    "|why * messaging|why * contacting|why * keep|why * still|every day|every single day|everyday",
    "|all day long|this early|this late|so late|so early|another text|another message|another call|otra vez?",
    "|=otra vez|oh great|oh wonderful|oh joy|just great|thanks for nothing|😡|🙄|🤬|😤|😒|😠|🤦|😑|🖕|👏|que fastidio",
    "|fastidio|molestando|molestan|que molestia|ya basta|pesados|pesado|pesada|que pesadez|ya estuvo|harto",
    "|harta|hartos|cansado de|cansada de|que lata|no inventen|en serio|neta?|crazy|nuts|again with",
    "|with the texts|with these texts|with all the texts|tantos mensajes|tantas llamadas|chill|i get it",
    "|being pushy|are pushy|you're pushy|aggressive|holy crap|holy shit|are a lot|this is a lot|^seriously",
    "|cansaron|me tienen cansado|me tienen cansada|unnecessary|uncalled for|overkill|excessive|so over",
    "|i'm over it|im over it|over these texts|are you serious|r u serious|u serious|you serious",
    "|respect my time|respect my|value my time|thirsty|desperate|another * text|another * message",
    "|another * call|love that for me|=awesome|being so pushy|are so pushy|you're so pushy|you guys again",
    "|you again|y'all again|ustedes otra vez",
);

pub(super) const NOT_INTERESTED: &str = concat!(
    "not interested|not intrested|not interseted|uninterested|no interest|not really interested|no thanks",
    "|no thank you|no thx|no ty|no tks|nty|nah|naw|nope|no sir|no way|hard pass|i'll pass|ill pass",
    "|i will pass|gonna pass|going to pass|i pass|=pass|pass on|pass for now|we're good|were good|we are good",
    "|i'm good|im good|i am good|we good|we're ok|we're okay|we're fine|were fine|we are fine|all set",
    "|we're set|i'm set|already bought|already got|already purchased|already went with|already signed",
    "|already chose|already done|already did|already taken care|already found|taken care of|got it done",
    "|went with another|went with someone|went with a different|went with a local|went with",
    "|going with another|going with someone else|go with another|elsewhere|somewhere else|different direction",
    "|another direction|changed my mind|change of plans|decided against|decided not to|decided to stay",
    "|stay with my current|staying with|sticking with|keep my current|keeping my current|not for me",
    "|not for us|not my thing|don't need it|dont need it|don't need one|dont need one|don't need any",
    "|dont need any|don't need this|dont need this|don't need that|dont need that|don't need the",
    "|dont need the|do not need|no need|not needed|don't want it|dont want it|don't want one|dont want one",
    "|don't want this|dont want this|don't want that|dont want that|don't want any|dont want any",
    "|no longer need|no longer interested|no longer looking|no longer want|not looking|not in the market",
    "|not buying|not shopping|sold the house|sold my house|sold the car|sold my car|sold the home|we sold",
    "|found one|found someone|found a * already|found another|found a better|found a different|=i'm fine",
    "|=im fine|=i'm ok|=im ok|=i'm okay|=im okay|=i'm out|=im out|maybe never|never mind|nevermind|nvm",
    "|forget it|hold off|holding off|not at this time|not today|not this time|not this year|thanks but no",
    "|but no thanks|count me out|not gonna happen|not happening|=no|=nah|=nope|=n|=paso|=no sir|👎|no gracias",
    "|no estoy interesado|no estoy interesada|no me interesa|no nos interesa|no lo necesito|no necesito",
    "|no necesitamos|ya compre|ya compramos|ya no|no por ahora|por ahora no|ahorita no|ahora no|nel",
    "|no thank u|no thankyou|no thnx|no thnks|no thanx|no tnx|not something i|not something we",
    "|not something that|go with a different|going with a different|go with someone|go with a local",
    "|decided on another|chose another|chose a different|picked another|signed with another",
    "|signed with someone|bought one already|just bought one|just got one|bought one elsewhere|not doing",
    "|not gonna do|not going to do|won't be doing|not moving forward|not going forward|not proceeding",
    "|we'll pass|we will pass|thanks anyway|thanks anyways|but no|=no sorry|sorry no|not to proceed",
    "|not proceed|don't think so|dont think so|other arrangements|already made other|already arranged",
    "|already handled|already sorted|handled it|i'm all good|im all good|we're all good|were all good",
    "|=all good|=no all good|don't need anything|dont need anything|need nothing",
);

/// Distrust of the kind of offer, checked before the money words it mentions ("one of those
/// deals where you don't own the panels").
pub(super) const SKEPTIC: &str = concat!(
    "one of those|don't actually own|dont actually own|don't own the|dont own the|liens|lien|scam|scams",
    "|scammy|too good to be true|bait and switch|gimmick|sketchy|fishy|shady|hidden catch|a trap|ripoff",
    "|concerned|worried|worried about|worry about|afraid|hesitant|skeptical|never heard of you",
    "|never heard of your",
);

/// How long, how many: questions, even when they mention money ("¿cuánto tiempo…?").
pub(super) const DURATION: &str =
    "how long|how many|cuanto tiempo|how soon|how quickly|how fast|cuanto dura|cuanto tarda|cuantos";

pub(super) const PRICING: &str = concat!(
    "how much|how muc|hw much|price|prices|pricing|priced|cost|costs|costing|monthly payment|payment|payments",
    "|payment plan|per month|be a month|is it a month|a month for|month payment|knock off|knock * off",
    "|is it free?|per mo|/mo|monthly|down payment|$0 down|0 down|zero down|nothing down|money down|upfront",
    "|up front|out of pocket|financing|finance|financed|apr|interest rate|rate|rates|affordable|expensive",
    "|pricey|cheaper|cheapest|cheap|discount|discounts|promo|promos|promotion|promotions|coupon|deals",
    "|specials|for less|go lower|lower the|come down|negotiate|negotiable|wiggle room|best you can do|beat it",
    "|beat that|beat the|beat their|price match|match it|match that|run me|gonna run|going to run|does it run",
    "|ballpark|rough number|rough idea|the total|fee|fees|charge|charges|free or|is it free|for free",
    "|deductible|premium|premiums|copay|co-pay|rebate|rebates|incentive|incentives|tax credit|credits|roi",
    "|payback|what's it gonna run|cuanto|precio|precios|costo|costos|cuesta|cuestan|cobran|cobra|pagos|pago",
    "|mensualidad|mensual|al mes|financiamiento|financiar|descuento|descuentos|barato|caro|enganche",
    "|planes de pago|can you beat|estimate free|consultation free|free estimate|free consultation|free quote",
    "|free inspection|it free|the damage|💸|💰|price tag|what's the number|whats the number|out the door",
    "|bottom line|any deals|a deal?|better deal|best deal|deal on|deal for|special deal|cut me a deal",
    "|give me a deal|make me a deal|work out a deal|can you do better|do any better|go any lower",
);

pub(super) const OBJECTION: &str = concat!(
    "already have|already got insurance|i have a provider|current provider|current company|current plan",
    "|happy with|satisfied with|already covered|covered through|covered by|locked into|locked in",
    "|under contract|in a contract|contract with|long contract|long contracts|commit|commitment|long time to",
    "|that's a long time|thats a long time|not sure|unsure|i don't know|i dont know|idk|dunno|scam|scams",
    "|scammy|scammer|legit|legitimate|fraud|fishy|sketchy|shady|sus|suspicious|trust|reviews|heard bad",
    "|heard mixed|mixed things|bad things|horror stories|ripped off|rip off|ripoff|burned|burnt",
    "|too good to be true|sounds too good|not convinced|don't believe|dont believe|how do i know",
    "|how can i trust|prove it|renting|i rent|we rent|renter|tenant|landlord|lease|apartment|condo",
    "|mobile home|not the owner|not the homeowner|decision maker|ask my|check with my|talk to my|talk with my",
    "|speak with my|speak to my|run it by|run it past|discuss with|discuss it with|consult|need to ask",
    "|need to talk to|need to check|need to think|think about it|thinking about it|think it over|sleep on it",
    "|let me think|i'll think|mull it over|concern|concerns|i worry|my worry|the catch|a catch|catch?",
    "|we're moving|i'm moving|im moving|were moving|might be moving|moving soon|moving next|moving out",
    "|moving away|planning to move|plan to move|may move|roof needs|roof might|roof won't|roof isn't|roof has",
    "|roof leaks|cause leaks|leaking|damage my|damage the|doubt|doubtful|sceptical|cautious|nervous|scared",
    "|risky|roof is|roof's|too old|old roof|shade|trees|hoa|won't allow|wont allow|not allowed|too busy",
    "|timing isn't|timing isnt|bad timing|bad time for|my credit|bad credit|poor credit|low credit",
    "|credit score|credit isn't|credit is bad|credit check|won't qualify|wont qualify|can't afford",
    "|cant afford|fixed income|on a budget|pushy|salesperson|sales person|salesman|sales pitch",
    "|don't want anyone|dont want anyone|don't want someone|might move|selling the house|selling my house",
    "|planning to sell|didn't save|didnt save|didn't work|didnt work|waste of money|not worth|no se",
    "|no estoy seguro|no estoy segura|lo voy a pensar|tengo que pensar|dejame pensarlo|hablarlo con",
    "|consultarlo|preguntarle a mi|ya tengo|no confio|desconfio|estafa|fraude|rento|alquilo|mi credito",
    "|ripped me off|ripped us off|rip me off|rip you off|lien|liens|handles this|handles that|handles the",
    "|handles all|takes care of that|makes the decisions|makes those decisions|only here|another year",
    "|won't be here|not staying|bad experience|bad experiences|had issues with|had problems with|got scammed",
    "|was scammed|would kill me|won't let me|wont let me|wouldn't let me|won't go for|wouldn't go for|gimmick",
    "|bait and switch|sales tactic|shaded|not enough sun|not enough sunlight|north facing|north-facing",
    "|don't know if|dont know if|do not know if|don't know about|dont know about|not the right time",
    "|right time for|drill|drilling|holes in|don't wanna|dont wanna|don't want to|dont want to|credit's",
    "|credit is not|credit aint|credit sucks|credit is low|with my wife|with my husband|with my partner",
    "|with my spouse|with my family|with the wife|talk it over|talk it through|think it through|con mi esposa",
    "|con mi esposo|con mi pareja|con mi familia|no me fio|desconfianza|in a rental|it's a rental",
    "|its a rental|this is a rental|rental property|a rental house|still works|works fine|working fine",
    "|runs fine|nothing wrong with|trying to save|tight on money|money is tight|money's tight|budget is tight",
    "|tight budget|not in the budget|cutting back|isn't worth|isnt worth|aren't worth|never pays off",
    "|doesn't pay off|don't pay off|not cost effective|just replaced|recently replaced|just redone",
    "|was just redone|i heard|i've heard|faces north|facing north|wrong way|wrong direction|doesn't get sun",
    "|doesn't get enough|not enough light|don't think|dont think|do not think|can handle it|can't handle",
    "|cant handle|won't hold|sell the house|sell our house|sell my house|might sell|may sell|on the market",
    "|we have * already|i have * already|we've got * already|i've got * already|ask the wife|ask the husband",
    "|ask the hubby|ask my hubby|the wife|the hubby|wifey",
);

/// Weak refusals: after the concerns ("timing isn't great right now, maybe later").
pub(super) const NOT_NOW: &str = concat!(
    "not right now|not now|maybe later|some other time|another time|not yet|not anymore|no longer",
    "|not at the moment|not currently|maybe next year|down the road|=maybe|=not really|=later|not ready",
);

/// Going ahead or asking for more: before the questions they often come with.
pub(super) const GO_AHEAD: &str = concat!(
    "count me in|count us in|sign me up|sign us up|move forward|moving forward|move ahead|go ahead|go for it",
    "|let's do it|lets do it|let's do this|lets do this|let's go|lets go|let's get started|get started",
    "|ball rolling|i'm game|im game|i'm down|im down|i'm so down|im so down|down for it|i'm ready|im ready",
    "|we're ready|ready to go|ready to start|what's next|whats next|next steps|next step|what do we do next",
    "|what do i do next|how do i sign up|how do we start|how do i get started|where do i sign|send me more",
    "|send more info|send me info|send the info|send me the info|send info|send me details",
    "|send me the details|send the details|send it over|send over|send it|send me something|tell me more",
    "|hear more|learn more|know more|more info please|more info pls|still interested|very interested",
    "|definitely interested|def interested|super interested|really interested|interested!|yes please|yes pls",
    "|heck yes|heck yeah|hell yes|hell yeah|that'd be awesome|thatd be awesome|that would be great",
    "|that'd be great|would love|i'd love|id love|love to|keep me posted|keep me updated|keep me in the loop",
    "|been waiting for this|exactly what i|what i was looking for|just what i|don't stop|dont stop|keep going",
    "|me interesa|claro que si|por supuesto|adelante|de acuerdo|me apunto|mas informacion|mas info",
    "|quiero saber mas|mandame la info|mandame info|mandame informacion|enviame la info|enviame informacion",
    "|why not|get going|get this going|get it going|get things going|get the process started|want a quote",
    "|like a quote|need a quote|get a quote|send me a quote|send the quote|send over the quote",
    "|want an estimate|like an estimate|get an estimate|need an estimate|estoy listo|estoy lista",
    "|estamos listos|como empezamos|como empiezo|como le hacemos|que sigue|siguiente paso|send more",
    "|send * info|send * information|send * details|more information please|=i'm in|=im in|=i am in|i'm in!",
    "|im in!|i'm in.|im in.|i'm in,|im in,|interested in a quote|interested in getting|proceed|let's proceed",
    "|make it happen|i'm sold|im sold|=sold|mandame * cotizacion|mandenme * cotizacion|enviame * cotizacion",
    "|mandame * detalles|mandenme * detalles|mandame * informacion|mandenme * informacion|mandenme * info",
    "|go with you|going with you|go with your|chose you|choose you|picked you|hire you|you're hired",
    "|you got the job",
);

pub(super) const QUESTION: &str = concat!(
    "quick question|quick q|i have a question|question about|wondering|curious|want to know|wanted to know",
    "|warranty|warranties|guarantee|insured|licensed|located|in stock|what areas|service area|do you service",
    "|difference between|^how|^what|^whats|^what's|^which|^where|^when|^who|^why|^do you|^do u|^do y'all",
    "|^do yall|^do ya|^does|^is there|^are there|^is it|^is the|^is this|^is that|^are you|^are u|^r u",
    "|^are they|^are the|^can you|^can u|^can i|^can we|^could you|^could i|^would|^will|^any|^hacen|^tienen",
    "|^trabajan|^ofrecen|^instalan|^que|^como|^donde|^cuando|^cual|^hay|^incluye|^puedo|^pueden",
);

/// Asking for a quote or talking budget, once the go-aheads are ruled out.
pub(super) const PRICING_WEAK: &str =
    "quote|quotes|estimate|estimates|budget|loan|$|cotizacion|presupuesto|credit|save|savings";

/// Interjections that may come with anything (checked after the stronger signals).
pub(super) const FRUSTRATION_WEAK: &str = "bruh|=bro|=dude|=smh";

pub(super) const QUESTION_WEAK: &str = concat!(
    "?|include|includes|included|come with|cover|covers|the process|how it works|what kind|what brand",
    "|what type|which company",
);

pub(super) const INTEREST: &str = concat!(
    "yes|yeah|yea|yep|yup|yah|yas|yass|ye|yeh|ok|okay|okie|k|kk|sure|certainly|bet|interested|absolutely",
    "|definitely|for sure|of course|sounds good|sounds great|sounds promising|sounds interesting",
    "|sounds awesome|sounds perfect|i want|i'd like|id like|i would like|we want|we'd like|we need|i need",
    "|looking to|looking for|looking into|want to|wanna|ready|please do|do it|why not|more info|cool|nice",
    "|great|awesome|perfect|alright|aight|=y|=go|👍|👌|🙌|💯|✅|claro|perfecto|dale|orale|bueno|quiero|queremos",
    "|necesito|necesitamos|me gustaria|=ya|=va|=si|^si|yess|yessir|yes sir|yes maam|ofc|def|yep yep|amazing",
    "|fantastic|wonderful|excellent|sounds nice|sounds cool|sounds like a plan|sounds fair|i'm listening",
    "|im listening|good deal|great deal|me encantaria|me encanta|encantado|encantada",
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;
    use crate::rules::detect::{BOT, NOT_NAMES};

    #[test]
    fn phrases_are_written_normalised_once_each() {
        let tables: [&str; 27] = [
            FILLER,
            OPENERS,
            WRONG_NUMBER,
            HUMAN_EXPLICIT,
            HUMAN_WEAK,
            TEXT_ONLY,
            NO_VISIT,
            PROCESS_QUESTION,
            COMPLAINT,
            SCHEDULE,
            SCHEDULE_WITH_TIME,
            TEXT_ONLY_WEAK,
            FRUSTRATION,
            NOT_INTERESTED,
            PRICING,
            DURATION,
            SKEPTIC,
            OBJECTION,
            NOT_NOW,
            GO_AHEAD,
            QUESTION,
            PRICING_WEAK,
            FRUSTRATION_WEAK,
            QUESTION_WEAK,
            INTEREST,
            BOT,
            NOT_NAMES,
        ];
        for table in tables {
            let phrases: Vec<&str> = table.split('|').collect();
            for (i, phrase) in phrases.iter().enumerate() {
                let body = phrase.trim_start_matches(['=', '^']);
                assert!(!body.is_empty() && body.trim() == body, "{table}");
                assert_eq!(normalise(body), body, "{phrase}");
                assert!(!phrases[..i].contains(phrase), "twice: {phrase}");
            }
        }
    }
}
