//! lede-numbers: every numeric expression in a news text, with its value,
//! kind, unit and hedge.
//!
//! It finds cardinals in digits or words ("35,000", "2.3 million",
//! "twenty-three", "one hundred and five"), vague plurals ("thousands of
//! prisoners", approx), fractions ("half", "two-thirds", "1/4"), ordinals,
//! percents, money ("$1.5 billion", "20 million shekels"), quantities ("40
//! square kilometres"), durations ("60-day", "seven months", "a year"), ages
//! ("43-year-old"), dates ("June 29, 2025" -> "2025-06-29", "in May" ->
//! "--05"), years and clock times ("10 p.m." -> "T22:00"), ranges ("20-30",
//! "between 20 and 30": `low`/`high`, value = low), the noun a cardinal counts
//! ("130 Israeli hostages" -> unit "hostages") and hedges kept outside the span
//! ("over [35,000]", modifier "over"). The conventions are those of the seed
//! gold (corpus/seeds/gold.jsonl); the vocabulary is in the `data/` files.
//!
//! It does not read numbers inside names and identifiers ("Channel 13",
//! "COVID-19", "F-35", URLs, phone numbers, version strings), "one" as a
//! pronoun ("one can't", "no one", "one of them"; "one official" is cardinal 1),
//! adverbial "first", vague quantifiers ("several", "a few") or Roman
//! numerals. Decades ("the 1990s", "the '90s") and year ranges ("2025-26")
//! are years with `low`/`high`; "spring 2023" is the date "2023-21"
//! (ISO 8601-2 season); temperatures ("40C", "-5°C") are quantities in
//! "°C"/"°F". Weekday names, "last summer" and "yesterday" are dates only with the
//! `relative_dates` option: resolved against a document `date`, else a
//! weekday is the ISO weekday "-W-2" and "yesterday" is not emitted.
//! A share with no amount ("a small percentage of voters") is a percent
//! whose value is unstated (JSON `null`); "penultimate" and "second to
//! last" are the ordinal "end-1"; "140 km/h" is a quantity per hour.
//!
//! It works on the bytes inside each sentence span of the `sentences` layer,
//! so a number never crosses a sentence boundary; it does not read the
//! `tokens` layer.

#![forbid(unsafe_code)]

mod dates;
mod lexicon;
mod rates;
mod scan;
mod tokens;

use lede_core::{
    layer, Document, NumberAnnotation, OptionKind, OptionSpec, OptionValue, Options, Span, Stage,
    StageError, StageInfo,
};

pub use dates::RefDate;
use lexicon::Lexicon;

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "numbers",
        description: "numeric expressions with values, units and modifiers",
        requires: &[layer::SENTENCES],
        produces: &[layer::NUMBERS],
        options: vec![OptionSpec {
            name: "relative_dates",
            kind: OptionKind::Bool,
            default: Some(OptionValue::Bool(false)),
            help:
                "also emit weekday names, last/next <weekday>, last/next <season>, yesterday, today and tomorrow \
                   as dates, resolved against the document's `date` metadata (YYYY-MM-DD); \
                   without a date a weekday is the ISO weekday \"-W-2\" and the rest is not emitted",
        }],
        build: |options: &Options| {
            let stage = NumbersStage::new(options.bool("relative_dates").unwrap_or(false))?;
            Ok(Box::new(stage))
        },
    }
}

/// The numbers stage.
#[derive(Debug)]
pub struct NumbersStage {
    lexicon: Lexicon,
    relative_dates: bool,
}

impl NumbersStage {
    /// Loads the embedded word lists.
    pub fn new(relative_dates: bool) -> Result<NumbersStage, StageError> {
        let lexicon = Lexicon::load().map_err(|message| StageError::Data {
            what: "lede-numbers word lists".to_string(),
            message,
        })?;
        Ok(NumbersStage {
            lexicon,
            relative_dates,
        })
    }

    /// The numbers of `text` inside the given sentence spans (in order).
    /// `reference` resolves relative dates when the option is on.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Span],
        reference: Option<RefDate>,
    ) -> Vec<NumberAnnotation> {
        // News text holds a number every few hundred bytes, a sentence a
        // token every five or six: start near those sizes rather than
        // growing from nothing, with room for the tokens of the longest
        // sentence (at most a few thousand: a long run of one token must
        // not reserve five times its size).
        let mut out = Vec::with_capacity((text.len() / 512).min(4096));
        let longest = sentences
            .iter()
            .map(|s| s.end().saturating_sub(s.start()))
            .max()
            .unwrap_or(0);
        let mut toks = Vec::with_capacity((longest / 4).min(4096));
        let reference = if self.relative_dates { reference } else { None };
        for sentence in sentences {
            let (start, end) = (sentence.start(), sentence.end().min(text.len()));
            if start >= end {
                continue;
            }
            toks.clear();
            tokens::tokenize(text, start, end, &self.lexicon, &mut toks);
            let scanner = scan::Scanner {
                text,
                toks: &toks,
                lex: &self.lexicon,
                reference,
                weekdays: self.relative_dates,
            };
            scanner.scan(&mut out);
        }
        // Sentences may come unsorted or overlapping from a foreign layer:
        // keep the output ordered and non-overlapping. Everything happens in
        // place (the stable sort's buffer only for unsorted input): on a
        // document that is one long list of numbers the annotations are most
        // of the memory, and a copy of them would double it.
        let key = |n: &NumberAnnotation| (n.span.start(), n.span.end());
        if !out.is_sorted_by_key(key) {
            out.sort_by_key(key);
        }
        let mut last_end = 0;
        out.retain(|n| {
            if n.span.start() < last_end {
                return false;
            }
            last_end = n.span.end();
            true
        });
        rates::fold_rates(text, &mut out);
        out.shrink_to_fit();
        out
    }

    /// The numbers of a whole text read as one sentence (for tests and quick
    /// use; the stage itself reads sentence spans).
    pub fn find_in_text(&self, text: &str) -> Vec<NumberAnnotation> {
        let all = Span::from_boundaries(text, 0, text.len());
        self.find(text, &[all], None)
    }

    /// The value of a spelled-out number that makes up all of `words`
    /// ("one hundred and five" -> 105, "twenty-three" -> 23), if it is one.
    pub fn parse_spelled(&self, words: &str) -> Option<f64> {
        let mut toks = Vec::new();
        tokens::tokenize(words, 0, words.len(), &self.lexicon, &mut toks);
        let scanner = scan::Scanner {
            text: words,
            toks: &toks,
            lex: &self.lexicon,
            reference: None,
            weekdays: false,
        };
        scanner.spelled_value()
    }
}

impl Stage for NumbersStage {
    fn name(&self) -> &str {
        "numbers"
    }
    fn requires(&self) -> Vec<String> {
        vec![layer::SENTENCES.to_string()]
    }
    fn produces(&self) -> Vec<String> {
        vec![layer::NUMBERS.to_string()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let Some(sentences) = doc.layers.sentences.as_deref() else {
            return Err(StageError::MissingLayer(layer::SENTENCES.to_string()));
        };
        let reference = doc.meta_str("date").and_then(RefDate::parse);
        let numbers = self.find(&doc.text, sentences, reference);
        doc.layers.numbers = Some(numbers);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lede_core::{NumberKind, NumberValue};

    #[test]
    fn a_rate_is_one_number_with_its_time_unit() {
        let stage = NumbersStage::new(false).expect("stage builds");
        let text = "Output rose to 3 million barrels a day, and a day later it fell.";
        let found = stage.find_in_text(text);
        let rate = &found[0];
        assert_eq!(rate.span.text(text), "3 million barrels");
        assert_eq!(rate.per.as_deref(), Some("day"));
        // "a day later" is not a rate: it stays a duration of one day.
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].kind, NumberKind::Duration);
        assert_eq!(found[1].per, None);
    }

    fn doc(text: &str, date: Option<&str>) -> Document {
        let mut doc = Document::new("t", text);
        doc.layers.sentences = Some(vec![Span::from_boundaries(text, 0, text.len())]);
        if let Some(d) = date {
            doc.metadata
                .insert("date".into(), serde_json::Value::String(d.into()));
        }
        doc
    }

    fn built(relative: bool) -> Box<dyn Stage> {
        let info = stage_info();
        let mut options = Options::defaults(&info.options);
        options.insert("relative_dates", OptionValue::Bool(relative));
        (info.build)(&options).expect("stage builds")
    }

    /// The (text, value) pairs the stage finds in `text`, read as one
    /// sentence of a document with the given `date`.
    fn values<'t>(
        stage: &dyn Stage,
        text: &'t str,
        date: Option<&str>,
    ) -> Vec<(&'t str, NumberValue)> {
        let mut d = doc(text, date);
        stage.process(&mut d).expect("runs");
        d.layers
            .numbers
            .unwrap_or_default()
            .iter()
            .map(|n| (n.span.text(text), n.value.clone()))
            .collect()
    }

    #[test]
    fn relative_dates_are_off_by_default() {
        let info = stage_info();
        let stage = (info.build)(&Options::defaults(&info.options)).expect("stage builds");
        let mut d = doc(
            "Talks resumed on Saturday, a day after yesterday's strike.",
            Some("2025-10-09"),
        );
        stage.process(&mut d).expect("runs");
        let numbers = d.layers.numbers.expect("layer");
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        assert_eq!(numbers[0].kind, NumberKind::Duration);
    }

    #[test]
    fn relative_dates_resolve_against_the_document_date() {
        let stage = built(true);
        // 2025-10-09 was a Thursday.
        let text =
            "Talks resumed on Saturday after a strike last Wednesday; envoys return tomorrow.";
        assert_eq!(
            values(stage.as_ref(), text, Some("2025-10-09")),
            vec![
                ("Saturday", NumberValue::Text("2025-10-04".into())),
                ("last Wednesday", NumberValue::Text("2025-10-01".into())),
                ("tomorrow", NumberValue::Text("2025-10-10".into())),
            ]
        );
        // Without a document date a weekday is an ISO weekday of no
        // particular week, and "tomorrow" is not emitted.
        assert_eq!(
            values(stage.as_ref(), text, None),
            vec![
                ("Saturday", NumberValue::Text("-W-6".into())),
                ("Wednesday", NumberValue::Text("-W-3".into())),
            ]
        );
    }

    #[test]
    fn a_season_without_its_year_needs_the_document_date() {
        let stage = built(true);
        let text = "The dam ran dry last summer, and repairs start next spring.";
        assert_eq!(
            values(stage.as_ref(), text, Some("2025-10-09")),
            vec![
                ("last summer", NumberValue::Text("2025-22".into())),
                ("next spring", NumberValue::Text("2026-21".into())),
            ]
        );
        assert_eq!(values(stage.as_ref(), text, None), vec![]);
    }

    #[test]
    fn numbers_stay_inside_their_sentence() {
        let text = "The vote was 35.\n000 people waited.";
        let cut = text.find('\n').expect("newline");
        let stage = NumbersStage::new(false).expect("builds");
        let sentences = [
            Span::from_boundaries(text, 0, cut),
            Span::from_boundaries(text, cut + 1, text.len()),
        ];
        let found = stage.find(text, &sentences, None);
        let spans: Vec<&str> = found.iter().map(|n| n.span.text(text)).collect();
        assert_eq!(spans, ["35", "000"]);
    }
}
