use lede_core::StageInfo;

/// Every built-in stage, in the order a news pipeline uses them.
pub fn builtin_stages() -> Vec<StageInfo> {
    vec![
        lede_segment::stage_info(),
        lede_ner::stage_info(),
        lede_numbers::stage_info(),
        lede_quotes::stage_info(),
    ]
}
