use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = plan::cli::Cli::parse();
    let config = plan::Config::from_cli(&cli);
    plan::run(cli.command, &config).unwrap_or_else(|error| plan::report(&error, &config))
}
