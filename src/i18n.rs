//! Every user-facing string of our own, in English and Russian.
//!
//! Nothing else in the crate spells out words for people: other modules return data, and the
//! renderers ask this module how to say it. Keeping both languages side by side in one `match`
//! makes a missing translation a compile error.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::error::{DateFault, Diagnostic, Error, Expected, Found, Invalid, Problem, ReadProblem};
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
        let message = self.finding_message(finding);
        match &finding.recorded_in {
            Some(file) => self.recorded_in(&message, file),
            None => message,
        }
    }

    fn finding_message(self, finding: &crate::check::Finding) -> String {
        use crate::check::What;
        use crate::check::rules::Violation as V;
        let en = self == Lang::En;
        let who = match finding.number {
            Some(number) => format!("{number} «{}»", crate::render::escape_line(&finding.title)),
            None => format!("«{}»", crate::render::escape_line(&finding.title)),
        };
        match &finding.what {
            What::Rule(v @ (V::GapExceeded { .. } | V::BlockMissed { .. } | V::Overdue { .. })) => {
                format!("{who}: {}", self.breach(v).unwrap_or_default())
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
            What::PlannedPassed { date } => self.planned_passed(&who, *date),
            What::LastBeforeMismatch { last_before, held, file } => {
                self.last_before_mismatch(&who, *last_before, *held, file)
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

    // ----- timeline, export, report -----

    /// The language's code, for `<html lang>`.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.pick("en", "ru")
    }

    /// A month's three-letter abbreviation (`month` from 1 to 12), for the timeline's header.
    #[must_use]
    pub fn month_abbr(self, month: u32) -> &'static str {
        const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        const RU: [&str; 12] = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
        let index = (month.clamp(1, 12) - 1) as usize;
        self.pick(EN[index], RU[index])
    }

    /// What a mark of the timeline means, for its legend.
    #[must_use]
    pub fn timeline_mark(self, mark: TimelineMark) -> &'static str {
        match mark {
            TimelineMark::Window => self.pick("its time", "срок"),
            TimelineMark::Ongoing => self.pick("ongoing", "постоянно"),
            TimelineMark::Held => self.pick("held", "проведено"),
            TimelineMark::Planned => self.pick("planned", "запланировано"),
            TimelineMark::Due => self.pick("next due", "следующий срок"),
            TimelineMark::Cancelled => self.pick("cancelled", "отменено"),
        }
    }

    /// "as of DATE", for the timeline's legend and the report's title.
    #[must_use]
    pub fn as_of(self, date: NaiveDate) -> String {
        match self {
            Lang::En => format!("as of {date}"),
            Lang::Ru => format!("на {date}"),
        }
    }

    /// What a calendar event stands for, written after the activity's number and title.
    #[must_use]
    pub fn calendar_event(self, event: CalendarEvent) -> &'static str {
        match event {
            CalendarEvent::Held => self.pick("held", "проведено"),
            CalendarEvent::Planned => self.pick("planned", "запланировано"),
            CalendarEvent::Due => self.pick("next meeting due", "срок следующего заседания"),
        }
    }

    /// The heading of the fulfilment report.
    #[must_use]
    pub fn report_title(self) -> &'static str {
        self.pick("Fulfilment report", "Отчёт о выполнении плана")
    }

    /// What became of an activity, as one word or two.
    #[must_use]
    pub fn outcome(self, outcome: crate::report::Outcome) -> &'static str {
        use crate::report::Outcome as O;
        match outcome {
            O::Held => self.pick("held", "проведено"),
            O::Planned => self.pick("planned", "запланировано"),
            O::NotRecorded => self.pick("not recorded", "не отмечено"),
            O::Cancelled => self.pick("cancelled", "отменено"),
            O::Open => self.pick("open", "не завершено"),
        }
    }

    /// The labels of an activity's lines in the text report.
    #[must_use]
    pub fn report_label(self, label: ReportLabel) -> &'static str {
        match label {
            ReportLabel::Outcome => self.pick("outcome", "итог"),
            ReportLabel::When => self.pick("when", "время"),
            ReportLabel::Held => self.pick("held", "проведено"),
            ReportLabel::Planned => self.pick("planned", "запланировано"),
            ReportLabel::Meetings => self.pick("meetings", "заседания"),
            ReportLabel::NextDue => self.pick("next due", "следующий срок"),
            ReportLabel::Note => self.pick("note", "примечание"),
            ReportLabel::Total => self.pick("Total", "Итого"),
        }
    }

    /// The column headings of the report as a table (Markdown and HTML).
    #[must_use]
    pub fn report_headers(self) -> [&'static str; 4] {
        match self {
            Lang::En => ["Activity", "Time", "Outcome", "Details"],
            Lang::Ru => ["Мероприятие", "Время проведения", "Итог", "Подробности"],
        }
    }

    /// Why an activity is `not recorded`: when its time ended, with nothing held.
    #[must_use]
    pub fn not_recorded(self, closed: NaiveDate) -> String {
        match self {
            Lang::En => format!("its time ended {closed}"),
            Lang::Ru => format!("срок истёк {closed}"),
        }
    }

    /// Meetings held against meetings required so far.
    #[must_use]
    pub fn meetings_tally(self, held: usize, required: u64, as_of: NaiveDate) -> String {
        match self {
            Lang::En => format!("{held} held, {required} required by {as_of}"),
            Lang::Ru => format!("проведено {held}, требовалось к {as_of}: {required}"),
        }
    }

    /// The report's closing count of activities by outcome.
    #[must_use]
    pub fn report_totals(self, totals: &crate::report::Totals) -> String {
        let parts = totals.by_outcome().map(|(outcome, count)| match self {
            Lang::En => format!("{count} {}", self.outcome(outcome)),
            Lang::Ru => format!("{} {count}", self.outcome(outcome)),
        });
        let n = totals.activities;
        match self {
            Lang::En => format!("{n} activit{}: {}", if n == 1 { "y" } else { "ies" }, parts.join(", ")),
            Lang::Ru => format!(
                "{n} {}: {}",
                ru_plural(n as u64, "мероприятие", "мероприятия", "мероприятий"),
                parts.join(", ")
            ),
        }
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
                // Paths, command-line text and titles quoted in messages may hold control characters.
                let message = clip_quoted(&crate::render::escape_line(&message));
                let mut out = format!("{head}: {message}\n");
                if let Some(help) = help.as_deref().map(|help| clip_quoted(&crate::render::escape_block(help))) {
                    let _ = writeln!(out, "  = {}: {help}", paint.paint(Role::Help, self.pick("help", "подсказка")));
                }
                out
            }
        }
    }

    // One arm per error: splitting the match would only scatter it.
    #[allow(clippy::too_many_lines)]
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
                    ReadProblem::NotAFile => self.not_a_file(&path.to_string()),
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
            Error::NotARepository => (
                self.pick("not inside a git repository", "это не git-репозиторий").to_owned(),
                Some(self.pick("run `plan hook --install` in the repository that keeps `plans/`", "запустите `plan hook --install` в репозитории с папкой `plans/`").to_owned()),
            ),
            Error::HookExists { path } => (
                if en { format!("`{}` already exists", path.display()) } else { format!("`{}` уже существует", path.display()) },
                Some(self.pick("add `--force` to replace it, or merge `plan hook`'s output into it by hand", "добавьте `--force`, чтобы заменить его, или допишите вывод `plan hook` в него вручную").to_owned()),
            ),
            Error::HookWrite { path, source } => (
                if en { format!("cannot write `{}`: {source}", path.display()) } else { format!("не удаётся записать `{}`: {source}", path.display()) },
                None,
            ),
            Error::NotADate { .. }
            | Error::Refused { .. }
            | Error::CannotEdit { .. }
            | Error::EditBroke { .. }
            | Error::ChangedOnDisk { .. }
            | Error::Write { .. }
            | Error::OutputExists { .. }
            | Error::YearNotAfter { .. }
            | Error::TimesDoNotFit { .. } => self.record_error_parts(error),
            Error::OutputIsPlan { path } => self.output_is_plan(&path.display().to_string()),
            Error::LoneCarriageReturn { path, line } => self.lone_carriage_return(path, *line),
            Error::Output(io) => (if en { format!("cannot write the output: {io}") } else { format!("не удаётся вывести результат: {io}") }, None),
            Error::BinaryToTerminal { format } => self.binary_to_terminal(format),
            Error::Import { .. } | Error::ImportExists { .. } => self.import_error_parts(error),
        }
    }

    fn invalid(self, invalid: &Invalid, paint: Paint) -> String {
        let mut out = String::new();
        let path = crate::render::escape_line(&invalid.path);
        // The same advice under every conflict marker or every bad time would bury the messages.
        let mut helped = std::collections::HashSet::new();
        // A file with thousands of mistakes (a list pasted in the wrong place, a file that is not a
        // plan) is told by its first ones and a count, not by pages of messages.
        for diagnostic in invalid.diagnostics.iter().take(DIAGNOSTICS_SHOWN) {
            let help = self.problem_help(&diagnostic.problem).filter(|help| helped.insert(help.clone()));
            self.diagnostic(&mut out, invalid, diagnostic, help.as_deref(), paint);
        }
        let count = invalid.diagnostics.len();
        if count > 1 {
            let head = paint.paint(Role::Error, self.pick("error", "ошибка"));
            let shown = DIAGNOSTICS_SHOWN.min(count);
            let _ = match self {
                Lang::En if count > shown => {
                    writeln!(out, "{head}: `{path}` has {count} problems, the first {shown} shown; nothing was done")
                }
                Lang::Ru if count > shown => writeln!(
                    out,
                    "{head}: в `{path}` {count} {}, показаны первые {shown}; ничего не сделано",
                    ru_plural(count as u64, "ошибка", "ошибки", "ошибок")
                ),
                Lang::En => writeln!(out, "{head}: `{path}` has {count} problems; nothing was done"),
                Lang::Ru => writeln!(
                    out,
                    "{head}: в `{path}` {count} {}; ничего не сделано",
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
        use crate::render::escape_line;
        let pos = invalid.pos(diagnostic);
        let head = paint.paint(Role::Error, self.pick("error", "ошибка"));
        // Keys, ids and values quoted from the file may hold control characters.
        let message = self.problem(&diagnostic.problem);
        let message = clip_quoted(&escape_line(&message));
        let path = escape_line(&invalid.path);
        let _ = writeln!(out, "{head}: {path}:{}:{}: {message}", pos.line, pos.column);
        let line = invalid.index.line_text(&invalid.text, pos.line);
        let number = pos.line.to_string();
        let gutter = " ".repeat(number.len());
        let bar = paint.paint(Role::Gutter, "|");
        // A long line (a binary file may have one of megabytes) is shown only around the mistake,
        // marked `…` where it is cut; widths are measured after escaping.
        let width = |text: &str| unicode_width::UnicodeWidthStr::width(escape_line(text).as_ref());
        let char_width = |c: char| width(c.encode_utf8(&mut [0; 4]));
        let at = line.char_indices().nth(pos.column as usize - 1).map_or(line.len(), |(i, _)| i);
        let (mut start, mut end, mut used) = (at, at, 0);
        for (budget, backwards) in [(SOURCE_SHOWN / 3, true), (SOURCE_SHOWN, false), (SOURCE_SHOWN, true)] {
            let chars: Box<dyn Iterator<Item = char>> =
                if backwards { Box::new(line[..start].chars().rev()) } else { Box::new(line[end..].chars()) };
            for c in chars {
                let w = char_width(c);
                if used + w > budget {
                    break;
                }
                used += w;
                if backwards { start -= c.len_utf8() } else { end += c.len_utf8() }
            }
        }
        let (before, after) = (if start > 0 { "…" } else { "" }, if end < line.len() { "…" } else { "" });
        let _ = writeln!(out, "{gutter} {bar}");
        let _ = writeln!(
            out,
            "{} {bar} {before}{}{after}",
            paint.paint(Role::Gutter, &number),
            escape_line(&line[start..end])
        );
        // The caret sits under the escaped text, so measure the escaped prefix.
        let indent = usize::from(start > 0) + width(&line[start..at]);
        let shown = line[at..end].chars().count();
        let carets = invalid.index.caret_width(&invalid.text, &diagnostic.span).min(shown).max(1);
        let _ = writeln!(out, "{gutter} {bar} {}{}", " ".repeat(indent), paint.paint(Role::Error, &"^".repeat(carets)));
        if let Some(help) = help.map(|help| clip_quoted(&escape_line(help))) {
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
            Problem::Utf16 => self
                .pick(
                    "the file is saved as UTF-16 (\"Unicode\"), not as UTF-8",
                    "файл сохранён в UTF-16 («Юникод»), а не в UTF-8",
                )
                .to_owned(),
            Problem::WrongType { key, found, expected } => match (key, self) {
                (Some(key), Lang::En) => {
                    format!("`{key}` takes {}, not {}", self.expected(expected), self.found(found))
                }
                (Some(key), Lang::Ru) => {
                    format!("в `{key}` ожидается {}, а не {}", self.expected(expected), self.found(found))
                }
                (None, Lang::En) => format!("expected {}, found {}", self.expected(expected), self.found(found)),
                (None, Lang::Ru) => format!("ожидается {}, а не {}", self.expected(expected), self.found(found)),
            },
            Problem::QuotedDate { written, .. } => {
                if en {
                    format!("the date `{written}` is in quotes, so TOML reads it as text")
                } else {
                    format!("дата `{written}` в кавычках, и TOML читает её как текст")
                }
            }
            Problem::DateWithTime { text } => {
                if en {
                    format!("`{text}` has a time of day; only a date is recorded here")
                } else {
                    format!("в `{text}` указано время; здесь записывается только дата")
                }
            }
            Problem::UnknownValue { value, .. } => {
                if en {
                    format!("`{value}` is not one of the values allowed here")
                } else {
                    format!("`{value}` — недопустимое здесь значение")
                }
            }
            Problem::BadDate { text, fault } => match (fault, self) {
                (DateFault::NoSuchMonth(month), Lang::En) => {
                    format!("`{text}` is not a date: there is no month {month}")
                }
                (DateFault::NoSuchMonth(month), Lang::Ru) => format!("`{text}` — не дата: месяца {month} не бывает"),
                (DateFault::NoSuchDay { year, month, days }, Lang::En) => {
                    format!("`{text}` is not a date: {} {year} has {days} days", MONTHS_EN[(*month as usize - 1) % 12])
                }
                (DateFault::NoSuchDay { year, month, days }, Lang::Ru) => format!(
                    "`{text}` — не дата: в {} {year} года {days} {}",
                    MONTHS_RU_IN[(*month as usize - 1) % 12],
                    ru_plural(u64::from(*days), "день", "дня", "дней")
                ),
                (DateFault::Form, Lang::En) => format!("`{text}` is not a valid date"),
                (DateFault::Form, Lang::Ru) => format!("`{text}` — неправильная дата"),
            },
            Problem::DuplicateKey { key } => {
                if en {
                    format!("`{key}` is given twice")
                } else {
                    format!("`{key}` указан дважды")
                }
            }
            Problem::UnclosedString => self
                .pick("the text in quotes is not closed on this line", "текст в кавычках не закрыт в этой строке")
                .to_owned(),
            Problem::UnquotedText => self.pick("text must be in quotes", "текст должен быть в кавычках").to_owned(),
            Problem::TooDeep => {
                self.pick("brackets are nested too deeply", "скобки вложены слишком глубоко").to_owned()
            }
            Problem::BadEscape => self
                .pick(
                    "`\\` in quoted text starts an escape such as `\\n`, and this one is not valid",
                    "`\\` в тексте в кавычках начинает знак вроде `\\n`, а такого нет",
                )
                .to_owned(),
            Problem::MissingEquals => self
                .pick("a key must be followed by `=` and a value", "после ключа должны идти `=` и значение")
                .to_owned(),
            Problem::MissingValue => self.pick("the value after `=` is missing", "после `=` нет значения").to_owned(),
            Problem::MissingComma => {
                self.pick("a comma is missing between two items", "между двумя элементами нет запятой").to_owned()
            }
            Problem::Unclosed { closing } => {
                if en {
                    format!("a bracket is not closed: `{closing}` is missing")
                } else {
                    format!("скобка не закрыта: не хватает `{closing}`")
                }
            }
            Problem::TrailingText => {
                self.pick("unexpected text after the value", "лишний текст после значения").to_owned()
            }
            Problem::BadKey => self
                .pick(
                    "a key without quotes may have only Latin letters, digits, `-` and `_`",
                    "ключ без кавычек может содержать только латинские буквы, цифры, `-` и `_`",
                )
                .to_owned(),
            Problem::ControlCharacter { code } => {
                if en {
                    format!("an invisible control character (U+{code:04X}, shown as `\\u{{{code:x}}}`) is in the file")
                } else {
                    format!("в файле невидимый управляющий символ (U+{code:04X}, показан как `\\u{{{code:x}}}`)")
                }
            }
            Problem::NotTomlDate { written, .. } => self.not_toml_date(written),
        }
    }

    /// What a key takes, for [`Problem::WrongType`].
    fn expected(self, expected: &Expected) -> String {
        match expected {
            Expected::Text => self.pick("text in quotes", "текст в кавычках").to_owned(),
            Expected::WholeNumber => self.pick("a whole number", "целое число").to_owned(),
            Expected::List => self.pick("a list in square brackets", "список в квадратных скобках").to_owned(),
            Expected::Table => self.pick("a table", "таблица").to_owned(),
            Expected::Date => self.pick("a date such as 2019-03-14", "дата вида 2019-03-14").to_owned(),
            Expected::Other(other) => other.clone(),
        }
    }

    /// What stood there instead, for [`Problem::WrongType`].
    fn found(self, found: &Found) -> String {
        match (found, self) {
            (Found::Text(text), Lang::En) => format!("the text `{text}`"),
            (Found::Text(text), Lang::Ru) => format!("текст `{text}`"),
            (Found::Number(number), Lang::En) => format!("the number `{number}`"),
            (Found::Number(number), Lang::Ru) => format!("число `{number}`"),
            (Found::Date(date), Lang::En) => format!("the date `{date}`"),
            (Found::Date(date), Lang::Ru) => format!("дата `{date}`"),
            (Found::Boolean(value), _) => format!("`{value}`"),
            (Found::List, _) => self.pick("a list", "список").to_owned(),
            (Found::Table, _) => self.pick("a table", "таблица").to_owned(),
            (Found::Other(other), _) => other.clone(),
        }
    }

    /// How to fix it, when there is something useful to say.
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per problem, each in both languages
    pub fn problem_help(self, problem: &Problem) -> Option<String> {
        let see = self.pick("see plans/README.md", "см. plans/README.md");
        Some(match problem {
            Problem::MissingKey { key } if key == "on" => self.pick(
                "a meeting with a note is written `{ on = 2019-03-14, note = \"...\" }`",
                "заседание с примечанием пишется `{ on = 2019-03-14, note = \"...\" }`",
            ).to_owned(),
            Problem::MissingKey { key } if key != "plan" => {
                if self == Lang::En { format!("add `{key} = ...` to this table; {see}") } else { format!("добавьте в эту таблицу `{key} = ...`; {see}") }
            }
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
            Problem::Utf16 => self.pick(
                "save it again as UTF-8 (in Notepad: File → Save As → Encoding: UTF-8)",
                "сохраните его заново в UTF-8 (в Блокноте: Файл → Сохранить как → Кодировка: UTF-8)",
            ).to_owned(),
            Problem::WrongType { expected: Expected::List, found: Found::Table, .. } => self.pick(
                "sections and activities are lists of tables, written with double brackets: `[[section]]`, `[[section.activity]]`",
                "разделы и мероприятия — списки таблиц, они пишутся в двойных скобках: `[[section]]`, `[[section.activity]]`",
            ).to_owned(),
            Problem::WrongType { expected: Expected::Table, found: Found::List, .. } => self.pick(
                "a table is written with single brackets: `[plan]`, `[parties.presidium]`",
                "таблица пишется в одинарных скобках: `[plan]`, `[parties.presidium]`",
            ).to_owned(),
            Problem::WrongType { key, expected, .. } => {
                let key = key.as_deref();
                let example = match (expected, key) {
                    (Expected::Text, key) => format!("`{} = \"...\"`", key.unwrap_or("title")),
                    (Expected::WholeNumber, key) => format!("`{} = 2019`", key.unwrap_or("year")),
                    (Expected::List, Some(key @ ("held" | "planned"))) => format!("`{key} = [2019-03-14]`"),
                    (Expected::List, Some(key @ ("aliases" | "responsible" | "agreed_with"))) => format!("`{key} = [\"presidium\"]`"),
                    (Expected::List, key) => format!("`{} = [\"...\"]`", key.unwrap_or("responsible")),
                    (Expected::Date, key) => format!("`{} = 2019-03-14`", key.unwrap_or("start")),
                    (Expected::Table | Expected::Other(_), _) => return Some(see.to_owned()),
                };
                let how = match expected {
                    Expected::Text => self.pick("put the text in double quotes", "возьмите текст в двойные кавычки"),
                    Expected::WholeNumber => self.pick("write the number without quotes", "напишите число без кавычек"),
                    Expected::List => self.pick("put the values in square brackets, even a single one", "возьмите значения в квадратные скобки, даже одно"),
                    _ => self.pick("write dates without quotes, as YYYY-MM-DD", "пишите даты без кавычек, в виде ГГГГ-ММ-ДД"),
                };
                format!("{how}: {example}")
            }
            Problem::QuotedDate { date, .. } => {
                if self == Lang::En { format!("write the date without quotes: `{date}`") } else { format!("напишите дату без кавычек: `{date}`") }
            }
            Problem::DateWithTime { .. } => self.pick(
                "write the date alone, without quotes, as YYYY-MM-DD: `2019-03-14`",
                "напишите только дату, без кавычек, в виде ГГГГ-ММ-ДД: `2019-03-14`",
            ).to_owned(),
            Problem::BadDate { .. } => self.pick(
                "write a date that exists, as YYYY-MM-DD without quotes: `2019-03-14`",
                "напишите существующую дату в виде ГГГГ-ММ-ДД без кавычек: `2019-03-14`",
            ).to_owned(),
            Problem::UnknownValue { value, expected } => {
                let list: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                match (nearest(value, expected.iter().map(String::as_str)), self) {
                    (Some(n), Lang::En) => format!("did you mean `{n}`? Allowed here: {}", list.join(", ")),
                    (Some(n), Lang::Ru) => format!("возможно, имелось в виду `{n}`? Здесь допустимы: {}", list.join(", ")),
                    (None, Lang::En) => format!("allowed here: {}", list.join(", ")),
                    (None, Lang::Ru) => format!("здесь допустимы: {}", list.join(", ")),
                }
            }
            Problem::DuplicateKey { .. } => self.pick(
                "keep one of them: a key is given once in its table, a `[table]` once in the file (sections and activities repeat as `[[section]]`, `[[section.activity]]`)",
                "оставьте одно: ключ задаётся в таблице один раз, таблица `[...]` — один раз в файле (разделы и мероприятия повторяются как `[[section]]`, `[[section.activity]]`)",
            ).to_owned(),
            Problem::UnclosedString => self.pick(
                "end the text with `\"` on the same line; a quote inside the text is written `\\\"`, a line break `\\n`",
                "закончите текст знаком `\"` в той же строке; кавычка внутри текста пишется `\\\"`, перенос строки — `\\n`",
            ).to_owned(),
            Problem::UnquotedText => self.pick("put the text in double quotes: `title = \"...\"`", "возьмите текст в двойные кавычки: `title = \"...\"`").to_owned(),
            Problem::TooDeep => self.pick(
                "a plan needs no more than two levels of `[` or `{`: look for brackets that are not closed",
                "плану нужно не больше двух уровней `[` или `{`: проверьте, все ли скобки закрыты",
            ).to_owned(),
            Problem::BadEscape => self.pick(
                "write a backslash as `\\\\`, or put the text in single quotes: `partner = 'C:\\plans'`",
                "пишите обратную косую черту как `\\\\` или возьмите текст в одинарные кавычки: `partner = 'C:\\plans'`",
            ).to_owned(),
            Problem::MissingEquals => self.pick(
                "write `key = value`, one to a line: `title = \"...\"`; a comment starts with `#`",
                "пишите `ключ = значение`, по одному в строке: `title = \"...\"`; комментарий начинается с `#`",
            ).to_owned(),
            Problem::MissingValue => self.pick(
                "write the value after `=`: text in quotes, a date, a number or a list `[...]`",
                "напишите значение после `=`: текст в кавычках, дату, число или список `[...]`",
            ).to_owned(),
            Problem::MissingComma => self.pick(
                "separate the items with commas and close the list: `[\"presidium\", \"branch\"]`",
                "разделите элементы запятыми и закройте список: `[\"presidium\", \"branch\"]`",
            ).to_owned(),
            Problem::Unclosed { closing } => {
                if self == Lang::En { format!("add `{closing}` where the list or table ends") } else { format!("добавьте `{closing}` там, где кончается список или таблица") }
            }
            Problem::TrailingText => self.pick(
                "one `key = value` to a line, with no comma after it; a quote inside text is written `\\\"`, a comment starts with `#`",
                "одна пара `ключ = значение` в строке, без запятой после неё; кавычка внутри текста пишется `\\\"`, комментарий начинается с `#`",
            ).to_owned(),
            Problem::BadKey => self.pick(
                "the keys are listed in plans/README.md; a table is `[name]`, a key `name = value`",
                "ключи перечислены в plans/README.md; таблица пишется `[имя]`, ключ — `имя = значение`",
            ).to_owned(),
            Problem::ControlCharacter { code } => {
                if self == Lang::En {
                    format!("delete it (such characters come with pasted text); inside quotes it may be written `\\u{code:04X}`")
                } else {
                    format!("удалите его (такие символы приходят со вставленным текстом); в кавычках его можно записать как `\\u{code:04X}`")
                }
            }
            Problem::NotTomlDate { date, .. } => self.not_toml_date_help(date.as_deref()),
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

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Month names after «в»: в феврале 2019 года.
const MONTHS_RU_IN: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

const ACCEPTED_EN: &str = "`апрель`, `april`, `2019-04`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; \
`весь период`, `all year`; `2019-04-21`, `21.04.2019`, `2019-04-01..2019-04-15`; lists `апрель, октябрь`; \
in the file also `не реже 1-го раза в 6 месяцев`, `every 6 months`, `по мере необходимости`; on the command line also `this month`, `next quarter`, `today` (see plans/README.md)";
const ACCEPTED_RU: &str = "`апрель`, `april`, `2019-04`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; \
`весь период`, `all year`; `2019-04-21`, `21.04.2019`, `2019-04-01..2019-04-15`; списки `апрель, октябрь`; \
в файле также `не реже 1-го раза в 6 месяцев`, `every 6 months`, `по мере необходимости`; в командной строке также `этот месяц`, `следующий квартал`, `сегодня` (см. plans/README.md)";

/// `text` with each part in backticks (text quoted from the file: a key, an id, a time) cut to
/// 60 characters, so that a megabyte-long key makes a message of one readable line.
fn clip_quoted(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::with_capacity(text.len().min(1024));
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        match part.char_indices().nth(MAX) {
            Some((cut, _)) if i % 2 == 1 => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// How many of a file's problems are shown; the rest are counted.
const DIAGNOSTICS_SHOWN: usize = 50;

/// How many characters of a source line an error shows; a longer line is cut around the mistake.
const SOURCE_SHOWN: usize = 120;

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

// ----- timeline, export, report -----

/// The marks of `plan timeline`, named in its legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineMark {
    /// A month inside the activity's window.
    Window,
    /// A whole-period, recurring or as-needed activity.
    Ongoing,
    /// A held date.
    Held,
    /// A planned date.
    Planned,
    /// A recurring activity's next due date.
    Due,
    /// A cancelled activity's time.
    Cancelled,
}

/// The kinds of dated calendar event `plan export ics` writes besides windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalendarEvent {
    /// A held date.
    Held,
    /// A planned date.
    Planned,
    /// A recurring activity's next due date.
    Due,
}

/// The labels of an activity's lines in `plan report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportLabel {
    /// What became of it.
    Outcome,
    /// Its `when`, as written.
    When,
    /// Held dates.
    Held,
    /// Planned dates.
    Planned,
    /// Meetings held against required.
    Meetings,
    /// The next due date and the verdict.
    NextDue,
    /// The activity's note.
    Note,
    /// The closing line.
    Total,
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

// ----- recording and new plans (`held`, `planned`, `cancel`, `new`) -----

impl Lang {
    /// Said on stderr after `--dry-run` printed the diff.
    #[must_use]
    pub fn dry_run(self, path: &str) -> String {
        match self {
            Lang::En => format!("dry run: nothing was written to `{path}`"),
            Lang::Ru => format!("пробный запуск: в `{path}` ничего не записано"),
        }
    }

    /// Said on stderr once `held`, `planned` or `cancel` has written the file. `activity` is as
    /// it was before the change.
    #[must_use]
    pub fn recorded(self, path: &str, activity: &crate::model::Activity, change: &crate::edit::Change) -> String {
        use crate::edit::Change;
        let en = self == Lang::En;
        let who = format!("{} «{}»", activity.number, crate::render::escape_line(&activity.title));
        let what = match change {
            Change::Held { date, note } => {
                let mut what = if en {
                    format!("recorded as held on {date}")
                } else {
                    format!("отмечено проведённым {date}")
                };
                if let Some(note) = note {
                    let _ = write!(what, " ({})", crate::render::escape_line(note));
                }
                if activity.planned.iter().any(|d| d.date == *date) {
                    what.push_str(self.pick(", moved from planned", ", перенесено из запланированных"));
                }
                what
            }
            Change::Planned { date } => {
                if en {
                    format!("planned for {date}")
                } else {
                    format!("запланировано на {date}")
                }
            }
            Change::Cancel { note } => {
                let mut what = self.pick("marked as cancelled", "отмечено как отменённое").to_owned();
                if let Some(note) = note {
                    let _ = write!(what, " ({})", crate::render::escape_line(note));
                }
                what
            }
            Change::Result { .. } => self.result_recorded().to_owned(),
            Change::LastBefore { date } => self.recorded_last_before(*date),
        };
        format!("{path}: {who}: {what}")
    }

    /// Said on stderr once `plan new` has written the new plan: what it holds, and what was
    /// carried over from the old one.
    #[must_use]
    pub fn created(
        self,
        path: &str,
        source: &str,
        plan: &crate::model::Plan,
        rollover: &crate::rollover::Rollover,
    ) -> String {
        let (sections, activities) = (plan.sections.len(), plan.activity_count());
        let period = self.range(rollover.period);
        let mut out = match self {
            Lang::En => format!(
                "created `{path}` from `{source}`: {sections} {}, {activities} {}, {period}; nothing recorded yet\n",
                if sections == 1 { "section" } else { "sections" },
                if activities == 1 { "activity" } else { "activities" },
            ),
            Lang::Ru => format!(
                "создан `{path}` из `{source}`: {sections} {}, {activities} {}, {period}; проведённых пока нет\n",
                ru_plural(sections as u64, "раздел", "раздела", "разделов"),
                ru_plural(activities as u64, "мероприятие", "мероприятия", "мероприятий"),
            ),
        };
        for (number, date) in &rollover.carried {
            let _ = match self {
                Lang::En => writeln!(out, "  {number} last_before = {date} (its last meeting)"),
                Lang::Ru => writeln!(out, "  {number} last_before = {date} (последнее заседание)"),
            };
        }
        for (place, old, new) in &rollover.moved {
            let place = match place {
                crate::rollover::Place::Section(n) => format!("{} {n}", self.pick("section", "раздел")),
                crate::rollover::Place::Activity(number) => number.to_string(),
            };
            let (old, new) = (crate::render::escape_line(old), crate::render::escape_line(new));
            let _ = writeln!(out, "  {place} when: `{old}` → `{new}`");
        }
        let _ = match self {
            Lang::En => {
                writeln!(out, "review the comments copied from `{source}`, then run `plan --file {path} check`")
            }
            Lang::Ru => writeln!(
                out,
                "проверьте комментарии, скопированные из `{source}`, и запустите `plan --file {path} check`"
            ),
        };
        out
    }

    /// The message and help of the errors of `held`, `planned`, `cancel` and `new`.
    #[allow(clippy::too_many_lines)] // one arm per error, each in both languages
    fn record_error_parts(self, error: &Error) -> (String, Option<String>) {
        let en = self == Lang::En;
        let by_hand =
            self.pick("edit the file by hand (see plans/README.md)", "исправьте файл вручную (см. plans/README.md)");
        match error {
            Error::NotADate { text, no_such_day } => {
                let text = crate::render::escape_line(text);
                let message = match (self, no_such_day) {
                    (Lang::En, true) => format!("`{text}` is not a date: there is no such day"),
                    (Lang::En, false) => format!("`{text}` is not a date"),
                    (Lang::Ru, true) => format!("`{text}` — не дата: такого дня нет"),
                    (Lang::Ru, false) => format!("`{text}` — не дата"),
                };
                let help = self.pick(
                    "write the date as YYYY-MM-DD or DD.MM.YYYY, for example 2019-03-14",
                    "запишите дату как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, например 2019-03-14",
                );
                (message, Some(help.to_owned()))
            }
            Error::Refused { number, title, reason } => {
                let who = format!("{number} «{}»", crate::render::escape_line(title));
                let (why, help) = self.refusal(number, reason);
                let unchanged = self.pick("the file was not changed", "файл не изменён");
                (format!("{who}: {why}; {unchanged}"), help)
            }
            Error::CannotEdit { path, number: Some(number) } => (
                if en {
                    format!(
                        "cannot change activity {number} of `{path}` in place: it is written neither as a `[[section.activity]]` table nor as an inline table in `activity = [...]`; the file was not changed"
                    )
                } else {
                    format!(
                        "не удаётся изменить мероприятие {number} в `{path}` на месте: оно записано не таблицей `[[section.activity]]` и не встроенной таблицей в `activity = [...]`; файл не изменён"
                    )
                },
                Some(by_hand.to_owned()),
            ),
            Error::CannotEdit { path, number: None } => (
                if en {
                    format!(
                        "cannot rewrite `{path}`: it is not laid out as `[plan]`, `[[section]]` and `[[section.activity]]` tables; nothing was written"
                    )
                } else {
                    format!(
                        "не удаётся переписать `{path}`: он не разложен по таблицам `[plan]`, `[[section]]` и `[[section.activity]]`; ничего не записано"
                    )
                },
                Some(by_hand.to_owned()),
            ),
            Error::EditBroke { path, invalid } => {
                let detail = invalid.as_ref().and_then(|invalid| {
                    let diagnostic = invalid.diagnostics.first()?;
                    let pos = invalid.pos(diagnostic);
                    Some(format!(" ({}:{}: {})", pos.line, pos.column, self.problem(&diagnostic.problem)))
                });
                let detail = detail.unwrap_or_default();
                (
                    if en {
                        format!("internal error: the changed `{path}` did not read back as intended{detail}; nothing was written")
                    } else {
                        format!("внутренняя ошибка: изменённый `{path}` читается не так, как задумано{detail}; ничего не записано")
                    },
                    Some(self.pick(
                        "please report this with the plan file; meanwhile edit the file by hand (see plans/README.md)",
                        "пожалуйста, сообщите об этом и приложите файл плана; пока исправьте файл вручную (см. plans/README.md)",
                    ).to_owned()),
                )
            }
            Error::ChangedOnDisk { path } => {
                let path = path.display();
                (
                    if en {
                        format!("`{path}` changed on disk while `plan` was working on it; nothing was written")
                    } else {
                        format!("`{path}` изменился на диске, пока `plan` с ним работал; ничего не записано")
                    },
                    Some(
                        self.pick(
                            "look at the other change (`git diff`), then run the command again",
                            "посмотрите на чужое изменение (`git diff`) и повторите команду",
                        )
                        .to_owned(),
                    ),
                )
            }
            Error::Write { path, error } => {
                let path = path.display();
                (
                    if en {
                        format!("cannot write `{path}`: {error}; nothing was written")
                    } else {
                        format!("не удаётся записать `{path}`: {error}; ничего не записано")
                    },
                    (error.kind() == std::io::ErrorKind::PermissionDenied).then(|| {
                        self.pick(
                            "make the file and its folder writable (`chmod u+w`)",
                            "дайте права на запись файлу и папке (`chmod u+w`)",
                        )
                        .to_owned()
                    }),
                )
            }
            Error::OutputExists { path } => {
                let path = path.display();
                (
                    if en {
                        format!("`{path}` already exists; `plan new` never overwrites a file")
                    } else {
                        format!("`{path}` уже существует; `plan new` не перезаписывает файлы")
                    },
                    Some(
                        self.pick(
                            "name another file with `-o FILE`, or move the existing one away first",
                            "укажите другой файл через `-o ФАЙЛ` или сначала уберите существующий",
                        )
                        .to_owned(),
                    ),
                )
            }
            Error::YearNotAfter { year, path, source } => (
                if en {
                    format!(
                        "the new plan's year {year} must come after that of `{path}`, the plan it starts from ({source})"
                    )
                } else {
                    format!("год нового плана {year} должен быть позже года исходного плана `{path}` ({source})")
                },
                Some(if en {
                    format!("for example `plan new {}`, or name this year's plan with `--from FILE`", source + 1)
                } else {
                    format!("например, `plan new {}`, или укажите план этого года через `--from ФАЙЛ`", source + 1)
                }),
            ),
            Error::TimesDoNotFit { path, year, times } => {
                let list: Vec<String> = times
                    .iter()
                    .map(|time| {
                        let place = match time.activity {
                            Some(activity) => format!("{}.{activity}", time.section),
                            None => format!("{} {}", self.pick("section", "раздел"), time.section),
                        };
                        format!("{place} `{}`", crate::render::escape_line(&time.when))
                    })
                    .collect();
                (
                    if en {
                        format!("these times of `{path}` have no date in {year}: {}; nothing was written", list.join(", "))
                    } else {
                        format!("у этих сроков из `{path}` нет даты в {year} году: {}; ничего не записано", list.join(", "))
                    },
                    Some(self.pick(
                        "`plan new` moves only years written as numbers; change these times in the plan it starts from (or in a copy given with `--from`) and run it again",
                        "`plan new` переносит только годы, записанные числом; измените эти сроки в исходном плане (или в копии, указанной через `--from`) и повторите",
                    ).to_owned()),
                )
            }
            _ => (String::new(), None),
        }
    }

    /// Why a change was refused, and what to do instead.
    fn refusal(self, number: &str, reason: &crate::error::Refusal) -> (String, Option<String>) {
        use crate::error::Refusal as R;
        let en = self == Lang::En;
        let show = || {
            if en {
                format!("`plan show {number}` lists what is recorded")
            } else {
                format!("`plan show {number}` покажет, что записано")
            }
        };
        match reason {
            R::OutsidePlan { date, plan } => (
                if en {
                    format!("{date} lies outside the plan period {}", self.range(*plan))
                } else {
                    format!("{date} вне периода плана {}", self.range(*plan))
                },
                Some(
                    self.pick(
                        "a date of another year belongs in that year's plan (`plan new YEAR` starts one)",
                        "дата другого года записывается в план того года (`plan new ГОД` создаст его)",
                    )
                    .to_owned(),
                ),
            ),
            R::AlreadyHeld { date } => (
                if en {
                    format!("{date} is already recorded as held")
                } else {
                    format!("{date} уже отмечено как проведённое")
                },
                Some(show()),
            ),
            R::AlreadyPlanned { date } => (
                if en {
                    format!("{date} is already planned")
                } else {
                    format!("{date} уже запланировано")
                },
                Some(show()),
            ),
            R::HeldInFuture { date, as_of } => (
                if en {
                    format!(
                        "{date} is after {as_of} (today, or --as-of): a meeting is recorded as held once it has taken place"
                    )
                } else {
                    format!(
                        "{date} позже {as_of} (сегодня или --as-of): проведённым заседание отмечают после того, как оно состоялось"
                    )
                },
                Some(if en {
                    format!("to fix a future date, use `plan planned {number} {date}`")
                } else {
                    format!("чтобы назначить будущую дату, используйте `plan planned {number} {date}`")
                }),
            ),
            R::PlannedInPast { date, as_of } => (
                if en {
                    format!("{date} has already passed ({as_of} is today, or --as-of)")
                } else {
                    format!("{date} уже прошло (сегодня или --as-of: {as_of})")
                },
                Some(if en {
                    format!("if it took place, record it with `plan held {number} {date}`")
                } else {
                    format!("если оно состоялось, отметьте его: `plan held {number} {date}`")
                }),
            ),
            R::Cancelled => (
                self.pick("the activity is cancelled", "мероприятие отменено").to_owned(),
                Some(
                    self.pick(
                        "if it takes place after all, delete its `status = \"cancelled\"` line first",
                        "если оно всё же состоится, сначала удалите строку `status = \"cancelled\"`",
                    )
                    .to_owned(),
                ),
            ),
            R::AlreadyCancelled => (
                self.pick("the activity is already cancelled", "мероприятие уже отменено").to_owned(),
                Some(
                    self.pick(
                        "give `--note TEXT` to change its note",
                        "чтобы изменить примечание, укажите `--note ТЕКСТ`",
                    )
                    .to_owned(),
                ),
            ),
        }
    }
}

// ----- words of issue 14 -----

impl Lang {
    /// Said on stderr once `plan result` has written the file.
    #[must_use]
    pub fn result_recorded(self) -> &'static str {
        self.pick("result recorded", "результат записан")
    }

    /// The first line of the approval block, top right of the plan.
    #[must_use]
    pub fn approved(self) -> &'static str {
        self.pick("APPROVED", "УТВЕРЖДЁН")
    }

    /// The second line of the approval block: «{by} от {ДД.ММ.ГГГГ} № {number}».
    #[must_use]
    pub fn approval_line(self, approval: &crate::model::Approval) -> String {
        let date = self.day(approval.date);
        match self {
            Lang::En => format!("{} of {date}, No. {}", approval.by, approval.number),
            Lang::Ru => format!("{} от {date} № {}", approval.by, approval.number),
        }
    }

    /// The four column headings of the printed plan.
    #[must_use]
    pub fn document_headers(self) -> [&'static str; 4] {
        match self {
            Lang::En => ["No.", "Activities", "Time", "Responsible"],
            Lang::Ru => ["№ п/п", "Мероприятия", "Время проведения", "Ответственные"],
        }
    }

    /// The five column headings of the printed fulfilment report.
    #[must_use]
    pub fn report_document_headers(self) -> [&'static str; 5] {
        match self {
            Lang::En => ["No.", "Activity", "Time", "Responsible", "Fulfilment"],
            Lang::Ru => ["№ п/п", "Мероприятие", "Срок", "Ответственные", "Отметка о выполнении"],
        }
    }

    /// The title of the fulfilment report: «Отчёт о выполнении плана работы … за 2019 год» when
    /// the plan's period is over at `as_of`, else «… за период с 01.01.2019 по 20.11.2019».
    #[must_use]
    pub fn report_document_title(self, plan: &crate::model::Plan, as_of: NaiveDate) -> String {
        let title = plan.title.trim();
        let whole_year = plan.period.from.format("%m-%d").to_string() == "01-01"
            && plan.period.to.format("%m-%d").to_string() == "12-31"
            && plan.period.from.format("%Y").to_string() == plan.period.to.format("%Y").to_string();
        let complete = as_of >= plan.period.to;
        match self {
            Lang::Ru => {
                // "План работы X на 2019 год" → "плана работы X", so that the title reads on.
                let year_suffix = format!(" на {} год", plan.year);
                let core = title.strip_suffix(&year_suffix).unwrap_or(title);
                let object = match core.strip_prefix("План ") {
                    Some(rest) => format!("плана {rest}"),
                    None => format!("плана «{core}»"),
                };
                let span = if complete && whole_year {
                    format!("за {} год", plan.year)
                } else {
                    let to = if complete { plan.period.to } else { as_of };
                    format!("за период с {} по {}", self.day(plan.period.from), self.day(to))
                };
                format!("Отчёт о выполнении {object} {span}")
            }
            Lang::En => {
                let span = if complete && whole_year {
                    format!("for {}", plan.year)
                } else {
                    let to = if complete { plan.period.to } else { as_of };
                    format!("for the period {} to {}", plan.period.from, to)
                };
                format!("Fulfilment report {span}: {title}")
            }
        }
    }

    /// The outcome as the report's «Отметка о выполнении» column writes it.
    #[must_use]
    pub fn fulfilment(self, outcome: crate::report::Outcome) -> &'static str {
        use crate::report::Outcome as O;
        match outcome {
            O::Held => self.pick("done", "выполнено"),
            O::NotRecorded => self.pick("not done", "не выполнено"),
            O::Cancelled => self.pick("cancelled", "отменено"),
            O::Planned => self.pick("scheduled", "запланировано"),
            O::Open => self.pick("in progress", "в работе"),
        }
    }

    /// The labels of what was done, under the outcome.
    #[must_use]
    pub fn fulfilment_label(self, label: FulfilmentLabel) -> &'static str {
        match label {
            FulfilmentLabel::Held => self.pick("held", "проведено"),
            FulfilmentLabel::Planned => self.pick("scheduled for", "назначено на"),
            FulfilmentLabel::Result => self.pick("result", "результат"),
            FulfilmentLabel::Reason => self.pick("reason", "причина"),
            FulfilmentLabel::Note => self.pick("note", "примечание"),
            FulfilmentLabel::TimeEnded => self.pick("its time ended", "срок истёк"),
            FulfilmentLabel::Responsible => self.pick("who", "ответственные"),
        }
    }

    /// The heading of the meetings part of the report.
    #[must_use]
    pub fn charter_heading(self) -> &'static str {
        self.pick(
            "Meetings of the governing bodies against the charter",
            "Заседания руководящих органов в сравнении с требованиями устава",
        )
    }

    /// The columns of the meetings table.
    #[must_use]
    pub fn charter_headers(self) -> [&'static str; 5] {
        match self {
            Lang::En => ["No.", "Body and rule", "Held", "Required", "Breaches"],
            Lang::Ru => ["№ п/п", "Орган и требование", "Проведено", "Требуется", "Нарушения"],
        }
    }

    /// When a rule was kept.
    #[must_use]
    pub fn no_breaches(self) -> &'static str {
        self.pick("none", "нет")
    }

    /// The heading of the totals.
    #[must_use]
    pub fn totals_heading(self) -> &'static str {
        self.pick("Totals", "Итоги")
    }

    /// The last row of the totals.
    #[must_use]
    pub fn totals_all(self) -> &'static str {
        self.pick("Activities in all", "Всего мероприятий")
    }

    /// `export docx` or `report --format docx` to a terminal: the message and the help.
    #[must_use]
    pub fn binary_to_terminal(self, format: &str) -> (String, Option<String>) {
        match self {
            Lang::En => (
                format!("a .{format} file is not for the terminal"),
                Some(format!("write it to a file with `-o FILE`, or redirect the output: `> plan.{format}`")),
            ),
            Lang::Ru => (
                format!("файл .{format} не выводится в терминал"),
                Some(format!("запишите его в файл (`-o ФАЙЛ`) или перенаправьте вывод: `> plan.{format}`")),
            ),
        }
    }
}

// ----- words of issue 11 -----

impl Lang {
    /// A date in running text: ISO in English, ДД.ММ.ГГГГ in Russian.
    #[must_use]
    pub fn day(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.to_string(),
            Lang::Ru => date.format("%d.%m.%Y").to_string(),
        }
    }

    /// `1 day`, `3 days`; `1 день`, `3 дня`, `5 дней`.
    #[must_use]
    pub fn days(self, n: i64) -> String {
        let abs = n.unsigned_abs();
        match self {
            Lang::En => format!("{n} day{}", if abs == 1 { "" } else { "s" }),
            Lang::Ru => format!("{n} {}", ru_plural(abs, "день", "дня", "дней")),
        }
    }

    /// A breach of a frequency rule, explained: which meeting or block, the due date, the days late.
    /// `None` for what is not a breach (due soon, a plan).
    #[must_use]
    pub fn breach(self, violation: &crate::check::rules::Violation) -> Option<String> {
        use crate::check::rules::Violation as V;
        let en = self == Lang::En;
        Some(match *violation {
            V::GapExceeded { held, due } => {
                let late = self.days((held - due).num_days());
                if en {
                    format!("the meeting of {} came {late} late: it was due by {}", self.day(held), self.day(due))
                } else {
                    format!("заседание {} проведено с опозданием на {late}: срок был {}", self.day(held), self.day(due))
                }
            }
            V::Overdue { due, days } => {
                let late = self.days(days);
                if en {
                    format!("overdue by {late}: the next meeting was due by {}", self.day(due))
                } else {
                    format!("просрочено на {late}: следующее заседание нужно было провести до {}", self.day(due))
                }
            }
            V::BlockMissed { from, to, held, needed } => {
                if en {
                    format!(
                        "{held} of {needed} required meeting{} held in the block {} – {} (due by {})",
                        if needed == 1 { "" } else { "s" },
                        self.day(from),
                        self.day(to),
                        self.day(to)
                    )
                } else {
                    format!(
                        "за период {} – {} проведено {held} из {needed} обязательных (срок {})",
                        self.day(from),
                        self.day(to),
                        self.day(to)
                    )
                }
            }
            V::DueSoon { .. } | V::PlannedTooLate { .. } => return None,
        })
    }

    /// `planned-passed`: a planned date went by with nothing recorded.
    #[must_use]
    pub fn planned_passed(self, who: &str, date: NaiveDate) -> String {
        match self {
            Lang::En => format!("{who}: planned for {}, which has passed, and not recorded as held", self.day(date)),
            Lang::Ru => {
                format!("{who}: было запланировано на {}, дата прошла, а проведение не отмечено", self.day(date))
            }
        }
    }

    /// `last-before-mismatch`: `last_before` and the earlier plan's last held date disagree.
    #[must_use]
    pub fn last_before_mismatch(self, who: &str, last_before: NaiveDate, held: NaiveDate, file: &str) -> String {
        let file = crate::render::escape_line(file);
        match self {
            Lang::En => format!(
                "{who}: last_before is {}, but {file} records the last meeting on {}; the series counts from {}",
                self.day(last_before),
                self.day(held),
                self.day(held)
            ),
            Lang::Ru => format!(
                "{who}: last_before = {}, но в {file} последнее заседание отмечено {}; серия считается от {}",
                self.day(last_before),
                self.day(held),
                self.day(held)
            ),
        }
    }

    /// In the report: planned dates that passed with nothing recorded as held.
    #[must_use]
    pub fn planned_but_passed(self, dates: &str) -> String {
        match self {
            Lang::En => format!("{dates} (passed, not recorded as held)"),
            Lang::Ru => format!("{dates} (дата прошла, проведение не отмечено)"),
        }
    }

    /// A finding about a date recorded in another plan of the series, naming its file.
    #[must_use]
    pub fn recorded_in(self, message: &str, file: &str) -> String {
        let file = crate::render::escape_line(file);
        match self {
            Lang::En => format!("{message} (recorded in {file})"),
            Lang::Ru => format!("{message} (записано в {file})"),
        }
    }

    /// `check` with an as-of date before the plan's start: said plainly, never "no problems".
    /// The date is written ДД.ММ.ГГГГ in both languages, as the spec words the message.
    #[must_use]
    pub fn plan_not_started(self, start: NaiveDate) -> String {
        let start = start.format("%d.%m.%Y");
        match self {
            Lang::En => format!("the plan starts on {start}: nothing is due yet"),
            Lang::Ru => format!("план начинается {start}: сроков ещё нет"),
        }
    }

    /// On stderr when the folder holds several plans: which one was taken, and why.
    #[must_use]
    pub fn plan_in_force(self, path: &str, as_of: NaiveDate, plans: usize, why: crate::config::InForce) -> String {
        use crate::config::InForce;
        let path = crate::render::escape_line(path);
        let on = self.day(as_of);
        match (self, why) {
            (Lang::En, InForce::Holds) => format!("note: reading {path}, the plan in force on {on} (of {plans} plans)"),
            (Lang::En, InForce::EndedBefore) => {
                format!("note: reading {path}, the last plan to end before {on} (of {plans} plans)")
            }
            (Lang::En, InForce::StartsFirst) => {
                format!(
                    "note: reading {path}, the first plan to start, since none has started by {on} (of {plans} plans)"
                )
            }
            (Lang::Ru, InForce::Holds) => {
                format!("примечание: читаю {path} — план, действующий на {on} (планов в папке: {plans})")
            }
            (Lang::Ru, InForce::EndedBefore) => {
                format!("примечание: читаю {path} — последний план, закончившийся до {on} (планов в папке: {plans})")
            }
            (Lang::Ru, InForce::StartsFirst) => format!(
                "примечание: читаю {path} — первый по началу план: ни один не начался к {on} (планов в папке: {plans})"
            ),
        }
    }

    /// What `plan held` tells at once: the date recorded is later than its due date.
    #[must_use]
    pub fn held_late(self, due: NaiveDate, days: i64) -> String {
        let late = self.days(days);
        match self {
            Lang::En => format!(
                "warning: this meeting is {late} late: it was due by {} (check will report gap-exceeded)",
                self.day(due)
            ),
            Lang::Ru => format!(
                "предупреждение: заседание проведено с опозданием на {late}: срок был {} (check сообщит gap-exceeded)",
                self.day(due)
            ),
        }
    }

    /// What `plan held` tells at once: the date recorded lies outside the activity's time.
    #[must_use]
    pub fn held_outside_time(self, date: NaiveDate, when: &str) -> String {
        let when = crate::render::escape_line(when);
        match self {
            Lang::En => format!(
                "warning: {} lies outside its time «{when}» (check will report held-outside-window)",
                self.day(date)
            ),
            Lang::Ru => {
                format!("предупреждение: {} — вне срока «{when}» (check сообщит held-outside-window)", self.day(date))
            }
        }
    }

    /// What `plan held` says when a date before the plan's start became `last_before`.
    #[must_use]
    pub fn held_as_last_before(self, date: NaiveDate, start: NaiveDate) -> String {
        match self {
            Lang::En => format!(
                "note: {} is before the plan's start {}, so it is recorded as last_before, the meeting that starts the clock",
                self.day(date),
                self.day(start)
            ),
            Lang::Ru => format!(
                "примечание: {} — раньше начала плана {}, поэтому дата записана в last_before, от неё отсчитываются сроки",
                self.day(date),
                self.day(start)
            ),
        }
    }

    /// How `plan held` words a date recorded as `last_before`.
    #[must_use]
    pub fn recorded_last_before(self, date: NaiveDate) -> String {
        match self {
            Lang::En => format!("recorded as last_before = {date}"),
            Lang::Ru => format!("записано last_before = {}", self.day(date)),
        }
    }

    /// What `plan held` says when a date before the plan's start is not later than `last_before`.
    #[must_use]
    pub fn held_before_last_before(self, date: NaiveDate, last_before: NaiveDate) -> String {
        match self {
            Lang::En => format!(
                "note: {} is before the plan's start and not later than last_before {}; nothing to change",
                self.day(date),
                self.day(last_before)
            ),
            Lang::Ru => format!(
                "примечание: {} — раньше начала плана и не позже last_before {}; менять нечего",
                self.day(date),
                self.day(last_before)
            ),
        }
    }
}

// ----- words of issue 12 -----

impl Lang {
    /// `--file` names a FIFO, a socket or a device.
    fn not_a_file(self, path: &str) -> (String, Option<String>) {
        match self {
            Lang::En => (
                format!("cannot read `{path}`: it is not a regular file (a pipe, a socket or a device)"),
                Some("name the plan's `.toml` file itself, such as `plans/2019.toml`".to_owned()),
            ),
            Lang::Ru => (
                format!("не удаётся прочитать `{path}`: это не обычный файл (канал, сокет или устройство)"),
                Some("укажите сам `.toml`-файл плана, например `plans/2019.toml`".to_owned()),
            ),
        }
    }

    /// A plan with old-Mac line ends cannot be edited in place.
    fn lone_carriage_return(self, path: &str, line: usize) -> (String, Option<String>) {
        match self {
            Lang::En => (
                format!(
                    "cannot change `{path}`: line {line} ends with a lone carriage return (CR), not LF or CRLF; the file was not changed"
                ),
                Some(
                    "convert the line ends to LF, for example `mac2unix FILE` or `sed -i 's/\\r/\\n/g' FILE`"
                        .to_owned(),
                ),
            ),
            Lang::Ru => (
                format!(
                    "не удаётся изменить `{path}`: строка {line} заканчивается одиночным возвратом каретки (CR), а не LF или CRLF; файл не изменён"
                ),
                Some(
                    "переведите концы строк в LF, например `mac2unix ФАЙЛ` или `sed -i 's/\\r/\\n/g' ФАЙЛ`".to_owned(),
                ),
            ),
        }
    }

    /// `export -o` / `report -o` would overwrite a plan.
    fn output_is_plan(self, path: &str) -> (String, Option<String>) {
        match self {
            Lang::En => (
                format!("`{path}` is a plan file (it has a `[plan]` table); `-o` never overwrites a plan"),
                Some("write the output to another file, such as `plan-2019.ics`".to_owned()),
            ),
            Lang::Ru => (
                format!("`{path}` — файл плана (в нём есть таблица `[plan]`); `-o` не перезаписывает план"),
                Some("запишите результат в другой файл, например `plan-2019.ics`".to_owned()),
            ),
        }
    }
}

/// The labels of [`Lang::fulfilment_label`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FulfilmentLabel {
    Held,
    Planned,
    Result,
    Reason,
    Note,
    TimeEnded,
    Responsible,
}

// ----- words of issue 15 -----

/// `1 table`, `2 tables`.
fn en_noun(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `7 sections, 23 activities, 4 parties`, in English.
fn en_counts(sections: usize, activities: usize, parties: usize) -> String {
    format!(
        "{}, {}, {}",
        en_noun(sections, "section", "sections"),
        en_noun(activities, "activity", "activities"),
        en_noun(parties, "party", "parties")
    )
}

impl Lang {
    /// What stopped `plan import`, and how to fix it.
    // One arm per problem, each a message and its advice in two languages.
    #[allow(clippy::too_many_lines)]
    fn import_error_parts(self, error: &Error) -> (String, Option<String>) {
        use crate::import::Problem;
        let en = self == Lang::En;
        let save_again = || {
            Some(
                self.pick(
                    "open it in Word or LibreOffice Writer and save it as «Word Document (.docx)», then import that file",
                    "откройте его в Word или LibreOffice Writer, сохраните как «Документ Word (.docx)» и импортируйте этот файл",
                )
                .to_owned(),
            )
        };
        let (path, problem) = match error {
            Error::ImportExists { path } => {
                let path = path.display();
                return (
                    if en {
                        format!("`{path}` already exists; `plan import` never overwrites a file")
                    } else {
                        format!("`{path}` уже существует; `plan import` не перезаписывает файлы")
                    },
                    Some(
                        self.pick(
                            "name another file with `-o FILE`, or move the existing one away first",
                            "укажите другой файл через `-o ФАЙЛ` или сначала уберите существующий",
                        )
                        .to_owned(),
                    ),
                );
            }
            Error::Import { path, problem } => (path.display(), problem),
            _ => return (String::new(), None),
        };
        match problem {
            Problem::NotFound => (
                if en { format!("cannot read `{path}`: no such file") } else { format!("не удаётся прочитать `{path}`: нет такого файла") },
                Some(self.pick("check the path of the .docx file", "проверьте путь к файлу .docx").to_owned()),
            ),
            Problem::Unreadable { detail } => (
                if en { format!("cannot read `{path}`: {detail}") } else { format!("не удаётся прочитать `{path}`: {detail}") },
                Some(self.pick("name a readable .docx file", "укажите доступный для чтения файл .docx").to_owned()),
            ),
            Problem::TooLarge { size, limit } => (
                if en {
                    format!("`{path}` is too large to be a plan document: {size} bytes, the limit is {limit} bytes ({} MiB)", limit >> 20)
                } else {
                    format!("`{path}` слишком велик для документа с планом: {size} байт, предел {limit} байт ({} МиБ)", limit >> 20)
                },
                Some(self.pick(
                    "check that this is the right file; pictures make a document large: save a copy without them and import that",
                    "проверьте, тот ли это файл; размер дают рисунки: сохраните копию без них и импортируйте её",
                ).to_owned()),
            ),
            Problem::NotAZip => (
                if en {
                    format!("`{path}` is not a .docx file: a .docx is a zip archive, and this file is not one")
                } else {
                    format!("`{path}` — не файл .docx: .docx — это zip-архив, а этот файл им не является")
                },
                save_again(),
            ),
            Problem::OtherFormat { format } => {
                use crate::import::Format;
                let (en_name, ru_name) = match format {
                    Format::Doc => ("an old Word 97–2003 document (.doc)", "старый документ Word 97–2003 (.doc)"),
                    Format::Odt => ("an OpenDocument text (.odt)", "текст OpenDocument (.odt)"),
                    Format::Pdf => ("a PDF", "PDF"),
                    Format::Rtf => ("an RTF document", "документ RTF"),
                };
                (
                    if en {
                        format!("`{path}` is {en_name}, not a .docx")
                    } else {
                        format!("`{path}` — {ru_name}, а не .docx")
                    },
                    match format {
                        Format::Pdf => Some(self.pick(
                            "a PDF keeps no table to read: open the document the PDF was made from and save it as «Word Document (.docx)»",
                            "в PDF нет таблицы, которую можно прочитать: откройте документ, из которого сделан PDF, и сохраните его как «Документ Word (.docx)»",
                        ).to_owned()),
                        Format::Doc | Format::Odt | Format::Rtf => Some(if en {
                            format!("open it in Word or LibreOffice Writer and save it as «Word Document (.docx)», or convert it without opening: `soffice --headless --convert-to docx {path}`; then import the .docx")
                        } else {
                            format!("откройте его в Word или LibreOffice Writer и сохраните как «Документ Word (.docx)» или преобразуйте, не открывая: `soffice --headless --convert-to docx {path}`; затем импортируйте .docx")
                        }),
                    },
                )
            }
            Problem::NoDocumentPart => (
                if en {
                    format!("`{path}` is a zip archive but not a Word document: it has no `word/document.xml`")
                } else {
                    format!("`{path}` — zip-архив, но не документ Word: в нём нет `word/document.xml`")
                },
                save_again(),
            ),
            Problem::TooManyEntries { count, limit } => (
                if en {
                    format!("`{path}` holds {count} files inside; a Word document holds a few dozen, the limit is {limit}")
                } else {
                    format!("в `{path}` {count} вложенных файлов; в документе Word их несколько десятков, предел {limit}")
                },
                save_again(),
            ),
            Problem::Bomb { entry, limit } => (
                if en {
                    format!("`{path}`: `{entry}` unpacks to more than {limit} bytes ({} MiB), far more than any plan's text; refused (a zip bomb?)", limit >> 20)
                } else {
                    format!("`{path}`: `{entry}` распаковывается больше чем в {limit} байт ({} МиБ), намного больше текста любого плана; отказано (zip-бомба?)", limit >> 20)
                },
                Some(self.pick(
                    "check where the file came from; a document saved by Word imports as it is",
                    "проверьте, откуда этот файл; документ, сохранённый в Word, импортируется как есть",
                ).to_owned()),
            ),
            Problem::Unpack { detail } => (
                if en { format!("`{path}` cannot be unpacked: {detail}") } else { format!("`{path}` не удаётся распаковать: {detail}") },
                save_again(),
            ),
            Problem::Dtd => (
                if en {
                    format!("`{path}`: its XML declares a DTD (`<!DOCTYPE`), which Word never writes; refused, as its entities could expand without bound (\"billion laughs\")")
                } else {
                    format!("`{path}`: его XML объявляет DTD (`<!DOCTYPE`), чего Word никогда не делает; отказано: сущности DTD могут разрастись без предела («billion laughs»)")
                },
                save_again(),
            ),
            Problem::Entity { text } => (
                if en {
                    format!("`{path}`: `word/document.xml` uses the undefined entity `{text}`")
                } else {
                    format!("`{path}`: в `word/document.xml` неизвестная сущность `{text}`")
                },
                save_again(),
            ),
            Problem::BadXml { line, column, detail } => (
                if en {
                    format!("`{path}`: `word/document.xml` is broken at line {line}, column {column}: {detail}")
                } else {
                    format!("`{path}`: `word/document.xml` повреждён, строка {line}, столбец {column}: {detail}")
                },
                save_again(),
            ),
            Problem::NoPlanTable { tables, first_rows } => {
                let message = if en {
                    format!("`{path}` has no table with the columns «Мероприятия», «Время проведения», «Ответственные» ({} in the document)", en_noun(*tables, "table", "tables"))
                } else {
                    format!("в `{path}` нет таблицы со столбцами «Мероприятия», «Время проведения», «Ответственные» (таблиц в документе: {tables})")
                };
                let mut help = self.pick(
                    "the plan must be a table whose heading row names these three columns (a «№ п/п» column may come first); name them so in Word and import again",
                    "план должен быть таблицей, в строке заголовков которой названы эти три столбца (перед ними может быть «№ п/п»); назовите их так в Word и повторите импорт",
                ).to_owned();
                if !first_rows.is_empty() {
                    help.push_str(self.pick("; the tables found start with:", "; найденные таблицы начинаются с:"));
                    for row in first_rows {
                        let _ = write!(help, "\n      {row}");
                    }
                }
                (message, Some(help))
            }
            Problem::TooManyRows { rows, limit } => (
                if en {
                    format!("`{path}`: the plan's table has {rows} rows, the limit is {limit}")
                } else {
                    format!("`{path}`: в таблице плана {rows} строк, предел {limit}")
                },
                Some(self.pick(
                    "a work plan has tens of rows: check that this is the right document, or split the table into several documents",
                    "в плане работы десятки строк: проверьте, тот ли это документ, или разделите таблицу на несколько документов",
                ).to_owned()),
            ),
        }
    }

    /// Where an import guess is and what it is: `строка 7, «Время проведения»: …`.
    #[must_use]
    pub fn import_guess(self, guess: &crate::import::Guess) -> String {
        use crate::import::Column;
        let lang = self;
        let mut place = Vec::new();
        if let Some(row) = guess.row {
            place.push(match lang {
                Lang::En => format!("row {row}"),
                Lang::Ru => format!("строка {row}"),
            });
        }
        if let Some((column, role)) = guess.column {
            let [activity, time, responsible] = Lang::Ru.table_headers();
            let heading = match role {
                Column::Activity => activity,
                Column::Time => time,
                Column::Responsible => responsible,
            };
            place.push(match lang {
                Lang::En => format!("column {column} «{heading}»"),
                Lang::Ru => format!("столбец {column} «{heading}»"),
            });
        }
        let what = self.import_guess_what(&guess.kind);
        if place.is_empty() { what } else { format!("{}: {what}", place.join(", ")) }
    }

    // One arm per kind of guess, each in two languages.
    #[allow(clippy::too_many_lines)]
    fn import_guess_what(self, kind: &crate::import::GuessKind) -> String {
        use crate::import::{GuessKind, PLACEHOLDER_WHEN};
        let lang = self;
        let en = lang == Lang::En;
        match kind {
            GuessKind::NoYear { year } => {
                if en {
                    format!("no year in the title above the table; {year} taken from the as-of date")
                } else {
                    format!("в заголовке над таблицей нет года; взят {year} (по дате --as-of)")
                }
            }
            GuessKind::BadWhen { text, reason } => {
                let reason = self.import_when_fault(text, reason);
                if en {
                    format!("the time «{text}» does not read ({reason}); «{PLACEHOLDER_WHEN}» written in its place")
                } else {
                    format!("время «{text}» не читается ({reason}); вместо него записано «{PLACEHOLDER_WHEN}»")
                }
            }
            GuessKind::NoTime { items } => {
                if en {
                    format!("no time for {}; «{PLACEHOLDER_WHEN}» written", en_noun(*items, "item", "items"))
                } else {
                    format!("у пунктов ({items}) нет времени проведения; записано «{PLACEHOLDER_WHEN}»")
                }
            }
            GuessKind::Mismatch { items, times, extra } => {
                let extra = if extra.is_empty() { String::new() } else { format!(" ({})", extra.join("; ")) };
                if en {
                    format!(
                        "{} but {}{extra}: paired in order, unpaired items get «{PLACEHOLDER_WHEN}»",
                        en_noun(*items, "item", "items"),
                        en_noun(*times, "time", "times")
                    )
                } else {
                    format!(
                        "пунктов {items}, а времён {times}{extra}: сопоставлены по порядку, пунктам без времени записано «{PLACEHOLDER_WHEN}»"
                    )
                }
            }
            GuessKind::NoResponsible => {
                if en {
                    format!("no responsible party; «{}» written", crate::import::PLACEHOLDER_PARTY)
                } else {
                    format!("ответственные не указаны; записано «{}»", crate::import::PLACEHOLDER_PARTY)
                }
            }
            GuessKind::Joined { text } => {
                if en {
                    format!("«{text}» continues the activity above (a page break): joined to it")
                } else {
                    format!("«{text}» продолжает мероприятие выше (разрыв страницы): присоединено к нему")
                }
            }
            GuessKind::Hyphen { written, read } => {
                if en {
                    format!("«{written}» read as «{read}»")
                } else {
                    format!("«{written}» прочитано как «{read}»")
                }
            }
            GuessKind::ShortName { written, name } => {
                if en {
                    format!("«{written}» taken as «{name}»")
                } else {
                    format!("«{written}» принято за «{name}»")
                }
            }
            GuessKind::Ambiguous { written, candidates } => {
                let list = candidates.iter().map(|c| format!("«{c}»")).collect::<Vec<_>>().join(", ");
                if en {
                    format!("«{written}» could be any of {list}; the first was taken")
                } else {
                    format!("«{written}» может означать {list}; взято первое")
                }
            }
            GuessKind::NoSection => {
                if en {
                    format!(
                        "activities before any section row: put in a section «{}»",
                        crate::import::PLACEHOLDER_SECTION
                    )
                } else {
                    format!(
                        "мероприятия до первой строки раздела: помещены в раздел «{}»",
                        crate::import::PLACEHOLDER_SECTION
                    )
                }
            }
            GuessKind::NoActivity { text } => {
                if en {
                    format!("a row with «{text}» but no activity: left out")
                } else {
                    format!("строка с «{text}», но без мероприятия: пропущена")
                }
            }
            GuessKind::Unmarked { items } => {
                if en {
                    format!(
                        "{items} paragraphs without list marks, each read as an activity (is it one activity over several lines?)"
                    )
                } else {
                    format!(
                        "{items} абзаца без маркеров списка, каждый прочитан как мероприятие (не одно ли это мероприятие в несколько строк?)"
                    )
                }
            }
        }
    }

    /// Why a time of an imported plan was not taken as written.
    fn import_when_fault(self, text: &str, fault: &crate::import::WhenFault) -> String {
        match fault {
            crate::import::WhenFault::Grammar(error) => {
                let mut reason = self.when_error(text, error);
                if let Some(suggestion) = &error.suggestion {
                    let _ = write!(reason, "{} «{suggestion}»?", self.pick("; did you mean", "; возможно,"));
                }
                reason
            }
            crate::import::WhenFault::OutsideYear(year) => match self {
                Lang::En => format!("outside {year}, the plan's year"),
                Lang::Ru => format!("вне {year} года, года плана"),
            },
        }
    }

    /// Said on stderr after `plan import`: what was read, the parties to review, the guesses. Text
    /// from the document is escaped (control and bidi characters shown, never sent raw).
    #[must_use]
    pub fn imported(self, source: &str, target: Option<&str>, draft: &crate::import::Draft, notes: bool) -> String {
        let mut out = String::new();
        for line in self.imported_raw(source, target, draft, notes).lines() {
            out.push_str(&crate::render::escape_line(line));
            out.push('\n');
        }
        out
    }

    fn imported_raw(self, source: &str, target: Option<&str>, draft: &crate::import::Draft, notes: bool) -> String {
        let en = self == Lang::En;
        let mut out = String::new();
        let activities: usize = draft.sections.iter().map(|s| s.activities.len()).sum();
        let sections = draft.sections.len();
        let mut guesses: Vec<&crate::import::Guess> = draft.all_guesses().collect();
        // In the order of the document, whichever part of the file each was written to.
        guesses.sort_by_key(|g| (g.row, g.column.map(|(column, _)| column)));
        // A guess about a row of several items is written at each of them, and told once.
        guesses.dedup();
        for guess in &guesses {
            let _ = writeln!(out, "{source}: {}: {}", self.pick("check", "проверьте"), self.import_guess(guess));
        }
        if !notes {
            return out;
        }
        let _ = match (self, target) {
            (Lang::En, Some(target)) => {
                writeln!(
                    out,
                    "wrote `{target}` from `{source}`: {}",
                    en_counts(sections, activities, draft.parties.len())
                )
            }
            (Lang::En, None) => {
                writeln!(out, "read `{source}`: {}", en_counts(sections, activities, draft.parties.len()))
            }
            (Lang::Ru, Some(target)) => writeln!(
                out,
                "записан `{target}` из `{source}`: {sections} {}, {activities} {}, {} {}",
                ru_plural(sections as u64, "раздел", "раздела", "разделов"),
                ru_plural(activities as u64, "мероприятие", "мероприятия", "мероприятий"),
                draft.parties.len(),
                ru_plural(draft.parties.len() as u64, "сторона", "стороны", "сторон"),
            ),
            (Lang::Ru, None) => writeln!(
                out,
                "прочитан `{source}`: {sections} {}, {activities} {}, {} {}",
                ru_plural(sections as u64, "раздел", "раздела", "разделов"),
                ru_plural(activities as u64, "мероприятие", "мероприятия", "мероприятий"),
                draft.parties.len(),
                ru_plural(draft.parties.len() as u64, "сторона", "стороны", "сторон"),
            ),
        };
        let _ = writeln!(
            out,
            "{}",
            self.pick(
                "parties made from the names in the table (review the ids):",
                "стороны из имён в таблице (проверьте id):"
            )
        );
        for party in &draft.parties {
            let aliases = if party.aliases.is_empty() {
                String::new()
            } else {
                format!(
                    " ({} {})",
                    self.pick("also written", "также"),
                    party.aliases.iter().map(|a| format!("«{a}»")).collect::<Vec<_>>().join(", ")
                )
            };
            let _ = writeln!(out, "  {:<24} {}{aliases}", party.id, party.name);
        }
        if !guesses.is_empty() {
            let count = guesses.len();
            let _ = if en {
                writeln!(
                    out,
                    "{} marked `# проверьте:` in the file; review them, then `plan check`",
                    en_noun(count, "guess", "guesses")
                )
            } else {
                writeln!(
                    out,
                    "{count} {} `# проверьте:` в файле; проверьте их, затем `plan check`",
                    ru_plural(count as u64, "место отмечено", "места отмечены", "мест отмечено")
                )
            };
        }
        out
    }
}

// ----- words of issue 13b -----

impl Lang {
    /// A date written `24.10.2019` in the file, which TOML cannot read.
    #[must_use]
    pub fn not_toml_date(self, written: &str) -> String {
        match self {
            Lang::En => format!("`{written}` is not a date TOML can read: dates are written YYYY-MM-DD"),
            Lang::Ru => format!("`{written}` — TOML не читает такую дату: даты пишутся в виде ГГГГ-ММ-ДД"),
        }
    }

    /// How to write that date: the same day as TOML writes it, when there is such a day.
    #[must_use]
    pub fn not_toml_date_help(self, date: Option<&str>) -> String {
        match (date, self) {
            (Some(date), Lang::En) => format!("write `{date}`, without quotes"),
            (Some(date), Lang::Ru) => format!("напишите `{date}`, без кавычек"),
            (None, Lang::En) => {
                "no such day: write a date that exists as YYYY-MM-DD, without quotes: `2019-03-14`".to_owned()
            }
            (None, Lang::Ru) => {
                "такого дня нет: напишите существующую дату в виде ГГГГ-ММ-ДД, без кавычек: `2019-03-14`".to_owned()
            }
        }
    }

    /// The responsible parties followed by those that must agree: English names them in
    /// brackets; Russian writes them as the document does, each in its form after «по
    /// согласованию с» (`agreed_forms`): «члены РО ВСМС по согласованию с Президиумом».
    #[must_use]
    pub fn responsible_agreed(self, responsible: &str, names: &str, agreed_forms: &str) -> String {
        match self {
            Lang::En => format!("{responsible} (agreed with {names})"),
            Lang::Ru => format!("{responsible} по согласованию с {agreed_forms}"),
        }
    }
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
