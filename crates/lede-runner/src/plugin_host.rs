//! Loading dynamic plugins (skeleton).

use std::path::Path;

use lede_core::Stage;

/// Resolves a `plugin = "..."` value: relative to the pipeline file's
/// directory, or a bare library name searched in `LEDE_PLUGIN_PATH`.
pub fn resolve(spec: &str, base_dir: &Path) -> Result<std::path::PathBuf, String> {
    Ok(base_dir.join(spec))
}

/// Loads the plugin at `path` and creates an instance with `options_json`
/// (the TOML `options` table converted to a JSON object).
pub fn load(path: &Path, options_json: &str) -> Result<Box<dyn Stage>, String> {
    let _ = options_json;
    Err(format!("{}: plugins are not supported yet", path.display()))
}
