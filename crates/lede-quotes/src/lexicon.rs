//! Word lists the attribution rules consult, embedded from `data/`. All
//! lookups are by lower-cased ASCII bytes; a word longer than
//! [`MAX_WORD`] bytes is in no list.

use std::collections::HashSet;

/// Longest word any list holds (longer words are looked up as absent).
pub(crate) const MAX_WORD: usize = 40;

const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.txt");
const NAMING_VERBS: &str = include_str!("../data/naming_verbs.txt");
const CUE_NOUNS: &str = include_str!("../data/cue_nouns.txt");
const DOCUMENT_NOUNS: &str = include_str!("../data/document_nouns.txt");
const SOURCE_NOUNS: &str = include_str!("../data/source_nouns.txt");
const TITLE_NOUNS: &str = include_str!("../data/title_nouns.txt");
const MODIFIERS: &str = include_str!("../data/modifiers.txt");
const DETERMINERS: &str = include_str!("../data/determiners.txt");
const ADVERBS: &str = include_str!("../data/adverbs.txt");
const VAGUE_COLLECTIVES: &str = include_str!("../data/vague_collectives.txt");
const PLATFORMS: &str = include_str!("../data/platforms.txt");
const MALE_NAMES: &str = include_str!("../data/male_names.txt");
const FEMALE_NAMES: &str = include_str!("../data/female_names.txt");

/// Grammatical gender as far as the rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    /// True when a pronoun of gender `self` may refer to someone of `other`.
    pub(crate) fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

type WordSet = HashSet<Vec<u8>>;

/// All word lists, built once when the stage is built.
#[derive(Debug)]
pub(crate) struct Lexicon {
    speech_verbs: WordSet,
    naming_verbs: WordSet,
    cue_nouns: WordSet,
    document_nouns: WordSet,
    source_nouns: WordSet,
    title_nouns: WordSet,
    modifiers: WordSet,
    determiners: WordSet,
    adverbs: WordSet,
    vague_collectives: WordSet,
    /// Whole platform names, lower-cased, words joined by one space.
    platforms: HashSet<String>,
    male_names: WordSet,
    female_names: WordSet,
}

/// The words of a list file: `#` starts a comment, words are separated by
/// white space.
fn words(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

fn word_set(data: &str) -> WordSet {
    words(data).map(|w| w.to_ascii_lowercase().into_bytes()).collect()
}

/// Writes the ASCII-lower-cased `word` into `buf`; `None` when too long.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    for (slot, b) in buf.iter_mut().zip(bytes) {
        *slot = b.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

fn has(set: &WordSet, word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    match lower(word, &mut buf) {
        Some(w) => set.contains(w),
        None => false,
    }
}

impl Lexicon {
    /// The built-in lists plus `extra_verbs` (each added with its regular
    /// inflections: -s, -ed, -ing).
    pub(crate) fn new(extra_verbs: &[String]) -> Lexicon {
        let mut speech_verbs = word_set(SPEECH_VERBS);
        for verb in extra_verbs {
            let base = verb.trim().to_ascii_lowercase();
            if base.is_empty() {
                continue;
            }
            let stem = base.strip_suffix('e').unwrap_or(&base).to_string();
            for form in [
                base.clone(),
                format!("{base}s"),
                format!("{stem}ed"),
                format!("{stem}ing"),
            ] {
                speech_verbs.insert(form.into_bytes());
            }
        }
        Lexicon {
            speech_verbs,
            naming_verbs: word_set(NAMING_VERBS),
            cue_nouns: word_set(CUE_NOUNS),
            document_nouns: word_set(DOCUMENT_NOUNS),
            source_nouns: word_set(SOURCE_NOUNS),
            title_nouns: word_set(TITLE_NOUNS),
            modifiers: word_set(MODIFIERS),
            determiners: word_set(DETERMINERS),
            adverbs: word_set(ADVERBS),
            vague_collectives: word_set(VAGUE_COLLECTIVES),
            platforms: PLATFORMS
                .lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
                .collect(),
            male_names: word_set(MALE_NAMES),
            female_names: word_set(FEMALE_NAMES),
        }
    }

    pub(crate) fn is_speech_verb(&self, w: &str) -> bool {
        has(&self.speech_verbs, w)
    }
    pub(crate) fn is_naming_verb(&self, w: &str) -> bool {
        has(&self.naming_verbs, w)
    }
    pub(crate) fn is_cue_noun(&self, w: &str) -> bool {
        has(&self.cue_nouns, w)
    }
    pub(crate) fn is_document_noun(&self, w: &str) -> bool {
        has(&self.document_nouns, w)
    }
    pub(crate) fn is_source_noun(&self, w: &str) -> bool {
        has(&self.source_nouns, w)
    }
    pub(crate) fn is_title_noun(&self, w: &str) -> bool {
        has(&self.title_nouns, w)
    }
    pub(crate) fn is_modifier(&self, w: &str) -> bool {
        has(&self.modifiers, w)
    }
    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        has(&self.determiners, w)
    }
    /// Heads of vague collectives ("experts", "analysts").
    pub(crate) fn is_vague_collective(&self, w: &str) -> bool {
        has(&self.vague_collectives, w)
    }
    /// Adverbs and auxiliaries that may stand between a speaker and its verb.
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        has(&self.adverbs, w) || (w.len() > 3 && w.ends_with("ly") && w.is_ascii())
    }

    /// True for a social platform name ("Truth Social"), which carries words
    /// but never speaks them.
    pub(crate) fn is_platform(&self, name: &str) -> bool {
        if name.len() > 3 * MAX_WORD {
            return false;
        }
        let normal = name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        self.platforms.contains(&normal)
    }

    /// Gender of a first name, if the lists know it.
    pub(crate) fn first_name_gender(&self, first: &str) -> Gender {
        if has(&self.male_names, first) {
            Gender::Male
        } else if has(&self.female_names, first) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// Gender implied by a title or honorific ("Mr.", "Queen").
pub(crate) fn title_gender(title: &str) -> Gender {
    let mut buf = [0u8; MAX_WORD];
    let Some(t) = lower(title.trim_end_matches('.'), &mut buf) else {
        return Gender::Unknown;
    };
    match t {
        b"mr" | b"king" | b"prince" | b"sheikh" | b"emir" | b"sir" | b"lord" | b"sultan" => {
            Gender::Male
        }
        b"mrs" | b"ms" | b"miss" | b"queen" | b"princess" | b"lady" | b"dame" | b"madam" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// Gender of a personal pronoun; `None` for words that are not one.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    let mut buf = [0u8; MAX_WORD];
    let w = lower(word, &mut buf)?;
    Some(match w {
        b"he" => Pronoun::Person(Gender::Male),
        b"she" => Pronoun::Person(Gender::Female),
        b"they" => Pronoun::They,
        b"it" => Pronoun::It,
        b"i" | b"we" => Pronoun::Reporter,
        _ => return None,
    })
}

/// The subject pronouns the rules tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    Person(Gender),
    They,
    It,
    /// "I" and "we" outside a quote are the writer, never a reported speaker.
    Reporter,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_extra_verbs_inflect() {
        let lex = Lexicon::new(&["quip".to_string(), "intone".to_string()]);
        assert!(lex.is_speech_verb("Said"));
        assert!(lex.is_speech_verb("notes"));
        assert!(lex.is_speech_verb("quipped") || lex.is_speech_verb("quiped"));
        assert!(lex.is_speech_verb("intoned"));
        assert!(lex.is_speech_verb("intoning"));
        assert!(!lex.is_speech_verb("agreed"));
        assert!(lex.is_naming_verb("called"));
        assert!(lex.is_source_noun("officials"));
        assert!(lex.is_platform("Truth  Social"));
        assert_eq!(lex.first_name_gender("Fatima"), Gender::Female);
        assert_eq!(lex.first_name_gender("Donald"), Gender::Male);
        assert_eq!(title_gender("Mr."), Gender::Male);
        assert_eq!(pronoun("She"), Some(Pronoun::Person(Gender::Female)));
    }
}
