//! Prints the sentences and the unusual tokens (anything but plain words,
//! plain numbers and single punctuation marks) of text files, for review.
//!
//! cargo run -p lede-segment --example dump -- corpus/seeds/*.txt

fn main() {
    let segmenter = lede_segment::Segmenter::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        println!("== {path}");
        for s in segmenter.sentences(&text) {
            println!("S| {}", s.text(&text));
        }
        for t in segmenter.tokens(&text) {
            let w = t.span.text(&text);
            let plain = w.chars().all(char::is_alphanumeric) || w.chars().count() == 1;
            if !plain {
                println!("T| {w:?} {}", t.kind.as_str());
            }
        }
    }
}
