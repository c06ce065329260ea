//! Revocations in the languages US leads write in besides English and Spanish (those two are
//! in [`crate::normalise`]'s tables): Portuguese, French, Italian, German, Polish, Russian,
//! Ukrainian, Tagalog, Vietnamese, Haitian Creole, Hindi and Urdu in Latin letters and in their
//! own scripts, Bengali, Punjabi, Gujarati, Somali, Arabic, Farsi, Amharic, Turkish, Dutch,
//! Indonesian and Malay, Greek, Hebrew, Swahili, Romanian, Czech, Swedish, Norwegian, Danish,
//! Hungarian, Serbian, Croatian and Bosnian, Bulgarian, Macedonian, Slovak, Slovenian, Albanian,
//! Finnish, Estonian, Latvian, Lithuanian, Catalan, Basque, Galician, Afrikaans, Icelandic,
//! Irish, Welsh, Tamil, Telugu, Kannada, Malayalam, Marathi, Nepali, Sinhala, Armenian,
//! Georgian, Azerbaijani, Kazakh, Uzbek, Kyrgyz, Tajik, Mongolian, Hmong, Cebuano, Ilocano,
//! Samoan, Hawaiian and Hawaii Pidgin, Chamorro, Chuukese, Marshallese, Pennsylvania Dutch,
//! Yiddish, Neo-Aramaic,
//! Tongan, Maori, Yoruba, Igbo, Hausa, Zulu, Xhosa, Tigrinya, Oromo, Kinyarwanda, Malagasy,
//! Chinese (and Cantonese), Korean, Japanese, Thai, Lao, Burmese and Khmer; Arabic, Farsi,
//! Russian, Hindi, Urdu, Bengali, Tamil, Telugu, Greek, Mandarin, Cantonese, Japanese and Korean
//! also as typed in Latin letters. A revocation is honoured in whatever language it
//! comes; a reply in the same language is not attempted (the confirmation goes out in the
//! campaign's language).

//!
//! Two tables, both written normalised ([`crate::normalise::normalise`], then letters and one
//! space between words):
//! - [`STEMS`], for scripts with spaces between words: a phrase must open at a word's start
//!   and may end inside a word, so one stem serves an inflected verb ("nao me mand" for "não me
//!   mande", "mandem", "mandar"; "не пиш" for "не пишите", "не пиши");
//! - [`UNSPACED`], for Chinese, Japanese, Korean, Thai, Lao, Burmese and Khmer, matched
//!   anywhere: most of them have no spaces between words, and Korean endings attach to the verb
//!   ("보내지 마세요").

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::index::{Fast, WordList};

/// Phrases of spaced scripts that revoke, written in `letters_only` form (folded, one space).
const STEMS: &str = concat!(
    // Spanish forms the whole-word table does not have: "no quiero que me llamen ni me
    // escriban", "ya no me manden nada".
    // Whole verb forms where a stem would also take a complaint ("ni me mandaron la info").
    // A request passed on in the third person: "mi esposo dice que ya no le manden textos".
    // Whole forms: "ya no le llama la atención" (it no longer appeals to him) is no request.
    "ya no le manden|ya no le mande|ya no le escriban|ya no le escriba|ya no le envien|ya no le llamen",
    "|que no le manden mas|que no le escriban mas|que no le llamen mas|deje de llamar a mi|dejen de llamar a mi",
    "|deja de llamar a mi|deje de llamarle|dejen de llamarle|",
    // "de" typed as "d": "deja d mandarme mensajes".
    "deja d mandar|deja d escribir|dejen d mandar|dejen d escribir|deja d llamar|dejen d llamar|para d mandar|paren d mandar|",
    // A threat over the next one: "un mensaje más y los denuncio".
    "un mensaje mas y|un texto mas y|una llamada mas y|un sms mas y|otro mensaje mas y|",
    "ni me escriban|ni me escribas|ni me escriba|ni me manden|ni me mandes|ni me mande|ni me envien|ni me envies",
    "|ni me contacten|ni me contactes|ni me textees|que no me escriban|que no me manden|que no me contacten",
    "|ya no me escriban|ya no me escribas|ya no me escriba|ya no me manden|ya no me mandes|ya no me mande",
    "|ya no me envien|ya no me contacten|no me escriba|no me mande|no me envie|no me contacte|no me escribir",
    "|dejenme de escribir|dejame de escribir|dejenme de mandar|dejame de mandar|dejen de escribirme",
    "|dejenme de molestar|dejame de molestar|basta de mensajes|basta de textos|basta de llamadas|ya basta",
    "|favor de no escribir|dejen de molestar",
    "|deje de molestar|no me vuelvan a contactar|no me sigan escribiendo|no me sigan mandando",
    "|no vuelvan a llamar|no vuelvan a escribir|no vuelvan a textear|no vuelvan a mandar|no me vuelvan a",
    "|no deseo recibir|no quiero recibir mas|favor de no llamar|favor de no enviar|favor de no mandar",
    "|no acepta mas mensajes|eliminen mi numero|eliminar mi numero|borren mi numero|favor de eliminarlo",
    "|olvidense de mi numero|olvidate de mi numero|olviden mi numero|olvida mi numero",
    // "Textear" and "mensajear", the verbs US Spanish makes of "text" and "message".
    "|no me textees|no me texteen|no me textee|no me texteen mas|dejen de textearme|deja de textearme",
    "|deje de textearme|dejen de textear|no me mensajeen|no me mensajees|dejen de mensajearme",
    // Portuguese.
    "|nao quero mais receber|nao quero mais mensag|nao quero receber mensag|nao me mande|nao me mandem",
    "|nao me mandar mais|nao me envie|nao me enviem|nao me enviar mais|me tira dessa|me tire dessa",
    "|me tirem dessa|me tira desta|me tire desta|me remova|me removam|me exclua|exclua meu numero",
    "|excluir meu numero|excluam meu numero",
    "|nao mande mais|nao mandem mais|nao envie mais|nao envien mais|parem de mand|pare de mand|parem de envi",
    "|pare de envi|chega de mensag|me tire da lista|me tirem da lista|me tira da lista|tire meu numero",
    "|parem de me mand|pare de me mand|parem de me envi|pare de me envi|para de me mand|para de me envi|tirem meu numero|remova meu numero|removam meu numero|descadastr|cancelar inscricao",
    // "Desinscrever" (unsubscribe); "não me liga mais" (don't call me any more), "não me manda
    // mensagem" (don't send me messages).
    "|desinscrev|nao me liga mais|nao me ligue mais|nao me liguem mais|nao me manda mensage",
    "|nao me mande mensage|nao me mandem mensage",
    // Haitian Creole "efase nimewo m" (erase my number), "retire nimewo m" (take my number off).
    "|efase nimewo m|efase nimewo mwen|retire nimewo m|retire nimewo mwen",
    "|cancelar minha inscricao|me deixe em paz|me deixa em paz|me deixem em paz|nao entre em contato",
    "|nao entrem em contato|nao me contate|nao me contatem|nao me contactem|nao me ligue mais|nao me liguem mais|apague meu numero",
    // The infinitive ("vcs podem parar de me mandar sms?", "pediu pra vcs pararem de mandar") and
    // a threat over the next one ("se mandarem mais uma msg vou bloquear").
    "|parar de me mand|parar de me envi|pararem de mand|pararem de me mand|pararem de envi|pararem de me envi",
    "|pararem de lig|pararem de me lig|mandarem mais uma|mais uma msg e|mais uma mensagem e|vou bloquear voces",
    "|vou bloquear vcs|vou te bloquear|vou bloquear esse numero|vou bloquear o numero",
    // French.
    "|arretez de m|arrete de m|arretez d'envoyer|arretez les messages|arretez les sms|arretez les textos",
    "|ne m'ecrivez plus|ne m'ecris plus|ne me contactez plus|ne me contacte plus|ne m'envoyez plus",
    "|ne m'appelez plus|ne m'appelle plus|ne m'appelez jamais|ne me telephonez plus",
    "|ne m'envoie plus|ne plus me contacter|ne plus recevoir|je ne veux plus recevoir|je ne veux plus de",
    "|plus de messages|plus de sms|plus de textos|desabonn|desinscri|retirez moi|retire moi",
    "|supprimez mon numero|supprime mon numero|effacez mon numero|laissez moi tranquille",
    "|laisse moi tranquille|fichez moi la paix|foutez moi la paix|arretez de me contacter|me retirer de",
    // Quebec French: "pu" for "plus" (no more), "lâchez-moi patience" (leave me alone).
    "|appelez moi pu|appelez moi plus jamais|ecrivez moi pu|ecrivez moi plus jamais|textez moi pu|texte moi pu",
    "|m'appelez pu|m'ecrivez pu|m'textez pu|m'texte pu|lachez moi patience|lache moi patience",
    // Cajun and Quebec French, the familiar "tu": "appelle-moi pu", "je veux pu de textos",
    // "ôte-moi de ta liste", "sors mon numéro de ton système"; a request passed on ("mon mari
    // veut que vous arrêtiez d'appeler", "dit d'arrêter d'écrire à ce numéro"); a threat over
    // the next one ("un autre texto pis je vous bloque").
    "|appelle moi pu|ecris moi pu|texte moi pus|je veux pu de|je veux pu que vous|je veux pus de|veux pu de texto",
    "|ote moi de|otez moi de|ote mon numero|otez mon numero|sors mon numero|sortez mon numero|sors moi de ta",
    "|sortez moi de vot|d'arreter d'ecrire|d'arreter d'appeler|d'arreter de texter|d'arreter de m",
    "|arretiez d'appeler|arretiez d'ecrire|arretiez de m|arretiez de texter|arretiez d'envoyer",
    "|je vous bloque|je te bloque|j'te bloque|je vais vous bloquer|je vais te bloquer",
    // "Si vous m'écrivez encore une fois, je porte plainte": a complaint threatened.
    "|je porte plainte|je vais porter plainte|porter plainte contre vous",
    // Italian.
    "|non scrivetemi|non scrivermi|non mi scrivete|non mi scriva|non mi scrivere|non contattatemi|non mi contattate|non mi contatti|non mi contattare|smettete di scriv|smetti di scriv",
    // Passed on: "mi chiede di dirvi di non contattarlo più".
    "|di non contattarlo|di non contattarla|non contattarlo piu|non contattarla piu|di non scrivergli|di non scriverle",
    "|smettete di mand|smetti di mand|smettete di chiam|smetti di chiam|non chiamatemi piu|non mi chiamate piu|smettetela|smettila|basta messaggi|basta sms|niente piu messaggi|non voglio piu ricevere|non voglio piu messaggi",
    "|cancellatemi|cancellami|cancella il mio numero|cancellate il mio numero|disiscriv|toglietemi|toglimi",
    // "Vi prego di cancellare il mio numero dai vostri elenchi" (please delete my number from
    // your lists).
    "|cancellare il mio numero|rimuovere il mio numero|rimuovete il mio numero|togliere il mio numero",
    "|togliete il mio numero",
    "|lasciatemi in pace|lasciami in pace|non mandatemi|non mandarmi",
    // "Mia moglie vi chiede di non scrivere più a questo numero".
    "|non scrivere piu|non scrivete piu|non scriveteci piu|non scriverci piu|non chiamare piu|non chiamate piu",
    // German.
    "|keine nachrichten mehr|keine nachricht mehr|keine sms mehr|keine textnachrichten mehr",
    "|keine weiteren nachrichten|keine weiteren sms|nicht mehr schreib|nicht mehr kontaktier",
    "|nicht mehr anschreib|schreiben sie mir nicht|schreib mir nicht|schreibt mir nicht|horen sie auf",
    "|keine werbung|hort auf|hor auf|aufhoren|abmelden|abbestellen|austragen|kontaktieren sie mich nicht",
    "|lassen sie mich in ruhe|lass mich in ruhe|lasst mich in ruhe|loschen sie meine|losch meine nummer",
    // "Rufen Sie mich nie wieder an!", "ruf mich nicht mehr an".
    "|mich nie wieder an|mich nie mehr an|mich nicht mehr an|nie wieder anrufen|nicht mehr anrufen",
    "|meine nummer loschen|entfernen sie mich|entfernen sie meine|belastigen sie mich nicht|belastigung",
    // A threat over the next one: "noch eine Nachricht und ich blockiere Sie".
    "|noch eine nachricht und|noch eine sms und|noch ein anruf und|ich blockiere sie|ich blockiere euch",
    // Polish.
    "|nie piszcie|nie pisz do mnie|nie pisac|przestancie pisac|przestan pisac|wypisz mnie|wypiszcie mnie",
    "|nie wysylac|nie wysylaj|nie wysylajcie|nie przysylac|nie przysylaj|nie przysylajcie|wiecej wiadomosci",
    "|usuncie moj numer|usun moj numer|nie kontaktuj|przestac do mnie pisac|przestac pisac",
    // "nie kontaktować" (the infinitive), "żeby państwo przestali do niej pisać" (a request
    // passed on), "nie życzę sobie żadnych SMS-ów" (I do not wish for).
    "|nie kontaktowa|przestali pisac|przestali do mnie|przestali do niej|przestali do niego",
    "|przestali dzwoni|nie zycze sobie zadnych|nie zycze sobie sms|nie zycze sobie wiadomo|nie zycze sobie kontakt",
    "|nie zycze sobie telefon|nie zycze sobie zadnego|nie zycze sobie zadnej",
    // "proszę o usunięcie mojego numeru" (I ask for my number's removal); a threat over the
    // next one: "jeszcze jeden SMS i blokuję numer", "jeszcze jedna wiadomość i zgłaszam".
    "|usuniecie mojego numeru|usuniecie mnie z|usunac moj numer|usunac mnie z",
    "|jeszcze jeden sms i|jeszcze jedna wiadomosc i|jeszcze jeden telefon i|jeszcze jeden esemes i",
    "|zablokuje was|zablokuje wasz numer|blokuje wasz numer",
    // Russian (Cyrillic, lower case).
    "|не пишите|не пиши|больше не пиш|не надо мне писать|не надо писать|не присылай|не отправляй|не беспокой|хватит писать|хватит присылать|хватит слать",
    "|больше не беспоко|прекратите|перестаньте|перестань писать|отпишите|отписаться|удалите мой номер|удали мой номер",
    "|удалите меня|оставьте меня в покое|отстаньте|отвалите|отпишите меня",
    // Ukrainian (Cyrillic, lower case).
    "|не пишіть|не пиши мені|більше не пиш|не надсилайте|не турбуйте|припиніть|перестаньте писати|відпишіть",
    // A threat over the next one: "ще одне повідомлення і я вас заблокую".
    "|ще одне повідомлення і|ще один дзвінок і|ще одна смс і|я вас заблокую|заблокую вас|заблокую ваш номер",
    "|більше не писа|видалити мій номер|видалити мене|больше не писа|удалить мой номер|удалить меня|відписатися|видаліть мій номер|видали мій номер|видаліть мене|залиште мене в спокої|не дзвоніть мені більше",
    // Tagalog.
    "|tigilan nyo na ako|tigilan niyo na ako|tigilan mo na ako|tigilan nyo ako|tigilan niyo ako",
    "|tigilan mo ako|tantanan nyo|tantanan niyo|tantanan mo ako|wag na kayo mag|wag na kayong mag",
    "|huwag na kayo mag|huwag na kayong mag|wag nyo na ako|wag niyo na ako|wag mo na ako|huwag nyo na ako",
    "|huwag niyo na ako|huwag mo na ako|wag na po kayo mag|wag na po kayong mag|huwag na po kayo mag|huwag na po kayong mag|wag nyo na po ako|wag niyo na po ako|huwag nyo na po ako|huwag niyo na po ako|wag na po mag text|huwag na po mag text|tigilan nyo na po ako|tigilan niyo na po ako|tigilan mo na po ako|ayoko na po ng text|ayaw ko na ng mga text|ayoko na ng mga text|pakitanggal ako|pakitanggal po ako|pakialis ako|pakialis po ako|tanggalin ako sa listahan|alisin ako sa listahan|wag na mag text|wag na magtext|ayoko na ng text|ayoko na ng mensahe",
    "|ayaw ko na ng text|alisin nyo ako|alisin niyo ako|alisin mo ako|tanggalin nyo ako|tanggalin niyo ako",
    "|pakitanggal na po ang number|pakitanggal po ang number|pakitanggal ang number|pakitanggal na ang number",
    "|pakitanggal na po ako|pakitanggal na ako|tanggalin na po ang number|tanggalin nyo na ang number",
    // Calls: "huwag na kayong tumawag", "wag nyo na akong tawagan".
    "|huwag na kayong tumawag|wag na kayong tumawag|huwag na kayo tumawag|wag na kayo tumawag",
    "|huwag na po kayong tumawag|wag na po kayong tumawag|huwag nyo na akong tawagan|wag nyo na akong tawagan",
    "|huwag niyo na akong tawagan|wag niyo na akong tawagan",
    "|tanggalin ang number ko|burahin nyo ang number ko|burahin niyo ang number ko|pakitigil",
    // Vietnamese: "đừng" keeps its đ (folded it would be "dùng", to use); typed without
    // marks, "nữa" (any more) makes it a revocation.
    "|đung nhan tin|đung gui|đung lien lac|đung lien he|đung lam phien|dung nhan tin nua",
    // A threat over the next one: "nhắn nữa là tôi chặn số này" (text again and I block).
    "|nhan nua la|nhan tin nua la|goi nua la|goi nua thi|nhan nua thi|toi chan so|se chan so|chan so nay",
    "|dung gui tin nhan nua|dung gui nua|dung lien lac nua|dung lam phien|khong muon nhan tin",
    "|khong muon nhan them|ngung nhan tin|ngung gui|huy đang ky|huy dang ky|xoa so cua toi",
    "|xoa so đien thoai cua toi|xoa so dien thoai cua toi|khong lien lac nua|dung nhan tin cho toi",
    // "Đừng gọi số này nữa" (don't call this number any more): the number or "nữa" makes it one;
    // "đừng gọi trước 9 giờ" (not before 9) stays an hour.
    "|đung goi so nay|đung goi nua|đung goi cho toi nua|đung goi toi nua|dung goi so nay nua|dung goi nua",
    // Haitian Creole.
    "|sispann voye|sispann ekri|pa voye m|pa voye mesaj|pa ekri m|pa ekri mwen|kite m anpe|kite mwen anpe",
    "|retire non m|retire nimewo|mwen pa vle mesaj|pa vle resevwa|pa kontakte m|pa rele m anko|sispann rele",
    // Hindi and Urdu in Latin letters.
    "|message mat bhej|msg mat bhej|sms mat bhej|mat bhejo|mat bhejna|message band karo|messages band karo",
    "|msg band karo|pareshan mat karo|pareshaan mat karo|message mat karo|msg mat karo|number hata do",
    // A threat over the next one: "agli baar msg kiya toh block kar dunga".
    "|block kar dunga|block kar dungi|block kar denge|block kr dunga|block kr dungi|agli baar msg|agli baar message",
    "|number hatao|mera number hata|message mat karna|msg mat karna|sms mat karna|call mat karna|call mat karo",
    // "papa ko call karna band karo" (stop calling dad): the verb's noun before "band".
    "|call karna band|call karne band|phone karna band|message karna band|msg karna band|sms karna band",
    // Mandarin (pinyin, without tones), Cantonese, Japanese, Bengali, Tamil, Telugu and Greek
    // as typed in Latin letters.
    "|bie zai fa|bie zaifa|bu yao zai fa|buyao zaifa|bu yao zaifa|bie fa le|bie gei wo fa|bu yao gei wo fa",
    "|bu yao fa duanxin|tuiding|qu xiao ding yue|quxiao dingyue|bie da rao wo|bie darao wo|bu yao da rao wo",
    "|bu yao darao wo|bu yao lianxi wo|bie lianxi wo|bie zai lianxi|m hou zoi|mhou zoi|m ho zoi|mai zoi send",
    "|okuranaide|okuranai de|renraku shinaide|renraku shinai de|renrakushinaide|haishin teishi|haishin kaijo",
    "|message pathaben na|msg pathaben na|sms pathaben na|message diben na|birokto korben na|message anuppa vendam",
    "|msg anuppa vendam|anuppatheenga|anuppadheenga|message pampakandi|msg pampakandi|pampoddu|min mou stelnete",
    "|mi mou stelnete|min mou steilete|stamatiste na stelnete|stamatiste na mou stelnete",
    // Korean typed in Latin letters ("munja geuman bonaeseyo").
    "|munja geuman|munja bonaeji|bonaeji maseyo|bonaeji ma|geuman bonae|yeollak geuman|yeollakhaji ma",
    "|yeonlak geuman|yeonrak geuman|yeollak hajima|yeollakhajima",
    // Arabic (no case; alif with and without hamza both written).
    "|توقف|لا ترسل|لا تراسل|الغاء الاشتراك|إلغاء الاشتراك|الغي الاشتراك|ألغي الاشتراك|احذف رقمي|امسح رقمي",
    "|لا تتصلوا بي|لا تزعجني|كفى رسائل|أوقف|اوقف|لا أريد رسائل|لا اريد رسائل|لا أريد المزيد|لا اريد المزيد",
    "|لا أريد استلام|لا اريد استلام|لا أريد أي رسائل|لا اريد اي رسائل|لا أريد أي رسالة|لا اريد اي رسالة",
    // Levantine "ما بدي رسائل" (I don't want messages), "وقفوا ترسلوا لي" (stop sending me).
    "|ما بدي رسائل|ما بدي رسايل|ما بدي مسجات|وقفوا ترسلوا|وقفوا تبعتوا|وقفوا الرسائل|وقفوا الرسايل",
    // Farsi (Persian script).
    "|پیام ندید|پیام نده|پیام نفرستید|پیام نفرست|دیگه پیام|مزاحم نشید|مزاحم نشوید|شماره منو پاک|شماره من را پاک",
    "|لغو اشتراک|تماس نگیرید",
    // Somali.
    "|ha ii soo dirin|ha iisoo dirin|fariin ha|farriin ha|iga saar|iga tirtir|ha ila soo xiriirin|ha i soo wicin",
    // "ha i soo wacin" (don't call me), spelled with a.
    "|ha i soo wacin|ha ii soo wacin|ha i wacin",
    // "Lambarkeyga ka saar liiskiinna" (take my number off your list), "jooji fariimaha" (stop
    // the messages), "fariin dambe ha u soo dirin" (send no further message).
    "|lambarkeyga ka saar|lambarkayga ka saar|ka saar liiska|ka saar liiskiinna|ka saar liiskiina",
    "|jooji fariimaha|jooji farriimaha|joojiya fariimaha|ha u soo dirin|ha soo dirin",
    // "ha soo wicina, ha soo qorina" (don't call, don't write), passed on for a mother.
    "|ha soo wicin|ha ii soo wicin|ha soo qorin|ha ii soo qorin",
    // Amharic (Ge'ez script).
    "|መላክ ያቁሙ|መላክ አቁሙ|መልእክት አትላኩ|አትላኩልኝ|አትደውሉ|ቁጥሬን ያጥፉ|ቁጥሬን አጥፉ",
    // The polite "አይላኩልኝ" (please don't send me), "ስሜን አስወጡ" (take my name out), a request
    // passed on ("እንዳትልኩ", that you not send), and Amharic in Latin letters ("atlakulign").
    "|አይላኩልኝ|መልእክት አይላኩ|ስሜን አስወጡ|ቁጥሬን አስወጡ|ቁጥሬን ሰርዙ|እንዳትልኩ|atlakulign|aytlakulign|atlakulegn",
    // "ከዝርዝራችሁ አስወጡኝ" (take me off your list), "እናቴ እንዳትደውሉላት ብላለች" (my mother said
    // not to call her).
    "|አስወጡኝ|እንዳትደውሉ",
    // French, taking the number off.
    "|retirez mon numero|retirer mon numero|enlevez mon numero|enlever mon numero|enlevez moi|retirez nous",
    // "merci de retirer ce numéro", "(il) ne veut plus recevoir vos appels".
    "|retirer ce numero|retirez ce numero|enlever ce numero|enlevez ce numero|ne veut plus recevoir",
    "|ne veux plus recevoir|ne voulons plus recevoir|ne souhaite plus recevoir",
    // Hindi (Devanagari).
    "|मैसेज न भेज|मैसेज मत भेज|मेसेज न भेज|मेसेज मत भेज|संदेश न भेज|संदेश मत भेज|एसएमएस मत भेज|एसएमएस न भेज",
    "|परेशान मत कर|परेशान न कर|मेरा नंबर हटा|नंबर हटा दो|नंबर हटा दें|कॉल मत कर|फोन मत कर|फ़ोन मत कर",
    "|मैसेज मत कर|मेसेज मत कर|मैसेज न कर|मेसेज न कर|मैसेज ना कर|मेसेज ना कर|संदेश मत कर|संदेश न कर",
    // "बंद करो ये मैसेज" (stop these messages), the verb first.
    "|बंद करो ये मैसेज|बंद करो मैसेज|बंद करो ये मेसेज|मैसेज बंद करो|मेसेज बंद करो",
    // Off the list, with "your list" between the number and the verb: "मेरा नंबर अपनी लिस्ट से हटा दो".
    "|लिस्ट से हटा|list se hata",
    // "मैसेज करना बंद करें" (stop messaging), "संपर्क मत करें" (don't contact).
    "|मैसेज करना बंद|मेसेज करना बंद|कॉल करना बंद|फोन करना बंद|फ़ोन करना बंद|संपर्क मत कर",
    // Urdu (Arabic script).
    "|میسج مت بھیج|میسج نہ بھیج|پیغام نہ بھیج|پیغام مت بھیج|تنگ نہ کر|تنگ مت کر|میرا نمبر ہٹا|میرا نمبر ڈیلیٹ",
    // "اپنی لسٹ سے نکال دیں" (take off your list), "رابطہ نہ کریں" (don't contact), "میسج کرنا بند
    // کریں" (stop messaging).
    "|لسٹ سے نکال|لسٹ سے ہٹا|فہرست سے نکال|فہرست سے ہٹا|رابطہ نہ کر|رابطہ مت کر",
    "|میسج کرنا بند|میسج بند کر|کال کرنا بند|فون کرنا بند",
    // Consent revoked: Italian "revoco il consenso", Spanish, Portuguese, French, German.
    "|revoco il consenso|revoco il mio consenso|ritiro il consenso|ritiro il mio consenso|revoco mi consentimiento",
    "|retiro mi consentimiento|revogo o consentimento|revogo meu consentimento|revogo o meu consentimento",
    "|retire mon consentement|revoque mon consentement|widerrufe meine einwilligung|widerrufe die einwilligung",
    // Bengali, Punjabi (Gurmukhi), Gujarati.
    "|মেসেজ পাঠাবেন না|মেসেজ পাঠাবে না|মেসেজ দিবেন না|মেসেজ দেবেন না|বার্তা পাঠাবেন না|ফোন করবেন না|বিরক্ত করবেন না",
    "|আমার নম্বর মুছে|ਮੈਸੇਜ ਨਾ ਭੇਜ|ਮੈਸੇਜ ਨਾ ਕਰ|ਲਿਸਟ ਤੋਂ ਹਟਾ|ਨੰਬਰ ਹਟਾ ਦਿਓ|ਭੇਜਣੇ ਬੰਦ ਕਰੋ|ਭੇਜਣਾ ਬੰਦ ਕਰੋ|ਮੈਸੇਜ ਬੰਦ ਕਰੋ|ਦੁਬਾਰਾ ਫ਼ੋਨ ਨਾ|ਦੁਬਾਰਾ ਫੋਨ ਨਾ|ਫ਼ੋਨ ਨਾ ਕਰ|ਫੋਨ ਨਾ ਕਰ|ਸੰਪਰਕ ਨਾ ਕਰ|call na karo mainu|text vi nahi|msg vi nahi|message vi nahi|ਤੰਗ ਨਾ ਕਰ|ਮੇਰਾ ਨੰਬਰ ਹਟਾ|મેસેજ ન મોકલ|મેસેજ ના મોકલ|મેસેજ મોકલશો નહીં",
    "|હેરાન ન કર|મારો નંબર કાઢી",
    // Gujarati "મને મેસેજ કરવાનું બંધ કરો" (stop messaging me), "મને ફોન ન કરશો" (don't call me),
    // "… લિસ્ટમાંથી કાઢી નાખો" (take off the list), "મારો સંપર્ક ન કરશો" (don't contact me), and
    // in Latin letters.
    "|મેસેજ કરવાનું બંધ|ફોન કરવાનું બંધ|કોલ કરવાનું બંધ|મેસેજ બંધ કરો|ફોન ન કરશો|મેસેજ ન કરશો|સંપર્ક ન કરશો",
    "|લિસ્ટમાંથી કાઢી|યાદીમાંથી કાઢી|message karvanu bandh|msg karvanu bandh|phone karvanu bandh",
    "|call karvanu bandh|phone na karsho|call na karsho|message na karsho",
    // Punjabi "ਬੰਦ ਕਰੋ ਇਹ ਮੈਸੇਜ" (stop these messages), in Latin letters "band karo eh texts",
    // "dobara phone na karna" (don't phone again).
    "|ਬੰਦ ਕਰੋ ਇਹ ਮੈਸੇਜ|ਬੰਦ ਕਰੋ ਮੈਸੇਜ|band karo eh text|band karo eh msg|band karo eh mess|band karo ih text",
    "|dobara phone na|dubara phone na|dobara call na|dubara call na|dobara message na|dubara message na",
    // Turkish (dotless ı kept; typed with or without it).
    "|mesaj atmay|mesaj gondermey|bana yazmay|beni aramay|listeden cıkar|listeden cikar|numaramı sil|numarami sil",
    "|rahatsız etmey|rahatsiz etmey|abonelikten cık|abonelikten cik|mesaj istemiyorum",
    // "Artık benimle iletişime geçmeyin" (don't get in touch with me any more).
    "|iletisime gecmey|iletisim kurmay",
    "|listenizden cıkar|listenizden cikar|listenden cıkar|listenden cikar|listenizden sil|listeden sil",
    // "Bu numarayı rehberinizden silin", "annem bu numaraya yazmayı bırakmanızı istiyor" (passed on).
    "|rehberinizden silin|rehberinizden sil|numarayı silin|numarayi silin|yazmayı bırakmanız|yazmayi birakmaniz",
    "|aramayı bırakmanız|aramayi birakmaniz|mesaj atmayı bırak|mesaj atmayi birak",
    // Dutch.
    "|geen berichten meer|geen sms meer|geen sms'jes meer|stuur me geen|stuur mij geen|niet meer sturen",
    // "Me" with "not any more" ("gelieve mij niet meer te sms'en", "bel me niet meer").
    "|mij niet meer|me niet meer|niet meer te sms|niet meer sms|niet meer bellen|niet meer te bellen",
    // "ik wil niet meer gebeld of ge-sms't worden"; a threat over the next one ("nog één
    // bericht en ik meld jullie").
    "|niet meer gebeld|niet meer ge sms|niet meer gesms|nog een bericht en|nog een sms en|nog een telefoontje en",
    "|stop met sturen|stop met sms|stop met berichten|uitschrijven|afmelden|verwijder mijn nummer|verwijder mij",
    "|verwijder me|haal me van|haal mij van|haal mijn nummer|haal me uit|haal mij uit|haal mijn gegevens|laat me met rust|laat mij met rust|niet meer contacteren|neem geen contact",
    // Indonesian and Malay.
    "|jangan kirim|jangan sms|jangan hubungi|jangan ganggu|jangan telepon|jangan telpon|jangan hantar",
    "|berhenti kirim|berhenti mengirim|berhenti menghubungi|hapus nomor|berhenti berlangganan|tidak mau menerima",
    "|tak mahu terima",
    // Polish, calls: "nie dzwońcie do mnie więcej".
    "|nie dzwoncie do mnie wiecej|nie dzwon do mnie wiecej|nie dzwoncie wiecej",
    // Somali "iga jooji" (stop it from me): "fadlan iga jooji fariimaha".
    "|iga jooji",
    // Greek (accents kept; typed with or without them).
    "|σταματήστε|σταματηστε|σταμάτα να μου|σταματα να μου|μη μου στέλν|μη μου στελν|μην μου στέλν|μην μου στελν",
    "|διαγράψτε τον αριθμό μου|διαγραψτε τον αριθμο μου|διαγράψτε με|διαγραψτε με|μη με ενοχλ|μην με ενοχλ",
    "|αφήστε με ήσυχ|αφηστε με ησυχ|όχι άλλα μηνύματα|οχι αλλα μηνυματα",
    // "Μη μου ξαναστείλετε" (don't send me again).
    "|μη μου ξαναστείλ|μη μου ξαναστειλ|μην μου ξαναστείλ|μην μου ξαναστειλ|μη μου ξαναστέλν|μην μου ξαναστέλν",
    // "Μην με ξαναενοχλήσετε" (don't bother me again), "μη μου τηλεφωνείτε άλλο" (don't phone me
    // any more), "δεν επιθυμώ καμία περαιτέρω επικοινωνία" (I want no further contact),
    // "αφαιρέστε με" (remove me), and a threat over the next one ("αν λάβω άλλο μήνυμα").
    "|μην με ξαναενοχλ|μη με ξαναενοχλ|μη μου τηλεφων|μην μου τηλεφων|μη με παίρνετε|μη με παιρνετε",
    "|καμία άλλη επικοινωνία|καμια αλλη επικοινωνια",
    "|καμία περαιτέρω επικοινωνία|καμια περαιτερω επικοινωνια|δεν επιθυμώ επικοινωνία|δεν επιθυμω επικοινωνια",
    "|αφαιρέστε με|αφαιρεστε με|αφαιρέστε τον αριθμό|αφαιρεστε τον αριθμο|αν λάβω άλλο|αν λαβω αλλο",
    "|θα σας καταγγείλω|θα σας καταγγειλω",
    // Hebrew: "ותמחקו" (and delete) with its prefix, "אל תיצרו איתי קשר" (don't contact me),
    // "לא לשלוח לי" (not to send me), a threat over the next one ("עוד הודעה אחת ואני חוסמת").
    "|ותמחקו את|תמחקו את המספר|מחקו את המספר|אל תיצרו איתי קשר|אל תצרו איתי קשר|אל תיצרו קשר",
    "|אל תצרו קשר|לא לשלוח לי|עוד הודעה אחת ו|עוד הודעה ו|חוסמת אתכם|חוסם אתכם|אחסום אתכם",
    // Yiddish, in Hebrew letters and in Latin: "הערט אויף" (stop), "נעמט מיך אראפ" (take me
    // off), "נישט מער שרייבן" (no more writing), "oyfhern shraybn".
    "|הערט אויף|הער אויף|נעמט מיך אראפ|נעם מיך אראפ|נישט שרייבן מער|נישט רופן מער|מער נישט שרייבן",
    "|מער נישט רופן|נישט מער שרייבן|נישט מער רופן|וויל נישט מער באקומען|אויסמעקן מיין נומער",
    "|נישט מער קאנטאקטירן|oyfhern shraybn|oyfhern tsu shraybn|zolt oyfhern|hert oyf|her oyf tsu",
    // Hebrew.
    "|תפסיקו לשלוח|תפסיק לשלוח|תפסיקי לשלוח|אל תשלחו|אל תשלח|אל תשלחי|תמחקו את המספר|תמחק את המספר|תסירו אותי",
    "|הסירו אותי|הסר אותי|תוריד אותי|תורידו אותי|אל תתקשרו|די עם ההודעות|לא רוצה הודעות|הסרה מהרשימה|להסיר אותי",
    // Swahili.
    "|acha kunitumia|acheni kunitumia|usinitumie|msinitumie|usinipigie|msinipigie|futa namba yangu",
    "|futa nambari yangu|niondoe|sitaki ujumbe|sitaki meseji|acha kunisumbua|acheni kunisumbua",
    // Romanian (ș and ț kept; typed with or without them).
    "|nu mi mai trimite|nu mai trimite|nu ma mai contact|nu ma mai suna|nu mai vreau mesaje|stergeti mi numarul",
    "|stergeti numarul|dezabon|opriti mesajele",
    "|lasati ma in pace",
    // Czech.
    "|prestante mi psat|prestante psat|prestante mi posilat|prestante posilat",
    "|nepiste mi|neposilejte|odhlasit|odhlaste",
    // "prosím už mi nepište" (please don't write to me any more), "nevolejte mi" (don't call me).
    "|mi nepiste|uz nepiste|nevolejte mi|mi nevolejte|uz nevolejte|nekontaktujte me|nekontaktujte mne",
    // Swedish, Norwegian, Danish.
    "|sluta skicka|sluta skriva|sluta ringa|inga fler meddelanden|inga fler sms|avregistrera|ta bort mitt nummer",
    "|lamna mig ifred|kontakta mig inte|slutt a sende|slutta a sende|slutte a sende|slutt med a sende|ikke send meg|ikke send mig",
    "|ingen flere meldinger|ingen flere beskeder|ingen flere sms|stop med at sende|hold op med at|afmeld|meld meg av",
    "|slet mit nummer|slett nummeret mitt",
    // "jeg ønsker ikke flere meldinger", "ikke ringe eller sende SMS mer", "slett meg fra lista",
    // "ikke send flere"; Swedish "jag vill inte få fler meddelanden".
    "|ønsker ikke flere|onsker ikke flere|ikke flere meldinger|ikke send flere|ikke ringe eller sende",
    "|slett meg fra|slett meg|vill inte fa fler|inte fa fler meddelanden|vill inte ha fler meddelanden",
    // Hmong: "muab … tshem tawm" (take off), "tsis xav kom nej tiv tauj kuv" (don't want you to
    // contact me).
    "|tshem tawm|muab kuv tawm|tsis xav kom nej tiv|tiv toj kuv ntxiv|tiv tauj kuv ntxiv",
    // Spanish "ya no me marquen" (don't dial me any more).
    // Portuguese "não quero mais ser contatado" (I don't want to be contacted any more).
    "|nao quero mais ser contat|nao quero ser contat|nao quero mais ser contact",
    // Neo-Aramaic, in Latin and Syriac letters: "la mshadret" (don't send), "la qarit l'eli"
    // (don't call me).
    "|la mshadret|la mshadrit|la qarit l'eli|la qarit eli|ܠܐ ܡܫܕܪܬ|ܠܐ ܩܪܝܬ ܠܝ",
    // Hawaii Pidgin "no mo" (no more), "stop bodderin"; Chamorro "cha'-mu ta'lo" and "munga yu'
    // ma text ta'lo" (don't … again), "basta i mensåhi" (enough of the messages), "na'suha i
    // numiru" (remove the number); Chuukese "kosap chiwen" (no more), "atowu ei nampa" (remove
    // this number); Marshallese "jab bar" (don't again), "bōk nōmba eo" (take the number).
    "|no call me no mo|no text me no mo|no mo text|no text dis numba|stop bodderin|stop boddering",
    "|cha mu ta'lo|munga yu ma|basta i mensahi|na'suha i numiru|nasuha i numiru|kosap chiwen|kosap kori",
    "|kosap kokkori|atowu ei nampa|ouse mochen ei text|jab bar text|jab bar kur|jab bar jilkinlok",
    "|bok nomba eo|bok noumba eo",
    // Armenian "հանեք իմ համարը" (remove my number), "մի գրեք" (don't write), in Latin letters
    // "mi greq"; Farsi "از لیستتون حذف کنید" (remove from your list).
    "|հանեք իմ համարը|ցուցակից հանեք|հանեք ինձ|մի գրեք|mi greq|el mi greq|mi zangeq",
    "|از لیستتون حذف|از لیست حذف کنید|شماره منو حذف|شماره مرا حذف",
    "|ya no me marquen|no me marquen|no me marques|ya no marquen|dejen de marcar|deje de marcar",
    // Yiddish in Latin letters "nem mir arop fun der list" (take me off the list); Haitian
    // Creole "kanpe voye mesaj" (stop sending messages); Nigerian Pidgin "comot my number for
    // una list"; Taglish "pls stop na"; Yoruba "ẹ dẹ́kun pípè mí" (stop calling me); Vietnamese
    // "ngừng gọi cho tôi" (stop calling me).
    "|nem mir arop|nemt mir arop|nem mikh arop|nemt mikh arop|kanpe voye|kanpe rele|kanpe ekri",
    "|comot my number|comot me for|comot my name|pls stop na|please stop na|stop na po|stop na kayo",
    "|e dekun pipe|e dekun fifi|dekun pipe mi|dekun fifi oro|ngung goi|ngung nhan tin|ngung lien lac",
    // Punjabi in Latin letters, "mainu call na karo"; Bengali in Latin letters, "r jogajog
    // korben na" (don't contact any more).
    "|mainu call na|mainu msg na|mainu message na|jogajog korben na|message korben na|phone korben na",
    // Bengali: "লিস্ট থেকে মুছে ফেলুন" (delete from the list).
    "|লিস্ট থেকে মুছে|তালিকা থেকে মুছে|নাম্বার মুছে|নম্বর মুছে",
    // "আমার নম্বর আপনার লিস্ট থেকে সরিয়ে দিন" (take my number off your list).
    "|লিস্ট থেকে সরিয়ে|তালিকা থেকে সরিয়ে|নম্বর সরিয়ে|নাম্বার সরিয়ে",
    // Yiddish: "רופט מיך מער נישט אן" (don't call me any more).
    "|רופט מיך מער נישט|רופט מיך נישט מער|שרייבט מיר מער נישט|שרייבט מיר נישט מער",
    // Arabic: "لا أريد أي اتصال" (I want no contact), "التوقف عن الاتصال" (to stop calling).
    "|لا أريد أي اتصال|لا اريد اي اتصال|التوقف عن الاتصال|التوقف عن المراسلة|التوقف عن ارسال|التوقف عن إرسال",
    // Hungarian.
    "|ne kuldjenek|ne kuldj|ne irjanak|ne irjon|ne hivjanak|ne hivjon|leiratkoz|torolje a szamom|toroljenek",
    "|hagyjanak beken|hagyjon beken|ne zaklass|ne keressenek|toroljek a szamom|toroljetek",
    // More forms of the languages above.
    "|para de mand|para de envi|nao me perturbe|nao perturbe|esquece meu numero|esqueca meu numero",
    "|pare com as mensag|parem com as mensag|chega de sms",
    "|cessez de m|cesse de m|cessez d'envoyer|oubliez mon numero|rayez moi",
    // The infinitive after "veuillez" ("veuillez cesser toute communication").
    "|cesser de m|cesser d'envoyer|cesser toute communication|cessez toute communication|cesser tout contact",
    "|cessez tout contact|mettre fin a toute communication|mettez fin a toute communication",
    "|rayez mon numero|non mandate piu|non inviate piu|non inviatemi|non mi mandate",
    "|rimuovete il mio numero|rimuovi il mio numero|eliminate il mio numero|eliminatemi|non disturbatemi",
    "|schicken sie mir keine|schick mir keine|schickt mir keine|senden sie mir keine|nicht mehr schick",
    "|nicht mehr send|nummer loschen|nummer entfernen",
    "|storen sie mich nicht|nie wysylajcie|nie wysylaj|przestancie wysylac|przestan wysylac",
    "|usuncie mnie|wypisuje sie|zostawcie mnie w spokoju|dajcie mi spokoj|nie chce wiecej sms",
    "|nie chce wiecej wiadomosci|nie chce smsow|hou op met|houd op met|stop met appen|niet meer appen",
    "|app me niet|skicka inte|sluta kontakta|ikke kontakt meg",
    "|slett nummeret|stopp a sende|stopp med a sende|send ikke flere|stop med at skrive",
    "|nu ma mai deranj|nu ma deranj|nu imi mai|nu mai scrieti|sms atmay",
    "|sms gondermey|beni rahat bırak|beni rahat birak|bir daha yazmay|bir daha mesaj",
    "|artık yazmay|artik yazmay|jgn kirim|jgn sms|jgn ganggu|jgn hubungi|gak usah kirim|ga usah kirim",
    "|nggak usah kirim|tidak usah kirim|tak usah hantar|stop kirim|berhenti sms|hapus no saya|keluarkan saya",
    "|keluarkan nomor|תורידו את המספר|תוריד את המספר|אל תכתבו לי|אל תפנו אליי|להסרה|הסירו את המספר",
    "|μη με παίρνετε|μη με παιρνετε|μην με παίρνετε|μην με παιρνετε|σβήστε το νούμερό μου|σβηστε το νουμερο μου",
    "|μην ξαναστείλ|μην ξαναστειλ|απεγγραφ",
    // Arabic: Egyptian, Levantine and Gulf forms, and the written "please do not send".
    "|لا تبعت|ما تبعت|متبعتش|ماتبعتليش|ماتبعتوش|بطل تبعت|بطلوا تبعت|بطلي تبعت|وقف الرسائل|اوقفوا الرسائل|أوقفوا الرسائل",
    "|امسحوا رقمي|احذفوا رقمي|شيلوا رقمي|شيل رقمي|لا ترسلوا|لا ارغب في|لا أرغب في|ما ابي رسائل|ما أبي رسائل",
    "|لا تراسلوني|عدم الإرسال|عدم الارسال|عدم ارسال|عدم إرسال|عدم التواصل",
    // Arabic, Farsi and Russian typed in Latin letters (Arabizi keeps its digits).
    "|la tb3at|battal tb3at|shil ra2mi|imsa7 ra2mi|bala rasayel",
    "|shilo ra2me|shilo ra2mi|shilu ra2me|shilu ra2mi|shil ra2me|shil ra2my|imsa7 ra2my|ems7 ra2my|ems7 ra2mi",
    "|ma baddi rasayel|ma badi rasayel|mabaddi rasayel|ma bdi rasayel|mesh 3ayez rasayel|msh 3ayez rasayel",
    "|mesh 3awez rasayel|msh 3awez rasayel|mesh 3ayza rasayel|msh 3ayza rasayel|la ters2li|la tirsil",
    "|balash tb3at|balash teb3at|balash tib3at|balash tab3at|balash rasayel|balash resayel|matb3atsh|mateb3atsh",
    "|ma tb3atsh|ma teb3atsh",
    // "Don't send me" with its vowels spelled any way ("matb3atleesh", "matb3atlish").
    "|matb3atl|mateb3atl|ma tb3atl|mat b3atl|ma teb3atl",
    // Levantine "stop" and "don't send me" ("wa2fo", "la terslouli").
    "|wa2fo|wa2fu|wa2fou|w2fo|wa2ef el rasayel|wa2fe el rasayel",
    // "No more" before the verb ("ma3ad tb3atouli").
    "|ma3ad tb3at|ma3ad teb3at|ma 3ad tb3at|ma3d tb3at|ma3ad tersl|ma3ad tb3t",
    // Tunisian "ma3adch tab3thouli" (don't send me any more), Moroccan "wa9fo l msgat" (stop
    // the messages).
    "|ma3adch tab3th|ma3adech tab3th|ma3adch teb3th|ma3adch tb3th|matab3thouli|ma tab3thouli",
    "|wa9fo l|wa9fou l|w9fo l|wa9fo had|wa9fou had|wa9ef l msg",
    // "Don't go back to sending" ("ma t3ad tba3tli", "la t3od tersel").
    "|ma t3ad tb3at|la t3ad tb3at|ma t3od tb3at|la t3od tb3at|ma t3ad ters|la t3ad ters|la t3od ters",
    // "Don't send" with "tersel" spelled whole; Moroccan "don't keep sending" ("ma tb9ach tsift").
    "|la ters|ma ters|bala ters|balash ters|ma tb9ach tsift|matb9ach tsift|ma tb9ach tsifet|ma tsiftch",
    "|matsiftch|ma tsifetch|baraka men rasa2el|baraka men messages",
    // Hebrew typed in Latin letters.
    "|tafsiku lish|tafsik lish|tafsiki lish|al tishlechu|al tishlechi|al tishlach|lo rotze hodaot",
    "|lo rotza hodaot|tmachku et hamispar|timchaku et hamispar",
    "|payam nadid|payam nade|payam nafrestid|mozahem nashid|mozahem nasho|shomare mano pak|dige payam nadid",
    "|ne pishite|ne pishi mne|bolshe ne pish|hvatit pisat|khvatit pisat|perestante pisat|udalite moi nomer",
    "|udalite moy nomer|otpishite menya|ne bespokoite|ne pyshit|vydalit mii nomer",
    // Farsi, Urdu, Hindi, Bengali, Punjabi, Gujarati, Somali, Amharic and Swahili: more forms.
    "|پیامک نفرستید|پیامک نده|مزاحم نشو|لغو عضویت|منو حذف کنید|شمارمو پاک",
    "|میسج نہ کر|میسج مت کر|نمبر ہٹا|نمبر ڈیلیٹ",
    // Urdu "don't send" as Hindi has it ("मत भेज", "न भेजें"), and "more messages".
    "|نہ بھیج|مت بھیج|مزید پیغامات|مزید میسج|بھیجنا بند|میسج بند|پیغامات بند",
    "|message na bhej|msg na bhej|sms na bhej|mat bhejiye|na bhejiye|band karo message|band karo msg",
    "|tang mat karo|tang na karo|disturb mat karo|disturb na karo|message na karein|message na karen|msg na karen",
    "|tang na karein|मैसेज बंद करो|मेसेज बंद करो|मैसेज ना भेज|मेसेज ना भेज|मत भेज|न भेजें|ना भेजें|तंग मत कर",
    "|तंग न कर|डिस्टर्ब मत कर|डिस्टर्ब न कर|अनसब्सक्राइब|संपर्क मत कर|संपर्क न कर",
    "|মেসেজ দিও না|মেসেজ করবেন না|এসএমএস পাঠাবেন না|আর মেসেজ দিবেন না|আর পাঠাবেন না|নম্বর মুছে",
    "|বিরক্ত করো না|message pathaben na|msg pathaben na|message pathabe na|birokto korben na|birokto koro na",
    "|ਸੁਨੇਹੇ ਨਾ ਭੇਜ|ਪਰੇਸ਼ਾਨ ਨਾ ਕਰ|મેસેજ ન કર|મેસેજ ના કર|સંદેશ ન મોકલ",
    "|મોકલશો નહિ|મોકલશો નહીં|message na moklo|msg na moklo|heran na karo|joojiya|jooji fariin|jooji farriin",
    "|lambarkayga tirtir|lambarkayga ka saar|ha ii soo qorin|አትላኩ|አትረብሹኝ|ቁጥሬን ሰርዙ|ቁጥሬን ያስወግዱ|ቁጥሬን አስወግዱ",
    "|acheni kuniandikia|acha kuniandikia|usiniandikie|msiniandikie|sitaki sms|ondoa namba yangu",
    "|ondoeni namba",
    // Vietnamese typed without marks or with "ko"/"k" for "không".
    "|ngung lien lac|ngung lien he|xoa so toi|khong muon nhan|ko muon nhan|k muon nhan",
    "|dung nhan nua|ko nhan tin nua|đung nhan nua",
    // Tamil, Telugu, Kannada, Malayalam, Marathi, Nepali and Sinhala, in their scripts and in
    // Latin letters.
    "|மெசேஜ் அனுப்ப வேண்டாம்|செய்தி அனுப்ப வேண்டாம்|அனுப்ப வேண்டாம்|தொந்தரவு செய்ய வேண்டாம்|என் நம்பரை நீக்க",
    "|மெசேஜ் பண்ண வேண்டாம்|anuppa vendam|anupatheenga|anuppatheenga",
    "|disturb pannatheenga|disturb panna vendam|message panna vendam",
    "|మెసేజ్ పంపకండి|సందేశాలు పంపకండి|పంపవద్దు|ఇబ్బంది పెట్టకండి|నా నంబర్ తొలగించ",
    "|పంపకండి|pampakandi|pampoddu|disturb cheyakandi|message cheyakandi",
    "|ಮೆಸೇಜ್ ಕಳುಹಿಸಬೇಡಿ|ಕಳುಹಿಸಬೇಡಿ|ಕಳಿಸಬೇಡಿ|ತೊಂದರೆ ಕೊಡಬೇಡಿ|ನನ್ನ ನಂಬರ್ ತೆಗೆ",
    "|kalisabedi|kaluhisabedi|message madbedi|tondare kodbedi",
    "|മെസേജ് അയക്കരുത്|അയക്കരുത്|അയയ്ക്കരുത്|ശല്യപ്പെടുത്തരുത്|എന്റെ നമ്പർ നീക്ക",
    "|ayakkaruth|message ayakkanda|msg ayakkanda|shalyam cheyyaruth|shallyam cheyyaruth",
    "|मेसेज पाठवू नका|मैसेज पाठवू नका|संदेश पाठवू नका|पाठवू नका|त्रास देऊ नका",
    "|माझा नंबर काढ|माझा नंबर डिलीट|message pathvu naka|msg pathvu naka|pathvu naka|tras deu naka",
    "|म्यासेज नपठाउनु|मेसेज नपठाउ|सन्देश नपठाउनु|नपठाउनुहोस्|दुख नदिनुहोस्",
    "|मेरो नम्बर हटा|message napathau|msg napathau|napathaunu|dukha nadinu",
    "|මැසේජ් එවන්න එපා|එවන්න එපා|කරදර කරන්න එපා|අංකය ඉවත් කරන්න",
    "|ewanna epa|evanna epa|karadara karanna epa",
    // Serbian, Croatian and Bosnian (Latin and Cyrillic), Bulgarian, Macedonian, Slovak,
    // Slovenian and Albanian.
    "|prestanite slati|prestani slati|prestanite mi slati|prestani mi slati|prestanite pisati|prestanite mi pisati",
    "|ne saljite mi|ne salji mi|ne pisite mi|ne pisi mi|izbrisite moj broj|obrisite moj broj",
    "|obrisi moj broj|izbrisi moj broj|odjavi me|odjavite me|ne zelim vise poruk|ne zelim primati",
    "|ostavite me na miru|ostavi me na miru|skinite me sa liste|skinite me s liste|maknite me|dosta poruka",
    "|престаните да шаљете|престани да шаљеш|не шаљите ми|не шаљи ми|обришите мој број|избришите мој број",
    "|одјавите ме|оставите ме на миру|доста порука|не ми пишете|не ми изпращайте|спрете да ми|спрете съобщ",
    "|изтрийте номера ми|отпишете ме|оставете ме на мира|не искам съобщения|стига съобщения",
    "|престанете да ми праќате|не ми праќајте|избришете го мојот број",
    "|prestante mi pisat|prestante posielat|prestante mi posielat|neposielajte|odhlaste ma|vymazte moje cislo",
    "|vymazte ma|nechajte ma na pokoji|nechcem dalsie spravy|nechcem spravy|nehajte mi posiljati|nehajte posiljati",
    "|ne posiljajte|izbrisite mojo stevilko|pustite me pri miru|ne zelim vec sporocil",
    "|mos me shkruani|mos me dergoni|mos me shqetesoni|ndaloni mesazhet|ndalo mesazhet|fshini numrin tim",
    "|fshije numrin tim|me hiqni nga lista|me lini te qete",
    // Finnish, Estonian, Latvian and Lithuanian.
    "|alkaa enaa|alkaa lahettako|ala enaa|lopettakaa|lopeta viest|lopeta laht|lopeta jo|alkakaa lahet|ala lahet|poistakaa numeroni|poista numeroni",
    "|en halua viesteja|en halua enaa viesteja|ei enaa viesteja|peruuta tilaus|jattakaa minut rauhaan",
    "|lopetage sonumite|lopeta sonumite|arge saatke|ara saada mulle|kustutage minu number|ei soovi sonumeid",
    "|beidziet sutit|nesutiet|nesuti man|izdzesiet manu numuru|atrakstities|atrakstiet mani|netraucejiet",
    "|liec mani miera|lieciet mani miera|nesius|nebesius|nerasy|istrinkite mano numeri",
    "|atsisakyti prenumeratos|nebenoriu zinuciu|netrukdykite|liaukites rasyti|liaukites siusti",
    // Catalan, Basque, Galician, Afrikaans, Icelandic, Irish and Welsh.
    "|no m'envieu|deixeu d'enviar|deixa d'enviar|no m'escriviu|esborreu el meu numero",
    "|elimineu el meu numero|doneu me de baixa|donar me de baixa|deixeu me en pau|no vull rebre|no vull mes missatges",
    "|prou missatges|ez bidali|ez idatzi|utzi bakean|ezabatu nire zenbakia|mezurik ez|baja eman",
    "|non me mandedes|non me envies|deixade de mandar|borrade o meu numero|non quero mais mensaxes|non quero recibir",
    "|moenie vir my sms nie|moenie my kontak nie|moenie meer stuur|hou op stuur|hou op om|verwyder my nommer",
    "|verwyder my|los my uit|ek wil nie meer boodskappe|haettu ad senda|haettid ad senda|ekki senda mer",
    "|ekki hafa samband|eyddu numerinu minu|afskra|stop ag seoladh|na seol|na cuir teachtaireacht",
    "|peidiwch anfon|peidiwch ag anfon|peidiwch a anfon|stopiwch|dileu fy rhif|tynnwch fi",
    "|peidiwch a fy ffonio|peidiwch a ffonio|peidiwch a fy nhecstio|peidiwch a thecstio",
    // Swiss German "hört uf" (stop).
    "|hort uf|horet uf|hoert uf",
    // Pennsylvania Dutch: "hör uff" (stop), "ken Text meh" (no more texts), "nix meh vun eich"
    // (nothing more from you), "loss uns in Ruh", "ruf mich nimmi aa", "nemm mei Nummer raus".
    "|hor uff|hort uff|heer uff|ken text meh|kee text meh|ken texte meh|nix meh vun eich|nix meh vun dir",
    "|loss uns in ruh|loss mich in ruh|loss mich in ruh|ruf mich nimmi|ruft mich nimmi|schreib mir nimmi",
    "|schreibt mir nimmi|nemm mei nummer|nemmt mei nummer|mei nummer raus",
    "|peidiwch a chysylltu|peidiwch ag cysylltu|paid a chysylltu|peidiwch a thecstio|peidiwch a tecstio",
    "|na cuir teacs|na seol teacs|na cuir teachtai|na deanaigi teagmhail|na dean teagmhail",
    // Hinglish "stop karo", "bas karo"; Levantine "la tirsloon", "la t3awed" (don't do it again),
    // "shil raqmi".
    "|stop karo|stop kardo|stop kar do|stop karein|stop kijiye|bas karo|bas kardo|la tirs|ma tirs|la t3awed",
    "|ma t3awed|la t3id|shil raqmi|shilo raqmi|shilu raqmi|imsa7 raqmi|ems7 raqmi|ehzef raqmi|i7zef raqmi",
    // Armenian, Georgian, Azerbaijani, Kazakh, Uzbek, Kyrgyz, Tajik and Mongolian.
    "|մի ուղարկեք|մի գրեք ինձ|դադարեցրեք|ջնջեք իմ համարը|հանգիստ թողեք",
    "|ნუ მომწერთ|ნუ მწერთ|ნუ გამომიგზავნით|ნუღარ|შეწყვიტეთ|წაშალეთ ჩემი ნომერი|თავი დამანებეთ",
    // Georgian "აღარ მომწეროთ" (don't write to me any more), "აღარ დამირეკოთ" (… call me).
    "|აღარ მომწეროთ|აღარ მომწერო|აღარ დამირეკოთ|აღარ დამირეკო|აღარ შემეხმიანოთ",
    "|nu momwert|nu mwert|mesaj gondermeyin|mene yazmayın|mene yazmayin",
    "|nomremi silin|narahat etmeyin",
    "|хабарлама жібермеңіз|жібермеңіз|маған жазбаңыз|нөмірімді өшіріңіз|мазаламаңыз|хабарласпаңыз",
    "|xabar yubormang|sms yubormang|yubormang|menga yozmang|raqamimni o'chiring|bezovta qilmang",
    "|хабар юборманг|юборманг|езманг|безовта қилманг|жазбаңыз|жибербеңиз|паем нафиристед|нафиристед",
    "|ба ман нанависед|рақами маро нест кунед|битгий явуул|битгий бич|дугаарыг минь устга",
    // Hmong, Cebuano, Samoan, Tongan and Maori.
    "|tsis txhob xa|tsis txhob text|txhob xa ntawv|tsum xa|tshem kuv tus xov tooj|tsis xav tau ntawv",
    // Hmong "nres xa ntawv" (stop sending messages), "nres hu" (stop calling).
    "|nres xa|nres hu",
    "|ayaw na ko i text|ayaw na ko itext|ayaw nako i text|ayaw na mo text|ayaw na pag text|ayaw na ko pag text",
    "|ayaw ko i text|ayaw na ko samoka|ayaw ko samoka|tanggala ko sa lista|hunong na mo|hunonga",
    "|aua le toe|aua e toe|taofi le auina|taofi ona auina|oua te ke toe|kaua e tuku|kati te tuku",
    // Samoan "taofi le text" (stop the texts), "aua ne'i toe" (don't … again), "aveese lo'u
    // numera" (remove my number); Tongan "'oua 'e toe" (don't again, the apostrophes trimmed
    // with the word's ends), "tuku ho'o text" (stop your texting), "to'o hoku fika" (take my
    // number off), "tuku leva" (stop now).
    "|taofi le text|taofi le fe'au|taofi le sms|taofi le vala'au|taofi le telefoni|aua ne'i toe|aua nei toe",
    "|aveese lo'u numera|aveese lou numera|aveese a'u|aveese au|tape lo'u numera|tape lou numera",
    "|oua e toe|oua toe|tuku ho'o text|tuku hoo text|tuku ho'o tohi|tuku ho'o ui|tuku ho'o fetu'utaki|tuku leva",
    "|to'o hoku fika|too hoku fika|to'o au mei|to'o hoku hingoa",
    // Ilocano: "isardengyo" (stop it, you all), "dikay agtext" (don't text), "dikay itultuloy"
    // (don't go on), "ikkatenyo ti numerok" and "pakiikkat" (please remove).
    "|isardeng yo|isardengyo|isardeng mo|isardengmo|dikay koma ag|dikay ag|dikay itultuloy|dikay ituloy",
    "|dikay on ag|ikkaten yo ti numero|ikkatenyo ti numero|ikkaten yo ak|ikkatenyo ak|ikkatem ti numero",
    "|pakiikkat ti numero|pakiikkat ak|pakiikkat kami|saan yo kon ag|saanyo kon ag",
    // Tagalog with the English verb ("paki-stop na po yung mga text"), "burahin nyo na"
    // (erase it now) and the threat "isa pang text at iba-block na kita".
    "|paki stop na|paki stop po|paki stop yung|paki stop ang|pakistop|burahin nyo na|burahin niyo na",
    "|burahin mo na|burahin na ang number|isa pang text at|isa pang tawag at|isa pang mensahe at",
    // Hawaiian: "mai … hou" (don't … again), "e ho'ōki" (stop), "e wehe i ko'u inoa" (remove my
    // name), "'a'ole au makemake i nā memo" (I don't want messages).
    "|mai kelepona hou|mai kelepona mai|mai ho'ouna hou|mai hoouna hou|mai leka hou|mai text hou",
    "|e ho'oki i ka|e hooki i ka|ho'oki i ka ho'ouna|e wehe i ko'u inoa|e wehe i kou inoa",
    "|wehe i ko'u helu|a'ole au makemake i na memo|aole au makemake i na memo",
    // Hawaiian Pidgin "no moa" (no more): "no call me no moa", "no text me no moa".
    "|no call me no moa|no text me no moa|no moa text|no moa call|no call no moa|no text no moa",
    "|no bodda me",
    // Yoruba, Igbo, Hausa, Zulu, Xhosa, Tigrinya, Oromo, Kinyarwanda and Malagasy.
    "|e ma fi ranse|ma fi ranse mo|e ma pe mi|e ma ko ifiranse|yo nomba mi kuro|e yo nomba mi|ezitela m|ezitekwala",
    "|ma fi oro ranse|ma fi ifiranse|kwusi iziga|kwusi izi|kada ku aiko|kar ku aiko|ku daina aiko|ka daina aiko|daina turo|ku daina turo",
    "|goge lambata|cire lambata|ningangithumeleli|ungangithumeleli|yekani ukungithumelela",
    "|yeka ukungithumelela|sula inombolo yami|ngikhiphe ohlwini|musani ukundithumelela",
    "|musa ukundithumelela|yekani ukundithumelela|cima inombolo yam|ndikhupheni|ኣይትስደዱ|ኣይትለኣኹ",
    "|መልእኽቲ ኣይትልኣኹ|ቁጽረይ ደምስሱ|hin ergin|hin ergitinaa|naaf hin ergin",
    "|lakkoofsa koo haqaa|keessaa haqaa|keessaa na haqaa|na hin quunnamin|hin quunnaminaa|ergaa biraa hin barbaadu",
    // Oromo "dhaabaa" (stop, to several).
    "|dhaabaa|ergaa hin barbaadu",
    "|ntimukanyoherereze|ntukanyoherereze|mureke kunyoherereza|reka kunyoherereza",
    "|musibe nimero yanjye|aza mandefa|atsaharo ny hafatra|fafao ny laharako",
    // Calls stopped, "any more" said ("ya no me llamen", "no me llamen más", "nemojte me više
    // zvati"), or "stop calling" itself, as "stop calling me" revokes in English: Spanish,
    // Portuguese, Russian (Cyrillic and Latin letters), Serbian, Croatian and Bosnian.
    "|ya no me llamen|ya no me llames|ya no me llame|no me llamen mas|no me llames mas|no me llame mas",
    "|basta de llam|basta de escrib|basta de mand|basta de text",
    // Tagalog with "ko", the short "ako" (me): "wag nyo na ko i-text".
    "|wag nyo na ko|wag niyo na ko|huwag nyo na ko|huwag niyo na ko|wag mo na ko|wag na ko",
    "|parem de me lig|pare de me lig|para de me lig|parem de lig|pare de lig",
    "|не звоните|не звони мне|хватит звонить|перестаньте звонить|больше не звон",
    // A threat over the next one: "ещё одно сообщение — и я вас заблокирую".
    "|еще одно сообщение|еще один звонок|я вас заблокирую|вас заблокирую|заблокирую вас|заблокирую ваш номер",
    "|ne zvonite|ne zvoni mne|hvatit zvonit|khvatit zvonit|perestante zvon|perestan'te zvon|perestan zvon|bolshe ne zvon",
    "|nemojte me vise|nemoj me vise|nemojte mi vise|ne zovite me vise|ne zovi me vise|prestanite me zvati",
    // Serbian in Cyrillic, "prestanite da me zovete", and a threat ("još jedna poruka i …").
    "|немојте ме више|не зовите ме више|престаните да ме зовете|prestanite da me zov|prestani da me zov",
    "|prestanite da mi sal|prestanite da mi pis|jos jedna poruka i|jos jedan poziv i|blokiram vas|blokiracu vas",
    // Russian "прошу больше со мной не связываться" (no more contacting me).
    "|со мной не связываться|больше не связываться|не связывайтесь со мной|больше со мной не связ",
    // Nepali: "सूचीबाट हटाउनुहोस्" (remove from the list), "sampark nagarnus" (don't contact).
    "|सूचीबाट हटाउ|नम्बर हटाउनुहोस्|मेरो नम्बर हटा|sampark nagarnus|sampark na garnus|msg napathaunus",
    "|message napathaunus",
    "|prestani me zvati|prestanite zvati",
    // Armenian "don't write" and "don't call" in their negated forms ("չգրեք", "չզանգեք").
    "|չգրեք|չզանգեք|մի զանգեք|այլևս մի",
    // Armenian "այլևս չզանգել" (not to call any more), passed on in the infinitive; German "nehmen
    // Sie mich aus dem Verteiler" (take me off the mailing list); Haitian Creole "m ap bloke nou"
    // (I'll block you), the threat; Portuguese "pode parar de ligar" (you can stop calling), asked
    // as a request, both channels named; Hindi "भेजना बंद करें" (stop sending).
    "|այլևս չզանգ|այլևս չգր|այլևս չուղարկ|mich aus dem verteiler|mich aus ihrem verteiler|mich aus eurem verteiler",
    "|mich vom verteiler|mich aus der liste|mich von der liste|mich aus ihrer liste|mich von ihrer liste",
    "|m ap bloke nou|m ap bloke w|m ap bloke ou|map bloke nou|mwen ap bloke nou|m pral bloke nou|mwen pral bloke nou",
    "|parar de ligar e de mand|parar de ligar e mand|parar de ligar e de envi|parar de mandar sms e de lig",
    "|parar de mandar mensagem e de lig|parar de mandar mensagens e de lig|parar de me ligar e",
    "|भेजना बंद|भेजने बंद",
    // Farsi "دیگه زنگ نزنید" (don't call any more), "(نمی‌خواهد) دیگر با او تماس بگیرید" (doesn't
    // want you to contact her any more, passed on).
    "|دیگه زنگ نزن|دیگر زنگ نزن|دیگه زنگ نز|دیگر با او تماس|دیگه با او تماس|دیگر با من تماس|دیگه با من تماس",
    "|دیگر تماس نگیر|دیگه تماس نگیر",
);

/// Chinese (simplified and traditional), Japanese and Korean revocations, matched anywhere.
const UNSPACED: &str = concat!(
    // "Don't call (me) again": calls stopped with "again" (再), as "stop calling me" revokes.
    "别再打电话|別再打電話|不要再打电话|不要再打電話|别再打给我|別再打給我|不要再打给我|不要再打給我|别再打来|別再打來",
    "|不要打电话给我了|不要打電話給我了|停止联络|停止聯絡|停止联系|停止聯繫|",
    // "别再给我打电话了" (don't call me again), the "me" before the verb.
    "别再给我打电话|別再給我打電話|不要再给我打电话|不要再給我打電話|",
    "退订|退訂|不要再给我发|不要再給我發|别再给我发|別再給我發|不要再传|不要再傳|不要再发|不要再發|别再发|別再發|不要发短信|不要發短信|不要给我发|不要給我發|别给我发|別給我發",
    "|停止发送|停止發送|取消订阅|取消訂閱|请勿打扰|請勿打擾|不要再联系|不要再聯繫|不要再聯絡|别再联系|別再聯絡",
    "|不要再打扰|不要再打擾|别再打扰|別再打擾|别打扰我|別打擾我|不想再收到|不想收到|拒收|停止短信|停止发短信|不要联系我|不要聯絡我|不要聯繫我|删除我的号码|刪除我的號碼|别烦我|別煩我|不要打扰|不要打擾|从名单中删除|從名單中刪除|名单中删除|名單中刪除",
    // "把我的号码从你们的名单上删除" (remove my number from your list): 上 or 里 for 中.
    "|不要再打來|不要再打来|别再打來|不要再给这个号码|不要再給這個號碼",
    // "别再给这个号码发信息了" (no more messages to this number), with 别 for 不要.
    "|别再给这个号码|別再給這個號碼",
    // "别再打这个号码了" (don't call this number again), "请把我从名单上移除" (remove me from
    // the list), with 移除 for 删除.
    "|别再打这个|別再打這個|不要再打这个|不要再打這個|名单上移除|名單上移除|名单中移除|名單中移除|名单里移除|名單裡移除",
    // Cantonese "由你哋名單度刪除" (delete from your list), "唔想再收到" (don't want to get any
    // more), "唔該停止" (please stop).
    "|名單度刪除|名单度删除|名單度剷除|唔想再收到|唔該停止|唔该停止",
    "|名单上删除|名單上刪除|名单里删除|名單裡刪除|名单上删掉|名單上刪掉|名单里删掉|名單裡刪掉|名单中删掉",
    // Mixed with English: "再text我就block你".
    "|再text我就|就block你|就拉黑你",
    // A threat over the next one: "再发我就举报你们" (send again and I report you).
    "|再发我就举报|再發我就舉報|再发我就投诉|再發我就投訴|再发我就拉黑|再發我就拉黑|再发就举报|再發就舉報",
    "|再发就投诉|再發就投訴|再发就拉黑|再發就拉黑|再打我就投诉|再打我就投訴|再打我就举报|再打我就舉報",
    "|配信停止|送らないで|連絡しないで|メッセージ不要|もう送らない",
    // "今後のご連絡は不要です" (no further contact needed), "メッセージを止めてください" (stop the
    // messages), "連絡はやめてください" (stop contacting), "リストから削除" (delete from the list),
    // "今後一切お断りします" (refused from now on), "連絡を控えて" (refrain from contacting),
    // "送ってきたらブロックします" (send more and I block).
    "|連絡は不要|連絡不要|メッセージを止め|メッセージを停止|送信を止め|送信を停止|連絡を止め|連絡はやめ|連絡をやめ",
    "|メッセージはやめ|メッセージをやめ|送るのをやめ|リストから削除|リストから外し|名簿から削除|今後一切お断り",
    "|連絡はお断り|連絡を控え|ブロックします|送ってきたらブロック|連絡しないでください",
    // "今後一切不要です" (none at all from now on), "連絡はもう結構です" (no more contact, thanks),
    // "番号を消してください" (erase my number).
    "|今後一切不要|連絡はもう結構|連絡はもう不要|番号を消して",
    // Korean "전화하지 마세요. 문자도요." (don't call; texts too), "문자도 하지 마" (don't text either).
    "|전화하지 마세요 문자도요|전화하지 마 문자도요|문자도 하지 마|문자도 하지마",
    // Korean "연락 사양" (contact declined).
    "|연락 사양|연락은 사양|연락을 사양",
    "|보내지 마|보내지마|보내지 말|연락하지 마|연락하지마|연락하지 말|문자 그만|문자그만|연락 그만|그만 보내",
    "|그만하세요|그만해|그만 하세요|수신거부|수신 거부|구독 취소|구독취소|문자 사절|연락 사절|번호 삭제",
    // "그만 좀 보내" (stop sending, with "좀"), "명단에서 삭제해 주세요" (delete me from the list),
    // "한 번만 더 보내면 차단할게요" (one more and I block you).
    "|그만 좀 보내|그만좀 보내|그만 좀 연락|그만 좀 문자|명단에서 삭제|명단에서 빼|목록에서 삭제|목록에서 빼",
    "|리스트에서 삭제|리스트에서 빼|보내면 차단|연락하면 차단|문자하면 차단|전화하면 차단|차단할게|차단할께",
    // Thai, which has no spaces between words either.
    "|หยุดส่ง|ไม่ต้องส่งข้อความ|อย่าส่ง|เลิกส่ง|ยกเลิกการรับ|ยกเลิกสมาชิก|ลบเบอร์|อย่าโทร|ไม่ต้องโทรมา",
    // More Chinese (and Cantonese), Japanese and Korean.
    "|唔好再|唔好send|唔好搵我|咪再send|咪再發|咪再打|停止傳送|不要傳訊息|不要傳簡訊|別傳簡訊|別再傳簡訊",
    "|不用再发|不用再發|不用再传|不用再傳|不用再联系|不用再聯絡",
    "|移除我的号码|移除我的號碼|把我移除|不要再寄|请停止发|請停止發|送信しないで|送信停止|配信解除|配信を停止",
    "|連絡は一切不要|連絡も一切不要|連絡は一切お断り|電話も止め|メッセージも止め|連絡も止め",
    // Japanese "もう電話しないでください" (please don't call any more), "ご連絡はご遠慮ください"
    // (please refrain from contacting).
    "|もう電話しないで|もう連絡しないで|もう送らないで|もうメッセージしないで|ご連絡はご遠慮|連絡はご遠慮|ご連絡はお控え",
    // Cantonese "請將我嘅號碼從名單刪除" (delete my number from the list), "請勿再聯絡我" (please do
    // not contact me again).
    "|從名單刪除|从名单删除|從名單移除|从名单移除|勿再聯絡|勿再联络|勿再聯繫|勿再联系|勿再發|勿再发|勿再打|勿再致電|勿再傳|勿再传",
    "|連絡不要|連絡してこないで|番号を削除|登録解除|送ってこないで|送るのやめて|送るのをやめて|メッセージやめて",
    "|연락하지 말아|그만 연락|더 이상 연락|더이상 연락|더 이상 문자|더이상 문자|번호 지워|번호 지우",
    "|문자 사양|보내지 말아",
    // Lao, Burmese and Khmer, unspaced like Thai.
    "|ຢ່າສົ່ງ|ຢຸດສົ່ງ|ບໍ່ຕ້ອງສົ່ງ|ລົບເບີ|မပို့ပါနဲ့|မပို့နဲ့|မပို့ပါနှင့်|မဆက်သွယ်ပါနဲ့",
    "|စာရင်းထဲက ဖယ်|စာရင်းထဲမှ ဖယ်|စာရင်းထဲက ဖျက်|မနှောင့်ယှက်ပါနဲ့|ပို့တာရပ်|နံပါတ်ဖျက်|កុំផ្ញើ|ឈប់ផ្ញើ|កុំរំខាន|លុបលេខ",
);

/// Words that may stand between the parts of a [`STEMS`] phrase without changing what it asks:
/// object pronouns, "again" and "please" in the languages typed in Latin letters ("perestante
/// *mne* pisat", "bie *zai gei wo* fa duanxin", "message *mujhe* mat bhejo"). A message is tried
/// a second time with these dropped, against the phrases with these dropped.
const FILLERS: &str = concat!(
    "mne|mnie|menya|wo|gei|zai|qing|mujhe|mujhko|hamein|humein|hame|bhi|please|pls|plz|pozhaluysta|pozhaluista",
    "|pozhalujsta|pozhalusta|pozhalsta|bitte|prosze|lutfen|parakalo|porfa|porfis|xfa",
);

static FILLER_SET: WordList = WordList::new(FILLERS);

/// The phrases of a table: those of several words by their first word (written whole), and
/// the one-word stems ("desabonn", "прекратите"), tried as prefixes of every word. Each phrase
/// as matched, with the table's phrase it stands for.
struct Stems {
    by_first: HashMap<String, Vec<(String, &'static str)>, Fast>,
    single: Vec<(String, &'static str)>,
    /// The shortest of `single`, in bytes: shorter words are not tried.
    shortest: usize,
}

impl Stems {
    fn new(phrases: impl Iterator<Item = (String, &'static str)>) -> Self {
        let mut stems = Stems { by_first: HashMap::default(), single: Vec::new(), shortest: usize::MAX };
        for (matched, phrase) in phrases {
            match matched.split_once(' ') {
                Some((first, _)) => stems.by_first.entry(first.to_owned()).or_default().push((matched, phrase)),
                None => {
                    stems.shortest = stems.shortest.min(matched.len());
                    stems.single.push((matched, phrase));
                }
            }
        }
        stems
    }

    /// The first phrase found in `letters`.
    fn find(&self, letters: &str) -> Option<&'static str> {
        let base = letters.as_ptr() as usize;
        for word in letters.split(' ') {
            let long = word.len() >= self.shortest;
            if let Some((_, phrase)) = self.single.iter().find(|(stem, _)| long && word.starts_with(stem.as_str())) {
                return Some(phrase);
            }
            let at = word.as_ptr() as usize - base;
            let rest = &letters[at..];
            let mut candidates = self.by_first.get(word).into_iter().flatten();
            if let Some((_, phrase)) = candidates.find(|(matched, _)| rest.starts_with(matched.as_str())) {
                return Some(phrase);
            }
        }
        None
    }
}

/// `letters` loosened: without its [`FILLERS`], with doubled vowels single, as the languages
/// typed in Latin letters spell long vowels either way ("anuppaadheenga", "anuppadheenga"), and
/// with no vowels at all in a word of Arabizi (Arabic typed with digits for its own letters),
/// whose vowels are spelled any way ("tba3tli", "tb3atouli", "teba3tli" are all "tb3tl");
/// `None` when that changes nothing.
fn loosened(letters: &str) -> Option<String> {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let doubled = |w: &str| ["aa", "ee", "ii", "oo", "uu"].iter().any(|d| w.contains(d));
    let arabizi =
        |w: &str| w.contains(['2', '3', '5', '6', '7', '8', '9']) && w.contains(|c: char| c.is_ascii_alphabetic());
    if !letters.split(' ').any(|w| FILLER_SET.contains(w) || doubled(w) || arabizi(w)) {
        return None;
    }
    let mut out = String::with_capacity(letters.len());
    for word in letters.split(' ').filter(|w| !FILLER_SET.contains(w)) {
        if !out.is_empty() {
            out.push(' ');
        }
        let skeleton = arabizi(word);
        let mut last = None;
        for c in word.chars() {
            if !(vowel(c) && (skeleton || Some(c) == last)) {
                out.push(c);
            }
            last = Some(c);
        }
    }
    Some(out)
}

static INDEX: LazyLock<Stems> = LazyLock::new(|| Stems::new(STEMS.split('|').map(|s| (s.to_owned(), s))));

/// The phrases [`loosened`], for a message loosened; a phrase of several words left with one is
/// not kept (one word alone says too little).
static SPREAD: LazyLock<Stems> = LazyLock::new(|| {
    Stems::new(STEMS.split('|').filter_map(|s| {
        let matched = loosened(s).unwrap_or_else(|| s.to_owned());
        (matched.contains(' ') || !s.contains(' ')).then_some((matched, s))
    }))
});

/// `c` is of a script written without spaces between words: Thai, Lao, Burmese, Khmer, and
/// Chinese, Japanese and Korean.
fn unspaced(c: char) -> bool {
    c >= '\u{3000}' || matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// The revocation in `letters` (a normalised message as letters and single spaces), in a
/// language other than English, if there is one.
pub(crate) fn revocation(letters: &str) -> Option<&'static str> {
    if let Some(stem) = INDEX.find(letters) {
        return Some(stem);
    }
    if let Some(stem) = loosened(letters).and_then(|spread| SPREAD.find(&spread)) {
        return Some(stem);
    }
    if letters.chars().any(unspaced) {
        return UNSPACED.split('|').find(|p| letters.contains(p));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::{letters_only, normalise};

    fn found(text: &str) -> Option<&'static str> {
        revocation(&letters_only(&normalise(text)))
    }

    #[test]
    fn tables_are_written_normalised() {
        for stem in STEMS.split('|').chain(UNSPACED.split('|')) {
            assert!(!stem.is_empty());
            assert_eq!(letters_only(&normalise(stem)), stem);
        }
    }

    #[test]
    fn revocations_in_other_languages_are_found() {
        for t in [
            "Não me mandem mais mensagens",
            // Fillers between a phrase's parts (pronouns, "again", "please").
            "pozhaluysta perestante mne pisat soobshcheniya",
            "qing bie zai gei wo fa xinxi le",
            "message mujhe mat bhejo yaar",
            // Spelling and US Spanish verbs.
            "matb3atlish tani",
            "plz wa2fu el rasayel",
            "khalas ma3ad tb3atli shi",
            // Arabizi vowels spelled any way.
            "ma3ad teba3tuli shi",
            "plz ma t3ood teb3atli",
            "la t3od tersel",
            "مجھے میسج بھیجنا بند کرو",
            "peidiwch a chysylltu a fi",
            "na cuir teacs chugam",
            "bhai stop karo ab",
            "msg bhi mat karna",
            "la t3awed tb3atli",
            "prosze mi nie wysylac smsow",
            "مجھے پیغام مت بھیجو",
            "yalla la terselli shi",
            "3afak ma tb9ach tsifet liya",
            "bel mij niet meer aub",
            "merci de cesser toute communication",
            "veuillez cesser de m'envoyer des sms",
            "tafsik lishloach li sms",
            "haal mijn nummer weg aub",
            "enakku sms anuppaatheenga",
            "porfa no me textees más",
            // Round 31: Japanese "don't call any more" and "please refrain"; Farsi "don't call
            // any more" and a father's wish passed on.
            "お手数ですが、もう電話しないでください",
            "今後はご連絡はご遠慮いただけますか",
            "لطفا دیگه زنگ نزنید",
            "پدرم نمی‌خواهد دیگر با او تماس بگیرید",
            // Rounds 28 and 29: Armenian passed on; German mailing list; Creole threat;
            // Portuguese both channels; Hindi "stop sending"; Japanese and Cantonese.
            "Մայրս խնդրում է այլևս չգրել իրեն",
            "Nehmt mich bitte aus eurem Verteiler",
            "Si nou ekri m ankò, m ap bloke nou",
            "Podem parar de ligar e de mandar mensagem, obrigado",
            "मेरी माँ अब नहीं रहीं, इस नंबर पर संदेश भेजना बंद कीजिए",
            "電話もメッセージも止めてほしいです",
            "今後、連絡は一切不要です",
            "唔該將我從名單刪除",
            "請勿再致電此號碼",
            // Round 27: Amharic "take me out" and a father's "don't call him"; Somali
            // "don't call" passed on.
            "አስወጡኝ እባካችሁ",
            "አባቴ እንዳትደውሉለት ብሏል",
            "Aabahay wuxuu leeyahay ha soo wicina",
            // Rounds 25 and 26: Polish, Ukrainian and French threats over the next message.
            "Jeszcze jeden SMS i zgłaszam sprawę",
            "Ще одне повідомлення і я скаржуся",
            "Si vous m'appelez encore, je porte plainte.",
            // Round 22: Punjabi, Portuguese, Haitian Creole and Gujarati.
            "ਬੰਦ ਕਰੋ ਮੈਸੇਜ ਪਲੀਜ਼",
            "dubara call na karna ji",
            "band karo eh msgs",
            "por favor não me ligue mais",
            "tanpri retire nimewo mwen",
            "મહેરબાની કરીને ફોન કરવાનું બંધ કરો",
            "મારો નંબર યાદીમાંથી કાઢી નાખો",
            "phone karvanu bandh karo",
            // Round 21: Portuguese, Italian and Bengali.
            "quero me desinscrever",
            "vi chiedo di rimuovere il mio numero",
            "দয়া করে আমার নাম্বার সরিয়ে দিন",
            "Por favor, me tire da lista.",
            "Arrêtez de m'envoyer des SMS svp",
            "Je veux me désabonner",
            "Non scrivetemi più!!",
            "Bitte keine SMS mehr.",
            "Hören Sie auf, mir zu schreiben",
            "Не пишите мне больше",
            "Tigilan niyo na ako please",
            "Đừng nhắn tin cho tôi nữa",
            "dung nhan tin nua",
            "Pa voye m mesaj ankò",
            "请不要再发短信给我",
            "回复退订",
            "문자 보내지 마세요",
            "もう送らないでください",
            "message mat bhejo",
            "لا ترسل لي رسائل",
            "no quiero que me llamen ni me escriban",
            "मुझे मैसेज मत भेजो",
            "বার্তা পাঠাবেন না",
            "Lütfen artık mesaj atmayın",
            "Stuur me geen sms meer aub",
            "Jangan kirim SMS lagi ya",
            "หยุดส่งข้อความได้แล้ว",
            "ΣΤΑΜΑΤΗΣΤΕ τα μηνύματα",
            "אל תשלחו לי יותר הודעות",
            "Usinitumie ujumbe tena",
            "Nu-mi mai trimiteți nimic",
            "Retirez mon numéro svp",
            "Sluta skicka sms till mig",
            "Nepište mi už",
            "Kérem, ne küldjenek több sms-t",
            "Prestanite mi slati poruke",
            "Ne šaljite mi više poruka",
            "Не ми пишете повече",
            "Lopettakaa viestien lähettäminen",
            "Nesiųskite man daugiau žinučių",
            "No m'envieu més missatges, si us plau",
            "Moenie vir my sms nie asseblief",
            "Peidiwch ag anfon negeseuon ataf",
            "தயவுசெய்து மெசேஜ் அனுப்ப வேண்டாம்",
            "దయచేసి మెసేజ్ పంపకండి",
            "ദയവായി മെസേജ് അയക്കരുത്",
            "मला मेसेज पाठवू नका",
            "कृपया म्यासेज नपठाउनुहोस्",
            "කරුණාකර මැසේජ් එවන්න එපා",
            "Մի ուղարկեք ինձ հաղորդագրություններ",
            "ნუ მომწერთ მეტს",
            "Mənə mesaj göndərməyin",
            "Tsis txhob xa ntawv tuaj rau kuv",
            "Ayaw na ko i-text palihug",
            "Ẹ má fi ránṣẹ́ sí mi mọ́",
            "Ku daina aiko min sako",
            "Ningangithumeleli imiyalezo",
            "ຢ່າສົ່ງຂໍ້ຄວາມມາອີກ",
            "ကျေးဇူးပြု၍ မပို့ပါနဲ့",
            "សូមកុំផ្ញើសារមកខ្ញុំទៀត",
            "唔好再send嘢俾我",
            "配信解除してください",
            "mat b3atli rasayel tani",
            "ne pishite mne bolshe",
            "Mos më dërgoni mesazhe",
            "Älkää enää lähettäkö minulle viestejä",
            "Ẹ jọ̀ọ́, ẹ má fi ọ̀rọ̀ ránṣẹ́ sí mi mọ́",
            "దయచేసి నాకు ఇకపై మెసేజ్‌లు పంపకండి",
            "Prašau daugiau man nerašyti žinučių",
            "Прошу видалити мій номер і більше не писати",
            "Pakitanggal na po ang number ko sa listahan nyo",
            "qing bie zai fa duanxin gei wo le",
            "bu yao zai fa le",
            "m hou zoi send msg bei ngo",
            "mou okuranaide kudasai",
            "amake r message pathaben na",
            "inimel message anuppa vendam",
            "naaku message pampakandi",
            "min mou stelnete alla minimata",
            "munja geuman bonaeseyo",
            "balash tb3atly rasayel tany",
            "beni listenizden çıkarın",
            "मुझे दोबारा मैसेज मत करना",
            "mi mamá dice que ya no le escriban",
            "tanpri sispann rele m",
            "mẹ tôi bảo đừng gọi số này nữa",
            "μην μου ξαναστέλνετε τίποτα",
            "wag na kayong tumawag please",
            "मेरा नंबर लिस्ट से हटाओ",
            "fa'amolemole taofi le text mai",
            "aua nei toe vala'au mai",
            "ʻOua ʻe toe fetuʻutaki mai",
            "Isardengyo ti agtext",
            "dikay on agtawag kaniak",
            "pakiikkat ak iti listaan",
            "Mai hoʻouna hou mai i nā memo",
            "no text me no moa brah",
            "paki stop na po ang pag text",
            "isa pang tawag at irereport ko kayo",
            "Proszę mnie nie kontaktować",
            "nie życzę sobie kontaktu telefonicznego",
            "再发我就投诉",
            "Ôtez-moi de votre liste svp",
            "appelle-moi pu jamais",
            "je veux pus de messages",
            "sortez mon numéro de votre liste",
            "ma femme veut que vous arrêtiez de m'écrire",
            "encore un texto pis je te bloque",
            "ma3adch tab3thouli chay",
            "wa9fo had l messages",
            "لا أريد أي رسالة بعد اليوم",
            "ik wil niet meer gebeld worden",
            "nog een sms en ik blokkeer jullie",
            "ditegli di non contattarla più",
            "ek aur msg aaya to block kar dunga",
            "그만 좀 보내세요",
            "리스트에서 빼 주세요",
            "또 연락하면 차단할게요",
            "podem parar de me mandar mensagem?",
            "mais uma mensagem e eu denuncio",
            "gọi nữa là tôi báo công an",
            "Noch ein Anruf und ich melde Sie",
            "今後の連絡は不要です、よろしく",
            "このメッセージを止めてもらえますか",
            "リストから外してください",
            "また送ってきたらブロックします",
            "앞으로 연락은 사양합니다",
            "Μη μου τηλεφωνήσετε ξανά",
            "αφαιρέστε τον αριθμό μου από τη λίστα",
            "Если ещё одно сообщение придёт, я вас заблокирую",
            "lütfen numaramı rehberinizden silin",
            "Ruft mich nimmi aa",
            "Mir wolle ken Texte meh",
            "Pa rele m ankò, pa voye mesaj ankò",
            "fadlan lambarkayga ka saar liiska",
            "jooji fariimaha fadlan",
            "marnaba ha u soo dirin fariin",
            "ከእንግዲህ አይላኩልኝ",
            "ስሜን አስወጡ እባካችሁ",
            "mesej atlakulign",
            "sampark nagarnus hai",
            "ကျေးဇူးပြု၍ စာရင်းထဲက ဖယ်ပါ",
            "ותמחקו את המספר הזה",
            "אל תיצרו איתי קשר שוב",
            "עוד הודעה ואני חוסם אתכם",
            "הערט אויף שיקן מעסעדזשעס",
            "biteh hert oyf",
            "ਸਾਨੂੰ ਸੰਪਰਕ ਨਾ ਕਰੋ",
            "ਮੈਸੇਜ ਭੇਜਣਾ ਬੰਦ ਕਰੋ ਜੀ",
            "престаните да ме зовете више",
            "još jedan poziv i prijavljujem vas",
            "больше не связывайтесь со мной",
            "ya no me marquen, gracias",
            "mainu msg na karo hun",
            "Muab kuv lub npe tshem tawm",
            "把我的号码从名单里删掉",
            "你再text我就block你",
            "আমার নম্বর তালিকা থেকে মুছে দিন",
            "plz jogajog korben na",
            "רופט מיך נישט מער",
            "Jeg ønsker ikke flere SMS",
            "vær så snill, slett meg",
            "Jag vill inte få fler sms",
            "أرجو التوقف عن الاتصال بي",
            "nemt mir arop fun ayer list",
            "kanpe rele m souple",
            "abeg comot my number",
            "stop na po kayo sa pag text",
            "ẹ dẹ́kun fífi ọ̀rọ̀ ránṣẹ́",
            "làm ơn ngừng nhắn tin",
            "Não quero ser contatada mais",
            "nie życzę sobie żadnego telefonu",
            "please la mshadrit msgs",
            "la qarit eli ba'ad",
            "ܠܐ ܡܫܕܪܬ ܡܕܡ ܬܘܒ",
            "no text me no mo, brah",
            "munga yu' ma call ta'lo",
            "na'suha i numiru-hu",
            "kosap chiwen kori ei nampa",
            "jab bar kūr eō",
            "不要再打來",
            "մի գրեք ինձ",
            "el mi greq khntrum em",
            "شماره منو از لیست حذف کنید",
            "la prego, non scrivete più a questo numero",
            "Rufen Sie mich bitte nie wieder an",
            "Lütfen benimle bir daha iletişime geçmeyin",
            "Maaloo na hin quunnaminaa",
            "lakkoofsa koo tarree keessaa haqaa",
            "Fadlan ha i soo wacin",
            "我唔想再收到你哋嘅訊息",
            "Δεν θέλω καμία άλλη επικοινωνία",
            "Thov nres xa ntawv rau kuv",
            // Round 23: Levantine Arabic, Hinglish with the verb's noun before "band", Chinese
            // "this number" and 移除.
            "ما بدي رسايل منكم",
            "خلص وقفوا تبعتوا مسجات",
            "Dadi ko phone karna band karo please",
            "不要再打这个电话了",
            "請將我從名單中移除",
            // Round 24: Urdu and Hindi forms, Italian consent revoked, Japanese and Korean.
            "میرا نام اپنی فہرست سے نکال دیں",
            "آئندہ رابطہ نہ کریں",
            "ritiro il mio consenso, grazie",
            "番号を消してください",
            "전화하지 마 문자도요",
        ] {
            assert!(found(t).is_some(), "{t}");
        }
    }

    #[test]
    fn ordinary_replies_in_other_languages_are_not() {
        for t in [
            "Sim, tenho interesse. Quanto custa?",
            "Oui, appelez-moi demain matin",
            "Ja, bitte rufen Sie mich an",
            "Vui lòng dùng nhắn tin, tôi đang làm việc",
            "Да, интересно, сколько стоит?",
            "我想了解一下价格",
            "네 관심 있어요",
            "oo interesado ako",
            "Appelle-moi plus tard, cher",
            "je veux plus de détails sur le taux",
            "Ik wil graag gebeld worden",
            "हाँ, मुझे जानकारी भेजो",
            "ส่งข้อมูลมาได้เลยครับ",
            "Ja, ik heb interesse",
            "Evet, ne kadar?",
            "Ya, saya tertarik",
            "Ναι, ενδιαφέρομαι",
            "כן, מעניין אותי",
            "Ndiyo, nina nia",
            "Da, sunt interesat",
            "Da, zanima me, koliko košta?",
            "Kyllä, olen kiinnostunut",
            "Sí, m'interessa molt",
            "Ja, ek stel belang",
            "ஆம், விலை என்ன?",
            "ჰო, მაინტერესებს",
            "Bəli, maraqlanıram",
            "Yog, kuv xav paub ntxiv",
            "Bẹẹni, mo nifẹ si",
            "ຂໍຂໍ້ມູນແດ່",
            "စိတ်ဝင်စားပါတယ်",
            "ខ្ញុំចាប់អារម្មណ៍",
            "幾多錢呀?",
            "Ni kiasi gani?",
            "wo xiang zhidao jiage",
            "hai, onegaishimasu",
            "haan message pathan, dekhchi",
            "sari, message pannunga",
            "ya no le llama la atención",
            "đừng gọi trước 9 giờ sáng",
        ] {
            assert!(found(t).is_none(), "{t}");
        }
    }
}
