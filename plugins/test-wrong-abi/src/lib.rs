//! Test fixture: a library that looks like a lede plugin built for a newer
//! ABI version than this lede speaks. The host must refuse it after reading
//! only the version, with a message naming both versions.

use std::ffi::c_void;

use lede_plugin::abi::{OwnedStr, PluginDescriptor, Sink, Str, ABI_VERSION};

unsafe extern "C" fn create(_: Str, _: *mut *mut c_void, _: *mut OwnedStr) -> i32 {
    1
}
unsafe extern "C" fn process(
    _: *const c_void,
    _: *const lede_plugin::abi::DocumentView,
    _: *const Sink,
    _: *mut OwnedStr,
) -> i32 {
    1
}
unsafe extern "C" fn destroy(_: *mut c_void) {}
unsafe extern "C" fn free_string(_: OwnedStr) {}

static DESCRIPTOR: PluginDescriptor = PluginDescriptor {
    abi_version: ABI_VERSION + 1,
    name: Str::new("from-the-future"),
    version: Str::new("9.0.0"),
    description: Str::new("built for the next ABI"),
    requires: std::ptr::null(),
    requires_len: 0,
    produces: std::ptr::null(),
    produces_len: 0,
    options: std::ptr::null(),
    options_len: 0,
    create,
    process,
    destroy,
    free_string,
};

/// The plugin entry point, with the wrong version inside.
#[no_mangle]
pub extern "C" fn lede_plugin_descriptor() -> *const PluginDescriptor {
    &DESCRIPTOR
}
