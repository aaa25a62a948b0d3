//! Scores computed ahead of tagging, so that a token costs few weight
//! lookups: dense tables for the context features that take few values
//! (capitalisation classes, sentence position, gazetteer positions), and a
//! cache of the scores of word forms shared by every document the model
//! tags. Both only ever hold sums of the model's own weights, so a tagger
//! that uses them scores exactly as one that looks every feature up.

use std::sync::Mutex;

use crate::features::{
    class_features, class_triple_feature, gaz_feature, history_class_feature,
    history_majority_feature, history_neighbour_feature, history_seen_feature, intrinsic_features,
    role_features, CapClass, ClassKey, History, Role, TokenInfo, GAZ_NEXT, GAZ_PREV, GAZ_SELF,
    HISTORY_TYPES,
};
use crate::gazetteer::{GazMatch, IdentityMap};
use crate::model::{Acc, Model, LANES};

/// Gazetteer positions tabulated: `pos` below 4, `len` (capped at 4) up to 4.
const GAZ_POS: usize = 4;
const GAZ_LEN: usize = 5;
const GAZ_BITS: usize = 16;
const GAZ_ROWS: usize = GAZ_BITS * GAZ_POS * GAZ_LEN;

/// The scores of the small-domain context features, one row per value.
#[derive(Default)]
pub struct ContextTables {
    /// Bias and class features per [`ClassKey::index`].
    class: Vec<Acc>,
    /// Class triples (previous, token, next), indexed `p * 81 + t * 9 + n`.
    triple: Vec<Acc>,
    /// Gazetteer features per template (own, previous, next), bit, position
    /// and length.
    gaz: [Vec<Acc>; 3],
    /// History features ([`crate::features::history_features`]): the
    /// majority type with whether it was unanimous, the token's class and
    /// first position, per [`HistoryKey`] and class index; the types seen,
    /// per mask of them; the majority types of the words before and after.
    hist_own: Vec<Acc>,
    hist_seen: Vec<Acc>,
    hist_prev: Vec<Acc>,
    hist_next: Vec<Acc>,
}

/// What the history features of a token read of one [`History`]: its
/// majority type and whether it was unanimous ([`HistoryKey::NONE`] before
/// the first occurrence), and the mask of the types seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryKey {
    majority: u8,
    seen: u8,
}

impl HistoryKey {
    pub const NONE: HistoryKey = HistoryKey {
        majority: u8::MAX,
        seen: 0,
    };

    #[inline]
    pub fn of(h: &History) -> HistoryKey {
        match h.majority() {
            None => HistoryKey::NONE,
            Some((m, all)) => {
                let mut seen = 0u8;
                for (k, &c) in h.counts.iter().enumerate() {
                    if c > 0 {
                        seen |= 1 << k;
                    }
                }
                HistoryKey {
                    majority: (m * 2 + all as usize) as u8,
                    seen,
                }
            }
        }
    }

    #[inline]
    fn majority_type(self) -> Option<usize> {
        (self.majority != u8::MAX).then_some(self.majority as usize / 2)
    }
}

impl ContextTables {
    pub fn new(model: &Model) -> ContextTables {
        let mut feats = Vec::with_capacity(8);
        let sum = |feats: &mut Vec<u64>| {
            let mut acc = [0; LANES];
            model.add_scores(feats, &mut acc);
            feats.clear();
            acc
        };
        let class = ClassKey::all()
            .map(|k| {
                class_features(k, &mut feats);
                sum(&mut feats)
            })
            .collect();
        let mut triple = Vec::with_capacity(CapClass::COUNT.pow(3));
        for p in CapClass::ALL {
            for t in CapClass::ALL {
                for n in CapClass::ALL {
                    feats.push(class_triple_feature(p, t, n));
                    triple.push(sum(&mut feats));
                }
            }
        }
        let gaz = [GAZ_SELF, GAZ_PREV, GAZ_NEXT].map(|template| {
            let mut rows = Vec::with_capacity(GAZ_ROWS);
            for bit in 0..GAZ_BITS {
                for pos in 0..GAZ_POS {
                    for len in 0..GAZ_LEN {
                        feats.push(gaz_feature(template, bit as u64, pos as u8, len as u8));
                        rows.push(sum(&mut feats));
                    }
                }
            }
            rows
        });
        let mut hist_own = Vec::with_capacity(HISTORY_TYPES * 2 * CapClass::COUNT * 2);
        for m in 0..HISTORY_TYPES {
            for all in [false, true] {
                for class in CapClass::ALL {
                    for first in [false, true] {
                        feats.push(history_majority_feature(m, all));
                        feats.push(history_class_feature(m, class, first));
                        hist_own.push(sum(&mut feats));
                    }
                }
            }
        }
        let hist_seen = (0..1usize << HISTORY_TYPES)
            .map(|mask| {
                for k in 0..HISTORY_TYPES {
                    if mask & 1 << k != 0 {
                        feats.push(history_seen_feature(k));
                    }
                }
                sum(&mut feats)
            })
            .collect();
        let neighbour = |template: u64, feats: &mut Vec<u64>| -> Vec<Acc> {
            (0..HISTORY_TYPES)
                .map(|m| {
                    feats.push(history_neighbour_feature(template, m));
                    sum(feats)
                })
                .collect()
        };
        let hist_prev = neighbour(44, &mut feats);
        let hist_next = neighbour(45, &mut feats);
        ContextTables {
            class,
            triple,
            gaz,
            hist_own,
            hist_seen,
            hist_prev,
            hist_next,
        }
    }

    /// Adds the scores of the history features of a token of class `class`
    /// (first in its sentence or not), given the [`HistoryKey`] of its own
    /// history and of its neighbours' (the same sum as looking the keys of
    /// [`crate::features::history_features`] up).
    #[inline]
    pub fn add_history(
        &self,
        own: HistoryKey,
        prev: HistoryKey,
        next: HistoryKey,
        class: CapClass,
        first: bool,
        acc: &mut Acc,
    ) {
        if own.majority != u8::MAX {
            let row =
                (own.majority as usize * CapClass::COUNT + class as usize) * 2 + first as usize;
            if let Some(r) = self.hist_own.get(row) {
                add_row(acc, r);
            }
            if let Some(r) = self.hist_seen.get(own.seen as usize) {
                add_row(acc, r);
            }
        }
        if let Some(r) = prev.majority_type().and_then(|m| self.hist_prev.get(m)) {
            add_row(acc, r);
        }
        if let Some(r) = next.majority_type().and_then(|m| self.hist_next.get(m)) {
            add_row(acc, r);
        }
    }

    /// Adds the scores of the tabulated context features of a token.
    #[inline]
    pub fn add(
        &self,
        model: &Model,
        key: ClassKey,
        classes: [CapClass; 3],
        gaz: [GazMatch; 3],
        acc: &mut Acc,
    ) {
        add_row(acc, &self.class[key.index()]);
        let [p, t, n] = classes.map(|c| c as usize);
        add_row(
            acc,
            &self.triple[(p * CapClass::COUNT + t) * CapClass::COUNT + n],
        );
        for (k, g) in gaz.iter().enumerate() {
            let mut mask = g.mask;
            while mask != 0 {
                let bit = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let len = g.len.min(4) as usize;
                if (g.pos as usize) < GAZ_POS {
                    let row = (bit * GAZ_POS + g.pos as usize) * GAZ_LEN + len;
                    add_row(acc, &self.gaz[k][row]);
                } else {
                    // Not a position the marker writes; looked up as is.
                    let template = [GAZ_SELF, GAZ_PREV, GAZ_NEXT][k];
                    model.add_scores(&[gaz_feature(template, bit as u64, g.pos, g.len)], acc);
                }
            }
        }
    }
}

/// Adds a row of scores. Kept out of line: inlined into the token loop,
/// the sum is split into one scalar per lane and loses its vector form.
#[inline(never)]
pub fn add_row(acc: &mut Acc, row: &Acc) {
    for (a, x) in acc.iter_mut().zip(row) {
        *a += x;
    }
}

/// Scores of the features of one word form: its own ([`intrinsic_features`])
/// and those it gives a neighbour in each [`Role`] ([`role_features`]).
#[derive(Clone, Copy)]
pub struct FormScores {
    pub own: Acc,
    pub roles: [Acc; 4],
}

impl FormScores {
    /// No feature's scores.
    pub const ZERO: FormScores = FormScores {
        own: [0; LANES],
        roles: [[0; LANES]; 4],
    };

    pub fn new(model: &Model, info: &TokenInfo, feats: &mut Vec<u64>) -> FormScores {
        let mut scores = FormScores {
            own: [0; LANES],
            roles: [[0; LANES]; 4],
        };
        feats.clear();
        intrinsic_features(info, feats);
        model.add_scores(feats, &mut scores.own);
        for role in Role::ALL {
            feats.clear();
            role_features(info, role, feats);
            model.add_scores(feats, &mut scores.roles[role as usize]);
        }
        feats.clear();
        scores
    }
}

/// The most word forms the cache keeps (about 420 bytes each, some 14 MB
/// when full): news vocabulary is skewed enough that this covers almost
/// every token, and it bounds the memory of a stage that tags an endless
/// stream of new words.
const FORM_CACHE_LIMIT: usize = 1 << 15;

/// Form scores by word-form hash, shared by the documents a model tags.
/// Documents take the lock twice (once to read the forms they have, once to
/// add those they computed), never per token.
#[derive(Default)]
pub struct FormCache {
    forms: Mutex<IdentityMap<FormScores>>,
}

impl FormCache {
    /// Fills `scores[i]` for the forms `infos[i]` (distinct word hashes
    /// expected), computing those not cached yet and caching them.
    pub fn resolve(&self, model: &Model, infos: &[TokenInfo], scores: &mut Vec<FormScores>) {
        scores.clear();
        scores.reserve(infos.len());
        let mut missing = Vec::with_capacity(infos.len());
        {
            let cache = match self.forms.lock() {
                Ok(c) => c,
                Err(poisoned) => poisoned.into_inner(),
            };
            for (i, info) in infos.iter().enumerate() {
                match cache.get(&info.word) {
                    // Copied straight into place: a push copies the scores
                    // (400 bytes) to the stack first, then into the vector.
                    Some(s) => scores.extend_from_slice(std::slice::from_ref(s)),
                    None => {
                        missing.push(i);
                        scores.push(FormScores::ZERO);
                    }
                }
            }
        }
        if missing.is_empty() {
            return;
        }
        let mut feats = Vec::with_capacity(64);
        for &i in &missing {
            scores[i] = FormScores::new(model, &infos[i], &mut feats);
        }
        let mut cache = match self.forms.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        for &i in &missing {
            if cache.len() >= FORM_CACHE_LIMIT {
                break;
            }
            cache.insert(infos[i].word, scores[i]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::history_features;

    #[test]
    fn tabulated_history_scores_are_the_looked_up_ones() {
        let model = Model::read(crate::EMBEDDED_MODEL).expect("embedded model");
        // Histories of a sentence "Mr. Netanyahu met Hamas leaders", as an
        // article could leave them: none, PER only, mixed, outside only.
        let hist = [
            History::default(),
            History {
                counts: [0, 3, 0, 0, 0],
            },
            History {
                counts: [1, 0, 2, 2, 0],
            },
            History {
                counts: [0, 0, 4, 0, 1],
            },
            History {
                counts: [2, 0, 0, 0, 0],
            },
        ];
        let keys: Vec<HistoryKey> = hist.iter().map(HistoryKey::of).collect();
        for class in CapClass::ALL {
            for i in 0..hist.len() {
                let mut feats = Vec::new();
                let t = TokenInfo {
                    class,
                    ..TokenInfo::new("Hamas")
                };
                history_features(&hist, i, &t, &mut feats);
                let mut looked_up = [0; LANES];
                model.add_scores(&feats, &mut looked_up);
                let mut tabulated = [0; LANES];
                model.tables.add_history(
                    keys[i],
                    i.checked_sub(1).map_or(HistoryKey::NONE, |j| keys[j]),
                    keys.get(i + 1).copied().unwrap_or(HistoryKey::NONE),
                    class,
                    i == 0,
                    &mut tabulated,
                );
                assert_eq!(looked_up, tabulated, "token {i}, {class:?}");
            }
        }
    }
}
