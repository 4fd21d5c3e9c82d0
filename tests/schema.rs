//! `plan schema`: the JSON Schema editors validate the plan file with.

use std::path::Path;

use crate::common::{plan, run};

/// TOML as editors hand it to a JSON Schema validator: dates become ISO strings.
fn toml_to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(toml_to_json).collect(),
        toml::Value::Table(table) => table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect(),
    }
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::common::root().join("plans/plan.schema.json")).unwrap())
            .unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema is a valid JSON Schema")
}

fn instance(text: &str) -> serde_json::Value {
    toml_to_json(toml::from_str::<toml::Value>(text).expect("valid TOML"))
}

#[test]
fn checked_in_schema_is_what_plan_schema_prints() {
    let (code, stdout, _) = run(plan().arg("schema"));
    assert_eq!(code, 0);
    let checked_in = std::fs::read_to_string(crate::common::root().join("plans/plan.schema.json")).unwrap();
    assert_eq!(stdout, checked_in, "run `plan schema > plans/plan.schema.json`");
}

#[test]
fn shipped_plan_points_editors_at_the_schema() {
    let text = std::fs::read_to_string(crate::common::root().join("plans/2019.toml")).unwrap();
    assert!(text.starts_with("#:schema ./plan.schema.json\n"));
}

#[test]
fn shipped_plan_and_valid_fixtures_validate() {
    let validator = validator();
    let root = crate::common::root();
    for file in [
        "plans/2019.toml",
        "tests/fixtures/small.toml",
        "tests/fixtures/meetings/meetings.toml",
        "tests/fixtures/council/council.toml",
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&instance(&text)).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn unknown_keys_and_wrong_types_do_not_validate() {
    let validator = validator();
    let good = "[plan]\ntitle = \"T\"\nyear = 2019\n[parties.p]\nname = \"P\"\n[[section]]\ntitle = \"S\"\n\
                [[section.activity]]\ntitle = \"A\"\nwhen = \"апрель\"\nresponsible = [\"p\"]\n";
    assert!(validator.is_valid(&instance(good)));
    let bad = [
        ("an unknown activity key", good.replace("responsible", "responsable")),
        ("an unknown plan key", good.replace("year = 2019", "year = 2019\nyaer = 2019")),
        ("a year as a string", good.replace("year = 2019", "year = \"2019\"")),
        ("responsible as a string", good.replace("[\"p\"]", "\"p\"")),
        ("a bad status", format!("{good}status = \"done\"\n")),
        ("a bad rule", format!("{good}rule = \"sometimes\"\n")),
        ("a held date that is not a date", format!("{good}held = [\"вчера\"]\n")),
        ("a held table without `on`", format!("{good}held = [{{ note = \"x\" }}]\n")),
        ("a party id with capitals", good.replace("[parties.p]", "[parties.Presidium]")),
        ("an empty title", good.replace("title = \"A\"", "title = \"\"")),
    ];
    for (what, text) in bad {
        assert!(!validator.is_valid(&instance(&text)), "{what} should not validate");
    }
}

#[test]
fn every_key_has_a_description() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/plan.schema.json")).unwrap(),
    )
    .unwrap();
    let mut missing = Vec::new();
    for (name, definition) in
        schema["$defs"].as_object().unwrap().iter().map(|(n, d)| (n.as_str(), d)).chain([("File", &schema)])
    {
        for (key, property) in definition["properties"].as_object().into_iter().flatten() {
            if property.get("description").is_none() {
                missing.push(format!("{name}.{key}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}
