use std::process::ExitCode;

use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    // `COMPLETE=bash plan` prints the shell registration; the shell then calls back here.
    clap_complete::CompleteEnv::with_factory(plan::cli::Cli::command).complete();
    let cli = match plan::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return plan::report_usage(&error),
    };
    let config = plan::Config::from_cli(&cli);
    plan::run(cli.command, &config).unwrap_or_else(|error| plan::report(&error, &config))
}
