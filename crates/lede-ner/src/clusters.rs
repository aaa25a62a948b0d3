//! Word classes learnt from unlabelled news (`data/clusters.txt`, rebuilt by
//! `examples/clusters.rs`): each word form seen at least three times has a
//! coarse, a middle and a fine class. Words of one class are used alike
//! ("Gaza", "Nevada" and "Serbia"; "Monday" and "Tuesday"), so the classes
//! tell the tagger about words its labelled data never had.

use crate::features::TokenInfo;
use crate::gazetteer::IdentityMap;

/// The classes of one word form, coarse to fine; [`WordClasses::NONE`] for a
/// word the file does not list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordClasses(pub [u16; 3]);

impl WordClasses {
    /// No class known: a value no class number takes.
    pub const NONE: WordClasses = WordClasses([u16::MAX; 3]);
}

const CLUSTERS: &str = include_str!("../data/clusters.txt");

/// The classes of `data/clusters.txt` as [`Clusters::table`] writes them
/// (rebuilt by `examples/cluster_table.rs`): the stage loads them without
/// reading text or hashing words.
const TABLE: &[u8] = include_bytes!("../data/clusters.bin");

/// The first bytes of a [`Clusters::table`].
const TABLE_MAGIC: &[u8; 8] = b"ledecls1";

/// The bytes of one table entry: a key, then three class numbers.
const TABLE_ENTRY: usize = 8 + 3 * 2;

/// Word form hash (the tagger's `TokenInfo::word`) to classes. Built from
/// the embedded file when the gazetteers are (about 18,000 entries).
pub struct Clusters {
    classes: IdentityMap<WordClasses>,
    /// By lower-case form, for words the file lists in another case only
    /// ("GAZA" in a headline reads as "Gaza"): the first form in the file's
    /// order, where capitalised forms come before lower-case ones.
    by_lower: IdentityMap<WordClasses>,
}

impl Clusters {
    /// The embedded classes: from the table, or from the file should the
    /// table not read.
    pub fn embedded() -> Clusters {
        Clusters::from_table(TABLE).unwrap_or_else(|| Clusters::parse(CLUSTERS))
    }

    /// The classes as bytes [`Clusters::from_table`] reads: the magic
    /// bytes, then for the classes by form and by lower-case form their
    /// number (u32) and each entry sorted by key (u64 key, three u16
    /// classes), all little-endian.
    pub fn table(&self) -> Vec<u8> {
        let mut out = TABLE_MAGIC.to_vec();
        for map in [&self.classes, &self.by_lower] {
            let mut entries: Vec<(u64, WordClasses)> = map.iter().map(|(&k, &c)| (k, c)).collect();
            entries.sort_unstable_by_key(|&(k, _)| k);
            out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (key, WordClasses(c)) in entries {
                out.extend_from_slice(&key.to_le_bytes());
                for class in c {
                    out.extend_from_slice(&class.to_le_bytes());
                }
            }
        }
        out
    }

    /// The classes of a [`Clusters::table`]; `None` when the bytes are not
    /// one.
    pub fn from_table(bytes: &[u8]) -> Option<Clusters> {
        let mut rest = bytes.strip_prefix(TABLE_MAGIC)?;
        let mut maps: [IdentityMap<WordClasses>; 2] = Default::default();
        for map in &mut maps {
            let (n, tail) = rest.split_first_chunk::<4>()?;
            let n = u32::from_le_bytes(*n) as usize;
            let len = n.checked_mul(TABLE_ENTRY)?;
            let body = tail.get(..len)?;
            map.reserve(n);
            for entry in body.chunks_exact(TABLE_ENTRY) {
                let (key, c) = entry.split_first_chunk::<8>()?;
                let class = |k: usize| u16::from_le_bytes([c[2 * k], c[2 * k + 1]]);
                map.insert(
                    u64::from_le_bytes(*key),
                    WordClasses([class(0), class(1), class(2)]),
                );
            }
            rest = &tail[len..];
        }
        let [classes, by_lower] = maps;
        rest.is_empty().then_some(Clusters { classes, by_lower })
    }

    /// Reads lines of `word<TAB>class<TAB>class<TAB>class`; `#` starts a
    /// comment line, and malformed lines are skipped (the file is generated).
    /// The stage loads [`Clusters::from_table`]; this reads the file the
    /// table is made from.
    pub fn parse(src: &str) -> Clusters {
        let mut classes = IdentityMap::default();
        let mut by_lower = IdentityMap::default();
        for (word, c) in src.lines().filter_map(parse_line) {
            let info = TokenInfo::new(word);
            classes.insert(info.word, WordClasses(c));
            by_lower.entry(info.lower).or_insert(WordClasses(c));
        }
        Clusters { classes, by_lower }
    }

    /// The classes of a word form: those of the form itself, else those of
    /// the same word in another case.
    #[inline]
    pub fn of(&self, t: &TokenInfo) -> WordClasses {
        match self.classes.get(&t.word) {
            Some(&c) => c,
            None => self
                .by_lower
                .get(&t.lower)
                .copied()
                .unwrap_or(WordClasses::NONE),
        }
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }
}

/// The word and classes of one line, `None` for a comment or a malformed
/// line (fields after the third class are left alone).
fn parse_line(line: &str) -> Option<(&str, [u16; 3])> {
    if line.starts_with('#') {
        return None;
    }
    let mut parts = line.split('\t');
    let word = parts.next().filter(|w| !w.is_empty())?;
    let mut c = [0u16; 3];
    for slot in &mut c {
        // u16::MAX stands for no class.
        *slot = parts
            .next()
            .and_then(|p| p.parse::<u16>().ok())
            .filter(|&v| v != u16::MAX)?;
    }
    Some((word, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_share_a_fine_class_and_unknown_words_have_none() {
        let c = Clusters::embedded();
        assert!(c.len() > 10_000);
        let of = |w: &str| c.of(&TokenInfo::new(w));
        let monday = of("Monday");
        assert_ne!(monday, WordClasses::NONE);
        assert_eq!(monday.0[2], of("Tuesday").0[2]);
        assert_eq!(of("Xqzzyvk"), WordClasses::NONE);
        // Digits are folded as the tagger folds them, and a word in capitals
        // has the classes of its usual form.
        assert_eq!(of("1996"), of("2025"));
        assert_eq!(of("NETANYAHU"), of("Netanyahu"));
        assert_ne!(of("Netanyahu"), WordClasses::NONE);
    }

    #[test]
    fn the_table_holds_the_classes_of_the_file() {
        let file = Clusters::parse(CLUSTERS);
        let table = Clusters::from_table(TABLE).expect("data/clusters.bin reads");
        assert!(
            table.classes == file.classes && table.by_lower == file.by_lower,
            "data/clusters.bin is not data/clusters.txt: rebuild it (examples/cluster_table.rs)"
        );
        assert_eq!(file.table(), TABLE);
        // Truncated or extended bytes are no table.
        assert!(Clusters::from_table(&TABLE[..TABLE.len() - 1]).is_none());
        assert!(Clusters::from_table(&[TABLE, &[0]].concat()).is_none());
        assert!(Clusters::from_table(b"").is_none());
    }
}
