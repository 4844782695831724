//! What the checks need to know about a locale pair: how the target language
//! writes numbers and how long its translations of English usually are.

/// The expected target/source length ratio of a locale pair, in characters of
/// readable text, for sources long enough for a ratio to mean something.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthBand {
    /// Shorter sources (labels, table cells) are not checked: their ratio
    /// swings widely with a single word.
    pub min_source_chars: usize,
    pub low: f64,
    pub high: f64,
}

/// The target side of a locale pair whose source is English.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locale {
    /// Thousands and decimal separators of the target language.
    pub separators: (char, char),
    pub length: LengthBand,
}

/// Languages that write `1.000,5`. Languages that group thousands with
/// spaces (French, Russian …) are listed too: their decimal comma is read,
/// their space-grouped thousands are not.
const DECIMAL_COMMA: &[&str] = &[
    "pt", "es", "fr", "de", "it", "nl", "ru", "pl", "tr", "cs", "da", "sv", "nb", "no", "fi", "id",
    "vi", "ro", "hu", "el", "uk", "sk", "sl", "hr", "sr", "bg", "ca", "eu", "gl", "lt", "lv", "et",
];

/// Portuguese from English, calibrated on the Partner Center corpus (pt-BR,
/// 32,329 pairs; ratio in characters of readable text):
///
/// | source length | pairs | 0.1th pct | median | 99.9th pct |
/// |---|---|---|---|---|
/// | 40–79 chars   | 7,910 | 0.73 | 1.13 | 1.83 |
/// | 80–149 chars  | 7,657 | 0.73 | 1.11 | 1.64 |
/// | 150+ chars    | 2,375 | 0.87 | 1.11 | 1.45 |
///
/// Below 80 characters the outliers were all sound translations ("As causas
/// podem ser:" for "This is probably caused by one of the following
/// things:", "ano fiscal de 2020" for "FY20"), so shorter sources are not
/// checked. The band, 0.50–2.00, lies about a third beyond the corpus's
/// extremes: it catches a lost clause or a sentence from elsewhere, not a
/// wordy but complete translation.
const PORTUGUESE: LengthBand = LengthBand {
    min_source_chars: 80,
    low: 0.50,
    high: 2.00,
};

/// Any other language: not calibrated, so only gross differences (half or
/// two and a half times the source) are reported.
const UNCALIBRATED: LengthBand = LengthBand {
    min_source_chars: 80,
    low: 0.50,
    high: 2.50,
};

impl Locale {
    /// The locale of a target language tag such as `pt-BR`.
    pub fn of(tag: &str) -> Locale {
        let language = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let separators = if DECIMAL_COMMA.contains(&language.as_str()) {
            ('.', ',')
        } else {
            (',', '.')
        };
        let length = if language == "pt" {
            PORTUGUESE
        } else {
            UNCALIBRATED
        };
        Locale { separators, length }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portuguese_writes_decimal_commas_and_has_a_calibrated_band() {
        let pt = Locale::of("pt-BR");
        assert_eq!(pt.separators, ('.', ','));
        assert_eq!(pt.length, PORTUGUESE);
        assert_eq!(Locale::of("ja-JP").separators, (',', '.'));
        assert_eq!(Locale::of("ja-JP").length, UNCALIBRATED);
    }
}
