use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use lede_core::{Document, OptionKind, OptionSpec, OptionValue, Options, Stage, StageInfo};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{DocumentError, PipelineError};
use crate::{builtin_stages, plugin_host};

/// The default news pipeline, embedded so `lede run` works anywhere.
pub const DEFAULT_PIPELINE_TOML: &str = include_str!("../../../pipelines/news.toml");

/// How the embedded default pipeline is named in messages.
const DEFAULT_PIPELINE_ORIGIN: &str = "pipelines/news.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPipeline {
    name: Option<Spanned<String>>,
    description: Option<Spanned<String>>,
    #[serde(default)]
    stage: Vec<Spanned<RawStage>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    #[serde(rename = "use")]
    use_: Option<Spanned<String>>,
    plugin: Option<Spanned<String>>,
    options: Option<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

/// One built stage of a pipeline.
pub struct PipelineStage {
    id: String,
    requires: Vec<String>,
    produces: Vec<String>,
    stage: Box<dyn Stage>,
}

impl PipelineStage {
    /// The stage id as written (`segment`), or the plugin's name.
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn requires(&self) -> &[String] {
        &self.requires
    }
    pub fn produces(&self) -> &[String] {
        &self.produces
    }
    pub fn stage(&self) -> &dyn Stage {
        self.stage.as_ref()
    }
}

/// A checked, built sequence of stages. Shared by reference across worker
/// threads.
pub struct Pipeline {
    name: String,
    description: Option<String>,
    stages: Vec<PipelineStage>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ids: Vec<&str> = self.stages.iter().map(|s| s.id.as_str()).collect();
        f.debug_struct("Pipeline")
            .field("name", &self.name)
            .field("stages", &ids)
            .finish()
    }
}

impl Pipeline {
    /// Reads and builds the pipeline in `path`.
    pub fn from_file(path: &Path) -> Result<Pipeline, PipelineError> {
        let source = std::fs::read_to_string(path)
            .map_err(|e| PipelineError::whole_file(path, format!("cannot read pipeline: {e}")))?;
        Pipeline::from_toml(&source, path)
    }

    /// The built-in default news pipeline.
    pub fn default_news() -> Result<Pipeline, PipelineError> {
        Pipeline::from_toml(DEFAULT_PIPELINE_TOML, Path::new(DEFAULT_PIPELINE_ORIGIN))
    }

    /// A pipeline with the given stages (for programs that build pipelines in
    /// code). Layer order is checked as for a file.
    pub fn from_stages(
        name: impl Into<String>,
        stages: Vec<Box<dyn Stage>>,
    ) -> Result<Pipeline, String> {
        let mut built = Vec::new();
        let mut available: Vec<String> = Vec::new();
        for stage in stages {
            let requires = stage.requires();
            if let Some(missing) = requires.iter().find(|l| !available.contains(l)) {
                return Err(format!(
                    "stage `{}` requires layer `{missing}`, which no earlier stage produces",
                    stage.name()
                ));
            }
            let produces = stage.produces();
            if let Some(bad) = produces.iter().find(|l| reserved_for_the_record(l)) {
                return Err(format!(
                    "stage `{}` produces a layer called `{bad}`, a key every output record uses",
                    stage.name()
                ));
            }
            available.extend(produces.iter().cloned());
            built.push(PipelineStage {
                id: stage.name().to_string(),
                requires,
                produces,
                stage,
            });
        }
        Ok(Pipeline {
            name: name.into(),
            description: None,
            stages: built,
        })
    }

    /// Parses and builds a pipeline from TOML text. `origin` is the file the
    /// text came from: it names the file in errors, and plugin paths are
    /// relative to its directory.
    pub fn from_toml(source: &str, origin: &Path) -> Result<Pipeline, PipelineError> {
        let raw: RawPipeline =
            toml::from_str(source).map_err(|e| toml_error(origin, source, &e))?;
        let registry = builtin_stages();
        let base_dir = origin.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut stages: Vec<PipelineStage> = Vec::new();
        // Which layers exist so far, and which stage (by index) made each.
        let mut available: Vec<(String, usize)> = Vec::new();
        for raw_stage in &raw.stage {
            let at = raw_stage.span().start;
            let built = build_stage(
                raw_stage.get_ref(),
                at,
                source,
                origin,
                &base_dir,
                &registry,
            )?;
            let where_ = raw_stage
                .get_ref()
                .use_
                .as_ref()
                .or(raw_stage.get_ref().plugin.as_ref())
                .map_or(at, |s| s.span().start);
            for layer in &built.requires {
                if !available.iter().any(|(l, _)| l == layer) {
                    let producer = registry
                        .iter()
                        .find(|info| info.produces.contains(&layer.as_str()))
                        .map(|info| info.id);
                    let help = match producer {
                        Some(p) => format!(
                            "put a `{p}` stage (which produces `{layer}`) before `{}`",
                            built.id
                        ),
                        None => {
                            format!("add a stage that produces `{layer}` before `{}`", built.id)
                        }
                    };
                    return Err(PipelineError::at(
                        origin,
                        source,
                        where_,
                        format!(
                            "stage `{}` requires layer `{layer}`, which no earlier stage produces",
                            built.id
                        ),
                        Some(help),
                    ));
                }
            }
            for layer in &built.produces {
                if reserved_for_the_record(layer) {
                    return Err(PipelineError::at(
                        origin,
                        source,
                        where_,
                        format!(
                            "stage `{}` produces a layer called `{layer}`, a key every output record uses",
                            built.id
                        ),
                        Some("rename the layer: `id`, `text` and `error` are not layer names".into()),
                    ));
                }
                if let Some((_, by)) = available.iter().find(|(l, _)| l == layer) {
                    return Err(PipelineError::at(
                        origin,
                        source,
                        where_,
                        format!(
                            "stage `{}` produces layer `{layer}`, which stage `{}` already produces",
                            built.id, stages[*by].id
                        ),
                        Some("a layer has exactly one producer: remove one of the two stages".into()),
                    ));
                }
                available.push((layer.clone(), stages.len()));
            }
            stages.push(built);
        }
        let name = raw.name.map(Spanned::into_inner).unwrap_or_else(|| {
            origin
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "pipeline".into())
        });
        Ok(Pipeline {
            name,
            description: raw.description.map(Spanned::into_inner),
            stages,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    pub fn stages(&self) -> &[PipelineStage] {
        &self.stages
    }

    /// Runs every stage over `doc`.
    pub fn process(&self, doc: &mut Document) -> Result<(), DocumentError> {
        for stage in &self.stages {
            run_stage(stage, doc)?;
        }
        Ok(())
    }

    /// Like [`Pipeline::process`], adding each stage's time to
    /// `per_stage[i]` (which must have one slot per stage; extra stages are
    /// not timed).
    pub fn process_timed(
        &self,
        doc: &mut Document,
        per_stage: &mut [Duration],
    ) -> Result<(), DocumentError> {
        for (i, stage) in self.stages.iter().enumerate() {
            let started = Instant::now();
            let result = run_stage(stage, doc);
            if let Some(slot) = per_stage.get_mut(i) {
                *slot += started.elapsed();
            }
            result?;
        }
        Ok(())
    }
}

/// `id`, `text` and `error` are keys of the output record itself, so no
/// layer may be called that (two producers of one layer name are refused
/// separately).
fn reserved_for_the_record(layer: &str) -> bool {
    lede_core::json::RESERVED_KEYS.contains(&layer)
}

fn run_stage(stage: &PipelineStage, doc: &mut Document) -> Result<(), DocumentError> {
    // Input documents may carry layers of their own, so the build-time check
    // is repeated cheaply here.
    if let Some(missing) = stage.requires.iter().find(|l| !doc.layers.has(l)) {
        return Err(DocumentError {
            stage: stage.id.clone(),
            source: lede_core::StageError::MissingLayer(missing.clone()),
        });
    }
    stage.stage.process(doc).map_err(|source| DocumentError {
        stage: stage.id.clone(),
        source,
    })
}

fn build_stage(
    raw: &RawStage,
    at: usize,
    source: &str,
    origin: &Path,
    base_dir: &Path,
    registry: &[StageInfo],
) -> Result<PipelineStage, PipelineError> {
    let err = |byte: usize, message: String, help: Option<String>| {
        PipelineError::at(origin, source, byte, message, help)
    };
    match (&raw.use_, &raw.plugin) {
        (Some(_), Some(plugin)) => Err(err(
            plugin.span().start,
            "a stage has either `use` (a built-in stage) or `plugin` (a library), not both".into(),
            Some("split it into two [[stage]] tables".into()),
        )),
        (None, None) => Err(err(
            at,
            "this [[stage]] names no stage".into(),
            Some(format!(
                "add `use = \"<id>\"` with one of: {}, or `plugin = \"path/to/lib.so\"`",
                ids(registry)
            )),
        )),
        (Some(id), None) => {
            let Some(info) = registry.iter().find(|i| i.id == id.get_ref()) else {
                let help = match closest(id.get_ref(), registry.iter().map(|i| i.id)) {
                    Some(best) => {
                        format!("did you mean `{best}`? Built-in stages: {}", ids(registry))
                    }
                    None => format!(
                        "built-in stages: {}; for your own stage use `plugin = \"path\"`",
                        ids(registry)
                    ),
                };
                return Err(err(
                    id.span().start,
                    format!("unknown stage `{}`", id.get_ref()),
                    Some(help),
                ));
            };
            let options = check_options(info, raw.options.as_ref(), source, origin)?;
            let stage = (info.build)(&options).map_err(|e| {
                let byte = match &e {
                    lede_core::StageError::BadOption { option, .. } => raw
                        .options
                        .as_ref()
                        .and_then(|o| o.get_ref().iter().find(|(k, _)| k.get_ref() == option))
                        .map_or(id.span().start, |(_, v)| v.span().start),
                    _ => id.span().start,
                };
                err(byte, format!("stage `{}`: {e}", info.id), None)
            })?;
            Ok(PipelineStage {
                id: info.id.to_string(),
                requires: stage.requires(),
                produces: stage.produces(),
                stage,
            })
        }
        (None, Some(plugin)) => {
            let path = plugin_host::resolve(plugin.get_ref(), base_dir)
                .map_err(|m| err(plugin.span().start, m, None))?;
            let options_json = match &raw.options {
                Some(opts) => {
                    let map: serde_json::Map<String, serde_json::Value> = opts
                        .get_ref()
                        .iter()
                        .map(|(k, v)| (k.get_ref().clone(), toml_to_json(v.get_ref())))
                        .collect();
                    serde_json::Value::Object(map).to_string()
                }
                None => "{}".to_string(),
            };
            let stage = plugin_host::load(&path, &options_json)
                .map_err(|m| err(plugin.span().start, m, None))?;
            Ok(PipelineStage {
                id: stage.name().to_string(),
                requires: stage.requires(),
                produces: stage.produces(),
                stage,
            })
        }
    }
}

type RawOptions = Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

fn check_options(
    info: &StageInfo,
    raw: Option<&RawOptions>,
    source: &str,
    origin: &Path,
) -> Result<Options, PipelineError> {
    let mut options = Options::defaults(&info.options);
    let Some(raw) = raw else {
        return Ok(options);
    };
    for (key, value) in raw.get_ref() {
        let Some(spec) = info.options.iter().find(|s| s.name == key.get_ref()) else {
            let known: Vec<&str> = info.options.iter().map(|s| s.name).collect();
            let help = if known.is_empty() {
                format!("stage `{}` takes no options: remove it", info.id)
            } else {
                match closest(key.get_ref(), known.iter().copied()) {
                    Some(best) => format!(
                        "did you mean `{best}`? Options of `{}`: {}",
                        info.id,
                        known.join(", ")
                    ),
                    None => format!("options of `{}`: {}", info.id, known.join(", ")),
                }
            };
            return Err(PipelineError::at(
                origin,
                source,
                key.span().start,
                format!("unknown option `{}` for stage `{}`", key.get_ref(), info.id),
                Some(help),
            ));
        };
        let converted = convert_option(spec, value.get_ref()).ok_or_else(|| {
            PipelineError::at(
                origin,
                source,
                value.span().start,
                format!(
                    "option `{}` of stage `{}` must be a {}, found {}",
                    spec.name,
                    info.id,
                    spec.kind,
                    describe(value.get_ref())
                ),
                Some(format!("{} ({})", example_for(spec), spec.help)),
            )
        })?;
        options.insert(spec.name, converted);
    }
    Ok(options)
}

fn convert_option(spec: &OptionSpec, value: &toml::Value) -> Option<OptionValue> {
    use toml::Value as T;
    Some(match (spec.kind, value) {
        (OptionKind::Bool, T::Boolean(b)) => OptionValue::Bool(*b),
        (OptionKind::Int, T::Integer(i)) => OptionValue::Int(*i),
        (OptionKind::Float, T::Float(x)) => OptionValue::Float(*x),
        (OptionKind::Float, T::Integer(i)) => OptionValue::Float(*i as f64),
        (OptionKind::String, T::String(s)) => OptionValue::String(s.clone()),
        (OptionKind::StringList, T::Array(items)) => OptionValue::StringList(
            items
                .iter()
                .map(|it| it.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

fn example_for(spec: &OptionSpec) -> String {
    let value = match spec.kind {
        OptionKind::Bool => "true",
        OptionKind::Int => "3",
        OptionKind::Float => "0.5",
        OptionKind::String => "\"text\"",
        OptionKind::StringList => "[\"a\", \"b\"]",
    };
    format!("write it like `{} = {value}`", spec.name)
}

fn describe(value: &toml::Value) -> String {
    match value {
        toml::Value::String(s) => format!("the string {s:?}"),
        toml::Value::Integer(i) => format!("the integer {i}"),
        toml::Value::Float(x) => format!("the float {x}"),
        toml::Value::Boolean(b) => format!("the boolean {b}"),
        toml::Value::Datetime(d) => format!("the date {d}"),
        toml::Value::Array(_) => "an array (of non-strings)".into(),
        toml::Value::Table(_) => "a table".into(),
    }
}

fn toml_to_json(value: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(x) => serde_json::Number::from_f64(*x).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

fn ids(registry: &[StageInfo]) -> String {
    registry.iter().map(|i| i.id).collect::<Vec<_>>().join(", ")
}

/// Turns a TOML parse error into a located error, adding a "did you mean"
/// for unknown keys.
fn toml_error(origin: &Path, source: &str, e: &toml::de::Error) -> PipelineError {
    let byte = e.span().map_or(0, |s| s.start);
    let message = e.message().trim().replace('\n', "; ");
    let mut help = None;
    if let Some(rest) = message.strip_prefix("unknown field `") {
        if let Some((unknown, expected)) = rest.split_once('`') {
            let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
            help = Some(match closest(unknown, candidates.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("allowed keys: {}", candidates.join(", ")),
            });
        }
    }
    PipelineError::at(origin, source, byte, message, help)
}

/// The candidate nearest to `word` by edit distance, if it is near enough to
/// be a plausible typo.
fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(src: &str) -> Result<Pipeline, PipelineError> {
        Pipeline::from_toml(src, Path::new("pipes/test.toml"))
    }

    #[test]
    fn a_typo_in_a_stage_id_names_line_column_and_the_fix() {
        let err = build("name = \"t\"\n\n[[stage]]\nuse = \"segmnt\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (4, 7));
        assert_eq!(err.message, "unknown stage `segmnt`");
        let shown = err.to_string();
        assert!(
            shown.starts_with("pipes/test.toml:4:7: unknown stage"),
            "{shown}"
        );
        assert!(shown.contains("did you mean `segment`?"), "{shown}");
    }

    #[test]
    fn an_unknown_key_is_located_and_corrected() {
        let err = build("[[stage]]\nusee = \"segment\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(
            err.message.contains("unknown field `usee`"),
            "{}",
            err.message
        );
        assert_eq!(err.help.as_deref(), Some("did you mean `use`?"));
        let err = build("nmae = \"x\"\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `name`?"));
    }

    #[test]
    fn a_stage_before_the_layer_it_needs_fails_at_build_time() {
        let err = build("[[stage]]\nuse = \"ner\"\n[[stage]]\nuse = \"segment\"\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.message.contains("requires layer `sentences`"),
            "{}",
            err.message
        );
        assert!(err.help.unwrap().contains("`segment`"));
    }

    #[test]
    fn a_layer_produced_twice_is_refused() {
        let err =
            build("[[stage]]\nuse = \"segment\"\n[[stage]]\nuse = \"segment\"\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("already produces"), "{}", err.message);
    }

    #[test]
    fn toml_syntax_errors_are_located() {
        let err = build("[[stage]\nuse = \"segment\"\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.to_string().starts_with("pipes/test.toml:1:"));
    }

    #[test]
    fn an_unknown_option_is_refused() {
        let err = build("[[stage]]\nuse = \"segment\"\noptions = { nosuch = 1 }\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(
            err.message.contains("unknown option `nosuch`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn the_default_pipeline_builds_and_runs() {
        let pipeline = Pipeline::default_news().unwrap();
        assert_eq!(pipeline.name(), "news");
        assert!(pipeline.stages().iter().any(|s| s.id() == "segment"));
        let mut doc = Document::new("d", "Hamas accepted the deal. Israel did not.");
        pipeline.process(&mut doc).unwrap();
        assert!(doc.layers.sentences.is_some());
    }

    #[test]
    fn an_empty_pipeline_is_valid() {
        let pipeline = build("name = \"empty\"\n").unwrap();
        assert!(pipeline.stages().is_empty());
        let mut doc = Document::new("d", "text");
        pipeline.process(&mut doc).unwrap();
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("segmnt", "segment"), 1);
        assert_eq!(edit_distance("", "ner"), 3);
        assert_eq!(
            closest("quotse", ["quotes", "ner"].into_iter()),
            Some("quotes")
        );
        assert_eq!(closest("xyzzy", ["quotes", "ner"].into_iter()), None);
    }
}
