//! The English grammar of decisions, as data: the modal markers and the word classes the
//! readings consult. Every list that decides what counts is here, so that a reader can audit
//! what counts and why; the other files of `decide/` hold only the machinery that applies them.
//!
//! Nothing here names a publisher or its programs: "Microsoft", "CSP", "21Vianet" are
//! configuration (see [`super::publisher`]). A marker word `@publisher` stands for the
//! publisher's name ("we|@publisher expect" matches "we expect" and "Microsoft expects").

use super::Modality::{self, *};
use Reading::*;

/// How a marker of [`MARKERS`] is read once found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A modal after its subject ("Microsoft **will** …", "you **need to** …"). The subject
    /// before it and the verb after it decide whether it is a decision (see [`super::detect`]).
    Aux(Modality),
    /// Opens an imperative clause; the actor is the reader, `you`. Counts only at the start of
    /// a clause, so "transactions that don't occur" or "to help ensure" are not imperatives.
    Imperative(Modality),
    /// The speaker (the publisher, "we") states what it expects of someone: "we expect X to …",
    /// "we recommend that you …", "we encourage partners to …". The actor is that someone.
    Speaker(Modality),
    /// "X is required" (`must`), "X is allowed" (`may`), "X is not recommended" (`must-not`),
    /// "X is not required" / "you don't need to" (`may`: a permission not to act): a status
    /// of a thing or an act; the party named as subject is bound, else the reader.
    Requirement(Modality),
    /// "this method expects a string": a thing's contract on its input, which the reader
    /// (the caller) meets. A party that expects is no decision.
    Expects,
    /// "requires an Azure AD Premium subscription": a thing's prerequisite that the reader has
    /// to hold ([`PREREQUISITES`]); a cost of the software ("requires one auxiliary qubit") is
    /// no decision.
    Prerequisite,
    /// "we are retiring … on July 31": a present progressive with an explicit date is a
    /// scheduled commitment of the publisher.
    Scheduled,
    /// "the best way to do this is to …": a recommendation to the reader.
    BestWay,
    /// "be able to": an ability, not a decision ("you'll be able to deploy …"), unless "only"
    /// restricts it, when it grants like "only X can": "only those partners selected by the
    /// ISV will be able to purchase that offer" is a permission.
    Ability,
    /// Looks modal but is not a decision: ability ("be able to"), hypothesis ("would",
    /// "could"), possibility ("might"), absence of obligation ("don't need to",
    /// "is not required"), description ("does not"). Listed so that the longer, harmless
    /// reading wins over a shorter modal inside it.
    NotADecision,
}

/// One entry of the lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Marker {
    /// Lower-case words to match in order. `a|b` matches either word; `not` also matches
    /// "never" and "no longer"; `@publisher` matches the publisher's name; adverbs of
    /// [`ADVERBS`] may sit between the words ("will also need to", "we strongly recommend",
    /// "can only"). Contractions are expanded before matching ("won't" = "will not", "can't" =
    /// "can not", "they'll" = "they will").
    pub words: &'static str,
    /// What the words mean once matched, and who they make the actor.
    pub reading: Reading,
}

const fn m(words: &'static str, reading: Reading) -> Marker {
    Marker { words, reading }
}

/// The modal lexicon: every English marker of a decision, and the look-alikes that are not.
///
/// At each word of a sentence the longest matching entry wins, so "will not be able to"
/// (a prohibition) beats "will be able to" (an ability, not a decision), which beats "will"
/// (a commitment). The first entry, in sentence order, that reads as a decision gives the
/// sentence's decision; a sentence has at most one.
pub const MARKERS: &[Marker] = &[
    // ---- must: obligation -------------------------------------------------------------
    m("must", Aux(Must)),
    m("shall", Aux(Must)),
    m("have|has to", Aux(Must)),
    m("will have to", Aux(Must)),
    m("need|needs to", Aux(Must)),
    m("will need to", Aux(Must)),
    // "You will need the Access ID …": needing a thing is an obligation to have it.
    m("will need", Aux(Must)),
    m("is|are|am|be required to", Aux(Must)),
    m("will be required to", Aux(Must)),
    m("will be required", Aux(Must)),
    m("is|are required", Requirement(Must)),
    m("make sure", Imperative(Must)),
    m("be sure to", Imperative(Must)),
    m("ensure", Imperative(Must)),
    // ---- must not: prohibition --------------------------------------------------------
    m("must not", Aux(MustNot)),
    m("shall not", Aux(MustNot)),
    // "should not" is advice against; of the six modalities, prohibition keeps its polarity.
    m("should not", Aux(MustNot)),
    // "cannot"/"can't" with a party as subject restricts what it may do.
    m("can not", Aux(MustNot)),
    m("may not", Aux(MustNot)),
    m("will not be able to", Aux(MustNot)),
    m("is|are not allowed|permitted to", Aux(MustNot)),
    m("is|are prohibited from", Aux(MustNot)),
    m("do not", Imperative(MustNot)),
    m("not", Imperative(MustNot)), // only "never" at the start of a clause: "Never share …"
    // ---- should: expectation, recommendation ------------------------------------------
    m("should", Aux(Should)),
    m("ought to", Aux(Should)),
    m("is|are expected to", Aux(Should)),
    m("is|are encouraged to", Aux(Should)),
    // "You may want to redesign …" is a soft recommendation, not a permission.
    m("may|might want to", Aux(Should)),
    // "You may need to try …": a conditional need the reader is advised of (RULES.md item 5).
    m("may|might need to", Aux(Should)),
    m("is|are recommended", Requirement(Should)),
    // ---- advice against: "should not" keeps the polarity (issue 13) ---------------------
    m("is|are not recommended", Requirement(MustNot)),
    m("not recommended", Requirement(MustNot)),
    m("we|@publisher do|does not recommend", Speaker(MustNot)),
    m("we|@publisher expect|expects", Speaker(Should)),
    m("we|@publisher do|does expect", Speaker(Should)),
    m("we|@publisher recommend|recommends", Speaker(Should)),
    m("we|@publisher encourage|encourages", Speaker(Should)),
    m("we|@publisher require|requires", Speaker(Must)),
    m("best way", BestWay),
    // "it's best to wait until …": impersonal advice to the reader.
    m("it is best to", Imperative(Should)),
    // ---- may: permission --------------------------------------------------------------
    m("may", Aux(May)),
    m("can", Aux(May)),
    m("is|are allowed|permitted|entitled to", Aux(May)),
    m("is|are|be eligible to|for", Aux(May)),
    // "you may be eligible for a refund": the hedge does not undo the entitlement.
    m("may|might be eligible to|for", Aux(May)),
    m("feel free to", Imperative(May)),
    m("is|are allowed|permitted", Requirement(May)),
    m("is|are not allowed|permitted", Requirement(MustNot)),
    // ---- may: absence of obligation, a permission not to act (issue 13) -------------------
    m("do|does not need|have to", Requirement(May)),
    m("will not need|have to", Requirement(May)),
    m("no need to", Requirement(May)),
    m("need not", Requirement(May)),
    m("is|are not required", Requirement(May)),
    m("is|are not required to", Requirement(May)),
    m("is|are not necessary", Requirement(May)),
    m("is|are not mandatory", Requirement(May)),
    // Table cells and list items: "Not required", "Not mandatory for private sharing".
    m("not required", Requirement(May)),
    m("not mandatory", Requirement(May)),
    // ---- contracts and prerequisites of things ------------------------------------------
    m("expect|expects", Expects),
    m("require|requires", Prerequisite),
    // ---- will: commitment -------------------------------------------------------------
    m("will", Aux(Will)),
    m("will not", Aux(WillNot)),
    m("is|are going to", Aux(Will)),
    m("is|are not going to", Aux(WillNot)),
    m("we are", Scheduled),
    m("@publisher is", Scheduled),
    // ---- look-alikes that are not decisions -------------------------------------------
    m("will be able to", Ability),
    m("is|are|am|be able to", Ability),
    m("would", NotADecision),
    m("could", NotADecision),
    m("might", NotADecision),
    m("does|did not", NotADecision),
    m("did not need|have to", NotADecision),
];

/// Adverbs that may sit inside a marker or between a modal and its verb without changing it.
/// "only" is also remembered: "you can only …" and "only you can …" are restrictions.
pub const ADVERBS: &[&str] = &[
    "also",
    "still",
    "only",
    "then",
    "now",
    "always",
    "first",
    "further",
    "thus",
    "therefore",
    "usually",
    "normally",
    "generally",
    "typically",
    "often",
    "just",
    "strongly",
    "automatically",
    "immediately",
    "soon",
    "directly",
    "actively",
    "highly",
    "instead",
    "currently",
    "each",
    "all",
    "both",
    "eventually",
    "again",
    "ever",
    "either",
    "sometimes",
];

/// Words that open a subordinate clause. A modal in such a clause does not decide: "If you
/// can't sign in, …", "Before you can sell …", "This article explains how partners can …",
/// "What they can't do".
pub const SUBORDINATORS: &[&str] = &[
    "if", "when", "whenever", "unless", "before", "after", "once", "since", "because", "until",
    "while", "although", "though", "whether", "how", "why", "where", "what", "whatever",
    "wherever", "so", "as", "lest",
];

/// Verbs after which "that" (or "which") opens a content clause that is not asserted, not a
/// relative one: "verify that the profile will be applied" and "the agreement type determines
/// which customer types the offer can be sold to" state no decision. Assertive verbs ("we
/// announce that we will …", "note that … will be enforced") are left out on purpose: their
/// clause is the decision.
pub const THAT_VERBS: &[&str] = &[
    "verify",
    "ensure",
    "confirm",
    "check",
    "know",
    "mean",
    "means",
    "say",
    "says",
    "said",
    "indicate",
    "indicates",
    "indicating",
    "sure",
    "notice",
    "understand",
    "show",
    "shows",
    "states",
    "state",
    "explain",
    "explains",
    "require",
    "requires",
    "ask",
    "asks",
    "so",
    "such",
    "expect",
    "recommend",
    "validate",
    "see",
    "assume",
    "determine",
    "decide",
    "believe",
    "think",
    "given",
    "determines",
    "decides",
    "describes",
    "defines",
    "specifies",
    "controls",
    "control",
    "learn",
    "find",
    // Participles that take a "which" clause in parameter descriptions: "indices denoting
    // which elements should be excluded".
    "denote",
    "denotes",
    "denoting",
    "specify",
    "specifying",
    "describe",
    "describing",
    "defining",
    "determining",
    "deciding",
    "choosing",
    "selecting",
    "controlling",
];

/// Nouns and pronouns that name a party able to act (the head of the subject). A subject
/// without one is a thing ("the API", "your invoice", "SA benefits"), and a thing can neither
/// commit nor be permitted: "the API will return …" describes software, "this may take …" is a
/// possibility.
pub const PARTIES: &[&str] = &[
    "we",
    "you",
    "they",
    "he",
    "she",
    "i",
    "partner",
    "partners",
    "customer",
    "customers",
    "reseller",
    "resellers",
    "provider",
    "providers",
    "distributor",
    "distributors",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "user",
    "users",
    "publisher",
    "publishers",
    "vendor",
    "vendors",
    "agent",
    "agents",
    "seller",
    "sellers",
    "member",
    "members",
    "company",
    "companies",
    "organization",
    "organizations",
    "organisation",
    "organisations",
    "tenant",
    "tenants",
    "owner",
    "owners",
    "isv",
    "isvs",
    "team",
    "teams",
    "person",
    "people",
    "individual",
    "individuals",
    "employee",
    "employees",
    "contact",
    "contacts",
    "advisor",
    "advisors",
    "buyer",
    "buyers",
    "purchaser",
    "purchasers",
    "developer",
    "developers",
    "anyone",
    "everyone",
    "someone",
    "nobody",
    "msp",
    "msps",
    "affiliate",
    "affiliates",
    "entity",
    "entities",
    "business",
    "businesses",
    "student",
    "students",
    "educator",
    "educators",
    "school",
    "schools",
    "institution",
    "institutions",
    "government",
    "agency",
    "agencies",
    "support",
    "signatory",
    "signatories",
    "approver",
    "approvers",
    "principal",
    "manager",
    "managers",
    "representative",
    "representatives",
    "consultant",
    "consultants",
    "integrator",
    "integrators",
    "subscriber",
    "subscribers",
    "licensee",
    "licensees",
    "party",
    "parties",
    "engineer",
    "engineers",
    "specialist",
    "specialists",
    "staff",
    "expert",
    "experts",
    "reviewer",
    "reviewers",
    "auditor",
    "auditors",
    // API docs: the one who calls or implements is a party ("Callers should retry").
    "caller",
    "callers",
    "client",
    "clients",
    "implementer",
    "implementers",
    "implementation",
    "implementations",
    "consumer",
    "consumers",
];

/// Verbs of the product's interface and of reading: "the partner can search for a reseller",
/// "customers can view their invoice" describe what a screen offers, not a right.
pub const UI_VERBS: &[&str] = &[
    "select",
    "click",
    "choose",
    "pick",
    "view",
    "see",
    "find",
    "search",
    "filter",
    "sort",
    "group",
    "expand",
    "collapse",
    "download",
    "export",
    "print",
    "open",
    "go",
    "navigate",
    "return",
    "scroll",
    "hover",
    "enter",
    "type",
    "look",
    "check",
    "track",
    "monitor",
    "read",
    "learn",
    "refer",
    "switch",
    "browse",
    "locate",
    "review",
    "try",
    "visit",
    "sign",
    "log",
    "access",
    "display",
    "customize",
    "personalize",
    "drill",
    "zoom",
    "hide",
    "show",
    "use",
    "get",
    "upload",
    "copy",
    "paste",
    "toggle",
    "save",
    "edit",
    "update",
    "refresh",
    "query",
    "call",
    "submit",
];

/// Verbs (and adverbs right after "can") of benefit and ability claims: "partners can better
/// address the demand", "partners can digitally transform their customers' businesses" sell
/// the program; they grant nothing.
pub const BENEFIT_WORDS: &[&str] = &[
    "better",
    "easily",
    "quickly",
    "more",
    "accelerate",
    "transform",
    "improve",
    "grow",
    "address",
    "increase",
    "expand",
    "boost",
    "reduce",
    "save",
    "gain",
    "leverage",
    "drive",
    "benefit",
    "differentiate",
    "help",
    "simplify",
    "streamline",
    "unlock",
    "maximize",
    "enhance",
    "achieve",
    "realize",
    "capture",
    "deliver",
    "build",
    "reach",
    "earn",
];

/// Verbs that report a state or a happening, not an act: after "may"/"can"/"should" they make
/// the modal epistemic ("it can take up to 24 hours", "you may see a delay", "it should
/// appear"), after "will" with a party they are a prediction ("you will find …").
pub const NON_ACTS: &[&str] = &[
    "be",
    "take",
    "have",
    "vary",
    "differ",
    "need",
    "experience",
    "see",
    "notice",
    "find",
    "encounter",
    "happen",
    "occur",
    "cause",
    "result",
    "include",
    "contain",
    "appear",
    "seem",
    "know",
    "hear",
    "understand",
    "like",
    "want",
    "wish",
    "feel",
    "remain",
    "exist",
    "affect",
    "impact",
    "depend",
    "look",
    "show",
    "display",
    "arrive",
    "work",
    "reflect",
    "fail",
    "lead",
    "help",
    "become",
    "mean",
    "require",
    "expire",
    "last",
];

/// "X will receive / lose Y" commits the giver or taker, Microsoft unless named: "Publisher
/// will not receive payment until …", "they'll lose the competency".
/// Not when what is received is an error or a warning ("you will receive an error"): that is
/// the software describing itself.
pub const RECEIVE_VERBS: &[&str] = &[
    "receive",
    "get",
    "lose",
    "earn",
    "receiving",
    "getting",
    "losing",
    "earning",
];

/// What one "receives" without anyone committing to give it.
pub const NOT_GIVEN: &[&str] = &[
    "error", "errors", "warning", "warnings", "message", "prompt",
];

/// Adjectives and nouns before "needs" that make it a noun: "your unique needs to …".
pub const NEED_NOUN_MODIFIERS: &[&str] = &[
    "unique",
    "specific",
    "business",
    "particular",
    "individual",
    "own",
    "different",
    "changing",
    "future",
    "technical",
];

/// Participles after "will be" that describe the screen or an effect, not a decision: "a
/// cross mark will be displayed", "you will be taken to …", "they will not be affected".
pub const DISPLAY_PARTICIPLES: &[&str] = &[
    "displayed",
    "shown",
    "listed",
    "taken",
    "redirected",
    "prompted",
    "asked",
    "affected",
    "impacted",
    "based",
    "located",
    "presented",
    "reflected",
    "highlighted",
    "greyed",
    "grayed",
    "populated",
    "able",
    "seen",
    "found",
    "labeled",
    "labelled",
    "named",
    "called",
    "known",
    "visible",
];

/// Adjectives after "will be" that state a commitment of the provider: "the price list will
/// be available January 6", "the site will no longer be accessible".
pub const COMMITMENT_STATES: &[&str] = &[
    "available",
    "unavailable",
    "accessible",
    "inaccessible",
    "subject",
    "effective",
    "retired",
    "generally",
    "forthcoming",
];

/// Participles after a thing's "can be" that name a permitted transaction: "The promo SKU can
/// be purchased through EA/EAS or CSP." Other "can be"/"may be" of things are possibilities.
pub const PERMITTED_DEALS: &[&str] = &[
    "purchased",
    "bought",
    "sold",
    "resold",
    "transacted",
    "ordered",
    "cancelled",
    "canceled",
    "transferred",
    "returned",
    "renewed",
    "refunded",
    "claimed",
    "redeemed",
    "extended",
    "upgraded",
    "converted",
    "combined",
    "stacked",
    "applied",
];

/// Past participles that do not end in "-ed" (for passives and post-modifiers).
pub const IRREGULAR_PARTICIPLES: &[&str] = &[
    "set",
    "made",
    "sent",
    "paid",
    "built",
    "bought",
    "sold",
    "shown",
    "given",
    "taken",
    "held",
    "kept",
    "done",
    "seen",
    "known",
    "found",
    "written",
    "run",
    "put",
    "cut",
    "met",
    "left",
    "brought",
    "split",
    "spent",
    "won",
    "told",
    "resold",
    "withheld",
    "undertaken",
    "drawn",
    "chosen",
    "begun",
    "frozen",
    "overridden",
    "rewritten",
    "hidden",
    "shut",
    "read",
];

/// Determiners and quantifiers dropped from the actor: "Each direct bill partner tenant" →
/// "the direct bill partner tenant", "All partners" → "partners".
pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "each", "every", "any", "all", "your", "their", "our", "its", "his", "her",
    "these", "those", "this", "that", "some", "both", "only", "most", "many", "certain", "such",
    "other", "new", "existing",
];

/// Words that end the subject noun phrase proper and start its post-modifier: "A partner
/// **in** the CSP program", "Requests **that** are flagged", "administrators **for** impacted
/// tenants".
pub const POSTMODIFIERS: &[&str] = &[
    "in",
    "of",
    "for",
    "from",
    "on",
    "under",
    "with",
    "within",
    "at",
    "through",
    "by",
    "who",
    "that",
    "which",
    "whose",
    "operating",
    "including",
    "without",
    "across",
    "between",
    "during",
    "via",
    "like",
    "such",
    "outside",
    "into",
    "to",
    "using",
    "selling",
    "having",
    "enrolled",
    "located",
];

/// Words that show a clause already has its finite verb (used to tell where a relative
/// clause ends: "Requests that **are** flagged as Completed should be applied").
pub const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "want", "wants", "meet",
    "meets", "own", "owns", "use", "uses", "sell", "sells", "buy", "buys", "hold", "holds",
];

/// Auxiliaries and modals whose subject a following coordinated clause may share ("This field
/// was optional, but is now required"; "Partners can view it but must not share it").
pub const SHARED_SUBJECT_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "must", "can",
    "may", "should", "need", "needs",
];

/// Verbs whose "that" clause is asserted by the writer: the clause decides.
pub const ASSERTING_VERBS: &[&str] = &[
    "note",
    "announce",
    "announced",
    "announcing",
    "confirm",
    "confirms",
    "clarify",
    "remind",
    "reminder",
    "inform",
    "informs",
    "aware",
];

/// Subject pronouns: in "the special offers you can sell" or "issues that you will need to
/// hand off", the modal belongs to the pronoun.
pub const SUBJECT_PRONOUNS: &[&str] = &["you", "we", "they", "he", "she", "i", "it"];

/// Nouns of time: "after that date" is a preposition, not a clause.
pub const TIME_NOUNS: &[&str] = &[
    "date", "time", "day", "days", "point", "period", "deadline", "month", "year", "week",
];

/// Month names: a "we are retiring …" sentence is a scheduled commitment only with a date.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

// ---- words the readings consult ------------------------------------------------------------

/// Prepositions that also open clauses: "after you sign" is a clause, "after that date" a time.
pub const TIME_CONJUNCTIONS: &[&str] = &["after", "before", "since", "until"];

/// Determiners that, before a time noun, make a time phrase: "after that date".
pub const TIME_DETERMINERS: &[&str] = &["that", "this", "these", "those", "the"];

/// Words that may precede a determiner "that" at the start of a clause ("then that tenant
/// will receive …"): the "that" is not a relative pronoun.
pub const CLAUSE_OPENERS: &[&str] = &["and", "but", "or", "so", "then", "however", "also"];

/// Relative pronouns.
pub const RELATIVES: &[&str] = &["which", "who", "whom"];

/// Words after "as" that make it open a clause: "as soon as", "as long as", "as you …".
pub const AS_CLAUSE_NEXT: &[&str] = &["soon", "long", "you", "we", "they"];

/// Words that open a time phrase before the subject when no comma follows it ("After that date
/// customers …", "In 2021 partners …").
pub const TIME_PHRASE_OPENERS: &[&str] = &[
    "after",
    "before",
    "since",
    "until",
    "in",
    "on",
    "from",
    "starting",
    "beginning",
    "by",
    "as",
    "during",
];

/// Conjunctions and sentence adverbs that lead a clause but are not part of its subject.
pub const SUBJECT_LEADERS: &[&str] = &[
    "and",
    "but",
    "or",
    "then",
    "however",
    "also",
    "therefore",
    "thus",
    "now",
    "currently",
    "today",
    "instead",
    "still",
    "just",
    "note",
    "important",
    "so",
    "additionally",
    "finally",
    "similarly",
    "otherwise",
    "in",
    "general",
];

/// Words that show a "subject" is a verb phrase, not a noun phrase ("select a specialized
/// industry to see …", "please …").
pub const NOT_IN_SUBJECT: &[&str] = &["to", "please"];

/// Subjects that name the reader.
pub const READER_FORMS: &[&str] = &[
    "you",
    "your company",
    "your organization",
    "your organisation",
    "you and your customers",
];

/// Subjects that name the writer, whose name is the publisher's: "we", "us", "our team"
/// (the publisher's own name, "PUBLISHER support" and "the PUBLISHER team" are added to them).
pub const SPEAKER_FORMS: &[&str] = &["we", "us", "our team"];

/// Forms of the publisher's name that name the writer: `{}` is the lower-case name.
pub const PUBLISHER_FORMS: &[&str] = &["{}", "{} support", "the {} team"];

/// Possessives that, after "your", stand for the reader's own company as a determiner ("Your
/// company's MPN partner admin").
pub const READER_POSSESSIVES: &[&str] = &["company's", "organization's", "organisation's"];

/// Indefinite pronouns that name people: kept as written, no article.
pub const INDEFINITE_PEOPLE: &[&str] = &["anyone", "everyone", "someone", "nobody"];

/// Pronouns that, leading a coordination, make it take no article ("you and your customer").
pub const PERSONAL_PRONOUNS: &[&str] = &["you", "we", "they", "he", "she"];

/// Nouns ending in "s" that are singular.
pub const SINGULAR_IN_S: &[&str] = &["business"];

/// Words ending in "-ly" that are verbs, not adverbs.
pub const LY_VERBS: &[&str] = &["apply", "supply", "reply", "rely", "comply", "fly"];

/// Words that end a "by …" agent phrase.
pub const AGENT_ENDS: &[&str] = &["and", "or", "before", "after", "when", "if"];

/// Words that end a "come from …" source phrase.
pub const SOURCE_ENDS: &[&str] = &[
    "and", "or", "in", "for", "with", "about", "when", "if", "to",
];

/// First words of a heading-like question without a question mark: "Can I …", "Should
/// partners …" (the second word is one of [`QUESTION_SUBJECTS`] or the publisher's name).
pub const QUESTION_OPENERS: &[&str] = &[
    "can", "could", "should", "will", "must", "do", "does", "may", "is", "are",
];

/// Second words of such a question.
pub const QUESTION_SUBJECTS: &[&str] = &[
    "i",
    "we",
    "you",
    "partners",
    "customers",
    "my",
    "the",
    "a",
    "an",
];

/// Predicates after "should be" that are advice to the reader, not a forecast.
pub const ADVICE_STATES: &[&str] = &["sure", "aware"];

/// Words that may precede an imperative in its clause ("Please make sure", "and then ensure").
pub const IMPERATIVE_LEADERS: &[&str] = &[
    "please",
    "also",
    "always",
    "and",
    "then",
    "but",
    "or",
    "first",
    "so",
    "instead",
    "just",
    "finally",
    "therefore",
];

/// Verbs (besides [`FINITE`]) that end the subject of a "we recommend that …" clause.
pub const CLAUSE_VERBS: &[&str] = &[
    "should",
    "must",
    "will",
    "can",
    "may",
    "need",
    "use",
    "determine",
    "review",
    "create",
    "set",
    "enable",
    "turn",
    "keep",
    "add",
    "remove",
    "contact",
    "register",
    "sign",
    "check",
    "verify",
    "consider",
    "plan",
    "ensure",
    "make",
    "follow",
    "read",
    "update",
    "move",
    "start",
    "begin",
];

/// Words that may lead a "we are retiring …" clause.
pub const SCHEDULE_LEADERS: &[&str] = &["and", "but", "so", "now", "also"];

/// Progressives that are never scheduled acts ("we are sharing …", "we are looking …").
pub const NOT_SCHEDULED: &[&str] = &[
    "sharing",
    "working",
    "hearing",
    "seeing",
    "listening",
    "looking",
];

/// Quantifiers that open a subject which requires nothing: "No partner action is required".
pub const NO_QUANTIFIERS: &[&str] = &["no", "none", "nothing"];

/// Verbs of a right granted by a program, licence or agreement: with them "X can V" is a
/// permission ("Indirect providers can sell third party offers"); with any other verb it is a
/// capability of the product ("The IT administrator can configure these settings"), no
/// decision (issue 13).
pub const ENTITLEMENT_VERBS: &[&str] = &[
    "sell",
    "resell",
    "buy",
    "purchase",
    "order",
    "transact",
    "earn",
    "claim",
    "redeem",
    "receive",
    "nominate",
    "redistribute",
    "distribute",
    "sublicense",
    "license",
    "cancel",
    "return",
    "refund",
    "transfer",
    "renew",
    "opt",
    "keep",
    "retain",
    "continue",
];

/// Words right after "X can V" that restrict how much X may do: "can create **one** sandbox
/// tenant", "can add **up to** ten users".
pub const QUANTITY_LIMITS: &[&str] = &["one", "up", "no", "at", "two", "three"];

/// Words that make a sentence's main clause a consequence: "If you enable this policy, the app
/// will be installed", "After you change this setting, … Cortana will not be available". A
/// thing's "will" under them is behaviour, not a commitment (issue 13).
pub const CONDITIONS: &[&str] = &["if", "when", "whenever", "unless", "once"];

/// Participles of what software does to data and devices: a thing's "will be returned /
/// written / padded" describes the software, not a commitment of its publisher.
pub const SOFTWARE_PARTICIPLES: &[&str] = &[
    "returned",
    "written",
    "read",
    "treated",
    "padded",
    "computed",
    "calculated",
    "rounded",
    "truncated",
    "ignored",
    "interpreted",
    "converted",
    "stored",
    "printed",
    "logged",
    "rescaled",
    "flipped",
    "allocated",
    "measured",
    "evaluated",
    "executed",
    "run",
    "called",
    "invoked",
    "followed",
    "synced",
    "synchronized",
    "cached",
    "loaded",
    "saved",
    "copied",
    "processed",
    "triggered",
    "restarted",
    "rebooted",
    "installed",
    "downloaded",
];

/// Verbs of a guide's own narrative: "we'll go over how to …", "you'll configure …" tell what
/// the text does next, not what anyone commits to.
pub const DISCOURSE_VERBS: &[&str] = &[
    "go",
    "cover",
    "discuss",
    "explain",
    "describe",
    "show",
    "demonstrate",
    "walk",
    "look",
    "explore",
    "learn",
    "outline",
    "summarize",
    "examine",
    "focus",
    "talk",
    "illustrate",
    "highlight",
    "dive",
];

/// Verbs of a state or property, after which a thing's "must" / "should" states a requirement
/// on it ("Each array should contain a list of ints", "X must have a name"). A thing's
/// "must" / "needs to" before an act of its own ("the device needs to download the update",
/// "code integrity needs to extend past …") describes the software (issue 13).
pub const STATE_VERBS: &[&str] = &[
    "be",
    "have",
    "contain",
    "include",
    "match",
    "equal",
    "exist",
    "consist",
    "satisfy",
    "meet",
    "conform",
    "comply",
    "remain",
    "stay",
    "correspond",
    "point",
    "refer",
    "reference",
    "use",
    "come",
    "start",
    "end",
    "begin",
    "fit",
    "support",
];

/// Predicates after a thing's "should be" that forecast rather than require: "it should be
/// ready in a few minutes".
pub const FORECAST_STATES: &[&str] = &[
    "able",
    "ready",
    "visible",
    "enough",
    "fine",
    "complete",
    "done",
    "back",
    "available",
    "shown",
    "displayed",
    "listed",
    "possible",
    "there",
    "here",
];

/// What a thing may require of the reader: something to hold or obtain first. "Requires an Azure
/// AD Premium subscription" is a requirement; "requires one auxiliary qubit" is a cost.
pub const PREREQUISITES: &[&str] = &[
    "subscription",
    "subscriptions",
    "license",
    "licenses",
    "licence",
    "licences",
    "role",
    "roles",
    "permission",
    "permissions",
    "account",
    "accounts",
    "version",
    "build",
    "access",
    "approval",
    "consent",
    "membership",
    "enrollment",
    "enrolment",
    "registration",
    "rights",
    "privileges",
    "agreement",
    "certificate",
    "administrator",
    "admin",
    // "(requires manual updates via a provisioning package)": an act the reader does by hand.
    "manual",
];

/// Participles of acts the reader may choose to do to a thing: "may be set to 0", "may be
/// omitted". Other "may be" of things are possibilities ("may be required", "may be delayed").
pub const READER_ACTS: &[&str] = &[
    "set",
    "changed",
    "omitted",
    "left",
    "used",
    "specified",
    "provided",
    "passed",
    "modified",
    "customized",
    "adjusted",
    "configured",
    "reused",
    "skipped",
    "chosen",
    "selected",
    "entered",
    "edited",
    "deleted",
    "renamed",
    "shared",
    "redistributed",
];

/// Verbs that, with "in" right after them or alone, enter a programme: "partners can enroll in
/// the reseller program", "all partners can participate" are a right the programme grants,
/// while "users can enroll their devices", "we can join both users to the group" (with an
/// object) are what the product lets them do.
pub const PROGRAMME_ENTRY: &[&str] = &["enroll", "enrol", "participate", "join"];

/// Frames that make the first person plural the guide's own narrative: "In this section, we
/// will create …", "In the next step, we'll call …" — what the text does, not what the
/// publisher commits to. The words after "in" (a determiner, maybe "next"/"following") and
/// before the unit of a document.
pub const NARRATIVE_FRAME_WORDS: &[&str] = &[
    "this",
    "the",
    "that",
    "these",
    "next",
    "following",
    "previous",
    "last",
    "first",
    "second",
    "third",
    "final",
    "each",
];

/// The units of a document or exercise that a narrative frame names.
pub const DOCUMENT_UNITS: &[&str] = &[
    "step",
    "steps",
    "section",
    "article",
    "tutorial",
    "example",
    "guide",
    "walkthrough",
    "procedure",
    "quickstart",
    "lab",
    "exercise",
    "module",
    "topic",
    "unit",
    "part",
    "lesson",
    "scenario",
    "sample",
    "demo",
    "chapter",
    "task",
    "stage",
    "phase",
];

/// Verbs of what reaches the reader: "you should receive the app", "you should hear a chime"
/// are an expected outcome (RULES.md item 9), not advice. Not "get": "you should get consent
/// from the customer" is advice to obtain it.
pub const OUTCOME_VERBS: &[&str] = &["receive", "hear"];

/// Things that implement a contract in reference docs: "a target machine … should replace this
/// operation", "the simulator should reject …". Their "should" of an act is a rule for whoever
/// implements them (RULES.md item 9); their "will" stays behaviour.
pub const IMPLEMENTER_THINGS: &[&str] = &[
    "machine",
    "machines",
    "simulator",
    "simulators",
    "backend",
    "backends",
    "runtime",
    "runtimes",
    "driver",
    "drivers",
    "compiler",
    "compilers",
    "server",
    "servers",
];

/// Nouns of an act a party performs: "Customer acceptance of the agreement is required",
/// "Admin consent is required": the party before the noun is the one who must act.
pub const ACT_NOUNS: &[&str] = &[
    "acceptance",
    "approval",
    "consent",
    "signature",
    "authorization",
    "authorisation",
    "confirmation",
    "attestation",
    "verification",
    "sign-off",
    "permission",
];

/// Verbs after "don't" that reassure rather than forbid: "Don't worry if …".
pub const REASSURANCES: &[&str] = &["worry", "panic", "fret"];

/// Prepositions that lead a relative pronoun ("the array **from which** an element should be
/// chosen", "a qubit **onto which** the function will be applied"): the clause has its own
/// subject, and its modal describes the antecedent. Any English preposition can lead one, so
/// the list is the closed class, not the ones seen in a corpus.
pub const PIED_PIPING: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "past",
    "per",
    "regarding",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// Verbs and participles of recovering, perceiving and knowing: "you can't undo it", "this
/// value can't be compared" report what is impossible, not a rule (issue 13). A prohibition
/// forbids an act the actor could do ("you cannot waive the free trial period").
pub const IMPOSSIBILITIES: &[&str] = &[
    "undo",
    "reverse",
    "revert",
    "recover",
    "restore",
    "retrieve",
    "compare",
    "detect",
    "guarantee",
    "predict",
    "determine",
    "tell",
    "undone",
    "reversed",
    "reverted",
    "recovered",
    "restored",
    "retrieved",
    "compared",
    "detected",
    "guaranteed",
    "predicted",
    "determined",
    "separated",
    "displayed",
    "seen",
    "found",
];
