//! Layer kinds: the one place that says what a layer is called, whether its
//! spans may overlap, how its items are written to and read from JSON and
//! what a plugin sees of them.
//!
//! A kind is a [`LayerKind<T>`] over an item type that implements
//! [`LayerItem`]. The built-in kinds are listed once, in
//! [`crate::layers::BUILT_IN_KINDS`]; the JSON writer and reader, the plugin
//! view and the runner's access checks all walk that list (through the
//! object-safe [`AnyKind`]) instead of naming layers one by one. A kind
//! defined outside lede-core (`LayerKind::new`) is stored by name in the
//! document and written the same way; only reading it back from JSON needs
//! it in the built-in list.

use std::any::Any;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::json::{Offsets, ReadError};
use crate::{Layers, Span};

/// The name of a layer as used in `requires`/`produces`, pipeline files and
/// the JSON output. Built-in ids are the constants of [`crate::layer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LayerId(&'static str);

impl LayerId {
    pub const fn new(name: &'static str) -> LayerId {
        LayerId(name)
    }
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for LayerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl AsRef<str> for LayerId {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl PartialEq<str> for LayerId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for LayerId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for LayerId {
    fn eq(&self, other: &String) -> bool {
        self.0 == other
    }
}

impl PartialEq<LayerId> for String {
    fn eq(&self, other: &LayerId) -> bool {
        self == other.0
    }
}

impl PartialEq<LayerId> for &str {
    fn eq(&self, other: &LayerId) -> bool {
        *self == other.0
    }
}

impl From<LayerId> for String {
    fn from(id: LayerId) -> String {
        id.0.to_string()
    }
}

/// Whether two items of one layer may cover the same text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlap {
    /// Items are disjoint and sorted by start (tokens, entities, ...).
    Never,
    /// Items may overlap or nest (plugin layers).
    Allowed,
}

/// One item of a layer kind: its span, the label plugins see, and its JSON
/// form. `Hash` lets the runner notice cheaply that a stage changed a layer
/// it may only read.
pub trait LayerItem: Clone + fmt::Debug + PartialEq + Hash + Send + Sync + 'static {
    fn span(&self) -> Span;
    /// The label a plugin sees for this item ("" when the kind has none).
    fn label(&self) -> &str {
        ""
    }
    /// Writes the item's keys after `start` and `end`, which are written
    /// first from [`LayerItem::span`].
    fn write_fields<M: SerializeMap>(&self, map: &mut M, off: &Offsets) -> Result<(), M::Error>;
    /// Reads one item of the layer called `layer` (named in errors).
    fn read(value: &Value, off: &Offsets, layer: &str) -> Result<Self, ReadError>;
}

/// Where a kind's layer lives in [`Layers`].
enum Slot<T> {
    /// A field of `Layers` (the built-in kinds, for direct typed access).
    Field {
        get: fn(&Layers) -> &Option<Vec<T>>,
        get_mut: fn(&mut Layers) -> &mut Option<Vec<T>>,
    },
    /// Stored by name with the layers of other kinds defined elsewhere.
    Named,
}

/// A kind of layer: its id, overlap policy and item type.
pub struct LayerKind<T> {
    id: LayerId,
    overlap: Overlap,
    slot: Slot<T>,
}

impl<T> LayerKind<T> {
    /// A kind whose layers are stored by name: what a stage crate or a test
    /// defines for a layer lede-core does not know.
    pub const fn new(name: &'static str, overlap: Overlap) -> LayerKind<T> {
        LayerKind {
            id: LayerId::new(name),
            overlap,
            slot: Slot::Named,
        }
    }

    /// A built-in kind kept in a field of [`Layers`].
    pub(crate) const fn field(
        id: LayerId,
        overlap: Overlap,
        get: fn(&Layers) -> &Option<Vec<T>>,
        get_mut: fn(&mut Layers) -> &mut Option<Vec<T>>,
    ) -> LayerKind<T> {
        LayerKind {
            id,
            overlap,
            slot: Slot::Field { get, get_mut },
        }
    }

    pub const fn id(&self) -> LayerId {
        self.id
    }

    pub const fn overlap(&self) -> Overlap {
        self.overlap
    }
}

impl<T: LayerItem> LayerKind<T> {
    /// The layer of this kind in `layers`, if produced.
    pub fn get<'l>(&self, layers: &'l Layers) -> Option<&'l [T]> {
        match &self.slot {
            Slot::Field { get, .. } => get(layers).as_deref(),
            Slot::Named => layers
                .named
                .get(self.id.as_str())?
                .as_any()
                .downcast_ref::<Vec<T>>()
                .map(Vec::as_slice),
        }
    }

    /// Sets the layer of this kind in `layers`.
    pub fn set(&self, layers: &mut Layers, items: Vec<T>) {
        match &self.slot {
            Slot::Field { get_mut, .. } => *get_mut(layers) = Some(items),
            Slot::Named => {
                layers.named.insert(self.id.as_str(), Box::new(items));
            }
        }
    }

    fn take(&self, layers: &mut Layers) -> Option<Box<dyn StoredLayer>> {
        match &self.slot {
            Slot::Field { get_mut, .. } => get_mut(layers)
                .take()
                .map(|v| Box::new(v) as Box<dyn StoredLayer>),
            Slot::Named => layers.named.remove(self.id.as_str()),
        }
    }

    fn put(&self, layers: &mut Layers, layer: Box<dyn StoredLayer>) {
        match &self.slot {
            Slot::Field { get_mut, .. } => {
                if let Ok(items) = layer.into_any().downcast::<Vec<T>>() {
                    *get_mut(layers) = Some(*items);
                }
            }
            Slot::Named => {
                layers.named.insert(self.id.as_str(), layer);
            }
        }
    }
}

/// A layer kind with its item type erased, so kinds of different item types
/// sit in one list ([`crate::layers::BUILT_IN_KINDS`]).
pub trait AnyKind: Sync {
    fn id(&self) -> LayerId;
    fn overlap(&self) -> Overlap;
    /// True when `layers` holds this kind's layer.
    fn present(&self, layers: &Layers) -> bool;
    /// Reads the JSON array `value` into `layers`.
    fn read_json(&self, layers: &mut Layers, value: &Value, off: &Offsets)
        -> Result<(), ReadError>;
    /// Moves this kind's layer from `from` to `to` (nothing when absent).
    fn transfer(&self, from: &mut Layers, to: &mut Layers);
    /// The stored layer, type-erased, for writing, plugin views and checks.
    fn stored<'l>(&self, layers: &'l Layers) -> Option<&'l (dyn StoredLayer + 'static)>;
}

impl<T: LayerItem> AnyKind for LayerKind<T> {
    fn id(&self) -> LayerId {
        self.id
    }
    fn overlap(&self) -> Overlap {
        self.overlap
    }
    fn present(&self, layers: &Layers) -> bool {
        match &self.slot {
            Slot::Field { get, .. } => get(layers).is_some(),
            Slot::Named => layers.named.contains_key(self.id.as_str()),
        }
    }
    fn read_json(
        &self,
        layers: &mut Layers,
        value: &Value,
        off: &Offsets,
    ) -> Result<(), ReadError> {
        let name = self.id.as_str();
        let items = value
            .as_array()
            .ok_or_else(|| ReadError::Field {
                field: name.to_string(),
                message: "must be an array".to_string(),
            })?
            .iter()
            .map(|v| T::read(v, off, name))
            .collect::<Result<Vec<T>, ReadError>>()?;
        self.set(layers, items);
        Ok(())
    }
    fn transfer(&self, from: &mut Layers, to: &mut Layers) {
        if let Some(layer) = self.take(from) {
            self.put(to, layer);
        }
    }
    fn stored<'l>(&self, layers: &'l Layers) -> Option<&'l (dyn StoredLayer + 'static)> {
        match &self.slot {
            Slot::Field { get, .. } => get(layers).as_ref().map(|v| v as &dyn StoredLayer),
            Slot::Named => layers.named.get(self.id.as_str()),
        }
    }
}

/// The items of one layer with their type erased: what the JSON writer, the
/// plugin host and the runner's checks need of any layer.
pub trait StoredLayer: Send + Sync + fmt::Debug {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Span and label of every item: the generic view plugins get.
    fn plugin_items(&self) -> Vec<(Span, &str)>;
    /// Writes the layer as a JSON array.
    fn write_json(&self, out: &mut dyn io::Write, off: &Offsets) -> serde_json::Result<()>;
    /// A hash of the items, so a change is noticed without a copy.
    fn fingerprint(&self) -> u64;
    /// The index of the first item out of order for `overlap`: one that
    /// starts before the previous one (any kind), or, for
    /// [`Overlap::Never`], before the previous one ends.
    fn order_violation(&self, overlap: Overlap) -> Option<usize>;
    fn as_any(&self) -> &dyn Any;
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
    fn clone_box(&self) -> Box<dyn StoredLayer>;
    fn eq_dyn(&self, other: &dyn StoredLayer) -> bool;
}

impl<T: LayerItem> StoredLayer for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn plugin_items(&self) -> Vec<(Span, &str)> {
        self.iter()
            .map(|item| (item.span(), item.label()))
            .collect()
    }
    fn write_json(&self, out: &mut dyn io::Write, off: &Offsets) -> serde_json::Result<()> {
        let mut chunks = Chunked::new(out);
        let mut ser =
            serde_json::Serializer::with_formatter(&mut chunks, crate::json::LedeFormatter);
        List { off, items: self }.serialize(&mut ser)?;
        chunks.flush_chunk().map_err(serde_json::Error::io)
    }
    fn fingerprint(&self) -> u64 {
        let mut h = Fingerprint::default();
        self.hash(&mut h);
        h.finish()
    }
    fn order_violation(&self, overlap: Overlap) -> Option<usize> {
        self.windows(2)
            .position(|pair| {
                let (a, b) = (pair[0].span(), pair[1].span());
                b.start() < a.start() || (overlap == Overlap::Never && b.start() < a.end())
            })
            .map(|i| i + 1)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
    fn clone_box(&self) -> Box<dyn StoredLayer> {
        Box::new(self.clone())
    }
    fn eq_dyn(&self, other: &dyn StoredLayer) -> bool {
        other.as_any().downcast_ref::<Vec<T>>() == Some(self)
    }
}

/// Collects the many small writes of serde_json in a buffer and passes it
/// on in large pieces, so writing through `dyn io::Write` costs one call per
/// chunk rather than one per punctuation mark.
struct Chunked<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn io::Write,
}

impl<'w> Chunked<'w> {
    const SIZE: usize = 32 << 10;

    fn new(out: &'w mut dyn io::Write) -> Self {
        Chunked {
            buf: Vec::with_capacity(Self::SIZE),
            out,
        }
    }

    fn flush_chunk(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl io::Write for Chunked<'_> {
    #[inline]
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.write_all(data)?;
        Ok(data.len())
    }

    #[inline]
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        if self.buf.len() + data.len() > Self::SIZE {
            self.flush_chunk()?;
            if data.len() > Self::SIZE {
                return self.out.write_all(data);
            }
        }
        self.buf.extend_from_slice(data);
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_chunk()?;
        self.out.flush()
    }
}

/// Layers of kinds stored by name ([`LayerKind::new`]).
#[derive(Default)]
pub(crate) struct NamedLayers(BTreeMap<&'static str, Box<dyn StoredLayer>>);

impl NamedLayers {
    pub(crate) fn get(&self, name: &str) -> Option<&(dyn StoredLayer + 'static)> {
        self.0.get(name).map(|b| b.as_ref())
    }
    fn insert(&mut self, name: &'static str, layer: Box<dyn StoredLayer>) {
        self.0.insert(name, layer);
    }
    fn remove(&mut self, name: &str) -> Option<Box<dyn StoredLayer>> {
        self.0.remove(name)
    }
    pub(crate) fn contains_key(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
    pub(crate) fn iter(
        &self,
    ) -> impl Iterator<Item = (&'static str, &(dyn StoredLayer + 'static))> + '_ {
        self.0.iter().map(|(k, v)| (*k, v.as_ref()))
    }
    pub(crate) fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.keys().copied()
    }
    /// Moves the layers whose names `keep` refuses into `to`.
    pub(crate) fn split_into(&mut self, to: &mut NamedLayers, keep: &dyn Fn(&str) -> bool) {
        let names: Vec<&'static str> = self.0.keys().copied().filter(|n| !keep(n)).collect();
        for name in names {
            if let Some(layer) = self.0.remove(name) {
                to.0.insert(name, layer);
            }
        }
    }
    pub(crate) fn append(&mut self, from: &mut NamedLayers) {
        self.0.append(&mut from.0);
    }
}

impl Clone for NamedLayers {
    fn clone(&self) -> Self {
        NamedLayers(self.0.iter().map(|(k, v)| (*k, v.clone_box())).collect())
    }
}

impl PartialEq for NamedLayers {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((ka, a), (kb, b))| ka == kb && a.eq_dyn(b.as_ref()))
    }
}

impl fmt::Debug for NamedLayers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

/// A layer as a JSON array of its items.
pub(crate) struct List<'a, T> {
    pub(crate) off: &'a Offsets<'a>,
    pub(crate) items: &'a [T],
}

impl<T: LayerItem> Serialize for List<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for item in self.items {
            seq.serialize_element(&ItemJson {
                off: self.off,
                item,
            })?;
        }
        seq.end()
    }
}

/// One item as a JSON object: `start`, `end`, then the kind's own keys.
struct ItemJson<'a, T> {
    off: &'a Offsets<'a>,
    item: &'a T,
}

impl<T: LayerItem> Serialize for ItemJson<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        crate::json::span_entries(&mut map, self.off, self.item.span())?;
        self.item.write_fields(&mut map, self.off)?;
        map.end()
    }
}

/// FxHash: a fast, non-cryptographic hasher for layer fingerprints (one
/// multiply per word, so checking a layer costs far less than making it).
/// Words go to four interleaved states in turn: one state alone makes every
/// multiply wait for the one before, and a layer of tokens, checked before
/// and after every stage that reads it, is a long run of small words. The
/// states move down one place per word (the newest last), rather than being
/// picked by a counter, so they stay in registers.
#[derive(Default)]
pub(crate) struct Fingerprint {
    lanes: [u64; 4],
    count: usize,
}

impl Fingerprint {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    #[inline]
    fn add(&mut self, word: u64) {
        let [a, b, c, d] = self.lanes;
        let mixed = (a.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
        self.lanes = [b, c, d, mixed];
        self.count = self.count.wrapping_add(1);
    }
}

impl Hasher for Fingerprint {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        let mut h = self.count as u64;
        for lane in self.lanes {
            h = (h.rotate_left(5) ^ lane).wrapping_mul(Self::SEED);
        }
        h
    }
}

/// A fingerprint of a text, for checking that a stage left it alone.
pub fn text_fingerprint(text: &str) -> u64 {
    let mut h = Fingerprint::default();
    h.write(text.as_bytes());
    h.write_usize(text.len());
    h.finish()
}
