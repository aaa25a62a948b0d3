//! Property tests for any plugin, as built-in stages have them (feature
//! `testing`, for a plugin's dev-dependencies):
//!
//! ```text
//! [dev-dependencies]
//! lede-plugin = { path = "...", features = ["testing"] }
//! ```
//!
//! [`news_text`] generates news-like text (names, quotes in several styles,
//! numbers, URLs, handles, combining marks, emoji, arbitrary Unicode), and
//! [`check_invariants`] checks, in one call, what lede requires of every
//! stage: it never panics and returns `Ok` on any text; every span is in
//! bounds, not reversed and on char boundaries, and goes to a declared
//! layer; the output is deterministic; and time grows linearly with the
//! text. Documents come from [`Document::from_text`], so they have no input
//! layers: a plugin that requires layers is checked on what it does
//! without them.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use crate::{Collected, Document, Options, Output, Plugin};

/// Pieces of news text, joined at random by [`news_text`].
const PIECES: &[&str] = &[
    "Hamas",
    "Israel",
    "said",
    "the",
    "ceasefire",
    "talks",
    "in",
    "Gaza",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ".\n",
    "\n\n",
    "“",
    "”",
    "„",
    "«",
    "»",
    "\"",
    "'",
    "’s",
    "—",
    "–",
    "(",
    ")",
    "U.S.",
    "Mr. Witkoff",
    "Steve Witkoff",
    "Prime Minister",
    "NATO",
    "UNRWA",
    "1,200",
    "30%",
    "$3.5 billion",
    "on Sunday",
    "Oct. 7",
    "2023",
    "İstanbul",
    "Zürich",
    "é",
    "e\u{301}",
    "😀",
    "🇮🇱",
    "ק",
    "عربي",
    "@netanyahu",
    "#Gaza",
    "https://t.co/hfkct0Sqw7",
    "tips@example.org",
    "\u{200b}",
    "\t",
    "...",
    "?!",
    "HOSTAGES",
    "truce",
];

/// News-like text of up to about 80 pieces, or arbitrary Unicode.
pub fn news_text() -> impl Strategy<Value = String> {
    let pieces =
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|parts| parts.concat());
    prop_oneof![4 => pieces, 1 => any::<String>()]
}

/// Runs `P` built from `options_json` (a JSON object, `""` for the
/// defaults) over `cases` generated texts and checks the standard
/// invariants (see the module docs); panics with the smallest failing text.
/// Then checks linear time on a long news text.
pub fn check_invariants<P: Plugin>(options_json: &str) {
    check_invariants_with::<P>(options_json, 256);
}

/// [`check_invariants`] with a chosen number of generated texts.
pub fn check_invariants_with<P: Plugin>(options_json: &str, cases: u32) {
    let options = Options::parse(options_json, P::INFO.options)
        .unwrap_or_else(|e| panic!("options {options_json:?}: {e}"));
    let plugin = P::new(&options).unwrap_or_else(|e| panic!("{}: new failed: {e}", P::INFO.name));
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&news_text(), |text| {
        let first = run(&plugin, &text).map_err(TestCaseError::fail)?;
        check_spans::<P>(&text, &first).map_err(TestCaseError::fail)?;
        let second = run(&plugin, &text).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&first, &second, "not deterministic");
        Ok(())
    });
    if let Err(e) = result {
        panic!("plugin `{}` breaks an invariant: {e}", P::INFO.name);
    }
    check_linear_time(&plugin);
}

/// Processes `text` and returns what the plugin wrote, or why it failed.
fn run<P: Plugin>(plugin: &P, text: &str) -> Result<Vec<Collected>, String> {
    let doc = Document::from_text("test", text);
    let mut out = Output::in_memory();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        plugin.process(&doc, &mut out)
    }));
    match outcome {
        Ok(Ok(())) => Ok(out.into_collected()),
        Ok(Err(message)) => Err(format!("returned Err({message:?}) on {text:?}")),
        Err(_) => Err(format!("panicked on {text:?}")),
    }
}

fn check_spans<P: Plugin>(text: &str, found: &[Collected]) -> Result<(), String> {
    let layers = P::INFO.produces.len();
    for a in found {
        if a.layer >= layers {
            return Err(format!("annotation to layer #{} of {layers}", a.layer));
        }
        if a.start > a.end || a.end > text.len() {
            return Err(format!(
                "span {}..{} out of 0..{}",
                a.start,
                a.end,
                text.len()
            ));
        }
        if !text.is_char_boundary(a.start) || !text.is_char_boundary(a.end) {
            return Err(format!(
                "span {}..{} is not on char boundaries of {text:?}",
                a.start, a.end
            ));
        }
    }
    Ok(())
}

/// The fastest of five runs over each text, alternating between them so a
/// busy machine slows both alike.
fn best_times<P: Plugin>(plugin: &P, short: &str, long: &str) -> (Duration, Duration) {
    let time = |text: &str| {
        let started = Instant::now();
        let _ = run(plugin, text);
        started.elapsed()
    };
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        best.0 = best.0.min(time(short));
        best.1 = best.1.min(time(long));
    }
    best
}

/// Eight times the text must not take much more than eight times as long: a
/// quadratic plugin takes 64 times. The bound (40 times, plus 50 ms) is
/// loose so that a loaded machine does not fail it.
fn check_linear_time<P: Plugin>(plugin: &P) {
    let paragraph = "Mediators said on Sunday that the ceasefire in Gaza held, and Mr. Witkoff \
                     told NATO that “over 1,200 hostages” would be freed within 30 days. ";
    let short = paragraph.repeat(200);
    let long = paragraph.repeat(1600);
    let (t_short, t_long) = best_times(plugin, &short, &long);
    let limit = t_short * 40 + Duration::from_millis(50);
    assert!(
        t_long <= limit,
        "plugin `{}` is not linear in time: {:?} for {} bytes, {:?} for 8 times as many",
        P::INFO.name,
        t_short,
        short.len(),
        t_long
    );
}
