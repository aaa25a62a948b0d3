//! `lede stages`: the built-in stages with their layers and options.

use lede_core::OptionValue;
use lede_runner::builtin_stages;

use crate::common::join_or_dash;

fn format_option_value(value: &OptionValue) -> String {
    value.to_string()
}

pub fn run() {
    for info in builtin_stages() {
        println!("{} — {}", info.id, info.description);
        let strs = |xs: &[lede_core::LayerId]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        println!("    requires: {}", join_or_dash(&strs(info.requires)));
        println!("    produces: {}", join_or_dash(&strs(info.produces)));
        if info.options.is_empty() {
            println!("    options:  none");
        } else {
            println!("    options:");
            for opt in &info.options {
                let default = match &opt.default {
                    Some(v) => format!("default {}", format_option_value(v)),
                    None => "no default".to_string(),
                };
                println!(
                    "      {} ({}, {}): {}",
                    opt.name, opt.kind, default, opt.help
                );
            }
        }
        println!();
    }
}
