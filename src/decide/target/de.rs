//! German. Modal verbs are finite and their negation ("nicht", "kein") comes later in the
//! clause ("Sie können die Laufzeit jedoch **nicht** ändern"), hence the `…` in the negative
//! cues. "werden" is both the future and the passive auxiliary; both read as a commitment,
//! as the English "will be" does. "müssen nicht" means "need not": no obligation. Subordinate
//! clauses put their modal last ("Um … zu können, müssen Sie …"), so they are passed over.
//!
//! Written by reading the partner-center-de-de translations of the English decisions.

use super::{c, Script, TargetLexicon};
use crate::decide::Modality::*;

/// The negators a negative cue ends with.
macro_rules! negated {
    ($verbs:literal) => {
        concat!(
            $verbs,
            " … nicht|kein|keine|keinen|keinem|keiner|keines|niemals|nie"
        )
    };
}

pub(super) const DE: TargetLexicon = TargetLexicon {
    language: "de",
    script: Script::Spaced,
    cues: &[
        c(negated!("darf|dürfen|darfst|dürft"), MustNot),
        c(negated!("kann|können|kannst|könnt"), MustNot),
        c(negated!("sollte|sollten|soll|sollen|solltest"), MustNot),
        c("nicht zulässig|gestattet|erlaubt", MustNot),
        c("ist|sind untersagt|verboten", MustNot),
        // "müssen nicht", "nicht erforderlich": no obligation, at most a permission not to.
        c(negated!("muss|müssen|musst|müsst"), May),
        c(negated!("braucht|brauchen|brauchst"), May),
        c(
            "nicht erforderlich|notwendig|nötig|obligatorisch|verpflichtend",
            May,
        ),
        c(negated!("wird|werden|wirst|werde"), WillNot),
        c("nicht mehr", WillNot),
        c("muss|müssen|musst|müsst|müsste|müssten", Must),
        c(
            "ist|sind erforderlich|notwendig|verpflichtet|obligatorisch|verpflichtend",
            Must,
        ),
        c("stellen|stelle sie sicher", Must),
        c("achten sie darauf", Must),
        c("vergewissern sie sich", Must),
        c("sollte|sollten|soll|sollen|solltest|solltet", Should),
        c("empfehlen|empfiehlt|empfohlen|raten|rät", Should),
        c("erwarten|erwartet", Should),
        c("wird|werden … empfohlen|erwartet", Should),
        c("kann|können|kannst|könnt|darf|dürfen|darfst|dürft", May),
        c("ist|sind berechtigt|zulässig|gestattet|erlaubt", May),
        c("anspruch auf", May),
        c("wird|werden|wirst|werde|werdet", Will),
    ],
    // Infinitives are not finite modals: "freuen wir uns, mitteilen zu können".
    not_cues: &[
        "zu können",
        "zu dürfen",
        "zu müssen",
        "zu werden",
        "zu sollen",
    ],
    skip: &[
        "sie",
        "es",
        "auch",
        "noch",
        "nur",
        "bitte",
        "dringend",
        "ausdrücklich",
        "daher",
        "jedoch",
        "weiterhin",
        "sich",
        "jetzt",
        "nun",
        "immer",
    ],
    subordinators: &[
        "um", "damit", "wenn", "falls", "bevor", "nachdem", "sobald", "da", "weil", "dass", "ob",
        "obwohl", "während", "bis", "indem", "sodass",
    ],
    relatives: &[
        "der", "die", "das", "denen", "dem", "deren", "dessen", "welche", "welcher", "welches",
    ],
    gap_stops: &["und", "oder", "aber", "sondern", "sowie"],
    negators: &[],
    future_endings: &[],
    future_exceptions: &[],
    future_words: &[],
};
