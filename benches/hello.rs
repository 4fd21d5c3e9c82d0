//! `hello`: the smallest Rust program, the floor for start-up time (benches/run.sh).
//! Built only with `--features bench-tools`.

fn main() {
    println!("hello");
}
