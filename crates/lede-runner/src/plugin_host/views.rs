//! The document as a plugin sees it: the layers it requires, as generic
//! items and (ABI version 2) as typed views of entities, numbers and quotes.
//! Everything here borrows from the document for one `process` call.

use lede_core::{layer, Document, NumberValue};
use lede_plugin::abi::{self, Str};

/// The items of a layer as the plugin sees it (span and label, as each
/// layer kind defines them), or `None` if the document does not have it.
pub(super) fn layer_items(doc: &Document, name: &str) -> Option<Vec<abi::Item>> {
    let items = doc.layers.stored(name)?.plugin_items();
    Some(
        items
            .into_iter()
            .map(|(span, label)| abi::Item {
                start: span.start(),
                end: span.end(),
                label: Str::new(label),
            })
            .collect(),
    )
}

/// The typed views of the required built-in layers; a layer not required
/// stays `None` and is passed as a null pointer.
#[derive(Default)]
pub(super) struct TypedViews {
    pub entities: Option<Vec<abi::EntityView>>,
    pub numbers: Option<Vec<abi::NumberView>>,
    pub quotes: Option<Vec<abi::QuoteView>>,
}

impl TypedViews {
    /// Views of the layers in `required` that `doc` has.
    pub(super) fn of(doc: &Document, required: &[String]) -> TypedViews {
        let wants = |id: lede_core::LayerId| required.iter().any(|r| *r == id);
        let l = &doc.layers;
        TypedViews {
            entities: l
                .entities
                .as_ref()
                .filter(|_| wants(layer::ENTITIES))
                .map(|es| {
                    es.iter()
                        .map(|e| abi::EntityView {
                            start: e.span.start(),
                            end: e.span.end(),
                            label: Str::new(e.label.as_str()),
                            canonical: Str::optional(e.canonical.as_deref()),
                            title: Str::optional(e.title.as_deref()),
                        })
                        .collect()
                }),
            numbers: l
                .numbers
                .as_ref()
                .filter(|_| wants(layer::NUMBERS))
                .map(|ns| {
                    ns.iter()
                        .map(|n| {
                            let (has_value, value, value_text) = match &n.value {
                                NumberValue::Number(x) => (1, *x, Str::NULL),
                                NumberValue::Text(t) => (0, 0.0, Str::new(t)),
                            };
                            abi::NumberView {
                                start: n.span.start(),
                                end: n.span.end(),
                                kind: Str::new(n.kind.as_str()),
                                has_value,
                                value,
                                value_text,
                                unit: Str::optional(n.unit.as_deref()),
                                modifier: Str::optional(n.modifier.as_deref()),
                            }
                        })
                        .collect()
                }),
            quotes: l
                .quotes
                .as_ref()
                .filter(|_| wants(layer::QUOTES))
                .map(|qs| {
                    qs.iter()
                        .map(|q| abi::QuoteView {
                            start: q.span.start(),
                            end: q.span.end(),
                            kind: Str::new(q.kind.as_str()),
                            speaker: Str::optional(q.speaker.as_ref().map(|s| s.text.as_str())),
                            speaker_canonical: Str::optional(
                                q.speaker.as_ref().and_then(|s| s.canonical.as_deref()),
                            ),
                            cue: Str::optional(q.cue.as_deref()),
                        })
                        .collect()
                }),
        }
    }
}

/// Pointer and length of an optional view array (null when absent).
pub(super) fn raw<T>(items: &Option<Vec<T>>) -> (*const T, usize) {
    match items {
        Some(items) => (items.as_ptr(), items.len()),
        None => (std::ptr::null(), 0),
    }
}
