//! lede-plugin: the C ABI between lede and dynamically loaded stages, and the safe Rust face plugin authors use. (Not yet implemented.)
