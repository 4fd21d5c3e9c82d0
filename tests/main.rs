//! The integration tests, one module per command or concern, built as one test binary: thirty
//! binaries each linking the whole crate made a fresh `cargo test` spend most of its time linking.

mod common;
mod docx_support;

mod cancelled;
mod check;
mod circles;
mod docx;
mod ecosystem;
mod edges;
mod edit;
mod export;
mod grammar_props;
mod hook;
mod hostile;
mod import;
mod import_layouts;
mod import_round_trip;
mod layout;
mod list;
mod load;
mod new;
mod outcomes;
mod readme;
mod readme_ru;
mod report;
mod result;
mod rollup;
mod rules_model;
mod russian;
mod safe_output;
mod schema;
mod series_model;
mod show;
mod table;
mod timeline;
mod times;
mod words;
mod writes;
mod writing;
