//! Trains the tagger, exactly as `lede train ner` does:
//! `train <train.jsonl> <dev.jsonl> <output> [epochs] [seed]`.

use std::path::PathBuf;

use lede_ner::train::{train, TrainConfig};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: train <train.jsonl> <dev.jsonl> <output> [epochs] [seed]");
        std::process::exit(2);
    }
    let config = TrainConfig {
        train: PathBuf::from(&args[0]),
        dev: PathBuf::from(&args[1]),
        output: PathBuf::from(&args[2]),
        epochs: args
            .get(3)
            .and_then(|s| s.parse().ok())
            .unwrap_or(lede_ner::train::DEFAULT_EPOCHS),
        seed: args
            .get(4)
            .and_then(|s| s.parse().ok())
            .unwrap_or(lede_ner::train::DEFAULT_SEED),
    };
    if let Err(e) = train(&config, &mut |line| eprintln!("{line}")) {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
