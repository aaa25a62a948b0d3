use std::path::Path;
use std::time::{Duration, Instant};

use lede_core::{Document, Stage};

use crate::diagnostics::{self, PipelineError};
use crate::error::DocumentError;
use crate::pipeline_file;

/// The default news pipeline, embedded so `lede run` works anywhere.
pub const DEFAULT_PIPELINE_TOML: &str = include_str!("../../../pipelines/news.toml");

/// How the embedded default pipeline is named in messages.
const DEFAULT_PIPELINE_ORIGIN: &str = "pipelines/news.toml";

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
            let reserved = |l: &&String| lede_core::json::RESERVED_KEYS.contains(&l.as_str());
            if let Some(bad) = produces.iter().find(reserved) {
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
        assert!(err.contains("requires layer `sentences`"), "{err}");
    }
}
