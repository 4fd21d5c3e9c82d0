//! The command line in the user's language: help, usage, the manual page and argument errors.
//!
//! [`crate::cli`] defines the arguments with clap's derive, and parsing stays clap's. The words
//! come from the catalogue (`locales/*/cli.ftl`): [`command`] takes the derived `Command` and sets
//! every about, help, value name and example text from it. In English clap lays the help out
//! as usual; in another language the parts clap would write in English (headings, `[OPTIONS]`,
//! `[possible values: ...]`, `[default: ...]`, `[env: ...]`) are written here instead, and
//! [`parse`] words clap's errors itself, by their kind and context.

use std::ffi::OsString;
use std::fmt::Write as _;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::i18n::{Lang, Message, msg};

/// The language before the arguments are parsed: `--lang` in `args` (so that `--help` and errors
/// are in it), else `PLAN_LANG`, else the locale.
#[must_use]
pub fn lang(args: &[OsString], env: impl Fn(&str) -> Option<String>) -> Lang {
    let mut given = None;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        let value = match word.as_ref() {
            "--" => break,
            "--lang" => words.next().map(std::borrow::Cow::into_owned),
            other => other.strip_prefix("--lang=").map(str::to_owned),
        };
        if let Some(value) = value {
            given = Some(value);
        }
    }
    let given = given.or_else(|| env("PLAN_LANG")).and_then(|v| {
        use clap::ValueEnum;
        Lang::from_str(v.trim(), true).ok()
    });
    Lang::detect(given, env)
}

/// Parses the command line; help, the version and errors come back as clap's error, with help
/// already in `lang` ([`crate::report_usage`] prints it and gives the exit code: 2 for a bad
/// command line, 0 for help and the version).
pub fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    // Most runs parse: the words of the help are needed only for help and errors, so the
    // command is worded (which looks up every flag's help) only then, and parses once more.
    if let Ok(cli) = Cli::command().try_get_matches_from(&args).and_then(|matches| Cli::from_arg_matches(&matches)) {
        return Ok(cli);
    }
    command(lang).try_get_matches_from(args).and_then(|matches| Cli::from_arg_matches(&matches))
}

/// The program's `Command` with every text in `lang`.
#[must_use]
pub fn command(lang: Lang) -> Command {
    let mut command = Cli::command();
    // Built first, so that the `--help` and `--version` flags and the `help` command exist too.
    command.build();
    localize(command, None, lang)
}

/// `command` and its subcommands worded in `lang`; a text the catalogue lacks stays clap's.
fn localize(command: Command, parent: Option<&str>, lang: Lang) -> Command {
    let name = command.get_name().to_owned();
    // The root's own ids have no command part: `cli-about`; a subcommand's: `cli-list-about`.
    let path = parent.map(|_| name.clone());
    let id = |what: &str| match &path {
        Some(path) => format!("cli-{path}-{what}"),
        None => format!("cli-{what}"),
    };
    let mut command = command;
    if let Some(about) = lang.lookup(&id("about")) {
        command = command.about(about);
    }
    if let Some(long_about) = lang.lookup(&id("long-about")) {
        command = command.long_about(long_about);
    }
    if let Some(examples) = lang.lookup(&id("examples")) {
        command = command.after_help(examples);
    }
    let english = lang == Lang::En;
    command = command.mut_args(|arg| localize_arg(arg, path.as_deref(), lang));
    command = command.mut_subcommands(|sub| localize(sub, Some(&name), lang));
    if english {
        return command;
    }
    let word = |id: &'static str| lang.word(id);
    command = command.subcommand_help_heading(word("cli-commands"));
    let usage = command.render_usage().to_string();
    let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, usage)| usage);
    let usage = usage
        .replace("[OPTIONS]", &word("cli-options-placeholder"))
        .replace("<COMMAND>", &format!("<{}>", word("cli-command-placeholder")))
        .replace("[COMMAND]", &format!("[{}]", word("cli-command-placeholder")));
    command.override_usage(usage).help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        word("cli-usage")
    ))
}

/// One argument worded in `lang`: its help, value names, and (outside English) what clap would
/// add in English after the help.
fn localize_arg(arg: Arg, command: Option<&str>, lang: Lang) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    let builtin = matches!(id.as_str(), "help" | "version");
    let english = lang == Lang::En;
    if builtin && english {
        return arg;
    }
    let find = |suffix: &str| {
        command
            .and_then(|command| lang.lookup(&format!("cli-{command}-{suffix}")))
            .or_else(|| lang.lookup(&format!("cli-arg-{suffix}")))
    };
    let mut arg = arg;
    let taken = if arg.get_action().takes_values() { arg.get_value_names().unwrap_or_default() } else { &[] };
    let names: Vec<String> = taken
        .iter()
        .map(|name| {
            let key: String = name.as_str().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
            lang.lookup(&format!("cli-value-{key}")).unwrap_or_else(|| name.to_string())
        })
        .collect();
    if !names.is_empty() {
        arg = arg.value_names(names);
    }
    let Some(help) = find(&id) else { return arg };
    if english {
        return arg.help(help);
    }
    if id == "help" {
        let detailed = find("help-long").unwrap_or_else(|| help.clone());
        return arg.help(help).long_help(detailed).help_heading(lang.word("cli-options"));
    }
    let heading = lang.word(if arg.is_positional() { "cli-arguments" } else { "cli-options" });
    // What clap would add in English, said here: the possible values, the default, the variable.
    let values: Vec<(String, Option<String>)> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| (value.get_name().to_owned(), find(&format!("{id}-{}", value.get_name()))))
        .collect();
    let mut brief = help.clone();
    let mut detailed = help;
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
        let _ = write!(brief, " [{}: {}]", lang.word("cli-possible-values"), names.join(", "));
        if values.iter().any(|(_, help)| help.is_some()) {
            let _ = write!(detailed, "\n\n{}", lang.word("cli-possible-values-heading"));
            for (name, help) in &values {
                match help {
                    Some(help) => {
                        let _ = write!(detailed, "\n- {name}: {help}");
                    }
                    None => {
                        let _ = write!(detailed, "\n- {name}");
                    }
                }
            }
        } else {
            let _ = write!(detailed, " [{}: {}]", lang.word("cli-possible-values"), names.join(", "));
        }
    }
    let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() && arg.get_action().takes_values() {
        let default = format!("[{}: {}]", lang.word("cli-default"), defaults.join(", "));
        let _ = write!(brief, " {default}");
        let _ = write!(detailed, "\n\n{default}");
    }
    if let Some(env) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        let env = format!("[{}: {}]", lang.word("cli-env"), env.to_string_lossy());
        let _ = write!(brief, " {env}");
        let _ = write!(detailed, "\n\n{env}");
    }
    arg.help(brief)
        .long_help(detailed)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
        .help_heading(heading)
}

/// A clap error (not help or the version) in words of the catalogue, with a tip when clap has
/// one, the usage, and where to read more.
#[must_use]
pub fn error_text(error: &clap::Error, lang: Lang) -> String {
    let get = |kind: ContextKind| error.get(kind).map(ToString::to_string);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = &arg),
        ErrorKind::InvalidSubcommand => {
            msg!("cli-error-unknown-subcommand", command = get(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => match get(ContextKind::InvalidValue) {
            Some(value) if !value.is_empty() => msg!("cli-error-invalid-value", value = value, arg = &arg),
            _ => msg!("cli-error-missing-value", arg = &arg),
        },
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing-required", args = &arg),
        ErrorKind::MissingSubcommand => msg!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => {
            msg!("cli-error-conflict", arg = &arg, other = get(ContextKind::PriorArg).unwrap_or_default())
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            msg!("cli-error-too-many", value = get(ContextKind::InvalidValue).unwrap_or_default())
        }
        _ => msg!("cli-error-other"),
    };
    let mut tips: Vec<Message> = Vec::new();
    if let Some(suggestion) = get(ContextKind::SuggestedArg) {
        tips.push(msg!("cli-tip-similar", suggestion = suggestion));
    }
    if let Some(suggestion) = get(ContextKind::SuggestedSubcommand) {
        tips.push(msg!("cli-tip-similar-command", suggestion = suggestion));
    }
    if let Some(suggestion) = get(ContextKind::SuggestedValue) {
        tips.push(msg!("cli-tip-similar-value", suggestion = suggestion));
    }
    if let Some(trailing) = get(ContextKind::TrailingArg) {
        tips.push(msg!("cli-tip-separator", arg = trailing));
    }
    // An empty list (clap gives one for a value that must not be empty) is no tip.
    if let Some(values) = get(ContextKind::ValidValue).filter(|values| !values.is_empty()) {
        tips.push(msg!("cli-tip-values", values = values));
    }
    if error.kind() == ErrorKind::ValueValidation {
        // `--as-of <ДАТА>` → `as_of`, `<ГОД>` → `year`: the argument's id, for the hint of what
        // it takes.
        let flag = if arg.starts_with('<') { positional_id(&arg, lang) } else { None };
        let flag = flag.unwrap_or_else(|| {
            arg.trim_start_matches('-').split([' ', '=']).next().unwrap_or_default().replace('-', "_")
        });
        // A date that does not exist says what is wrong: «в апреле 30 дней».
        if flag == "as_of"
            && let Some(value) = get(ContextKind::InvalidValue)
            && let Err(refused) = crate::when::parse_date(&value)
            && (refused.no_such_day || refused.year_out_of_range)
        {
            tips.push(crate::error::message::not_a_date(&value, refused));
        }
        if let Some(hint) = lang.lookup(&format!("cli-hint-{flag}")) {
            tips.push(msg!("cli-tip-text", text = hint));
        }
    }
    let mut out = format!("{}: {}\n", lang.word("error"), crate::render::escape_line(&lang.say(&message)));
    for tip in &tips {
        let _ = write!(out, "\n  {}: {}\n", lang.word("help"), crate::render::escape_line(&lang.say(tip)));
    }
    // Without a usage line (a bad value), the whole program's help: a bare `--help` is no command.
    let mut help = "plan --help".to_owned();
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim().split_once(": ").map_or(usage.clone(), |(_, usage)| usage.to_owned());
        let _ = write!(out, "\n{}: {usage}\n", lang.word("cli-usage"));
        // `plan list [ПАРАМЕТРЫ]` → `plan list --help`.
        let words: Vec<&str> = usage.split(' ').take_while(|w| !w.starts_with(['[', '<'])).collect();
        help = format!("{} --help", words.join(" "));
    }
    let _ = write!(out, "\n{}\n", lang.say(&msg!("cli-more", help = help)));
    out
}

/// The id of the positional argument shown as `<NAME>` (its value name in `lang`).
fn positional_id(shown: &str, lang: Lang) -> Option<String> {
    let command = command(lang);
    let mut commands = vec![&command];
    commands.extend(command.get_subcommands());
    commands.into_iter().flat_map(Command::get_arguments).find_map(|arg| {
        let names = arg.get_value_names()?;
        let name = format!("<{}>", names.first()?);
        (arg.is_positional() && name == shown).then(|| arg.get_id().as_str().to_owned())
    })
}

/// The manual page, in roff, in `lang`.
pub fn man(out: &mut impl std::io::Write, lang: Lang) -> std::io::Result<()> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command(lang)).render(&mut page)?;
    if lang == Lang::En {
        return out.write_all(&page);
    }
    // clap_mangen writes its section headings in English.
    let mut text = String::from_utf8_lossy(&page).into_owned();
    for (english, id) in [
        (".SH NAME", "man-name"),
        (".SH SYNOPSIS", "man-synopsis"),
        (".SH DESCRIPTION", "man-description"),
        (".SH OPTIONS", "man-options"),
        (".SH SUBCOMMANDS", "man-subcommands"),
        (".SH EXTRA", "man-extra"),
        (".SH VERSION", "man-version"),
    ] {
        text = text.replace(&format!("{english}\n"), &format!(".SH {}\n", lang.lookup(id).unwrap_or_default()));
    }
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// Every command, flag and possible value with help in English has its words in every
    /// catalogue: a flag added to `cli.rs` without them fails here.
    #[test]
    fn every_command_and_flag_has_words_in_every_catalogue() {
        fn walk(command: &Command, path: Option<&str>, lang: Lang, missing: &mut Vec<String>) {
            let about = match path {
                Some(path) => format!("cli-{path}-about"),
                None => "cli-about".to_owned(),
            };
            if lang.lookup(&about).is_none() {
                missing.push(about.clone());
            }
            for arg in command.get_arguments().filter(|a| !matches!(a.get_id().as_str(), "help" | "version")) {
                let id = arg.get_id().as_str();
                let find = |suffix: &str| {
                    path.and_then(|p| lang.lookup(&format!("cli-{p}-{suffix}")))
                        .or_else(|| lang.lookup(&format!("cli-arg-{suffix}")))
                };
                if arg.get_help().is_some() && find(id).is_none() {
                    missing.push(format!("{about}: `{id}`"));
                }
                for value in arg.get_possible_values().iter().filter(|v| v.get_help().is_some()) {
                    if find(&format!("{id}-{}", value.get_name())).is_none() {
                        missing.push(format!("{about}: `{id}` value `{}`", value.get_name()));
                    }
                }
                let names =
                    if arg.get_action().takes_values() { arg.get_value_names().unwrap_or_default() } else { &[] };
                for name in names {
                    let key: String =
                        name.as_str().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
                    if lang.lookup(&format!("cli-value-{key}")).is_none() {
                        missing.push(format!("cli-value-{key}"));
                    }
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, Some(sub.get_name()), lang, missing);
            }
        }
        let mut command = Cli::command();
        command.build();
        for &lang in Lang::value_variants() {
            let mut missing = Vec::new();
            walk(&command, None, lang, &mut missing);
            assert!(missing.is_empty(), "locales/{}/cli.ftl lacks: {missing:#?}", lang.code());
        }
    }

    /// The English catalogue says what the doc comments of `cli.rs` say, so English help is the
    /// same from either.
    #[test]
    fn english_help_is_the_doc_comments() {
        fn walk(command: &Command, path: Option<&str>, differ: &mut Vec<String>) {
            let id = |what: &str| match path {
                Some(path) => format!("cli-{path}-{what}"),
                None => format!("cli-{what}"),
            };
            let pairs = [
                (id("about"), command.get_about().map(ToString::to_string)),
                (id("examples"), command.get_after_help().map(ToString::to_string)),
            ];
            for (key, derived) in pairs {
                if let (Some(derived), Some(said)) = (derived, Lang::En.lookup(&key))
                    && derived != said
                {
                    differ.push(format!("{key}:\n  {derived:?}\n  {said:?}"));
                }
            }
            for arg in command.get_arguments() {
                let name = arg.get_id().as_str();
                let said = path
                    .and_then(|p| Lang::En.lookup(&format!("cli-{p}-{name}")))
                    .or_else(|| Lang::En.lookup(&format!("cli-arg-{name}")));
                if let (Some(derived), Some(said)) = (arg.get_help().map(ToString::to_string), said)
                    && !matches!(name, "help" | "version")
                    && derived != said
                {
                    differ.push(format!("{name} of {path:?}:\n  {derived:?}\n  {said:?}"));
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, Some(sub.get_name()), differ);
            }
        }
        let mut differ = Vec::new();
        walk(&Cli::command(), None, &mut differ);
        assert!(differ.is_empty(), "locales/en/cli.ftl and src/cli.rs differ:\n{}", differ.join("\n"));
    }

    #[test]
    fn the_language_is_known_before_parsing() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let none = |_: &str| None;
        assert_eq!(lang(&args(&["plan", "--lang", "ru", "list", "--help"]), none), Lang::Ru);
        assert_eq!(lang(&args(&["plan", "list", "--lang=RU"]), none), Lang::Ru);
        assert_eq!(lang(&args(&["plan", "list", "--", "--lang", "ru"]), none), Lang::En);
        let russian_locale = |key: &str| (key == "LANG").then(|| "ru_RU.UTF-8".to_owned());
        assert_eq!(lang(&args(&["plan", "list"]), russian_locale), Lang::Ru);
        assert_eq!(lang(&args(&["plan", "--lang", "en", "list"]), russian_locale), Lang::En);
        let plan_lang = |key: &str| (key == "PLAN_LANG").then(|| "ru".to_owned());
        assert_eq!(lang(&args(&["plan", "list"]), plan_lang), Lang::Ru);
    }
}
