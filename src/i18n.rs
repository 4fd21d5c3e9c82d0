//! Every user-facing string of our own, in English and Russian.
//!
//! Nothing else in the crate spells out words for people: other modules return data, and the
//! renderers ask this module how to say it. Keeping both languages side by side in one `match`
//! makes a missing translation a compile error.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::error::{Diagnostic, Error, Invalid, Problem, ReadProblem};
use crate::render::style::{Paint, Role};
use crate::when::{DateRange, Recurrence, Schedule, WhenError, WhenErrorKind};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// `--lang` / `PLAN_LANG` when given, else Russian when the locale (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, the first one set) starts with `ru`, else English.
    #[must_use]
    pub fn detect(explicit: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = explicit {
            return lang;
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|key| env(key).filter(|v| !v.is_empty()));
        match locale {
            Some(locale) if locale.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }

    /// Picks the string for this language.
    #[must_use]
    pub fn pick<'a>(self, en: &'a str, ru: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }

    // ----- the plan as a table and a list -----

    /// The three column headings of the document's table.
    #[must_use]
    pub fn table_headers(self) -> [&'static str; 3] {
        match self {
            Lang::En => ["Activity", "Time", "Responsible"],
            Lang::Ru => ["Мероприятия", "Время проведения", "Ответственные"],
        }
    }

    /// The number column heading (Markdown list).
    #[must_use]
    pub fn number_header(self) -> &'static str {
        self.pick("No.", "№")
    }

    /// How the parties that must agree are introduced after the responsible ones.
    #[must_use]
    pub fn agreed_with(self) -> &'static str {
        self.pick("agreed with", "по согласованию с")
    }

    /// The mark on a cancelled activity.
    #[must_use]
    pub fn cancelled_mark(self) -> &'static str {
        self.pick("[cancelled]", "[отменено]")
    }

    /// `status` as a word.
    #[must_use]
    pub fn status(self, status: crate::model::Status) -> &'static str {
        match status {
            crate::model::Status::Planned => self.pick("planned", "запланировано"),
            crate::model::Status::Cancelled => self.pick("cancelled", "отменено"),
        }
    }

    /// `rule` as words.
    #[must_use]
    pub fn rule(self, rule: crate::model::Rule) -> &'static str {
        match rule {
            crate::model::Rule::Rolling => {
                self.pick("rolling (no gap longer than the period)", "скользящее (перерыв не дольше срока)")
            }
            crate::model::Rule::Calendar => {
                self.pick("calendar (in each block of the period)", "календарное (в каждом отрезке срока)")
            }
            crate::model::Rule::Both => self.pick("both rolling and calendar", "и скользящее, и календарное"),
        }
    }

    /// The labels of `plan show`, in the order they are printed.
    #[must_use]
    pub fn show_label(self, field: ShowField) -> &'static str {
        use ShowField as F;
        match field {
            F::Section => self.pick("section", "раздел"),
            F::Id => self.pick("id", "id"),
            F::When => self.pick("when", "время"),
            F::Schedule => self.pick("meaning", "значение"),
            F::Responsible => self.pick("responsible", "ответственные"),
            F::AgreedWith => self.pick("agreed with", "по согласованию с"),
            F::Partner => self.pick("partner", "партнёр"),
            F::Held => self.pick("held", "проведено"),
            F::Planned => self.pick("planned", "запланировано"),
            F::Rule => self.pick("rule", "правило"),
            F::LastBefore => self.pick("last before", "последнее до плана"),
            F::NextDue => self.pick("next due", "следующий срок"),
            F::Status => self.pick("status", "статус"),
            F::Note => self.pick("note", "примечание"),
            F::Location => self.pick("location", "в файле"),
        }
    }

    /// What a schedule means, with exact dates.
    #[must_use]
    pub fn schedule(self, schedule: &Schedule, period: DateRange) -> String {
        match schedule {
            Schedule::Window(ranges) => {
                let ranges: Vec<String> = ranges.iter().map(|r| self.range(*r)).collect();
                ranges.join(", ")
            }
            Schedule::WholePeriod => {
                format!("{} ({})", self.pick("the whole plan period", "весь период плана"), self.range(period))
            }
            Schedule::AsNeeded => {
                self.pick("as needed, no set frequency", "по мере необходимости, без срока").to_owned()
            }
            Schedule::AtLeast(recurrence) => self.recurrence(recurrence),
        }
    }

    /// "at least N times every M months", with "as needed" when marked so.
    #[must_use]
    pub fn recurrence(self, recurrence: &Recurrence) -> String {
        let Recurrence { times, months, as_needed } = *recurrence;
        let rule = match self {
            Lang::En => format!(
                "at least {} every {months} month{}",
                if times == 1 { "once".to_owned() } else { format!("{times} times") },
                if months == 1 { "" } else { "s" }
            ),
            Lang::Ru => format!(
                "не реже {times} {} в {months} {}",
                ru_plural(u64::from(times), "раза", "раз", "раз"),
                ru_plural(u64::from(months), "месяц", "месяца", "месяцев")
            ),
        };
        if as_needed {
            format!("{}, {rule}", self.pick("as needed", "по мере необходимости"))
        } else {
            rule
        }
    }

    /// A date range, as ISO dates.
    #[must_use]
    pub fn range(self, range: DateRange) -> String {
        if range.from == range.to { range.from.to_string() } else { format!("{} – {}", range.from, range.to) }
    }

    /// The headings of `plan parties`.
    #[must_use]
    pub fn parties_headers(self) -> [&'static str; 4] {
        match self {
            Lang::En => ["Party", "Name", "Responsible", "Agrees"],
            Lang::Ru => ["Сторона", "Название", "Отвечает", "Согласует"],
        }
    }

    /// Said on stderr when `--period` lies outside the plan.
    #[must_use]
    pub fn period_outside_plan(self, text: &str, plan: DateRange) -> String {
        match self {
            Lang::En => {
                format!("note: the period `{text}` lies outside the plan ({}); nothing matches", self.range(plan))
            }
            Lang::Ru => {
                format!("примечание: период `{text}` лежит вне периода плана ({}); ничего не найдено", self.range(plan))
            }
        }
    }

    // ----- check -----

    /// The message of a `check` finding (without the location and code).
    #[must_use]
    pub fn finding(self, finding: &crate::check::Finding) -> String {
        use crate::check::What;
        use crate::check::rules::Violation as V;
        let en = self == Lang::En;
        let who = match finding.number {
            Some(number) => format!("{number} «{}»", crate::render::escape_line(&finding.title)),
            None => format!("«{}»", crate::render::escape_line(&finding.title)),
        };
        match &finding.what {
            What::Rule(V::GapExceeded { held, due }) => {
                if en {
                    format!("{who}: held {held}, after its due date {due}")
                } else {
                    format!("{who}: проведено {held}, позже срока {due}")
                }
            }
            What::Rule(V::BlockMissed { from, to, held, needed }) => {
                if en {
                    format!("{who}: {held} of {needed} required meeting(s) held in {from} – {to}")
                } else {
                    format!("{who}: за {from} – {to} проведено {held} из {needed} обязательных")
                }
            }
            What::Rule(V::Overdue { due }) => {
                if en {
                    format!("{who}: overdue, the next meeting was due by {due}")
                } else {
                    format!("{who}: просрочено, следующее заседание нужно было провести до {due}")
                }
            }
            What::Rule(V::DueSoon { due, days }) => {
                if en {
                    format!(
                        "{who}: the next meeting is due by {due} (in {days} day{})",
                        if *days == 1 { "" } else { "s" }
                    )
                } else {
                    format!(
                        "{who}: следующее заседание нужно провести до {due} (через {days} {})",
                        ru_plural(days.unsigned_abs(), "день", "дня", "дней")
                    )
                }
            }
            What::Rule(V::PlannedTooLate { planned, due }) => {
                if en {
                    format!("{who}: planned {planned}, after the due date {due} it should meet")
                } else {
                    format!("{who}: запланировано на {planned}, позже срока {due}")
                }
            }
            What::HeldOutsidePlan { date, plan } => {
                if en {
                    format!("{who}: held {date}, outside the plan period {}", self.range(*plan))
                } else {
                    format!("{who}: проведено {date}, вне периода плана {}", self.range(*plan))
                }
            }
            What::HeldAfterAsOf { date, as_of } => {
                if en {
                    format!("{who}: recorded as held on {date}, after the as-of date {as_of}")
                } else {
                    format!("{who}: отмечено проведённым {date}, позже даты проверки {as_of}")
                }
            }
            What::HeldOutsideWindow { date } => {
                if en {
                    format!("{who}: held {date}, outside its time")
                } else {
                    format!("{who}: проведено {date}, вне своего срока")
                }
            }
            What::NotRecorded { closed } => {
                if en {
                    format!("{who}: its time ended {closed} and nothing is recorded as held")
                } else {
                    format!("{who}: срок истёк {closed}, а проведение не отмечено")
                }
            }
            What::UnusedParty { id } => {
                if en {
                    format!("party `{id}` {who} is not named by any activity")
                } else {
                    format!("сторона `{id}` {who} не указана ни в одном мероприятии")
                }
            }
        }
    }

    /// The word for a severity, as in `error[overdue]`.
    #[must_use]
    pub fn severity(self, severity: crate::check::Severity) -> &'static str {
        match severity {
            crate::check::Severity::Error => self.pick("error", "ошибка"),
            crate::check::Severity::Warning => self.pick("warning", "предупреждение"),
        }
    }

    /// The labels of a rule block in `check`'s text output.
    #[must_use]
    pub fn check_label(self, label: CheckLabel) -> &'static str {
        match label {
            CheckLabel::Rule => self.pick("rule", "правило"),
            CheckLabel::Held => self.pick("held", "проведено"),
            CheckLabel::NextDue => self.pick("next due", "следующий срок"),
            CheckLabel::Status => self.pick("status", "статус"),
            CheckLabel::None => self.pick("none", "нет"),
        }
    }

    /// The closing line of `check`.
    #[must_use]
    pub fn check_summary(self, errors: usize, warnings: usize, as_of: NaiveDate) -> String {
        match self {
            Lang::En if errors + warnings == 0 => format!("ok: no problems (as of {as_of})"),
            Lang::Ru if errors + warnings == 0 => format!("в порядке: замечаний нет (на {as_of})"),
            Lang::En => format!(
                "{errors} error{}, {warnings} warning{} (as of {as_of})",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            ),
            Lang::Ru => format!(
                "{errors} {}, {warnings} {} (на {as_of})",
                ru_plural(errors as u64, "ошибка", "ошибки", "ошибок"),
                ru_plural(warnings as u64, "предупреждение", "предупреждения", "предупреждений")
            ),
        }
    }

    /// Said when the plan has no recurring activity to judge.
    #[must_use]
    pub fn no_rules(self) -> &'static str {
        self.pick("no recurring activities to check", "нет повторяющихся мероприятий для проверки")
    }

    // ----- errors -----

    /// The whole message for an error, starting with `error:`, ready for stderr.
    #[must_use]
    pub fn error(self, error: &Error, color: bool) -> String {
        let paint = Paint::new(color);
        let head = paint.paint(Role::Error, self.pick("error", "ошибка"));
        match error {
            Error::Invalid(invalid) => self.invalid(invalid, paint),
            _ => {
                let (message, help) = self.error_parts(error);
                let mut out = format!("{head}: {message}\n");
                if let Some(help) = help {
                    let _ = writeln!(out, "  = {}: {help}", paint.paint(Role::Help, self.pick("help", "подсказка")));
                }
                out
            }
        }
    }

    fn error_parts(self, error: &Error) -> (String, Option<String>) {
        let en = self == Lang::En;
        match error {
            Error::NoPlanFound { searched_from } => (
                if en {
                    format!("no plan file: no `plans/` folder with a `*.toml` file in `{}` or above it", searched_from.display())
                } else {
                    format!("файл плана не найден: нет папки `plans/` с файлом `*.toml` в `{}` и выше", searched_from.display())
                },
                Some(self.pick(
                    "name the file with `--file PATH` or the `PLAN_FILE` environment variable, or run `plan` inside the plan's repository",
                    "укажите файл через `--file ПУТЬ` или переменную `PLAN_FILE`, или запустите `plan` в репозитории плана",
                ).to_owned()),
            ),
            Error::Read { path, problem } => {
                let path = path.display();
                match problem {
                    ReadProblem::NotFound => (
                        if en { format!("cannot read `{path}`: no such file") } else { format!("не удаётся прочитать `{path}`: нет такого файла") },
                        Some(self.pick("check the path given with `--file` or `PLAN_FILE`", "проверьте путь в `--file` или `PLAN_FILE`").to_owned()),
                    ),
                    ReadProblem::PermissionDenied => (
                        if en { format!("cannot read `{path}`: permission denied") } else { format!("не удаётся прочитать `{path}`: нет прав на чтение") },
                        Some(self.pick("make the file readable (`chmod u+r`)", "дайте права на чтение (`chmod u+r`)").to_owned()),
                    ),
                    ReadProblem::IsDirectory => (
                        if en { format!("cannot read `{path}`: it is a directory, not a plan file") } else { format!("не удаётся прочитать `{path}`: это папка, а не файл плана") },
                        Some(self.pick("name a `.toml` file inside it, such as `plans/2019.toml`", "укажите `.toml`-файл в ней, например `plans/2019.toml`").to_owned()),
                    ),
                    ReadProblem::TooLarge { size, limit } => (
                        if en {
                            format!("`{path}` is too large to be a plan: {size} bytes, the limit is {limit} bytes ({} MiB)", limit >> 20)
                        } else {
                            format!("`{path}` слишком велик для плана: {size} байт, предел {limit} байт ({} МиБ)", limit >> 20)
                        },
                        Some(self.pick("check that this is the right file; split a larger plan by year", "проверьте, тот ли это файл; большой план разделите по годам").to_owned()),
                    ),
                    ReadProblem::Other(io) => (
                        if en { format!("cannot read `{path}`: {io}") } else { format!("не удаётся прочитать `{path}`: {io}") },
                        None,
                    ),
                }
            }
            Error::Invalid(_) => unreachable_invalid(),
            Error::BadPeriod { text, error } => (self.when_error(text, error), self.when_help(error)),
            Error::BadDate { option, text } => (
                if en { format!("`{option} {text}`: not a date") } else { format!("`{option} {text}`: это не дата") },
                Some(self.pick("write the date as YYYY-MM-DD, for example 2019-04-01", "запишите дату как ГГГГ-ММ-ДД, например 2019-04-01").to_owned()),
            ),
            Error::UnknownParty { who, known } => {
                let list: Vec<String> = known.iter().map(|(id, name)| format!("`{id}` ({name})")).collect();
                (
                    if en { format!("no party matches `{who}`") } else { format!("ни одна сторона не подходит под `{who}`") },
                    Some(format!("{}: {}", self.pick("known parties", "известные стороны"), list.join(", "))),
                )
            }
            Error::UnknownSection { query, known } => {
                let list: Vec<String> = known.iter().enumerate().map(|(i, t)| format!("{}. {t}", i + 1)).collect();
                (
                    if en { format!("no section matches `{query}`") } else { format!("ни один раздел не подходит под `{query}`") },
                    Some(format!(
                        "{}:\n      {}",
                        self.pick("give a section number or part of its title", "укажите номер раздела или часть названия"),
                        list.join("\n      ")
                    )),
                )
            }
            Error::UnknownActivity { query, suggestion } => (
                if en { format!("no activity has the id or number `{query}`") } else { format!("нет мероприятия с id или номером `{query}`") },
                Some(match suggestion {
                    Some(s) => format!("{} `{s}`?", self.pick("did you mean", "возможно, имелось в виду")),
                    None => self.pick("`plan list` shows every activity's number", "`plan list` покажет номера всех мероприятий").to_owned(),
                }),
            ),
            Error::Output(io) => (if en { format!("cannot write the output: {io}") } else { format!("не удаётся вывести результат: {io}") }, None),
        }
    }

    fn invalid(self, invalid: &Invalid, paint: Paint) -> String {
        let mut out = String::new();
        // The same advice under every conflict marker or every bad time would bury the messages.
        let mut helped = std::collections::HashSet::new();
        for diagnostic in &invalid.diagnostics {
            let help = self.problem_help(&diagnostic.problem).filter(|help| helped.insert(help.clone()));
            self.diagnostic(&mut out, invalid, diagnostic, help.as_deref(), paint);
        }
        let count = invalid.diagnostics.len();
        if count > 1 {
            let head = paint.paint(Role::Error, self.pick("error", "ошибка"));
            let _ = match self {
                Lang::En => writeln!(out, "{head}: `{}` has {count} problems; nothing was done", invalid.path),
                Lang::Ru => writeln!(
                    out,
                    "{head}: в `{}` {count} {}; ничего не сделано",
                    invalid.path,
                    ru_plural(count as u64, "ошибка", "ошибки", "ошибок")
                ),
            };
        }
        out
    }

    /// One diagnostic: `error: FILE:LINE:COL: message`, the source line, a caret, and help.
    fn diagnostic(
        self,
        out: &mut String,
        invalid: &Invalid,
        diagnostic: &Diagnostic,
        help: Option<&str>,
        paint: Paint,
    ) {
        let pos = invalid.pos(diagnostic);
        let head = paint.paint(Role::Error, self.pick("error", "ошибка"));
        let message = self.problem(&diagnostic.problem);
        let _ = writeln!(out, "{head}: {}:{}:{}: {message}", invalid.path, pos.line, pos.column);
        let line = invalid.index.line_text(&invalid.text, pos.line);
        let number = pos.line.to_string();
        let gutter = " ".repeat(number.len());
        let bar = paint.paint(Role::Gutter, "|");
        let shown = crate::render::escape_line(line);
        let _ = writeln!(out, "{gutter} {bar}");
        let _ = writeln!(out, "{} {bar} {shown}", paint.paint(Role::Gutter, &number));
        // The caret sits under the escaped text, so measure the escaped prefix.
        let prefix: String = line.chars().take(pos.column as usize - 1).collect();
        let indent = unicode_width::UnicodeWidthStr::width(crate::render::escape_line(&prefix).as_ref());
        let width = invalid
            .index
            .caret_width(&invalid.text, &diagnostic.span)
            .min(line.chars().count().saturating_sub(pos.column as usize - 1))
            .max(1);
        let _ = writeln!(out, "{gutter} {bar} {}{}", " ".repeat(indent), paint.paint(Role::Error, &"^".repeat(width)));
        if let Some(help) = help {
            let _ = writeln!(out, "{gutter} = {}: {help}", paint.paint(Role::Help, self.pick("help", "подсказка")));
        }
    }

    /// What is wrong, in one line.
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per problem, each in both languages
    pub fn problem(self, problem: &Problem) -> String {
        let en = self == Lang::En;
        match problem {
            Problem::Empty => self
                .pick(
                    "the file is empty: a plan needs at least a `[plan]` table",
                    "файл пуст: в плане должна быть хотя бы таблица `[plan]`",
                )
                .to_owned(),
            Problem::Binary => self
                .pick(
                    "this is a binary file (it contains a NUL byte), not a TOML plan",
                    "это двоичный файл (в нём есть байт NUL), а не план в TOML",
                )
                .to_owned(),
            Problem::NotUtf8 => self
                .pick("the file is not valid UTF-8 from here on", "с этого места файл не в кодировке UTF-8")
                .to_owned(),
            Problem::MergeConflict { marker } => {
                if en {
                    format!("git merge-conflict marker `{marker}` left in the file")
                } else {
                    format!("в файле остался маркер конфликта слияния git `{marker}`")
                }
            }
            Problem::Syntax { message } => {
                let message = message.lines().next().unwrap_or("").trim_end_matches('.');
                if en { format!("TOML syntax: {message}") } else { format!("синтаксис TOML: {message}") }
            }
            Problem::UnknownKey { key, .. } => {
                if en {
                    format!("unknown key `{key}`")
                } else {
                    format!("неизвестный ключ `{key}`")
                }
            }
            Problem::MissingKey { key } if key == "plan" => {
                self.pick("missing table `[plan]`", "нет таблицы `[plan]`").to_owned()
            }
            Problem::MissingKey { key } => {
                if en {
                    format!("missing key `{key}`")
                } else {
                    format!("не хватает ключа `{key}`")
                }
            }
            Problem::WrongValue { message } => {
                if en {
                    message.clone()
                } else {
                    format!("неверное значение: {message}")
                }
            }
            Problem::MissingYear => self
                .pick(
                    "`[plan]` needs `year`, or both `start` and `end`",
                    "в `[plan]` нужен `year` или оба ключа `start` и `end`",
                )
                .to_owned(),
            Problem::YearOutOfRange { year } => {
                if en {
                    format!("year {year} is out of range")
                } else {
                    format!("год {year} вне допустимого диапазона")
                }
            }
            Problem::StartAfterEnd { start, end } => {
                if en {
                    format!("the plan starts ({start}) after it ends ({end})")
                } else {
                    format!("план начинается ({start}) позже, чем заканчивается ({end})")
                }
            }
            Problem::BadId { id } => {
                if en {
                    format!("`{id}` is not a valid id")
                } else {
                    format!("`{id}` — недопустимый id")
                }
            }
            Problem::UnknownParty { id, .. } => {
                if en {
                    format!("unknown party `{id}`")
                } else {
                    format!("неизвестная сторона `{id}`")
                }
            }
            Problem::DuplicateId { id, first } => {
                if en {
                    format!("duplicate activity id `{id}` (first used on line {})", first.line)
                } else {
                    format!("повторный id мероприятия `{id}` (уже есть в строке {})", first.line)
                }
            }
            Problem::EmptyTitle => self.pick("the title is empty", "пустое название").to_owned(),
            Problem::MissingWhen => self
                .pick(
                    "the activity has no `when`, and its section gives none",
                    "у мероприятия нет `when`, и раздел его не задаёт",
                )
                .to_owned(),
            Problem::MissingResponsible => self
                .pick(
                    "the activity has no `responsible`, and its section gives none",
                    "у мероприятия нет `responsible`, и раздел его не задаёт",
                )
                .to_owned(),
            Problem::BadWhen { text, error } => self.when_error(text, error),
            Problem::WindowOutsidePlan { range, plan } => {
                if en {
                    format!("the time {} lies outside the plan period {}", self.range(*range), self.range(*plan))
                } else {
                    format!("время {} выходит за период плана {}", self.range(*range), self.range(*plan))
                }
            }
            Problem::NotRecurring { key } => {
                if en {
                    format!("`{key}` is only for recurring activities (\"at least once every N months\")")
                } else {
                    format!("`{key}` — только для повторяющихся мероприятий («не реже 1 раза в N месяцев»)")
                }
            }
            Problem::LastBeforeInPlan { date, start } => {
                if en {
                    format!("`last_before` ({date}) must lie before the plan's start ({start})")
                } else {
                    format!("`last_before` ({date}) должен быть раньше начала плана ({start})")
                }
            }
        }
    }

    /// How to fix it, when there is something useful to say.
    #[must_use]
    pub fn problem_help(self, problem: &Problem) -> Option<String> {
        let see = self.pick("see plans/README.md", "см. plans/README.md");
        Some(match problem {
            Problem::Empty | Problem::MissingKey { .. } => format!("{}; {see}", self.pick("start the file with `[plan]` and `title = \"...\"`, `year = 2019`", "начните файл с `[plan]` и `title = \"...\"`, `year = 2019`")),
            Problem::Binary | Problem::NotUtf8 => self.pick("save the plan as UTF-8 text", "сохраните план как текст в UTF-8").to_owned(),
            Problem::MergeConflict { .. } => self.pick(
                "finish the merge: keep the lines you want, delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, then run `plan check`",
                "завершите слияние: оставьте нужные строки, удалите строки `<<<<<<<`, `=======` и `>>>>>>>`, затем запустите `plan check`",
            ).to_owned(),
            Problem::UnknownKey { key, expected } => {
                let nearest = nearest(key, expected.iter().map(String::as_str));
                let list: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                match (nearest, self) {
                    (Some(n), Lang::En) => format!("did you mean `{n}`? Allowed here: {}", list.join(", ")),
                    (Some(n), Lang::Ru) => format!("возможно, имелось в виду `{n}`? Здесь допустимы: {}", list.join(", ")),
                    (None, _) if expected.is_empty() => see.to_owned(),
                    (None, Lang::En) => format!("allowed here: {}", list.join(", ")),
                    (None, Lang::Ru) => format!("здесь допустимы: {}", list.join(", ")),
                }
            }
            Problem::WrongValue { .. } | Problem::Syntax { .. } => see.to_owned(),
            Problem::MissingYear | Problem::YearOutOfRange { .. } => self.pick("add `year = 2019` to `[plan]`", "добавьте `year = 2019` в `[plan]`").to_owned(),
            Problem::StartAfterEnd { .. } => self.pick("swap `start` and `end`", "поменяйте местами `start` и `end`").to_owned(),
            Problem::BadId { .. } => self.pick("ids use lowercase Latin letters, digits and `-`, such as `council-sessions`", "id состоит из строчных латинских букв, цифр и `-`, например `council-sessions`").to_owned(),
            Problem::UnknownParty { id, known } => {
                let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                match nearest(id, known.iter().map(String::as_str)) {
                    Some(n) => format!("{} `{n}`? {}: {}", self.pick("did you mean", "возможно, имелось в виду"), self.pick("known parties", "известные стороны"), list.join(", ")),
                    None => format!("{}: {}; {}", self.pick("known parties", "известные стороны"), list.join(", "), self.pick("or add it under `[parties.ID]`", "или добавьте её в `[parties.ID]`")),
                }
            }
            Problem::DuplicateId { .. } => self.pick("give each activity its own id, or remove one", "дайте каждому мероприятию свой id или уберите повтор").to_owned(),
            Problem::EmptyTitle => self.pick("write the title between the quotes", "впишите название в кавычки").to_owned(),
            Problem::MissingWhen => self.pick("add `when = \"апрель\"` (or another time) to the activity or its section", "добавьте `when = \"апрель\"` (или другое время) мероприятию или разделу").to_owned(),
            Problem::MissingResponsible => self.pick("add `responsible = [\"party-id\"]` to the activity or its section", "добавьте `responsible = [\"id-стороны\"]` мероприятию или разделу").to_owned(),
            Problem::BadWhen { error, .. } => return self.when_help(error),
            Problem::WindowOutsidePlan { .. } => self.pick("fix the time, or widen the plan's `start`/`end`", "исправьте время или расширьте `start`/`end` плана").to_owned(),
            Problem::NotRecurring { key } => {
                if self == Lang::En { format!("remove `{key}`, or make `when` a recurrence") } else { format!("уберите `{key}` или задайте в `when` периодичность") }
            }
            Problem::LastBeforeInPlan { .. } => self.pick("a meeting inside the plan period goes in `held`", "заседание внутри периода плана записывается в `held`").to_owned(),
        })
    }

    /// Why a time expression was refused.
    #[must_use]
    pub fn when_error(self, text: &str, error: &WhenError) -> String {
        let en = self == Lang::En;
        let text = crate::render::escape_line(text);
        match &error.kind {
            WhenErrorKind::Empty => self.pick("the time is empty", "время не указано").to_owned(),
            WhenErrorKind::Unknown => {
                if en {
                    format!("unknown time expression `{text}`")
                } else {
                    format!("непонятное время `{text}`")
                }
            }
            WhenErrorKind::InvalidDate => {
                if en {
                    format!("`{text}` contains a date that does not exist")
                } else {
                    format!("в `{text}` есть несуществующая дата")
                }
            }
            WhenErrorKind::Reversed { from, to } => {
                if en {
                    format!("the range `{text}` runs backwards ({from} is after {to})")
                } else {
                    format!("диапазон `{text}` идёт в обратную сторону ({from} позже {to})")
                }
            }
            WhenErrorKind::RecurrenceOnlyInFile => {
                if en {
                    format!("`{text}` is a recurrence; a period to search needs dates or months")
                } else {
                    format!("`{text}` — периодичность; для поиска нужен период: месяцы или даты")
                }
            }
            WhenErrorKind::RelativeOnlyOnCommandLine => {
                if en {
                    format!("`{text}` is relative to today; the file needs a fixed time")
                } else {
                    format!("`{text}` зависит от сегодняшней даты; в файле нужно точное время")
                }
            }
            WhenErrorKind::ZeroCount => {
                if en {
                    format!("`{text}`: the count and the months must be at least 1")
                } else {
                    format!("`{text}`: число раз и месяцев должно быть не меньше 1")
                }
            }
        }
    }

    /// The suggestion, or the accepted forms.
    #[must_use]
    pub fn when_help(self, error: &WhenError) -> Option<String> {
        if let Some(suggestion) = &error.suggestion {
            return Some(format!("{} `{suggestion}`?", self.pick("did you mean", "возможно, имелось в виду")));
        }
        match error.kind {
            WhenErrorKind::Reversed { .. } => Some(
                self.pick(
                    "write the earlier month first: `июнь – сентябрь`",
                    "сначала ранний месяц: `июнь – сентябрь`",
                )
                .to_owned(),
            ),
            WhenErrorKind::InvalidDate => Some(
                self.pick(
                    "check the day and month; dates are written 2019-04-21 or 21.04.2019",
                    "проверьте день и месяц; даты пишутся 2019-04-21 или 21.04.2019",
                )
                .to_owned(),
            ),
            _ => Some(format!(
                "{}: {}",
                self.pick("accepted forms", "допустимые формы"),
                self.pick(ACCEPTED_EN, ACCEPTED_RU)
            )),
        }
    }
}

const ACCEPTED_EN: &str = "`апрель`, `april`, `2019-04`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; \
`весь период`, `all year`; `2019-04-21`, `21.04.2019`, `2019-04-01..2019-04-15`; lists `апрель, октябрь`; \
in the file also `не реже 1-го раза в 6 месяцев`, `every 6 months`, `по мере необходимости`; on the command line also `this month`, `next quarter`, `today` (see plans/README.md)";
const ACCEPTED_RU: &str = "`апрель`, `april`, `2019-04`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; \
`весь период`, `all year`; `2019-04-21`, `21.04.2019`, `2019-04-01..2019-04-15`; списки `апрель, октябрь`; \
в файле также `не реже 1-го раза в 6 месяцев`, `every 6 months`, `по мере необходимости`; в командной строке также `этот месяц`, `следующий квартал`, `сегодня` (см. plans/README.md)";

/// The labels of a rule block in `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum CheckLabel {
    Rule,
    Held,
    NextDue,
    Status,
    None,
}

/// The fields of `plan show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ShowField {
    Section,
    Id,
    When,
    Schedule,
    Responsible,
    AgreedWith,
    Partner,
    Held,
    Planned,
    Rule,
    LastBefore,
    NextDue,
    Status,
    Note,
    Location,
}

/// The Russian plural form for `n`: 1 раз, 2 раза, 5 раз (one, few, many).
#[must_use]
pub fn ru_plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    }
}

/// The candidate closest to `word` when it is a plausible typo of it.
#[must_use]
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .map(|c| (strsim::damerau_levenshtein(&word, &c.to_lowercase()), c))
        .filter(|&(distance, c)| distance <= 2.max(c.chars().count() / 4) && distance < c.chars().count())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

/// Dates in messages are ISO in both languages: they are what the file holds.
#[must_use]
pub fn date(date: NaiveDate) -> String {
    date.to_string()
}

fn unreachable_invalid() -> (String, Option<String>) {
    // `error` renders `Invalid` itself, with the source lines; this arm exists for completeness.
    (String::new(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_follows_the_last_digits() {
        let forms: Vec<&str> =
            [1, 2, 5, 11, 12, 21, 22, 25, 111].iter().map(|&n| ru_plural(n, "раз", "раза", "раз_")).collect();
        assert_eq!(forms, ["раз", "раза", "раз_", "раз_", "раз_", "раз", "раза", "раз_", "раз_"]);
    }

    #[test]
    fn locale_decides_the_language_unless_given() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Lang::detect(None, env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(Lang::detect(None, env(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")])), Lang::En);
        assert_eq!(Lang::detect(None, env(&[("LC_ALL", ""), ("LC_MESSAGES", "ru_RU")])), Lang::Ru);
        assert_eq!(Lang::detect(Some(Lang::En), env(&[("LANG", "ru_RU.UTF-8")])), Lang::En);
        assert_eq!(Lang::detect(None, env(&[])), Lang::En);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["responsible", "agreed_with", "title"];
        assert_eq!(nearest("responsable", keys.into_iter()), Some("responsible"));
        assert_eq!(nearest("colour", keys.into_iter()), None);
    }
}
