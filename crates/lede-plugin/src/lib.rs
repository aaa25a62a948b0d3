//! lede-plugin: what a third-party stage for lede depends on.
//!
//! A plugin is a `cdylib` crate with one type implementing [`Plugin`] and one
//! line `lede_plugin::export_plugin!(MyType);`. The macro exports the single
//! C symbol lede looks for and generates every `extern "C"` shim, so plugin
//! code contains no `unsafe`: panics are caught and turned into errors,
//! options are parsed and type-checked against the declared
//! [`OptionSpec`]s, and annotations go to the host through [`Output`].
//!
//! The wire format lives in [`abi`]: `#[repr(C)]` structs, pointer + length
//! strings, a host-provided sink, and an [`abi::ABI_VERSION`] the host checks
//! first. Nothing Rust-specific and no allocator crosses the boundary.
//!
//! This crate does not load plugins (the host lives in lede-runner) and has
//! no dependencies, so a plugin builds in seconds. The guide for authors is
//! docs/plugins.md.

pub mod abi;
pub mod json;
mod options;
#[cfg(feature = "testing")]
pub mod testing;
mod view;

#[doc(hidden)]
pub mod __private;

pub use options::{OptionKind, OptionSpec, Options};
pub use view::{
    AttrValue, Collected, CollectedAttr, Document, Entity, Item, Number, Output, Quote,
};

/// What a plugin says about itself. The host reads it before creating an
/// instance and checks `requires`/`produces` like a built-in stage's.
#[derive(Clone, Copy, Debug)]
pub struct PluginInfo {
    /// The stage name used in messages (`handles`). Letters, digits, `-`, `_`.
    pub name: &'static str,
    /// The plugin's version, usually `env!("CARGO_PKG_VERSION")`.
    pub version: &'static str,
    /// One line saying what it does.
    pub description: &'static str,
    /// Layers that must exist before the plugin runs (`sentences`, `tokens`,
    /// `entities`, `numbers`, `quotes`, `paragraphs`, or another plugin's
    /// layer). Only these are visible in [`Document::layer`].
    pub requires: &'static [&'static str],
    /// The layers it adds; at least one. Annotations go to the first one
    /// unless [`Output::add_to`] names another. They appear in the JSON
    /// output under these names, so they must not be built-in layer names.
    pub produces: &'static [&'static str],
    /// The options it accepts in the pipeline's `options = {...}` table.
    pub options: &'static [OptionSpec],
}

/// A lede stage living in a dynamic library.
///
/// One instance is created per pipeline from the pipeline's options and is
/// shared by all worker threads, hence `Send + Sync`: `process` takes
/// `&self` and may run on several documents at once. Keep per-document state
/// in local variables. A panic in `process` fails that document only (the
/// message becomes its error), but a plugin should return `Err` instead.
pub trait Plugin: Send + Sync + Sized + 'static {
    /// The plugin's self-description.
    const INFO: PluginInfo;

    /// Builds an instance from checked options (declared defaults filled in).
    /// An `Err` message is shown to the user with the plugin's path.
    fn new(options: &Options) -> Result<Self, String>;

    /// Annotates one document.
    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String>;
}

/// Exports a [`Plugin`] type as a lede plugin library: generates the
/// `lede_plugin_descriptor` C symbol and the shims behind it. Use it once per
/// library, at the crate root, and build the crate with
/// `crate-type = ["cdylib"]`.
///
/// ```text
/// lede_plugin::export_plugin!(Handles);
/// ```
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        /// The entry point lede looks up in this library.
        #[no_mangle]
        pub extern "C" fn lede_plugin_descriptor() -> *const $crate::abi::PluginDescriptor {
            static DESCRIPTOR: $crate::__private::DescriptorCell =
                $crate::__private::DescriptorCell::new();
            DESCRIPTOR.get::<$plugin>()
        }
    };
}
