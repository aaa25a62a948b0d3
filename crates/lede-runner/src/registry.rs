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

#[cfg(test)]
mod tests {
    use lede_core::Options;

    /// Building reads the options; a read of an undeclared name (a typo in
    /// the stage's code) fails the debug assertion in `Options::get`.
    #[test]
    fn every_builtin_stage_builds_with_its_defaults_and_reads_only_declared_options() {
        for info in super::builtin_stages() {
            let stage = (info.build)(&Options::defaults(&info.options))
                .unwrap_or_else(|e| panic!("{}: {e}", info.id));
            assert_eq!(stage.name(), info.id);
        }
    }
}
