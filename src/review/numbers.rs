//! The numbers check: every number of the source is in the target and the
//! reverse, whatever the separators.
//!
//! Numbers are read from prose only (inline code, link targets and URLs
//! written in the text are skipped). A number may be written with the
//! source's separators (`1,000.5`) or the target locale's (`1.000,5` in
//! pt-BR): each number is compared by its value under either convention, so
//! a translator who keeps `1,000` and one who writes `1.000` are both right.
//! Numbers are compared as sets, in both directions: dates whose parts swap
//! places (`11/18/2020` → `18/11/2020`) match part by part, and a date or
//! product name said once where the source says it twice is not a finding.
//!
//! Letters after digits are a unit or an ordinal (`10GB`, `1st`, `1º`), and
//! the digits count. Some numbers only *answer* numbers of the other side,
//! never being required themselves: digits glued after letters (`FY21`,
//! `Q1`, `E3`: `FY21 Q1` may become `1º trimestre do ano fiscal de 2021`),
//! numbers, ordinals and months written as words in English or Portuguese
//! (`three` may become `3`, `8th` `oitavo`, `March 31` `31/03`), and the
//! idiom `24/7`. A number also means its value scaled by `K`/`M` or a scale
//! word (`USD300K` = `US$ 300 mil`), on the 24-hour clock when followed by
//! AM/PM (`6PM` = `18h`; zero minutes may go: `6:00 PM` = `18h`), a
//! two-digit year after a date's `/` also means 20xx (`2/12/17` =
//! `12/02/2017`), and digits after a lone separator are a fraction (`.80` =
//! `0,80`). A hexadecimal id such as a GUID is one number, compared whole.
//! Also soft: `100%` ("in full"), `1` before a singular unit of time ("the
//! last 1 month"), ordinal compounds (`3rd-party`); two digits after a
//! month may be its year (`December 19` = December 2019). Words with digits
//! written the same on both sides are matched copy for copy
//! (see `shared_words`).
//!
//! Calibrated on the Partner Center corpus: the first version, with none of
//! these readings, reported 173 pairs of which 20 read were all sound
//! translations; this one reports 11, 8 of them real (mangled ids, a wrong
//! date, a split number).

mod names;
mod read;
mod words;

use super::locale::Locale;
use super::pair::Flag;
use read::{numbers, Convention, Number};

pub use read::is_url;

/// The source's convention (English).
const SOURCE: Convention = (',', '.');

/// Numbers of one side (soft ones aside) that no number of the other side
/// can mean, as written, each once.
fn unmatched<'a>(from: &[Number<'a>], against: &[Number<'_>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for number in from.iter().filter(|n| !n.soft) {
        let answered = against
            .iter()
            .any(|other| other.values.iter().any(|v| number.values.contains(v)));
        if !answered && !out.contains(&number.written) {
            out.push(number.written);
        }
    }
    out
}

/// The numbers finding of a pair, if its numbers differ. Its tokens are the
/// unmatched numbers as each side writes them (`30` and `3`), so both are
/// marked where they stand. A full-width comma between digits groups
/// thousands or parts a list ([`Locale::normalize_numbers`]): the target is
/// right when either reading has the source's numbers.
pub fn check(target_prose: &str, source_prose: &str, locale: &Locale) -> Option<Flag> {
    // Only numbers written with digits must be matched (numbers in words
    // and ideographic numerals are soft: they only answer the other side's),
    // so a pair with no digit on either side has no finding. Most pairs.
    let digit = |text: &str| text.chars().any(|c| Locale::digit(c).is_some());
    if !digit(target_prose) && !digit(source_prose) {
        return None;
    }
    let grouped = locale.normalize_numbers(target_prose, true);
    let flag = compare(&grouped, source_prose, locale)?;
    let listed = locale.normalize_numbers(target_prose, false);
    if listed != grouped && compare(&listed, source_prose, locale).is_none() {
        return None;
    }
    Some(flag)
}

/// The numbers finding of a target already normalized ([`check`]).
fn compare(target_prose: &str, source_prose: &str, locale: &Locale) -> Option<Flag> {
    let (target_shared, source_shared) = shared_words(target_prose, source_prose);
    // The source is English; a translator may keep its separators or use
    // the target language's.
    let mut target = numbers(target_prose, &[SOURCE, locale.separators]);
    apply_shared(&mut target, target_prose, &target_shared);
    soften_counted(&mut target, target_prose, locale);
    if locale.ideographic_numerals {
        target.extend(ideographic(target_prose));
    }
    let mut source = numbers(source_prose, &[SOURCE]);
    apply_shared(&mut source, source_prose, &source_shared);
    names::soften_leading(&mut source, source_prose, target_prose);
    names::soften_expanded(&mut target, target_prose, source_prose);
    let missing = unmatched(&source, &target);
    let extra = unmatched(&target, &source);
    let message = match (missing.is_empty(), extra.is_empty()) {
        (true, true) => return None,
        (false, true) => format!(
            "the source has {} that the translation does not; copy every number (separators may follow the target language)",
            missing.join(", ")
        ),
        (true, false) => format!(
            "the translation has {} that the source does not; check that no number was added or mistyped",
            extra.join(", ")
        ),
        (false, false) => format!(
            "the source has {} where the translation has {}; copy the source's numbers (separators may follow the target language)",
            missing.join(", "),
            extra.join(", ")
        ),
    };
    Some(Flag::new(message).with_tokens(missing.iter().chain(&extra)))
}

/// The words of each text that hold a digit among other characters and
/// are written the same on both sides (`decimal(9,2)`, `BITAND(12,6)`,
/// `{-1,1}`): identical text carries the same numbers, however either
/// language's separators would read it, so it is never a mismatch. Such
/// words are matched copy for copy: a matched copy's numbers are left out
/// on both sides, and a copy one side writes more often than the other
/// still *answers* the other side's numbers without being required (a
/// formula that the target spaces apart, `{j = 0}`, repeats `0}` where the
/// source writes `{j=0}` inside a longer word). A word one side glues to
/// the next word (`21H1que` after a link that lost its space) is the same
/// word. Plain numbers are not words of this kind: they may answer another
/// number of the other side (`15` for `15th`), and the target's are read in
/// both conventions anyway.
fn shared_words(target: &str, source: &str) -> (Shared, Shared) {
    let (t, s) = (digit_words(target), digit_words(source));
    let same = |a: &Word<'_>, b: &Word<'_>| same_word(a.key, b.key) || same_word(b.key, a.key);
    let mut used = vec![false; s.len()];
    let (mut target_shared, mut source_shared) = (Shared::default(), Shared::default());
    for word in &t {
        match (0..s.len()).find(|&j| !used[j] && same(word, &s[j])) {
            Some(j) => {
                used[j] = true;
                target_shared.matched.push(word.range);
                source_shared.matched.push(s[j].range);
            }
            None if s.iter().any(|other| same(word, other)) => target_shared.extra.push(word.range),
            None => {}
        }
    }
    for (j, word) in s.iter().enumerate() {
        if !used[j] && t.iter().any(|other| same(word, other)) {
            source_shared.extra.push(word.range);
        }
    }
    (target_shared, source_shared)
}

/// The byte ranges of one side's shared words (see [`shared_words`]).
#[derive(Debug, Default)]
struct Shared {
    /// Copies matched by a copy of the other side: their numbers are left out.
    matched: Vec<(usize, usize)>,
    /// Further copies: their numbers answer but are not required.
    extra: Vec<(usize, usize)>,
}

/// A whitespace-separated word of a text with a digit among other
/// characters: its byte range and its text without the punctuation around it.
struct Word<'a> {
    range: (usize, usize),
    key: &'a str,
}

/// The words of `text` that hold a digit and something else than digits and
/// separators.
fn digit_words(text: &str) -> Vec<Word<'_>> {
    let base = text.as_ptr() as usize;
    text.split_whitespace()
        .filter_map(|w| {
            let key = w.trim_matches(|c: char| {
                matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”')
            });
            let mixed = key.bytes().any(|b| b.is_ascii_digit())
                && key
                    .bytes()
                    .any(|b| !b.is_ascii_digit() && !matches!(b, b'.' | b','));
            let start = w.as_ptr() as usize - base;
            mixed.then_some(Word {
                range: (start, start + w.len()),
                key,
            })
        })
        .collect()
}

/// Is `word` the other side's `key`, or `key` glued to the word after it
/// (`21H1que` for `21H1`: a key that ends in a digit, then a word of two
/// letters or more and nothing else; `19x0.13` is a formula, not a glued
/// `19`)?
fn same_word(word: &str, key: &str) -> bool {
    let glued = |rest: &str| rest.chars().count() >= 2 && rest.chars().all(char::is_alphabetic);
    word == key
        || (key.ends_with(|c: char| c.is_ascii_digit())
            && word.strip_prefix(key).is_some_and(glued))
}

/// Leaves out the numbers of matched shared words and makes those of the
/// further copies soft.
fn apply_shared(numbers: &mut Vec<Number<'_>>, prose: &str, shared: &Shared) {
    let base = prose.as_ptr() as usize;
    let at = |n: &Number<'_>| n.written.as_ptr() as usize - base;
    let within = |ranges: &[(usize, usize)], at: usize| {
        ranges.iter().any(|&(from, to)| (from..to).contains(&at))
    };
    numbers.retain(|n| !within(&shared.matched, at(n)));
    for number in numbers.iter_mut() {
        number.soft |= within(&shared.extra, at(number));
    }
}

/// Numbers followed by one of the language's counters or date units (`12
/// 月`, `1 つ`): counts and dates the source may say in words ("Dec",
/// "single"), so they answer the source's numbers but are not required.
fn soften_counted(numbers: &mut [Number<'_>], prose: &str, locale: &Locale) {
    if locale.counters.is_empty() {
        return;
    }
    let base = prose.as_ptr() as usize;
    for number in numbers.iter_mut() {
        let end = number.written.as_ptr() as usize - base + number.written.len();
        let next = prose
            .get(end..)
            .and_then(|rest| rest.trim_start().chars().next());
        if next.is_some_and(|c| locale.counters.contains(&c)) {
            number.soft = true;
        }
        // `30 万` is 300,000 (万 = 10⁴, 亿 = 10⁸): the value the source
        // writes `300K` or `300,000`.
        let zeros = match next {
            Some('万' | '萬' | '만') => 4,
            Some('亿' | '億' | '억') => 8,
            _ => 0,
        };
        if zeros > 0 {
            let scaled: Vec<String> = number
                .values
                .iter()
                .filter(|v| v.bytes().all(|b| b.is_ascii_digit()))
                .map(|v| format!("{v}{}", "0".repeat(zeros)))
                .collect();
            number.values.extend(scaled);
        }
    }
}

/// Ideographic numerals (`一` to `九`, `十`, `百`: `十二` = 12, `第一` = 1st),
/// each run as one soft number: `一` also means "a", so they answer the
/// source's numbers and are never required.
fn ideographic(prose: &str) -> Vec<Number<'_>> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in prose.char_indices().chain([(prose.len(), ' ')]) {
        let numeral = digit(c).is_some() || matches!(c, '十' | '百' | '两');
        match (numeral, start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                let written = &prose[from..i];
                out.extend(ideographic_value(written, digit).map(|value| Number {
                    written,
                    values: vec![value.to_string()],
                    soft: true,
                }));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The value of a run of ideographic numerals (up to the hundreds).
fn ideographic_value(written: &str, digit: impl Fn(char) -> Option<usize>) -> Option<usize> {
    let (mut total, mut pending) = (0, None::<usize>);
    for c in written.chars() {
        match c {
            '十' => total += pending.take().unwrap_or(1) * 10,
            '百' => total += pending.take().unwrap_or(1) * 100,
            '两' => pending = Some(2),
            _ => pending = Some(pending.unwrap_or(0) * 10 + digit(c)?),
        }
    }
    Some(total + pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt() -> Locale {
        Locale::of("pt-BR")
    }

    #[test]
    fn flags_changed_missing_and_added_numbers() {
        let cases = [
            (
                "Você tem 30 dias para cancelar.",
                "You have 14 days to cancel.",
            ),
            (
                "O limite é de 5.000 licenças.",
                "The limit is 50,000 licenses.",
            ),
            (
                "Isso leva até 24 horas.",
                "This can take up to 24 to 48 hours.",
            ),
            (
                "Em 2021, o preço mudou para US$ 12.",
                "In 2021, the price changed.",
            ),
            (
                "no período de 17/02/2017 – 10/3/2017",
                "for period 2/12/17 – 3/10/2017",
            ),
            (
                "'2a31c234-1f4e-4c60-909e-909e76d234f93161'",
                "'2a31c234-1f4e-4c60-909e-76d234f93161'",
            ),
            (
                "clientes com USD10, 000 em potencial",
                "customers with USD10,000 in potential",
            ),
            ("IDs de MPN de 22222222", "MPN IDs of 2222222"),
            ("*0, 45*", "*0.045*"),
            ("nos últimos 2 meses", "in the last 1 month"),
        ];
        for (target, source) in cases {
            assert!(check(target, source, &pt()).is_some(), "{target}");
        }
    }

    #[test]
    fn accepts_locale_separators_dates_and_ordinals() {
        let cases = [
            ("O total é 1.000,5 USD.", "The total is 1,000.5 USD."),
            ("O total é 1,000.5 USD.", "The total is 1,000.5 USD."),
            ("Um aumento de 2,5%.", "An increase of 2.5%."),
            ("Publicado em 18/11/2020.", "Published on 11/18/2020."),
            ("A 1ª fatura", "The 1st invoice"),
            (
                "Use o Office 365 E3 e a versão 10.0.19041.",
                "Use Office 365 E3 and version 10.0.19041.",
            ),
            (
                "Consulte https://aka.ms/x2021 agora",
                "See https://aka.ms/x2021 now",
            ),
            ("Até 1.000 usuários", "Up to 1000 users"),
            ("Até 10 usuários", "Up to 10 users"),
            ("1º trimestre do ano fiscal de 2021", "FY21 Q1"),
            ("limitadas a três participantes", "limited to 3 attendees"),
            ("Opção 1", "Option one"),
            (
                "receita de US$ 300 mil dos últimos 12 meses",
                "USD300K trailing twelve-month revenue",
            ),
            ("operações 24x7", "operations 24 X 7"),
            ("antes de 31 de março de 2021", "before March 31,2021"),
            ("Em 31/03/2021", "On March 31, 2021"),
            ("às 17h00", "at 17:00"),
            (
                "preço unitário = 2,47 (19 x 0,13 x 1)",
                "unit price = 2.47 (19x0.13x1)",
            ),
            ("para até três mil usuários", "for up to 3,000 users"),
            ("mais de 90 mil empresas", "more than 90,000 companies"),
            (
                "até 18h PST em 5 de janeiro de 2021",
                "by 6PM PST January 5, 2021",
            ),
            ("em 00:00 UTC no dia 13", "at 12:00AM UTC on the 13th"),
            ("16 de setembro às 19h30", "September 16 at 7:30 PM"),
            ("Custos de até US$ 18.750,00", "Costs up to USD18,750"),
            ("no oitavo dia do mês", "on the 8th day of the month"),
            ("suporte contínuo", "24/7 support"),
            (
                "entre 1º de janeiro e 30 de junho de 2021",
                "between January 1, 2021 and June 30, 2021",
            ),
            ("em 6 de janeiro, às 18h PST", "January 6 at 6:00 PM PST"),
            ("no dia anterior, às 18:00 PST", "the day before, 6pm PST"),
            (
                "a próxima unidade é cobrada a 0,80.",
                "the next unit is charged at .80.",
            ),
            (
                "Em 4 de maio de 2020 (00h01 UTC)",
                "On May 4, 2020 (12:01am UTC)",
            ),
            (
                "operações de nuvem 24 horas por dia",
                "24 X 7 cloud-operations management",
            ),
            (
                "seus PaidAvailableUnits no último mês.",
                "its PaidAvailableUnits in the last 1 month.",
            ),
        ];
        for (target, source) in cases {
            assert_eq!(check(target, source, &pt()), None, "{target}");
        }
    }

    #[test]
    fn identical_text_is_never_a_mismatch() {
        for (target, source) in [
            ("Use `x` como decimal(9,2).", "Use x as decimal(9,2)."),
            (
                "Defina {-1,1} e BITAND(12,6)",
                "Set {-1,1} and BITAND(12,6)",
            ),
        ] {
            assert_eq!(check(target, source, &pt()), None, "{target}");
        }
        // A different value next to a shared word is still found.
        assert!(check(
            "decimal(9,2) com 3 casas",
            "decimal(9,2) with 4 places",
            &pt()
        )
        .is_some());
    }

    #[test]
    fn german_dates_idioms_and_wholes_in_words() {
        let de = Locale::of("de-DE");
        for (target, source) in [
            (
                "Nutzen Sie die Preisliste von Dezember 2019.",
                "Consult the December 19 price list.",
            ),
            (
                "muss den gesamten Tag hindurch (rund um die Uhr) Zugriff haben",
                "must have access for the entire day (24x7)",
            ),
            (
                "die vom Drittanbieter weitergegeben werden, werden vollständig abgerechnet",
                "passed through by the 3rd-party vendor will contribute at 100% of your invoice",
            ),
            (
                "Das Verlängerungsdatum ist der 28.02.(2.28. bzw. 2.29, wenn er in einem Schaltjahr beginnt).",
                "the renewal date being 2/28 (2/28, and 2/29 respectively, if starting in a leap year).",
            ),
            (
                "müssen Sie „Form-R“ zwölfmal einreichen",
                "you will need to submit a Form-R 12 times",
            ),
            (
                "Der Originalanbieter ist immer Microsoft",
                "1st party will always be Microsoft",
            ),
            ("von einem Drittanbieter", "from a 3rd party."),
        ] {
            assert_eq!(check(target, source, &de), None, "{target}");
        }
        for (target, source) in [
            (
                "müssen Sie es elfmal einreichen",
                "you need to submit it 12 times",
            ),
            ("Die Originalzahlung", "The 1st payment"),
            (
                "Plan für Microsoft Office 365 für Behörden",
                "Teams in GCC-High page on Docs",
            ),
            ("zu 10 % Ihrer Rechnung", "at 100% of your invoice"),
            ("Das Datum ist der 29.02.", "The date is 2/28."),
            (
                "die Preisliste vom 20. Dezember",
                "the December 19 price list",
            ),
        ] {
            assert!(check(target, source, &de).is_some(), "{target}");
        }
        let zh = Locale::of("zh-CN");
        assert_eq!(
            check(
                "将产品/服务购买全额计入",
                "will contribute 100% of qualifying offer purchases",
                &zh
            ),
            None
        );
    }

    #[test]
    fn shared_words_match_copy_for_copy() {
        // A formula the translation spaces apart: its `0}` answers the
        // source's `{j=0}`, written inside a longer word.
        let target =
            "dado por $ $ U \\ket{0\\cdots 0} = \\frac{\\ sum_ {j = 0} ^ {2 ^ n-1} \\ alpha_j}";
        let source = "given by $$ U \\ket{0\\cdots 0} = \\frac{\\sum_{j=0}^{2^n-1}\\alpha_j}";
        assert_eq!(check(target, source, &pt()), None);
        // A word glued to the next after a link lost its space is the same word.
        assert_eq!(
            check(
                "em nosso build 21H1que estava afetando a versão 21H1.",
                "our 21H1 build that was affecting version 21H1 updates",
                &pt()
            ),
            None
        );
        assert!(check("o build 22H1que estava", "the 21H1 build that was", &pt()).is_some());
        // A matched copy answers nothing else: the model number lost after
        // "HoloLens" is not the `2` of `20H2`.
        assert!(check(
            "a versão 20H2 traz recursos para HoloLens usuários",
            "version 20H2 brings features to HoloLens 2 users",
            &pt()
        )
        .is_some());
    }

    #[test]
    fn full_width_digits_counters_and_numerals_are_read() {
        let zh = Locale::of("zh-CN");
        let ja = Locale::of("ja-JP");
        let fine = [
            ("最多 １０ 个用户", "Up to 10 users", zh),
            ("在 6 月 15 日之前", "before Jun 15", zh),
            ("12 月", "Dec", zh),
            ("第一张发票", "The 1st invoice", zh),
            ("十二个月", "twelve months", zh),
            ("1 つのアカウント", "a single account", ja),
            ("（１２，０００）", "(12,000)", ja),
            ("至少 30 万美元", "at least USD300K", zh),
            ("仅限 2 万名参加者", "limits to 20 K participants", zh),
            (
                "针对由世纪互联运营的合作伙伴中心进行开发",
                "Develop for Partner Center operated by 21 Vianet",
                zh,
            ),
            (
                "将于 6 月 15 日发布新产品以替换之前的 Microsoft 365 F1。",
                "A new offer will replace the previous F1 on June 15.",
                zh,
            ),
            (
                "SOL-1234-PQRS，USD，10，100",
                "SOL-1234-PQRS, USD, 10, 100",
                zh,
            ),
            (
                "每天将收到 10，000 个 API 调用",
                "10,000 API calls per day",
                zh,
            ),
            (
                "产品 ID：ac14473c-8e5d-4e44",
                "Offer ID: ac14473c-8e5d-4e44",
                zh,
            ),
        ];
        for (target, source, locale) in fine {
            assert_eq!(check(target, source, &locale), None, "{target}");
        }
        for (target, source, locale) in [
            ("在 6 月 16 日之前", "before Jun 15", zh),
            ("最多 １１ 个用户", "Up to 10 users", zh),
            ("第二张发票", "The 1st invoice", zh),
            ("仅限 3 万名参加者", "limits to 20 K participants", zh),
            // The target keeps the name, or the number is its version or a day.
            ("由 Vianet 运营", "operated by 21 Vianet", zh),
            ("在 Windows 企业版中", "in Windows 10 Enterprise", zh),
            ("在 3 月", "on 5 March", zh),
            (
                "SOL-1234-PQRS，USD，10，200",
                "SOL-1234-PQRS, USD, 10, 100",
                zh,
            ),
        ] {
            assert!(check(target, source, &locale).is_some(), "{target}");
        }
    }

    #[test]
    fn the_source_is_read_in_english_only() {
        // `1,000` in the source is a thousand, never 1 with three decimals.
        assert!(check("Até 1 usuário", "Up to 1,000 users", &pt()).is_some());
    }

    #[test]
    fn the_message_names_the_numbers() {
        let message = check("Em 2020", "In 2021", &pt())
            .unwrap_or_default()
            .message;
        assert!(
            message.contains("2021") && message.contains("2020"),
            "{message}"
        );
    }

    #[test]
    fn tokens_are_the_unmatched_numbers_as_each_side_writes_them() {
        let flag =
            check("Pague 1.000 em 3 dias", "Pay 1,000 within 30 days", &pt()).unwrap_or_default();
        assert_eq!(flag.tokens, ["30", "3"]);
        let flag = check("Até 5.000 licenças", "Up to 50,000 licenses", &pt()).unwrap_or_default();
        assert_eq!(flag.tokens, ["50,000", "5.000"]);
    }
}
