//! The plugin host: finds, loads and runs stages that live in dynamic
//! libraries built with lede-plugin (see docs/plugins.md).
//!
//! Loading checks, in this order: the file exists; it is a loadable library;
//! it exports `lede_plugin_descriptor`; the descriptor's first field is an
//! ABI version this lede loads, 1 or 2 (nothing else is read before that); the
//! descriptor is well formed (UTF-8 names, at least one produced layer, no
//! built-in layer names); the plugin accepts its options. Every error names
//! the plugin path, says what is wrong and how to fix it.
//!
//! Thread safety: the ABI requires plugin instances to be thread-safe (the
//! lede-plugin trait is `Send + Sync`), so one instance is created per
//! pipeline and shared by all worker threads.
//!
//! A loaded library is never unloaded: a Rust library may still have
//! thread-local destructors registered on worker threads, and unmapping its
//! code under them would crash. Loading the same file again reuses the
//! mapping, so this costs nothing in practice.

use std::ffi::c_void;
use std::path::{Path, PathBuf};

use lede_core::{AttrValue, Document, GenericAnnotation, Span, Stage, StageError};
use lede_plugin::abi::{self, OwnedStr, PluginDescriptor, Str};
use lede_plugin::OptionKind;
use views::{layer_items, TypedViews};

/// The environment variable listing directories searched for bare plugin
/// names, separated like `PATH`.
pub const PLUGIN_PATH_VAR: &str = "LEDE_PLUGIN_PATH";

/// Resolves a `plugin = "..."` value.
///
/// A value containing a path separator is a path relative to the pipeline
/// file's directory `base_dir` (or absolute). A bare name (`liblede_handles.so`,
/// `lede_handles` or `handles`) is looked for in `base_dir`, then in each
/// directory of `LEDE_PLUGIN_PATH`; a name without a library extension also
/// matches the platform's library file names (`liblede_handles.so`,
/// `liblede_<name>.so`).
pub fn resolve(spec: &str, base_dir: &Path) -> Result<PathBuf, PluginError> {
    resolve_in(spec, base_dir, std::env::var_os(PLUGIN_PATH_VAR))
}

/// Why a plugin could not be found, opened or started. The message names
/// the plugin as written or the library file; `path` is the file when one
/// was found.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct PluginError {
    pub path: Option<PathBuf>,
    pub message: String,
}

impl PluginError {
    fn at(path: Option<&Path>) -> impl FnOnce(String) -> PluginError + '_ {
        move |message| PluginError {
            path: path.map(Path::to_path_buf),
            message,
        }
    }
}

/// [`resolve`] with the search path given instead of read from the
/// environment.
pub fn resolve_in(
    spec: &str,
    base_dir: &Path,
    plugin_path: Option<std::ffi::OsString>,
) -> Result<PathBuf, PluginError> {
    find(spec, base_dir, plugin_path).map_err(PluginError::at(None))
}

fn find(
    spec: &str,
    base_dir: &Path,
    plugin_path: Option<std::ffi::OsString>,
) -> Result<PathBuf, String> {
    if spec.trim().is_empty() {
        return Err("plugin path is empty; write `plugin = \"path/to/libname.so\"`".into());
    }
    // A pipeline given without a directory (`lede check rel.toml`) has an
    // empty base; `./` keeps the dynamic loader from searching the system
    // library path for a bare file name instead of this directory.
    let base_dir = if base_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base_dir
    };
    let is_path = spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR);
    if is_path {
        let path = base_dir.join(spec);
        if path.is_file() {
            return Ok(path);
        }
        return Err(format!(
            "plugin {}: no such file (`plugin` paths are relative to the pipeline file's directory {}). \
             Build the plugin first (for the bundled ones: `cargo build --release -p lede-handles -p lede-lexicon`) \
             or fix the path",
            path.display(),
            shown_dir(base_dir)
        ));
    }
    let mut dirs = vec![base_dir.to_path_buf()];
    if let Some(value) = &plugin_path {
        dirs.extend(std::env::split_paths(value).filter(|d| !d.as_os_str().is_empty()));
    }
    let names = candidate_names(spec);
    for dir in &dirs {
        for name in &names {
            let path = dir.join(name);
            if path.is_file() {
                return Ok(path);
            }
        }
    }
    let searched: Vec<String> = dirs.iter().map(|d| shown_dir(d)).collect();
    Err(format!(
        "plugin `{spec}`: not found; looked for {} in {}. Set {PLUGIN_PATH_VAR} to the directory \
         holding the library (e.g. `export {PLUGIN_PATH_VAR}=target/release`) or give a path",
        names.join(", "),
        searched.join(", ")
    ))
}

fn shown_dir(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        dir.display().to_string()
    }
}

/// File names a bare plugin name may have.
fn candidate_names(spec: &str) -> Vec<String> {
    use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
    let mut names = vec![spec.to_string()];
    if !spec.ends_with(DLL_SUFFIX) {
        let stem = spec.replace('-', "_");
        names.push(format!("{DLL_PREFIX}{stem}{DLL_SUFFIX}"));
        if !stem.starts_with("lede_") {
            names.push(format!("{DLL_PREFIX}lede_{stem}{DLL_SUFFIX}"));
        }
    }
    names
}

/// What a plugin says about itself, as read from its descriptor.
#[derive(Clone, Debug, PartialEq)]
pub struct PluginDescription {
    pub path: PathBuf,
    pub name: String,
    pub version: String,
    pub description: String,
    pub requires: Vec<String>,
    pub produces: Vec<String>,
    pub options: Vec<PluginOption>,
}

/// One option a plugin declares.
#[derive(Clone, Debug, PartialEq)]
pub struct PluginOption {
    pub name: String,
    pub kind: OptionKind,
    /// The default as JSON, if any.
    pub default: Option<String>,
    pub help: String,
}

/// A plugin library, opened and checked.
struct Opened {
    descriptor: &'static PluginDescriptor,
    description: PluginDescription,
}

/// Reads a plugin's descriptor without creating an instance (for listings).
pub fn describe(path: &Path) -> Result<PluginDescription, PluginError> {
    open(path)
        .map(|o| o.description)
        .map_err(PluginError::at(Some(path)))
}

/// Loads the plugin at `path` and creates one instance with `options_json`
/// (a JSON object; empty means no options). The returned stage is named
/// after the plugin and shared by all worker threads.
pub fn load(path: &Path, options_json: &str) -> Result<Box<dyn Stage>, PluginError> {
    open(path)
        .and_then(|opened| start(opened, options_json))
        .map_err(PluginError::at(Some(path)))
}

/// Creates one instance of an opened plugin.
fn start(opened: Opened, options_json: &str) -> Result<Box<dyn Stage>, String> {
    let path = opened.description.path.clone();
    let descriptor = opened.descriptor;
    let description = opened.description;
    let mut instance: *mut c_void = std::ptr::null_mut();
    let mut error = OwnedStr::NONE;
    // SAFETY: `create` comes from a descriptor whose ABI version matched;
    // the options string and out-parameters live for the call.
    let status = unsafe { (descriptor.create)(Str::new(options_json), &mut instance, &mut error) };
    let message = take_message(descriptor, error);
    if status != abi::STATUS_OK || instance.is_null() {
        let what = if status == abi::STATUS_PANIC {
            "panicked while starting"
        } else {
            "could not start"
        };
        let accepted = if description.options.is_empty() {
            "it takes no options".to_string()
        } else {
            let list: Vec<String> = description
                .options
                .iter()
                .map(|o| format!("{} ({})", o.name, o.kind.as_str()))
                .collect();
            format!("it accepts: {}", list.join(", "))
        };
        return Err(format!(
            "plugin {} (`{}`) {what}: {}. Fix this stage's `options` table ({accepted})",
            path.display(),
            description.name,
            if message.is_empty() {
                "no reason given"
            } else {
                &message
            },
        ));
    }
    Ok(Box::new(PluginStage {
        descriptor,
        instance,
        description,
    }))
}

fn open(path: &Path) -> Result<Opened, String> {
    let shown = path.display();
    if !path.exists() {
        return Err(format!(
            "plugin {shown}: no such file. Build the plugin first (e.g. \
             `cargo build --release -p lede-handles`) or fix the `plugin` path"
        ));
    }
    // SAFETY: loading a library runs its initialisers: that is the trust a
    // user gives a plugin by naming it in a pipeline (see docs/plugins.md).
    let library = unsafe { libloading::Library::new(path) }.map_err(|e| {
        format!(
            "plugin {shown}: cannot be loaded as a shared library ({e}). A plugin is a crate \
             built with `crate-type = [\"cdylib\"]` for this platform"
        )
    })?;
    let symbol_name = format!("{}\0", abi::DESCRIPTOR_SYMBOL);
    // SAFETY: the symbol's type is fixed by the ABI; a library exporting a
    // different thing under this name is not a lede plugin of any version.
    let descriptor_fn: abi::DescriptorFn =
        match unsafe { library.get::<abi::DescriptorFn>(symbol_name.as_bytes()) } {
            Ok(symbol) => *symbol,
            Err(_) => {
                return Err(format!(
                    "plugin {shown}: not a lede plugin (it does not export `{}`). A plugin crate \
                 calls `lede_plugin::export_plugin!(YourType);` and is built as a cdylib",
                    abi::DESCRIPTOR_SYMBOL
                ))
            }
        };
    // Keep the library mapped for the life of the process (see module docs),
    // so the descriptor and functions stay valid: 'static.
    std::mem::forget(library);
    // SAFETY: calling the exported function is the ABI's first step; what it
    // returns is what `open_descriptor` expects.
    unsafe { open_descriptor(path, descriptor_fn()) }
}

/// Checks the descriptor a plugin returned: version first, then layout.
///
/// # Safety
/// `raw` is null or points to at least a `u32`, and, if that is
/// [`abi::ABI_VERSION`], to a descriptor of this ABI that lives for the rest
/// of the process (its strings and arrays too, as the ABI says).
unsafe fn open_descriptor(path: &Path, raw: *const PluginDescriptor) -> Result<Opened, String> {
    let shown = path.display();
    if raw.is_null() {
        return Err(format!(
            "plugin {shown}: its descriptor function returned nothing (the plugin failed while \
             describing itself); rebuild it or report it to its author"
        ));
    }
    // Read only the version first: the rest of the layout depends on it.
    // The read does not assume alignment: a plugin in another language may
    // hand out any pointer.
    // SAFETY: every ABI version starts the descriptor with a u32.
    let found = unsafe { raw.cast::<u32>().read_unaligned() };
    if !(abi::OLDEST_LOADED_VERSION..=abi::ABI_VERSION).contains(&found) {
        return Err(format!(
            "plugin {shown}: built for lede plugin ABI version {found}, but this lede expects \
             version {expected}. Rebuild the plugin against a lede-plugin with ABI version \
             {expected} (update its `lede-plugin` dependency), or use a lede that speaks version {found}",
            expected = abi::ABI_VERSION
        ));
    }
    if raw.align_offset(std::mem::align_of::<PluginDescriptor>()) != 0 {
        return Err(format!(
            "plugin {shown}: its descriptor is broken (not aligned for a pointer); a C plugin \
             keeps it in a `static` variable of type `LedePluginDescriptor`"
        ));
    }
    // SAFETY: the version matches and the pointer is aligned, so the layout
    // is ours; the caller guarantees it lives for the rest of the process.
    let descriptor: &'static PluginDescriptor = unsafe { &*raw };
    let description = read_description(path, descriptor)?;
    Ok(Opened {
        descriptor,
        description,
    })
}

/// Reads and checks the descriptor's strings and lists.
fn read_description(
    path: &Path,
    d: &'static PluginDescriptor,
) -> Result<PluginDescription, String> {
    let shown = path.display();
    let broken = |what: &str| {
        format!("plugin {shown}: its descriptor is broken ({what}); rebuild it with lede-plugin")
    };
    let text = |s: Str, what: &str| -> Result<String, String> {
        // SAFETY: pointer and length come from a descriptor of our ABI.
        let bytes = unsafe { s.as_bytes() };
        String::from_utf8(bytes.to_vec()).map_err(|_| broken(&format!("{what} is not UTF-8")))
    };
    let list = |ptr: *const Str, len: usize, what: &str| -> Result<Vec<String>, String> {
        if len == 0 {
            return Ok(Vec::new());
        }
        if ptr.is_null() {
            return Err(broken(&format!("{what} is null")));
        }
        // SAFETY: `len` strings at `ptr`, per the ABI.
        let items = unsafe { std::slice::from_raw_parts(ptr, len) };
        items.iter().map(|s| text(*s, what)).collect()
    };
    let name = text(d.name, "name")?;
    if name.is_empty() {
        return Err(broken("empty name"));
    }
    let requires = list(d.requires, d.requires_len, "requires")?;
    let produces = list(d.produces, d.produces_len, "produces")?;
    if produces.is_empty() {
        return Err(broken("it produces no layer"));
    }
    for (i, p) in produces.iter().enumerate() {
        if produces[..i].contains(p) {
            return Err(broken(&format!("it lists layer `{p}` twice in produces")));
        }
        if p.is_empty() || lede_core::json::is_reserved_layer_name(p) {
            return Err(format!(
                "plugin {shown}: produces a layer named `{p}`, which is reserved for lede; \
                 the plugin must use its own layer name"
            ));
        }
        if requires.contains(p) {
            return Err(broken(&format!("it both requires and produces `{p}`")));
        }
    }
    let mut options = Vec::new();
    if d.options_len > 0 {
        if d.options.is_null() {
            return Err(broken("options is null"));
        }
        // SAFETY: `options_len` option descriptors at `options`, per the ABI.
        let raw = unsafe { std::slice::from_raw_parts(d.options, d.options_len) };
        for o in raw {
            let name = text(o.name, "option name")?;
            if name.is_empty() || options.iter().any(|x: &PluginOption| x.name == name) {
                return Err(broken(&format!(
                    "option name `{name}` is empty or given twice"
                )));
            }
            let kind = OptionKind::from_abi(o.kind)
                .ok_or_else(|| broken(&format!("option `{name}` has unknown kind {}", o.kind)))?;
            let default = text(o.default_json, "option default")?;
            if !default.is_empty() && !default_fits(&default, kind) {
                return Err(broken(&format!(
                    "the default {default} of option `{name}` is not {}",
                    kind.with_article()
                )));
            }
            options.push(PluginOption {
                name,
                kind,
                default: (!default.is_empty()).then_some(default),
                help: text(o.help, "option help")?,
            });
        }
    }
    Ok(PluginDescription {
        path: path.to_path_buf(),
        name,
        version: text(d.version, "version")?,
        description: text(d.description, "description")?,
        requires,
        produces,
        options,
    })
}

/// Whether a declared default (JSON) is a value of the declared kind.
fn default_fits(json: &str, kind: OptionKind) -> bool {
    use serde_json::Value as J;
    let Ok(value) = serde_json::from_str::<J>(json) else {
        return false;
    };
    match (kind, &value) {
        (OptionKind::Bool, J::Bool(_)) | (OptionKind::String, J::String(_)) => true,
        (OptionKind::Int, J::Number(n)) => n.is_i64(),
        (OptionKind::Float, J::Number(_)) => true,
        (OptionKind::StringList, J::Array(items)) => items.iter().all(J::is_string),
        _ => false,
    }
}

/// Copies a plugin-allocated message and gives the memory back.
fn take_message(d: &PluginDescriptor, message: OwnedStr) -> String {
    if message.ptr.is_null() {
        return String::new();
    }
    // SAFETY: the plugin wrote `len` bytes at `ptr`; it frees them below.
    let text =
        String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(message.ptr, message.len) })
            .into_owned();
    // SAFETY: handing the string back to the library that made it, once.
    unsafe { (d.free_string)(message) };
    text
}

/// A loaded plugin instance acting as a pipeline stage.
pub struct PluginStage {
    descriptor: &'static PluginDescriptor,
    instance: *mut c_void,
    description: PluginDescription,
}

// SAFETY: the ABI requires instances to be usable from any thread at once
// (lede-plugin's `Plugin: Send + Sync`); the descriptor is immutable.
unsafe impl Send for PluginStage {}
unsafe impl Sync for PluginStage {}

impl PluginStage {
    /// What the plugin said about itself.
    pub fn description(&self) -> &PluginDescription {
        &self.description
    }
}

impl Drop for PluginStage {
    fn drop(&mut self) {
        // SAFETY: made by this descriptor's `create`, destroyed once.
        unsafe { (self.descriptor.destroy)(self.instance) };
    }
}

/// Collects what the plugin sends to the sink for one document.
struct Collector<'t> {
    text: &'t str,
    layers: Vec<Vec<GenericAnnotation>>,
    /// The first invalid annotation, reported as the document's error.
    problem: Option<String>,
}

impl Collector<'_> {
    fn accept(&mut self, a: &abi::Annotation) -> Result<(), String> {
        let layer = self.layers.len();
        if a.layer >= layer {
            return Err(format!(
                "it sent an annotation to layer #{} but produces only {layer}",
                a.layer
            ));
        }
        let span = Span::new(self.text, a.start, a.end)
            .map_err(|e| format!("it produced an invalid span {}..{}: {e}", a.start, a.end))?;
        // SAFETY (for the reads below): the annotation and what it points to
        // are valid for this callback, per the ABI.
        let label = std::str::from_utf8(unsafe { a.label.as_bytes() })
            .map_err(|_| "it produced a label that is not UTF-8".to_string())?;
        let mut annotation = GenericAnnotation {
            span,
            label: label.to_string(),
            attrs: Default::default(),
        };
        if a.attr_count > 0 && !a.attrs.is_null() {
            let attrs = unsafe { std::slice::from_raw_parts(a.attrs, a.attr_count) };
            for attr in attrs {
                let key = std::str::from_utf8(unsafe { attr.key.as_bytes() })
                    .map_err(|_| "it produced an attribute name that is not UTF-8".to_string())?;
                let value = match attr.kind {
                    abi::ATTR_BOOL => AttrValue::Bool(attr.int_value != 0),
                    abi::ATTR_INT => AttrValue::Int(attr.int_value),
                    abi::ATTR_FLOAT => AttrValue::Float(attr.float_value),
                    abi::ATTR_STR => AttrValue::Str(
                        std::str::from_utf8(unsafe { attr.str_value.as_bytes() })
                            .map_err(|_| format!("attribute `{key}` is not UTF-8"))?
                            .to_string(),
                    ),
                    other => return Err(format!("attribute `{key}` has unknown kind {other}")),
                };
                annotation.attrs.insert(key.to_string(), value);
            }
        }
        self.layers[a.layer].push(annotation);
        Ok(())
    }
}

unsafe extern "C" fn emit(context: *mut c_void, annotation: *const abi::Annotation) -> i32 {
    if context.is_null() || annotation.is_null() {
        return abi::STATUS_ERROR;
    }
    // SAFETY: `context` is the Collector set up in `process` for this call.
    let collector = unsafe { &mut *context.cast::<Collector<'_>>() };
    // Nothing below panics on plugin data, but a panic must never unwind
    // into the plugin's frames.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: valid for this callback, per the ABI.
        collector.accept(unsafe { &*annotation })
    }));
    match result {
        Ok(Ok(())) => abi::STATUS_OK,
        Ok(Err(problem)) => {
            collector.problem.get_or_insert(problem);
            abi::STATUS_ERROR
        }
        Err(_) => {
            collector
                .problem
                .get_or_insert_with(|| "the host failed to read an annotation".into());
            abi::STATUS_ERROR
        }
    }
}

impl Stage for PluginStage {
    fn name(&self) -> &str {
        &self.description.name
    }

    fn requires(&self) -> Vec<String> {
        self.description.requires.clone()
    }

    fn produces(&self) -> Vec<String> {
        self.description.produces.clone()
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let name = &self.description.name;
        let mut inputs: Vec<Vec<abi::Item>> = Vec::with_capacity(self.description.requires.len());
        for required in &self.description.requires {
            match layer_items(doc, required) {
                Some(items) => inputs.push(items),
                None => return Err(StageError::MissingLayer(required.clone())),
            }
        }
        let raw_layers: Vec<abi::Layer> = self
            .description
            .requires
            .iter()
            .zip(&inputs)
            .map(|(name, items)| abi::Layer {
                name: Str::new(name),
                items: items.as_ptr(),
                len: items.len(),
            })
            .collect();
        let typed = TypedViews::of(doc, &self.description.requires);
        let (entities, entities_len) = views::raw(&typed.entities);
        let (numbers, numbers_len) = views::raw(&typed.numbers);
        let (quotes, quotes_len) = views::raw(&typed.quotes);
        // A version 1 plugin reads only the fields before `entities`.
        let view = abi::DocumentView {
            id: Str::new(&doc.id),
            text: Str::new(&doc.text),
            layers: raw_layers.as_ptr(),
            layer_count: raw_layers.len(),
            entities,
            entities_len,
            numbers,
            numbers_len,
            quotes,
            quotes_len,
        };
        let mut collector = Collector {
            text: &doc.text,
            layers: vec![Vec::new(); self.description.produces.len()],
            problem: None,
        };
        let sink = abi::Sink {
            context: (&mut collector as *mut Collector<'_>).cast(),
            emit,
        };
        let mut error = OwnedStr::NONE;
        // SAFETY: the instance is alive (dropped only with `self`); the view,
        // sink and collector outlive the call.
        let status = unsafe { (self.descriptor.process)(self.instance, &view, &sink, &mut error) };
        let message = take_message(self.descriptor, error);
        let Collector {
            layers: produced,
            problem,
            ..
        } = collector;
        let message = if message.trim().is_empty() {
            format!("no reason given (status {status})")
        } else {
            message
        };
        match status {
            abi::STATUS_OK => {}
            abi::STATUS_PANIC => {
                return Err(StageError::Other(format!(
                    "plugin `{name}` panicked: {message}"
                )))
            }
            abi::STATUS_ERROR => {
                return Err(StageError::Other(format!(
                    "plugin `{name}` failed: {message}"
                )))
            }
            _ => {
                return Err(StageError::Other(format!(
                    "plugin `{name}` failed: {message}; status {status} is not one the ABI \
                     defines, this is a bug in the plugin"
                )))
            }
        }
        if let Some(problem) = problem {
            return Err(StageError::Other(format!(
                "plugin `{name}` ({}): {problem}; this is a bug in the plugin",
                self.description.path.display()
            )));
        }
        for (layer_name, mut items) in self.description.produces.iter().zip(produced) {
            items.sort_by_key(|a| (a.span.start(), a.span.end()));
            doc.layers.generic.insert(layer_name.clone(), items);
        }
        Ok(())
    }
}

mod views;

#[cfg(test)]
mod descriptor_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_names_are_searched_in_the_pipeline_dir_then_the_plugin_path() {
        let root = std::env::temp_dir().join(format!("lede-resolve-{}", std::process::id()));
        let pipelines = root.join("pipelines");
        let libs = root.join("libs");
        std::fs::create_dir_all(&pipelines).unwrap();
        std::fs::create_dir_all(&libs).unwrap();
        let lib_name = format!(
            "{}lede_handles{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        std::fs::write(libs.join(&lib_name), b"").unwrap();
        let path_var = Some(libs.clone().into_os_string());

        for spec in [lib_name.as_str(), "lede_handles", "handles", "lede-handles"] {
            assert_eq!(
                resolve_in(spec, &pipelines, path_var.clone()).unwrap(),
                libs.join(&lib_name),
                "{spec}"
            );
        }
        let err = resolve_in("handles", &pipelines, None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not found") && err.contains(PLUGIN_PATH_VAR),
            "{err}"
        );

        let relative = format!("../libs/{lib_name}");
        assert_eq!(
            resolve_in(&relative, &pipelines, None).unwrap(),
            pipelines.join(&relative)
        );
        let err = resolve_in("../target/release/libnope.so", &pipelines, path_var)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no such file") && err.contains("relative to the pipeline file"),
            "{err}"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_missing_file_is_named() {
        let err = load(Path::new("/nonexistent/liblede_gone.so"), "{}")
            .err()
            .unwrap();
        assert_eq!(
            err.path.as_deref(),
            Some(Path::new("/nonexistent/liblede_gone.so"))
        );
        let err = err.to_string();
        assert!(
            err.starts_with("plugin /nonexistent/liblede_gone.so: no such file"),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_library_is_refused() {
        let path = std::env::temp_dir().join(format!("lede-notalib-{}.so", std::process::id()));
        std::fs::write(&path, "This is a news article, not a library.\n").unwrap();
        let err = load(&path, "{}").err().unwrap().to_string();
        assert!(
            err.contains("cannot be loaded as a shared library"),
            "{err}"
        );
        assert!(err.contains(&path.display().to_string()), "{err}");
        std::fs::remove_file(&path).unwrap();
    }

    // ---- Real libraries, really loaded --------------------------------------
    //
    // The example plugins and the fixtures in plugins/test-* are built once
    // per test run with a nested `cargo build`, into a target directory of
    // their own so it does not wait on the lock of the build running us.

    use std::sync::OnceLock;

    fn plugin_dir() -> &'static Path {
        static DIR: OnceLock<PathBuf> = OnceLock::new();
        DIR.get_or_init(|| {
            let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
            let target = match std::env::var_os("CARGO_TARGET_DIR") {
                Some(dir) => workspace.join(dir),
                None => workspace.join("target"),
            }
            .join("plugin-tests");
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let status = std::process::Command::new(cargo)
                .current_dir(&workspace)
                .args(["build", "--quiet"])
                .args([
                    "-p",
                    "lede-handles",
                    "-p",
                    "lede-lexicon",
                    "-p",
                    "lede-test-panic",
                ])
                .args(["-p", "lede-test-wrong-abi", "-p", "lede-test-not-a-plugin"])
                .args(["-p", "lede-test-typed"])
                .arg("--target-dir")
                .arg(&target)
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building the test plugins failed");
            target.join("debug")
        })
    }

    fn library(crate_name: &str) -> PathBuf {
        use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
        plugin_dir().join(format!("{DLL_PREFIX}{crate_name}{DLL_SUFFIX}"))
    }

    const SEED_000: &str = include_str!("../../../corpus/seeds/000_bd8a3d32f232023b.txt");
    const SEED_003: &str = include_str!("../../../corpus/seeds/003_14d1caff0cac3eef.txt");

    fn layer<'d>(doc: &'d Document, name: &str) -> Vec<(&'d str, &'d str)> {
        doc.layers.generic[name]
            .iter()
            .map(|a| (doc.slice(a.span), a.label.as_str()))
            .collect()
    }

    #[test]
    fn handles_finds_the_embedded_tweet_in_seed_003() {
        let stage = load(&library("lede_handles"), "{}").unwrap();
        assert_eq!(stage.name(), "handles");
        assert!(stage.requires().is_empty());
        assert_eq!(stage.produces(), vec!["handles".to_string()]);
        let mut doc = Document::new("003", SEED_003);
        stage.process(&mut doc).unwrap();
        assert_eq!(
            layer(&doc, "handles"),
            vec![
                ("@realDonaldTrump", "handle"),
                ("https://t.co/hfkct0Sqw7", "url"),
                ("@netanyahu", "handle"),
            ]
        );
        let url = &doc.layers.generic["handles"][1];
        assert_eq!(url.attrs["host"], AttrValue::Str("t.co".into()));
        // The JSON output carries the layer under the plugin's layer name.
        let json = lede_core::json::to_json(&doc, &Default::default());
        assert!(json.contains(r#""handles":[{"start":"#), "{json}");
        assert!(
            json.contains(r#""label":"handle","user":"netanyahu"}"#),
            "{json}"
        );
    }

    #[test]
    fn options_reach_the_plugin_and_bad_ones_are_explained() {
        let path = library("lede_handles");
        let stage = load(&path, r#"{"kinds": ["url"]}"#).unwrap();
        let mut doc = Document::new("003", SEED_003);
        stage.process(&mut doc).unwrap();
        assert_eq!(
            layer(&doc, "handles"),
            vec![("https://t.co/hfkct0Sqw7", "url")]
        );

        let err = load(&path, r#"{"min_length": "two"}"#)
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            err,
            format!(
                "plugin {} (`handles`) could not start: option `min_length` must be an integer, \
                 not a string (\"two\"). Fix this stage's `options` table (it accepts: kinds \
                 (list of strings), min_length (integer))",
                path.display()
            )
        );
        let err = load(&path, r#"{"kind": ["url"]}"#)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("unknown option `kind`"), "{err}");
    }

    #[test]
    fn lexicon_tags_topic_terms_in_seed_000() {
        let options =
            r#"{"terms": ["ceasefire", "hostages", "prisoner exchange"], "label": "topic"}"#;
        let stage = load(&library("lede_lexicon"), options).unwrap();
        let text = "Israel aims to confine the agreement to a prisoner exchange arrangement, offering no substantial political or humanitarian concessions. Ceasefire talks continue.";
        assert!(SEED_000.contains(&text[..70]));
        let mut doc = Document::new("000", text);
        stage.process(&mut doc).unwrap();
        assert_eq!(
            layer(&doc, "lexicon"),
            vec![("prisoner exchange", "topic"), ("Ceasefire", "topic")]
        );
        assert_eq!(
            doc.layers.generic["lexicon"][1].attrs["term"],
            AttrValue::Str("ceasefire".into())
        );
        let mut seed = Document::new("000", SEED_000);
        stage.process(&mut seed).unwrap();
        let exchanges = layer(&seed, "lexicon")
            .iter()
            .filter(|(t, _)| t.eq_ignore_ascii_case("prisoner exchange"))
            .count();
        assert_eq!(exchanges, 5);
    }

    #[test]
    fn a_plugin_for_another_abi_version_is_refused_with_both_versions() {
        let path = library("lede_test_wrong_abi");
        let err = load(&path, "{}").err().unwrap().to_string();
        assert_eq!(
            err,
            format!(
                "plugin {}: built for lede plugin ABI version {}, but this lede expects version {}. \
                 Rebuild the plugin against a lede-plugin with ABI version {} (update its \
                 `lede-plugin` dependency), or use a lede that speaks version {}",
                path.display(),
                abi::ABI_VERSION + 1,
                abi::ABI_VERSION,
                abi::ABI_VERSION,
                abi::ABI_VERSION + 1
            )
        );
    }

    #[test]
    fn a_library_that_is_not_a_plugin_is_refused() {
        let path = library("lede_test_not_a_plugin");
        let err = load(&path, "{}").err().unwrap().to_string();
        assert!(
            err.starts_with(&format!(
                "plugin {}: not a lede plugin (it does not export `lede_plugin_descriptor`)",
                path.display()
            )),
            "{err}"
        );
    }

    #[test]
    fn a_plugin_that_refuses_to_start_says_why() {
        let path = library("lede_test_panic");
        let err = load(&path, r#"{"refuse": true}"#)
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "plugin {} (`misbehaving`) could not start: refusing to start, as asked",
                path.display()
            )),
            "{err}"
        );
    }

    use lede_core::testing::one_sentence as with_sentences;

    #[test]
    fn panics_errors_and_bad_spans_fail_one_document_each() {
        let stage = load(&library("lede_test_panic"), "{}").unwrap();
        assert_eq!(stage.requires(), vec!["sentences".to_string()]);

        let mut missing = Document::new("m", "A truce.");
        let err = stage.process(&mut missing).unwrap_err();
        assert!(matches!(err, StageError::MissingLayer(ref l) if l == "sentences"));

        let mut panicking = with_sentences("p", "PANIC during the truce");
        let err = stage.process(&mut panicking).unwrap_err().to_string();
        assert_eq!(
            err,
            "plugin `misbehaving` panicked: the fixture panics on PANIC"
        );
        assert!(!panicking.layers.generic.contains_key("misbehaviour"));

        let mut failing = with_sentences("f", "Talks FAIL again");
        let err = stage.process(&mut failing).unwrap_err().to_string();
        assert_eq!(
            err,
            "plugin `misbehaving` failed: the fixture fails on FAIL"
        );

        let mut bad = with_sentences("b", "BADSPAN’s truce");
        let err = stage.process(&mut bad).unwrap_err().to_string();
        assert!(
            err.contains("invalid span 0..8: span offset 8 is not on a char boundary"),
            "{err}"
        );
        assert!(err.contains("this is a bug in the plugin"), "{err}");

        // The same instance goes on working, attributes of every kind intact.
        let mut fine = with_sentences("ok", "The truce held.");
        stage.process(&mut fine).unwrap();
        let truce = &fine.layers.generic["misbehaviour"][0];
        assert_eq!(fine.slice(truce.span), "truce");
        assert_eq!(truce.attrs["sentences"], AttrValue::Int(1));
        assert_eq!(truce.attrs["confirmed"], AttrValue::Bool(false));
        assert_eq!(truce.attrs["weight"], AttrValue::Float(0.5));
    }

    #[test]
    fn a_panicking_plugin_fails_one_document_and_the_batch_goes_on() {
        let dir = std::env::temp_dir().join(format!("lede-batch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let toml = format!(
            "name = \"batch\"\n[[stage]]\nuse = \"segment\"\n[[stage]]\nplugin = {:?}\n",
            library("lede_test_panic").display().to_string()
        );
        let pipeline = crate::Pipeline::from_toml(&toml, &dir.join("batch.toml")).unwrap();
        let texts = [
            "The truce held overnight.",
            "PANIC spread after the truce collapsed.",
            "A second truce was agreed. It held.",
        ];
        let inputs: Vec<crate::Input> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Ok(Document::new(i.to_string(), *t)))
            .collect();
        let mut outcomes = Vec::new();
        crate::run_ordered(&pipeline, inputs, 2, |o| outcomes.push(o));
        assert_eq!(outcomes.len(), 3);
        match &outcomes[1] {
            crate::Outcome::Failed { id, error } => {
                let message = error.to_string();
                assert_eq!(id, "1");
                assert!(message.contains("the fixture panics on PANIC"), "{message}");
            }
            other => panic!("document 1 should fail: {other:?}"),
        }
        for i in [0, 2] {
            let crate::Outcome::Done(doc) = &outcomes[i] else {
                panic!("document {i} should pass: {:?}", outcomes[i]);
            };
            let truce = &doc.layers.generic["misbehaviour"][0];
            assert_eq!(doc.slice(truce.span), "truce");
            let sentences = doc.layers.sentences.as_ref().unwrap().len() as i64;
            assert_eq!(truce.attrs["sentences"], AttrValue::Int(sentences));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_plugin_placed_before_the_layer_it_requires_is_refused_at_build_time() {
        let dir = std::env::temp_dir();
        let toml = format!(
            "[[stage]]\nplugin = {:?}\n[[stage]]\nuse = \"segment\"\n",
            library("lede_test_panic").display().to_string()
        );
        let err = crate::Pipeline::from_toml(&toml, &dir.join("order.toml"))
            .expect_err("the order is wrong")
            .to_string();
        assert!(
            err.contains(
                "stage `misbehaving` requires layer `sentences`, which no earlier stage produces"
            ),
            "{err}"
        );
    }

    #[test]
    fn plugin_options_are_checked_against_its_specs_with_suggestions() {
        let dir = std::env::temp_dir();
        let toml = format!(
            "[[stage]]\nplugin = {:?}\noptions = {{ min_lenght = 2, kinds = \"url\" }}\n",
            library("lede_handles").display().to_string()
        );
        let err =
            crate::Pipeline::from_toml(&toml, &dir.join("opts.toml")).expect_err("two bad options");
        let got: Vec<(usize, usize, crate::Code)> = err
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.code))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, 13, crate::Code::UnknownOption),
                (3, 37, crate::Code::OptionType)
            ],
            "{err}"
        );
        let shown = err.to_string();
        assert!(
            shown.contains(
                "unknown option `min_lenght` for plugin `handles`\n  help: did you mean \
                 `min_length`? Options of `handles`: kinds, min_length"
            ),
            "{shown}"
        );
        assert!(
            shown.contains("option `kinds` of plugin `handles` must be a list of strings, found the string \"url\""),
            "{shown}"
        );
        assert_eq!(shown.matches("kinds, min_length").count(), 1, "{shown}");
    }

    #[test]
    fn a_bare_name_next_to_a_pipeline_given_without_a_directory_is_found() {
        // The test runs in the crate directory; a pipeline named `rel.toml`
        // has an empty directory, which must mean this one, spelled `./`
        // so the dynamic loader does not search the system's library path.
        let name = format!("lede_cwd{}", std::process::id());
        let file = format!(
            "{}{name}{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        );
        std::fs::copy(library("lede_handles"), &file).unwrap();
        let found = resolve_in(&name, Path::new(""), None);
        let loaded = match &found {
            Ok(path) => load(path, "{}")
                .map(|stage| stage.name().to_string())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        std::fs::remove_file(&file).unwrap();
        assert_eq!(found.unwrap(), Path::new(".").join(&file));
        assert_eq!(loaded.unwrap(), "handles");
    }

    #[test]
    fn a_plugin_reads_the_typed_views_of_entities_numbers_and_quotes() {
        use lede_core::{Entity, EntityLabel, NumberAnnotation, NumberKind, NumberValue};
        use lede_core::{Quote, QuoteKind, Speaker};
        let text =
            "“The deal holds,” said Mr. Witkoff, adding that over 300 prisoners would be freed.";
        let at = |part: &str| {
            let start = text.find(part).unwrap();
            Span::new(text, start, start + part.len()).unwrap()
        };
        let mut doc = Document::new("typed", text);
        doc.layers.entities = Some(vec![Entity {
            span: at("Witkoff"),
            label: EntityLabel::Person,
            canonical: Some("Steve Witkoff".into()),
            title: Some("Mr.".into()),
        }]);
        let mut number =
            NumberAnnotation::new(at("300"), NumberKind::Cardinal, NumberValue::Number(300.0));
        number.unit = Some("prisoners".into());
        number.modifier = Some("over".into());
        doc.layers.numbers = Some(vec![number]);
        doc.layers.quotes = Some(vec![Quote {
            span: at("“The deal holds,”"),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: Some(at("Mr. Witkoff")),
                text: "Mr. Witkoff".into(),
                canonical: Some("Steve Witkoff".into()),
                entity: None,
            }),
            cue: Some("said".into()),
        }]);
        let stage = load(&library("lede_test_typed"), "{}").unwrap();
        stage.process(&mut doc).unwrap();
        let typed = &doc.layers.generic["typed"];
        let find = |label: &str| typed.iter().find(|a| a.label == label).unwrap();
        let s = |v: &str| AttrValue::Str(v.into());
        let entity = find("entity");
        assert_eq!(doc.slice(entity.span), "Witkoff");
        assert_eq!(entity.attrs["label"], s("PERSON"));
        assert_eq!(entity.attrs["canonical"], s("Steve Witkoff"));
        assert_eq!(entity.attrs["title"], s("Mr."));
        let number = find("number");
        assert_eq!(doc.slice(number.span), "300");
        assert_eq!(number.attrs["kind"], s("cardinal"));
        assert_eq!(number.attrs["value"], AttrValue::Float(300.0));
        assert_eq!(number.attrs["unit"], s("prisoners"));
        assert_eq!(number.attrs["modifier"], s("over"));
        let quote = find("quote");
        assert_eq!(doc.slice(quote.span), "“The deal holds,”");
        assert_eq!(quote.attrs["kind"], s("direct"));
        assert_eq!(quote.attrs["speaker"], s("Mr. Witkoff"));
        assert_eq!(quote.attrs["speaker_canonical"], s("Steve Witkoff"));
        assert_eq!(quote.attrs["cue"], s("said"));
        assert_eq!(find("generic").attrs["entities"], AttrValue::Int(1));
    }

    #[test]
    fn one_instance_serves_several_threads_with_the_same_results() {
        let stage = load(&library("lede_handles"), "{}").unwrap();
        let texts = [
            SEED_000,
            SEED_003,
            "Mail tips@example.org, follow @AP and #Gaza.",
        ];
        let expected: Vec<Document> = texts
            .iter()
            .map(|t| {
                let mut d = Document::new("x", *t);
                stage.process(&mut d).unwrap();
                d
            })
            .collect();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..20 {
                        for (t, want) in texts.iter().zip(&expected) {
                            let mut d = Document::new("x", *t);
                            stage.process(&mut d).unwrap();
                            assert_eq!(&d, want);
                        }
                    }
                });
            }
        });
    }

    #[test]
    fn describe_reads_the_descriptor_without_starting_the_plugin() {
        let d = describe(&library("lede_lexicon")).unwrap();
        assert_eq!(d.name, "lexicon");
        assert_eq!(d.produces, vec!["lexicon".to_string()]);
        let names: Vec<&str> = d.options.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, vec!["terms", "file", "label"]);
        assert_eq!(d.options[2].default.as_deref(), Some("\"term\""));
    }

    #[test]
    fn loaded_plugins_never_produce_invalid_spans_on_awkward_text() {
        let handles = load(&library("lede_handles"), "{}").unwrap();
        let lexicon = load(
            &library("lede_lexicon"),
            r#"{"terms": ["i̇s", "ceasefire", "a b"]}"#,
        )
        .unwrap();
        // A fixed pseudo-random walk over awkward pieces: the host checks
        // every span, so any invalid one would fail the document.
        let pieces = [
            "@",
            "#",
            "https://",
            "www.",
            ".",
            "a",
            "é",
            " ",
            "\n",
            "(",
            ")",
            "\u{301}",
            "İ",
            "s",
            "b",
            "ceasefire",
            "’",
            "😀",
            "ק",
            "x@y.co",
            "_",
            "-",
        ];
        let mut state = 0x2545_f491_u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..(state % 40) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            state = state.wrapping_add(1);
            for stage in [&handles, &lexicon] {
                let mut doc = Document::new("p", text.as_str());
                stage
                    .process(&mut doc)
                    .unwrap_or_else(|e| panic!("{text:?}: {e}"));
            }
        }
    }
}
