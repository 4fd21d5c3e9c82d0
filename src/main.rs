use std::process::ExitCode;

use clap::CommandFactory;

fn main() -> ExitCode {
    // `COMPLETE=bash plan` prints the shell registration; the shell then calls back here.
    clap_complete::CompleteEnv::with_factory(plan::cli::Cli::command).complete();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = plan::help::lang(&args, |key| std::env::var(key).ok());
    let cli = plan::help::parse(args, lang);
    let config = plan::Config::from_cli(&cli);
    plan::run(cli.command, &config).unwrap_or_else(|error| plan::report(&error, &config))
}
