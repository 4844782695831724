//! Simplified Chinese, matched character by character (no spaces between words). Single
//! characters that are cues (可 "may", 能 "can", 应 "should", 会 and 将 "will") are also parts
//! of common words that are not (可能 "maybe", 功能 "feature", 应用 "application", 机会
//! "opportunity"): those are listed as not cues, and a longer word wins.
//!
//! Written by reading the partner-center-zh-cn translations of the English decisions.

use super::{c, Script, TargetLexicon};
use crate::decide::Modality::*;

pub(super) const ZH: TargetLexicon = TargetLexicon {
    language: "zh",
    script: Script::Unspaced,
    cues: &[
        c(
            "不得|不能|不可|不可以|不要|请勿|切勿|禁止|不允许|不应|不应该|不应当|无法|将无法",
            MustNot,
        ),
        // No obligation: at most a permission not to.
        c("不需要|无需|无须|不必|不用", May),
        c("不会|将不|将不会|不再|将不再", WillNot),
        c("必须|必需|需要|需|须|务必|确保|请确保", Must),
        c("应|应该|应当|建议|推荐|鼓励|希望|期望", Should),
        c("可以|可|能够|能|允许|有资格|有权", May),
        c("将|会|将会", Will),
    ],
    not_cues: &[
        "可能",
        "可能会",
        "功能",
        "性能",
        "智能",
        "能力",
        "技能",
        "能源",
        "未能",
        "许可",
        "认可",
        "可用",
        "可选",
        "可见",
        "可靠",
        "应用",
        "供应",
        "响应",
        "相应",
        "对应",
        "适应",
        "反应",
        "回应",
        "会议",
        "机会",
        "社会",
        "会员",
        "会话",
        "会计",
        "协会",
        "委员会",
        "理事会",
        "将来",
        "需求",
    ],
    skip: &[],
    subordinators: &[
        "如果", "若", "若要", "为了", "当", "除非", "一旦", "因为", "由于", "虽然", "尽管", "以便",
        "即使", "假如", "只要",
    ],
    relatives: &[],
    gap_stops: &[],
    negators: &[],
    future_endings: &[],
    future_exceptions: &[],
    future_words: &[],
};
