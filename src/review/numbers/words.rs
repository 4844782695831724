//! The word tables the numbers reader uses: numbers, months and scales
//! written as words, idioms of whole periods, English ordinal suffixes.

/// Numbers, ordinals and months as words: English and Portuguese, and the
/// cardinals of German, French and Spanish (a target may say "sechs Monate"
/// for "6 months").
pub(super) const WORDS: &[(&str, &str)] = &[
    // German "one" is also the article, in every case: as a soft number it
    // can only answer a source's 1 ("at least 1 subscription" → "mindestens
    // ein Abonnement"), never be missed.
    ("ein", "1"),
    ("eine", "1"),
    ("einer", "1"),
    ("einem", "1"),
    ("einen", "1"),
    ("eines", "1"),
    ("einmal", "1"),
    ("eins", "1"),
    ("zwei", "2"),
    ("drei", "3"),
    ("vier", "4"),
    ("fünf", "5"),
    ("sechs", "6"),
    ("sieben", "7"),
    ("acht", "8"),
    ("neun", "9"),
    ("zehn", "10"),
    ("elf", "11"),
    ("zwölf", "12"),
    ("zwanzig", "20"),
    ("dreißig", "30"),
    ("hundert", "100"),
    ("tausend", "1000"),
    ("deux", "2"),
    ("trois", "3"),
    ("quatre", "4"),
    ("cinq", "5"),
    ("sept", "7"),
    ("huit", "8"),
    ("neuf", "9"),
    ("dix", "10"),
    ("douze", "12"),
    ("uno", "1"),
    ("tres", "3"),
    ("cuatro", "4"),
    ("siete", "7"),
    ("ocho", "8"),
    ("nueve", "9"),
    ("diez", "10"),
    ("doce", "12"),
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("fifteen", "15"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("ninety", "90"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("first", "1"),
    ("second", "2"),
    ("third", "3"),
    ("fourth", "4"),
    ("fifth", "5"),
    ("sixth", "6"),
    ("seventh", "7"),
    ("eighth", "8"),
    ("ninth", "9"),
    ("tenth", "10"),
    ("once", "1"),
    ("twice", "2"),
    ("um", "1"),
    ("uma", "1"),
    ("dois", "2"),
    ("duas", "2"),
    ("três", "3"),
    ("quatro", "4"),
    ("cinco", "5"),
    ("seis", "6"),
    ("sete", "7"),
    ("oito", "8"),
    ("nove", "9"),
    ("dez", "10"),
    ("onze", "11"),
    ("doze", "12"),
    ("quinze", "15"),
    ("vinte", "20"),
    ("trinta", "30"),
    ("quarenta", "40"),
    ("cinquenta", "50"),
    ("sessenta", "60"),
    ("noventa", "90"),
    ("cem", "100"),
    ("cento", "100"),
    ("mil", "1000"),
    ("primeiro", "1"),
    ("primeira", "1"),
    ("segundo", "2"),
    ("segunda", "2"),
    ("terceiro", "3"),
    ("terceira", "3"),
    ("terceiros", "3"),
    ("quarto", "4"),
    ("quarta", "4"),
    ("quinto", "5"),
    ("quinta", "5"),
    ("sexto", "6"),
    ("sexta", "6"),
    ("sétimo", "7"),
    ("sétima", "7"),
    ("oitavo", "8"),
    ("oitava", "8"),
    ("nono", "9"),
    ("nona", "9"),
    ("décimo", "10"),
    ("décima", "10"),
    ("january", "1"),
    ("february", "2"),
    ("march", "3"),
    ("april", "4"),
    ("may", "5"),
    ("june", "6"),
    ("july", "7"),
    ("august", "8"),
    ("september", "9"),
    ("october", "10"),
    ("november", "11"),
    ("december", "12"),
    ("januar", "1"),
    ("februar", "2"),
    ("märz", "3"),
    ("mai", "5"),
    ("juni", "6"),
    ("juli", "7"),
    ("oktober", "10"),
    ("dezember", "12"),
    ("janeiro", "1"),
    ("fevereiro", "2"),
    ("março", "3"),
    ("abril", "4"),
    ("maio", "5"),
    ("junho", "6"),
    ("julho", "7"),
    ("agosto", "8"),
    ("setembro", "9"),
    ("outubro", "10"),
    ("novembro", "11"),
    ("dezembro", "12"),
];

/// Words after a number that scale it (`90 mil` = `90,000`), with the
/// number of zeros they add; `K` and `M` glued to digits do the same, and
/// a `K` apart (`20 K participants`; an `M` apart is metres).
pub(super) const SCALES: &[(&str, usize)] = &[
    ("k", 3),
    ("thousand", 3),
    ("mil", 3),
    ("million", 6),
    ("millions", 6),
    ("milhão", 6),
    ("milhões", 6),
    ("billion", 9),
    ("bilhão", 9),
    ("bilhões", 9),
];

/// Units and how many of each make the next larger one: "24 hours a day",
/// "365 days a year" say "all the time" (Chinese 全年全天候), not a count.
pub(super) const WHOLE_PERIODS: &[(&str, &str, &str)] = &[
    ("24", "hour", "day"),
    ("7", "day", "week"),
    ("365", "day", "year"),
    ("12", "month", "year"),
    ("52", "week", "year"),
    ("60", "minute", "hour"),
];

/// English ordinal suffixes (`3rd-party`: a compound, see `in_name`).
pub(super) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// The words after an ordinal that make the English idiom "first party",
/// "third party" (the vendor itself, another vendor), which a translation
/// says in one word ("1st party" → Originalanbieter, "3rd party" →
/// Drittanbieter) without the number.
pub(super) const PARTY: &[&str] = &["party", "parties"];

/// German endings that make a number word a multiplicative (`zwölfmal` =
/// 12 times, `dreifach` = threefold): the number word before them counts.
pub(super) const MULTIPLICATIVES: &[&str] = &["mal", "fach"];

/// English month names and their abbreviations: a two-digit number after
/// one may be the year (`December 19` price list = December 2019).
pub(super) const ENGLISH_MONTHS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// Words after `100` that make it a percentage: `100%` says "all", "in
/// full", which a translation may say in words.
pub(super) const PERCENT: &[&str] = &["%", "percent"];

/// Units of time that `1` counts in the singular: "the last 1 month" is
/// "the last month", which a translation says with an article or none
/// ("no último mês").
pub(super) const SINGLE_UNITS: &[&str] =
    &["minute", "hour", "day", "week", "month", "quarter", "year"];
