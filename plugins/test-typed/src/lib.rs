//! Test fixture: reads the typed views of entities, numbers and quotes (ABI
//! version 2) and writes what it read into attributes of its layer `typed`:
//! one annotation per entity (label `entity`), number (`number`) and quote
//! (`quote`), each over the same span.

use lede_plugin::{export_plugin, AttrValue, Document, Options, Output, Plugin, PluginInfo};

pub struct Typed;

fn text(value: Option<&str>) -> AttrValue<'_> {
    AttrValue::Str(value.unwrap_or("-"))
}

impl Plugin for Typed {
    const INFO: PluginInfo = PluginInfo {
        name: "typed",
        version: "0.0.1",
        description: "copies the typed views into attributes (test fixture)",
        requires: &["entities", "numbers", "quotes"],
        produces: &["typed"],
        options: &[],
    };

    fn new(_options: &Options) -> Result<Self, String> {
        Ok(Typed)
    }

    fn process(&self, doc: &Document<'_>, out: &mut Output<'_>) -> Result<(), String> {
        let entities = doc.entities().ok_or("no entities view")?;
        for e in entities {
            let attrs = [
                ("label", AttrValue::Str(e.label)),
                ("canonical", text(e.canonical)),
                ("title", text(e.title)),
            ];
            out.add_with(e.start, e.end, "entity", &attrs);
        }
        for n in doc.numbers().ok_or("no numbers view")? {
            let value = match (n.value, n.value_text) {
                (Some(x), _) => AttrValue::Float(x),
                (None, t) => text(t),
            };
            let attrs = [
                ("kind", AttrValue::Str(n.kind)),
                ("value", value),
                ("unit", text(n.unit)),
                ("modifier", text(n.modifier)),
            ];
            out.add_with(n.start, n.end, "number", &attrs);
        }
        for q in doc.quotes().ok_or("no quotes view")? {
            let attrs = [
                ("kind", AttrValue::Str(q.kind)),
                ("speaker", text(q.speaker)),
                ("speaker_canonical", text(q.speaker_canonical)),
                ("cue", text(q.cue)),
            ];
            out.add_with(q.start, q.end, "quote", &attrs);
        }
        // The generic items of the same layers are there too.
        let generic = doc.layer("entities").map_or(0, |items| items.count());
        out.add_with(
            0,
            0,
            "generic",
            &[("entities", AttrValue::Int(generic as i64))],
        );
        Ok(())
    }
}

export_plugin!(Typed);
