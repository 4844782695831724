//! Checks on what a translation must carry over unchanged: formatting
//! (markup), link and image targets (links), and placeholders.

use super::numbers::is_url;
use super::pair::{Flag, Pair};
use super::profile::{Profile, ATOM};

/// Indices of the items of `from` with no counterpart in `against`, counted
/// as multisets. Indices, so that a caller can find what else it knows about
/// an item (a link's text).
fn unmatched_at(from: &[String], against: &[String]) -> Vec<usize> {
    let mut rest: Vec<&str> = against.iter().map(String::as_str).collect();
    (0..from.len())
        .filter(|&i| match rest.iter().position(|r| *r == from[i]) {
            Some(j) => {
                rest.swap_remove(j);
                false
            }
            None => true,
        })
        .collect()
}

/// Items of `from` with no counterpart in `against`, counted as multisets.
fn difference<'a>(from: &'a [String], against: &[String]) -> Vec<&'a str> {
    unmatched_at(from, against)
        .into_iter()
        .map(|i| from[i].as_str())
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
/// byte-identical (code is copied, never translated). The tokens are the
/// code spans that differ; a changed count has no one place to mark.
pub fn markup(pair: &Pair<'_>) -> Option<Flag> {
    let (t, s) = (&pair.target, &pair.source);
    // Bolds the target language writes as UI-name marks (“…”, 「…」), and
    // bold links that such a language leaves a plain link.
    let answered = (ui_marked(&t.prose, pair.locale.ui_marks)
        .saturating_sub(ui_marked(&s.prose, pair.locale.ui_marks))
        + bold_links_kept(pair))
    .min(s.strong.len().saturating_sub(t.strong.len()));
    let mut parts: Vec<String> = [
        count("bold", s.strong.len(), t.strong.len() + answered),
        count("italic", s.emphasis.len(), t.emphasis.len()),
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
        Flag::new(format!(
            "formatting differs ({}); keep the source's bold and italic, and copy inline code byte for byte",
            parts.join("; ")
        ))
        .with_tokens(missing.iter().chain(&extra))
    })
}

/// Bold and italic on other words than the source's: both sides mark the
/// same number of spans, but a span's text that the translation keeps as
/// it is (a UI name, a product, a code: the very same characters) stands
/// unmarked there while the translation marks something else. Only such
/// certain matches are read: a marked word the translation translates
/// cannot be found, and says nothing. The tokens are the words to mark and
/// the words marked instead.
pub fn emphasis_moved(pair: &Pair<'_>) -> Option<Flag> {
    let (t, s) = (&pair.target, &pair.source);
    let mut parts = Vec::new();
    let mut tokens: Vec<&str> = Vec::new();
    for (what, source, target) in [
        ("bold", &s.strong, &t.strong),
        ("italic", &s.emphasis, &t.emphasis),
    ] {
        if source.len() != target.len() {
            continue;
        }
        let unmarked = unmarked_in((source, &s.prose), (target, &t.prose));
        if unmarked.is_empty() {
            continue;
        }
        let instead: Vec<&str> = target
            .iter()
            .map(|span| span.trim())
            .filter(|span| !span.is_empty() && !source.iter().any(|x| same_words(span, x.trim())))
            .collect();
        if instead.is_empty() {
            continue;
        }
        parts.push(format!(
            "the source's {what} {} stands unmarked in the translation, which marks {} instead",
            list(&unmarked, quoted),
            list(&instead, quoted)
        ));
        tokens.extend(unmarked.iter().chain(&instead));
    }
    (!parts.is_empty()).then(|| {
        Flag::new(format!(
            "formatting is on other words ({}); mark the words the source marks",
            parts.join("; ")
        ))
        .with_tokens(tokens)
    })
}

/// The texts of the source's spans that the target marks less often than
/// the source does, while it writes them unmarked more often: kept as they
/// are, but left unmarked. Each side is its spans and its prose.
fn unmarked_in<'a>(
    (source, source_prose): (&'a [String], &str),
    (target, target_prose): (&[String], &str),
) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for text in source.iter().map(|x| x.trim()) {
        let wordy = text.chars().filter(|c| c.is_alphanumeric()).count() >= 2;
        if !wordy || out.contains(&text) {
            continue;
        }
        let marked = |spans: &[String]| spans.iter().filter(|x| contains_word(x, text)).count();
        let (in_source, in_target) = (marked(source), marked(target));
        let unmarked_in_source = occurrences(source_prose, text).saturating_sub(in_source);
        let unmarked_in_target = occurrences(target_prose, text).saturating_sub(in_target);
        if in_target < in_source && unmarked_in_target > unmarked_in_source {
            out.push(text);
        }
    }
    out
}

/// How often `needle` stands in `text` as whole words: not inside a longer
/// Latin-script word (`Save` is not in `Saved`; it is in `Save。`).
fn occurrences(text: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    let glued = |c: Option<char>| c.is_some_and(super::omission::latin);
    text.match_indices(needle)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            let (first, last) = (needle.chars().next(), needle.chars().next_back());
            let glued_before = glued(before) && glued(first);
            let glued_after = glued(after) && glued(last);
            !glued_before && !glued_after
        })
        .count()
}

/// Does a marked text hold `needle`, in any case (a translation that
/// lowercases a marked name, `**azure**`, still marks it)?
fn contains_word(text: &str, needle: &str) -> bool {
    occurrences(&text.to_lowercase(), &needle.to_lowercase()) > 0
}

/// Does a target span mark the same words as a source span: it holds
/// them, or it is their acronym (`**AOBO**` for `**Admin on Behalf Of**`)?
fn same_words(target: &str, source: &str) -> bool {
    let words: Vec<&str> = super::omission::words(source).collect();
    contains_word(target, source)
        || super::omission::words(target)
            .any(|w| super::omission::acronym(w) && super::omission::spells(w, &words))
}

/// How many of the source's bolds are a whole link's text (`[**Partner
/// profile**](…)`) that the target keeps as a link, in a language that
/// marks UI names otherwise than with bold (Chinese, Japanese: see
/// `Locale::ui_marks`). The link shows the UI name as a link already, and
/// such a language does not add bold to it: the bold is not lost
/// formatting. Languages that bold UI names (German, Portuguese) keep it.
fn bold_links_kept(pair: &Pair<'_>) -> usize {
    if pair.locale.ui_marks.is_empty() || pair.target.targets.len() < pair.source.targets.len() {
        return 0;
    }
    let links = &pair.source.link_texts;
    pair.source
        .strong
        .iter()
        .filter(|bold| links.iter().any(|text| text.trim() == bold.trim()))
        .count()
}

/// How many spans of `text` open with one of the UI-name marks `marks`.
fn ui_marked(text: &str, marks: &[(char, char)]) -> usize {
    marks
        .iter()
        .map(|&(open, close)| {
            let mut spans = 0;
            let mut inside = false;
            for c in text.chars() {
                if !inside && c == open {
                    inside = true;
                } else if inside && c == close {
                    inside = false;
                    spans += 1;
                }
            }
            spans
        })
        .sum()
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

/// The tokens of the links of `profile` at `indices`: each target as
/// written and the link's text. A target is seldom visible (it is in an
/// `href`), so the text is what the reader finds marked.
fn link_tokens<'a>(profile: &'a Profile, indices: &[usize]) -> Vec<&'a str> {
    indices
        .iter()
        .flat_map(|&i| [profile.targets.get(i), profile.link_texts.get(i)])
        .flatten()
        .map(|t| t.trim())
        .collect()
}

/// Link and image targets: the same multiset, locale folders aside.
pub fn links(pair: &Pair<'_>) -> Option<Flag> {
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
    let (missing_at, extra_at) = (unmatched_at(&s, &t), unmatched_at(&t, &s));
    let missing: Vec<&str> = missing_at.iter().map(|&i| s[i].as_str()).collect();
    let extra: Vec<&str> = extra_at.iter().map(|&i| t[i].as_str()).collect();
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
    let mut tokens = link_tokens(&pair.source, &missing_at);
    tokens.extend(link_tokens(&pair.target, &extra_at));
    Some(Flag::new(message).with_tokens(tokens))
}

/// The placeholders of prose: `{0}`, `{customerId}`, `{{name}}`, `%s`,
/// `%1$s`, `%1`. `%` sequences in URLs are URL escapes, not placeholders.
fn placeholders_in(prose: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Every placeholder has a brace or a percent sign; most prose neither.
    if !prose.contains(['{', '%']) {
        return out;
    }
    let prose = squeeze_braces(prose);
    for word in prose.split(|c: char| c.is_whitespace() || c == ATOM) {
        out.extend(braces(word));
        if !is_url(word) {
            out.extend(printf(word));
        }
    }
    out
}

/// A text without the spaces inside brace groups that touch anything but
/// a letter on both sides (`{n - 1}` → `{n-1}`), so
/// that brace groups compare whitespace-insensitively: a LaTeX group the
/// translation only spaced differently (`\sqrt {2}`, `{j = 0}`) is the
/// same group, while one whose content changed (`\end{Align}`) is not.
fn squeeze_braces(prose: &str) -> String {
    let mut out = String::with_capacity(prose.len());
    let mut rest = prose;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let group = &rest[open..];
        // The group up to its matching brace, if it closes soon: a lone
        // `{` in prose squeezes nothing.
        let mut depth = 0usize;
        let end = group.char_indices().take(80).find_map(|(i, c)| {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i + 1)
        });
        let Some(end) = end else {
            out.push('{');
            rest = &group[1..];
            continue;
        };
        let chars: Vec<char> = group[..end].chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            // A space between two words stays (`{a b}` is prose); one next
            // to an operator, a digit or a brace goes (`{n - 1}`).
            let between_words = i > 0
                && chars[i - 1].is_alphabetic()
                && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
            if !c.is_whitespace() || between_words {
                out.push(c);
            }
        }
        rest = &group[end..];
    }
    out.push_str(rest);
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

/// What a reader sees of a placeholder: `<var>name</var>` shows as `name`.
fn shown(placeholder: &str) -> &str {
    placeholder
        .strip_prefix("<var>")
        .and_then(|p| p.strip_suffix("</var>"))
        .unwrap_or(placeholder)
}

/// Placeholders: the same multiset in both languages.
pub fn placeholders(pair: &Pair<'_>) -> Option<Flag> {
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
    let message = format!(
        "placeholders differ ({}); a placeholder stands for a value the reader or the software puts in, and is copied exactly, not translated",
        parts.join("; ")
    );
    Some(Flag::new(message).with_tokens(missing.iter().chain(&extra).map(|p| shown(p))))
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
    fn ui_names_in_chinese_and_japanese_quotes_answer_bold() {
        use super::super::checks::tests::run_in;
        for (locale, target, source) in [
            ("zh-CN", "选择“提交”。", "Select **Submit**."),
            (
                "zh-CN",
                "从下拉菜单中，选择“协助客户的身份”，然后选择“管理员代理”。",
                "From the dropdown menu, select **Assist your customer as** and **Admin agent**.",
            ),
            ("ja-JP", "[送信] を選択します。", "Select **Submit**."),
            ("ja-JP", "「設定」を開きます。", "Open **Settings**."),
            (
                "zh-CN",
                "选择[合作伙伴资料](https://partner.microsoft.com/pcv/profile)，查看公司的法律详细信息。",
                "Select [**Partner profile**](https://partner.microsoft.com/pcv/profile) to view your company’s legal details.",
            ),
        ] {
            assert_eq!(run_in(locale, markup, target, source), None, "{target}");
        }
        // A bold link loses its bold in a language that bolds UI names, and
        // a bold that is not the link's whole text is lost in any.
        for (locale, target, source) in [
            (
                "de-DE",
                "Wählen Sie [Partnerprofil](https://example.com/profile) aus.",
                "Select [**Partner profile**](https://example.com/profile).",
            ),
            (
                "zh-CN",
                "选择[合作伙伴资料](https://example.com/profile)。",
                "Select [**Partner** profile](https://example.com/profile).",
            ),
            (
                "zh-CN",
                "选择合作伙伴资料。",
                "Select [**Partner profile**](https://example.com/profile).",
            ),
        ] {
            assert!(run_in(locale, markup, target, source).is_some(), "{target}");
        }
        // Quotes the source has too answer nothing; nor do quotes in German.
        for (locale, target, source) in [
            ("zh-CN", "选择“提交”。", "Select “**Submit**”."),
            ("de-DE", "Wählen Sie „Senden“.", "Select **Submit**."),
            ("zh-CN", "选择提交。", "Select **Submit**."),
        ] {
            assert!(run_in(locale, markup, target, source).is_some(), "{target}");
        }
    }

    #[test]
    fn markup_names_the_code_that_differs() {
        let flag = run(markup, "Defina como `Sim`.", "Set it to `Yes`.").unwrap_or_default();
        assert!(
            flag.message.contains("`Yes`") && flag.message.contains("`Sim`"),
            "{}",
            flag.message
        );
        assert_eq!(flag.tokens, ["Yes", "Sim"]);
    }

    #[test]
    fn markup_has_no_tokens_for_a_lost_bold() {
        let flag = run(markup, "Selecione Salvar.", "Select **Save**.").unwrap_or_default();
        assert!(flag.tokens.is_empty(), "{:?}", flag.tokens);
    }

    #[test]
    fn emphasis_moved_flags_a_kept_word_left_unmarked() {
        let flagged = [
            (
                "Selecione Save e depois **Fechar**.",
                "Select **Save** and then Close.",
            ),
            (
                "Wählen Sie **auf der** Seite Setup die Option aus.",
                "On the **Setup** page, select the option.",
            ),
            (
                "在 CSP 下的左侧菜单中 **，选择** 客户。",
                "In the left-hand menu under **CSP**, choose Customers.",
            ),
            (
                "Use *a* multilocação para contoso.in.",
                "Use multitenancy for *contoso.in*.",
            ),
        ];
        for (target, source) in flagged {
            assert!(run(emphasis_moved, target, source).is_some(), "{target}");
        }
        let flag = run(emphasis_moved, flagged[0].0, flagged[0].1).unwrap_or_default();
        assert_eq!(flag.tokens, ["Save", "Fechar"]);
        assert!(flag.message.contains("“Save”"), "{}", flag.message);
    }

    #[test]
    fn emphasis_moved_stays_quiet_unless_the_match_is_certain() {
        let fine = [
            // Translated: "Save" is not in the target, nothing to match.
            ("Selecione **Salvar**.", "Select **Save**."),
            ("选择 **保存**。", "Select **Save**."),
            // The same word marked, in another case.
            (
                "选择 **azure** 立即添加一个。",
                "Select **Azure** to add one now.",
            ),
            // Marked by its acronym.
            (
                "Sie benötigen **AOBO**-Berechtigungen (Admin on Behalf Of).",
                "You need **Admin on Behalf Of** (AOBO) privileges.",
            ),
            // The count differs: the markup check's finding.
            ("Selecione Save.", "Select **Save**."),
            // The source writes the word unmarked too, as often.
            (
                "Use **SaaS** para ofertas SaaS.",
                "Use **SaaS** for SaaS offers.",
            ),
            // A word inside a longer one is not the word.
            ("Os **dados** Saved ficam.", "The **Save** data stays."),
        ];
        for (target, source) in fine {
            assert_eq!(run(emphasis_moved, target, source), None, "{target}");
        }
    }

    #[test]
    fn links_tokens_are_the_targets_and_the_link_texts() {
        let flag = run(
            links,
            "Consulte [a página](add-users.md).",
            "See [the page](add-user.md).",
        )
        .unwrap_or_default();
        assert_eq!(
            flag.tokens,
            ["add-user.md", "the page", "add-users.md", "a página"]
        );
        let flag = run(
            links,
            "Consulte a página.",
            r#"See <a href="https://aka.ms/x">https://aka.ms/x</a>."#,
        )
        .unwrap_or_default();
        assert_eq!(flag.tokens, ["https://aka.ms/x"]);
    }

    #[test]
    fn placeholders_tokens_are_the_placeholders_as_shown() {
        let flag = run(placeholders, "Olá, {nome}!", "Hello, {name}!").unwrap_or_default();
        assert_eq!(flag.tokens, ["{name}", "{nome}"]);
        let flag =
            run(placeholders, "Insira o token", "Enter <var>token</var>").unwrap_or_default();
        assert_eq!(flag.tokens, ["token"]);
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
    fn brace_groups_compare_whitespace_insensitively() {
        assert_eq!(squeeze_braces("a {n - 1} b { c"), "a {n-1} b { c");
        for (target, source) in [
            ("a soma $\\sum_{j = 0}$", "the sum $\\sum_{j=0}$"),
            ("use {n-1}", "use {n - 1}"),
        ] {
            assert_eq!(run(placeholders, target, source), None, "{target}");
        }
        assert!(run(placeholders, "\\end{Align}", "\\end{align}").is_some());
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
