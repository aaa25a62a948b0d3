//! lede-ner: named entities for news text.
//!
//! An averaged structured perceptron tags tokens with BILOU tags over the
//! coarse CoNLL types (PER, ORG, LOC, MISC), using hashed features (word,
//! shape, affixes, neighbours, document context, gazetteer matches) and
//! Viterbi decoding. A rule layer then refines the types to OntoNotes labels
//! (GPE/LOC/FAC, NORP/EVENT/LAW/...), moves titles and possessives out of the
//! spans, makes the labels of a document consistent and gives each PERSON and
//! ORG mention its canonical (fullest) name.
//!
//! An entity is at most [`MAX_ENTITY_TOKENS`] tokens and [`MAX_ENTITY_BYTES`]
//! bytes long, never starts or ends in white space, and the stage runs in
//! time linear in the document's length.
//!
//! It does not segment text (it reads the `sentences` and `tokens` layers),
//! nor resolve pronouns or link entities across documents.

#![forbid(unsafe_code)]

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod headings;
pub mod model;
pub mod outside;
mod packed;
pub mod pathological;
pub mod refine;
pub mod scores;
mod split_mix;
pub mod tagger;
pub mod train;

use std::sync::Arc;

use lede_core::{
    layer, Document, EntityLabel, OptionKind, OptionSpec, OptionValue, Options, Stage, StageError,
    StageInfo,
};

use gazetteer::Gazetteer;
use model::Model;

/// The longest entity the stage emits, in tokens. Names in news are far
/// shorter (the longest in CoNLL-2003 has 10 words); a longer run of
/// capitalised words is a heading or a list, and bounding the span keeps
/// every rule and the output linear in the input.
pub const MAX_ENTITY_TOKENS: usize = 16;

/// The longest entity the stage emits, in bytes of text.
pub const MAX_ENTITY_BYTES: usize = 256;

/// The model trained on CoNLL-2003 (see README.md for the command).
pub static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/conll2003.model");

/// The stage's entry for the runner's registry.
pub fn stage_info() -> StageInfo {
    StageInfo {
        id: "ner",
        description: "named entities (PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, LAW, ...)",
        requires: &[layer::SENTENCES, layer::TOKENS],
        produces: &[layer::ENTITIES],
        options: vec![
            OptionSpec {
                name: "model",
                kind: OptionKind::String,
                default: None,
                help: "path of a model file written by `lede train ner` (default: the embedded CoNLL-2003 model)",
            },
            OptionSpec {
                name: "gazetteer",
                kind: OptionKind::StringList,
                default: None,
                help: "extra names as \"LABEL:Name\" (e.g. \"ORG:Gaza Humanitarian Foundation\"); matches always get that label",
            },
            OptionSpec {
                name: "labels",
                kind: OptionKind::StringList,
                default: None,
                help: "labels to keep (e.g. [\"PERSON\", \"ORG\"]); default: all",
            },
        ],
        build: |options: &Options| Ok(Box::new(Ner::from_options(options)?)),
    }
}

/// The `ner` stage.
pub struct Ner {
    tagger: Arc<Tagger>,
    keep: Option<Vec<EntityLabel>>,
}

/// Model plus gazetteers: everything needed to tag a document.
pub struct Tagger {
    pub model: Model,
    pub gazetteer: Gazetteer,
    pub additions: Vec<refine::Addition>,
    /// The word forms read so far, shared by the documents tagged.
    pub words: tagger::WordCache,
    /// The tagger margin above which the rule layer keeps its spans
    /// ([`refine::DEFER_MARGIN`] by default).
    pub defer_margin: f32,
}

impl Tagger {
    /// The embedded model and lists.
    pub fn embedded() -> Result<Tagger, String> {
        Ok(Tagger {
            model: Model::read(EMBEDDED_MODEL)?,
            gazetteer: Gazetteer::embedded(),
            additions: Vec::new(),
            words: tagger::WordCache::default(),
            defer_margin: refine::DEFER_MARGIN,
        })
    }

    /// Entities of a document with sentences and tokens.
    pub fn entities(&self, doc: &Document) -> Vec<lede_core::Entity> {
        let sentences = doc.layers.sentences.as_deref().unwrap_or(&[]);
        let tokens = doc.layers.tokens.as_deref().unwrap_or(&[]);
        let layout = tagger::Layout::new(&doc.text, sentences, tokens);
        let mut analysis =
            tagger::Analysis::with_cache(&self.gazetteer, Some(&self.words), &doc.text, &layout);
        analysis.sentence_case(&self.gazetteer, &layout.sentences);
        let coarse = tagger::tag_analysis(&self.model, &doc.text, &layout, &analysis);
        refine::refine(
            &doc.text,
            &layout,
            coarse,
            &self.gazetteer,
            &self.additions,
            &analysis,
            self.defer_margin,
        )
    }
}

impl Ner {
    /// The stage with the embedded model and no options.
    pub fn new() -> Result<Ner, StageError> {
        Ner::from_options(&Options::new())
    }

    pub fn from_options(options: &Options) -> Result<Ner, StageError> {
        let model = match options.string("model") {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| StageError::Data {
                    what: path.to_string(),
                    message: e.to_string(),
                })?;
                Model::read(&bytes)
            }
            None => Model::read(EMBEDDED_MODEL),
        }
        .map_err(|message| StageError::Data {
            what: "ner model".to_string(),
            message,
        })?;
        let mut additions = Vec::new();
        for item in options.string_list("gazetteer").unwrap_or(&[]) {
            let add = refine::Addition::parse(item).map_err(|message| StageError::BadOption {
                option: "gazetteer".to_string(),
                message,
            })?;
            additions.push(add);
        }
        let keep = match options.get("labels") {
            Some(OptionValue::StringList(items)) => {
                let mut labels = Vec::new();
                for s in items {
                    labels.push(
                        s.parse::<EntityLabel>()
                            .map_err(|e| StageError::BadOption {
                                option: "labels".to_string(),
                                message: e.to_string(),
                            })?,
                    );
                }
                Some(labels)
            }
            _ => None,
        };
        Ok(Ner {
            tagger: Arc::new(Tagger {
                model,
                gazetteer: Gazetteer::embedded(),
                additions,
                words: tagger::WordCache::default(),
                defer_margin: refine::DEFER_MARGIN,
            }),
            keep,
        })
    }

    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }
}

impl Stage for Ner {
    fn name(&self) -> &str {
        "ner"
    }
    fn requires(&self) -> Vec<String> {
        vec![layer::SENTENCES.into(), layer::TOKENS.into()]
    }
    fn produces(&self) -> Vec<String> {
        vec![layer::ENTITIES.into()]
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.layers.sentences.is_none() {
            return Err(StageError::MissingLayer(layer::SENTENCES.into()));
        }
        if doc.layers.tokens.is_none() {
            return Err(StageError::MissingLayer(layer::TOKENS.into()));
        }
        let mut entities = self.tagger.entities(doc);
        if let Some(keep) = &self.keep {
            entities.retain(|e| keep.contains(&e.label));
        }
        doc.layers.entities = Some(entities);
        Ok(())
    }
}
