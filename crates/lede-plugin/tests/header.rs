//! include/lede_plugin.h stays in step with `lede_plugin::abi`: a C file of
//! static assertions, written from the sizes, offsets and constants of the
//! Rust types, must compile against the header.

use std::fmt::Write as _;
use std::mem::{offset_of, size_of};
use std::path::Path;

use lede_plugin::abi;

/// The C compiler, found the way build scripts find it.
fn c_compiler() -> cc::Tool {
    let triple = host_triple();
    cc::Build::new()
        .target(&triple)
        .host(&triple)
        .opt_level(0)
        .cargo_metadata(false)
        .cargo_warnings(false)
        .get_compiler()
}

fn host_triple() -> String {
    let arch = std::env::consts::ARCH;
    match std::env::consts::OS {
        "macos" => format!("{arch}-apple-darwin"),
        "windows" => format!("{arch}-pc-windows-msvc"),
        _ => format!("{arch}-unknown-linux-gnu"),
    }
}

macro_rules! layout {
    ($out:ident, $c:literal, $rust:ty, [$($field:ident),* $(,)?]) => {
        writeln!(
            $out,
            "_Static_assert(sizeof({}) == {}, \"size of {}\");",
            $c,
            size_of::<$rust>(),
            $c
        )
        .unwrap();
        $(
            writeln!(
                $out,
                "_Static_assert(offsetof({}, {}) == {}, \"offset of {}.{}\");",
                $c,
                stringify!($field),
                offset_of!($rust, $field),
                $c,
                stringify!($field)
            )
            .unwrap();
        )*
    };
}

#[test]
fn the_c_header_matches_the_rust_abi() {
    let mut c =
        String::from("#include <stddef.h>\n#include <stdint.h>\n#include \"lede_plugin.h\"\n");
    let constants: [(&str, i64); 13] = [
        ("LEDE_ABI_VERSION", i64::from(abi::ABI_VERSION)),
        ("LEDE_STATUS_OK", i64::from(abi::STATUS_OK)),
        ("LEDE_STATUS_ERROR", i64::from(abi::STATUS_ERROR)),
        ("LEDE_STATUS_PANIC", i64::from(abi::STATUS_PANIC)),
        ("LEDE_OPTION_BOOL", i64::from(abi::OPTION_BOOL)),
        ("LEDE_OPTION_INT", i64::from(abi::OPTION_INT)),
        ("LEDE_OPTION_FLOAT", i64::from(abi::OPTION_FLOAT)),
        ("LEDE_OPTION_STRING", i64::from(abi::OPTION_STRING)),
        (
            "LEDE_OPTION_STRING_LIST",
            i64::from(abi::OPTION_STRING_LIST),
        ),
        ("LEDE_ATTR_BOOL", i64::from(abi::ATTR_BOOL)),
        ("LEDE_ATTR_INT", i64::from(abi::ATTR_INT)),
        ("LEDE_ATTR_FLOAT", i64::from(abi::ATTR_FLOAT)),
        ("LEDE_ATTR_STR", i64::from(abi::ATTR_STR)),
    ];
    for (name, value) in constants {
        writeln!(c, "_Static_assert({name} == {value}, \"{name}\");").unwrap();
    }
    let symbol_len = abi::DESCRIPTOR_SYMBOL.len() + 1;
    writeln!(
        c,
        "_Static_assert(sizeof(LEDE_DESCRIPTOR_SYMBOL) == {symbol_len}, \"symbol\");"
    )
    .unwrap();
    layout!(c, "LedeStr", abi::Str, [ptr, len]);
    layout!(c, "LedeOwnedStr", abi::OwnedStr, [ptr, len, capacity]);
    layout!(
        c,
        "LedeOptionDescriptor",
        abi::OptionDescriptor,
        [name, kind, default_json, help]
    );
    layout!(c, "LedeItem", abi::Item, [start, end, label]);
    layout!(c, "LedeLayer", abi::Layer, [name, items, len]);
    layout!(
        c,
        "LedeEntityView",
        abi::EntityView,
        [start, end, label, canonical, title]
    );
    layout!(
        c,
        "LedeNumberView",
        abi::NumberView,
        [start, end, kind, has_value, value, value_text, unit, modifier]
    );
    layout!(
        c,
        "LedeQuoteView",
        abi::QuoteView,
        [start, end, kind, speaker, speaker_canonical, cue]
    );
    layout!(
        c,
        "LedeDocumentView",
        abi::DocumentView,
        [
            id,
            text,
            layers,
            layer_count,
            entities,
            entities_len,
            numbers,
            numbers_len,
            quotes,
            quotes_len,
        ]
    );
    layout!(
        c,
        "LedeAttr",
        abi::Attr,
        [key, kind, int_value, float_value, str_value]
    );
    layout!(
        c,
        "LedeAnnotation",
        abi::Annotation,
        [layer, start, end, label, attrs, attr_count]
    );
    layout!(c, "LedeSink", abi::Sink, [context, emit]);
    layout!(
        c,
        "LedePluginDescriptor",
        abi::PluginDescriptor,
        [
            abi_version,
            name,
            version,
            description,
            requires,
            requires_len,
            produces,
            produces_len,
            options,
            options_len,
            create,
            process,
            destroy,
            free_string,
        ]
    );
    // Same layout is not enough: a uint64_t where Rust has u32 could share
    // the offsets. The scalar fields' C types are checked one by one.
    let scalars = [
        ("LedeStr", "len", "size_t"),
        ("LedeOwnedStr", "len", "size_t"),
        ("LedeOwnedStr", "capacity", "size_t"),
        ("LedeOptionDescriptor", "kind", "uint32_t"),
        ("LedeItem", "start", "size_t"),
        ("LedeItem", "end", "size_t"),
        ("LedeLayer", "len", "size_t"),
        ("LedeDocumentView", "layer_count", "size_t"),
        ("LedeDocumentView", "entities_len", "size_t"),
        ("LedeDocumentView", "numbers_len", "size_t"),
        ("LedeDocumentView", "quotes_len", "size_t"),
        ("LedeEntityView", "start", "size_t"),
        ("LedeNumberView", "has_value", "uint32_t"),
        ("LedeNumberView", "value", "double"),
        ("LedeQuoteView", "end", "size_t"),
        ("LedeAttr", "kind", "uint32_t"),
        ("LedeAttr", "int_value", "int64_t"),
        ("LedeAttr", "float_value", "double"),
        ("LedeAnnotation", "layer", "size_t"),
        ("LedeAnnotation", "start", "size_t"),
        ("LedeAnnotation", "end", "size_t"),
        ("LedeAnnotation", "attr_count", "size_t"),
        ("LedePluginDescriptor", "abi_version", "uint32_t"),
        ("LedePluginDescriptor", "requires_len", "size_t"),
        ("LedePluginDescriptor", "produces_len", "size_t"),
        ("LedePluginDescriptor", "options_len", "size_t"),
    ];
    for (ty, field, c_type) in scalars {
        writeln!(
            c,
            "_Static_assert(_Generic((({ty} *)0)->{field}, {c_type}: 1, default: 0), \
             \"{ty}.{field} is {c_type}\");"
        )
        .unwrap();
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lede-plugin-header");
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("check_header.c");
    std::fs::write(&source, &c).unwrap();
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("include");
    let out = c_compiler()
        .to_command()
        .arg("-std=c11")
        .arg("-Wall")
        .arg("-Werror")
        .arg("-I")
        .arg(&include)
        .arg("-c")
        .arg(&source)
        .arg("-o")
        .arg(dir.join("check_header.o"))
        .output()
        .expect("the C compiler runs");
    assert!(
        out.status.success(),
        "lede_plugin.h differs from lede_plugin::abi:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
