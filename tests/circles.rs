//! Every arrow between the modules of src/ points one way: `.ci/circles` (run by `.ci/run`) says
//! so, and fails on a circle, which a small source tree written here shows it finding.

use std::process::Command;

fn circles(src: &std::path::Path) -> (Option<i32>, String) {
    let script = crate::common::root().join(".ci/circles");
    let output = Command::new("python3").arg(script).arg(src).output().expect("python3 runs .ci/circles");
    (output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn no_two_modules_depend_on_each_other() {
    let (code, stdout) = circles(&crate::common::root().join("src"));
    assert_eq!(code, Some(0), "{stdout}");
}

#[test]
fn a_circle_through_a_use_list_and_a_super_path_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir(src.join("model")).unwrap();
    let files = [
        ("lib.rs", "pub mod cli;\npub mod config;\npub mod model;\n"),
        // cli -> config, through a braced `use` list.
        ("cli.rs", "use crate::{config::Config, model};\n"),
        // config -> cli, named inline; a comment or a test does not count.
        (
            "config.rs",
            "// crate::model::load\npub fn f() { crate::cli::g(); }\n#[cfg(test)]\nmod t { use crate::model::shape; }\n",
        ),
        // A child using its parent is no circle; load -> shape -> load is.
        ("model/mod.rs", "mod load;\nmod shape;\npub use load::x;\n"),
        ("model/load.rs", "use super::Plan;\nuse super::shape::check;\n"),
        ("model/shape.rs", "fn f() { super::load::clip(); }\n"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).unwrap();
    }
    let (code, stdout) = circles(src);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("depend on each other: cli, config\n  cli -> config\n  config -> cli\n"), "{stdout}");
    assert!(
        stdout.contains("model/load, model/shape\n  model/load -> model/shape\n  model/shape -> model/load\n"),
        "{stdout}"
    );
    // Broken: shape no longer names load.
    std::fs::write(src.join("model/shape.rs"), "fn f() {}\n").unwrap();
    std::fs::write(src.join("config.rs"), "pub fn f() { crate::model::x(); }\n").unwrap();
    assert_eq!(circles(src), (Some(0), String::new()));
}
