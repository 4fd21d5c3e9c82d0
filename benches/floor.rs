//! `toml-floor FILE`: reads the file and parses it into a generic `toml::Table`, nothing else.
//! The floor that `plan` is measured against: no program that reads this TOML can do less.
//! Built only with `--features bench-tools`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: toml-floor FILE");
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let table: toml::Table = text.parse().expect("valid TOML");
    // Use the result, so that nothing is optimised away.
    println!("{}", table.len());
}
