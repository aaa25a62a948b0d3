use std::path::Path;
use std::time::{Duration, Instant};

use lede_core::{AccessError, Document, Stage, StageError};

use crate::diagnostics::{self, PipelineError};
use crate::error::DocumentError;
use crate::pipeline_file;

/// The default news pipeline, embedded so `lede run` works anywhere.
pub const DEFAULT_PIPELINE_TOML: &str = include_str!("../../../pipelines/news.toml");

/// How the embedded default pipeline is named in messages.
const DEFAULT_PIPELINE_ORIGIN: &str = "pipelines/news.toml";

/// Why [`Pipeline::from_stages`] refused a sequence of stages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("stage `{stage}` requires layer `{layer}`, which no earlier stage produces")]
    MissingLayer { stage: String, layer: String },
    #[error("stage `{stage}` produces a layer called `{layer}`, a key every output record uses")]
    ReservedLayer { stage: String, layer: String },
    #[error("stage `{stage}` produces layer `{layer}`, which stage `{earlier}` already produces")]
    TwoProducers {
        stage: String,
        layer: String,
        earlier: String,
    },
}

/// One built stage of a pipeline.
pub struct PipelineStage {
    pub(crate) id: String,
    pub(crate) requires: Vec<String>,
    pub(crate) produces: Vec<String>,
    pub(crate) stage: Box<dyn Stage>,
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
    pub(crate) fn new(
        name: String,
        description: Option<String>,
        stages: Vec<PipelineStage>,
    ) -> Pipeline {
        Pipeline {
            name,
            description,
            stages,
        }
    }

    /// Reads and builds the pipeline in `path`.
    pub fn from_file(path: &Path) -> Result<Pipeline, PipelineError> {
        let source = std::fs::read_to_string(path).map_err(|e| {
            diagnostics::whole_file(
                path,
                format!("cannot read pipeline: {e}"),
                "check the path; `lede run` without a pipeline uses the built-in news pipeline",
            )
        })?;
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
    ) -> Result<Pipeline, BuildError> {
        let mut built: Vec<PipelineStage> = Vec::new();
        for stage in stages {
            let name = || stage.name().to_string();
            let requires = stage.requires();
            let produced = |l: &String| built.iter().any(|s| s.produces.contains(l));
            if let Some(missing) = requires.iter().find(|l| !produced(l)) {
                return Err(BuildError::MissingLayer {
                    stage: name(),
                    layer: missing.clone(),
                });
            }
            let produces = stage.produces();
            let reserved = |l: &&String| lede_core::json::RESERVED_KEYS.contains(&l.as_str());
            if let Some(bad) = produces.iter().find(reserved) {
                return Err(BuildError::ReservedLayer {
                    stage: name(),
                    layer: bad.clone(),
                });
            }
            for layer in &produces {
                if let Some(earlier) = built.iter().find(|s| s.produces.contains(layer)) {
                    return Err(BuildError::TwoProducers {
                        stage: name(),
                        layer: layer.clone(),
                        earlier: earlier.id.clone(),
                    });
                }
            }
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
    /// text came from: it names the file in diagnostics, and plugin paths are
    /// relative to its directory. The error holds every problem found.
    pub fn from_toml(source: &str, origin: &Path) -> Result<Pipeline, PipelineError> {
        pipeline_file::read(source, origin)
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

impl Pipeline {
    /// Runs stage `index` (in pipeline order) over `doc`: one step of
    /// [`Pipeline::process`], for runners that take a batch of documents
    /// through each stage in turn. An index past the last stage does nothing.
    pub fn process_stage(&self, index: usize, doc: &mut Document) -> Result<(), DocumentError> {
        match self.stages.get(index) {
            Some(stage) => run_stage(stage, doc),
            None => Ok(()),
        }
    }
}

fn run_stage(stage: &PipelineStage, doc: &mut Document) -> Result<(), DocumentError> {
    let fail = |source: StageError| DocumentError {
        stage: stage.id.clone(),
        source,
    };
    // Input documents may carry layers of their own, so the build-time check
    // is repeated cheaply here.
    if let Some(missing) = stage.requires.iter().find(|l| !doc.layers.has(l)) {
        return Err(fail(StageError::MissingLayer(missing.clone())));
    }
    let guard = AccessGuard::enter(stage, doc);
    let result = stage.stage.process(doc);
    let access = guard.leave(doc);
    result.map_err(fail)?;
    access.map_err(|e| fail(e.into()))
}

/// What the runner enforces around one stage: the stage sees only the
/// layers it requires and produces (the others are moved out and put back
/// afterwards, so it cannot touch them), the layers it only requires are
/// the same afterwards (compared by fingerprint, one pass over their items,
/// no copy), the text is the same string, and it wrote no layer it does not
/// produce.
struct AccessGuard<'s> {
    stage: &'s PipelineStage,
    hidden: lede_core::Layers,
    /// Fingerprint of each layer the stage requires but does not produce.
    read_only: Vec<(&'s str, u64)>,
    /// Address, length and capacity of the text: a stage that replaced or
    /// edited it (in safe code) changes one of them.
    text: (usize, usize, usize),
}

impl<'s> AccessGuard<'s> {
    fn enter(stage: &'s PipelineStage, doc: &mut Document) -> AccessGuard<'s> {
        let hidden = doc.layers.split_off(&|name| stage.declares(name));
        let read_only = stage
            .requires
            .iter()
            .filter(|r| !stage.produces.contains(r))
            .filter_map(|r| Some((r.as_str(), doc.layers.stored(r)?.fingerprint())))
            .collect();
        AccessGuard {
            stage,
            hidden,
            read_only,
            text: text_identity(&doc.text),
        }
    }

    /// Puts the hidden layers back and reports the first thing the stage
    /// was not allowed to do.
    fn leave(self, doc: &mut Document) -> Result<(), AccessError> {
        let mut verdict = Ok(());
        let undeclared = doc
            .layers
            .names()
            .into_iter()
            .find(|name| !self.stage.declares(name))
            .map(str::to_string);
        if let Some(layer) = undeclared {
            verdict = Err(AccessError::Undeclared { layer });
        } else if text_identity(&doc.text) != self.text {
            verdict = Err(AccessError::ChangedText);
        } else if let Some((layer, _)) = self
            .read_only
            .iter()
            .find(|(name, print)| doc.layers.stored(name).map(|l| l.fingerprint()) != Some(*print))
        {
            verdict = Err(AccessError::ChangedRequired {
                layer: layer.to_string(),
            });
        }
        doc.layers.restore(self.hidden);
        verdict
    }
}

// The capacity is part of the identity, so this takes the String itself.
#[allow(clippy::ptr_arg)]
fn text_identity(text: &String) -> (usize, usize, usize) {
    (text.as_ptr() as usize, text.len(), text.capacity())
}

impl PipelineStage {
    /// True when the stage requires or produces the layer called `name`.
    fn declares(&self, name: &str) -> bool {
        self.requires.iter().any(|r| r == name) || self.produces.iter().any(|p| p == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_pipeline_built_in_code_is_checked_for_layer_order() {
        let ner = (lede_ner::stage_info().build)(&Default::default()).unwrap();
        let err = Pipeline::from_stages("code", vec![ner]).unwrap_err();
        assert_eq!(
            err,
            BuildError::MissingLayer {
                stage: "ner".into(),
                layer: "sentences".into()
            }
        );
        let segment = || {
            let info = lede_segment::stage_info();
            (info.build)(&lede_core::Options::defaults(&info.options)).unwrap()
        };
        let err = Pipeline::from_stages("twice", vec![segment(), segment()]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "stage `segment` produces layer `paragraphs`, which stage `segment` already produces"
        );
    }
}
