//! The vocabulary of the stage (number words, months, units, currencies,
//! hedges), read once from the data files under `data/` when the stage is
//! built, and looked up by lower-cased word.

const LEXICON: &str = include_str!("../data/lexicon.tsv");
const MODIFIERS: &str = include_str!("../data/modifiers.tsv");
const UNIT_STOPWORDS: &str = include_str!("../data/unit_stopwords.txt");
const CURRENCIES: &str = include_str!("../data/currencies.tsv");

/// How a cardinal number word combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumWord {
    /// zero .. nineteen
    Ones(f64),
    /// twenty, thirty, ... ninety
    Ten(f64),
    Hundred,
    /// thousand, million, billion, trillion
    Scale(f64),
    Dozen,
}

/// Everything the lexicon knows about one lower-case word.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordInfo {
    pub num: Option<NumWord>,
    pub scale_abbr: Option<f64>,
    pub vague: Option<f64>,
    pub vague_scale: Option<f64>,
    pub ordinal: Option<f64>,
    pub denominator: Option<f64>,
    pub month: Option<u8>,
    pub month_abbr: Option<u8>,
    pub weekday: Option<u8>,
    pub time_unit: Option<&'static str>,
    pub currency: Option<&'static str>,
    pub measure: bool,
    pub percent: bool,
    pub ordinal_suffix: bool,
    pub meridiem: Option<u8>,
    pub plural: bool,
    pub ordinal_head: bool,
    pub determiner: bool,
    /// noon, midnight: the hour.
    pub clock: Option<u8>,
    /// "a", "an".
    pub article: bool,
    /// resolution, article, route...: a number after it is part of a name.
    pub name_head: bool,
    /// yesterday, today, tomorrow, last, next (relative dates).
    pub relative: bool,
    /// A word of a hedge phrase ("over", "least").
    pub hedge: bool,
    /// Ends the search for a counted noun.
    pub stop: bool,
    /// "minus", "negative": the number after it is negative.
    pub sign: bool,
    /// "MUSD": millions of a currency.
    pub currency_million: Option<&'static str>,
    /// The first word of a currency name of several words ("swiss").
    pub currency_lead: bool,
    /// Sizes a share whose amount is not stated ("a small percentage").
    pub size: bool,
    /// A race run over a distance ("hurdles", "freestyle").
    pub race: bool,
    /// An ordinal counted from the end: places before the last
    /// ("penultimate" 1).
    pub from_end: Option<u8>,
}

impl WordInfo {
    /// Words the matcher starts from; every other word is only read as
    /// context around them.
    pub fn starts_number(&self) -> bool {
        self.num.is_some()
            || self.vague.is_some()
            || self.ordinal.is_some()
            || self.denominator.is_some()
            || self.month.is_some()
            || self.month_abbr.is_some()
            || self.weekday.is_some()
            || self.relative
            || self.clock.is_some()
            || self.currency.is_some()
            || self.article
            || self.sign
            || self.currency_million.is_some()
            || self.percent
            || self.from_end.is_some()
    }
}

/// Which kinds a hedge applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HedgeScope {
    /// Counts and amounts (not dates, times or years).
    Amount,
    /// Dates, times and years.
    Calendar,
    Any,
}

#[derive(Clone, Debug)]
pub(crate) struct Modifier {
    /// The words of the phrase, lower case.
    pub words: Vec<&'static str>,
    pub text: &'static str,
    pub scope: HedgeScope,
}

/// Longest word the lexicon holds; longer words are not looked up.
pub(crate) const MAX_WORD: usize = 24;
const _: () = assert!(MAX_WORD < 32, "lengths are bits of a u32");

#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Open-addressing table of (lower-case word, entry id); a word's slot
    /// comes from a cheap hash of its length and three of its letters.
    slots: Vec<(&'static [u8], u32)>,
    /// For each first letter a..z, a bit per word length present: most words
    /// are rejected without hashing.
    lengths: [u32; 26],
    /// A bit set over a hash of the first two letters, the last letter and
    /// the length of every word that can start a number (see
    /// [`WordInfo::starts_number`]): the tokenizer asks it about every word,
    /// and nearly all are turned away by one bit test.
    starters: [u64; STARTER_BITS / 64],
    /// The same kind of filter for the words that make something of an
    /// article before them ("a year", "a third", "a dozen", "a couple"):
    /// most words after "a" are turned away before a look-up.
    after_article: [u64; AFTER_ARTICLE_BITS / 64],
    /// The words of at most eight ASCII letters again, keyed by their
    /// [`folded_head`] (which is the word itself, lower-cased, for such a
    /// word): (head, entry id); a reader holding a word's head finds it
    /// with one hash and one compare.
    short: Vec<(u64, u32)>,
    /// Per entry id: the word can start a number.
    starts: Vec<bool>,
    infos: Vec<WordInfo>,
    pub modifiers: Vec<Modifier>,
    /// Currency names of several words with their codes, longest first.
    pub currency_phrases: Vec<(Vec<&'static str>, &'static str)>,
}

const TABLE_BITS: u32 = 11;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// Slot of a non-empty word in the table; case-insensitive for ASCII
/// letters (`| 0x20` lower-cases a letter and keeps digits and apostrophes).
fn slot_of(word: &[u8]) -> usize {
    let n = word.len();
    let first = u64::from(word[0] | 0x20);
    let last = u64::from(word[n - 1] | 0x20);
    let mid = u64::from(word[n / 2] | 0x20);
    let h = first << 16 | mid << 8 | last | (n as u64) << 24;
    // Fibonacci hashing: the top 11 bits of the product.
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

const SHORT_BITS: u32 = 10;
const SHORT_SIZE: usize = 1 << SHORT_BITS;

/// Slot of a word's [`folded_head`] in the `short` table.
fn short_slot(head: u64) -> usize {
    (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHORT_BITS)) as usize
}

/// Bits in the `starters` filter (a power of two).
const STARTER_BITS: usize = 1 << 14;
/// Bits in the `after_article` filter (a power of two, at most
/// `STARTER_BITS`: its bit is a prefix of the starter bit).
const AFTER_ARTICLE_BITS: usize = 1 << 12;

/// The first eight bytes of a word, each folded with `| 0x20` (which
/// lower-cases an ASCII letter), in the order of a little-endian load, zero
/// past the end of a shorter word: the key of the `starters` filter.
pub(crate) fn folded_head(word: &[u8]) -> u64 {
    word.iter()
        .take(8)
        .enumerate()
        .fold(0, |h, (k, &b)| h | u64::from(b | 0x20) << (8 * k))
}

/// The `starters` bit of a word from its [`folded_head`] and its length.
/// Folding with `| 0x20` maps a word and its lower-case form to the same
/// head, so a word the lexicon holds in any case always finds its bit.
pub(crate) fn starter_bit(head: u64, len: usize) -> usize {
    let h = (head ^ (len as u64) << 59).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - STARTER_BITS.trailing_zeros())) as usize
}

/// The `after_article` bit of a word from its [`folded_head`] and length.
fn after_article_bit(head: u64, len: usize) -> usize {
    starter_bit(head, len) >> (STARTER_BITS.trailing_zeros() - AFTER_ARTICLE_BITS.trailing_zeros())
}

/// The value of a lexicon entry that is "no entry".
pub(crate) const NO_INFO: u32 = u32::MAX;

impl Lexicon {
    /// Reads the embedded data files.
    pub fn load() -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            slots: vec![(&[][..], NO_INFO); TABLE_SIZE],
            lengths: [0; 26],
            starters: [0; STARTER_BITS / 64],
            after_article: [0; AFTER_ARTICLE_BITS / 64],
            short: vec![(0, NO_INFO); SHORT_SIZE],
            starts: Vec::new(),
            infos: Vec::new(),
            modifiers: Vec::new(),
            currency_phrases: Vec::new(),
        };
        for (n, line) in data_lines(LEXICON) {
            let mut parts = line.split('\t');
            let (Some(word), Some(field), Some(value)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(format!("lexicon.tsv line {n}: expected word, field, value"));
            };
            let number = || -> Result<f64, String> {
                value
                    .parse::<f64>()
                    .map_err(|_| format!("lexicon.tsv line {n}: bad number {value:?}"))
            };
            let small = || -> Result<u8, String> {
                value
                    .parse::<u8>()
                    .map_err(|_| format!("lexicon.tsv line {n}: bad number {value:?}"))
            };
            let info = lex.entry(word)?;
            match field {
                "ones" => info.num = Some(NumWord::Ones(number()?)),
                "ten" => info.num = Some(NumWord::Ten(number()?)),
                "hundred" => info.num = Some(NumWord::Hundred),
                "scale" => info.num = Some(NumWord::Scale(number()?)),
                "dozen" => info.num = Some(NumWord::Dozen),
                "scale_abbr" => info.scale_abbr = Some(number()?),
                "vague" => info.vague = Some(number()?),
                "vague_scale" => info.vague_scale = Some(number()?),
                "ordinal" => info.ordinal = Some(number()?),
                "denominator" => info.denominator = Some(number()?),
                "month" => info.month = Some(small()?),
                "month_abbr" => info.month_abbr = Some(small()?),
                "weekday" => info.weekday = Some(small()?),
                "time" => info.time_unit = Some(value),
                "currency" => info.currency = Some(value),
                "measure" => info.measure = true,
                "percent" => info.percent = true,
                "ordinal_suffix" => info.ordinal_suffix = true,
                "meridiem" => info.meridiem = Some(small()?),
                "plural" => info.plural = true,
                "ordinal_head" => info.ordinal_head = true,
                "determiner" => info.determiner = true,
                "clock" => info.clock = Some(small()?),
                "article" => info.article = true,
                "name_head" => info.name_head = true,
                "relative" => info.relative = true,
                "sign" => info.sign = true,
                "size" => info.size = true,
                "race" => info.race = true,
                "from_end" => info.from_end = Some(small()?),
                "currency_million" => info.currency_million = Some(value),
                other => return Err(format!("lexicon.tsv line {n}: unknown field {other:?}")),
            }
        }
        for (n, line) in data_lines(CURRENCIES) {
            let (Some(phrase), Some(code)) = (line.split('\t').next(), line.split('\t').nth(1))
            else {
                return Err(format!("currencies.tsv line {n}: expected phrase, code"));
            };
            let words: Vec<&'static str> = phrase.split(' ').collect();
            lex.entry(words[0])?.currency_lead = true;
            lex.currency_phrases.push((words, code));
        }
        lex.currency_phrases
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        for (_, line) in data_lines(UNIT_STOPWORDS) {
            for word in line.split_whitespace() {
                lex.entry(word)?.stop = true;
            }
        }
        for (n, line) in data_lines(MODIFIERS) {
            let mut parts = line.split('\t');
            let (Some(text), Some(scope)) = (parts.next(), parts.next()) else {
                return Err(format!("modifiers.tsv line {n}: expected phrase, scope"));
            };
            let scope = match scope {
                "amount" => HedgeScope::Amount,
                "calendar" => HedgeScope::Calendar,
                "any" => HedgeScope::Any,
                other => return Err(format!("modifiers.tsv line {n}: unknown scope {other:?}")),
            };
            for word in text.split(' ') {
                lex.entry(word)?.hedge = true;
            }
            lex.modifiers.push(Modifier {
                words: text.split(' ').collect(),
                text,
                scope,
            });
        }
        lex.starts = lex.infos.iter().map(WordInfo::starts_number).collect();
        for &(key, id) in &lex.slots {
            if !key.is_empty() && lex.starts.get(id as usize) == Some(&true) {
                let bit = starter_bit(folded_head(key), key.len());
                lex.starters[bit / 64] |= 1 << (bit % 64);
            }
            let after_article = lex.infos.get(id as usize).is_some_and(|w| {
                w.time_unit.is_some()
                    || w.denominator.is_some()
                    || w.ordinal.is_some()
                    || matches!(
                        w.num,
                        Some(NumWord::Hundred | NumWord::Scale(_) | NumWord::Dozen)
                    )
            });
            if !key.is_empty() && after_article {
                let bit = after_article_bit(folded_head(key), key.len());
                lex.after_article[bit / 64] |= 1 << (bit % 64);
            }
        }
        for &(key, id) in &lex.slots {
            if key.is_empty() || key.len() > 8 || !key.iter().all(u8::is_ascii_lowercase) {
                continue;
            }
            let head = folded_head(key);
            let mut slot = short_slot(head);
            while lex.short[slot].1 != NO_INFO {
                slot = (slot + 1) & (SHORT_SIZE - 1);
            }
            lex.short[slot] = (head, id);
        }
        // "a couple of": read by the matcher, not a lexicon word.
        let bit = after_article_bit(folded_head(b"couple"), 6);
        lex.after_article[bit / 64] |= 1 << (bit % 64);
        // Longest phrases first, so "no more than" wins over "more than".
        lex.modifiers
            .sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        Ok(lex)
    }

    fn entry(&mut self, word: &'static str) -> Result<&mut WordInfo, String> {
        if word.len() > MAX_WORD || word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(format!("word {word:?} must be lower case and short"));
        }
        let Some(first) = word.bytes().next().filter(u8::is_ascii_lowercase) else {
            return Err(format!("word {word:?} must start with a letter a-z"));
        };
        self.lengths[usize::from(first - b'a')] |= 1 << word.len();
        let key = word.as_bytes();
        let mut slot = slot_of(key);
        let id = loop {
            let (k, id) = self.slots[slot];
            if id == NO_INFO {
                if self.infos.len() * 2 >= TABLE_SIZE {
                    return Err("too many words for the lexicon table".to_string());
                }
                let id = self.infos.len() as u32;
                self.infos.push(WordInfo::default());
                self.slots[slot] = (key, id);
                break id;
            }
            if k == key {
                break id;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        };
        Ok(&mut self.infos[id as usize])
    }

    /// The entry id of `word` (any case), or [`NO_INFO`].
    pub fn lookup(&self, word: &[u8]) -> u32 {
        let Some(&first) = word.first() else {
            return NO_INFO;
        };
        if word.len() > MAX_WORD || !first.is_ascii_alphabetic() {
            return NO_INFO;
        }
        if self.lengths[usize::from(first.to_ascii_lowercase() - b'a')] & (1 << word.len()) == 0 {
            return NO_INFO;
        }
        let mut slot = slot_of(word);
        loop {
            let (k, id) = self.slots[slot];
            if id == NO_INFO {
                return NO_INFO;
            }
            // Keys have no upper-case byte (`entry` refuses them), so
            // folding only the word is `eq_ignore_ascii_case`, at half the
            // work per byte.
            if k.len() == word.len()
                && k.iter()
                    .zip(word)
                    .all(|(&a, b)| a == b.to_ascii_lowercase())
            {
                return id;
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
    }

    /// Like [`Lexicon::lookup`], but only for words that can start a number;
    /// most words are turned away by a bit test.
    pub fn lookup_starter(&self, word: &[u8]) -> u32 {
        self.lookup_starter_head(word, folded_head(word))
    }

    /// [`Lexicon::lookup_starter`] for a caller that has the word's
    /// [`folded_head`] already.
    #[inline]
    pub fn lookup_starter_head(&self, word: &[u8], head: u64) -> u32 {
        if word.is_empty() || word.len() > MAX_WORD {
            return NO_INFO;
        }
        if !self.may_start(head, word.len()) {
            return NO_INFO;
        }
        let id = self.lookup(word);
        match self.starts.get(id as usize) {
            Some(true) => id,
            _ => NO_INFO,
        }
    }

    /// [`Lexicon::lookup`] for a word of one to eight ASCII letters, by
    /// its [`folded_head`] (the caller checks that it is such a word).
    #[inline]
    pub fn lookup_letters(&self, head: u64) -> u32 {
        let mut slot = short_slot(head);
        loop {
            match self.short.get(slot) {
                Some(&(h, id)) if id != NO_INFO => {
                    if h == head {
                        return id;
                    }
                }
                _ => return NO_INFO,
            }
            slot = (slot + 1) & (SHORT_SIZE - 1);
        }
    }

    /// [`Lexicon::lookup_starter`] for a word of one to eight ASCII
    /// letters that passed [`Lexicon::may_start`], by its head.
    #[inline]
    pub fn starter_letters(&self, head: u64) -> u32 {
        let id = self.lookup_letters(head);
        match self.starts.get(id as usize) {
            Some(true) => id,
            _ => NO_INFO,
        }
    }

    /// [`Lexicon::lookup_starter`] for a word of at most [`MAX_WORD`]
    /// bytes that passed [`Lexicon::may_start`].
    #[inline]
    pub fn starter_id(&self, word: &[u8]) -> u32 {
        let id = self.lookup(word);
        match self.starts.get(id as usize) {
            Some(true) => id,
            _ => NO_INFO,
        }
    }

    /// The `after_article` filter: false when no word with this
    /// [`folded_head`] and length is "couple", a time unit, an ordinal, a
    /// denominator, "hundred", a scale or "dozen" (in any case).
    #[inline]
    pub fn may_follow_article(&self, head: u64, len: usize) -> bool {
        let bit = after_article_bit(head, len);
        self.after_article[(bit / 64) % (AFTER_ARTICLE_BITS / 64)] & (1 << (bit % 64)) != 0
    }

    /// The `starters` filter: false when no word with this [`folded_head`]
    /// and length can start a number (the lexicon has no such starter in
    /// any case); true for every starter and a few other words.
    #[inline]
    pub fn may_start(&self, head: u64, len: usize) -> bool {
        let bit = starter_bit(head, len);
        self.starters[(bit / 64) % (STARTER_BITS / 64)] & (1 << (bit % 64)) != 0
    }

    pub fn info(&self, id: u32) -> Option<&WordInfo> {
        self.infos.get(id as usize)
    }
}

/// Non-empty, non-comment lines with their 1-based numbers.
fn data_lines(src: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = Lexicon::load().expect("embedded data is valid");
        let id = lex.lookup(b"Thousand");
        assert_eq!(
            lex.info(id).and_then(|i| i.num),
            Some(NumWord::Scale(1000.0))
        );
        let second = lex.info(lex.lookup(b"second")).expect("second is known");
        assert_eq!(second.ordinal, Some(2.0));
        assert_eq!(second.time_unit, Some("second"));
        assert_eq!(lex.lookup(b"ceasefire"), NO_INFO);
        assert_eq!(lex.modifiers[0].words.len(), 3);
    }
}
