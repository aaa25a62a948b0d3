//! Reading a pipeline file: TOML text to checked, built stages.
//!
//! The file is read with toml_edit, which keeps the place of every key and
//! value, so that one reading finds every problem (unknown keys, wrong
//! shapes, unknown stages and options, bad values, layer order) and each is
//! reported where it is. A stage with a problem is not built, but what it
//! would produce still counts for the stages after it, so one mistake gives
//! one diagnostic.

use std::path::Path;

use lede_core::StageInfo;
use lede_core::{EntityLabel, OptionKind, OptionValue, Options, Stage, StageError};
use toml_edit::{ImDocument, Item, TableLike, Value};

use crate::diagnostics::{closest, Code, Collector, PipelineError};
use crate::pipeline::{Pipeline, PipelineStage};
use crate::{builtin_stages, plugin_host};

const TOP_KEYS: [&str; 3] = ["name", "description", "stage"];
const STAGE_KEYS: [&str; 3] = ["use", "plugin", "options"];

/// One `[[stage]]` table as read, built if it had no problem.
struct ReadStage {
    /// Byte offset of the stage's `use`/`plugin` value (or its table).
    at: usize,
    /// The stage id or plugin name, for messages.
    id: String,
    /// The built-in stage it names, if any.
    builtin: Option<&'static str>,
    requires: Vec<String>,
    produces: Vec<String>,
    /// `None` if the stage had a problem; its layers are then only what the
    /// registry says.
    built: Option<Box<dyn Stage>>,
    /// False for a stage whose layers cannot be known (a plugin that did not
    /// load, an unknown stage id): later stages may need them, so their
    /// requirements are not checked.
    layers_known: bool,
}

/// Parses, checks and builds a pipeline. `origin` names the file in
/// diagnostics, and plugin paths are relative to its directory.
pub(crate) fn read(source: &str, origin: &Path) -> Result<Pipeline, PipelineError> {
    let mut found = Collector::new(origin, source);
    let doc = match ImDocument::parse(source) {
        Ok(doc) => doc,
        Err(e) => {
            let byte = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().replace('\n', "; ");
            found.at(byte, Code::TomlSyntax, message, syntax_help(source, byte));
            return Err(finish(found));
        }
    };
    let registry = builtin_stages();
    let base_dir = origin.parent().unwrap_or(Path::new(""));
    let root = doc.as_table();
    let mut name = None;
    let mut description = None;
    let mut tables: Vec<(usize, &dyn TableLike)> = Vec::new();
    let mut saw_stages = false;
    for (key, item) in root.iter() {
        let key_at = key_start(root, key, 0);
        match key {
            "name" | "description" => match item.as_str() {
                Some(text) if key == "name" => name = Some(text.to_string()),
                Some(text) => description = Some(text.to_string()),
                None => found.at(
                    item_start(item, key_at),
                    Code::WrongType,
                    format!("`{key}` must be a string, found {}", describe(item)),
                    format!("write it like `{key} = \"news\"`"),
                ),
            },
            "stage" => {
                saw_stages = true;
                tables.extend(stage_tables(key, item, key_at, &mut found));
            }
            other => {
                let best = closest(other, TOP_KEYS.iter().copied());
                if best == Some("stage") && (item.is_table_like() || item.is_array_of_tables()) {
                    // `[[stages]]`, `[[stag]]`: read them as stages anyway.
                    found.at(
                        key_at,
                        Code::UnknownKey,
                        format!("unknown key `{other}`"),
                        "stages are `[[stage]]` tables (singular, in double brackets)",
                    );
                    saw_stages = true;
                    tables.extend(stage_tables(other, item, key_at, &mut found));
                    continue;
                }
                let help = match best {
                    Some(best) => format!(
                        "did you mean `{best}`? Top-level keys: name, description, [[stage]]"
                    ),
                    None => "top-level keys are name, description and [[stage]] tables".into(),
                };
                found.at(
                    key_at,
                    Code::UnknownKey,
                    format!("unknown key `{other}`"),
                    help,
                );
            }
        }
    }
    if tables.is_empty() && !saw_stages {
        found.at(
            source.len(),
            Code::EmptyPipeline,
            "the pipeline has no stages",
            format!(
                "add a stage: a `[[stage]]` table with `use = \"segment\"` (built-in stages: {})",
                ids(&registry)
            ),
        );
    }

    let mut read_stages: Vec<ReadStage> = Vec::new();
    for (at, table) in tables {
        if let Some(stage) = read_stage(table, at, base_dir, &registry, &mut found) {
            check_layers(&stage, &read_stages, &registry, &mut found);
            read_stages.push(stage);
        }
    }
    if !found.is_empty() {
        return Err(finish(found));
    }
    let stages = read_stages
        .into_iter()
        .filter_map(|s| {
            s.built.map(|stage| PipelineStage {
                id: s.id,
                requires: s.requires,
                produces: s.produces,
                stage,
            })
        })
        .collect();
    let name = name.unwrap_or_else(|| {
        origin
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pipeline".into())
    });
    Ok(Pipeline::new(name, description, stages))
}

fn finish(found: Collector<'_>) -> PipelineError {
    // `finish` is only called after something was found.
    found.finish().unwrap_or_else(|| PipelineError {
        diagnostics: Vec::new(),
    })
}

/// The help for a TOML syntax error: the usual causes in pipeline files.
fn syntax_help(source: &str, byte: usize) -> String {
    let byte = byte.min(source.len());
    let start = source[..byte].rfind('\n').map_or(0, |i| i + 1);
    let end = source[start..]
        .find('\n')
        .map_or(source.len(), |i| start + i);
    let line = source[start..end].trim();
    let unclosed = (line.starts_with("[[") && !line.ends_with("]]"))
        || (line.starts_with('[') && !line.ends_with(']'));
    if unclosed {
        "close the table header: `[[stage]]`".into()
    } else if line.contains('=') && !line.contains('"') {
        "strings are written in double quotes: `use = \"segment\"`".into()
    } else {
        "fix the TOML syntax here; a stage is a line `[[stage]]`, then `use = \"segment\"`".into()
    }
}

/// The `[[stage]]` tables under `key`, reporting a wrong shape.
fn stage_tables<'d>(
    key: &str,
    item: &'d Item,
    key_at: usize,
    found: &mut Collector<'_>,
) -> Vec<(usize, &'d dyn TableLike)> {
    match item {
        Item::ArrayOfTables(list) => list
            .iter()
            .map(|t| (t.span().map_or(key_at, |s| s.start), t as &dyn TableLike))
            .collect(),
        Item::Value(Value::Array(list)) => {
            let mut tables = Vec::new();
            for value in list.iter() {
                match value.as_inline_table() {
                    Some(t) => tables.push((
                        value.span().map_or(key_at, |s| s.start),
                        t as &dyn TableLike,
                    )),
                    None => found.at(
                        value.span().map_or(key_at, |s| s.start),
                        Code::WrongType,
                        format!("a stage must be a table, found {}", describe_value(value)),
                        "write each stage as a `[[stage]]` table with `use = \"segment\"`",
                    ),
                }
            }
            tables
        }
        _ => match item.as_table_like() {
            Some(table) => {
                let at = item_start(item, key_at);
                found.at(
                    at,
                    Code::WrongTableShape,
                    format!("`{key}` is a single table, but a pipeline has a list of stages"),
                    "write `[[stage]]` (double brackets) above each stage",
                );
                vec![(at, table)]
            }
            None => {
                found.at(
                    item_start(item, key_at),
                    Code::WrongType,
                    format!("`{key}` must be a list of stages, found {}", describe(item)),
                    "write each stage as a `[[stage]]` table with `use = \"segment\"`",
                );
                Vec::new()
            }
        },
    }
}

/// Checks one stage table and builds the stage if it has no problem.
fn read_stage(
    table: &dyn TableLike,
    at: usize,
    base_dir: &Path,
    registry: &[StageInfo],
    found: &mut Collector<'_>,
) -> Option<ReadStage> {
    let mut use_: Option<(usize, &str)> = None;
    let mut plugin: Option<(usize, &str)> = None;
    let mut options: Option<(usize, &dyn TableLike)> = None;
    let before = found.count();
    for (key, item) in table.iter() {
        let key_at = key_start(table, key, at);
        let value_at = item_start(item, key_at);
        match key {
            "use" | "plugin" => match item.as_str() {
                Some(text) if key == "use" => use_ = Some((value_at, text)),
                Some(text) => plugin = Some((value_at, text)),
                None => found.at(
                    value_at,
                    Code::WrongType,
                    format!("`{key}` must be a string, found {}", describe(item)),
                    if key == "use" {
                        format!(
                            "write it like `use = \"segment\"` (built-in stages: {})",
                            ids(registry)
                        )
                    } else {
                        "write it like `plugin = \"path/to/liblede_name.so\"`".to_string()
                    },
                ),
            },
            "options" => match item.as_table_like() {
                Some(t) => options = Some((value_at, t)),
                None => found.at(
                    value_at,
                    Code::WrongType,
                    format!("`options` must be a table, found {}", describe(item)),
                    "write it like `options = { labels = [\"PERSON\"] }`",
                ),
            },
            other => {
                let help = match closest(other, STAGE_KEYS.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`? A stage has use or plugin, and options"),
                    None => "a stage has `use` (a built-in stage) or `plugin` (a library), and `options`".into(),
                };
                found.at(
                    key_at,
                    Code::UnknownKey,
                    format!("unknown key `{other}`"),
                    help,
                );
            }
        }
    }
    match (use_, plugin) {
        (Some(_), Some((plugin_at, _))) => {
            found.at(
                plugin_at,
                Code::StageKind,
                "a stage has either `use` (a built-in stage) or `plugin` (a library), not both",
                "split it into two [[stage]] tables",
            );
            None
        }
        (None, None) => {
            if found.count() == before {
                found.at(
                    at,
                    Code::StageKind,
                    "this [[stage]] names no stage",
                    format!(
                        "add `use = \"<id>\"` with one of: {}, or `plugin = \"path/to/lib.so\"`",
                        ids(registry)
                    ),
                );
            }
            None
        }
        (Some((id_at, id)), None) => Some(read_builtin(id_at, id, options, registry, found)?),
        (None, Some((path_at, spec))) => Some(read_plugin(path_at, spec, options, base_dir, found)),
    }
}

fn read_builtin(
    at: usize,
    id: &str,
    options: Option<(usize, &dyn TableLike)>,
    registry: &[StageInfo],
    found: &mut Collector<'_>,
) -> Option<ReadStage> {
    let Some(info) = registry.iter().find(|i| i.id == id) else {
        let best = closest(id, registry.iter().map(|i| i.id));
        let help = match best {
            Some(best) => format!("did you mean `{best}`? Built-in stages: {}", ids(registry)),
            None => format!(
                "built-in stages: {}; for your own stage use `plugin = \"path\"`",
                ids(registry)
            ),
        };
        found.at(
            at,
            Code::UnknownStage,
            format!("unknown stage `{id}`"),
            help,
        );
        // Read on as if the suggested stage were written.
        let meant = best.and_then(|b| registry.iter().find(|i| i.id == b));
        return Some(ReadStage {
            at,
            id: id.to_string(),
            builtin: None,
            requires: meant.map_or(Vec::new(), |i| strings(i.requires)),
            produces: meant.map_or(Vec::new(), |i| strings(i.produces)),
            built: None,
            layers_known: meant.is_some(),
        });
    };
    let mut stage = ReadStage {
        at,
        id: info.id.to_string(),
        builtin: Some(info.id),
        requires: strings(info.requires),
        produces: strings(info.produces),
        built: None,
        layers_known: true,
    };
    let before = found.count();
    let checked = check_options(info, options, found);
    if found.count() > before {
        return Some(stage);
    }
    match (info.build)(&checked) {
        Ok(built) => {
            stage.requires = built.requires();
            stage.produces = built.produces();
            stage.built = Some(built);
        }
        Err(e) => report_build_error(info, &e, at, options, found),
    }
    Some(stage)
}

/// Reports why a built-in stage refused to build, at the option value (or
/// the list item) it names.
fn report_build_error(
    info: &StageInfo,
    error: &StageError,
    at: usize,
    options: Option<(usize, &dyn TableLike)>,
    found: &mut Collector<'_>,
) {
    let general_help = format!("`lede stages` lists what `{}` accepts", info.id);
    let StageError::BadOption { option, message } = error else {
        found.at(
            at,
            Code::BadOptionValue,
            format!("stage `{}`: {error}", info.id),
            general_help,
        );
        return;
    };
    let value = options.and_then(|(opts_at, t)| {
        let item = t.get(option)?;
        Some((item, item_start(item, key_start(t, option, opts_at))))
    });
    let mut where_ = value.map_or(at, |(_, byte)| byte);
    let mut help = info
        .options
        .iter()
        .find(|s| s.name == option)
        .map_or(general_help, |s| format!("`{}`: {}", s.name, s.help));
    // An unknown entity label: point at the list item, suggest the label.
    if let Some(label) = quoted_after(message, "unknown entity label ") {
        let labels: Vec<&str> = EntityLabel::ALL.iter().map(|l| l.as_str()).collect();
        help = match closest(label, labels.iter().copied()) {
            Some(best) => format!(
                "did you mean \"{best}\"? Entity labels: {}",
                labels.join(", ")
            ),
            None => format!("entity labels: {}", labels.join(", ")),
        };
        if let Some((item, _)) = value {
            if let Some(list) = item.as_array() {
                for element in list.iter() {
                    let text = element.as_str().unwrap_or("");
                    let head = text.split_once(':').map_or(text, |(h, _)| h).trim();
                    if head == label {
                        where_ = element.span().map_or(where_, |s| s.start);
                        break;
                    }
                }
            }
        }
    }
    found.at(
        where_,
        Code::BadOptionValue,
        format!("stage `{}`: option `{option}`: {message}", info.id),
        help,
    );
}

/// `X` in a message like `unknown entity label "X"`.
fn quoted_after<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    let rest = rest.strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

fn read_plugin(
    at: usize,
    spec: &str,
    options: Option<(usize, &dyn TableLike)>,
    base_dir: &Path,
    found: &mut Collector<'_>,
) -> ReadStage {
    let mut stage = ReadStage {
        at,
        id: spec.to_string(),
        builtin: None,
        requires: Vec::new(),
        produces: Vec::new(),
        built: None,
        layers_known: false,
    };
    let help = "see docs/plugins.md for how plugins are found, built and given options";
    let path = match plugin_host::resolve(spec, base_dir) {
        Ok(path) => path,
        Err(e) => {
            found.at(at, Code::Plugin, e.message, help);
            return stage;
        }
    };
    let description = match plugin_host::describe(&path) {
        Ok(description) => description,
        Err(e) => {
            found.at(at, Code::Plugin, e.message, help);
            return stage;
        }
    };
    // The descriptor says which layers it uses, even if its options are bad.
    stage.id = description.name.clone();
    stage.requires = description.requires.clone();
    stage.produces = description.produces.clone();
    stage.layers_known = true;
    let before = found.count();
    let options_json = check_plugin_options(&description, options, found);
    if found.count() > before {
        return stage;
    }
    match plugin_host::load(&path, &options_json) {
        Ok(built) => stage.built = Some(built),
        Err(e) => found.at(at, Code::Plugin, e.message, help),
    }
    stage
}

/// Checks the user's option values against a plugin's declared options, as
/// for a built-in stage, and writes them as the JSON object the plugin reads.
fn check_plugin_options(
    plugin: &plugin_host::PluginDescription,
    options: Option<(usize, &dyn TableLike)>,
    found: &mut Collector<'_>,
) -> String {
    let mut given = serde_json::Map::new();
    let Some((opts_at, table)) = options else {
        return "{}".to_string();
    };
    let known: Vec<&str> = plugin.options.iter().map(|o| o.name.as_str()).collect();
    for (key, item) in table.iter() {
        let key_at = key_start(table, key, opts_at);
        let Some(spec) = plugin.options.iter().find(|o| o.name == key) else {
            let help = if known.is_empty() {
                format!("plugin `{}` takes no options: remove it", plugin.name)
            } else {
                match closest(key, known.iter().copied()) {
                    Some(best) => format!(
                        "did you mean `{best}`? Options of `{}`: {}",
                        plugin.name,
                        known.join(", ")
                    ),
                    None => format!("options of `{}`: {}", plugin.name, known.join(", ")),
                }
            };
            found.at(
                key_at,
                Code::UnknownOption,
                format!("unknown option `{key}` for plugin `{}`", plugin.name),
                help,
            );
            continue;
        };
        let kind = core_kind(spec.kind);
        if convert(kind, item).is_none() {
            found.at(
                item_start(item, key_at),
                Code::OptionType,
                format!(
                    "option `{}` of plugin `{}` must be {}, found {}",
                    spec.name,
                    plugin.name,
                    with_article(kind),
                    describe(item)
                ),
                format!("{} ({})", example_for(&spec.name, kind), spec.help),
            );
            continue;
        }
        given.insert(key.to_string(), item_to_json(item));
    }
    serde_json::Value::Object(given).to_string()
}

/// The same kind in lede-core's terms.
fn core_kind(kind: lede_plugin::OptionKind) -> OptionKind {
    match kind {
        lede_plugin::OptionKind::Bool => OptionKind::Bool,
        lede_plugin::OptionKind::Int => OptionKind::Int,
        lede_plugin::OptionKind::Float => OptionKind::Float,
        lede_plugin::OptionKind::String => OptionKind::String,
        lede_plugin::OptionKind::StringList => OptionKind::StringList,
    }
}

/// Checks the user's option values against the stage's declared options.
fn check_options(
    info: &StageInfo,
    options: Option<(usize, &dyn TableLike)>,
    found: &mut Collector<'_>,
) -> Options {
    let mut checked = Options::defaults(&info.options);
    let Some((opts_at, table)) = options else {
        return checked;
    };
    let known: Vec<&str> = info.options.iter().map(|s| s.name).collect();
    for (key, item) in table.iter() {
        let key_at = key_start(table, key, opts_at);
        let Some(spec) = info.options.iter().find(|s| s.name == key) else {
            let help = if known.is_empty() {
                format!("stage `{}` takes no options: remove it", info.id)
            } else {
                match closest(key, known.iter().copied()) {
                    Some(best) => format!(
                        "did you mean `{best}`? Options of `{}`: {}",
                        info.id,
                        known.join(", ")
                    ),
                    None => format!("options of `{}`: {}", info.id, known.join(", ")),
                }
            };
            found.at(
                key_at,
                Code::UnknownOption,
                format!("unknown option `{key}` for stage `{}`", info.id),
                help,
            );
            continue;
        };
        match convert(spec.kind, item) {
            Some(value) => checked.insert(spec.name, value),
            None => found.at(
                item_start(item, key_at),
                Code::OptionType,
                format!(
                    "option `{}` of stage `{}` must be {}, found {}",
                    spec.name,
                    info.id,
                    with_article(spec.kind),
                    describe(item)
                ),
                format!("{} ({})", example_for(spec.name, spec.kind), spec.help),
            ),
        }
    }
    checked
}

/// Reports a layer the stage requires that no earlier stage produces, and a
/// layer it produces that an earlier stage already does.
fn check_layers(
    stage: &ReadStage,
    earlier: &[ReadStage],
    registry: &[StageInfo],
    found: &mut Collector<'_>,
) {
    // A plugin that did not load, or an unknown stage, produces layers we
    // cannot know: this stage may need them, so its needs are not checked.
    if earlier.iter().any(|s| !s.layers_known) {
        return;
    }
    let missing: Vec<&String> = stage
        .requires
        .iter()
        .filter(|layer| !earlier.iter().any(|s| s.produces.contains(layer)))
        .collect();
    if let Some(first) = missing.first() {
        let producer = registry
            .iter()
            .find(|info| info.produces.iter().any(|l| l == *first))
            .map(|info| info.id);
        let configured_out = earlier
            .iter()
            .find(|s| s.builtin.is_some() && s.builtin == producer);
        let names = quoted_list(&missing);
        let help = match (configured_out, producer) {
            (Some(earlier_stage), _) => {
                let (line, _) = found.line_column(earlier_stage.at);
                format!(
                    "the `{}` stage on line {line} can produce {names}, but its options leave \
                     {} out: add {} to its `layers` option",
                    earlier_stage.id,
                    if missing.len() == 1 { "it" } else { "them" },
                    missing
                        .iter()
                        .map(|l| format!("\"{l}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            (None, Some(p)) => format!(
                "put a `{p}` stage (which produces {names}) before `{}`",
                stage.id
            ),
            (None, None) => format!("add a stage that produces {names} before `{}`", stage.id),
        };
        found.at(
            stage.at,
            Code::MissingLayer,
            format!(
                "stage `{}` requires {} {names}, which no earlier stage produces",
                stage.id,
                if missing.len() == 1 {
                    "layer"
                } else {
                    "layers"
                },
            ),
            help,
        );
    }
    let twice: Vec<&String> = stage
        .produces
        .iter()
        .filter(|layer| earlier.iter().any(|s| s.produces.contains(layer)))
        .collect();
    if let Some(first) = twice.first() {
        let by = earlier
            .iter()
            .find(|s| s.produces.contains(first))
            .map_or("", |s| s.id.as_str());
        found.at(
            stage.at,
            Code::DuplicateLayer,
            format!(
                "stage `{}` produces {} {}, which stage `{by}` already produces",
                stage.id,
                if twice.len() == 1 { "layer" } else { "layers" },
                quoted_list(&twice)
            ),
            "a layer has exactly one producer: remove one of the two stages",
        );
    }
}

/// `a`, `b` and `c`
fn quoted_list(items: &[&String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

fn convert(kind: OptionKind, item: &Item) -> Option<OptionValue> {
    let value = item.as_value()?;
    Some(match (kind, value) {
        (OptionKind::Bool, Value::Boolean(b)) => OptionValue::Bool(*b.value()),
        (OptionKind::Int, Value::Integer(i)) => OptionValue::Int(*i.value()),
        (OptionKind::Float, Value::Float(x)) => OptionValue::Float(*x.value()),
        (OptionKind::Float, Value::Integer(i)) => OptionValue::Float(*i.value() as f64),
        (OptionKind::String, Value::String(s)) => OptionValue::String(s.value().clone()),
        (OptionKind::StringList, Value::Array(items)) => OptionValue::StringList(
            items
                .iter()
                .map(|it| it.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

/// "an integer", "a string", ...
fn with_article(kind: OptionKind) -> String {
    let article = if kind == OptionKind::Int { "an" } else { "a" };
    format!("{article} {kind}")
}

fn example_for(name: &str, kind: OptionKind) -> String {
    let value = match kind {
        OptionKind::Bool => "true",
        OptionKind::Int => "3",
        OptionKind::Float => "0.5",
        OptionKind::String => "\"text\"",
        OptionKind::StringList => "[\"a\", \"b\"]",
    };
    format!("write it like `{name} = {value}`")
}

fn describe(item: &Item) -> String {
    match item {
        Item::Value(v) => describe_value(v),
        Item::Table(_) => "a table".into(),
        Item::ArrayOfTables(_) => "a list of tables".into(),
        Item::None => "nothing".into(),
    }
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::String(s) => format!("the string {:?}", s.value()),
        Value::Integer(i) => format!("the integer {}", i.value()),
        Value::Float(x) => format!("the float {}", x.value()),
        Value::Boolean(b) => format!("the boolean {}", b.value()),
        Value::Datetime(d) => format!("the date {}", d.value()),
        Value::Array(_) => "an array (of non-strings)".into(),
        Value::InlineTable(_) => "a table".into(),
    }
}

fn item_to_json(item: &Item) -> serde_json::Value {
    match item {
        Item::Value(v) => value_to_json(v),
        Item::Table(t) => table_to_json(t),
        Item::ArrayOfTables(list) => list.iter().map(|t| table_to_json(t)).collect(),
        Item::None => serde_json::Value::Null,
    }
}

fn table_to_json(table: &dyn TableLike) -> serde_json::Value {
    serde_json::Value::Object(
        table
            .iter()
            .map(|(k, v)| (k.to_string(), item_to_json(v)))
            .collect(),
    )
}

fn value_to_json(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::String(s) => J::String(s.value().clone()),
        Value::Integer(i) => J::from(*i.value()),
        Value::Float(x) => serde_json::Number::from_f64(*x.value()).map_or(J::Null, J::Number),
        Value::Boolean(b) => J::Bool(*b.value()),
        Value::Datetime(d) => J::String(d.value().to_string()),
        Value::Array(items) => J::Array(items.iter().map(value_to_json).collect()),
        Value::InlineTable(t) => table_to_json(t),
    }
}

/// Where `key` of `table` starts, or `fallback` if it has no place (a key
/// made up by a dotted key elsewhere).
fn key_start(table: &dyn TableLike, key: &str, fallback: usize) -> usize {
    table
        .key(key)
        .and_then(|k| k.span())
        .map_or(fallback, |s| s.start)
}

fn item_start(item: &Item, fallback: usize) -> usize {
    item.span().map_or(fallback, |s| s.start)
}

fn strings(items: &[lede_core::LayerId]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn ids(registry: &[StageInfo]) -> String {
    registry.iter().map(|i| i.id).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Diagnostic;

    fn build(src: &str) -> Result<Pipeline, PipelineError> {
        Pipeline::from_toml(src, Path::new("pipes/test.toml"))
    }

    fn only(src: &str) -> Diagnostic {
        let err = build(src).expect_err("the pipeline has a mistake");
        assert_eq!(err.diagnostics.len(), 1, "{err}");
        err.diagnostics[0].clone()
    }

    /// Every mistake of a file is reported in one reading, in file order, each
    /// with its place, code and help.
    const FIVE_MISTAKES: &str = r#"name = "five mistakes"
descripton = "entities and numbers of news articles"

[[stage]]
use = "segment"
options = { layers = ["paragraphs", "sentences"] }

[[stage]]
use = "ner"
options = { labels = ["PERSON", "ORGG"] }

[[stage]]
use = "numbrs"

[[stage]]
use = "quotes"
options = { speech_verb = ["said"] }
"#;

    #[test]
    fn a_file_with_five_mistakes_gets_five_diagnostics() {
        let err = build(FIVE_MISTAKES).expect_err("five mistakes");
        let got: Vec<(usize, usize, &str)> = err
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, 1, "unknown-key"),
                (9, 7, "missing-layer"),
                (10, 33, "bad-option-value"),
                (13, 7, "unknown-stage"),
                (17, 13, "unknown-option"),
            ],
            "{err}"
        );
        let helps: Vec<&str> = err.diagnostics.iter().map(|d| d.help.as_str()).collect();
        assert!(
            helps[0].starts_with("did you mean `description`?"),
            "{}",
            helps[0]
        );
        assert!(
            helps[1].starts_with("the `segment` stage on line 5 can produce `tokens`"),
            "{}",
            helps[1]
        );
        assert!(
            helps[2].starts_with("did you mean \"ORG\"?"),
            "{}",
            helps[2]
        );
        assert!(
            helps[3].starts_with("did you mean `numbers`?"),
            "{}",
            helps[3]
        );
        assert!(
            helps[4].starts_with("did you mean `speech_verbs`?"),
            "{}",
            helps[4]
        );
        let shown = err.to_string();
        assert!(
            shown.starts_with(
                "pipes/test.toml:2:1: error[unknown-key]: unknown key `descripton`\n  help: did you mean `description`?"
            ),
            "{shown}"
        );
        assert!(shown.ends_with("\npipes/test.toml: 5 errors"), "{shown}");
    }

    #[test]
    fn a_typo_in_a_stage_id_names_line_column_and_the_fix() {
        let d = only("name = \"t\"\n\n[[stage]]\nuse = \"segmnt\"\n");
        assert_eq!((d.line, d.column, d.code), (4, 7, Code::UnknownStage));
        assert_eq!(d.message, "unknown stage `segmnt`");
        assert!(d.help.starts_with("did you mean `segment`?"), "{}", d.help);
        assert!(
            d.to_string()
                .starts_with("pipes/test.toml:4:7: error[unknown-stage]: unknown stage"),
            "{d}"
        );
    }

    #[test]
    fn unknown_keys_are_located_and_corrected() {
        let d = only("[[stage]]\nusee = \"segment\"\n");
        assert_eq!((d.line, d.column, d.code), (2, 1, Code::UnknownKey));
        assert_eq!(d.message, "unknown key `usee`");
        assert!(d.help.starts_with("did you mean `use`?"), "{}", d.help);
        let err = build("nmae = \"x\"\n[[stage]]\nuse = \"segment\"\n")
            .err()
            .unwrap();
        assert!(err.first().help.starts_with("did you mean `name`?"));
    }

    #[test]
    fn a_single_stage_table_is_the_wrong_shape_but_still_checked() {
        let err = build("[stage]\nuse = \"segmnt\"\n").err().unwrap();
        let codes: Vec<Code> = err.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            vec![Code::WrongTableShape, Code::UnknownStage],
            "{err}"
        );
        assert_eq!(err.first().line, 1);
        assert!(err.first().help.contains("[[stage]]"), "{err}");
        // `[[stages]]` is read as stages, with one diagnostic for the name.
        let d = only("[[stages]]\nuse = \"segment\"\n");
        assert_eq!((d.line, d.code), (1, Code::UnknownKey));
        assert!(
            d.help.contains("`[[stage]]` tables (singular"),
            "{}",
            d.help
        );
    }

    #[test]
    fn a_stage_before_the_layer_it_needs_names_the_producer() {
        let d = only("[[stage]]\nuse = \"ner\"\n[[stage]]\nuse = \"segment\"\n");
        assert_eq!((d.line, d.code), (2, Code::MissingLayer));
        assert_eq!(
            d.message,
            "stage `ner` requires layers `sentences` and `tokens`, which no earlier stage produces"
        );
        assert_eq!(
            d.help,
            "put a `segment` stage (which produces `sentences` and `tokens`) before `ner`"
        );
    }

    #[test]
    fn a_layer_produced_twice_is_refused() {
        let d = only("[[stage]]\nuse = \"segment\"\n[[stage]]\nuse = \"segment\"\n");
        assert_eq!((d.line, d.code), (4, Code::DuplicateLayer));
        assert!(d.message.contains("already produces"), "{}", d.message);
    }

    #[test]
    fn toml_syntax_errors_are_located_with_help() {
        let d = only("[[stage]\nuse = \"segment\"\n");
        assert_eq!((d.line, d.code), (1, Code::TomlSyntax));
        assert_eq!(d.help, "close the table header: `[[stage]]`");
        let d = only("[[stage]]\nuse = segment\n");
        assert_eq!((d.line, d.code), (2, Code::TomlSyntax));
        assert!(d.help.contains("double quotes"), "{}", d.help);
    }

    #[test]
    fn unknown_and_mistyped_options_are_all_reported() {
        let err =
            build("[[stage]]\nuse = \"segment\"\noptions = { nosuch = 1, layers = \"tokens\" }\n")
                .err()
                .unwrap();
        let got: Vec<(usize, usize, Code)> = err
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.code))
            .collect();
        assert_eq!(
            got,
            vec![(3, 13, Code::UnknownOption), (3, 34, Code::OptionType)],
            "{err}"
        );
        assert!(err.diagnostics[1]
            .help
            .starts_with("write it like `layers = [\"a\", \"b\"]`"));
    }

    #[test]
    fn options_in_a_sub_table_are_read() {
        let pipeline =
            build("[[stage]]\nuse = \"segment\"\n[stage.options]\nlayers = [\"sentences\"]\n")
                .unwrap();
        assert_eq!(pipeline.stages()[0].produces(), ["sentences".to_string()]);
        let d = only("[[stage]]\nuse = \"segment\"\n[stage.options]\nlayer = [\"sentences\"]\n");
        assert_eq!((d.line, d.column, d.code), (4, 1, Code::UnknownOption));
    }

    #[test]
    fn an_unknown_entity_label_points_at_the_list_item() {
        let d = only(
            "[[stage]]\nuse = \"segment\"\n[[stage]]\nuse = \"ner\"\noptions = { labels = [\"ORG\", \"person\"] }\n",
        );
        assert_eq!((d.line, d.column, d.code), (5, 30, Code::BadOptionValue));
        assert!(d.help.starts_with("did you mean \"PERSON\"?"), "{}", d.help);
    }

    #[test]
    fn an_empty_pipeline_is_an_error() {
        let d = only("name = \"empty\"\n");
        assert_eq!(d.code, Code::EmptyPipeline);
        assert!(d.help.contains("[[stage]]"), "{}", d.help);
        assert_eq!(only("").code, Code::EmptyPipeline);
    }

    #[test]
    fn a_stage_with_both_or_neither_kind_is_refused() {
        let d = only("[[stage]]\nuse = \"segment\"\nplugin = \"x.so\"\n");
        assert_eq!((d.line, d.code), (3, Code::StageKind));
        let d = only("[[stage]]\noptions = {}\n");
        assert_eq!((d.line, d.code), (1, Code::StageKind));
    }

    #[test]
    fn wrong_value_types_are_reported() {
        let err = build("name = 3\n[[stage]]\nuse = [\"segment\"]\n")
            .err()
            .unwrap();
        let codes: Vec<Code> = err.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::WrongType, Code::WrongType], "{err}");
    }

    #[test]
    fn a_plugin_that_cannot_be_found_does_not_hide_later_mistakes() {
        let err = build("[[stage]]\nplugin = \"./nope.so\"\n[[stage]]\nuse = \"segmnt\"\n")
            .err()
            .unwrap();
        let codes: Vec<Code> = err.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![Code::Plugin, Code::UnknownStage], "{err}");
        // What the missing plugin would produce is unknown: a stage needing
        // a layer after it is not reported.
        let d = only("[[stage]]\nplugin = \"./nope.so\"\n[[stage]]\nuse = \"ner\"\n");
        assert_eq!(d.code, Code::Plugin);
    }
}
