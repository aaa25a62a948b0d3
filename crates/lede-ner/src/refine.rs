//! Placeholder, replaced below.
use lede_core::Entity;
use crate::gazetteer::Gazetteer;
use crate::tagger::{CoarseEntity, Layout};

#[derive(Clone, Debug)]
pub struct Addition {
    pub name: String,
    pub label: lede_core::EntityLabel,
}
impl Addition {
    pub fn parse(s: &str) -> Result<Addition, String> {
        let (l, n) = s.split_once(':').ok_or("expected LABEL:Name")?;
        Ok(Addition { name: n.trim().to_string(), label: l.trim().parse()? })
    }
}
pub fn refine(_text: &str, _layout: &Layout, _coarse: Vec<CoarseEntity>, _gaz: &Gazetteer, _add: &[Addition]) -> Vec<Entity> {
    Vec::new()
}
