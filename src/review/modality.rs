//! The `modality` finding: a decision whose translation changes its force or polarity ("will
//! not" rendered as "vai"). Decide says what the source decides and what the translation
//! reads as ([`crate::decide::target_cue`]); this check compares them.

use crate::decide::{modality_conflict, target_cue, PageDecision};
use crate::diagnostic::{Code, Diagnostic, Severity};

/// `modality` findings: decisions whose translation changes force or polarity (see
/// [`modality_conflict`]).
pub fn modality_findings(rel: &str, decisions: &[PageDecision], locale: &str) -> Vec<Diagnostic> {
    decisions
        .iter()
        .filter_map(|d| {
            let (target, cue) = target_cue(&d.target, locale)
                .filter(|(t, _)| modality_conflict(d.decision.modality, Some(*t)))?;
            let message = format!(
                "the source says `{}` ({}) but the translation reads as `{}` ({}); \
                 make the translation state the same force and polarity",
                d.decision.trigger,
                d.decision.modality.label(),
                target.as_str(),
                target.label()
            );
            Some(
                Diagnostic::new(
                    rel,
                    (d.line, d.column),
                    Code::Modality,
                    // Info, not warning: the target cue is the sentence's first modal, so a
                    // second clause ("você pode …, mas certifique-se …") misleads it; measured
                    // on the corpus, most findings are not real (see the README).
                    Severity::Info,
                    message,
                )
                .with_id(&d.id)
                .with_tokens(modality_tokens(&d.decision.trigger, cue)),
            )
        })
        .collect()
}

/// The tokens of a modality finding: the source's trigger ("will not") and the target's cue
/// ("vai"), each as written, so that both are marked side by side.
fn modality_tokens(trigger: &str, cue: String) -> Vec<String> {
    [trigger.to_owned(), cue]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::{Decision, Modality::*};

    #[test]
    fn modality_findings_carry_the_trigger_and_the_cue() {
        let decision = PageDecision {
            id: "a-1".into(),
            line: 3,
            column: 1,
            decision: Decision {
                actor: "Microsoft".into(),
                modality: WillNot,
                trigger: "will not".into(),
            },
            source: "Microsoft will not send communications to your customers.".into(),
            target: "A Microsoft vai enviar comunicações aos seus clientes.".into(),
        };
        let findings = modality_findings("a.md", &[decision], "pt-BR");
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].tokens[..], ["will not", "vai"]);
    }
}
