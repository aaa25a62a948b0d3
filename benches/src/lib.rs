//! Shared helpers for lede's criterion benchmarks: the bench corpus, embedded
//! so benchmarks run from any directory.

#![forbid(unsafe_code)]

/// The seed articles, as (id, text) pairs.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../corpus/seeds/000_bd8a3d32f232023b.txt"),
    ),
    (
        "001",
        include_str!("../../corpus/seeds/001_a253fbec9e659c08.txt"),
    ),
    (
        "002",
        include_str!("../../corpus/seeds/002_d83068df1eced973.txt"),
    ),
    (
        "003",
        include_str!("../../corpus/seeds/003_14d1caff0cac3eef.txt"),
    ),
    (
        "004",
        include_str!("../../corpus/seeds/004_23516cacd10e633e.txt"),
    ),
];

/// Total bytes of the seed texts.
pub fn seed_bytes() -> u64 {
    SEEDS.iter().map(|(_, t)| t.len() as u64).sum()
}
