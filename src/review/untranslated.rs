//! The untranslated check: the target is the source again (ignoring case and
//! spacing) although the source is text that should be translated.
//!
//! About 8% of the corpus pairs are identical and most of them rightly so, so
//! the check first decides whether the source is prose at all. From the
//! source's prose (inline code already left out) it drops URLs, numbers,
//! placeholders and words that are identifiers: written with digits, `_`,
//! `/`, `@`, `{`, dots or colons inside, with a capital after the first
//! letter (`CustomerName`, `USD`, `MPNId`), single letters, and API type
//! names (`string`, `boolean` …). What is left is prose, unless it is
//! **name-like**: in each comma-separated part, at most eight words, every
//! one capitalized or a connector of names (`for`, `and`, `of` …), as in
//! "Partner Center", "Microsoft Cloud for US Government", "São Tomé and
//! Príncipe", a country name or a list of product names. A few one-word
//! English labels that are never the same in a translation ("Yes", "No",
//! "Amount" …) are prose even when capitalized. In a table cell, one or two
//! lowercase words are a field name, a value or a command of an API table
//! (`workload`, `acr push`), not prose.
//!
//! A list item kept as is and written as a name in the translation ("Biz
//! Apps Premium" for "Biz apps premium"), beside another item (the row
//! before or after) kept and written so ("Biz Apps Standard"), is one of a
//! list of names: German capitalizes every noun, so its case alone does not
//! part a kept name from a label left in English, but a translator who
//! translates a page around two neighbouring items keeps them on purpose. A
//! label kept among translated items ("Invoice Date" under
//! "Rechnungsnummer"), or beside a kept sentence, and sentences kept side
//! by side are still reported.

use super::numbers::is_url;
use super::pair::{Basis, Flag, Pair};
use super::profile::ATOM;
use crate::model::{BlockKind, Segment};

/// Lowercase words that join the capitalized words of a name.
const CONNECTORS: &[&str] = &[
    "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "de", "da", "do", "das",
    "dos",
];

/// The abbreviations of bibliographic references ("Aharonov *et al.*",
/// "Proc. DAC 2003, IEEE, pp. 318–323"): a citation is names and numbers
/// joined by these, with nothing to translate.
const CITATION_WORDS: &[&str] = &[
    "et", "al", "pp", "vol", "ed", "eds", "proc", "cf", "ibid", "op", "cit", "arxiv",
];

/// Type names of API reference tables: identifiers, not prose.
const TYPE_NAMES: &[&str] = &[
    "array", "bool", "boolean", "datetime", "decimal", "double", "enum", "false", "float", "guid",
    "int", "integer", "json", "long", "null", "number", "object", "string", "true", "uri", "url",
    "xml",
];

/// One-word labels of docs tables that a translation always changes, even
/// though, capitalized, they look like names.
const LABELS: &[&str] = &[
    "yes",
    "no",
    "none",
    "amount",
    "name",
    "description",
    "date",
    "type",
    "value",
    "required",
    "optional",
    "city",
    "country",
    "currency",
    "category",
    "categories",
    "price",
    "quantity",
    "region",
];

/// Does the pair's target repeat its source while the source is prose? No
/// tokens: the whole segment is the finding.
pub fn check(pair: &Pair<'_>) -> Option<Flag> {
    let listed_name = pair.kept_beside && written_as_name(&pair.target.prose);
    (is_untranslated(pair.segment, &pair.source.prose) && !listed_name).then(|| {
        let words = prose_words(&pair.source.prose)
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        Flag::new("the translation is the same as the source; translate it (if it is a name or a term that stays in English, accept this finding)")
            .held(Basis::Vocabulary(word_pairs(&pair.target.prose)), words)
    })
}

/// The adjacent pairs of lowercase words of a text (`co-sell ready`),
/// numbers left out and hyphenated words kept whole: a phrase the docset's
/// translations use in their own sentences is a term they keep.
pub fn word_pairs(prose: &str) -> Vec<String> {
    pairs_where(prose, |_| true)
}

/// The pairs of [`word_pairs`] that belong to a name in the text: two
/// capitalized words (`Co-Sell Ready` in "mit dem Status Co-Sell Ready"),
/// or a capitalized word and a connector that joins it to the next
/// capitalized one (`apps for`, `for business` in "zu Microsoft 365 Apps
/// for Business"): what a page gives the docset's vocabulary. A term the
/// translations keep is written as a name, and English names join their
/// words with connectors ("Technical Presales and Deployment Services");
/// all the pairs of a page's sentences would take some 5 KB a page, a
/// quarter of a gigabyte at 50,000 pages (syn50k: 996 → 1,123 MiB).
pub fn name_pairs(prose: &str) -> Vec<String> {
    let words = pair_words(prose);
    let capitalized = |i: usize| words.get(i).is_some_and(|w| capital(w));
    let connector = |i: usize| words.get(i).is_some_and(|w| CONNECTORS.contains(w));
    (1..words.len())
        .filter(|&i| {
            let (a, b) = (i - 1, i);
            (capitalized(a) && capitalized(b))
                || (capitalized(a) && connector(b) && capitalized(b + 1))
                || (a > 0 && capitalized(a - 1) && connector(a) && capitalized(b))
        })
        .map(|i| pair_of(words[i - 1], words[i]))
        .collect()
}

/// The adjacent pairs of words, lowercased, of the pairs whose words both
/// pass `keep` (read before lowercasing).
fn pairs_where(prose: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    pair_words(prose)
        .windows(2)
        .filter(|w| keep(w[0]) && keep(w[1]))
        .map(|w| pair_of(w[0], w[1]))
        .collect()
}

/// The words the pairs are made of: punctuation around them trimmed,
/// numbers left out, hyphenated words whole.
fn pair_words(prose: &str) -> Vec<&str> {
    prose
        .split(|c: char| c.is_whitespace() || c == ATOM)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// One pair as the vocabulary holds it.
fn pair_of(a: &str, b: &str) -> String {
    format!("{} {}", a.to_lowercase(), b.to_lowercase())
}

/// Does the word start with a capital?
fn capital(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

/// Is the text written as a name in every comma-separated part (each word
/// capitalized or a connector, at least one capitalized word)? Said of a
/// translation: "Biz Apps Premium" for "Biz apps premium".
fn written_as_name(prose: &str) -> bool {
    let words = prose_words(prose);
    words.iter().any(|w| capital(w))
        && prose
            .split([',', ';'])
            .all(|part| name_like(&prose_words(part), product_signature(part)))
}

/// Is a list item a name kept as is in the translation: the same words in
/// any case and with or without hyphens ("Azure IP-Co-Sell" for "Azure IP
/// Co-sell"), written as a name? Said of the neighbours of a pair
/// ([`Pair::kept_beside`]); a kept sentence or command beside a kept label
/// says nothing of the label.
pub fn kept_item(seg: &Segment) -> bool {
    // Asked of every pair: most are no list item, and their words are not read.
    if seg.kind != BlockKind::ListItem {
        return false;
    }
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let target = words(&seg.target_text);
    target.iter().any(|w| w.chars().any(char::is_alphabetic))
        && target == words(&seg.source_text)
        && written_as_name(&seg.target_text)
}

/// Is the source itself reliably in another language than English (a
/// French legal notice copied as is into every locale)? Then there is
/// nothing to translate from English. Language identification (whatlang)
/// needs a sentence: texts of fewer than five words are not judged.
fn foreign_source(text: &str) -> bool {
    text.split_whitespace().count() >= 5
        && whatlang::detect(text)
            .is_some_and(|info| info.is_reliable() && info.lang() != whatlang::Lang::Eng)
}

/// Is the target the source again (ignoring case and spacing)? Asked of
/// every pair: the texts are compared word by word as they are read, which
/// for a translation ends at its first word, with no copy of either.
pub fn same_text(seg: &Segment) -> bool {
    let (target, source) = (
        super::text::normalize(&seg.target_text),
        super::text::normalize(&seg.source_text),
    );
    let lower = |text: &str| -> Vec<char> { text.chars().flat_map(char::to_lowercase).collect() };
    let mut source_words = source.split_whitespace();
    for word in target.split_whitespace() {
        let Some(other) = source_words.next() else {
            return false;
        };
        let same = if word.is_ascii() && other.is_ascii() {
            word.eq_ignore_ascii_case(other)
        } else {
            word == other || lower(word) == lower(other)
        };
        if !same {
            return false;
        }
    }
    source_words.next().is_none()
}

/// The alphabetic words of a text, punctuation around them trimmed.
pub fn words(prose: &str) -> impl Iterator<Item = &str> {
    prose
        .split(|c: char| c.is_whitespace() || c == ATOM)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
}

/// The test of [`check`], given the segment and its source's prose.
pub fn is_untranslated(seg: &Segment, source_prose: &str) -> bool {
    same_text(seg)
        && should_translate(source_prose)
        && !foreign_source(&seg.source_text)
        && !(seg.kind == BlockKind::TableCell && table_key(source_prose))
}

/// One or two lowercase words, as API tables write field names, values and
/// commands (`workload`, `marketplaces`, `acr push`).
fn table_key(prose: &str) -> bool {
    let words = prose_words(prose);
    words.len() <= 2
        && words.iter().all(|w| {
            !LABELS.contains(&w.to_lowercase().as_str()) && !w.chars().any(char::is_uppercase)
        })
}

/// Is this prose text that should be translated (see the module docs)?
pub fn should_translate(prose: &str) -> bool {
    let words = prose_words(prose);
    match words.as_slice() {
        [] => false,
        // "77 (1996) pp. 198-201": a reference's abbreviations leave nothing to translate.
        _ if words.iter().all(|w| citation_word(w)) => false,
        [word] if LABELS.contains(&word.to_lowercase().as_str()) => true,
        _ => {
            !(words.iter().any(|w| w.starts_with(char::is_uppercase))
                && prose
                    .split([',', ';', '='])
                    .all(|part| name_like(&prose_words(part), product_signature(part))))
        }
    }
}

/// The words of a text that are prose: punctuation around them trimmed, and
/// no URL, number, placeholder or identifier.
pub fn prose_words(prose: &str) -> Vec<&str> {
    prose
        .split(|c: char| c.is_whitespace() || c == ATOM)
        .filter(|word| !is_url(word))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '{' && c != '}'))
        .filter(|word| word.chars().any(char::is_alphabetic) && !identifier(word))
        .collect()
}

/// A word written as code or a key would be, not as a word.
fn identifier(word: &str) -> bool {
    let mut chars = word.chars();
    let capital_inside = chars.next().is_some() && chars.any(char::is_uppercase);
    capital_inside
        || word.chars().count() == 1
        || word.contains(|c: char| c.is_ascii_digit() || "_/@{}\\=.:".contains(c))
        || TYPE_NAMES.contains(&word)
}

/// At most eight words, each capitalized or a connector (none at all: a
/// part that held only a number or a code); up to sixteen for a product
/// name, which SKU names run to ("Dynamics 365 Customer Engagement Plan
/// Enterprise Edition Add-On for CRM Basic (Qualified Offer) for Faculty").
fn name_like(words: &[&str], product: bool) -> bool {
    let capitalized = |w: &&str| w.starts_with(char::is_uppercase);
    let most = if product {
        MOST_PRODUCT_WORDS
    } else {
        MOST_NAME_WORDS
    };
    words.len() <= most
        && words
            .iter()
            .all(|w| capitalized(w) || CONNECTORS.contains(w) || citation_word(w))
}

/// Most words of a name, and of a product name.
const MOST_NAME_WORDS: usize = 8;
const MOST_PRODUCT_WORDS: usize = 16;

/// Does a text carry what product names carry and title-case prose does
/// not: a version number (`365`, `2019`) or an acronym (`CRM`, `SA`; a
/// connector in capitals, "OR", is emphasis, not an acronym)?
fn product_signature(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let version = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        let acronym = w.chars().count() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !CONNECTORS.contains(&w.to_lowercase().as_str());
        version || acronym
    })
}

/// An abbreviation of a bibliographic reference, in any case ("pp", "Proc").
fn citation_word(word: &str) -> bool {
    CITATION_WORDS.iter().any(|c| c.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::super::checks::tests::run;
    use super::*;

    #[test]
    fn a_page_gives_the_vocabulary_the_pairs_of_its_names() {
        let prose = "Fügen Sie eine Lösung mit dem Status Co-Sell Ready hinzu.";
        assert_eq!(
            name_pairs(prose),
            ["fügen sie", "status co-sell", "co-sell ready"]
        );
        assert_eq!(word_pairs(prose).len(), 9);
        assert!(name_pairs("adicione uma solução pronta para co-sell").is_empty());
    }

    #[test]
    fn name_pairs_run_through_the_connectors_of_a_name() {
        let prose = "Sie können zu Microsoft 365 Apps for Business wechseln.";
        assert_eq!(
            name_pairs(prose),
            ["microsoft apps", "apps for", "for business"]
        );
        // A connector between lowercase words, or ending a name, is not a name's.
        assert!(name_pairs("Partner in der Nähe").is_empty());
        assert!(name_pairs("a lista de clientes").is_empty());
    }

    /// The findings of a page in German, by id.
    fn german_findings(pairs: &[(&str, &str, &str)], list: bool) -> Vec<String> {
        let bullet = if list { "- " } else { "" };
        let text: String = pairs
            .iter()
            .map(|(id, t, s)| format!("{bullet}<span data-ttu-id=\"{id}\">{t}</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">{s}</span></span>\n"))
            .collect();
        let doc = crate::read_document("a.md", &format!("Liste:\n\n{text}"));
        super::super::checks::segment_findings(&doc, "de-DE")
            .all()
            .into_iter()
            .filter(|d| d.code == crate::diagnostic::Code::Untranslated)
            .filter_map(|d| d.id)
            .collect()
    }

    #[test]
    fn names_kept_side_by_side_in_a_list_are_names() {
        // Two items of a list kept, each written as a name: a list of names.
        let names = [
            ("a-1", "Azure IP-Co-Sell", "Azure IP Co-sell"),
            ("a-2", "Biz Apps Premium", "Biz apps premium"),
            ("a-3", "Biz Apps Standard", "Biz apps standard"),
        ];
        assert!(german_findings(&names, true).is_empty());
        // Alone among translated items, the same label is reported …
        let labels = [
            ("b-1", "Rechnungsnummer", "Invoice number"),
            ("b-2", "Invoice Date", "Invoice date"),
            ("b-3", "Abrechnungszeitraum", "Billing period"),
        ];
        assert_eq!(german_findings(&labels, true), ["b-2"]);
        // … and so are labels kept side by side outside a list, and
        // sentences kept side by side in a list (not written as names).
        assert_eq!(german_findings(&names[1..], false), ["a-2", "a-3"]);
        let sentences = [
            ("c-1", "Tell me a joke.", "Tell me a joke."),
            ("c-2", "Go to sleep.", "Go to sleep."),
        ];
        assert_eq!(german_findings(&sentences, true), ["c-1", "c-2"]);
        let beside_a_sentence = [sentences[0], names[1]];
        assert_eq!(german_findings(&beside_a_sentence, true), ["c-1", "a-2"]);
    }

    #[test]
    fn flags_prose_left_in_english() {
        for (target, source) in [
            ("Select the support link.", "Select the support link."),
            ("Yes", "Yes"),
            ("**No**", "**No**"),
            ("workload", "workload"),
            (
                "To learn more, see [Partner Center](x.md).",
                "To learn more, see [Partner Center](x.md).",
            ),
            (
                "Sign in with your work account",
                "Sign in with your work account",
            ),
            ("*and*", "*and*"),
        ] {
            assert!(run(check, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn skips_names_code_urls_numbers_and_identifiers() {
        for text in [
            "Partner Center",
            "Microsoft Cloud for US Government",
            "São Tomé and Príncipe",
            "Myanmar",
            "`Get-PartnerCustomer`",
            "https://partner.microsoft.com/dashboard",
            "1.000",
            "06/10/2019",
            "CustomerTenantId",
            "USD",
            "string",
            "X",
            "GET /customers/{customerId}/subscriptions",
            "{baseURL}/v1/customers",
            "Reno, NV 89511",
            "Bob, Partner, 999999, Bob.partner@Contoso.com",
            "SELECT CustomerTenantId, PaidAvailableUnits FROM",
            "Microsoft 365 Business Basic, Microsoft 365 Business Standard, Microsoft 365 Business Premium",
            // Citations: names, numbers and the abbreviations of references.
            "Aharonov *et al.* [quant-ph/0511096](https://arxiv.org/abs/quant-ph/0511096).",
            "77 (1996) pp. 198-201; https://arxiv.org/abs/quant-ph/9602019",
            "*D. Michael Miller*, *Dmitri Maslov*, Proc. DAC 2003, IEEE, pp. 318-323",
        ] {
            assert_eq!(run(check, text, text), None, "{text}");
        }
    }

    #[test]
    fn lowercase_keys_of_api_tables_are_not_prose() {
        // Cells that are exactly one pair, as in the corpus's tables.
        let text = "| Field | Description |\n|---|---|\n|<span data-ttu-id=\"a-1\">workload</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">workload</span></span>|<span data-ttu-id=\"a-2\">Yes</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-2\">Yes</span></span>|\n";
        let doc = crate::read_document("a.md", text);
        let findings = super::super::checks::segment_findings(&doc, "pt-BR").all();
        let ids: Vec<_> = findings.iter().filter_map(|d| d.id.as_deref()).collect();
        assert_eq!(ids, ["a-2"], "{findings:#?}");
    }

    #[test]
    fn keys_and_values_are_parts_and_product_names_run_long() {
        for text in [
            "Azure Database (DB) for MariaDB ACR: Service Level 1 = Databases and Service Level 2 = Azure Database for MariaDB",
            "Dynamics 365 Customer Engagement Plan Enterprise Edition From SA for CRM Basic (Qualified Offer) for Students",
        ] {
            assert_eq!(run(check, text, text), None, "{text}");
        }
        for text in [
            "Set the limit = the number of users you expect",
            // Title case without a version or an acronym is a sentence.
            "Learn How To Manage Your Customers And Their Billing Accounts Here",
            "Silver or Gold Cloud Business Applications OR Cloud Customer Relationship Management",
        ] {
            assert!(run(check, text, text).is_some(), "{text}");
        }
    }

    #[test]
    fn a_source_not_in_english_is_not_untranslated() {
        let french = "Les présentes conditions générales régissent l'utilisation du service par le client et ses utilisateurs.";
        assert_eq!(run(check, french, french), None);
        let english = "These terms govern how the customer and its users may use the service.";
        assert!(run(check, english, english).is_some());
    }

    #[test]
    fn ignores_translated_pairs() {
        assert_eq!(run(check, "Sim", "Yes"), None);
        assert_eq!(run(check, "Selecione o link.", "Select the link."), None);
    }

    #[test]
    fn compares_ignoring_case_and_spaces() {
        assert!(run(check, "select  the Link.", "Select the link.").is_some());
    }

    #[test]
    fn compares_in_nfc() {
        let decomposed = "Open the Cafe\u{301} menu.";
        assert!(run(check, decomposed, "Open the Café menu.").is_some());
    }
}
