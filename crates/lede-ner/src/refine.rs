//! From the tagger's coarse spans to the final entities:
//!
//! 1. span clean-up: titles ("Prime Minister", "Mr.") and determiners move
//!    out of the span, a possessive ’s is cut off, hyphenated compounds keep
//!    only their name parts (`[Trump]-led`, `[Israeli]-[Palestinian]`);
//! 2. fine types: LOC becomes GPE, LOC or FAC, MISC becomes NORP, EVENT, LAW
//!    or LANGUAGE, from the gazetteers and the head word;
//! 3. names the tagger missed but a gazetteer knows are added;
//! 4. document consistency: once "Benjamin Netanyahu" is a PERSON, every
//!    "Netanyahu" is that PERSON; the same text gets the same label; every
//!    PERSON and ORG carries its canonical (fullest) name.

use lede_core::{Entity, EntityLabel, Span};

use crate::features::{key_of, normalize_char, CapClass, TokenInfo};
use crate::gazetteer::{Category, Gazetteer, IdentityMap};
use crate::headings::{headings, is_title_case};
use crate::model::Coarse;
use crate::tagger::{Analysis, CoarseEntity, Layout};
use crate::{MAX_ENTITY_BYTES, MAX_ENTITY_TOKENS};

/// A user-supplied name with a fixed label (the `gazetteer` option).
#[derive(Clone, Debug)]
pub struct Addition {
    pub words: Vec<String>,
    pub label: EntityLabel,
}

impl Addition {
    /// Parses `"LABEL:Name"`.
    pub fn parse(s: &str) -> Result<Addition, String> {
        let (label, name) = s
            .split_once(':')
            .ok_or_else(|| format!("{s:?}: expected \"LABEL:Name\""))?;
        let label: EntityLabel = label.trim().parse()?;
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Err(format!("{s:?}: the name is empty"));
        }
        Ok(Addition { words, label })
    }
}

/// An entity being built: byte span, token range and label.
#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    label: EntityLabel,
    title: Option<String>,
    /// Label decided by an explicit rule or list (not open to majority vote).
    sure: bool,
}

/// Gazetteer categories that name entities on their own (for the sweep).
const SWEEP: u16 = (1 << Category::Country as u8)
    | (1 << Category::City as u8)
    | (1 << Category::Nationality as u8)
    | (1 << Category::Group as u8);

pub fn refine(
    text: &str,
    layout: &Layout,
    coarse: Vec<CoarseEntity>,
    gaz: &Gazetteer,
    additions: &[Addition],
    analysis: &Analysis,
) -> Vec<Entity> {
    let toks = &layout.tokens;
    let words = &analysis.words;
    let mut sentence_of = vec![0usize; toks.len()];
    for (si, &(s, e)) in layout.sentences.iter().enumerate() {
        for x in sentence_of.iter_mut().take(e).skip(s) {
            *x = si;
        }
    }
    let sent_start = |i: usize| layout.sentences.get(sentence_of[i]).map_or(0, |r| r.0);

    let mut cands: Vec<Cand> = Vec::with_capacity(coarse.len());
    for ce in coarse {
        let mut first = ce.first;
        let mut last = ce.last;
        // Determiners and lower-case words at the edges are not part of names
        // ("the United States"), except in "The New York Times".
        while first < last && is_lower_word(words[first]) {
            first += 1;
        }
        // "Can Trump": a question or conjunction opening the sentence.
        if first < last && first == sent_start(first) && OPENERS.contains(&words[first]) {
            first += 1;
        }
        if first < last
            && words[first].eq_ignore_ascii_case("the")
            && !starts_with_words(&words[first..=last], &["the", "new", "york", "times"])
        {
            first += 1;
        }
        // Titles written inside the span ("President Trump").
        let mut title = None;
        if ce.kind == Coarse::Per {
            if let Some((len, _)) = title_at(gaz, &words[first..=last], 0) {
                if first + len <= last {
                    title = Some(join(text, toks, first, first + len - 1));
                    first += len;
                }
            }
        }
        // A possessive token at the end.
        while last > first && is_possessive(words[last]) {
            last -= 1;
        }
        let start = toks[first].span.start();
        let end = toks[last].span.end();
        let label = fine_label(
            ce.kind,
            &words[first..=last],
            text,
            start,
            end,
            gaz,
            first,
            words,
            sent_start(first),
        );
        cands.push(Cand {
            start,
            end,
            first,
            last,
            label: label.0,
            title,
            sure: label.1,
        });
    }

    // The longest gazetteer entry starting at each token, within its sentence.
    let gaz_at = &analysis.gaz_at;
    let ctx = Ctx {
        text,
        toks,
        words,
        gaz,
        sentence_of: &sentence_of,
        sentences: &layout.sentences,
        gaz_at,
    };
    surname_after_first_name(&ctx, &mut cands);
    merge_connected(&ctx, &mut cands);
    extend_name_particles(&ctx, &mut cands);
    gazetteer_wins(&ctx, &mut cands);
    named_patterns(&ctx, &mut cands);
    facility_heads(&ctx, &mut cands);
    drop_non_names(&ctx, &mut cands);
    context_labels(&ctx, &mut cands);

    // Names the gazetteers know but the tagger missed.
    let headline_sentences: Vec<bool> = layout
        .sentences
        .iter()
        .map(|&(s, e)| crate::features::is_headline(&analysis.infos[s..e]))
        .collect();
    let mut covered = vec![false; toks.len()];
    for c in &cands {
        for x in covered.iter_mut().take(c.last + 1).skip(c.first) {
            *x = true;
        }
    }
    let mut i = 0;
    while i < toks.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some((len, mask)) = gaz_at[i] {
            let last = i + len - 1;
            let free = (i..=last).all(|k| !covered[k]);
            let info = TokenInfo::new(words[i]);
            let capital = matches!(
                info.class,
                CapClass::InitCap | CapClass::AllCaps | CapClass::Mixed
            );
            let strong = mask & SWEEP != 0
                || (len > 1
                    && mask
                        & (Category::Organisation.bit()
                            | Category::Media.bit()
                            | Category::Region.bit()
                            | Category::Facility.bit())
                        != 0)
                || (info.class == CapClass::AllCaps
                    && words[i].chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && mask & (Category::Organisation.bit() | Category::Media.bit()) != 0);
            let headline = headline_sentences[sentence_of[i]];
            if free && capital && strong && !headline && mask & Category::Title.bit() == 0 {
                let start = toks[i].span.start();
                let end = toks[last].span.end();
                let label = label_of_mask(mask, words, i);
                cands.push(Cand {
                    start,
                    end,
                    first: i,
                    last,
                    label,
                    title: None,
                    sure: true,
                });
                for x in covered.iter_mut().take(last + 1).skip(i) {
                    *x = true;
                }
                i = last + 1;
                continue;
            }
        }
        i += 1;
    }

    // Hyphenated compounds: keep the name parts of one token
    // ("U.S.-brokered", "pro-Israeli", "Israeli-Palestinian").
    let mut split_cands: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if c.first == c.last && has_hyphen(words[c.first]) {
            let parts = hyphen_parts(words[c.first]);
            let named: Vec<(usize, usize)> = parts
                .iter()
                .copied()
                .filter(|&(a, b)| {
                    let p = &words[c.first][a..b];
                    p.chars().next().is_some_and(char::is_uppercase) && gaz.lookup(p) & SWEEP != 0
                })
                .collect();
            let lower_parts = parts.iter().any(|&(a, b)| {
                words[c.first][a..b]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            });
            let whole_known = gaz.lookup(words[c.first]) != 0;
            if !whole_known && (named.len() >= 2 || (lower_parts && !named.is_empty())) {
                for (a, b) in named {
                    let p = &words[c.first][a..b];
                    let start = c.start + a;
                    let end = c.start + b;
                    let _ = p;
                    let mut nc = c.clone();
                    nc.start = start;
                    nc.end = end;
                    nc.label = label_of_mask(gaz.lookup(p), words, c.first);
                    nc.sure = true;
                    split_cands.push(nc);
                }
                continue;
            }
            // "Ata-ur-Rehman", "Inzamam-ul-Haq": a name with lower-case
            // particles, kept whole.
            let later_capital = parts.iter().skip(1).any(|&(a, b)| {
                words[c.first][a..b]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            });
            if lower_parts && named.is_empty() && !later_capital {
                // "Trump-led": keep the leading capitalised part.
                if let Some(&(a, b)) = parts.first() {
                    let p = &words[c.first][a..b];
                    if p.chars().next().is_some_and(char::is_uppercase) && parts.len() > 1 {
                        let mut nc = c.clone();
                        nc.end = c.start + b;
                        // The compound as a whole was read as MISC; its name
                        // part is a person unless it reads as a nationality.
                        // "Boston-based", "Amman-bound": a place.
                        let rest =
                            words[c.first][b..].trim_start_matches(|c| normalize_char(c) == '-');
                        if PLACE_SUFFIXES.iter().any(|s| rest.eq_ignore_ascii_case(s)) {
                            nc.label = EntityLabel::Gpe;
                        } else if matches!(c.label, EntityLabel::Misc | EntityLabel::Norp)
                            && !looks_like_demonym(p)
                        {
                            nc.label = EntityLabel::Person;
                        }
                        split_cands.push(nc);
                        continue;
                    }
                }
            }
        }
        split_cands.push(c);
    }
    let mut cands = split_cands;

    // Possessives glued to the token ("Netanyahu’s").
    for c in &mut cands {
        let t = &text[c.start..c.end];
        for suffix in ["’s", "'s", "’S", "'S"] {
            if t.len() > suffix.len() + 1 && t.ends_with(suffix) {
                c.end -= suffix.len();
                break;
            }
        }
    }

    // User additions win over anything they overlap.
    let mut replacements = Vec::new();
    for add in additions {
        let n = add.words.len();
        for &(s, e) in &layout.sentences {
            let mut i = s;
            while i + n <= e {
                if (0..n).all(|k| words[i + k] == add.words[k]) {
                    replacements.push(Replacement {
                        first: i,
                        last: i + n - 1,
                        cand: ctx.cand(i, i + n - 1, add.label, true),
                    });
                    i += n;
                } else {
                    i += 1;
                }
            }
        }
    }
    replace_all(&mut cands, replacements, toks.len());

    consistency(text, toks, words, gaz, &mut cands, &sentence_of);

    title_case_headings(&ctx, &mut cands);

    // "Mr. al-Hayya": a name right after an honorific is a person, whatever
    // the tagger read in it.
    for c in &mut cands {
        if c.label != EntityLabel::Person
            && c.first > sent_start(c.first)
            && HONORIFICS.contains(&words[c.first - 1])
            && c.start == toks[c.first].span.start()
        {
            c.label = EntityLabel::Person;
        }
    }

    // Titles before PERSON mentions ("Prime Minister Benjamin Netanyahu").
    for c in &mut cands {
        if c.label != EntityLabel::Person
            || c.title.is_some()
            || c.start != toks[c.first].span.start()
        {
            continue;
        }
        let s = sent_start(c.first);
        let mut best: Option<usize> = None;
        for back in 1..=4usize {
            if c.first < s + back {
                break;
            }
            let j = c.first - back;
            if let Some((len, _)) = title_at(gaz, &words[j..c.first], 0) {
                if j + len == c.first {
                    best = Some(j);
                }
            }
        }
        if let Some(j) = best {
            c.title = Some(join(text, toks, j, c.first - 1));
        }
    }

    last_checks(&ctx, &mut cands);

    // Canonical names and the final, non-overlapping layer.
    for c in &mut cands {
        trim_space(text, c);
    }
    cands.retain(|c| {
        c.start < c.end
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
            && c.last - c.first < MAX_ENTITY_TOKENS
            && c.end - c.start <= MAX_ENTITY_BYTES
    });
    cands.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let mut out: Vec<Entity> = Vec::with_capacity(cands.len());
    let mut last_end = 0;
    for c in &cands {
        if c.start < last_end {
            continue;
        }
        last_end = c.end;
        out.push(Entity {
            span: Span::from_boundaries(text, c.start, c.end),
            label: c.label,
            canonical: None,
            title: c.title.clone(),
        });
    }
    canonical_names(text, &mut out);
    out
}

/// Honorifics only ever written before a person's name.
const HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Miss"];

/// The rest of a hyphenated compound whose name part is a place.
const PLACE_SUFFIXES: &[&str] = &[
    "based",
    "born",
    "bound",
    "registered",
    "headquartered",
    "listed",
];

const LAW_HEADS: &[&str] = &[
    "act",
    "treaty",
    "accords",
    "accord",
    "amendment",
    "charter",
    "law",
];
const STREET_HEADS: &[&str] = &["st.", "st", "street", "avenue", "ave.", "road", "boulevard"];

/// Checks on the finished candidates, for errors seen in news off the
/// training data: capitalised common words at a sentence start or in a
/// title-case line ("Analysis", "Very", "Negotiation Leverage Kills
/// Dozens"), pronouns ("Us"), party-state tags ("D-Mass."), laws named by
/// their head ("Inflation Reduction Act"), streets ("Downing St.") and
/// organisations whose head noun the tagger left out ("Middle East" +
/// "Institute").
fn last_checks(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let title_case: Vec<bool> = ctx
        .sentences
        .iter()
        .map(|&(s, e)| is_title_case(&ctx.words[s..e]))
        .collect();
    cands.sort_by_key(|c| c.first);
    let mut taken = vec![false; ctx.toks.len()];
    for c in cands.iter() {
        taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
    }
    cands.retain(|c| {
        let t = &ctx.text[c.start..c.end];
        let words = &ctx.words[c.first..=c.last];
        let (s, _) = ctx.sentence_range(c.first);
        let opens =
            c.first == s || (c.first == s + 1 && !ctx.words[s].chars().any(char::is_alphanumeric));
        let in_title_case = ctx.sentence_of.get(c.first).is_some_and(|&k| title_case[k]);
        let all_common = words
            .iter()
            .all(|w| ctx.gaz.is_common(w) || !w.chars().next().is_some_and(char::is_alphabetic));
        let listed = ctx.gaz.lookup(t) != 0;
        // Headlines in capitals are left to the tagger, which learnt them.
        let all_caps = !t.chars().any(char::is_lowercase);
        let common_opening = all_common && !listed && !all_caps && (opens || in_title_case);
        let pronoun =
            t.chars().any(char::is_lowercase) && NOT_NAMES.contains(&t.to_lowercase().as_str());
        let party_state = is_party_state(t);
        !(common_opening || pronoun || party_state)
    });
    for c in cands.iter_mut() {
        let head = ctx.lower(c.last);
        let multi = c.last > c.first;
        if multi
            && ctx.capitalised(c.last)
            && LAW_HEADS.contains(&head.as_str())
            && matches!(
                c.label,
                EntityLabel::Org | EntityLabel::Misc | EntityLabel::Event
            )
        {
            c.label = EntityLabel::Law;
            c.sure = true;
        }
        if multi
            && STREET_HEADS.contains(&head.as_str())
            && matches!(
                c.label,
                EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Loc
            )
        {
            c.label = EntityLabel::Fac;
            c.sure = true;
        }
        // "Middle East" + "Institute": a capitalised head noun of an
        // organisation right after the span, in its sentence.
        let next = c.last + 1;
        if c.end == ctx.toks[c.last].span.end()
            && next < ctx.toks.len()
            && !taken[next]
            && ctx.same_sentence(c.last, next)
            && ctx.capitalised(next)
            && c.last + 1 - c.first < MAX_ENTITY_TOKENS
            && matches!(
                c.label,
                EntityLabel::Loc | EntityLabel::Gpe | EntityLabel::Norp | EntityLabel::Org
            )
            && ORG_HEADS.contains(&ctx.lower(next).as_str())
        {
            taken[next] = true;
            c.last = next;
            c.end = ctx.toks[next].span.end();
            c.label = EntityLabel::Org;
            c.sure = true;
        }
    }
    laws_by_head(ctx, &taken, cands);
}

/// "The Inflation Reduction Act was signed": capitalised words ending in
/// "Act" or "Treaty" that the tagger left out are a LAW.
fn laws_by_head(ctx: &Ctx, taken: &[bool], cands: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for i in 1..ctx.toks.len() {
        if taken[i] || !LAW_WORD_HEADS.contains(&ctx.words[i]) {
            continue;
        }
        let (s, _) = ctx.sentence_range(i);
        let mut first = i;
        while first > s
            && i - first + 1 < MAX_ENTITY_TOKENS
            && !taken[first - 1]
            && ctx.capitalised(first - 1)
            && !ctx.words[first - 1].eq_ignore_ascii_case("the")
        {
            first -= 1;
        }
        if first < i {
            added.push(ctx.cand(first, i, EntityLabel::Law, true));
        }
    }
    if !added.is_empty() {
        cands.extend(added);
        cands.sort_by_key(|c| c.first);
    }
}

/// Head words that end a law's name and nothing else.
const LAW_WORD_HEADS: &[&str] = &["Act", "Treaty", "Accords", "Amendment"];

/// "D-Mass.", "R-Texas": a US legislator's party and state.
fn is_party_state(t: &str) -> bool {
    let mut it = t.chars();
    matches!(it.next(), Some('D' | 'R' | 'I'))
        && it.next().is_some_and(|c| normalize_char(c) == '-')
        && it.next().is_some_and(char::is_uppercase)
        && it.all(|c| c.is_alphabetic() || c == '.')
}

/// Moves the span's edges inside any white space (an entity never starts or
/// ends with it, whatever the tokens were).
fn trim_space(text: &str, c: &mut Cand) {
    let Some(t) = text.get(c.start..c.end) else {
        return;
    };
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    if lead + trail >= t.len() {
        c.end = c.start;
    } else {
        c.start += lead;
        c.end -= trail;
    }
}

/// "Kurdish", "Israeli", "Egyptian": adjective endings of nationalities.
fn looks_like_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    ["an", "ans", "ian", "ians", "ish", "ese", "i", "is", "ic"]
        .iter()
        .any(|s| l.ends_with(s))
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn starts_with_words(words: &[&str], expected: &[&str]) -> bool {
    words.len() >= expected.len()
        && words
            .iter()
            .zip(expected)
            .all(|(w, e)| w.eq_ignore_ascii_case(e))
}

fn is_possessive(w: &str) -> bool {
    let mut it = w.chars().map(normalize_char);
    matches!(
        (it.next(), it.next(), it.next()),
        (Some('\''), None, None) | (Some('\''), Some('s' | 'S'), None)
    )
}

fn has_hyphen(w: &str) -> bool {
    w.chars().any(|c| normalize_char(c) == '-') && w.chars().count() > 2
}

/// Byte ranges of the parts of a token split at hyphens and dashes.
fn hyphen_parts(w: &str) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in w.char_indices() {
        if normalize_char(c) == '-' {
            if i > start {
                parts.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < w.len() {
        parts.push((start, w.len()));
    }
    parts
}

/// A title at `words[at..]`: (tokens, mask).
fn title_at(gaz: &Gazetteer, words: &[&str], at: usize) -> Option<(usize, u16)> {
    // Titles are capitalised when they precede a name.
    if !words
        .get(at)?
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
    {
        return None;
    }
    let mut best = None;
    let mut len = 1;
    while at + len <= words.len() && len <= 4 {
        let mask = gaz.lookup_words(&words[at..at + len]);
        if mask & Category::Title.bit() != 0 {
            best = Some((len, mask));
        }
        len += 1;
    }
    best
}

fn join(text: &str, toks: &[lede_core::Token], a: usize, b: usize) -> String {
    text.get(toks[a].span.start()..toks[b].span.end())
        .unwrap_or("")
        .to_string()
}

/// The fine label of a gazetteer match.
fn label_of_mask(mask: u16, words: &[&str], at: usize) -> EntityLabel {
    let has = |c: Category| mask & c.bit() != 0;
    if has(Category::Language) && at > 0 && words[at - 1] == "in" {
        EntityLabel::Language
    } else if has(Category::Country) || has(Category::City) {
        EntityLabel::Gpe
    } else if has(Category::Nationality) {
        EntityLabel::Norp
    } else if has(Category::Group) || has(Category::Organisation) || has(Category::Media) {
        EntityLabel::Org
    } else if has(Category::Facility) {
        EntityLabel::Fac
    } else if has(Category::Region) {
        EntityLabel::Loc
    } else if has(Category::Event) {
        EntityLabel::Event
    } else if has(Category::Language) {
        EntityLabel::Language
    } else {
        EntityLabel::Misc
    }
}

const LOC_HEADS: &[&str] = &[
    "sea",
    "ocean",
    "river",
    "peninsula",
    "mountains",
    "mountain",
    "desert",
    "gulf",
    "valley",
    "lake",
    "strait",
    "canal",
    "coast",
    "basin",
    "plateau",
    "heights",
    "island",
    "islands",
];
const FAC_HEADS: &[&str] = &[
    "corridor",
    "crossing",
    "axis",
    "airport",
    "bridge",
    "tower",
    "towers",
    "square",
    "street",
    "palace",
    "mosque",
    "hospital",
    "stadium",
    "church",
    "synagogue",
    "prison",
    "base",
    "port",
    "road",
    "highway",
    "building",
    "hotel",
    "resort",
    "checkpoint",
];
const EVENT_WORDS: &[&str] = &[
    "war",
    "operation",
    "intifada",
    "revolution",
    "uprising",
    "summit",
    "olympics",
    "games",
    "cup",
    "massacre",
    "crisis",
];
const LAW_WORDS: &[&str] = &[
    "resolution",
    "act",
    "law",
    "accords",
    "accord",
    "treaty",
    "convention",
    "amendment",
    "charter",
];

/// (label, sure) for a tagged span.
#[allow(clippy::too_many_arguments)]
fn fine_label(
    kind: Coarse,
    span_words: &[&str],
    text: &str,
    start: usize,
    end: usize,
    gaz: &Gazetteer,
    first: usize,
    words: &[&str],
    _sent_start: usize,
) -> (EntityLabel, bool) {
    let whole = &text[start..end];
    let mask = gaz.lookup(whole);
    let has = |c: Category| mask & c.bit() != 0;
    let head = span_words.last().copied().unwrap_or("").to_lowercase();
    let first_word = span_words.first().copied().unwrap_or("").to_lowercase();
    let in_list = |list: &[&str], w: &str| list.contains(&w);
    match kind {
        Coarse::Per => {
            if mask != 0 && !has(Category::FirstName) && !has(Category::Title) {
                (label_of_mask(mask, words, first), true)
            } else {
                (EntityLabel::Person, false)
            }
        }
        Coarse::Org => {
            // A city tagged ORG is usually a team or an institution named
            // after it ("Milan", "COLORADO"): only countries are moved.
            if has(Category::Country) {
                (EntityLabel::Gpe, true)
            } else if has(Category::Nationality) && !has(Category::Group) {
                (EntityLabel::Norp, true)
            } else if has(Category::Facility) && !has(Category::Organisation) {
                (EntityLabel::Fac, true)
            } else {
                (EntityLabel::Org, mask != 0)
            }
        }
        Coarse::Loc => {
            if has(Category::Country) || has(Category::City) {
                (EntityLabel::Gpe, true)
            } else if has(Category::Facility) {
                (EntityLabel::Fac, true)
            } else if has(Category::Region) {
                (EntityLabel::Loc, true)
            } else if has(Category::Nationality) {
                (EntityLabel::Norp, true)
            } else if has(Category::Group) || has(Category::Organisation) || has(Category::Media) {
                (EntityLabel::Org, true)
            } else if in_list(FAC_HEADS, &head) {
                (EntityLabel::Fac, true)
            } else if in_list(LOC_HEADS, &head)
                || span_words.len() > 1 && in_list(&["east", "west", "north", "south"], &head)
            {
                (EntityLabel::Loc, true)
            } else {
                (EntityLabel::Gpe, false)
            }
        }
        Coarse::Misc => {
            if has(Category::Language) && first > 0 && words[first - 1] == "in" {
                (EntityLabel::Language, true)
            } else if has(Category::Nationality) {
                (EntityLabel::Norp, true)
            } else if has(Category::Event)
                || in_list(EVENT_WORDS, &head)
                || first_word == "operation"
            {
                (EntityLabel::Event, true)
            } else if in_list(LAW_WORDS, &first_word) || in_list(LAW_WORDS, &head) {
                (EntityLabel::Law, true)
            } else if has(Category::Group) || has(Category::Organisation) || has(Category::Media) {
                (EntityLabel::Org, true)
            } else if has(Category::Country) || has(Category::City) {
                (EntityLabel::Gpe, true)
            } else if has(Category::Language) {
                (EntityLabel::Language, true)
            } else if span_words.len() == 1 {
                (EntityLabel::Norp, false)
            } else {
                (EntityLabel::Misc, false)
            }
        }
    }
}

/// Once a full name is a PERSON, its last name alone is that PERSON; other
/// mentions of one text share the label most of them got.
fn consistency(
    text: &str,
    toks: &[lede_core::Token],
    words: &[&str],
    gaz: &Gazetteer,
    cands: &mut Vec<Cand>,
    sentence_of: &[usize],
) {
    // Last names of multi-word PERSON mentions, with how often the document
    // has each as a PERSON (full name or alone) and as something else alone.
    // A name written in capitals ("LEBED CHECHNYA" in a headline) is weak
    // evidence and gives no last name.
    let mut support: IdentityMap<(usize, usize)> = IdentityMap::default();
    for c in cands.iter() {
        if c.label == EntityLabel::Person && c.last > c.first {
            let mut l = c.last;
            if is_generational(words[l]) && l > c.first + 1 {
                l -= 1;
            }
            let w = strip_possessive(words[l]);
            let capitals = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if w.chars().next().is_some_and(char::is_uppercase)
                && !capitals
                && gaz.lookup(w) & SWEEP == 0
            {
                support.entry(key_of(w)).or_default().0 += 1;
            }
        }
    }
    for c in cands.iter().filter(|c| c.first == c.last) {
        let w = strip_possessive(&text[c.start..c.end]);
        if let Some(n) = support.get_mut(&key_of(w)) {
            if c.label == EntityLabel::Person {
                n.0 += 1;
            } else {
                n.1 += 1;
            }
        }
    }
    // A text the document mostly gives another label ("Chechnya" once in a
    // mistaken "Lebed Chechnya") is not a last name.
    let mut surnames: Vec<u64> = support
        .iter()
        .filter(|(_, &(person, other))| person >= other)
        .map(|(&k, _)| k)
        .collect();
    surnames.sort_unstable();
    if !surnames.is_empty() {
        for c in cands.iter_mut() {
            if c.label != EntityLabel::Person && c.first == c.last {
                let w = strip_possessive(&text[c.start..c.end]);
                if surnames.binary_search(&key_of(w)).is_ok() {
                    c.label = EntityLabel::Person;
                    c.sure = true;
                }
            }
        }
        // "US Trump": a place or nationality glued to a known person.
        let mut split = Vec::new();
        cands.retain(|c| {
            if c.label == EntityLabel::Person || c.last == c.first {
                return true;
            }
            let mask = gaz.lookup(words[c.first]);
            let rest_known = (c.first + 1..=c.last).all(|k| {
                surnames
                    .binary_search(&key_of(strip_possessive(words[k])))
                    .is_ok()
            });
            if mask & SWEEP != 0 && rest_known && c.end == toks[c.last].span.end() {
                let place = Cand {
                    end: toks[c.first].span.end(),
                    last: c.first,
                    label: label_of_mask(mask, words, c.first),
                    sure: true,
                    ..c.clone()
                };
                let person = Cand {
                    start: toks[c.first + 1].span.start(),
                    first: c.first + 1,
                    label: EntityLabel::Person,
                    sure: true,
                    ..c.clone()
                };
                split.push(place);
                split.push(person);
                false
            } else {
                true
            }
        });
        cands.extend(split);
        // Untagged mentions of a known last name.
        let mut covered = vec![false; toks.len()];
        for c in cands.iter() {
            for x in covered.iter_mut().take(c.last + 1).skip(c.first) {
                *x = true;
            }
        }
        for (i, w) in words.iter().enumerate() {
            if covered[i] || !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let bare = strip_possessive(w);
            if surnames.binary_search(&key_of(bare)).is_ok() {
                let start = toks[i].span.start();
                cands.push(Cand {
                    start,
                    end: start + bare.len(),
                    first: i,
                    last: i,
                    label: EntityLabel::Person,
                    title: None,
                    sure: true,
                });
            }
        }
    }
    let _ = sentence_of;
    // The other labels of a text are not put to a vote here: the tagger
    // reads what it predicted for the word form elsewhere in the document
    // (its history features), which a vote over the spans would only undo
    // where the context forced another reading ("MILWAUKEE" the city in a
    // table of results and the team in a fixture line).
}

fn is_generational(w: &str) -> bool {
    matches!(w, "II" | "III" | "IV" | "Jr." | "Jr" | "Sr." | "Sr")
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    w
}

/// Sets `canonical` on PERSON and ORG entities: the fullest name of the
/// same entity in the document.
///
/// Linear in the number of entities: every name is indexed by hashes of its
/// parts, so a mention looks up the few names that may contain it instead of
/// comparing itself with every other entity. A PERSON mention belongs to the
/// longest name with the same last word (the word before "II", "Jr." counts
/// as the last) that holds its words in order; an ORG mention to the longest
/// name that holds its words in a row or whose initials it is.
fn canonical_names(text: &str, entities: &mut [Entity]) {
    /// Keys of the name index; one table keyed by hashes of the parts.
    const LAST: u64 = 1;
    const PAIR: u64 = 2;
    const WINDOW: u64 = 3;
    const INITIALS: u64 = 4;
    let key = |kind: u64, label: EntityLabel, words: &[&str]| -> u64 {
        let mut h = crate::features::Hasher::new();
        h.push(char::from(b'0' + kind as u8));
        h.push(char::from(b'a' + label as u8));
        for w in words {
            for c in w.chars() {
                h.push(c);
            }
            h.push(' ');
        }
        h.finish()
    };
    // Index: key -> index of the longest entity text under it (first seen
    // wins a tie, as the reading order does).
    let mut best: IdentityMap<usize> = IdentityMap::default();
    let mut offer = |k: u64, i: usize, entities: &[Entity]| {
        let len = entities[i].span.len();
        best.entry(k)
            .and_modify(|b| {
                if entities[*b].span.len() < len {
                    *b = i;
                }
            })
            .or_insert(i);
    };
    let mut words: Vec<&str> = Vec::with_capacity(MAX_ENTITY_TOKENS);
    for i in 0..entities.len() {
        let label = entities[i].label;
        let name = entities[i].span.text(text);
        words.clear();
        words.extend(name.split_whitespace().take(MAX_ENTITY_TOKENS));
        let Some(&last) = words.last() else { continue };
        match label {
            EntityLabel::Person => {
                let before_suffix =
                    (words.len() >= 2 && is_generational(last)).then(|| words[words.len() - 2]);
                for l in std::iter::once(last).chain(before_suffix) {
                    offer(key(LAST, label, &[l]), i, entities);
                    for w in &words {
                        offer(key(PAIR, label, &[w, l]), i, entities);
                    }
                }
            }
            EntityLabel::Org => {
                for a in 0..words.len() {
                    for b in a + 1..=words.len() {
                        offer(key(WINDOW, label, &words[a..b]), i, entities);
                    }
                }
                let initials: String = words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect();
                if initials.chars().count() >= 2 {
                    offer(key(INITIALS, label, &[&initials]), i, entities);
                }
            }
            _ => {}
        }
    }
    let mut canonical: Vec<Option<String>> = vec![None; entities.len()];
    let mut names: Vec<&str> = Vec::with_capacity(MAX_ENTITY_TOKENS);
    for (i, e) in entities.iter().enumerate() {
        let own = e.span.text(text);
        words.clear();
        words.extend(own.split_whitespace().take(MAX_ENTITY_TOKENS));
        let Some(&last) = words.last() else {
            if matches!(e.label, EntityLabel::Person | EntityLabel::Org) {
                canonical[i] = Some(own.to_string());
            }
            continue;
        };
        let found = match e.label {
            EntityLabel::Person => {
                // "Netanyahu" is "Benjamin Netanyahu"; "Abdullah" is
                // "Abdullah II".
                let k = if words.len() == 1 {
                    key(LAST, e.label, &[last])
                } else {
                    key(PAIR, e.label, &[words[0], last])
                };
                best.get(&k).copied().filter(|&j| {
                    names.clear();
                    names.extend(entities[j].span.text(text).split_whitespace());
                    is_subsequence(&names, &words)
                })
            }
            EntityLabel::Org => {
                let by_words = best.get(&key(WINDOW, e.label, &words)).copied();
                let letters: String = own.chars().filter(|c| c.is_alphabetic()).collect();
                let by_initials =
                    if letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) {
                        best.get(&key(INITIALS, e.label, &[&letters])).copied()
                    } else {
                        None
                    };
                match (by_words, by_initials) {
                    (Some(a), Some(b)) => {
                        Some(if entities[b].span.len() > entities[a].span.len() {
                            b
                        } else {
                            a
                        })
                    }
                    (a, b) => a.or(b),
                }
            }
            _ => continue,
        };
        let name = match found {
            Some(j) if entities[j].span.len() > own.len() => entities[j].span.text(text),
            _ => own,
        };
        canonical[i] = Some(name.to_string());
    }
    for (e, c) in entities.iter_mut().zip(canonical) {
        e.canonical = c;
    }
}

/// True when `needle`'s words appear in `hay` in order ("Mohammed Al
/// Thani" in "Mohammed bin Abdulrahman Al Thani").
fn is_subsequence(hay: &[&str], needle: &[&str]) -> bool {
    let mut it = hay.iter();
    !needle.is_empty() && needle.iter().all(|n| it.any(|h| h == n))
}

/// Read-only views shared by the rule passes.
struct Ctx<'a> {
    text: &'a str,
    toks: &'a [lede_core::Token],
    words: &'a [&'a str],
    gaz: &'a Gazetteer,
    sentence_of: &'a [usize],
    sentences: &'a [(usize, usize)],
    gaz_at: &'a [Option<(usize, u16)>],
}

impl Ctx<'_> {
    fn cand(&self, first: usize, last: usize, label: EntityLabel, sure: bool) -> Cand {
        Cand {
            start: self.toks[first].span.start(),
            end: self.toks[last].span.end(),
            first,
            last,
            label,
            title: None,
            sure,
        }
    }
    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence_of.get(a) == self.sentence_of.get(b)
    }
    fn capitalised(&self, i: usize) -> bool {
        self.words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }
    fn lower(&self, i: usize) -> String {
        self.words
            .get(i)
            .map_or(String::new(), |w| w.to_lowercase())
    }
    fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentences.get(s))
            .copied()
            .unwrap_or((0, self.toks.len()))
    }
}

/// A candidate that replaces whatever overlaps tokens `first..=last`.
struct Replacement {
    first: usize,
    last: usize,
    cand: Cand,
}

/// Applies replacements in one pass (linear, unlike replacing one at a
/// time): of overlapping replacements the first wins; the result is sorted
/// by first token.
fn replace_all(cands: &mut Vec<Cand>, mut news: Vec<Replacement>, n_tokens: usize) {
    if news.is_empty() {
        return;
    }
    news.sort_by_key(|r| r.first);
    let mut taken = vec![false; n_tokens];
    let mut kept = Vec::with_capacity(news.len());
    for r in news {
        let range = r.first..=r.last.min(n_tokens.saturating_sub(1));
        if taken[range.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[range].iter_mut().for_each(|t| *t = true);
        kept.push(r.cand);
    }
    cands.retain(|c| !taken[c.first..=c.last].iter().any(|&t| t));
    cands.extend(kept);
    cands.sort_by_key(|c| c.first);
}

/// Candidates overlapping tokens `first..=last`, from a list sorted by
/// first token whose spans are at most [`MAX_ENTITY_TOKENS`] long.
fn overlapping(cands: &[Cand], first: usize, last: usize) -> impl Iterator<Item = &Cand> {
    let lo = cands.partition_point(|c| c.first + MAX_ENTITY_TOKENS < first);
    cands[lo..]
        .iter()
        .take_while(move |c| c.first <= last)
        .filter(move |c| c.last >= first)
}

/// Capitalised words that open questions and clauses, never a name's first
/// word at the start of a sentence ("Can Trump Lead Us?", "Will Hamas
/// agree?").
const OPENERS: &[&str] = &[
    "Can",
    "Could",
    "Will",
    "Would",
    "Should",
    "Must",
    "Shall",
    "Does",
    "Did",
    "Do",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Why",
    "How",
    "What",
    "When",
    "Where",
    "Who",
    "Which",
    "While",
    "If",
    "Although",
    "Though",
    "Because",
    "Since",
    "Unless",
    "After",
    "Before",
    "As",
    "And",
    "But",
    "So",
    "Yet",
    "Then",
    "Meanwhile",
    "However",
    "Still",
    "Even",
    "Only",
    "Now",
    "Here",
    "There",
    "Inside",
    "Outside",
    "Without",
    "Under",
    "Amid",
    "Despite",
];

/// Months that are also last names ("Theresa May"): the tagger, which
/// learnt them as dates, tags the first name alone.
const MONTH_NAMES: &[&str] = &["May", "June", "April", "August"];

/// "Theresa" + "May": a one-word PERSON takes the capitalised word after it
/// when that word is a month not followed by a day (a date does not follow a
/// bare name), or when the PERSON is a known first name and the word is one
/// news does not write in lower case.
fn surname_after_first_name(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut taken = vec![false; ctx.toks.len()];
    for c in cands.iter() {
        taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
    }
    // A known first name the tagger left out, before a month ("Theresa May
    // met ..."), is a one-word PERSON to extend.
    for i in 0..ctx.toks.len().saturating_sub(1) {
        if !taken[i]
            && !taken[i + 1]
            && ctx.same_sentence(i, i + 1)
            && MONTH_NAMES.contains(&ctx.words[i + 1])
            && TokenInfo::new(ctx.words[i]).class == CapClass::InitCap
            && ctx.gaz.is(ctx.words[i], Category::FirstName)
        {
            cands.push(ctx.cand(i, i, EntityLabel::Person, false));
        }
    }
    cands.sort_by_key(|c| c.first);
    for c in cands.iter_mut() {
        let next = c.last + 1;
        if c.label != EntityLabel::Person
            || c.first != c.last
            || c.end != ctx.toks[c.last].span.end()
            || next >= ctx.toks.len()
            || taken[next]
            || !ctx.same_sentence(c.last, next)
        {
            continue;
        }
        let w = ctx.words[next];
        let init_cap = TokenInfo::new(w).class == CapClass::InitCap;
        let first_name = ctx.gaz.is(ctx.words[c.last], Category::FirstName);
        // "Theresa May met", not "Netanyahu May 5".
        let month = MONTH_NAMES.contains(&w)
            && ctx
                .words
                .get(next + 1)
                .is_none_or(|n| !n.starts_with(|d: char| d.is_ascii_digit()));
        if init_cap
            && (month || first_name && !ctx.gaz.is_common(w))
            && (month || ctx.gaz.lookup(w) == 0)
        {
            taken[next] = true;
            c.last = next;
            c.end = ctx.toks[next].span.end();
        }
    }
}

/// "Popular Front" + "for the" + "Liberation of Palestine" is one ORG.
fn merge_connected(ctx: &Ctx, cands: &mut Vec<Cand>) {
    cands.sort_by_key(|c| c.first);
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    for b in cands.drain(..) {
        let Some(a) = out.last_mut() else {
            out.push(b);
            continue;
        };
        let gap = &ctx.words[(a.last + 1).min(b.first)..b.first];
        let is = |w: &str, e: &str| w.eq_ignore_ascii_case(e);
        let joins = match gap {
            [w] => ["for", "of", "on"].iter().any(|e| is(w, e)),
            [w, the] => ["for", "of", "on"].iter().any(|e| is(w, e)) && is(the, "the"),
            _ => false,
        };
        if joins
            && a.label == EntityLabel::Org
            && b.last - a.first < MAX_ENTITY_TOKENS
            && matches!(
                b.label,
                EntityLabel::Org
                    | EntityLabel::Gpe
                    | EntityLabel::Loc
                    | EntityLabel::Misc
                    | EntityLabel::Norp
            )
            && ctx.same_sentence(a.first, b.last)
            && ctx.gaz.lookup(&ctx.text[a.start..a.end]) & SWEEP == 0
            && (b.label == EntityLabel::Org || institution_head(ctx, a.last))
        {
            a.end = b.end;
            a.last = b.last;
            a.sure = true;
        } else {
            out.push(b);
        }
    }
    *cands = out;
}

/// Does the ORG ending at token `last` name an institution by a common
/// noun ("Bank", "Ministry", "University") that a place can complete ("Bank
/// of England")? A company or team ("Kia Motor Corp", "Benetton") followed
/// by "of" and a place is located, not named, by it.
fn institution_head(ctx: &Ctx, last: usize) -> bool {
    let w = ctx.words[last].to_lowercase();
    INSTITUTION_HEADS.contains(&w.as_str())
}

const INSTITUTION_HEADS: &[&str] = &[
    "academy",
    "agency",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "chamber",
    "church",
    "club",
    "college",
    "command",
    "commission",
    "committee",
    "corps",
    "council",
    "court",
    "department",
    "exchange",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "government",
    "group",
    "guard",
    "house",
    "institute",
    "league",
    "ministry",
    "movement",
    "museum",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "republic",
    "school",
    "secretariat",
    "senate",
    "service",
    "society",
    "tribunal",
    "union",
    "university",
];

const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "ben", "abu", "al", "el", "van", "von", "de", "da", "der", "du", "la",
    "le",
];

/// "Abdel Fattah el-Sisi", "Mohammed bin Abdulrahman Al Thani": lower-case
/// particles inside Arabic and European names.
fn extend_name_particles(ctx: &Ctx, cands: &mut Vec<Cand>) {
    cands.sort_by_key(|c| c.first);
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    // End of the last extended name: candidates inside it are dropped.
    let mut extended_to: Option<usize> = None;
    for mut c in cands.drain(..) {
        if extended_to.is_some_and(|e| c.first <= e) {
            continue;
        }
        if c.label != EntityLabel::Person {
            out.push(c);
            continue;
        }
        let first = c.first;
        let room = |last: usize| last + 1 - first <= MAX_ENTITY_TOKENS;
        let mut last = c.last;
        loop {
            let next = last + 1;
            if next >= ctx.toks.len() || !ctx.same_sentence(next, last) || !room(next) {
                break;
            }
            let w = ctx.words[next];
            // el-Sisi, al-Hayya: a particle glued by a hyphen to a capital.
            let glued = w.split_once('-').is_some_and(|(p, rest)| {
                PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
            });
            if glued {
                last = next;
                continue;
            }
            if PARTICLES.contains(&w)
                && ctx.capitalised(next + 1)
                && ctx.same_sentence(next, next + 1)
                && room(next + 1)
            {
                last = next + 1;
                // Take the capitalised words that follow ("Al Thani").
                while room(last + 1)
                    && ctx.capitalised(last + 1)
                    && ctx.same_sentence(last, last + 1)
                    && !is_possessive(ctx.words[last + 1])
                    && ctx.gaz.lookup(ctx.words[last + 1]) & SWEEP == 0
                {
                    last += 1;
                }
                continue;
            }
            break;
        }
        if last != c.last {
            c.last = last;
            c.end = ctx.toks[last].span.end();
            c.sure = true;
            extended_to = Some(last);
        }
        out.push(c);
    }
    *cands = out;
}

/// Countries, cities and regions: a span made only of these is split.
const PLACES: u16 =
    (1 << Category::Country as u8) | (1 << Category::City as u8) | (1 << Category::Region as u8);

/// Lower-case words that may sit inside a name.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "on", "de", "el", "al", "bin", "ibn", "la", "le",
];

/// A longer gazetteer name wins over the tagger's shorter guess ("Channel
/// 13" over "Channel", "Rafah crossing" over "Rafah"), and a tagged span that
/// is just several listed names in a row is split ("U.S. Middle East").
fn gazetteer_wins(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let strong = SWEEP
        | Category::Organisation.bit()
        | Category::Media.bit()
        | Category::Region.bit()
        | Category::Facility.bit();
    let mut new = Vec::new();
    for &(s, e) in ctx.sentences {
        let mut i = s;
        while i < e {
            if let Some((len, mask)) = ctx.gaz_at[i] {
                let last = i + len - 1;
                let cased = (i..=last).all(|k| {
                    ctx.capitalised(k)
                        || !ctx.words[k].chars().next().is_some_and(char::is_alphabetic)
                        || CONNECTORS.contains(&ctx.words[k])
                        || mask & Category::Facility.bit() != 0
                });
                let ends_in_word = ctx.words[last]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if mask & strong != 0
                    && ctx.capitalised(i)
                    && cased
                    && ends_in_word
                    && mask & Category::Title.bit() == 0
                {
                    new.push((i, last, mask));
                }
                i = last + 1;
            } else {
                i += 1;
            }
        }
    }
    cands.sort_by_key(|c| c.first);
    let mut replacements = Vec::new();
    for &(first, last, mask) in &new {
        if last == first {
            continue;
        }
        let mut any = false;
        let mut inside = true;
        let mut longer = true;
        for c in overlapping(cands, first, last) {
            any = true;
            inside &= c.first >= first && c.last <= last;
            longer &= c.last - c.first < last - first;
        }
        if any && inside && longer {
            let label = label_of_mask(mask, ctx.words, first);
            replacements.push(Replacement {
                first,
                last,
                cand: ctx.cand(first, last, label, true),
            });
        }
    }
    replace_all(cands, replacements, ctx.toks.len());
    // Split a candidate made of listed names only.
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        let from = new.partition_point(|&(f, _, _)| f < c.first);
        let parts: Vec<&(usize, usize, u16)> = new[from..]
            .iter()
            .take_while(|(f, _, _)| *f <= c.last)
            .filter(|(_, l, m)| *l <= c.last && m & PLACES != 0)
            .collect();
        let covered: usize = parts.iter().map(|(f, l, _)| l - f + 1).sum();
        if parts.len() >= 2 && covered == c.last - c.first + 1 {
            for &&(f, l, mask) in &parts {
                out.push(ctx.cand(f, l, label_of_mask(mask, ctx.words, f), true));
            }
        } else {
            out.push(c);
        }
    }
    *cands = out;
    cands.sort_by_key(|c| c.first);
}

fn is_open_quote(w: &str) -> bool {
    matches!(w, "“" | "‘" | "\"" | "'" | "«")
}

fn is_close_quote(w: &str) -> bool {
    matches!(w, "”" | "’" | "\"" | "'" | "»")
}

/// Patterns that name things: `Operation “Name”` (EVENT, the name only) and
/// `Resolution 2735` (LAW).
fn named_patterns(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut replacements = Vec::new();
    for i in 0..ctx.toks.len() {
        let w = ctx.words[i];
        let (_, end) = ctx.sentence_range(i);
        if w == "Operation" && i + 1 < end {
            let mut first = i + 1;
            let quoted = is_open_quote(ctx.words[first]);
            if quoted {
                first += 1;
            }
            let mut last = first;
            if quoted {
                while last < end && last < first + 6 && !is_close_quote(ctx.words[last]) {
                    last += 1;
                }
                if last >= end || !is_close_quote(ctx.words[last]) || last == first {
                    continue;
                }
                last -= 1;
            } else {
                if first >= end || !ctx.capitalised(first) {
                    continue;
                }
                while last + 1 < end
                    && last + 1 - first < MAX_ENTITY_TOKENS
                    && ctx.capitalised(last + 1)
                {
                    last += 1;
                }
            }
            replacements.push(Replacement {
                first: i,
                last,
                cand: ctx.cand(first, last, EntityLabel::Event, true),
            });
        }
        if (w == "Resolution" || w == "resolution")
            && i + 1 < end
            && ctx.words[i + 1].bytes().all(|b| b.is_ascii_digit())
        {
            replacements.push(Replacement {
                first: i,
                last: i + 1,
                cand: ctx.cand(i, i + 1, EntityLabel::Law, true),
            });
        }
    }
    replace_all(cands, replacements, ctx.toks.len());
    cands.sort_by_key(|c| c.first);
}

/// "Rafah crossing" and "Philadelphi axis" are facilities with their
/// lower-case head; "Four Seasons resort" is a facility without it.
fn facility_heads(ctx: &Ctx, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let next = c.last + 1;
        if next >= ctx.toks.len()
            || !ctx.same_sentence(c.last, next)
            || c.end != ctx.toks[c.last].span.end()
        {
            continue;
        }
        let head = ctx.words[next];
        if matches!(head, "crossing" | "corridor" | "axis") {
            c.last = next;
            c.end = ctx.toks[next].span.end();
            c.label = EntityLabel::Fac;
            c.sure = true;
        } else if matches!(
            head,
            "resort" | "hotel" | "airport" | "compound" | "palace" | "mosque" | "stadium"
        ) && matches!(
            c.label,
            EntityLabel::Misc
                | EntityLabel::Org
                | EntityLabel::Norp
                | EntityLabel::Fac
                | EntityLabel::Loc
        ) {
            c.label = EntityLabel::Fac;
            c.sure = true;
        }
    }
}

const NOT_NAMES: &[&str] = &[
    "us", "we", "i", "he", "she", "it", "they", "them", "this", "that", "these", "those", "our",
    "your", "my", "his", "her", "their", "who", "what", "where", "when", "why", "how",
];

/// Titles and pronouns the tagger took for names ("PM", "Us", "Staff" in
/// "Chief of Staff").
fn drop_non_names(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let mut title_tokens = vec![false; ctx.toks.len()];
    for &(s, e) in ctx.sentences {
        for i in s..e {
            if let Some((len, mask)) = ctx.gaz_at[i] {
                if mask & Category::Title.bit() != 0 && len > 1 && mask & SWEEP == 0 {
                    for t in title_tokens.iter_mut().skip(i).take(len) {
                        *t = true;
                    }
                }
            }
        }
    }
    cands.retain(|c| {
        let t = &ctx.text[c.start..c.end];
        let mask = ctx.gaz.lookup(t);
        let only_title = mask & Category::Title.bit() != 0
            && mask & !Category::Title.bit() & !Category::FirstName.bit() == 0;
        let in_title = (c.first..=c.last).all(|k| title_tokens[k]);
        let pronoun = NOT_NAMES.contains(&t.to_lowercase().as_str());
        !(only_title || in_title || pronoun)
    });
}

const ORG_HEADS: &[&str] = &[
    "institute",
    "program",
    "programme",
    "center",
    "centre",
    "council",
    "committee",
    "ministry",
    "agency",
    "party",
    "movement",
    "front",
    "association",
    "corporation",
    "company",
    "bank",
    "university",
    "college",
    "foundation",
    "fund",
    "organization",
    "organisation",
    "union",
    "league",
    "army",
    "forces",
    "brigades",
    "brigade",
    "command",
    "cabinet",
    "office",
    "authority",
    "court",
    "group",
    "network",
    "news",
    "service",
    "police",
    "department",
    "commission",
    "corps",
    "parliament",
    "assembly",
    "government",
    "inc.",
    "ltd",
    "ltd.",
    "co.",
    "corp.",
    "endowment",
];

const WORK_CUES: &[&str] = &[
    "video",
    "film",
    "book",
    "song",
    "movie",
    "documentary",
    "novel",
    "album",
    "show",
    "series",
    "titled",
    "entitled",
    "named",
    "called",
    "painting",
    "poem",
    "play",
];

/// Labels decided by the words around or inside the span.
fn context_labels(ctx: &Ctx, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let span = &ctx.text[c.start..c.end];
        let mask = ctx.gaz.lookup(span);
        let head = ctx.lower(c.last);
        let prev = if c.first > 0 {
            ctx.lower(c.first - 1)
        } else {
            String::new()
        };
        let prev2 = if c.first > 1 {
            ctx.lower(c.first - 2)
        } else {
            String::new()
        };
        // Named organisations by their head noun ("Middle East Institute").
        if c.last > c.first
            && mask & (SWEEP | Category::Region.bit()) == 0
            && ORG_HEADS.contains(&head.as_str())
            && matches!(
                c.label,
                EntityLabel::Misc | EntityLabel::Loc | EntityLabel::Gpe | EntityLabel::Norp
            )
        {
            c.label = EntityLabel::Org;
            c.sure = true;
        }
        // Buildings that also name their occupant ("the White House").
        if mask & Category::Facility.bit() != 0 && mask & Category::Organisation.bit() != 0 {
            let visit = (c.first.saturating_sub(5)..c.first).any(|k| {
                [
                    "visit",
                    "visits",
                    "trip",
                    "invited",
                    "invitation",
                    "welcomed",
                    "welcome",
                ]
                .contains(&ctx.lower(k).as_str())
            });
            let next = ctx.lower(c.last + 1);
            let modifier = [
                "official",
                "officials",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "aide",
                "aides",
                "adviser",
                "advisers",
                "staff",
                "press",
                "statement",
                "envoy",
            ]
            .contains(&next.as_str());
            let place = prev == "the"
                && (["at", "in", "inside", "outside", "near", "from"].contains(&prev2.as_str())
                    || (prev2 == "to" && visit));
            c.label = if place && !modifier {
                EntityLabel::Fac
            } else {
                EntityLabel::Org
            };
            c.sure = true;
        }
        // Languages: "in English", "an English copy".
        if mask & Category::Language.bit() != 0 && c.first == c.last {
            let next = ctx.lower(c.last + 1);
            if prev == "in"
                || [
                    "copy",
                    "version",
                    "translation",
                    "text",
                    "language",
                    "speakers",
                    "original",
                ]
                .contains(&next.as_str())
            {
                c.label = EntityLabel::Language;
                c.sure = true;
            }
        }
        // Titles of works: a quoted name after "video", "book", ...
        if c.first >= 2
            && is_open_quote(ctx.words[c.first - 1])
            && ctx.words.get(c.last + 1).is_some_and(|w| is_close_quote(w))
            && (c.first.saturating_sub(4)..c.first - 1)
                .any(|k| WORK_CUES.contains(&ctx.lower(k).as_str()))
        {
            c.label = EntityLabel::WorkOfArt;
            c.sure = true;
        }
    }
}

/// In Title Case headings every word is capitalised, so the tagger's
/// capital-letter clues mislead: keep only names known from the lists or
/// from the rest of the document, and the known names inside longer spans.
fn title_case_headings(ctx: &Ctx, cands: &mut Vec<Cand>) {
    let Some((heading, common)) = headings(ctx.gaz, ctx.words, ctx.sentences) else {
        return;
    };
    let in_heading = |c: &Cand| ctx.sentence_of.get(c.first).is_some_and(|&s| heading[s]);
    let mut known_labels: Vec<(u64, EntityLabel)> = cands
        .iter()
        .filter(|c| !in_heading(c))
        .flat_map(|c| {
            let full = key_of(strip_possessive(&ctx.text[c.start..c.end]));
            let last = key_of(strip_possessive(ctx.words[c.last]));
            [(full, c.label), (last, c.label)]
        })
        .collect();
    known_labels.sort_unstable_by_key(|k| k.0);
    known_labels.dedup_by_key(|k| k.0);
    let known: Vec<u64> = known_labels.iter().map(|k| k.0).collect();
    let strong =
        SWEEP | Category::Organisation.bit() | Category::Media.bit() | Category::Region.bit();
    let mut out = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if !in_heading(&c) {
            out.push(c);
            continue;
        }
        let text = strip_possessive(&ctx.text[c.start..c.end]);
        if known.binary_search(&key_of(text)).is_ok() || ctx.gaz.lookup(text) & strong != 0 {
            out.push(c);
            continue;
        }
        // Known names inside a longer span ("Lies Behind Trump’s").
        let known_parts: Vec<usize> = (c.first..=c.last)
            .filter(|&k| {
                ctx.capitalised(k)
                    && known
                        .binary_search(&key_of(strip_possessive(ctx.words[k])))
                        .is_ok()
            })
            .collect();
        if !known_parts.is_empty() {
            for k in known_parts {
                let w = strip_possessive(ctx.words[k]);
                let mask = ctx.gaz.lookup(w);
                let label = if mask & strong != 0 {
                    label_of_mask(mask, ctx.words, k)
                } else {
                    EntityLabel::Person
                };
                let mut nc = ctx.cand(k, k, label, true);
                nc.end = nc.start + w.len();
                out.push(nc);
            }
            continue;
        }
        // Names made of words the document never writes in lower case
        // ("Credit: Kenny Holston") stay.
        let uncommon =
            (c.first..=c.last).all(|k| !ctx.capitalised(k) || !common.is_common(ctx.words[k]));
        if uncommon {
            out.push(c);
            continue;
        }
        for k in c.first..=c.last {
            let mask = ctx.gaz.lookup(ctx.words[k]);
            if mask & SWEEP != 0 && ctx.capitalised(k) {
                out.push(ctx.cand(k, k, label_of_mask(mask, ctx.words, k), true));
            }
        }
    }
    *cands = out;
}
