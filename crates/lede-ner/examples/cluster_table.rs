//! Rebuilds `data/clusters.bin`, the word classes of `data/clusters.txt` in
//! the binary form the stage loads (keys and classes, no text to read):
//!
//! `cargo run --release -p lede-ner --example cluster_table > crates/lede-ner/data/clusters.bin`
//!
//! Run it after rebuilding `data/clusters.txt`; a test fails while the two
//! differ.

use std::io::Write;

use lede_ner::clusters::Clusters;

fn main() -> std::io::Result<()> {
    let clusters = Clusters::parse(include_str!("../data/clusters.txt"));
    std::io::stdout().write_all(&clusters.table())
}
