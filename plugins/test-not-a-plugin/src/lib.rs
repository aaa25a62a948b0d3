//! Test fixture: a perfectly good shared library that is not a lede plugin
//! (it does not export `lede_plugin_descriptor`).

/// Some unrelated C function.
#[no_mangle]
pub extern "C" fn word_count(len: usize) -> usize {
    len / 5
}
