//! Portuguese (written for pt-BR, valid for pt-PT): "deve" renders both must and should,
//! which is why [`super::modality_conflict`] accepts should ↔ must.

use super::{c, Script, TargetLexicon};
use crate::decide::Modality::*;

pub(super) const PT: TargetLexicon = TargetLexicon {
    language: "pt",
    script: Script::Spaced,
    cues: &[
        c("não deve|devem|deverá|deverão|devemos", MustNot),
        c("não pode|podem|poderá|poderão|podemos", MustNot),
        c("não é permitido|permitida", MustNot),
        c("é proibido|proibida", MustNot),
        // "não precisa" removes the obligation: at most a permission not to.
        c("não precisa|precisam|precisará|precisarão", May),
        c("não é necessário|obrigatório", May),
        c("não vai|vão|irá|irão", WillNot),
        c("deixará|deixarão de", WillNot),
        c("deve|devem|deverá|deverão|devemos", Must),
        c("precisa|precisam|precisará|precisarão|precisamos", Must),
        c("é|será necessário|obrigatório|preciso|exigido", Must),
        c("tem|têm|terá|terão que|de", Must),
        c("certifique-se|certifiquem-se", Must),
        c("deveria|deveriam|deveríamos", Should),
        c("esperamos|espera-se", Should),
        c("espera|esperam que", Should),
        c("é esperado|esperada|recomendado|recomendável", Should),
        c(
            "recomendamos|recomenda-se|incentivamos|sugerimos|aconselhamos",
            Should,
        ),
        c("pode|podem|poderá|poderão|podemos|pode-se", May),
        c("é permitido|permitida", May),
        c("tem|têm permissão", May),
        c("fique|sinta-se à vontade", May),
        c("vai|vão|iremos", Will),
    ],
    not_cues: &[],
    skip: &[
        "se", "o", "a", "os", "as", "lhe", "lhes", "nos", "me", "te", "mais", "também", "ainda",
        "apenas", "somente", "sempre", "nunca",
    ],
    subordinators: &[],
    relatives: &[],
    gap_stops: &[],
    negators: &["não", "nunca", "jamais"],
    future_endings: &["ará", "erá", "irá", "orá", "arão", "erão", "irão", "orão"],
    future_exceptions: &["verão", "pará", "padrão", "patrão", "ladrão"],
    future_words: &[
        "irá", "irão", "será", "serão", "terá", "terão", "dará", "darão",
    ],
};
