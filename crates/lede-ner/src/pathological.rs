//! Worst-case inputs for the linear-time tests and benches: long texts that
//! once made the stage slow. They are generated, deterministic and
//! news-shaped only on the surface.

use crate::split_mix::SplitMix as Mix;

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "sa", "te", "lun", "dor", "vik", "an", "bel", "cor", "das", "el", "fin",
    "gar", "hal", "is", "jor", "kel", "mar", "nov", "or", "pet", "quin", "ras", "sol", "tor", "ul",
    "var", "wen", "yas", "zan",
];

/// A capitalised made-up word of two or three syllables.
fn word(mix: &mut Mix, out: &mut String) {
    let n = 2 + mix.below(2);
    for k in 0..n {
        let s = SYLLABLES[mix.below(SYLLABLES.len())];
        if k == 0 {
            let mut c = s.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(s);
        }
    }
}

/// About `bytes` bytes of "Kamira Dorvik said." sentences with ever new
/// names (one, two or three words), so every mention is a new PERSON.
pub fn names_said(bytes: usize) -> String {
    let mut mix = Mix(42);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        let parts = 1 + mix.below(3);
        for k in 0..parts {
            if k > 0 {
                out.push(' ');
            }
            word(&mut mix, &mut out);
        }
        out.push_str(" said. ");
    }
    out
}

/// About `bytes` bytes of capitalised words with no sentence end at all.
pub fn capitalised_words(bytes: usize) -> String {
    let mut mix = Mix(7);
    let mut out = String::with_capacity(bytes + 64);
    while out.len() < bytes {
        word(&mut mix, &mut out);
        out.push(' ');
    }
    out
}
