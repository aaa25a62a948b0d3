//! Scores the `ner` stage on a gold file (default corpus/seeds/gold.jsonl):
//! exact span and label, micro and per label, with fine labels and mapped to
//! CoNLL. `seeds [gold.jsonl] [--errors]` also lists misses and false alarms.
//! Gold documents that carry tokens and sentences (CoNLL files) are tagged on
//! those; others are segmented with lede-segment first.

use std::collections::BTreeMap;

use lede_core::json::{from_json, OffsetUnit};
use lede_core::{EntityLabel, Stage};

mod gold;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "corpus/seeds/gold.jsonl".to_string());
    let show_errors = args.iter().any(|a| a == "--errors");
    let src = std::fs::read_to_string(&path).expect("gold file");
    let ner = lede_ner::Ner::new().expect("model");
    let mut fine = Counts::default();
    let mut conll = Counts::default();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let gold = from_json(line, OffsetUnit::CodePoints).expect("gold document");
        let mut doc = gold::to_tag(&gold);
        ner.process(&mut doc).expect("ner");
        let keep = |l: EntityLabel| l != EntityLabel::Language;
        let g: Vec<(usize, usize, EntityLabel)> = gold
            .layers
            .entities
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .filter(|e| keep(e.label))
            .map(|e| (e.span.start(), e.span.end(), e.label))
            .collect();
        let p: Vec<(usize, usize, EntityLabel)> = doc
            .layers
            .entities
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .filter(|e| keep(e.label))
            .map(|e| (e.span.start(), e.span.end(), e.label))
            .collect();
        fine.add(&g, &p, |l| l.as_str());
        conll.add(&g, &p, |l| l.conll());
        if show_errors {
            let text = &doc.text;
            let coarse = args.iter().any(|a| a == "--conll");
            let map = |v: &[(usize, usize, EntityLabel)]| -> Vec<(usize, usize, EntityLabel)> {
                v.iter()
                    .map(|&(a, b, l)| {
                        (
                            a,
                            b,
                            if coarse {
                                l.conll().parse().unwrap_or(l)
                            } else {
                                l
                            },
                        )
                    })
                    .collect()
            };
            let (g, p) = (map(&g), map(&p));
            for e in &p {
                if !g.contains(e) {
                    let gl = g
                        .iter()
                        .find(|x| x.0 == e.0 && x.1 == e.1)
                        .map(|x| x.2.as_str())
                        .unwrap_or("-");
                    println!(
                        "FP {} {:?} {} (gold {gl})  …{}…",
                        gold.id,
                        &text[e.0..e.1],
                        e.2,
                        context(text, e.0, e.1)
                    );
                }
            }
            for e in &g {
                if !p.iter().any(|x| x.0 == e.0 && x.1 == e.1) {
                    println!(
                        "FN {} {:?} {}  …{}…",
                        gold.id,
                        &text[e.0..e.1],
                        e.2,
                        context(text, e.0, e.1)
                    );
                }
            }
            if args.iter().any(|a| a == "--canonical") {
                for e in doc.layers.entities.as_deref().unwrap_or(&[]) {
                    if e.canonical
                        .as_deref()
                        .is_some_and(|c| c != e.span.text(text))
                        || e.title.is_some()
                    {
                        println!(
                            "   {:?} {} canonical={:?} title={:?}",
                            e.span.text(text),
                            e.label,
                            e.canonical,
                            e.title
                        );
                    }
                }
            }
        }
    }
    fine.print("fine labels");
    conll.print("CoNLL labels");
}

fn context(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].replace('\n', " ")
}

#[derive(Default)]
struct Counts {
    per: BTreeMap<String, (usize, usize, usize)>,
}

impl Counts {
    fn add(
        &mut self,
        gold: &[(usize, usize, EntityLabel)],
        pred: &[(usize, usize, EntityLabel)],
        name: impl Fn(EntityLabel) -> &'static str,
    ) {
        let g: Vec<(usize, usize, &str)> = gold.iter().map(|x| (x.0, x.1, name(x.2))).collect();
        let p: Vec<(usize, usize, &str)> = pred.iter().map(|x| (x.0, x.1, name(x.2))).collect();
        for x in &p {
            let c = self.per.entry(x.2.to_string()).or_default();
            c.1 += 1;
            if g.contains(x) {
                c.0 += 1;
            }
        }
        for x in &g {
            self.per.entry(x.2.to_string()).or_default().2 += 1;
        }
    }

    fn print(&self, title: &str) {
        let (mut tp, mut np, mut ng) = (0, 0, 0);
        println!("{title}:");
        for (label, &(t, p, g)) in &self.per {
            tp += t;
            np += p;
            ng += g;
            let (pr, rc, f) = prf(t, p, g);
            println!("  {label:<12} P {pr:6.2} R {rc:6.2} F1 {f:6.2}  (gold {g}, predicted {p}, correct {t})");
        }
        let (pr, rc, f) = prf(tp, np, ng);
        println!(
            "  {:<12} P {pr:6.2} R {rc:6.2} F1 {f:6.2}  (gold {ng}, predicted {np}, correct {tp})",
            "micro"
        );
    }
}

fn prf(t: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = if p == 0 {
        0.0
    } else {
        100.0 * t as f64 / p as f64
    };
    let rc = if g == 0 {
        0.0
    } else {
        100.0 * t as f64 / g as f64
    };
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}
