//! The safe face of a document (what a plugin reads) and of the sink (where
//! it writes), built over the raw ABI views by the generated shims.

use crate::abi;

/// One annotation of an input layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    /// Byte offsets into [`Document::text`], on char boundaries.
    pub start: usize,
    pub end: usize,
    /// Entity label (`PERSON`), token kind (`word`), number kind, quote kind
    /// or generic label; empty for sentences and paragraphs.
    pub label: &'a str,
}

/// An entity as a plugin sees it (the layer `entities`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity<'a> {
    /// Byte offsets into [`Document::text`].
    pub start: usize,
    pub end: usize,
    /// `PERSON`, `ORG`, `GPE`, ...
    pub label: &'a str,
    /// The fullest name of this entity in the document ("Steve Witkoff" for
    /// "Mr. Witkoff"), when known.
    pub canonical: Option<&'a str>,
    /// A title written before the name, outside the span ("Mr.").
    pub title: Option<&'a str>,
}

/// A number as a plugin sees it (the layer `numbers`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number<'a> {
    pub start: usize,
    pub end: usize,
    /// `cardinal`, `money`, `percent`, `date`, ...
    pub kind: &'a str,
    /// The value, when it is a number.
    pub value: Option<f64>,
    /// The value, when it is text (an ISO date, ...).
    pub value_text: Option<&'a str>,
    /// What is counted or measured, or the currency code ("USD").
    pub unit: Option<&'a str>,
    /// A hedge written before the number ("over").
    pub modifier: Option<&'a str>,
}

/// A quotation as a plugin sees it (the layer `quotes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote<'a> {
    pub start: usize,
    pub end: usize,
    /// `direct`, `indirect`, ...
    pub kind: &'a str,
    /// The speaker's mention as written ("he", "Ms. Adler").
    pub speaker: Option<&'a str>,
    /// The resolved name of the speaker ("Ruth Adler").
    pub speaker_canonical: Option<&'a str>,
    /// The reporting expression ("said").
    pub cue: Option<&'a str>,
}

/// A read-only document: its text and the layers the plugin requires.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    id: &'a str,
    text: &'a str,
    layers: &'a [abi::Layer],
    entities: Option<&'a [abi::EntityView]>,
    numbers: Option<&'a [abi::NumberView]>,
    quotes: Option<&'a [abi::QuoteView]>,
}

/// A typed view array: `None` when the host passed none (not required).
///
/// # Safety
/// `ptr` is null or points to `len` items living for `'a`.
unsafe fn typed<'a, T>(ptr: *const T, len: usize) -> Option<&'a [T]> {
    if ptr.is_null() {
        None
    } else if len == 0 {
        Some(&[])
    } else {
        Some(std::slice::from_raw_parts(ptr, len))
    }
}

/// An optional string of a typed view.
///
/// # Safety
/// As [`abi::Str::as_str`].
unsafe fn optional<'a>(s: abi::Str) -> Option<&'a str> {
    if s.ptr.is_null() {
        None
    } else {
        Some(s.as_str())
    }
}

impl<'a> Document<'a> {
    /// Reads the host's view.
    ///
    /// # Safety
    /// `view` must follow the ABI contract: valid UTF-8 strings and arrays
    /// that live for `'a`.
    pub(crate) unsafe fn from_raw(view: &'a abi::DocumentView) -> Document<'a> {
        let layers = if view.layer_count == 0 || view.layers.is_null() {
            &[][..]
        } else {
            std::slice::from_raw_parts(view.layers, view.layer_count)
        };
        Document {
            id: view.id.as_str(),
            text: view.text.as_str(),
            layers,
            entities: typed(view.entities, view.entities_len),
            numbers: typed(view.numbers, view.numbers_len),
            quotes: typed(view.quotes, view.quotes_len),
        }
    }

    /// A document made in Rust, for a plugin's own unit tests. It has no
    /// input layers.
    pub fn from_text(id: &'a str, text: &'a str) -> Document<'a> {
        Document {
            id,
            text,
            layers: &[],
            entities: None,
            numbers: None,
            quotes: None,
        }
    }

    /// The document id (file name or the `id` field of JSONL input).
    pub fn id(&self) -> &'a str {
        self.id
    }

    /// The whole text. Output offsets are byte offsets into it.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The entities with their canonical names and titles, or `None` if the
    /// plugin did not declare `entities` in `requires`.
    pub fn entities(&self) -> Option<impl Iterator<Item = Entity<'a>> + 'a> {
        Some(self.entities?.iter().map(|e| {
            // SAFETY: strings of the host's view are valid UTF-8 living for
            // 'a (ABI contract).
            unsafe {
                Entity {
                    start: e.start,
                    end: e.end,
                    label: e.label.as_str(),
                    canonical: optional(e.canonical),
                    title: optional(e.title),
                }
            }
        }))
    }

    /// The numbers with their values, units and modifiers, or `None` if the
    /// plugin did not declare `numbers` in `requires`.
    pub fn numbers(&self) -> Option<impl Iterator<Item = Number<'a>> + 'a> {
        Some(self.numbers?.iter().map(|n| {
            // SAFETY: as in `entities`.
            unsafe {
                Number {
                    start: n.start,
                    end: n.end,
                    kind: n.kind.as_str(),
                    value: (n.has_value != 0).then_some(n.value),
                    value_text: optional(n.value_text),
                    unit: optional(n.unit),
                    modifier: optional(n.modifier),
                }
            }
        }))
    }

    /// The quotations with their speakers and cues, or `None` if the plugin
    /// did not declare `quotes` in `requires`.
    pub fn quotes(&self) -> Option<impl Iterator<Item = Quote<'a>> + 'a> {
        Some(self.quotes?.iter().map(|q| {
            // SAFETY: as in `entities`.
            unsafe {
                Quote {
                    start: q.start,
                    end: q.end,
                    kind: q.kind.as_str(),
                    speaker: optional(q.speaker),
                    speaker_canonical: optional(q.speaker_canonical),
                    cue: optional(q.cue),
                }
            }
        }))
    }

    /// The items of a required layer (built-in or another plugin's) as
    /// start, end and label, or `None` if the plugin did not declare it in
    /// `requires`: `let Some(tokens) = doc.layer("tokens") else { ... }`,
    /// then `for token in tokens`. Entities, numbers and quotes are also
    /// read typed through [`Document::entities`], [`Document::numbers`] and
    /// [`Document::quotes`].
    pub fn layer(&self, name: &str) -> Option<impl Iterator<Item = Item<'a>> + 'a> {
        let layer = self
            .layers
            .iter()
            // SAFETY: the host passes valid layer names (ABI contract).
            .find(|l| unsafe { l.name.as_str() } == name)?;
        let items: &'a [abi::Item] = if layer.len == 0 || layer.items.is_null() {
            &[]
        } else {
            // SAFETY: `items` points to `len` items living for 'a (ABI contract).
            unsafe { std::slice::from_raw_parts(layer.items, layer.len) }
        };
        Some(items.iter().map(|i| Item {
            start: i.start,
            end: i.end,
            // SAFETY: labels are valid UTF-8 living for 'a (ABI contract).
            label: unsafe { i.label.as_str() },
        }))
    }
}

/// An attribute value of an output annotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AttrValue<'a> {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'a str),
}

impl AttrValue<'_> {
    fn to_abi(self, key: &str) -> abi::Attr {
        let mut attr = abi::Attr {
            key: abi::Str::new(key),
            kind: abi::ATTR_STR,
            int_value: 0,
            float_value: 0.0,
            str_value: abi::Str::EMPTY,
        };
        match self {
            AttrValue::Bool(b) => {
                attr.kind = abi::ATTR_BOOL;
                attr.int_value = i64::from(b);
            }
            AttrValue::Int(i) => {
                attr.kind = abi::ATTR_INT;
                attr.int_value = i;
            }
            AttrValue::Float(x) => {
                attr.kind = abi::ATTR_FLOAT;
                attr.float_value = x;
            }
            AttrValue::Str(s) => attr.str_value = abi::Str::new(s),
        }
        attr
    }
}

/// An annotation collected by an [`Output`] that is not connected to a host
/// (in a plugin's own unit tests).
#[derive(Clone, Debug, PartialEq)]
pub struct Collected {
    pub layer: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub attrs: Vec<(String, CollectedAttr)>,
}

/// An owned [`AttrValue`].
#[derive(Clone, Debug, PartialEq)]
pub enum CollectedAttr {
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
}

enum Target<'s> {
    Host(&'s abi::Sink),
    Memory(Vec<Collected>),
}

/// Where a plugin writes its annotations. Offsets are byte offsets into the
/// document text and must lie on char boundaries (`str::char_indices`,
/// `str::find` and friends give such offsets); the host checks every span
/// and fails the document if one is invalid.
pub struct Output<'s> {
    target: Target<'s>,
    attrs: Vec<abi::Attr>,
    rejected: usize,
}

impl<'s> Output<'s> {
    pub(crate) fn to_host(sink: &'s abi::Sink) -> Output<'s> {
        Output {
            target: Target::Host(sink),
            attrs: Vec::new(),
            rejected: 0,
        }
    }

    /// An output that keeps annotations in memory, for unit tests.
    pub fn in_memory() -> Output<'static> {
        Output {
            target: Target::Memory(Vec::new()),
            attrs: Vec::new(),
            rejected: 0,
        }
    }

    /// What an in-memory output collected (empty for a host output).
    pub fn into_collected(self) -> Vec<Collected> {
        match self.target {
            Target::Memory(items) => items,
            Target::Host(_) => Vec::new(),
        }
    }

    /// How many annotations the host refused so far (invalid spans). The host
    /// fails the document anyway; this lets a plugin stop early.
    pub fn rejected(&self) -> usize {
        self.rejected
    }

    /// Adds an annotation without attributes to the first produced layer.
    pub fn add(&mut self, start: usize, end: usize, label: &str) {
        self.add_to(0, start, end, label, &[]);
    }

    /// Adds an annotation with attributes to the first produced layer.
    pub fn add_with(
        &mut self,
        start: usize,
        end: usize,
        label: &str,
        attrs: &[(&str, AttrValue<'_>)],
    ) {
        self.add_to(0, start, end, label, attrs);
    }

    /// Adds an annotation to produced layer number `layer` (an index into
    /// [`PluginInfo::produces`](crate::PluginInfo::produces)).
    pub fn add_to(
        &mut self,
        layer: usize,
        start: usize,
        end: usize,
        label: &str,
        attrs: &[(&str, AttrValue<'_>)],
    ) {
        match &mut self.target {
            Target::Memory(items) => items.push(Collected {
                layer,
                start,
                end,
                label: label.to_string(),
                attrs: attrs
                    .iter()
                    .map(|(k, v)| {
                        let v = match *v {
                            AttrValue::Bool(b) => CollectedAttr::Bool(b),
                            AttrValue::Int(i) => CollectedAttr::Int(i),
                            AttrValue::Float(x) => CollectedAttr::Float(x),
                            AttrValue::Str(s) => CollectedAttr::Str(s.to_string()),
                        };
                        (k.to_string(), v)
                    })
                    .collect(),
            }),
            Target::Host(sink) => {
                self.attrs.clear();
                self.attrs.extend(attrs.iter().map(|(k, v)| v.to_abi(k)));
                let annotation = abi::Annotation {
                    layer,
                    start,
                    end,
                    label: abi::Str::new(label),
                    attrs: self.attrs.as_ptr(),
                    attr_count: self.attrs.len(),
                };
                // SAFETY: the sink comes from the host for this call, and
                // everything `annotation` points to lives until it returns.
                let status = unsafe { (sink.emit)(sink.context, &annotation) };
                if status != abi::STATUS_OK {
                    self.rejected += 1;
                }
            }
        }
    }
}
