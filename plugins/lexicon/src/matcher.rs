//! The matcher behind the lexicon plugin: a character trie of lower-cased
//! terms, matched leftmost-longest on whole words. Pure Rust with no
//! dependencies (the benchmarks compile this file natively to compare with
//! the loaded plugin).
//!
//! Matching is case-insensitive by Unicode lower-casing, and a space in a
//! term matches any run of white space in the text (so "prisoner exchange"
//! matches across a line break). "Whole words" means the characters just
//! before and after a match are not letters or digits.

/// One term of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The term as the user wrote it.
    pub term: String,
    /// The label its matches get.
    pub label: String,
}

#[derive(Clone, Debug, Default)]
struct Node {
    /// Sorted by character, for binary search.
    children: Vec<(char, u32)>,
    /// Index into `entries` when a term ends here.
    entry: Option<u32>,
}

/// A set of terms ready for matching.
#[derive(Clone, Debug)]
pub struct Lexicon {
    nodes: Vec<Node>,
    entries: Vec<Entry>,
}

/// One match: byte offsets into the text and the entry it matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'l> {
    pub start: usize,
    pub end: usize,
    pub entry: &'l Entry,
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

/// Lower-cases one character, calling `f` for each resulting char (most
/// give one; a few, like 'İ', give two).
#[inline]
fn lower(c: char, mut f: impl FnMut(char) -> bool) -> bool {
    if c.is_ascii() {
        return f(c.to_ascii_lowercase());
    }
    for l in c.to_lowercase() {
        if !f(l) {
            return false;
        }
    }
    true
}

impl Lexicon {
    pub fn new() -> Lexicon {
        Lexicon {
            nodes: vec![Node::default()],
            entries: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a term. Leading and trailing white space is ignored and inner
    /// runs of white space count as one space. A term already present (in
    /// any case) keeps its first label.
    pub fn add(&mut self, term: &str, label: &str) -> Result<(), String> {
        let trimmed = term.trim();
        if trimmed.is_empty() {
            return Err("a term is empty".to_string());
        }
        if !trimmed.chars().any(char::is_alphanumeric) {
            return Err(format!("the term {term:?} has no letter or digit"));
        }
        let mut node = 0usize;
        let mut previous_space = false;
        for c in trimmed.chars() {
            if c.is_whitespace() {
                if previous_space {
                    continue;
                }
                previous_space = true;
                node = self.child_or_insert(node, ' ');
                continue;
            }
            previous_space = false;
            lower(c, |l| {
                node = self.child_or_insert(node, l);
                true
            });
        }
        if self.nodes[node].entry.is_none() {
            self.nodes[node].entry = Some(self.entries.len() as u32);
            self.entries.push(Entry {
                term: trimmed.to_string(),
                label: label.to_string(),
            });
        }
        Ok(())
    }

    fn child(&self, node: usize, c: char) -> Option<usize> {
        let children = &self.nodes[node].children;
        children
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| children[i].1 as usize)
    }

    fn child_or_insert(&mut self, node: usize, c: char) -> usize {
        match self.nodes[node]
            .children
            .binary_search_by_key(&c, |&(k, _)| k)
        {
            Ok(i) => self.nodes[node].children[i].1 as usize,
            Err(i) => {
                let new = self.nodes.len();
                self.nodes.push(Node::default());
                self.nodes[node].children.insert(i, (c, new as u32));
                new
            }
        }
    }

    /// Calls `found` for each match, left to right. Matches do not overlap:
    /// at each word start the longest term wins, and the search resumes
    /// after it.
    pub fn find<'l>(&'l self, text: &str, mut found: impl FnMut(Match<'l>)) {
        if self.entries.is_empty() {
            return;
        }
        let mut previous: Option<char> = None;
        let mut pos = 0;
        while pos < text.len() {
            let Some(c) = text[pos..].chars().next() else {
                break;
            };
            let word_start = !previous.is_some_and(char::is_alphanumeric);
            if word_start {
                if let Some((end, entry)) = self.longest_at(text, pos) {
                    found(Match {
                        start: pos,
                        end,
                        entry: &self.entries[entry],
                    });
                    previous = text[..end].chars().next_back();
                    pos = end;
                    continue;
                }
            }
            previous = Some(c);
            pos += c.len_utf8();
        }
    }

    /// The longest term starting at `start` that ends on a word boundary.
    fn longest_at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let mut node = 0usize;
        let mut best = None;
        let mut previous_space = false;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            if c.is_whitespace() {
                if !previous_space {
                    // A space in a term: stop if the term cannot continue.
                    match self.child(node, ' ') {
                        Some(next) => node = next,
                        None => break,
                    }
                    previous_space = true;
                }
                continue;
            }
            previous_space = false;
            let mut alive = true;
            lower(c, |l| match self.child(node, l) {
                Some(next) => {
                    node = next;
                    true
                }
                None => {
                    alive = false;
                    false
                }
            });
            if !alive {
                break;
            }
            if let Some(entry) = self.nodes[node].entry {
                let next = chars.peek().map(|&(_, n)| n);
                if !next.is_some_and(char::is_alphanumeric) {
                    best = Some((start + offset + c.len_utf8(), entry as usize));
                }
            }
        }
        best
    }
}
