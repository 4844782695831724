//! Checks on what a translation must carry over unchanged: formatting
//! (markup), link and image targets (links), and placeholders.

use super::checks::Pair;
use super::numbers::is_url;
use super::profile::ATOM;

/// Items of `from` with no counterpart in `against`, counted as multisets.
fn difference<'a>(from: &'a [String], against: &[String]) -> Vec<&'a str> {
    let mut rest: Vec<&str> = against.iter().map(String::as_str).collect();
    from.iter()
        .filter(|item| match rest.iter().position(|r| r == item) {
            Some(i) => {
                rest.swap_remove(i);
                false
            }
            None => true,
        })
        .map(String::as_str)
        .collect()
}

/// `a`, `b` as a list for a message, each item quoted as `quote` says.
fn list(items: &[&str], quote: fn(&str) -> String) -> String {
    items
        .iter()
        .map(|i| quote(i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn backticks(code: &str) -> String {
    format!("`{code}`")
}

fn quoted(text: &str) -> String {
    format!("“{text}”")
}

/// A count that differs: "bold 2 in the source, 1 in the translation".
fn count(what: &str, source: usize, target: usize) -> Option<String> {
    (source != target)
        .then(|| format!("{what}: {source} in the source, {target} in the translation"))
}

/// Bold, italic and inline code: the same counts, and inline code
/// byte-identical (code is copied, never translated).
pub fn markup(pair: &Pair<'_>) -> Option<String> {
    let (t, s) = (&pair.target, &pair.source);
    let mut parts: Vec<String> = [
        count("bold", s.strong, t.strong),
        count("italic", s.emphasis, t.emphasis),
    ]
    .into_iter()
    .flatten()
    .collect();
    let missing = difference(&s.code, &t.code);
    let extra = difference(&t.code, &s.code);
    if !missing.is_empty() {
        parts.push(format!(
            "code {} not in the translation",
            list(&missing, backticks)
        ));
    }
    if !extra.is_empty() {
        parts.push(format!(
            "code {} not in the source",
            list(&extra, backticks)
        ));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "formatting differs ({}); keep the source's bold and italic, and copy inline code byte for byte",
            parts.join("; ")
        )
    })
}

/// A link target with its locale folder (`/en-us/`, `/pt-br/`) made neutral:
/// a translation may point to the localized page.
fn neutral(target: &str, target_locale: &str) -> String {
    target
        .trim()
        .split('/')
        .map(|part| {
            if part.eq_ignore_ascii_case("en-us") || part.eq_ignore_ascii_case(target_locale) {
                "{locale}"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Link and image targets: the same multiset, locale folders aside.
pub fn links(pair: &Pair<'_>) -> Option<String> {
    let normalize = |targets: &[String]| -> Vec<String> {
        targets
            .iter()
            .map(|t| neutral(t, pair.target_locale))
            .collect()
    };
    let (t, s) = (
        normalize(&pair.target.targets),
        normalize(&pair.source.targets),
    );
    let missing = difference(&s, &t);
    let extra = difference(&t, &s);
    let message = match (missing.is_empty(), extra.is_empty()) {
        (true, true) => return None,
        (false, true) => format!(
            "the source links to {} and the translation does not; keep every link of the source",
            list(&missing, quoted)
        ),
        (true, false) => format!(
            "the translation links to {} and the source does not; remove the link or check its target",
            list(&extra, quoted)
        ),
        (false, false) => format!(
            "the source links to {} where the translation links to {}; copy link targets from the source",
            list(&missing, quoted),
            list(&extra, quoted)
        ),
    };
    Some(message)
}

/// The placeholders of prose: `{0}`, `{customerId}`, `{{name}}`, `%s`,
/// `%1$s`, `%1`. `%` sequences in URLs are URL escapes, not placeholders.
fn placeholders_in(prose: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in prose.split(|c: char| c.is_whitespace() || c == ATOM) {
        out.extend(braces(word));
        if !is_url(word) {
            out.extend(printf(word));
        }
    }
    out
}

/// `{name}` and `{{name}}` in a word: short, no spaces, identifier-like.
fn braces(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = word;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        let double = after.starts_with("{{");
        let (opener, closer) = if double { ("{{", "}}") } else { ("{", "}") };
        let inner = &after[opener.len()..];
        let Some(close) = inner.find(closer) else {
            break;
        };
        let name = &inner[..close];
        let fits = !name.is_empty()
            && name.len() <= 40
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.:$#".contains(c));
        if fits {
            out.push(format!("{opener}{name}{closer}"));
        }
        rest = &inner[close + closer.len()..];
    }
    out
}

/// printf- and Windows-style placeholders in a word: `%s`, `%d`, `%1$s`, `%1`.
fn printf(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in word.match_indices('%') {
        let rest = &word[i + 1..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = &rest[digits..];
        let len = if let Some(conv) = after.strip_prefix('$') {
            conv.starts_with(|c: char| c.is_ascii_alphabetic())
                .then_some(digits + 2)
        } else if digits == 0 {
            let mut chars = after.chars();
            let conv = chars.next().is_some_and(|c| "sdif@".contains(c));
            let ends = chars.next().is_none_or(|c| !c.is_alphanumeric());
            (conv && ends).then_some(1)
        } else {
            let ends = after.chars().next().is_none_or(|c| !c.is_alphanumeric());
            (ends && digits == 1).then_some(1)
        };
        if let Some(len) = len {
            out.push(word[i..i + 1 + len].to_owned());
        }
    }
    out
}

/// Placeholders: the same multiset in both languages.
pub fn placeholders(pair: &Pair<'_>) -> Option<String> {
    let collect = |p: &super::profile::Profile| -> Vec<String> {
        let mut all = placeholders_in(&p.prose);
        all.extend(p.tags.iter().cloned());
        all
    };
    let (t, s) = (collect(&pair.target), collect(&pair.source));
    let missing = difference(&s, &t);
    let extra = difference(&t, &s);
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("{} missing", list(&missing, backticks)));
    }
    if !extra.is_empty() {
        parts.push(format!("{} not in the source", list(&extra, backticks)));
    }
    Some(format!(
        "placeholders differ ({}); a placeholder stands for a value the reader or the software puts in, and is copied exactly, not translated",
        parts.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::checks::tests::run;
    use super::*;

    #[test]
    fn markup_flags_lost_bold_and_translated_code() {
        let flagged = [
            ("Selecione Salvar.", "Select **Save**."),
            ("** Salvar** a oferta", "**Save** the offer"),
            ("Defina como `Sim`.", "Set it to `Yes`."),
            (
                "Use o cmdlet `Get-Partner `.",
                "Use the `Get-Partner` cmdlet.",
            ),
            (
                "*Observação*: isso é **importante**",
                "**Note**: this is **important**",
            ),
        ];
        for (target, source) in flagged {
            assert!(run(markup, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn markup_accepts_moved_formatting_and_html_bold() {
        let fine = [
            (
                "Selecione **Salvar** e `Run`.",
                "Select **Save** and `Run`.",
            ),
            ("Defina `A` e `B`.", "Set `B` and `A`."),
            ("<strong>Outros descontos</strong>", "**Other discounts**"),
            ("Veja *Notas* abaixo", "See *Notes* below"),
        ];
        for (target, source) in fine {
            assert_eq!(run(markup, target, source), None, "{target}");
        }
    }

    #[test]
    fn markup_names_the_code_that_differs() {
        let message = run(markup, "Defina como `Sim`.", "Set it to `Yes`.").unwrap_or_default();
        assert!(
            message.contains("`Yes`") && message.contains("`Sim`"),
            "{message}"
        );
    }

    #[test]
    fn links_flags_changed_lost_and_added_targets() {
        let flagged = [
            (
                "Consulte [a página](add-users.md).",
                "See [the page](add-user.md).",
            ),
            ("Consulte a página.", "See [the page](add-user.md)."),
            ("Entre em [contato](https://aka.ms/x).", "Contact us."),
            ("![Logo](logo.png)", "![Logo](logo-big.png)"),
        ];
        for (target, source) in flagged {
            assert!(run(links, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn links_accepts_reordered_and_localized_targets() {
        let fine = [
            (
                "Veja [B](b.md) e [A](a.md).",
                "See [A](a.md) and [B](b.md).",
            ),
            (
                "Veja [docs](https://docs.microsoft.com/pt-br/partner-center/x).",
                "See [docs](https://docs.microsoft.com/en-us/partner-center/x).",
            ),
            (
                r##"Consulte <a href="#types">tipos</a>"##,
                "See [types](#types)",
            ),
        ];
        for (target, source) in fine {
            assert_eq!(run(links, target, source), None, "{target}");
        }
    }

    #[test]
    fn placeholders_flags_changed_and_missing_placeholders() {
        let flagged = [
            ("Olá, {nome}!", "Hello, {name}!"),
            ("O arquivo %s foi salvo.", "The file %s was saved as %d."),
            (
                "Use {baseURL}/v1/customers/{id}",
                "Use {baseURL}/v1/customers/{customer_id}",
            ),
            ("Insira o token", "Enter <var>token</var>"),
            ("O formato é Bearer", "The format is Bearer <token>"),
        ];
        for (target, source) in flagged {
            assert!(run(placeholders, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn placeholders_ignore_url_escapes_percentages_and_prose_braces() {
        let fine = [
            (
                "Olá, {0}, você tem {1} itens.",
                "Hello {0}, you have {1} items.",
            ),
            (
                "Um aumento de 50% em https://a.b/c%20d",
                "An increase of 50% at https://a.b/c%20d",
            ),
            ("Use {a b} aqui", "Use it here"),
            (
                "O formato é `Bearer <token>`.",
                "The format is `Bearer <token>`.",
            ),
        ];
        for (target, source) in fine {
            assert_eq!(run(placeholders, target, source), None, "{target}");
        }
    }
}
