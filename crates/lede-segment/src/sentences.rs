//! The rule-based sentence splitter.
//!
//! A paragraph boundary always ends a sentence. Inside a paragraph a
//! sentence ends after `.`, `!`, `?` or `…` (a run of them, plus closing
//! quote marks and brackets, and a `.` after a closing quote as in `this”.`)
//! when white space follows and then a sentence start: a capital or uncased
//! letter, a digit, or an opening quote or bracket. On top of that:
//! - a period right after an abbreviation: never a boundary after a title
//!   ("Mr.", "Gen."); after other abbreviations ("U.S.", "p.m.", "Inc.",
//!   initials) only when the next word commonly opens a sentence ("The");
//! - a period after a one- or two-digit number that opens the sentence is a
//!   list marker ("1. Release the hostages");
//! - `?` or `!` inside a quotation followed by an attribution ("“Are you
//!   sure?” Netanyahu asked.") does not end the sentence; a lowercase word
//!   never starts one (“Are you sure?” she asked.), unless it is a
//!   camel-case name ("Who will buy it? eBay says it will not.").

use lede_core::Span;

use crate::chars::{
    classify, decode, find_terminator_lead, is_closer, is_opener, prev_char_start, space_at, Class,
};
use crate::lexicon::{Abbrev, Lexicon};
use crate::paragraphs::trim;
use crate::sentence_context::{
    citation_end, find_next_marker, footnote_number_end, fronted_time_phrase, inline_bullet,
    is_bullet, list_marker_at,
};

#[inline]
fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// Reporting verbs that, right after a quotation closed by `?` or `!` and a
/// name, show the quotation continues the same sentence.
const SPEECH_VERBS: [&str; 35] = [
    "said",
    "says",
    "say",
    "asked",
    "asks",
    "ask",
    "added",
    "adds",
    "told",
    "tells",
    "replied",
    "replies",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "shouted",
    "exclaimed",
    "wondered",
    "continued",
    "insisted",
    "declared",
    "stated",
    "argued",
    "noted",
    "explained",
    "called",
    "cried",
    "yelled",
    "screamed",
    "whispered",
    "howled",
    "muttered",
    "begged",
    "demanded",
];

/// Splits one paragraph `[start, end)` of `text` into sentences and pushes
/// them to `out`.
pub(crate) fn split_paragraph(lex: &Lexicon, text: &str, para: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let end = para.end();
    let mut sent_start = para.start();
    // The list marker the current sentence opens with ("1.", "a)"), and how
    // far the text has been searched for the marker that follows it.
    let mut list = list_marker_at(bytes, sent_start, end);
    let mut searched = sent_start + list.map_or(0, |(_, len)| len);
    let mut i = para.start();
    loop {
        i = find_terminator_lead(bytes, i, end);
        if let Some((marker, _)) = list {
            let to = end.min(i.saturating_add(1));
            match find_next_marker(bytes, searched, to, end, marker) {
                Some(p) => {
                    if let Some(span) = trim(text, sent_start, p) {
                        out.push(span);
                    }
                    sent_start = p;
                    list = list_marker_at(bytes, p, end);
                    searched = p + list.map_or(0, |(_, len)| len);
                    i = p;
                    continue;
                }
                None => searched = to,
            }
        }
        if i >= end {
            break;
        }
        let (c, len) = decode(bytes, i);
        if !is_terminator(c) {
            if i > sent_start && inline_bullet(bytes, i, len, end) {
                if let Some(span) = trim(text, sent_start, i) {
                    out.push(span);
                }
                sent_start = i;
                list = None;
            }
            i += len;
            continue;
        }
        match boundary_after(lex, text, sent_start, i, end) {
            Step::Split {
                sentence_end,
                next_start,
            } => {
                if let Some(span) = trim(text, sent_start, sentence_end) {
                    out.push(span);
                }
                sent_start = next_start;
                list = list_marker_at(bytes, next_start, end);
                searched = next_start + list.map_or(0, |(_, len)| len);
                i = next_start;
            }
            Step::ListItem { marker, next } => {
                list = list_marker_at(bytes, marker, end);
                searched = next;
                i = next;
            }
            Step::Continue(next) => i = next,
        }
    }
    if let Some(span) = trim(text, sent_start, end) {
        out.push(span);
    }
}

enum Step {
    Split {
        sentence_end: usize,
        next_start: usize,
    },
    /// No boundary: a list marker starts at `marker` ("… three steps: 1.
    /// Release …"); resume scanning at `next`.
    ListItem { marker: usize, next: usize },
    /// No boundary; resume scanning at this byte.
    Continue(usize),
}

/// Decides whether the terminator at byte `t` (inside a paragraph ending at
/// `end`, in a sentence that began at `sent_start`) ends the sentence.
fn boundary_after(lex: &Lexicon, text: &str, sent_start: usize, t: usize, end: usize) -> Step {
    let bytes = text.as_bytes();
    // The run of terminators and closing marks: "?!", "...", "?”", "”.",
    // ".)", and a spaced ellipsis ". . .".
    let mut j = t;
    let mut periods_only = true;
    let mut has_stop = false;
    let mut terminators = 0;
    let mut closed = false;
    let mut closed_by_quote = false;
    while j < end {
        let (c, len) = decode(bytes, j);
        if is_terminator(c) {
            if c != '.' {
                periods_only = false;
            }
            has_stop |= matches!(c, '.' | '…' | '。');
            terminators += 1;
        } else if is_closer(c) {
            closed = true;
            if matches!(c, '”' | '’' | '"' | '\'' | '»' | '›') {
                closed_by_quote = true;
            }
        } else if c == ' ' && bytes[j - 1] == b'.' && bytes.get(j + 1) == Some(&b'.') {
            // ". . ."
        } else {
            break;
        }
        j += len;
    }
    let run_end = j;
    if run_end >= end {
        // The paragraph ends here anyway.
        return Step::Continue(run_end);
    }
    let (space, _) = space_at(bytes, run_end);
    if !space {
        // "a fee.[8] Yet": a citation set right after the sentence end.
        if let Some(c) = citation_end(bytes, run_end, end) {
            return after_citation(bytes, c, end);
        }
        // "U.S.-brokered", "2.3", "t.co/…", "children…but": no boundary.
        return Step::Continue(run_end);
    }
    // Skip white space to the next word.
    let n = skip_space(bytes, run_end, end);
    if n >= end {
        return Step::Continue(n);
    }
    // "… in 2014. [4] He …", "… “We will win.” (Reuters 2023).": the
    // citation belongs to the sentence it follows.
    if let Some(c) = citation_end(bytes, n, end) {
        return after_citation(bytes, c, end);
    }
    // "Viva Maria! (1965), and …", "at 10 a.m. (CDT) at the hotel": a
    // parenthesis that the sentence goes on after.
    if parenthesis_continues(bytes, n, end) {
        return Step::Continue(n);
    }
    let (next_char, _) = decode(bytes, n);
    let lower_start = !starts_sentence(next_char) && !is_camel_case(bytes, n, end);
    if lower_start && !next_char.is_ascii_lowercase() {
        return Step::Continue(n);
    }
    let split = Step::Split {
        sentence_end: run_end,
        next_start: n,
    };
    let single_period = periods_only && terminators == 1 && bytes[t] == b'.';
    if !single_period && !lower_start {
        // "?", "!", "..." before a sentence start: only the quotation test
        // and a footnote number remain.
        if !periods_only && closed_by_quote && attribution_follows(bytes, n, end) {
            return Step::Continue(n);
        }
        return after_sentence_end(lex, bytes, run_end, n, end);
    }
    let mut word_start = word_start_before(bytes, sent_start, t);
    if word_start == t && lower_start && t > sent_start + 1 && bytes[t - 1] == b' ' {
        // "was very friendly . and did": the word before a spaced period.
        word_start = word_start_before(bytes, sent_start, t - 1);
        if word_start == t - 1 {
            return Step::Continue(n);
        }
        let word = &bytes[word_start..t - 1];
        let plain =
            single_period && !closed && is_plain_word(word) && lex.abbrev(word) == Abbrev::No;
        return if plain { split } else { Step::Continue(n) };
    }
    let word = &bytes[word_start..t];
    // The end of an e-mail address or URL ("press@idf.il.") is no
    // abbreviation, whatever its shape.
    let in_address = word_start > 0 && matches!(bytes[word_start - 1], b'@' | b'/');
    if lower_start {
        // Informal text often starts sentences in lowercase ("… by cats.
        // they look …", "where did you grow up? india?"). Edited text does
        // so only after an abbreviation ("approx. five") or inside a
        // quotation ("“Sure?” she asked"): split only after a plain
        // lowercase word or number ending in one period, or a lowercase
        // word ending in `?`/`!`, with no closing mark.
        let plain_end = !closed
            && if single_period {
                is_plain_word(word)
                    && lex.abbrev(word) == Abbrev::No
                    && !lex.is_sentence_abbrev(word)
                    && !is_list_marker(bytes, sent_start, word_start, word)
            } else {
                !has_stop && word.first().is_some_and(u8::is_ascii_lowercase)
            };
        return if plain_end { split } else { Step::Continue(n) };
    }
    if single_period && t > sent_start && !word.is_empty() && !in_address {
        let kind = match lex.abbrev(word) {
            // "Neither did I. John spoke.": the pronoun, not an initial.
            Abbrev::Ambiguous
                if word == b"I" && follows_lowercase_word(bytes, sent_start, word_start) =>
            {
                Abbrev::No
            }
            // "c. 1818", "Op. 46": like an ambiguous abbreviation; a form
            // that is also a word ("art", "no", "pop") only before a number.
            Abbrev::No if lex.is_sentence_abbrev(word) => {
                if is_plain_word(word) && !bytes[n].is_ascii_digit() {
                    Abbrev::No
                } else {
                    Abbrev::Ambiguous
                }
            }
            kind => kind,
        };
        match kind {
            Abbrev::Title => return Step::Continue(n),
            Abbrev::Ambiguous => {
                let next = next_word(bytes, n, end);
                let new_sentence = if is_clock_abbrev(word) {
                    !continues_time(bytes, n, end, next)
                        && !fronted_time_phrase(bytes, sent_start, word_start)
                } else {
                    lex.is_starter(next) || quotation_opens(bytes, n, end)
                };
                return if new_sentence {
                    split
                } else {
                    Step::Continue(n)
                };
            }
            Abbrev::No => {}
        }
        if is_section_number(sent_start, word_start, word) {
            return Step::Continue(n);
        }
        if is_list_marker(bytes, sent_start, word_start, word) {
            return Step::ListItem {
                marker: word_start,
                next: n,
            };
        }
    }
    if !periods_only && closed_by_quote && attribution_follows(bytes, n, end) {
        return Step::Continue(n);
    }
    after_sentence_end(lex, bytes, run_end, n, end)
}

/// A boundary after a sentence end at `run_end`, with the next word at
/// `n`; moved past a footnote number ("… a publication fee. 8 Yet some
/// journals …").
fn after_sentence_end(lex: &Lexicon, bytes: &[u8], run_end: usize, n: usize, end: usize) -> Step {
    if let Some(f) = footnote_number_end(bytes, n, end, |w| lex.is_starter(w)) {
        return Step::Split {
            sentence_end: f,
            next_start: skip_space(bytes, f, end),
        };
    }
    Step::Split {
        sentence_end: run_end,
        next_start: n,
    }
}

/// "2.1." or "4.1." as the whole sentence so far: a section number opening
/// a heading, not a sentence.
fn is_section_number(sent_start: usize, word_start: usize, word: &[u8]) -> bool {
    word_start == sent_start
        && word.contains(&b'.')
        && word.len() <= 8
        && word.iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// A parenthesis at `n` (at most 64 bytes) followed by a comma, a
/// semicolon or a lowercase word.
fn parenthesis_continues(bytes: &[u8], n: usize, end: usize) -> bool {
    if bytes[n] != b'(' {
        return false;
    }
    let limit = end.min(n + 64);
    let Some(close) = bytes[n + 1..limit].iter().position(|&b| b == b')') else {
        return false;
    };
    if bytes[n + 1..n + 1 + close].contains(&b'(') {
        return false;
    }
    let after = n + 1 + close + 1;
    match bytes.get(after) {
        Some(b',' | b';') => after < end,
        Some(b' ') => after + 1 < end && bytes[after + 1].is_ascii_lowercase(),
        _ => false,
    }
}

/// After a citation ending at `c`: a boundary when a sentence start
/// follows, none at the end of the paragraph or before a lowercase word.
fn after_citation(bytes: &[u8], c: usize, end: usize) -> Step {
    let n = skip_space(bytes, c, end);
    if n >= end {
        return Step::Continue(n);
    }
    let (next_char, _) = decode(bytes, n);
    if starts_sentence(next_char) || is_camel_case(bytes, n, end) {
        Step::Split {
            sentence_end: c,
            next_start: n,
        }
    } else {
        Step::Continue(n)
    }
}

#[inline]
fn skip_space(bytes: &[u8], mut p: usize, end: usize) -> usize {
    while p < end {
        let (sp, len) = space_at(bytes, p);
        if !sp {
            break;
        }
        p += len;
    }
    p
}

/// A word of lowercase ASCII letters (two or more), or of three or more
/// digits: its final period is punctuation ("cats.", "8160.").
fn is_plain_word(word: &[u8]) -> bool {
    (word.len() >= 2 && word.iter().all(u8::is_ascii_lowercase))
        || (word.len() >= 3 && word.iter().all(u8::is_ascii_digit))
}

/// The word before `word_start` (in the same sentence) starts with a
/// lowercase letter ("did I.").
fn follows_lowercase_word(bytes: &[u8], sent_start: usize, word_start: usize) -> bool {
    let mut p = word_start;
    while p > sent_start && bytes[p - 1] == b' ' {
        p -= 1;
    }
    let s = word_start_before(bytes, sent_start, p);
    s < p && bytes[s].is_ascii_lowercase()
}

/// An opening quotation mark followed by a capital ("… at Acme Corp.
/// “Consumers are …”"): a quoted sentence starts.
fn quotation_opens(bytes: &[u8], n: usize, end: usize) -> bool {
    let (c, len) = decode(bytes, n);
    matches!(c, '“' | '"' | '‘' | '«') && n + len < end && bytes[n + len].is_ascii_uppercase()
}

/// Whether `c` can open a sentence: a letter that is not lowercase (capital
/// or uncased, as in Hebrew or Arabic), a digit, an opening mark, a handle
/// or hashtag sign, or a currency sign ("$35 billion was pledged.").
fn starts_sentence(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase()
            || c.is_ascii_digit()
            || is_opener(c)
            || matches!(c, '@' | '#' | '$');
    }
    if is_opener(c) || is_bullet(c) || matches!(c, '€' | '£' | '¥' | '₪') {
        return true;
    }
    match classify(c) {
        Class::Letter | Class::Ideograph => !c.is_lowercase(),
        Class::Digit => true,
        _ => false,
    }
}

/// A word that starts lowercase but has a capital inside ("iPhone",
/// "eBay", "iOS"): a name that can open a sentence.
fn is_camel_case(bytes: &[u8], n: usize, end: usize) -> bool {
    if !bytes[n].is_ascii_lowercase() {
        return false;
    }
    let word_end = n + bytes[n..end]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    bytes[n..word_end].iter().any(u8::is_ascii_uppercase)
}

/// Start of the word that ends at `t`: back over letters, digits, periods,
/// hyphens and apostrophes, not before `limit`.
fn word_start_before(bytes: &[u8], limit: usize, t: usize) -> usize {
    let mut s = t;
    while s > limit {
        let p = prev_char_start(bytes, s);
        let b = bytes[p];
        let ok = if b < 0x80 {
            b.is_ascii_alphanumeric() || b == b'.'
        } else {
            matches!(
                classify(decode(bytes, p).0),
                Class::Letter | Class::Digit | Class::Mark
            )
        };
        if !ok {
            break;
        }
        s = p;
    }
    s
}

/// The ASCII letters (and a final period) of the word starting at `n`, for
/// the sentence-opener lookup.
fn next_word(bytes: &[u8], n: usize, end: usize) -> &[u8] {
    let mut e = n;
    while e < end && bytes[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e < end
        && e > n
        && bytes[e] == b'.'
        && matches!(&bytes[n..e], b"Mr" | b"Mrs" | b"Ms" | b"Dr")
    {
        e += 1;
    }
    &bytes[n..e]
}

/// "a.m" or "p.m" (before their final period).
fn is_clock_abbrev(word: &[u8]) -> bool {
    matches!(word, b"a.m" | b"p.m" | b"A.M" | b"P.M")
}

/// Words that continue a clock time: time zones and weekdays ("10 p.m.
/// EST", "9 a.m. Monday"), or any word followed by "time" ("10 p.m. Israel
/// time"). After "a.m."/"p.m.", any other capitalised word starts a new
/// sentence.
fn continues_time(bytes: &[u8], n: usize, end: usize, next: &[u8]) -> bool {
    const TIME_WORDS: [&[u8]; 30] = [
        b"ET",
        b"EST",
        b"EDT",
        b"CT",
        b"CST",
        b"CDT",
        b"MT",
        b"MST",
        b"MDT",
        b"PT",
        b"PST",
        b"PDT",
        b"GMT",
        b"UTC",
        b"BST",
        b"CET",
        b"CEST",
        b"IDT",
        b"IST",
        b"Eastern",
        b"Central",
        b"Pacific",
        b"Mountain",
        b"Monday",
        b"Tuesday",
        b"Wednesday",
        b"Thursday",
        b"Friday",
        b"Saturday",
        b"Sunday",
    ];
    if TIME_WORDS.contains(&next) {
        // "5 p.m. Friday's meeting": a weekday that owns a noun starts
        // the next sentence.
        let after = &bytes[n + next.len()..end];
        return !(after.starts_with(b"'s") || after.starts_with("’s".as_bytes()));
    }
    let mut p = n + next.len();
    while p < end && bytes[p] == b' ' {
        p += 1;
    }
    bytes[p..end].starts_with(b"time") && !bytes.get(p + 4).is_some_and(u8::is_ascii_alphabetic)
}

/// "1.", "12." or "a." opening the sentence (after optional opening marks),
/// or right after a colon: a list item marker, not a sentence end.
fn is_list_marker(bytes: &[u8], sent_start: usize, word_start: usize, word: &[u8]) -> bool {
    let letter = word.len() == 1 && word[0].is_ascii_lowercase();
    if !letter && (word.len() > 2 || !word.iter().all(u8::is_ascii_digit)) {
        return false;
    }
    let mut p = word_start;
    while p > sent_start {
        let q = prev_char_start(bytes, p);
        let (c, _) = decode(bytes, q);
        if c.is_whitespace() || is_opener(c) {
            p = q;
            continue;
        }
        return c == ':';
    }
    true
}

/// After a quotation closed with `?`/`!`: up to three capitalised words
/// (a name, possibly with a title) followed by a reporting verb.
fn attribution_follows(bytes: &[u8], n: usize, end: usize) -> bool {
    let mut p = n;
    for _ in 0..4 {
        let s = p;
        while p < end && !bytes[p].is_ascii_whitespace() {
            p += 1;
        }
        let word = &bytes[s..p];
        let word = match word.last() {
            Some(b',' | b'.' | b';' | b':') => &word[..word.len() - 1],
            _ => word,
        };
        if SPEECH_VERBS.iter().any(|v| v.as_bytes() == word) {
            return true;
        }
        match word.first() {
            Some(b) if b.is_ascii_uppercase() => {}
            _ => return false,
        }
        while p < end && bytes[p].is_ascii_whitespace() {
            p += 1;
        }
    }
    false
}

/// The sentences of `text`, splitting each paragraph.
pub(crate) fn sentences(lex: &Lexicon, text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 120 + 1);
    crate::paragraphs::for_each_paragraph(text, |para| split_paragraph(lex, text, para, &mut out));
    out
}
