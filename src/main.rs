use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = plan::help::lang(&args, |key| std::env::var(key).ok());
    // `COMPLETE=bash plan` prints the shell registration; the shell then calls back here, and the
    // descriptions it shows are in the user's language.
    clap_complete::CompleteEnv::with_factory(move || plan::help::command(lang)).complete();
    let cli = match plan::help::parse(args, lang) {
        Ok(cli) => cli,
        Err(error) => return plan::report_usage(&error, lang),
    };
    let config = cli.config();
    plan::run(cli.command, &config).unwrap_or_else(|error| plan::report_error(&error, &config))
}
