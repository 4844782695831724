//! Locale profiles: how a target language writes what the checks compare —
//! sentence marks, digits, number separators, quotes, brackets and spacing —
//! as data, one row per language, with a default for any other.
//!
//! The checks never hard-code a language: they ask the profile which marks
//! end a sentence, which quotes pair up and which digits are digits. A
//! language without a row gets [`DEFAULT`], which reads every family below
//! (a mark or a quote a language does not use never occurs in its text, so
//! reading it costs nothing), with English separators.
//!
//! How long translations run is not here: the length check calibrates that
//! from the docset itself (see [`super::length`]).

/// Marks a text may end with, by family: the full-width and CJK forms read
/// as the ASCII mark they stand for (`。` is a period, `？` a question mark).
/// Shared by every profile: no language writes `？` to mean anything else.
const MARK_FAMILIES: &[(char, char)] = &[
    ('.', '.'),
    ('。', '.'),
    ('．', '.'),
    ('｡', '.'),
    ('…', '.'),
    ('?', '?'),
    ('？', '?'),
    ('¿', '?'),
    ('!', '!'),
    ('！', '!'),
    ('¡', '!'),
    (':', ':'),
    ('：', ':'),
    (';', ';'),
    ('；', ';'),
];

/// Full-width forms of brackets, read as the ASCII bracket they stand for.
const BRACKET_FAMILIES: &[(char, char)] = &[
    ('（', '('),
    ('）', ')'),
    ('［', '['),
    ('］', ']'),
    ('【', '['),
    ('】', ']'),
    ('〔', '['),
    ('〕', ']'),
    ('｛', '{'),
    ('｝', '}'),
];

/// English quotes, which any translation may keep. Single quotes are left
/// out everywhere: `’` is also the apostrophe.
const ENGLISH_QUOTES: &[(char, char)] = &[('“', '”'), ('"', '"')];
const GERMAN_QUOTES: &[(char, char)] = &[('„', '“'), ('»', '«'), ('“', '”'), ('"', '"')];
const GUILLEMETS: &[(char, char)] = &[('«', '»'), ('“', '”'), ('"', '"')];
const CJK_QUOTES: &[(char, char)] = &[
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
    ('"', '"'),
    ('《', '》'),
    ('〈', '〉'),
];
/// Every quote pair above: the default reads them all.
const ALL_QUOTES: &[(char, char)] = &[
    ('„', '“'),
    ('«', '»'),
    ('「', '」'),
    ('『', '』'),
    ('“', '”'),
    ('"', '"'),
];

/// How one target language writes the things the checks compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    /// The language subtag (`de`), or `""` for the default.
    pub language: &'static str,
    /// Thousands and decimal separators.
    pub separators: (char, char),
    /// Thousands may also be grouped with a (narrow) no-break space or a
    /// space (`1 000`, French and others).
    pub space_groups: bool,
    /// Quote pairs (open, close) the language uses, its own first. A pair
    /// may share a character with another (German closes with `“`, English
    /// opens with it): quotes are matched as nested pairs, not counted.
    pub quotes: &'static [(char, char)],
    /// Words are not separated by spaces (Chinese, Japanese): word-based
    /// checks (repeated words) do not apply, and prose is read by
    /// characters.
    pub unspaced: bool,
    /// A space goes before `: ; ? !` (French): the space before the final
    /// mark is the language's, not a lost one.
    pub space_before_marks: bool,
    /// Counters and date units the language writes after a number (`12 月`
    /// for "Dec", `1 つ` for "single", `3 개`): a number followed by one
    /// says a count or a date the source may say in words, so it answers
    /// the source's numbers but is never required by them.
    pub counters: &'static [char],
    /// Ideographic numerals (`一`, `十`, `第一`) are read as numbers that
    /// answer the source's (`1st` → `第一`).
    pub ideographic_numerals: bool,
    /// Marks that stand for English bold around a UI name: Chinese writes
    /// 选择“提交” for "select **Submit**", Japanese 「送信」 or `[送信]`. A
    /// bold of the source answered by one of these is not lost formatting.
    pub ui_marks: &'static [(char, char)],
    /// Words the grammar writes twice in a row: German "das das" (the
    /// relative pronoun before the article: "ein Thema, das das Problem
    /// beschreibt"). The docset's habits learn others ("Sie sie")
    /// (`review::habits`); these hold even where a docset has too few pages
    /// to show them.
    pub grammatical_doubles: &'static [&'static str],
}

const fn profile(
    language: &'static str,
    separators: (char, char),
    quotes: &'static [(char, char)],
) -> Locale {
    Locale {
        language,
        separators,
        space_groups: false,
        quotes,
        unspaced: false,
        space_before_marks: false,
        counters: &[],
        ideographic_numerals: false,
        ui_marks: &[],
        grammatical_doubles: &[],
    }
}

/// German articles that are also relative pronouns ("Sie Sie" stays a slip,
/// so "sie" is not here: the doubling compares words in lower case).
const GERMAN_DOUBLES: &[&str] = &["der", "die", "das", "den", "dem", "des"];
/// Dutch "die die", "dat dat".
const DUTCH_DOUBLES: &[&str] = &["die", "dat"];

/// Chinese marks for UI names.
const CHINESE_UI_MARKS: &[(char, char)] = &[('“', '”'), ('「', '」')];
/// Japanese marks for UI names.
const JAPANESE_UI_MARKS: &[(char, char)] = &[('「', '」'), ('[', ']'), ('［', '］')];

/// Chinese counters and date units (single characters).
const CHINESE_COUNTERS: &[char] = &[
    '月', '日', '年', '号', '个', '個', '次', '种', '種', '项', '項', '位', '名', '天', '周', '週',
    '倍', '条', '條', '台', '份', '点', '點', '时', '時', '分', '秒', '季', '级', '級', '步', '类',
    '類',
];
/// Japanese counters and date units.
const JAPANESE_COUNTERS: &[char] = &[
    '月', '日', '年', 'つ', '個', '回', '件', '人', '名', '台', '点', '分', '秒', '倍', '週', '時',
    'か', 'ヶ', 'カ', '番', '枚', '種', '項', '段', '期', '位',
];
/// Korean counters and date units.
const KOREAN_COUNTERS: &[char] = &[
    '월', '일', '년', '개', '번', '명', '회', '시', '분', '초', '주', '배', '단', '가', '차', '위',
];

/// Any language without a row: every family, English separators.
pub const DEFAULT: Locale = profile("", (',', '.'), ALL_QUOTES);

/// The profiles. Languages that write `1.000,5` and group with spaces
/// (`1 000,5`) have `space_groups`.
pub const PROFILES: &[Locale] = &[
    profile("en", (',', '.'), ENGLISH_QUOTES),
    Locale {
        grammatical_doubles: GERMAN_DOUBLES,
        ..profile("de", ('.', ','), GERMAN_QUOTES)
    },
    Locale {
        space_before_marks: true,
        space_groups: true,
        ..profile("fr", ('.', ','), GUILLEMETS)
    },
    profile("es", ('.', ','), GUILLEMETS),
    profile("pt", ('.', ','), GUILLEMETS),
    profile("it", ('.', ','), GUILLEMETS),
    Locale {
        grammatical_doubles: DUTCH_DOUBLES,
        ..profile("nl", ('.', ','), ENGLISH_QUOTES)
    },
    Locale {
        space_groups: true,
        ..profile("ru", ('.', ','), GUILLEMETS)
    },
    Locale {
        space_groups: true,
        ..profile("pl", ('.', ','), GERMAN_QUOTES)
    },
    Locale {
        unspaced: true,
        counters: CHINESE_COUNTERS,
        ideographic_numerals: true,
        ui_marks: CHINESE_UI_MARKS,
        ..profile("zh", (',', '.'), CJK_QUOTES)
    },
    Locale {
        unspaced: true,
        counters: JAPANESE_COUNTERS,
        ideographic_numerals: true,
        ui_marks: JAPANESE_UI_MARKS,
        ..profile("ja", (',', '.'), CJK_QUOTES)
    },
    // Korean separates words with spaces and uses English separators.
    Locale {
        counters: KOREAN_COUNTERS,
        ..profile("ko", (',', '.'), CJK_QUOTES)
    },
];

impl Locale {
    /// The profile of a language tag such as `pt-BR` (the region does not
    /// change what the checks compare), else [`DEFAULT`].
    pub fn of(tag: &str) -> Locale {
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        PROFILES
            .iter()
            .copied()
            .find(|p| p.language.eq_ignore_ascii_case(language))
            .unwrap_or(DEFAULT)
    }

    /// The ASCII mark a sentence mark stands for (`。` → `.`), if `c` is one.
    pub fn mark(c: char) -> Option<char> {
        // Asked of every character of many texts: an ASCII mark stands for
        // itself, and most characters are ASCII and no mark.
        if c.is_ascii() {
            return matches!(c, '.' | '?' | '!' | ':' | ';').then_some(c);
        }
        MARK_FAMILIES.iter().find(|(m, _)| *m == c).map(|(_, a)| *a)
    }

    /// The ASCII bracket a (full-width) bracket stands for.
    pub fn bracket(c: char) -> char {
        // Every family member is full-width: ASCII is read as it is.
        if c.is_ascii() {
            return c;
        }
        BRACKET_FAMILIES
            .iter()
            .find(|(b, _)| *b == c)
            .map_or(c, |(_, a)| *a)
    }

    /// A digit of any script the checks read (ASCII or full-width `０`–`９`),
    /// as an ASCII digit.
    pub fn digit(c: char) -> Option<char> {
        match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
            _ => None,
        }
    }

    /// A text with full-width digits, brackets and separators written in
    /// ASCII and space-grouped thousands joined (`１２` → `12`, `1 000` →
    /// `1000` where the language groups with spaces), so that the numbers
    /// check reads one form. A full-width comma before three digits groups
    /// thousands (`50，000 美元`) when `wide_groups`, and otherwise parts
    /// two numbers, as it does in a list (`USD，10，100` for `USD, 10,
    /// 100`): Chinese writes both without a space, so the numbers check
    /// tries either reading.
    pub fn normalize_numbers(&self, text: &str, wide_groups: bool) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        for (i, &c) in chars.iter().enumerate() {
            let digit_at = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|&d| Locale::digit(d).is_some())
            };
            let grouping = self.space_groups
                && matches!(c, ' ' | '\u{a0}' | '\u{202f}')
                && digit_at(i.checked_sub(1))
                && digit_at(Some(i + 1))
                && chars.get(i + 1..i + 4).is_some_and(|g| {
                    g.iter().all(|&d| Locale::digit(d).is_some()) && !digit_at(Some(i + 4))
                });
            let thousands = digit_at(i.checked_sub(1))
                && chars
                    .get(i + 1..i + 4)
                    .is_some_and(|g| g.iter().all(|&d| Locale::digit(d).is_some()));
            match c {
                _ if grouping => {}
                '，' if thousands && wide_groups => out.push(','),
                // Elsewhere full-width commas and colons end a clause: a
                // GUID after `ID：` is a word of its own.
                '，' => out.push_str(", "),
                '：' => out.push_str(": "),
                '．' => out.push('.'),
                _ => out.push(Locale::digit(c).unwrap_or_else(|| Locale::bracket(c))),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_find_their_profile_and_others_the_default() {
        assert_eq!(Locale::of("pt-BR").separators, ('.', ','));
        assert_eq!(Locale::of("de-DE").quotes[0], ('„', '“'));
        assert!(Locale::of("zh-CN").unspaced && Locale::of("ja-JP").unspaced);
        assert!(!Locale::of("ko-KR").unspaced);
        assert!(Locale::of("fr-FR").space_before_marks);
        assert_eq!(Locale::of("es-ES").quotes[0], ('«', '»'));
        assert_eq!(Locale::of("sw-KE"), DEFAULT);
        assert_eq!(Locale::of("ZH_tw").language, "zh");
    }

    #[test]
    fn full_width_marks_and_digits_read_as_ascii() {
        assert_eq!(Locale::mark('。'), Some('.'));
        assert_eq!(Locale::mark('？'), Some('?'));
        assert_eq!(Locale::mark('：'), Some(':'));
        assert_eq!(Locale::mark('a'), None);
        // The ASCII shortcut reads as the table does.
        for c in (0..128u8).map(char::from) {
            let listed = MARK_FAMILIES.iter().find(|(m, _)| *m == c).map(|(_, a)| *a);
            assert_eq!(Locale::mark(c), listed, "{c:?}");
        }
        assert_eq!(Locale::digit('７'), Some('7'));
        assert_eq!(Locale::bracket('（'), '(');
        let ja = Locale::of("ja-JP");
        assert_eq!(ja.normalize_numbers("（１２，０００）", true), "(12,000)");
        assert_eq!(ja.normalize_numbers("１２，ａ", true), "12, ａ");
        assert_eq!(ja.normalize_numbers("ID：a1", true), "ID: a1");
        let fr = Locale::of("fr-FR");
        assert_eq!(
            fr.normalize_numbers("1 000,5 et 2\u{202f}500", true),
            "1000,5 et 2500"
        );
        assert_eq!(fr.normalize_numbers("page 3 1234", true), "page 3 1234");
        // German does not group with spaces: two numbers stay two.
        assert_eq!(Locale::of("de").normalize_numbers("3 500", true), "3 500");
        // A full-width comma either groups thousands or parts a list.
        let zh = Locale::of("zh-CN");
        assert_eq!(zh.normalize_numbers("50，000 美元", true), "50,000 美元");
        assert_eq!(zh.normalize_numbers("USD，10，100", false), "USD, 10, 100");
    }
}
