//! The ranker's features that are made of fixed words only (the source
//! that proposed a candidate, the mention kind, the quote's context, the
//! words around the mention, side and distance), and their weights laid out
//! in dense tables: such a feature is an index, not a name to hash. The
//! tables are filled from the weight table, by name, when the weights are
//! read, so a feature weighs the same either way; a word outside these
//! lists (a new source or context) is looked up by its name.

use super::ranking::fnv;

/// Kinds of speaker mention (see `ranking::mention_type`).
pub(super) const MENTIONS: [&str; 10] = [
    "pron", "rel", "PERSON", "ORG", "GPE", "NORP", "ENT", "coord", "cap", "common",
];
pub(super) const MT_PRON: usize = 0;
pub(super) const MT_REL: usize = 1;
pub(super) const MT_PERSON: usize = 2;
pub(super) const MT_ORG: usize = 3;
pub(super) const MT_GPE: usize = 4;
pub(super) const MT_NORP: usize = 5;
pub(super) const MT_ENT: usize = 6;
pub(super) const MT_COORD: usize = 7;
pub(super) const MT_CAP: usize = 8;
pub(super) const MT_COMMON: usize = 9;

/// Classes of the word before or after a mention (see
/// `ranking::word_before`).
pub(super) const CLASSES: [&str; 20] = [
    "start", "comma", "paren", "colon", "quote", "dash", "punct", "of", "and", "rel", "cites",
    "as", "by", "prep", "verb", "det", "cap", "word", "stop", "end",
];
pub(super) const W_START: usize = 0;
pub(super) const W_COMMA: usize = 1;
pub(super) const W_PAREN: usize = 2;
pub(super) const W_COLON: usize = 3;
pub(super) const W_QUOTE: usize = 4;
pub(super) const W_DASH: usize = 5;
pub(super) const W_PUNCT: usize = 6;
pub(super) const W_OF: usize = 7;
pub(super) const W_AND: usize = 8;
pub(super) const W_REL: usize = 9;
pub(super) const W_CITES: usize = 10;
pub(super) const W_AS: usize = 11;
pub(super) const W_BY: usize = 12;
pub(super) const W_PREP: usize = 13;
pub(super) const W_VERB: usize = 14;
pub(super) const W_DET: usize = 15;
pub(super) const W_CAP: usize = 16;
pub(super) const W_WORD: usize = 17;
pub(super) const W_STOP: usize = 18;
pub(super) const W_END: usize = 19;

/// The words of a quote's context (see `attribute`).
const CONTEXTS: [&str; 15] = [
    "std",
    "frag",
    "w1",
    "w3",
    "w8",
    "w9",
    "cont",
    "opens",
    "norule",
    "trailing",
    "resumed",
    "leading",
    "same_sentence",
    "colon",
    "inherit",
];

/// The sources that propose candidates (see `attribute`).
const SOURCES: [&str; 27] = [
    "trailing",
    "resumed",
    "leading",
    "same_sentence",
    "colon",
    "inherit",
    "norule",
    "signoff",
    "label",
    "paracue",
    "sentcue",
    "trailsubj",
    "trailsubj_gap",
    "trailsubj_far",
    "trailverb",
    "by",
    "leadsubj_v",
    "leadsubj",
    "firstverb",
    "leadcue",
    "sentsubj",
    "sentnp",
    "prevsubj",
    "colonnp",
    "according_l",
    "according_r",
    "prev",
];

/// Buckets of the distance to the quote (see `ranking::bucket`).
pub(super) const BUCKETS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];
/// The side of the quote a mention stands on.
pub(super) const SIDES: [&str; 2] = ["L", "R"];
/// Counts of agreeing sources.
pub(super) const NSRC: [&str; 3] = ["1", "2", "3"];

const M: usize = MENTIONS.len();
const K: usize = CLASSES.len();
const C: usize = CONTEXTS.len();

/// The index of a context word, if it is one of [`CONTEXTS`].
pub(super) fn context_id(w: &str) -> Option<usize> {
    CONTEXTS.iter().position(|c| *c == w)
}

/// A source that proposes candidates: its name and its index in
/// [`SOURCES`], if it is one (found at compile time for a literal name,
/// see `source!`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Source {
    pub name: &'static str,
    pub id: Option<usize>,
}

impl Source {
    pub(super) const fn of(name: &'static str) -> Source {
        let mut k = 0;
        while k < SOURCES.len() {
            if same(SOURCES[k].as_bytes(), name.as_bytes()) {
                return Source { name, id: Some(k) };
            }
            k += 1;
        }
        Source { name, id: None }
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The weight of each feature made of fixed words, by template.
#[derive(Debug, Default)]
pub(super) struct Dense {
    pub none: f32,
    none_ctx: Vec<f32>,
    mt: Vec<f32>,
    mt_ctx: Vec<f32>,
    pub resolved: f32,
    pw: Vec<f32>,
    nw: Vec<f32>,
    pw_nw: Vec<f32>,
    mt_pw: Vec<f32>,
    src: Vec<f32>,
    src_mt: Vec<f32>,
    src_side_d: Vec<f32>,
    src_ctx: Vec<f32>,
    src_nocue: Vec<f32>,
    pub between: f32,
    between_src: Vec<f32>,
    between_mt: Vec<f32>,
    nsrc: Vec<f32>,
}

/// Every combination of the lists' words, the first list varying slowest.
fn grid(lists: &[&[&str]], weight: &dyn Fn(&[&str]) -> f32) -> Vec<f32> {
    let mut out = Vec::new();
    let mut pick = vec![0; lists.len()];
    if lists.iter().any(|l| l.is_empty()) {
        return out;
    }
    loop {
        let words: Vec<&str> = pick.iter().zip(lists).map(|(&k, l)| l[k]).collect();
        out.push(weight(&words));
        let mut d = lists.len();
        loop {
            if d == 0 {
                return out;
            }
            d -= 1;
            pick[d] += 1;
            if pick[d] < lists[d].len() {
                break;
            }
            pick[d] = 0;
        }
    }
}

impl Dense {
    /// The tables, each weight the one `get` gives the feature's name hash.
    pub(super) fn build(get: impl Fn(u64) -> f32) -> Dense {
        let w = |name: &str| get(fnv(&[name.as_bytes()]));
        let join = |parts: &[&str]| parts.concat();
        let one = |pre: &str, list: &[&str]| grid(&[list], &|x| w(&join(&[pre, x[0]])));
        Dense {
            none: w("none"),
            none_ctx: one("none|", &CONTEXTS),
            mt: one("mt=", &MENTIONS),
            mt_ctx: grid(&[&MENTIONS, &CONTEXTS], &|x| {
                w(&join(&["mt=", x[0], "|", x[1]]))
            }),
            resolved: w("resolved"),
            pw: one("pw=", &CLASSES),
            nw: one("nw=", &CLASSES),
            pw_nw: grid(&[&CLASSES, &CLASSES], &|x| {
                w(&join(&["pw=", x[0], "|nw=", x[1]]))
            }),
            mt_pw: grid(&[&MENTIONS, &CLASSES], &|x| {
                w(&join(&["mt=", x[0], "|pw=", x[1]]))
            }),
            src: one("src=", &SOURCES),
            src_mt: grid(&[&SOURCES, &MENTIONS], &|x| {
                w(&join(&["src=", x[0], "|mt=", x[1]]))
            }),
            src_side_d: grid(&[&SOURCES, &SIDES, &BUCKETS], &|x| {
                w(&join(&["src=", x[0], "|", x[1], "|d=", x[2]]))
            }),
            src_ctx: grid(&[&SOURCES, &CONTEXTS], &|x| {
                w(&join(&["src=", x[0], "|", x[1]]))
            }),
            src_nocue: grid(&[&SOURCES], &|x| w(&join(&["src=", x[0], "|nocue"]))),
            between: w("between"),
            between_src: one("between|src=", &SOURCES),
            between_mt: one("between|mt=", &MENTIONS),
            nsrc: one("nsrc=", &NSRC),
        }
    }

    pub(super) fn none_ctx(&self, c: usize) -> f32 {
        self.none_ctx[c]
    }
    pub(super) fn mt(&self, m: usize) -> f32 {
        self.mt[m]
    }
    pub(super) fn mt_ctx(&self, m: usize, c: usize) -> f32 {
        self.mt_ctx[m * C + c]
    }
    pub(super) fn pw(&self, b: usize) -> f32 {
        self.pw[b]
    }
    pub(super) fn nw(&self, a: usize) -> f32 {
        self.nw[a]
    }
    pub(super) fn pw_nw(&self, b: usize, a: usize) -> f32 {
        self.pw_nw[b * K + a]
    }
    pub(super) fn mt_pw(&self, m: usize, b: usize) -> f32 {
        self.mt_pw[m * K + b]
    }
    pub(super) fn src(&self, s: usize) -> f32 {
        self.src[s]
    }
    pub(super) fn src_mt(&self, s: usize, m: usize) -> f32 {
        self.src_mt[s * M + m]
    }
    pub(super) fn src_side_d(&self, s: usize, side: usize, d: usize) -> f32 {
        self.src_side_d[(s * SIDES.len() + side) * BUCKETS.len() + d]
    }
    pub(super) fn src_ctx(&self, s: usize, c: usize) -> f32 {
        self.src_ctx[s * C + c]
    }
    pub(super) fn src_nocue(&self, s: usize) -> f32 {
        self.src_nocue[s]
    }
    pub(super) fn between_src(&self, s: usize) -> f32 {
        self.between_src[s]
    }
    pub(super) fn between_mt(&self, m: usize) -> f32 {
        self.between_mt[m]
    }
    pub(super) fn nsrc(&self, n: usize) -> f32 {
        self.nsrc[n]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grids_list_every_combination_first_list_slowest() {
        let names = std::cell::RefCell::new(Vec::new());
        let out = grid(&[&["a", "b"], &["x", "y", "z"]], &|w| {
            names.borrow_mut().push(w.concat());
            0.0
        });
        assert_eq!(out.len(), 6);
        assert_eq!(names.into_inner(), ["ax", "ay", "az", "bx", "by", "bz"]);
    }

    #[test]
    fn sources_are_found_by_name() {
        for (k, w) in SOURCES.iter().enumerate() {
            assert_eq!(Source::of(w).id, Some(k));
        }
        assert_eq!(Source::of("elsewhere").id, None);
        assert_eq!(Source::of("trail").id, None);
    }

    #[test]
    fn the_lists_hold_each_word_once() {
        for list in [&MENTIONS[..], &CLASSES, &CONTEXTS, &SOURCES] {
            for (k, w) in list.iter().enumerate() {
                assert_eq!(list.iter().position(|x| x == w), Some(k), "{w}");
            }
        }
        let mentions = [
            (MT_PRON, "pron"),
            (MT_REL, "rel"),
            (MT_PERSON, "PERSON"),
            (MT_ORG, "ORG"),
            (MT_GPE, "GPE"),
            (MT_NORP, "NORP"),
            (MT_ENT, "ENT"),
            (MT_COORD, "coord"),
            (MT_CAP, "cap"),
            (MT_COMMON, "common"),
        ];
        for (k, w) in mentions {
            assert_eq!(MENTIONS[k], w);
        }
        let classes = [
            (W_START, "start"),
            (W_COMMA, "comma"),
            (W_PAREN, "paren"),
            (W_COLON, "colon"),
            (W_QUOTE, "quote"),
            (W_DASH, "dash"),
            (W_PUNCT, "punct"),
            (W_OF, "of"),
            (W_AND, "and"),
            (W_REL, "rel"),
            (W_CITES, "cites"),
            (W_AS, "as"),
            (W_BY, "by"),
            (W_PREP, "prep"),
            (W_VERB, "verb"),
            (W_DET, "det"),
            (W_CAP, "cap"),
            (W_WORD, "word"),
            (W_STOP, "stop"),
            (W_END, "end"),
        ];
        for (k, w) in classes {
            assert_eq!(CLASSES[k], w);
        }
    }
}
