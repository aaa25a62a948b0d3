//! The code behind [`export_plugin!`](crate::export_plugin): the descriptor
//! and the `extern "C"` shims. Not part of the public API.

use std::any::Any;
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use crate::abi::{self, OwnedStr, PluginDescriptor, Str};
use crate::{Document, Options, Output, Plugin};

/// The descriptor and the arrays it points into, built once.
struct Built {
    descriptor: PluginDescriptor,
    // The descriptor points into these heap arrays; they are never changed
    // after construction, so the pointers stay valid.
    _requires: Vec<Str>,
    _produces: Vec<Str>,
    _options: Vec<abi::OptionDescriptor>,
}

// SAFETY: `Built` is immutable after construction and only points to
// `'static` strings and to its own heap arrays.
unsafe impl Send for Built {}
unsafe impl Sync for Built {}

/// A lazily built descriptor, one `static` per plugin library.
pub struct DescriptorCell {
    cell: OnceLock<Built>,
}

impl Default for DescriptorCell {
    fn default() -> Self {
        Self::new()
    }
}

impl DescriptorCell {
    pub const fn new() -> DescriptorCell {
        DescriptorCell {
            cell: OnceLock::new(),
        }
    }

    /// The descriptor for plugin type `P` (null if building it panicked).
    pub fn get<P: Plugin>(&'static self) -> *const PluginDescriptor {
        match catch_unwind(|| &self.cell.get_or_init(build::<P>).descriptor) {
            Ok(descriptor) => descriptor,
            Err(_) => std::ptr::null(),
        }
    }
}

fn build<P: Plugin>() -> Built {
    let info = P::INFO;
    let requires: Vec<Str> = info.requires.iter().map(|s| Str::new(s)).collect();
    let produces: Vec<Str> = info.produces.iter().map(|s| Str::new(s)).collect();
    let options: Vec<abi::OptionDescriptor> = info
        .options
        .iter()
        .map(|o| abi::OptionDescriptor {
            name: Str::new(o.name),
            kind: o.kind.to_abi(),
            default_json: o.default.map_or(Str::EMPTY, Str::new),
            help: Str::new(o.help),
        })
        .collect();
    let descriptor = PluginDescriptor {
        abi_version: abi::ABI_VERSION,
        name: Str::new(info.name),
        version: Str::new(info.version),
        description: Str::new(info.description),
        requires: requires.as_ptr(),
        requires_len: requires.len(),
        produces: produces.as_ptr(),
        produces_len: produces.len(),
        options: options.as_ptr(),
        options_len: options.len(),
        create: create::<P>,
        process: process::<P>,
        destroy: destroy::<P>,
        free_string,
    };
    Built {
        descriptor,
        _requires: requires,
        _produces: produces,
        _options: options,
    }
}

/// Hands a message to the host; it comes back through `free_string`.
fn give(message: String, out: *mut OwnedStr) {
    if out.is_null() {
        return;
    }
    let mut bytes = std::mem::ManuallyDrop::new(message.into_bytes());
    let owned = OwnedStr {
        ptr: bytes.as_mut_ptr(),
        len: bytes.len(),
        capacity: bytes.capacity(),
    };
    // SAFETY: the host passes a valid, writable out-parameter.
    unsafe { out.write(owned) };
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".to_string()
    }
}

unsafe extern "C" fn create<P: Plugin>(
    options_json: Str,
    instance: *mut *mut c_void,
    error: *mut OwnedStr,
) -> i32 {
    let result = catch_unwind(|| {
        // SAFETY: the host passes valid UTF-8 (ABI contract); checked anyway
        // because it is read once per pipeline, not per document.
        let json = std::str::from_utf8(unsafe { options_json.as_bytes() })
            .map_err(|_| "options are not valid UTF-8".to_string())?;
        let options = Options::parse(json, P::INFO.options)?;
        P::new(&options)
    });
    match result {
        Ok(Ok(plugin)) => {
            if instance.is_null() {
                give("the host passed no place for the instance".into(), error);
                return abi::STATUS_ERROR;
            }
            let boxed = Box::into_raw(Box::new(plugin)).cast::<c_void>();
            // SAFETY: checked non-null; the host passes a writable pointer.
            unsafe { instance.write(boxed) };
            abi::STATUS_OK
        }
        Ok(Err(message)) => {
            give(message, error);
            abi::STATUS_ERROR
        }
        Err(payload) => {
            give(panic_message(payload.as_ref()), error);
            abi::STATUS_PANIC
        }
    }
}

unsafe extern "C" fn process<P: Plugin>(
    instance: *const c_void,
    document: *const abi::DocumentView,
    sink: *const abi::Sink,
    error: *mut OwnedStr,
) -> i32 {
    if instance.is_null() || document.is_null() || sink.is_null() {
        give("the host passed a null pointer to process".into(), error);
        return abi::STATUS_ERROR;
    }
    // SAFETY: `instance` was made by `create::<P>` and is alive; the view and
    // the sink are valid for this call (ABI contract).
    let (plugin, doc, sink) = unsafe {
        (
            &*instance.cast::<P>(),
            Document::from_raw(&*document),
            &*sink,
        )
    };
    // The plugin is shared and immutable through `&self`; a panic cannot
    // leave it half-updated unless it uses interior mutability, which the
    // trait docs warn about.
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut out = Output::to_host(sink);
        plugin.process(&doc, &mut out)
    }));
    match result {
        Ok(Ok(())) => abi::STATUS_OK,
        Ok(Err(message)) => {
            give(message, error);
            abi::STATUS_ERROR
        }
        Err(payload) => {
            give(panic_message(payload.as_ref()), error);
            abi::STATUS_PANIC
        }
    }
}

unsafe extern "C" fn destroy<P: Plugin>(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // A panicking Drop must not unwind into the host.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: made by `create::<P>` with Box::into_raw; the host destroys
        // each instance once.
        drop(unsafe { Box::from_raw(instance.cast::<P>()) });
    }));
}

unsafe extern "C" fn free_string(string: OwnedStr) {
    if string.ptr.is_null() {
        return;
    }
    // SAFETY: made by `give` from a Vec<u8> with these exact parts.
    drop(unsafe { Vec::from_raw_parts(string.ptr, string.len, string.capacity) });
}
