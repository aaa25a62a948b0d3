//! lede-handles: a lede plugin that tags URLs, email addresses, @handles
//! and #hashtags, as found in news articles quoting social media posts.
//!
//! It produces the layer `handles`, one annotation per match with the label
//! `url`, `email`, `handle` or `hashtag` and one attribute: `host` (URL),
//! `domain` (email), `user` (handle, without `@`) or `tag` (hashtag, without
//! `#`). It requires no other layer. It does not resolve or follow links.

mod scan;

use lede_plugin::{
    export_plugin, AttrValue, Document, OptionKind, OptionSpec, Options, Output, Plugin, PluginInfo,
};
use scan::Config;

/// The plugin: a scanner configuration.
pub struct Handles {
    config: Config,
}

impl Plugin for Handles {
    const INFO: PluginInfo = PluginInfo {
        name: "handles",
        version: env!("CARGO_PKG_VERSION"),
        description: "URLs, email addresses, @handles and #hashtags",
        requires: &[],
        produces: &["handles"],
        options: &[
            OptionSpec {
                name: "kinds",
                kind: OptionKind::StringList,
                default: Some(r#"["url", "email", "handle", "hashtag"]"#),
                help: "what to find: any of url, email, handle, hashtag",
            },
            OptionSpec {
                name: "min_length",
                kind: OptionKind::Int,
                default: Some("1"),
                help: "the fewest characters of a handle's or hashtag's name",
            },
        ],
    };

    fn new(options: &Options) -> Result<Self, String> {
        let mut config = Config {
            urls: false,
            emails: false,
            handles: false,
            hashtags: false,
            min_length: 1,
        };
        for kind in options.string_list("kinds").unwrap_or_default() {
            match kind {
                "url" => config.urls = true,
                "email" => config.emails = true,
                "handle" => config.handles = true,
                "hashtag" => config.hashtags = true,
                other => {
                    return Err(format!(
                        "option `kinds`: unknown kind {other:?}; use url, email, handle, hashtag"
                    ))
                }
            }
        }
        let min_length = options.int("min_length").unwrap_or(1);
        if min_length < 1 {
            return Err(format!(
                "option `min_length` must be at least 1, not {min_length}"
            ));
        }
        config.min_length = usize::try_from(min_length).unwrap_or(usize::MAX);
        Ok(Handles { config })
    }

    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        scan::scan(doc.text(), &self.config, |f| {
            out.add_with(
                f.start,
                f.end,
                f.kind.as_str(),
                &[(f.kind.value_name(), AttrValue::Str(f.value))],
            );
        });
        Ok(())
    }
}

export_plugin!(Handles);

#[cfg(test)]
mod tests {
    use super::*;
    use lede_plugin::{Collected, CollectedAttr};
    use proptest::prelude::*;

    #[test]
    fn holds_the_invariants_of_every_stage() {
        lede_plugin::testing::check_invariants::<Handles>("");
        lede_plugin::testing::check_invariants::<Handles>(r#"{"kinds": ["url"], "min_length": 3}"#);
    }

    fn found(text: &str) -> Vec<(&str, &str, String)> {
        found_with(text, Config::default())
    }

    fn found_with(text: &str, config: Config) -> Vec<(&str, &str, String)> {
        let mut all = Vec::new();
        scan::scan(text, &config, |f| {
            all.push((f.kind.as_str(), &text[f.start..f.end], f.value.to_string()))
        });
        all
    }

    #[test]
    fn finds_the_embedded_tweet_in_seed_003() {
        let text = "Thank you again, @realDonaldTrump.\nTogether, we will make the Middle East Great Again! https://t.co/hfkct0Sqw7\n— Benjamin Netanyahu – בנימין נתניהו (@netanyahu) June 29, 2025";
        assert_eq!(
            found(text),
            vec![
                ("handle", "@realDonaldTrump", "realDonaldTrump".to_string()),
                ("url", "https://t.co/hfkct0Sqw7", "t.co".to_string()),
                ("handle", "@netanyahu", "netanyahu".to_string()),
            ]
        );
    }

    #[test]
    fn urls_leave_sentence_punctuation_and_unopened_brackets_out() {
        let text = "Read the statement (at https://www.un.org/sg/en/content/sg/statement/2025-07-02/gaza), then see www.who.int/news. Also http://en.wikipedia.org/wiki/Gaza_(disambiguation).";
        assert_eq!(
            found(text),
            vec![
                (
                    "url",
                    "https://www.un.org/sg/en/content/sg/statement/2025-07-02/gaza",
                    "www.un.org".to_string()
                ),
                ("url", "www.who.int/news", "www.who.int".to_string()),
                (
                    "url",
                    "http://en.wikipedia.org/wiki/Gaza_(disambiguation)",
                    "en.wikipedia.org".to_string()
                ),
            ]
        );
        assert_eq!(
            found("the “https://t.co/abc” link"),
            vec![("url", "https://t.co/abc", "t.co".to_string())]
        );
        assert_eq!(
            found("(see https://x.org/a_(b))."),
            vec![("url", "https://x.org/a_(b)", "x.org".to_string())]
        );
        assert!(found("see https:// or www. for details").is_empty());
        assert!(found("the showhttp://x.com bug").is_empty());
    }

    #[test]
    fn emails_are_not_taken_for_handles() {
        let text =
            "Tips can be sent to tips@timesofisrael.com or to the desk (press.office@un.org).";
        assert_eq!(
            found(text),
            vec![
                (
                    "email",
                    "tips@timesofisrael.com",
                    "timesofisrael.com".to_string()
                ),
                ("email", "press.office@un.org", "un.org".to_string()),
            ]
        );
        // No dot in the domain: neither an email nor a handle.
        assert!(found("write to me@home today").is_empty());
    }

    #[test]
    fn hashtags_need_a_letter_and_may_be_in_any_script() {
        let text = "Protesters chanted #BringThemHomeNow and #הביתה, ranked #1 on the list; see item&#39;s note.";
        assert_eq!(
            found(text),
            vec![
                (
                    "hashtag",
                    "#BringThemHomeNow",
                    "BringThemHomeNow".to_string()
                ),
                ("hashtag", "#הביתה", "הביתה".to_string()),
            ]
        );
    }

    #[test]
    fn options_choose_kinds_and_minimum_length() {
        let config = Config {
            urls: false,
            hashtags: false,
            min_length: 3,
            ..Config::default()
        };
        let text = "@ab and @UN met @IDF at #Gaza https://t.co/x";
        assert_eq!(
            found_with(text, config),
            vec![("handle", "@IDF", "IDF".to_string())]
        );
        let options =
            Options::parse(r#"{"kinds": ["hashtag", "links"]}"#, Handles::INFO.options).unwrap();
        assert_eq!(
            Handles::new(&options).err().unwrap(),
            "option `kinds`: unknown kind \"links\"; use url, email, handle, hashtag"
        );
        let options = Options::parse(r#"{"min_length": 0}"#, Handles::INFO.options).unwrap();
        assert!(Handles::new(&options).is_err());
    }

    #[test]
    fn the_plugin_writes_labels_and_attributes() {
        let plugin = Handles::new(&Options::parse("", Handles::INFO.options).unwrap()).unwrap();
        let mut out = Output::in_memory();
        plugin
            .process(
                &Document::from_text("t", "Follow @AP for #Gaza news."),
                &mut out,
            )
            .unwrap();
        assert_eq!(
            out.into_collected(),
            vec![
                Collected {
                    layer: 0,
                    start: 7,
                    end: 10,
                    label: "handle".into(),
                    attrs: vec![("user".into(), CollectedAttr::Str("AP".into()))]
                },
                Collected {
                    layer: 0,
                    start: 15,
                    end: 20,
                    label: "hashtag".into(),
                    attrs: vec![("tag".into(), CollectedAttr::Str("Gaza".into()))]
                },
            ]
        );
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        // Arbitrary Unicode mixed with the characters the scanner reacts to.
        let piece = prop_oneof![
            any::<char>().prop_map(|c| c.to_string()),
            Just("@".to_string()),
            Just("#".to_string()),
            Just("https://".to_string()),
            Just("www.".to_string()),
            Just(".".to_string()),
            Just("a".to_string()),
            Just("é".to_string()),
            Just(" ".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("\u{0301}".to_string()),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn spans_are_valid_ordered_and_disjoint(text in text_strategy()) {
            let mut previous_end = 0;
            scan::scan(&text, &Config::default(), |f| {
                assert!(f.start < f.end && f.end <= text.len());
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                assert!(f.start >= previous_end);
                let covered = &text[f.start..f.end];
                assert!(!covered.chars().any(char::is_whitespace));
                // The value lies inside the match.
                let v = f.value.as_ptr() as usize - text.as_ptr() as usize;
                assert!(v >= f.start && v + f.value.len() <= f.end);
                previous_end = f.end;
            });
        }

        #[test]
        fn any_kind_can_be_found_in_arbitrary_text(text in "\\PC{0,80}") {
            let mut n = 0;
            scan::scan(&text, &Config::default(), |f| {
                assert!(text.get(f.start..f.end).is_some());
                n += 1;
            });
            prop_assert!(n <= text.len());
        }
    }
}
