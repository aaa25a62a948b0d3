//! Fine labels: from the gazetteer categories and the head word of a
//! tagged span, and from the words around it (organisations by their head
//! noun, buildings that name their occupant, languages, titles of works).

use super::*;

/// The fine label of a gazetteer match.
pub(super) fn label_of_mask(mask: u16, words: &[&str], at: usize) -> EntityLabel {
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

pub(super) const LOC_HEADS: &[&str] = &[
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
pub(super) const FAC_HEADS: &[&str] = &[
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
pub(super) const EVENT_WORDS: &[&str] = &[
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
pub(super) const LAW_WORDS: &[&str] = &[
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

/// (label, sure) for a tagged span of `span_words` from token `first`,
/// whose text has the gazetteer categories `mask`.
pub(super) fn fine_label(
    kind: Coarse,
    span_words: &[&str],
    mask: u16,
    first: usize,
    words: &[&str],
) -> (EntityLabel, bool) {
    let has = |c: Category| mask & c.bit() != 0;
    let head = span_words.last().copied().unwrap_or("");
    let first_word = span_words.first().copied().unwrap_or("");
    let in_list = |list: &[&str], w: &str| lower_in(list, w);
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
            } else if in_list(FAC_HEADS, head) {
                (EntityLabel::Fac, true)
            } else if in_list(LOC_HEADS, head)
                || span_words.len() > 1 && in_list(&["east", "west", "north", "south"], head)
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
                || in_list(EVENT_WORDS, head)
                || in_list(&["operation"], first_word)
            {
                (EntityLabel::Event, true)
            } else if in_list(LAW_WORDS, first_word) || in_list(LAW_WORDS, head) {
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

pub(super) const ORG_HEADS: &[&str] = &[
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

pub(super) const WORK_CUES: &[&str] = &[
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
pub(super) fn context_labels(ctx: &Ctx, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        let mask = ctx.mask(c);
        // The words before the span, read in lower case.
        let prev_in = |list: &[&str]| c.first > 0 && ctx.lower_in(c.first - 1, list);
        let prev2_in = |list: &[&str]| c.first > 1 && ctx.lower_in(c.first - 2, list);
        // Named organisations by their head noun ("Middle East Institute").
        if c.last > c.first
            && mask & (SWEEP | Category::Region.bit()) == 0
            && matches!(
                c.label,
                EntityLabel::Misc | EntityLabel::Loc | EntityLabel::Gpe | EntityLabel::Norp
            )
            && ctx.lower_in(c.last, ORG_HEADS)
        {
            c.label = EntityLabel::Org;
            c.sure = true;
        }
        // Buildings that also name their occupant ("the White House").
        if mask & Category::Facility.bit() != 0 && mask & Category::Organisation.bit() != 0 {
            let visit = (c.first.saturating_sub(5)..c.first).any(|k| {
                ctx.lower_in(
                    k,
                    &[
                        "visit",
                        "visits",
                        "trip",
                        "invited",
                        "invitation",
                        "welcomed",
                        "welcome",
                    ],
                )
            });
            let modifier = ctx.lower_in(
                c.last + 1,
                &[
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
                ],
            );
            let place = prev_in(&["the"])
                && (prev2_in(&["at", "in", "inside", "outside", "near", "from"])
                    || (prev2_in(&["to"]) && visit));
            c.label = if place && !modifier {
                EntityLabel::Fac
            } else {
                EntityLabel::Org
            };
            c.sure = true;
            c.by_context = true;
        }
        // Languages: "in English", "an English copy".
        let language_cue = |c: &Cand| {
            c.first > 0 && ctx.lower_in(c.first - 1, &["in"])
                || ctx.lower_in(
                    c.last + 1,
                    &[
                        "copy",
                        "version",
                        "translation",
                        "text",
                        "language",
                        "speakers",
                        "original",
                    ],
                )
        };
        if mask & Category::Language.bit() != 0 && c.first == c.last && language_cue(c) {
            c.label = EntityLabel::Language;
            c.sure = true;
            c.by_context = true;
        }
        // Titles of works: a quoted name after "video", "book", ...
        if c.first >= 2
            && is_open_quote(ctx.words[c.first - 1])
            && ctx.words.get(c.last + 1).is_some_and(|w| is_close_quote(w))
            && (c.first.saturating_sub(4)..c.first - 1).any(|k| ctx.lower_in(k, WORK_CUES))
        {
            c.label = EntityLabel::WorkOfArt;
            c.sure = true;
            c.by_context = true;
        }
    }
}
