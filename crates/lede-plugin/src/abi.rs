//! The C ABI between the lede host and a plugin library.
//!
//! Everything here is `#[repr(C)]` and made of integers, raw pointers and C
//! function pointers, so a plugin built with any Rust compiler (or written in
//! another language) can talk to any lede built for the same
//! [`ABI_VERSION`]. Plugin authors do not use this module: the
//! [`export_plugin!`](crate::export_plugin) macro generates the shims.
//!
//! Rules both sides follow:
//! - Strings are UTF-8, passed as pointer + length ([`Str`]), never
//!   NUL-terminated, and borrowed for the duration of the call only.
//! - No allocator crosses the boundary: results go to a host-provided
//!   [`Sink`]; memory the plugin allocates (an instance, an error message) is
//!   released by calling back into the plugin (`destroy`, `free_string`).
//! - The first field of [`PluginDescriptor`] is the ABI version; the host
//!   reads it before anything else and refuses a mismatch.
//! - Instances are shared by all worker threads: `process` may be called on
//!   the same instance from several threads at once.

use std::ffi::c_void;

/// The version of this ABI. Any change to a type, field, function signature,
/// status code or the meaning of any of them bumps it (see docs/plugins.md).
///
/// Version 2 appended the typed views of entities, numbers and quotes to
/// [`DocumentView`]; nothing else changed, so a version 1 plugin, which
/// reads only the fields before them, runs unchanged on a version 2 host.
pub const ABI_VERSION: u32 = 2;

/// The oldest version a host of this version still loads.
pub const OLDEST_LOADED_VERSION: u32 = 1;

/// The name of the one symbol a plugin library exports, a function of type
/// [`DescriptorFn`].
pub const DESCRIPTOR_SYMBOL: &str = "lede_plugin_descriptor";

/// The exported function: returns a pointer to a descriptor that lives as
/// long as the library stays loaded (or null if the plugin is broken).
pub type DescriptorFn = unsafe extern "C" fn() -> *const PluginDescriptor;

/// The call succeeded.
pub const STATUS_OK: i32 = 0;
/// The call failed; the error message is in the `error` out-parameter.
pub const STATUS_ERROR: i32 = 1;
/// The plugin panicked; the panic message is in the `error` out-parameter.
pub const STATUS_PANIC: i32 = 2;

/// A borrowed UTF-8 string (or byte slice): pointer and length in bytes.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Str {
    pub ptr: *const u8,
    pub len: usize,
}

impl Str {
    /// The empty string (a dangling but non-null, aligned pointer).
    pub const EMPTY: Str = Str {
        ptr: std::ptr::NonNull::<u8>::dangling().as_ptr(),
        len: 0,
    };

    /// No string at all (an absent optional field), unlike [`Str::EMPTY`].
    pub const NULL: Str = Str {
        ptr: std::ptr::null(),
        len: 0,
    };

    /// Borrows `s`, or gives [`Str::NULL`] for `None`.
    pub fn optional(s: Option<&str>) -> Str {
        s.map_or(Str::NULL, Str::new)
    }

    /// Borrows `s`; the `Str` must not outlive it.
    pub const fn new(s: &str) -> Str {
        Str {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// Reads the string back.
    ///
    /// # Safety
    /// `self` must point to `len` bytes of valid UTF-8 that outlive `'a`
    /// (or have `len == 0`).
    pub unsafe fn as_str<'a>(self) -> &'a str {
        if self.len == 0 || self.ptr.is_null() {
            return "";
        }
        std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len))
    }

    /// Reads the bytes back, without assuming UTF-8.
    ///
    /// # Safety
    /// `self` must point to `len` readable bytes that outlive `'a`.
    pub unsafe fn as_bytes<'a>(self) -> &'a [u8] {
        if self.len == 0 || self.ptr.is_null() {
            return &[];
        }
        std::slice::from_raw_parts(self.ptr, self.len)
    }
}

/// A string the plugin allocated and the host must give back through
/// [`PluginDescriptor::free_string`] (an error message).
#[repr(C)]
#[derive(Debug)]
pub struct OwnedStr {
    pub ptr: *mut u8,
    pub len: usize,
    pub capacity: usize,
}

impl OwnedStr {
    /// No string.
    pub const NONE: OwnedStr = OwnedStr {
        ptr: std::ptr::null_mut(),
        len: 0,
        capacity: 0,
    };
}

/// The type of a declared option.
pub const OPTION_BOOL: u32 = 0;
pub const OPTION_INT: u32 = 1;
pub const OPTION_FLOAT: u32 = 2;
pub const OPTION_STRING: u32 = 3;
pub const OPTION_STRING_LIST: u32 = 4;

/// One option a plugin accepts.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct OptionDescriptor {
    pub name: Str,
    /// One of the `OPTION_*` constants.
    pub kind: u32,
    /// The default as a JSON value (`2`, `"topic"`), or empty for none.
    pub default_json: Str,
    pub help: Str,
}

/// One annotation of an input layer as the plugin sees it.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// Byte offsets into the document text, on char boundaries.
    pub start: usize,
    pub end: usize,
    /// The entity label, token/number/quote kind, or generic label; empty
    /// for sentences and paragraphs.
    pub label: Str,
}

/// One input layer: its name and its items, sorted by start.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Layer {
    pub name: Str,
    pub items: *const Item,
    pub len: usize,
}

/// One entity, with what the generic [`Item`] leaves out. Optional strings
/// are [`Str::NULL`] when absent.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct EntityView {
    pub start: usize,
    pub end: usize,
    /// `PERSON`, `ORG`, ...
    pub label: Str,
    /// The fullest name of the entity in the document ("Steve Witkoff").
    pub canonical: Str,
    /// A title written before the name, outside the span ("Mr.").
    pub title: Str,
}

/// One number, with its value, unit and modifier.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct NumberView {
    pub start: usize,
    pub end: usize,
    /// `cardinal`, `money`, `percent`, `date`, ...
    pub kind: Str,
    /// 1 if `value` holds the number, 0 if the value is text (`value_text`).
    pub has_value: u32,
    pub value: f64,
    pub value_text: Str,
    /// What is counted or measured, or the currency code ("USD").
    pub unit: Str,
    /// A hedge written before the number ("over").
    pub modifier: Str,
}

/// One quotation, with its speaker and cue.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct QuoteView {
    pub start: usize,
    pub end: usize,
    /// `direct`, `indirect`, ...
    pub kind: Str,
    /// The speaker's mention as written ("he", "Ms. Adler").
    pub speaker: Str,
    /// The resolved name of the speaker ("Ruth Adler").
    pub speaker_canonical: Str,
    /// The reporting expression ("said").
    pub cue: Str,
}

/// The read-only view of a document the host passes to `process`. Only the
/// layers the plugin declared in `requires` are present.
///
/// The typed views (version 2) follow the version 1 fields: a typed view is
/// null when the plugin did not require that layer, and then its length is 0.
/// Required built-in layers are in `layers` too, as generic items.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct DocumentView {
    pub id: Str,
    pub text: Str,
    pub layers: *const Layer,
    pub layer_count: usize,
    pub entities: *const EntityView,
    pub entities_len: usize,
    pub numbers: *const NumberView,
    pub numbers_len: usize,
    pub quotes: *const QuoteView,
    pub quotes_len: usize,
}

/// Attribute value kinds.
pub const ATTR_BOOL: u32 = 0;
pub const ATTR_INT: u32 = 1;
pub const ATTR_FLOAT: u32 = 2;
pub const ATTR_STR: u32 = 3;

/// One attribute of an output annotation. Only the field matching `kind`
/// is meaningful (`int_value` holds 0/1 for booleans).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Attr {
    pub key: Str,
    pub kind: u32,
    pub int_value: i64,
    pub float_value: f64,
    pub str_value: Str,
}

/// One output annotation, handed to the sink.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Annotation {
    /// Index into the descriptor's `produces` list.
    pub layer: usize,
    /// Byte offsets into the document text; must lie on char boundaries.
    pub start: usize,
    pub end: usize,
    pub label: Str,
    pub attrs: *const Attr,
    pub attr_count: usize,
}

/// Where results go: the host's context pointer and callback. The callback
/// copies what it needs before returning and answers [`STATUS_OK`] or
/// [`STATUS_ERROR`] (an invalid annotation; the host then fails the
/// document).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Sink {
    pub context: *mut c_void,
    pub emit: unsafe extern "C" fn(context: *mut c_void, annotation: *const Annotation) -> i32,
}

/// What a plugin library describes itself with. Field order is part of the
/// ABI; `abi_version` must stay first in every version.
#[repr(C)]
#[derive(Debug)]
pub struct PluginDescriptor {
    pub abi_version: u32,
    /// The stage name shown in pipelines and errors (`handles`).
    pub name: Str,
    /// The plugin's own version (`0.1.0`).
    pub version: Str,
    /// One line saying what it does.
    pub description: Str,
    pub requires: *const Str,
    pub requires_len: usize,
    pub produces: *const Str,
    pub produces_len: usize,
    pub options: *const OptionDescriptor,
    pub options_len: usize,
    /// Creates an instance from a JSON object of options. On success writes
    /// the instance to `instance` and returns [`STATUS_OK`]; otherwise writes
    /// a message to `error`.
    pub create: unsafe extern "C" fn(
        options_json: Str,
        instance: *mut *mut c_void,
        error: *mut OwnedStr,
    ) -> i32,
    /// Processes one document, sending annotations to `sink`. May run on
    /// several threads at once with the same instance.
    pub process: unsafe extern "C" fn(
        instance: *const c_void,
        document: *const DocumentView,
        sink: *const Sink,
        error: *mut OwnedStr,
    ) -> i32,
    /// Destroys an instance made by `create`.
    pub destroy: unsafe extern "C" fn(instance: *mut c_void),
    /// Frees a string the plugin wrote to an `error` out-parameter.
    pub free_string: unsafe extern "C" fn(string: OwnedStr),
}

// SAFETY: a descriptor only holds pointers to data that is immutable and
// lives as long as the library, and function pointers.
unsafe impl Sync for PluginDescriptor {}
unsafe impl Send for PluginDescriptor {}
