//! Locale tags, validated wherever they come from (`site.yml`, a page's
//! `ms.contentlocale`): they name the reading views' files
//! (`page.pt-br.html`) and the `lang` of every page, so a value that is not
//! a language tag must never get that far.

use language_tags::LanguageTag;

/// Why `tag` is not a registered BCP 47 language tag (`pt-BR`, `zh-Hans-CN`),
/// if it is not. Only such tags are used in file names: they hold letters,
/// digits and `-` alone.
pub fn problem(tag: &str) -> Option<String> {
    let valid = LanguageTag::parse(tag)
        .map_err(|e| e.to_string())
        .and_then(|t| t.validate().map_err(|e| e.to_string()));
    valid.err().map(|why| {
        format!("`{tag}` is not a BCP 47 language tag ({why}); write one such as pt-BR or de-DE")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_tags_pass_and_paths_do_not() {
        for tag in [
            "pt-BR",
            "de-DE",
            "zh-CN",
            "en-US",
            "zh-Hans-CN",
            "pt-br",
            "ja",
        ] {
            assert_eq!(problem(tag), None, "{tag}");
        }
        for tag in [
            "../../../../x",
            "pt/BR",
            "",
            "pt_BR",
            "a",
            "pt-BR.html",
            "/etc",
        ] {
            assert!(problem(tag).is_some(), "{tag:?} was accepted");
        }
    }
}
