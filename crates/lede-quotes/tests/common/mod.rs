//! Scoring shared by the seed tests: the quote matching `lede eval` uses,
//! with lede-eval's own rule for a right speaker.
#![allow(dead_code)]

use lede_core::{Document, Quote, QuoteKind};

#[derive(Default)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub speaker_ok: usize,
    pub predicted_null_speaker: usize,
    pub emitted: usize,
    pub failures: Vec<String>,
}

pub fn score(gold_doc: &Document, pred: &[Quote], s: &mut Score) {
    let text = &gold_doc.text;
    let gold_all = gold_doc.layers.quotes.as_deref().unwrap_or(&[]);
    let gold: Vec<&Quote> = gold_all
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .collect();
    let scare: Vec<&Quote> = gold_all
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .collect();
    let pred: Vec<&Quote> = pred.iter().filter(|q| q.kind != QuoteKind::Scare).collect();
    let mut used = vec![false; pred.len()];
    s.gold += gold.len();
    for g in &gold {
        let hit = pred
            .iter()
            .enumerate()
            .filter(|(k, p)| !used[*k] && p.span.overlaps(g.span))
            .max_by_key(|(_, p)| {
                p.span.end().min(g.span.end()) - p.span.start().max(g.span.start())
            })
            .map(|(k, _)| k);
        match hit {
            Some(k) => {
                used[k] = true;
                s.matched += 1;
                // The predicted quotes are of a document with the same text.
                let (gs, ps) = (g.speaker.as_ref(), pred[k].speaker.as_ref());
                if lede_eval::same_speaker(gold_doc, gs, gold_doc, ps) {
                    s.speaker_ok += 1;
                } else {
                    s.failures.push(format!(
                        "{}: wrong speaker for {:?}: gold {:?}, got {:?}",
                        gold_doc.id,
                        g.span.text(text),
                        g.speaker.as_ref().map(|x| &x.text),
                        pred[k].speaker
                    ));
                }
            }
            None => s
                .failures
                .push(format!("{}: missed {:?}", gold_doc.id, g.span.text(text))),
        }
    }
    for (k, p) in pred.iter().enumerate() {
        if used[k] {
            continue;
        }
        // Predictions over a gold scare quote are neither right nor wrong.
        if scare.iter().any(|g| g.span.overlaps(p.span)) {
            continue;
        }
        s.predicted += 1;
        s.failures.push(format!(
            "{}: false {:?} ({:?})",
            gold_doc.id,
            p.span.text(text),
            p.kind
        ));
    }
    s.predicted += used.iter().filter(|u| **u).count();
    s.predicted_null_speaker += pred.iter().filter(|p| p.speaker.is_none()).count();
    s.emitted += pred.len();
}

impl Score {
    pub fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r > 0.0 {
            200.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    pub fn speaker_accuracy(&self) -> f64 {
        100.0 * self.speaker_ok as f64 / self.matched.max(1) as f64
    }

    pub fn null_rate(&self) -> f64 {
        100.0 * self.predicted_null_speaker as f64 / self.emitted.max(1) as f64
    }

    pub fn report(&self, what: &str) {
        eprintln!(
            "{what}: gold {} predicted {} matched {}  F1 {:.1}  speaker {:.1}% ({}/{})  speaker-null {:.1}% of {} emitted",
            self.gold, self.predicted, self.matched, self.f1(), self.speaker_accuracy(),
            self.speaker_ok, self.matched, self.null_rate(), self.emitted
        );
        for f in &self.failures {
            eprintln!("  {f}");
        }
    }
}
