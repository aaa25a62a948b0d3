//! The host against descriptors built in memory: every field a plugin
//! controls is varied, and the host must refuse what is broken with a
//! message, never panic. The shim below stands in for a plugin library; its
//! behaviour (statuses, messages, annotations) comes in through the options
//! JSON, so each case is self-contained.

use std::ffi::c_void;
use std::path::Path;

use lede_core::{Document, Span};
use lede_plugin::abi::{self, OwnedStr, PluginDescriptor, Str};
use proptest::prelude::*;
use serde::Deserialize;

use super::{open_descriptor, start};

/// What the shim plugin does, read from its options.
#[derive(Deserialize, Default)]
struct Behaviour {
    #[serde(default)]
    create_status: i32,
    #[serde(default)]
    create_message: String,
    #[serde(default)]
    process_status: i32,
    #[serde(default)]
    process_message: String,
    /// (layer index, start, end, label)
    #[serde(default)]
    emit: Vec<(usize, usize, usize, String)>,
}

fn give(message: &str, out: *mut OwnedStr) {
    if message.is_empty() || out.is_null() {
        return;
    }
    let mut bytes = std::mem::ManuallyDrop::new(message.as_bytes().to_vec());
    // SAFETY: the host passes a writable out-parameter.
    unsafe {
        out.write(OwnedStr {
            ptr: bytes.as_mut_ptr(),
            len: bytes.len(),
            capacity: bytes.capacity(),
        })
    };
}

unsafe extern "C" fn create(options: Str, instance: *mut *mut c_void, error: *mut OwnedStr) -> i32 {
    let json = unsafe { options.as_str() };
    let behaviour: Behaviour = serde_json::from_str(json).unwrap_or_default();
    let status = behaviour.create_status;
    give(&behaviour.create_message, error);
    if status == abi::STATUS_OK {
        unsafe { instance.write(Box::into_raw(Box::new(behaviour)).cast()) };
    }
    status
}

unsafe extern "C" fn process(
    instance: *const c_void,
    _document: *const abi::DocumentView,
    sink: *const abi::Sink,
    error: *mut OwnedStr,
) -> i32 {
    let behaviour = unsafe { &*instance.cast::<Behaviour>() };
    let sink = unsafe { &*sink };
    for (layer, start, end, label) in &behaviour.emit {
        let annotation = abi::Annotation {
            layer: *layer,
            start: *start,
            end: *end,
            label: Str::new(label),
            attrs: std::ptr::null(),
            attr_count: 0,
        };
        unsafe { (sink.emit)(sink.context, &annotation) };
    }
    give(&behaviour.process_message, error);
    behaviour.process_status
}

unsafe extern "C" fn destroy(instance: *mut c_void) {
    drop(unsafe { Box::from_raw(instance.cast::<Behaviour>()) });
}

unsafe extern "C" fn free_string(string: OwnedStr) {
    drop(unsafe { Vec::from_raw_parts(string.ptr, string.len, string.capacity) });
}

/// The parts of a descriptor a plugin controls.
#[derive(Clone, Debug)]
struct Parts {
    abi_version: u32,
    name: Vec<u8>,
    requires: Vec<Vec<u8>>,
    produces: Vec<Vec<u8>>,
    /// (name, kind, default JSON)
    options: Vec<(Vec<u8>, u32, Vec<u8>)>,
}

fn leak_str(bytes: &[u8]) -> Str {
    let leaked: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
    Str {
        ptr: leaked.as_ptr(),
        len: leaked.len(),
    }
}

fn leak_list(items: &[Vec<u8>]) -> (*const Str, usize) {
    let strs: Vec<Str> = items.iter().map(|b| leak_str(b)).collect();
    let leaked: &'static [Str] = Box::leak(strs.into_boxed_slice());
    (leaked.as_ptr(), leaked.len())
}

/// A descriptor living for the rest of the test process, as a loaded
/// library's would.
fn descriptor(parts: &Parts) -> &'static PluginDescriptor {
    let (requires, requires_len) = leak_list(&parts.requires);
    let (produces, produces_len) = leak_list(&parts.produces);
    let options: Vec<abi::OptionDescriptor> = parts
        .options
        .iter()
        .map(|(name, kind, default)| abi::OptionDescriptor {
            name: leak_str(name),
            kind: *kind,
            default_json: leak_str(default),
            help: Str::new("an option"),
        })
        .collect();
    let options: &'static [abi::OptionDescriptor] = Box::leak(options.into_boxed_slice());
    Box::leak(Box::new(PluginDescriptor {
        abi_version: parts.abi_version,
        name: leak_str(&parts.name),
        version: Str::new("0.0.1"),
        description: Str::new("in memory"),
        requires,
        requires_len,
        produces,
        produces_len,
        options: options.as_ptr(),
        options_len: options.len(),
        create,
        process,
        destroy,
        free_string,
    }))
}

fn good() -> Parts {
    Parts {
        abi_version: abi::ABI_VERSION,
        name: b"memory".to_vec(),
        requires: vec![b"sentences".to_vec()],
        produces: vec![b"marks".to_vec()],
        options: vec![(b"limit".to_vec(), abi::OPTION_INT, b"3".to_vec())],
    }
}

fn open(parts: &Parts) -> Result<super::Opened, String> {
    // SAFETY: `descriptor` builds a valid, leaked descriptor of this ABI.
    unsafe { open_descriptor(Path::new("memory.so"), descriptor(parts)) }
}

fn with_sentence(text: &str) -> Document {
    let mut doc = Document::new("d", text);
    doc.layers.sentences = Some(vec![Span::new(text, 0, text.len()).unwrap()]);
    doc
}

#[test]
fn a_layer_listed_twice_in_produces_is_refused_without_a_panic() {
    let mut parts = good();
    parts.produces = vec![b"marks".to_vec(), b"marks".to_vec()];
    let err = open(&parts).err().expect("refused");
    assert_eq!(
        err,
        "plugin memory.so: its descriptor is broken (it lists layer `marks` twice in produces); \
         rebuild it with lede-plugin"
    );
}

#[test]
fn a_version_1_plugin_loads_and_runs_unchanged() {
    let mut parts = good();
    parts.abi_version = 1;
    let stage = start(open(&parts).unwrap(), r#"{"emit": [[0, 4, 9, "truce"]]}"#).unwrap();
    let mut doc = with_sentence("The truce held.");
    stage.process(&mut doc).unwrap();
    let marks = &doc.layers.generic["marks"];
    assert_eq!(marks.len(), 1);
    assert_eq!(doc.slice(marks[0].span), "truce");
    let mut parts = good();
    parts.abi_version = abi::ABI_VERSION + 1;
    let err = open(&parts).err().expect("refused");
    assert!(err.contains("but this lede expects version 2"), "{err}");
}

#[test]
fn option_specs_with_an_unknown_kind_or_a_bad_default_are_refused() {
    let mut parts = good();
    parts.options[0].1 = 9;
    let err = open(&parts).err().expect("refused");
    assert!(err.contains("option `limit` has unknown kind 9"), "{err}");
    for (kind, default) in [
        (abi::OPTION_INT, "\"three\""),
        (abi::OPTION_INT, "3.5"),
        (abi::OPTION_BOOL, "yes"),
        (abi::OPTION_STRING_LIST, "[\"a\", 1]"),
    ] {
        let mut parts = good();
        parts.options[0] = (b"limit".to_vec(), kind, default.as_bytes().to_vec());
        let err = open(&parts).err().expect("refused");
        assert!(
            err.contains(&format!("the default {default} of option `limit` is not")),
            "{err}"
        );
    }
    let mut parts = good();
    parts.options[0] = (b"ratio".to_vec(), abi::OPTION_FLOAT, b"2".to_vec());
    assert!(open(&parts).is_ok(), "an integer default is a float");
}

#[test]
fn a_failure_without_a_message_says_that_no_reason_was_given() {
    let opened = open(&good()).unwrap();
    let stage = start(opened, r#"{"process_status": 1}"#).unwrap();
    let mut doc = with_sentence("The truce held.");
    let err = stage.process(&mut doc).unwrap_err().to_string();
    assert_eq!(err, "plugin `memory` failed: no reason given (status 1)");
    let stage = start(open(&good()).unwrap(), r#"{"process_status": 7}"#).unwrap();
    let err = stage.process(&mut doc).unwrap_err().to_string();
    assert!(err.contains("status 7 is not one the ABI defines"), "{err}");
    let err = start(open(&good()).unwrap(), r#"{"create_status": 1}"#)
        .err()
        .expect("refused");
    assert!(err.contains("could not start: no reason given"), "{err}");
}

#[test]
fn an_unaligned_descriptor_is_read_without_undefined_behaviour() {
    // The version at an odd address: read unaligned, then refused.
    let mut bytes = vec![0u8; std::mem::size_of::<PluginDescriptor>() + 8];
    let odd = 1;
    bytes[odd..odd + 4].copy_from_slice(&abi::ABI_VERSION.to_ne_bytes());
    let raw = bytes[odd..].as_ptr().cast::<PluginDescriptor>();
    // SAFETY: at least a u32 is readable at `raw`; the host checks the
    // alignment before reading anything else.
    let err = unsafe { open_descriptor(Path::new("odd.so"), raw) }
        .err()
        .expect("refused");
    assert!(err.contains("not aligned"), "{err}");
    let other = 99u32.to_ne_bytes();
    bytes[odd..odd + 4].copy_from_slice(&other);
    let raw = bytes[odd..].as_ptr().cast::<PluginDescriptor>();
    // SAFETY: as above.
    let err = unsafe { open_descriptor(Path::new("odd.so"), raw) }
        .err()
        .expect("refused");
    assert!(
        err.contains("built for lede plugin ABI version 99"),
        "{err}"
    );
}

fn bytes_from(choices: &'static [&'static [u8]]) -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(choices).prop_map(|b| b.to_vec())
}

const NAMES: &[&[u8]] = &[
    b"marks",
    b"",
    b"tokens",
    b"sentences",
    b"id",
    b"text",
    b"x",
    b"\xff\xfe",
    b"entities",
    b"other",
];
const DEFAULTS: &[&[u8]] = &[
    b"",
    b"3",
    b"-1",
    b"2.5",
    b"true",
    b"\"topic\"",
    b"[]",
    b"[\"a\"]",
    b"[1]",
    b"{",
    b"\xff",
    b"null",
];

fn parts() -> impl Strategy<Value = Parts> {
    (
        prop::sample::select(vec![abi::ABI_VERSION, abi::ABI_VERSION + 1, 0]),
        bytes_from(NAMES),
        prop::collection::vec(bytes_from(NAMES), 0..3),
        prop::collection::vec(bytes_from(NAMES), 0..3),
        prop::collection::vec((bytes_from(NAMES), 0u32..7, bytes_from(DEFAULTS)), 0..3),
    )
        .prop_map(|(abi_version, name, requires, produces, options)| Parts {
            abi_version,
            name,
            requires,
            produces,
            options,
        })
}

fn behaviour() -> impl Strategy<Value = String> {
    let status = prop::sample::select(vec![0, 1, 2, -1, 7]);
    let message = prop::sample::select(vec!["", " ", "went wrong", "é"]);
    let emit = prop::collection::vec((0usize..3, 0usize..40, 0usize..40, "[a-z]{0,3}"), 0..4);
    (status.clone(), message.clone(), status, message, emit).prop_map(|(cs, cm, ps, pm, emit)| {
        serde_json::json!({
            "create_status": cs, "create_message": cm,
            "process_status": ps, "process_message": pm,
            "emit": emit,
        })
        .to_string()
    })
}

proptest! {
    #[test]
    fn the_host_never_panics_on_any_descriptor(parts in parts(), behaviour in behaviour()) {
        let Ok(opened) = open(&parts) else { return Ok(()) };
        // What the host accepted is well formed.
        let d = &opened.description;
        prop_assert!(!d.name.is_empty() && !d.produces.is_empty());
        let Ok(stage) = start(opened, &behaviour) else { return Ok(()) };
        for text in ["", "The truce held.", "„Nein“, sagte sie — 😀 ok"] {
            let mut doc = with_sentence(text);
            doc.layers.tokens = Some(Vec::new());
            if let Ok(()) = stage.process(&mut doc) {
                for layer in stage.produces() {
                    for a in &doc.layers.generic[&layer] {
                        prop_assert!(a.span.end() <= text.len());
                        prop_assert!(text.is_char_boundary(a.span.start()));
                        prop_assert!(text.is_char_boundary(a.span.end()));
                    }
                }
            }
        }
    }
}
