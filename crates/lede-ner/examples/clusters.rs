//! Rebuilds `data/clusters.txt`: word classes learnt from unlabelled news, a
//! feature of the tagger for words it never saw in its training data ("Kyiv"
//! falls in the class of "Gaza" and "Beirut", "Wiles" in that of surnames).
//!
//! `cargo run --release -p lede-ner --example clusters -- <file.jsonl>... > crates/lede-ner/data/clusters.txt`
//!
//! Each file is JSONL with a `text` field per line. The texts are split into
//! sentences and tokens by lede-segment, so the words are cut as the stage
//! sees them, and normalised as the tagger's word feature is (typographic
//! quotes and dashes folded, digits written `0`).
//!
//! The classes come from the predictive exchange algorithm (Uszkoreit and
//! Brants 2008): every word is in one class, and words move one at a time to
//! the class that most raises the likelihood of the text under the model
//! P(w | v) = P(w | class(w)) P(class(w) | v), v the word before w. It runs at
//! three sizes (`SIZES`), which give coarse and fine classes, like the
//! prefixes of a Brown cluster path. Words seen fewer than `MIN_COUNT` times
//! share one "rare" word and are not written out.
//!
//! Deterministic: words are ranked by count then text, start in class
//! rank mod size, are visited in rank order, and ties keep the current class
//! or else the lowest class number. Output is sorted by word.

use std::collections::HashMap;

use lede_core::json::{from_json, OffsetUnit};
use lede_ner::features::normalize_char;

/// Words seen fewer times than this are left out (too little evidence, and
/// a smaller file).
const MIN_COUNT: u32 = 3;

/// Class counts: coarse, middle and fine.
const SIZES: [usize; 3] = [64, 256, 1024];

/// Passes over the vocabulary per size.
const ITERATIONS: usize = 12;

fn main() {
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for path in std::env::args().skip(1) {
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        for (n, line) in src.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let doc = match from_json(line, OffsetUnit::CodePoints) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{path}:{}: {e}", n + 1);
                    std::process::exit(1);
                }
            };
            let seg = lede_segment::segment(&doc.text);
            let mut ti = 0;
            for s in &seg.sentences {
                let mut words = Vec::new();
                while ti < seg.tokens.len() && seg.tokens[ti].span.start() < s.start() {
                    ti += 1;
                }
                while ti < seg.tokens.len() && seg.tokens[ti].span.end() <= s.end() {
                    words.push(normalise(seg.tokens[ti].span.text(&doc.text)));
                    ti += 1;
                }
                if !words.is_empty() {
                    sentences.push(words);
                }
            }
        }
    }
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {tokens} tokens", sentences.len());

    // Vocabulary: id 0 is the sentence boundary, id 1 the rare word.
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in &sentences {
        for w in s {
            *counts.entry(w.as_str()).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts
        .iter()
        .filter(|(_, &c)| c >= MIN_COUNT)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut id_of: HashMap<&str, u32> = HashMap::with_capacity(vocab.len());
    for (i, (w, _)) in vocab.iter().enumerate() {
        id_of.insert(w, i as u32 + 2);
    }
    let v = vocab.len() + 2;
    eprintln!("{} words seen at least {MIN_COUNT} times", vocab.len());

    // Bigram counts, grouped by the second word: for each word w, the list of
    // (predecessor, count).
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    for s in &sentences {
        let mut prev = 0u32;
        for w in s
            .iter()
            .map(|w| id_of.get(w.as_str()).copied().unwrap_or(1))
        {
            *bigrams.entry((prev, w)).or_insert(0) += 1;
            prev = w;
        }
        *bigrams.entry((prev, 0)).or_insert(0) += 1;
    }
    let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable_by_key(|&((a, b), _)| (b, a));
    let mut preds: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut as_next = vec![0u64; v];
    for ((a, b), n) in pairs {
        preds[b as usize].push((a, n));
        as_next[b as usize] += n as u64;
    }
    let total: u64 = as_next.iter().sum();
    // x log x for every count that can occur.
    let flog: Vec<f64> = (0..=total)
        .map(|x| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        })
        .collect();

    let mut classes: Vec<Vec<u32>> = Vec::new();
    for &k in &SIZES {
        eprintln!("exchange with {k} classes");
        classes.push(exchange(k, &preds, &as_next, &flog));
    }

    println!("# Generated by examples/clusters.rs from unlabelled news; do not edit.");
    println!(
        "# word, then its class among {}, {} and {}",
        SIZES[0], SIZES[1], SIZES[2]
    );
    let mut words: Vec<(&str, u32)> = vocab.iter().map(|&(w, _)| (w, id_of[w])).collect();
    words.sort_unstable();
    for (w, id) in words {
        let c: Vec<String> = classes.iter().map(|c| c[id as usize].to_string()).collect();
        println!("{w}\t{}", c.join("\t"));
    }
}

/// The tagger's normal form of a word: typographic variants folded, digits
/// `0`, no white space (a token never holds any, but a file must not).
fn normalise(w: &str) -> String {
    w.chars()
        .map(normalize_char)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Predictive exchange clustering into `k` classes; returns the class of
/// each word id. The sentence boundary and the rare word move like any
/// other word (they are not written out).
fn exchange(k: usize, preds: &[Vec<(u32, u32)>], as_next: &[u64], flog: &[f64]) -> Vec<u32> {
    let v = preds.len();
    let mut class: Vec<u32> = (0..v).map(|w| (w % k) as u32).collect();
    // n_vc[v * k + c]: times word v is followed by a word of class c.
    let mut n_vc = vec![0u32; v * k];
    let mut n_c = vec![0u64; k];
    for w in 0..v {
        let c = class[w] as usize;
        for &(p, n) in &preds[w] {
            n_vc[p as usize * k + c] += n;
        }
        n_c[c] += as_next[w];
    }
    let mut gain = vec![0f64; k];
    for it in 0..ITERATIONS {
        let mut moved = 0usize;
        for w in 0..v {
            let nw = as_next[w];
            if nw == 0 {
                continue;
            }
            let old = class[w] as usize;
            for &(p, n) in &preds[w] {
                n_vc[p as usize * k + old] -= n;
            }
            n_c[old] -= nw;
            for (c, g) in gain.iter_mut().enumerate() {
                *g = flog[n_c[c] as usize] - flog[(n_c[c] + nw) as usize];
            }
            for &(p, n) in &preds[w] {
                let row = &n_vc[p as usize * k..(p as usize + 1) * k];
                for (g, &x) in gain.iter_mut().zip(row) {
                    *g += flog[(x + n) as usize] - flog[x as usize];
                }
            }
            let mut best = old;
            for c in 0..k {
                if gain[c] > gain[best] + 1e-9 {
                    best = c;
                }
            }
            if best != old {
                moved += 1;
            }
            for &(p, n) in &preds[w] {
                n_vc[p as usize * k + best] += n;
            }
            n_c[best] += nw;
            class[w] = best as u32;
        }
        eprintln!("  pass {}: {moved} words moved", it + 1);
        if moved == 0 {
            break;
        }
    }
    class
}
