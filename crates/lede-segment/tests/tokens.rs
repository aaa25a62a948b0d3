//! Tokens of real news phrases, with the conventions of the crate docs.

use lede_segment::{Segmenter, TokenKind};

fn toks(text: &str) -> Vec<&str> {
    Segmenter::new()
        .tokens(text)
        .iter()
        .map(|t| t.span.text(text))
        .collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    Segmenter::new()
        .tokens(text)
        .iter()
        .map(|t| (t.span.text(text), t.kind))
        .collect()
}

#[test]
fn possessives_and_contractions_split_treebank_style() {
    assert_eq!(toks("Hamas’s rejection"), ["Hamas", "’s", "rejection"]);
    assert_eq!(toks("Netanyahu's office"), ["Netanyahu", "'s", "office"]);
    assert_eq!(toks("They don’t know"), ["They", "do", "n’t", "know"]);
    assert_eq!(
        toks("It can't work and won’t"),
        ["It", "ca", "n't", "work", "and", "wo", "n’t"]
    );
    assert_eq!(
        toks("they’ll say I’m wrong, we’ve heard"),
        ["they", "’ll", "say", "I", "’m", "wrong", ",", "we", "’ve", "heard"]
    );
    assert_eq!(toks("O’Brien’s view"), ["O’Brien", "’s", "view"]);
    assert_eq!(
        toks("the Israelis’ anger"),
        ["the", "Israelis", "’", "anger"]
    );
    assert_eq!(
        toks("the charge d'affaires"),
        ["the", "charge", "d'affaires"]
    );
    // Already split (CoNLL-style input) stays as it is.
    assert_eq!(
        toks("Hamas 's reply does n't"),
        ["Hamas", "'s", "reply", "does", "n't"]
    );
}

#[test]
fn hyphenated_words_stay_whole() {
    assert_eq!(
        toks("a U.S.-brokered 60-day ceasefire"),
        ["a", "U.S.-brokered", "60-day", "ceasefire"]
    );
    assert_eq!(toks("Khalil al-Hayya said"), ["Khalil", "al-Hayya", "said"]);
    assert_eq!(
        toks("a 43-year-old teacher"),
        ["a", "43-year-old", "teacher"]
    );
    // U+2011 non-breaking hyphen, as in the seeds.
    assert_eq!(toks("pre\u{2011}March 2"), ["pre\u{2011}March", "2"]);
    assert_eq!(
        toks("Israeli-Palestinian talks"),
        ["Israeli-Palestinian", "talks"]
    );
    // An en dash between words is punctuation.
    assert_eq!(
        toks("American–Israeli ties"),
        ["American", "–", "Israeli", "ties"]
    );
}

#[test]
fn numbers_keep_separators_and_decimals() {
    assert_eq!(
        toks("over 35,000 lives, 2.3 million people and 1,000.5 tonnes"),
        ["over", "35,000", "lives", ",", "2.3", "million", "people", "and", "1,000.5", "tonnes"]
    );
    assert_eq!(
        toks("at 10:30 on 1996-08-30, 1/2 of"),
        ["at", "10:30", "on", "1996-08-30", ",", "1/2", "of"]
    );
    assert_eq!(
        toks("$35 billion, 50%"),
        ["$", "35", "billion", ",", "50", "%"]
    );
    assert_eq!(toks("in 2019."), ["in", "2019", "."]);
    assert_eq!(toks("1, 2, 3"), ["1", ",", "2", ",", "3"]);
    let k = kinds("35,000 2.3 60-day 3rd COVID-19 $ +48 .496");
    assert_eq!(
        k,
        [
            ("35,000", TokenKind::Number),
            ("2.3", TokenKind::Number),
            ("60-day", TokenKind::Word),
            ("3rd", TokenKind::Word),
            ("COVID-19", TokenKind::Word),
            ("$", TokenKind::Symbol),
            ("+48", TokenKind::Number),
            (".496", TokenKind::Number),
        ]
    );
}

#[test]
fn abbreviations_and_initials_keep_their_period() {
    assert_eq!(
        toks("Mr. Witkoff and Vice President J.D. Vance"),
        [
            "Mr.",
            "Witkoff",
            "and",
            "Vice",
            "President",
            "J.D.",
            "Vance"
        ]
    );
    assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    assert_eq!(toks("at 10 p.m."), ["at", "10", "p.m."]);
    assert_eq!(
        toks("the U.S. and U.N. envoys"),
        ["the", "U.S.", "and", "U.N.", "envoys"]
    );
    assert_eq!(
        toks("Apple Inc. and Boeing Co."),
        ["Apple", "Inc.", "and", "Boeing", "Co."]
    );
    assert_eq!(
        toks("on Jan. 19, e.g. today"),
        ["on", "Jan.", "19", ",", "e.g.", "today"]
    );
    assert_eq!(toks("Hamas said."), ["Hamas", "said", "."]);
    assert_eq!(
        toks("“MAKE THE DEAL IN GAZA."),
        ["“", "MAKE", "THE", "DEAL", "IN", "GAZA", "."]
    );
}

#[test]
fn list_numbers_opening_a_line_keep_their_period() {
    assert_eq!(
        toks("1. Michael Schumacher\n2. Damon Hill"),
        ["1.", "Michael", "Schumacher", "2.", "Damon", "Hill"]
    );
    assert_eq!(toks("He came 2. Then"), ["He", "came", "2", ".", "Then"]);
}

#[test]
fn urls_emails_handles_hashtags_and_emoji_are_single_tokens() {
    assert_eq!(
        kinds("See https://t.co/x1Y2. Mail press@idf.il, @realDonaldTrump #Gaza2025 (www.nytimes.com/live)."),
        [
            ("See", TokenKind::Word),
            ("https://t.co/x1Y2", TokenKind::Url),
            (".", TokenKind::Punctuation),
            ("Mail", TokenKind::Word),
            ("press@idf.il", TokenKind::Email),
            (",", TokenKind::Punctuation),
            ("@realDonaldTrump", TokenKind::Handle),
            ("#Gaza2025", TokenKind::Hashtag),
            ("(", TokenKind::Punctuation),
            ("www.nytimes.com/live", TokenKind::Url),
            (")", TokenKind::Punctuation),
            (".", TokenKind::Punctuation),
        ]
    );
    assert_eq!(
        kinds("nytimes.com/2025/07/04 and (https://en.wikipedia.org/wiki/Gaza_(city))"),
        [
            ("nytimes.com/2025/07/04", TokenKind::Url),
            ("and", TokenKind::Word),
            ("(", TokenKind::Punctuation),
            ("https://en.wikipedia.org/wiki/Gaza_(city)", TokenKind::Url),
            (")", TokenKind::Punctuation),
        ]
    );
    assert_eq!(
        kinds("🇮🇱 👍🏽 👨\u{200D}👩\u{200D}👧 ❤\u{FE0F}"),
        [
            ("🇮🇱", TokenKind::Emoji),
            ("👍🏽", TokenKind::Emoji),
            ("👨\u{200D}👩\u{200D}👧", TokenKind::Emoji),
            ("❤\u{FE0F}", TokenKind::Emoji),
        ]
    );
    // A lone sign is a symbol, a number after # is not a hashtag.
    assert_eq!(
        kinds("@ #1"),
        [
            ("@", TokenKind::Symbol),
            ("#", TokenKind::Symbol),
            ("1", TokenKind::Number)
        ]
    );
}

#[test]
fn punctuation_is_one_token_per_mark() {
    assert_eq!(toks("He said... Then"), ["He", "said", "...", "Then"]);
    assert_eq!(toks("children…but"), ["children", "…", "but"]);
    assert_eq!(
        toks("first stage—agreeing"),
        ["first", "stage", "—", "agreeing"]
    );
    assert_eq!(toks("(PC, AJA)"), ["(", "PC", ",", "AJA", ")"]);
    assert_eq!(toks("“days,” Trump"), ["“", "days", ",", "”", "Trump"]);
    assert_eq!(
        toks("score 4-1 -- a win"),
        ["score", "4-1", "--", "a", "win"]
    );
    assert_eq!(
        toks("AT&T and S&P, R&D vs. rock & roll"),
        ["AT&T", "and", "S&P", ",", "R&D", "vs.", "rock", "&", "roll"]
    );
    assert_eq!(toks("C$ 5 and US$10"), ["C$", "5", "and", "US$", "10"]);
}

#[test]
fn other_scripts() {
    assert_eq!(toks("בנימין נתניהו said"), ["בנימין", "נתניהו", "said"]);
    assert_eq!(
        toks("São Paulo, nai\u{0308}ve"),
        ["São", "Paulo", ",", "nai\u{0308}ve"]
    );
    assert_eq!(toks("中国 news"), ["中", "国", "news"]);
    assert_eq!(toks("قطر والدوحة"), ["قطر", "والدوحة"]);
}

#[test]
fn white_space_of_every_kind_separates() {
    assert_eq!(
        toks("a\u{00A0}b\u{2009}c\u{3000}d\te\r\nf"),
        ["a", "b", "c", "d", "e", "f"]
    );
    assert!(toks(" \n\t ").is_empty());
    assert!(toks("").is_empty());
}

#[test]
fn one_dot_leader_and_other_dot_like_characters_tokenize_on_char_boundaries() {
    // U+2024 ONE DOT LEADER is three bytes, like the ellipsis.
    for text in ["․", "a․b", "x ․ y", "U.S.․", "…", "1․5"] {
        let tokens = lede_segment::tokens(text);
        for t in &tokens {
            assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
            assert!(!t.span.text(text).is_empty(), "{text:?}");
        }
        let covered: usize = tokens.iter().map(|t| t.span.len()).sum();
        let non_space: usize = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        assert_eq!(covered, non_space, "{text:?}");
    }
}
