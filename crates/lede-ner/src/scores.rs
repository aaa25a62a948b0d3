//! Scores computed ahead of tagging, so that a token costs few weight
//! lookups: dense tables for the context features that take few values
//! (capitalisation classes, sentence position, gazetteer positions), and a
//! cache of the scores of word forms shared by every document the model
//! tags. Both only ever hold sums of the model's own weights, so a tagger
//! that uses them scores exactly as one that looks every feature up.

use std::sync::{RwLock, RwLockReadGuard};

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

/// The most word forms the cache keeps (about 360 bytes each, some 12 MB
/// when full): news vocabulary is skewed enough that this covers almost
/// every token, and it bounds the memory of a stage that tags an endless
/// stream of new words.
const FORM_CACHE_LIMIT: usize = 1 << 15;

/// Form scores by word-form hash, shared by the documents a model tags,
/// in a table that only grows: a document reads the scores of its forms in
/// place, holding the lock for reading while it is tagged, instead of
/// copying 340 bytes per form out of it. Documents take the lock for
/// writing only to add forms they computed, never per token.
pub struct FormCache {
    table: RwLock<FormTable>,
    /// The most forms kept ([`FORM_CACHE_LIMIT`]).
    limit: usize,
}

impl Default for FormCache {
    fn default() -> FormCache {
        FormCache::with_limit(FORM_CACHE_LIMIT)
    }
}

#[derive(Default)]
struct FormTable {
    /// The index in `scores` of each word hash.
    ids: IdentityMap<u32>,
    scores: Vec<FormScores>,
}

/// The scores of a document's word forms ([`FormCache::document`]): those
/// in the cache read in place, those it had no room for kept here.
pub struct DocumentForms<'c> {
    table: RwLockReadGuard<'c, FormTable>,
    /// Forms the cache had no room for.
    own: Vec<FormScores>,
    /// Per form asked for: its index in the cache's table, or
    /// [`DocumentForms::OWN`] plus its index in `own`.
    at: Vec<u32>,
}

impl DocumentForms<'_> {
    const OWN: u32 = 1 << 31;

    /// The scores of the `i`-th form asked for.
    #[inline]
    pub fn get(&self, i: usize) -> &FormScores {
        let Some(&at) = self.at.get(i) else {
            return &FormScores::ZERO;
        };
        let found = if at & Self::OWN == 0 {
            self.table.scores.get(at as usize)
        } else {
            self.own.get((at & !Self::OWN) as usize)
        };
        found.unwrap_or(&FormScores::ZERO)
    }
}

impl FormCache {
    /// A cache that keeps at most `limit` forms.
    pub fn with_limit(limit: usize) -> FormCache {
        FormCache {
            table: RwLock::default(),
            limit,
        }
    }

    /// The scores of the forms `infos` (distinct word hashes expected),
    /// computing those not cached yet and caching them while there is
    /// room.
    pub fn document(&self, model: &Model, infos: &[TokenInfo]) -> DocumentForms<'_> {
        let mut at = Vec::with_capacity(infos.len());
        let mut missing = Vec::new();
        {
            let table = self.read();
            for (i, info) in infos.iter().enumerate() {
                match table.ids.get(&info.word) {
                    Some(&id) => at.push(id),
                    None => {
                        missing.push(i);
                        at.push(DocumentForms::OWN);
                    }
                }
            }
        }
        let mut own = Vec::new();
        if !missing.is_empty() {
            let mut feats = Vec::with_capacity(64);
            let computed: Vec<FormScores> = missing
                .iter()
                .map(|&i| FormScores::new(model, &infos[i], &mut feats))
                .collect();
            let mut table = match self.table.write() {
                Ok(t) => t,
                Err(poisoned) => poisoned.into_inner(),
            };
            for (&i, scores) in missing.iter().zip(computed) {
                // Another document may have added the form meanwhile.
                if let Some(&id) = table.ids.get(&infos[i].word) {
                    at[i] = id;
                } else if table.scores.len() < self.limit {
                    let id = table.scores.len() as u32;
                    table.scores.push(scores);
                    table.ids.insert(infos[i].word, id);
                    at[i] = id;
                } else {
                    at[i] = DocumentForms::OWN | own.len() as u32;
                    own.push(scores);
                }
            }
        }
        // The table only grows, so the indices read above stay good.
        DocumentForms {
            table: self.read(),
            own,
            at,
        }
    }

    fn read(&self) -> RwLockReadGuard<'_, FormTable> {
        match self.table.read() {
            Ok(t) => t,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::history_features;

    fn same(a: &FormScores, b: &FormScores) -> bool {
        a.own == b.own && a.roles == b.roles
    }

    #[test]
    fn a_document_reads_the_scores_of_its_forms_with_or_without_room_in_the_cache() {
        let model = Model::read(crate::EMBEDDED_MODEL).expect("embedded model");
        let words = ["Netanyahu", "said", "Hamas", "Cairo"];
        let infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
        let mut feats = Vec::new();
        let expected: Vec<FormScores> = infos
            .iter()
            .map(|t| FormScores::new(&model, t, &mut feats))
            .collect();
        assert!(!same(&expected[0], &FormScores::ZERO));
        // Room for two forms: the first document caches "Netanyahu" and
        // "said" and keeps "Hamas" to itself; the second finds the two
        // cached ones and computes "Cairo" and "Hamas" again.
        let cache = FormCache::with_limit(2);
        {
            let first = cache.document(&model, &infos[..3]);
            for (i, e) in expected[..3].iter().enumerate() {
                assert!(same(first.get(i), e), "{}", words[i]);
            }
        }
        let order = [3, 1, 2, 0];
        let asked: Vec<TokenInfo> = order.iter().map(|&i| infos[i]).collect();
        let second = cache.document(&model, &asked);
        for (k, &i) in order.iter().enumerate() {
            assert!(same(second.get(k), &expected[i]), "{}", words[i]);
        }
        assert_eq!(second.table.scores.len(), 2);
    }

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
