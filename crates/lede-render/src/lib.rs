//! lede-render: one self-contained HTML page showing a batch of annotated
//! documents. (Skeleton.)

use lede_core::Document;

/// Renders `docs` as one HTML page.
pub fn render_html(docs: &[Document]) -> String {
    let _ = docs;
    String::from("<!doctype html><title>lede</title>")
}
