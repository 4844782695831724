//! Every output path claimed once. Two inputs that map to one file would
//! silently lose one of them: `v.pt-br.md` and the pt-BR view of `v.md`,
//! `a.md` and `A.md` (one file on macOS and Windows), a content file and one
//! of the site's own pages. Such a clash is an error naming both inputs; the
//! first input in path order keeps the path, the other is not written.
//!
//! The home page never displaces a page: the site's list of pages is
//! `index.html` unless the content has its own top-level index page
//! (`index.md`, `index.yml`), which then is the home, and the list moves to
//! [`LIST_WHEN_INDEXED`].

use crate::diagnostic::{Code, Diagnostic, Severity};
use std::collections::HashMap;

/// Where the list of pages goes when a content page is `index.html`.
pub const LIST_WHEN_INDEXED: &str = "pages/index.html";

/// The outcome: where the list of pages goes, and the inputs that lost
/// their path (with the error that says so).
#[derive(Debug, Default)]
pub struct Settled {
    /// The output path of the site's list of pages: `index.html`, or
    /// [`LIST_WHEN_INDEXED`] when a content page is `index.html`.
    pub home_list: String,
    /// The inputs that are not written, by input path, each with the
    /// `collision` error that names the input it clashed with.
    pub lost: HashMap<String, Diagnostic>,
}

/// The path keys outputs are compared by: case folded, as the file systems
/// of macOS and Windows compare names.
fn key(path: &str) -> String {
    path.to_lowercase()
}

/// Claims the outputs of `inputs` (each an input path and the output paths
/// it writes, in path order), after the site's own `reserved` outputs.
pub fn settle<'a>(
    inputs: impl IntoIterator<Item = (&'a str, Vec<String>)>,
    reserved: &[&str],
) -> Settled {
    let inputs: Vec<(&str, Vec<String>)> = inputs.into_iter().collect();
    let indexed = inputs
        .iter()
        .any(|(_, outputs)| outputs.iter().any(|o| key(o) == "index.html"));
    let home_list = if indexed {
        LIST_WHEN_INDEXED
    } else {
        "index.html"
    };
    let mut owners: HashMap<String, (String, String)> = HashMap::new();
    for path in reserved.iter().copied().chain([home_list]) {
        owners.insert(
            key(path),
            (path.to_owned(), "one of the site's own pages".to_owned()),
        );
    }
    let mut lost = HashMap::new();
    for (input, outputs) in inputs {
        let clash = outputs
            .iter()
            .find_map(|o| owners.get(&key(o)).map(|(path, owner)| (o, path, owner)));
        if let Some((mine, theirs, owner)) = clash {
            let case = if mine == theirs {
                String::new()
            } else {
                format!(" (`{theirs}` differs only in case: one file on macOS and Windows)")
            };
            let message = format!(
                "would be written to `{mine}`, where {owner} is written{case}; rename one of \
                 them (this one was not built)"
            );
            lost.insert(
                input.to_owned(),
                Diagnostic::new(input, (1, 1), Code::Collision, Severity::Error, message),
            );
            continue;
        }
        for output in outputs {
            owners.insert(key(&output), (output, format!("`{input}`")));
        }
    }
    Settled {
        home_list: home_list.to_owned(),
        lost,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn views(stem: &str) -> Vec<String> {
        vec![
            format!("{stem}.html"),
            format!("{stem}.pt-br.html"),
            format!("{stem}.en-us.html"),
        ]
    }

    #[test]
    fn a_page_named_like_another_pages_view_is_an_error_naming_both() {
        let settled = settle(
            [("v.md", views("v")), ("v.pt-br.md", views("v.pt-br"))],
            &[],
        );
        let err = &settled.lost["v.pt-br.md"];
        assert_eq!((err.code, err.severity), (Code::Collision, Severity::Error));
        assert!(err.message.contains("`v.pt-br.html`") && err.message.contains("`v.md`"));
        assert!(!settled.lost.contains_key("v.md"));
    }

    #[test]
    fn names_that_differ_only_in_case_collide() {
        let settled = settle([("A.md", views("A")), ("a.md", views("a"))], &[]);
        let err = &settled.lost["a.md"];
        assert!(
            err.message.contains("differs only in case"),
            "{}",
            err.message
        );
        assert!(err.message.contains("`A.md`"), "{}", err.message);
    }

    #[test]
    fn the_home_list_moves_aside_for_a_content_index_page() {
        let plain = settle([("a.md", views("a"))], &[]);
        assert_eq!(plain.home_list, "index.html");
        let indexed = settle([("index.md", views("index")), ("a.md", views("a"))], &[]);
        assert_eq!(indexed.home_list, LIST_WHEN_INDEXED);
        assert!(indexed.lost.is_empty(), "{:?}", indexed.lost);
    }

    #[test]
    fn the_sites_own_outputs_are_reserved() {
        let settled = settle(
            [
                ("404.md", views("404")),
                ("media/x.png", vec!["media/x.png".into()]),
            ],
            &["404.html"],
        );
        assert!(settled.lost["404.md"]
            .message
            .contains("one of the site's own pages"));
        assert!(!settled.lost.contains_key("media/x.png"));
    }
}
