//! lede-lexicon: a lede plugin that tags the terms of a user-supplied list,
//! e.g. topic terms like "ceasefire", "hostages", "prisoner exchange".
//!
//! Terms come from the pipeline options (`terms`) and/or a file (`file`, one
//! term per line, optionally followed by a tab and a label). Matching is
//! case-insensitive, longest match first, whole words only. The plugin
//! produces the layer `lexicon`: one annotation per match, labelled with the
//! term's label, with the attribute `term` (the term as listed). It requires
//! no other layer and does no stemming: list each form you want ("hostage",
//! "hostages").

mod matcher;

use lede_plugin::{
    export_plugin, AttrValue, Document, OptionKind, OptionSpec, Options, Output, Plugin, PluginInfo,
};
use matcher::Lexicon;

/// The plugin: a compiled term list.
pub struct LexiconPlugin {
    lexicon: Lexicon,
}

/// Reads a term file: one term per line, optionally `term<TAB>label`;
/// blank lines and lines starting with `#` are skipped.
fn add_file(lexicon: &mut Lexicon, path: &str, default_label: &str) -> Result<(), String> {
    let content = std::fs::read_to_string(path).map_err(|e| {
        format!("option `file`: cannot read {path:?} ({e}); relative paths start from the current directory")
    })?;
    for (n, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (term, label) = match line.split_once('\t') {
            Some((term, label)) if !label.trim().is_empty() => (term, label.trim()),
            Some((term, _)) => (term, default_label),
            None => (line, default_label),
        };
        lexicon
            .add(term, label)
            .map_err(|e| format!("option `file`: {path}:{}: {e}", n + 1))?;
    }
    Ok(())
}

impl Plugin for LexiconPlugin {
    const INFO: PluginInfo = PluginInfo {
        name: "lexicon",
        version: env!("CARGO_PKG_VERSION"),
        description:
            "terms from a user-supplied list (case-insensitive, longest match, whole words)",
        requires: &[],
        produces: &["lexicon"],
        options: &[
            OptionSpec {
                name: "terms",
                kind: OptionKind::StringList,
                default: None,
                help: "the terms to tag",
            },
            OptionSpec {
                name: "file",
                kind: OptionKind::String,
                default: None,
                help: "a UTF-8 file with one term per line, optionally `term<TAB>label`",
            },
            OptionSpec {
                name: "label",
                kind: OptionKind::String,
                default: Some("\"term\""),
                help: "the label of terms that have none of their own",
            },
        ],
    };

    fn new(options: &Options) -> Result<Self, String> {
        let label = options.string("label").unwrap_or("term");
        if label.trim().is_empty() {
            return Err("option `label` must not be empty".to_string());
        }
        let mut lexicon = Lexicon::new();
        for term in options.string_list("terms").unwrap_or_default() {
            lexicon
                .add(term, label)
                .map_err(|e| format!("option `terms`: {e}"))?;
        }
        if let Some(path) = options.string("file") {
            add_file(&mut lexicon, path, label)?;
        }
        if lexicon.is_empty() {
            return Err(
                "no terms: give `terms = [\"ceasefire\", ...]` and/or `file = \"terms.txt\"`"
                    .to_string(),
            );
        }
        Ok(LexiconPlugin { lexicon })
    }

    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        self.lexicon.find(doc.text(), |m| {
            out.add_with(
                m.start,
                m.end,
                &m.entry.label,
                &[("term", AttrValue::Str(&m.entry.term))],
            );
        });
        Ok(())
    }
}

export_plugin!(LexiconPlugin);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lexicon(terms: &[(&str, &str)]) -> Lexicon {
        let mut l = Lexicon::new();
        for (t, label) in terms {
            l.add(t, label).unwrap();
        }
        l
    }

    fn matches<'t>(l: &Lexicon, text: &'t str) -> Vec<(&'t str, String)> {
        let mut all = Vec::new();
        l.find(text, |m| {
            all.push((&text[m.start..m.end], m.entry.term.clone()))
        });
        all
    }

    const TOPICS: &[(&str, &str)] = &[
        ("ceasefire", "topic"),
        ("cease-fire", "topic"),
        ("hostages", "topic"),
        ("hostage", "topic"),
        ("prisoner", "topic"),
        ("prisoner exchange", "topic"),
        ("Gaza", "place"),
        ("Gaza Strip", "place"),
    ];

    #[test]
    fn tags_topics_in_a_seed_sentence_longest_first() {
        // From corpus/seeds/000: "...a ceasefire, a prisoner exchange..."
        let text = "The framework covers a 60-day ceasefire, the release of hostages and a prisoner exchange, while aid enters the Gaza Strip.";
        let l = lexicon(TOPICS);
        assert_eq!(
            matches(&l, text),
            vec![
                ("ceasefire", "ceasefire".to_string()),
                ("hostages", "hostages".to_string()),
                ("prisoner exchange", "prisoner exchange".to_string()),
                ("Gaza Strip", "Gaza Strip".to_string()),
            ]
        );
    }

    #[test]
    fn ignores_case_and_line_breaks_but_not_word_boundaries() {
        let l = lexicon(TOPICS);
        let text = "RELEASE THE HOSTAGES NOW. Talks on a Prisoner\nExchange stalled; the ceasefires failed; Gazans and hostage-taking.";
        assert_eq!(
            matches(&l, text),
            vec![
                ("HOSTAGES", "hostages".to_string()),
                ("Prisoner\nExchange", "prisoner exchange".to_string()),
                ("hostage", "hostage".to_string()),
            ]
        );
        // "cease-fire" from seed 004 is its own entry.
        assert_eq!(
            matches(&l, "a cease-fire deal"),
            vec![("cease-fire", "cease-fire".to_string())]
        );
    }

    #[test]
    fn unicode_terms_match_case_insensitively() {
        let l = lexicon(&[
            ("נתניהו", "person"),
            ("ÉTAT DE SIÈGE", "topic"),
            ("İstanbul", "place"),
        ]);
        let text = "בנימין נתניהו spoke; état de siège declared in İSTANBUL and istanbul.";
        assert_eq!(
            matches(&l, text),
            vec![
                ("נתניהו", "נתניהו".to_string()),
                ("état de siège", "ÉTAT DE SIÈGE".to_string()),
                ("İSTANBUL", "İstanbul".to_string()),
            ]
        );
    }

    #[test]
    fn options_and_files_build_the_lexicon() {
        let dir = std::env::temp_dir().join(format!("lede-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("terms.txt");
        std::fs::write(&file, "# topics\nhumanitarian aid\taid\n\nceasefire\n").unwrap();
        let json = format!(
            r#"{{"terms": ["hostages"], "file": {:?}, "label": "topic"}}"#,
            file.display().to_string()
        );
        let plugin =
            LexiconPlugin::new(&Options::parse(&json, LexiconPlugin::INFO.options).unwrap())
                .unwrap();
        let mut out = Output::in_memory();
        plugin
            .process(
                &Document::from_text("d", "Humanitarian aid, hostages and a ceasefire."),
                &mut out,
            )
            .unwrap();
        let got: Vec<(usize, usize, String)> = out
            .into_collected()
            .into_iter()
            .map(|c| (c.start, c.end, c.label))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 16, "aid".to_string()),
                (18, 26, "topic".to_string()),
                (33, 42, "topic".to_string())
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();

        let none = Options::parse("{}", LexiconPlugin::INFO.options).unwrap();
        assert!(LexiconPlugin::new(&none)
            .err()
            .unwrap()
            .starts_with("no terms"));
        let missing = Options::parse(
            r#"{"file": "/nonexistent/terms.txt"}"#,
            LexiconPlugin::INFO.options,
        )
        .unwrap();
        assert!(LexiconPlugin::new(&missing)
            .err()
            .unwrap()
            .contains("cannot read \"/nonexistent/terms.txt\""));
        let blank = Options::parse(r#"{"terms": ["  "]}"#, LexiconPlugin::INFO.options).unwrap();
        assert_eq!(
            LexiconPlugin::new(&blank).err().unwrap(),
            "option `terms`: a term is empty"
        );
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<char>().prop_map(|c| c.to_string()),
            Just("ceasefire".to_string()),
            Just("Prisoner".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("exchange".to_string()),
            Just("İ".to_string()),
            Just("s".to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn spans_are_valid_ordered_and_whole_words(text in text_strategy()) {
            let l = lexicon(&[("ceasefire", "t"), ("prisoner", "t"), ("prisoner exchange", "t"), ("i̇s", "t")]);
            let mut previous_end = 0;
            l.find(&text, |m| {
                assert!(m.start < m.end && m.end <= text.len());
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start >= previous_end);
                assert!(!text[..m.start].chars().next_back().is_some_and(char::is_alphanumeric));
                assert!(!text[m.end..].chars().next().is_some_and(char::is_alphanumeric));
                previous_end = m.end;
            });
        }

        #[test]
        fn arbitrary_terms_and_text_never_give_invalid_spans(
            terms in prop::collection::vec("\\PC{1,6}", 1..5),
            text in "\\PC{0,80}",
        ) {
            let mut l = Lexicon::new();
            for t in &terms {
                let _ = l.add(t, "t");
            }
            l.find(&text, |m| {
                assert!(text.get(m.start..m.end).is_some_and(|s| !s.is_empty()));
            });
        }
    }
}
