//! The meeting-frequency rules of `plan check`: for one recurring activity,
//! "at least N times per M months" judged against its held and planned
//! dates at the as-of date.
//!
//! Everything here is a pure function over dates. The caller filters the
//! held dates, turns [`Violation`]s into findings with file positions, and
//! words the messages; keeping those out lets the rules be tested as a table.

use chrono::{Datelike, Months, NaiveDate};

/// Which reading of "at least N times per M months" the charter is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RuleKind {
    /// No gap longer than M months: at every moment at least N meetings lie
    /// in the last M months. The default, because "не реже" reads this way.
    #[default]
    Rolling,
    /// At least N meetings in each block of M months cut from the plan start.
    Calendar,
    /// Both readings must hold.
    Both,
}

/// A rule's verdict at the as-of date.
///
/// The variants are declared from best to worst, so `max` picks the status
/// that wins when several apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Status {
    /// Nothing is missed and the next due date is not close.
    #[default]
    Ok,
    /// The next due date falls within the `--due-within` window.
    DueSoon,
    /// An earlier due date or calendar block was missed. Nothing is overdue
    /// now, but the breach stays on the record.
    Violated,
    /// The next due date has passed and nothing was held to meet it.
    Overdue,
}

/// Everything one rule is judged on.
#[derive(Debug, Clone, Copy)]
pub struct RuleInput<'a> {
    /// N, the meetings required per period; 0 is read as 1.
    pub times: u32,
    /// M, the period length in calendar months; 0 is read as 1.
    pub months: u32,
    /// Which reading to apply.
    pub kind: RuleKind,
    /// First day of the plan period: the rolling clock's default start and
    /// the origin of the calendar blocks.
    pub plan_start: NaiveDate,
    /// Last day of the plan period (of the series' last plan): calendar blocks that start after it
    /// are past the plan, and are judged only for what is due now (one `overdue`, not one
    /// `block-missed` each).
    pub plan_end: NaiveDate,
    /// The day the rule is judged on. Not clamped to the plan: the charter does not stop with the
    /// plan year, so a due date that passed unmet by it is overdue even after the plan's end.
    pub as_of: NaiveDate,
    /// The last meeting before the plan period, which starts the rolling
    /// clock in place of the plan start.
    pub last_before: Option<NaiveDate>,
    /// Meetings held: sorted, without duplicates, not after `as_of` (the caller reports the
    /// others). They may lie before the plan start (the series' history) or after its end.
    pub held: &'a [NaiveDate],
    /// Meetings fixed for the future: sorted, without duplicates. They never
    /// meet a due date; they are only judged for whether they would.
    pub planned: &'a [NaiveDate],
    /// How many days ahead of `as_of` a due date counts as due soon.
    pub due_within_days: u32,
}

/// What a rule found, with the due dates and blocks it judged by, so that reports count and
/// explain from the engine's own reading instead of deriving it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOutcome {
    /// The earliest due date not yet met; may lie after the plan's end.
    pub next_due: NaiveDate,
    /// The verdict, derived from `violations`.
    pub status: Status,
    /// Errors first, then warnings; each kind in date order.
    pub violations: Vec<Violation>,
    /// Rolling (and both): each held meeting with the date it was due by, in date order, then the
    /// next due date with no meeting. Empty for calendar.
    pub dues: Vec<Due>,
    /// Calendar (and both): every block from the plan start to the one holding the next due date,
    /// with the meetings held in it. Empty for rolling.
    pub blocks: Vec<Block>,
}

/// One rolling due date and the meeting that met it (on time or late).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Due {
    /// The day the meeting was due by.
    pub due: NaiveDate,
    /// The meeting counted against it; `None` for the next due date.
    pub met: Option<NaiveDate>,
}

/// One calendar block and how many meetings it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Block {
    /// First day of the block.
    pub from: NaiveDate,
    /// Last day of the block.
    pub to: NaiveDate,
    /// Meetings held in it (up to the as-of date).
    pub held: u32,
    /// Meetings required in it.
    pub needed: u32,
}

/// One thing wrong with a rule, carrying the dates a message needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Violation {
    /// Rolling: a meeting was held after the date it was due by.
    GapExceeded {
        /// The late meeting.
        held: NaiveDate,
        /// The date it should have come by.
        due: NaiveDate,
    },
    /// Calendar: a block of the plan that ended before the as-of date had too few meetings.
    BlockMissed {
        /// First day of the block.
        from: NaiveDate,
        /// Last day of the block.
        to: NaiveDate,
        /// Meetings held in it.
        held: u32,
        /// Meetings required in it.
        needed: u32,
    },
    /// At the as-of date the next due date has passed with nothing held.
    Overdue {
        /// The missed due date.
        due: NaiveDate,
        /// Days from the due date to the as-of date, at least 1.
        days: i64,
    },
    /// The next due date is close.
    DueSoon {
        /// The next due date.
        due: NaiveDate,
        /// Days from the as-of date to it, from 0 to `due_within_days`.
        days: i64,
    },
    /// A planned meeting would come after the due date it should meet.
    PlannedTooLate {
        /// The planned meeting.
        planned: NaiveDate,
        /// The due date it misses.
        due: NaiveDate,
    },
}

impl Violation {
    /// Whether this makes `plan check` fail; the rest are warnings.
    #[must_use]
    pub fn is_error(&self) -> bool {
        matches!(self, Self::GapExceeded { .. } | Self::BlockMissed { .. } | Self::Overdue { .. })
    }

    /// Whether this is a breach already on the record (as opposed to what is due now, or a plan).
    #[must_use]
    pub fn is_past_breach(&self) -> bool {
        matches!(self, Self::GapExceeded { .. } | Self::BlockMissed { .. })
    }

    /// The status this violation alone would give the rule.
    fn status(&self) -> Status {
        match self {
            Self::Overdue { .. } => Status::Overdue,
            Self::GapExceeded { .. } | Self::BlockMissed { .. } => Status::Violated,
            Self::DueSoon { .. } => Status::DueSoon,
            Self::PlannedTooLate { .. } => Status::Ok,
        }
    }
}

/// The status of a rule with these violations: the first that applies of overdue, violated,
/// due soon, ok.
#[must_use]
pub fn status_of(violations: &[Violation]) -> Status {
    violations.iter().map(Violation::status).max().unwrap_or_default()
}

/// Judges one rule at the as-of date.
#[must_use]
pub fn evaluate(input: &RuleInput<'_>) -> RuleOutcome {
    debug_assert!(is_strictly_sorted(input.held), "held dates must be sorted");
    debug_assert!(is_strictly_sorted(input.planned), "planned dates must be sorted");
    let reading = match input.kind {
        RuleKind::Rolling => rolling(input),
        RuleKind::Calendar => calendar(input),
        RuleKind::Both => combine(rolling(input), calendar(input), input),
    };
    RuleOutcome {
        next_due: reading.next_due,
        status: status_of(&reading.violations),
        violations: reading.violations,
        dues: reading.dues,
        blocks: reading.blocks,
    }
}

/// The fewest meetings that would have kept the rule up to the end of `until` (spec §4), whatever
/// was held: for rolling, N at each due date of the chain that starts at the clock and steps M
/// months from each due date met exactly on time; for calendar, N in each block of the plan that
/// ended by `until`; for both, the larger.
///
/// A rolling due date on the day after `until` counts: it closes the M months that began at the
/// clock, as 31 March closes the first quarter. So a quarterly rule over a calendar year requires
/// 4 either way, and a rule met more often than it asks requires no more.
#[must_use]
pub fn fewest_meetings(input: &RuleInput<'_>, until: NaiveDate) -> u64 {
    let (times, months) = times_and_months(input);
    let times = times as u64;
    let rolling = || {
        let limit = until.succ_opt().unwrap_or(until);
        let mut due = add_months(input.last_before.unwrap_or(input.plan_start), months);
        let mut steps = 0u64;
        while due <= limit {
            steps += 1;
            let next = add_months(due, months);
            if next == due {
                break;
            }
            due = next;
        }
        steps.saturating_mul(times)
    };
    let calendar = || {
        let blocks = Blocks { origin: input.plan_start, months: u64::from(months) };
        let mut count = 0u64;
        let mut index = 0;
        while blocks.first_day(index) <= input.plan_end && blocks.last_day(index) <= until {
            count += 1;
            index += 1;
            if blocks.last_day(index - 1) == NaiveDate::MAX {
                break;
            }
        }
        count.saturating_mul(times)
    };
    match input.kind {
        RuleKind::Rolling => rolling(),
        RuleKind::Calendar => calendar(),
        RuleKind::Both => rolling().max(calendar()),
    }
}

/// Adds calendar months, landing on the month's last day when the day does
/// not exist there (31 August + 6 months = 29 February in a leap year).
///
/// Saturates at the latest date chrono can represent instead of panicking,
/// so absurd inputs give absurd but harmless due dates.
#[must_use]
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    months_after(date, u64::from(months)).unwrap_or(NaiveDate::MAX)
}

/// `None` when the result is past chrono's range, so callers can tell a
/// saturated date from a real one.
fn months_after(date: NaiveDate, months: u64) -> Option<NaiveDate> {
    let months = u32::try_from(months).ok()?;
    date.checked_add_months(Months::new(months))
}

fn is_strictly_sorted(dates: &[NaiveDate]) -> bool {
    dates.windows(2).all(|pair| pair[0] < pair[1])
}

/// One reading's result, before the status is derived.
struct Reading {
    next_due: NaiveDate,
    violations: Vec<Violation>,
    dues: Vec<Due>,
    blocks: Vec<Block>,
}

/// N and M with the "0 is read as 1" rule applied once.
fn times_and_months(input: &RuleInput<'_>) -> (usize, u32) {
    let times = usize::try_from(input.times.max(1)).unwrap_or(usize::MAX);
    (times, input.months.max(1))
}

/// Overdue strictly after the due day, so a meeting on the due day itself
/// still complies; due soon from that day back to `due_within_days` before.
/// Never both: a rule that is overdue is not "due soon".
fn timing(next_due: NaiveDate, input: &RuleInput<'_>) -> Option<Violation> {
    let days = next_due.signed_duration_since(input.as_of).num_days();
    if days < 0 {
        Some(Violation::Overdue { due: next_due, days: -days })
    } else if days <= i64::from(input.due_within_days) {
        Some(Violation::DueSoon { due: next_due, days })
    } else {
        None
    }
}

/// Held and planned dates in one sequence, each tagged with whether it is
/// planned. A planned date that was also recorded as held is the same
/// meeting, so it appears once, as held.
fn merge(held: &[NaiveDate], planned: &[NaiveDate]) -> Vec<(NaiveDate, bool)> {
    let mut merged = Vec::with_capacity(held.len() + planned.len());
    let (mut h, mut p) = (0, 0);
    while h < held.len() || p < planned.len() {
        match (held.get(h), planned.get(p)) {
            (Some(&a), Some(&b)) if a == b => {
                merged.push((a, false));
                h += 1;
                p += 1;
            }
            (Some(&a), Some(&b)) if a < b => {
                merged.push((a, false));
                h += 1;
            }
            (_, Some(&b)) => {
                merged.push((b, true));
                p += 1;
            }
            (Some(&a), None) => {
                merged.push((a, false));
                h += 1;
            }
            (None, None) => break,
        }
    }
    merged
}

/// The rolling due dates: the k-th meeting (from 0) is due M months after
/// the clock while fewer than N came before it, else M months after the
/// meeting N places earlier, so that any M months hold N meetings.
struct RollingDue {
    first: NaiveDate,
    times: usize,
    months: u32,
}

impl RollingDue {
    fn nth(&self, k: usize, earlier: impl Fn(usize) -> NaiveDate) -> NaiveDate {
        k.checked_sub(self.times).map_or(self.first, |j| add_months(earlier(j), self.months))
    }
}

fn rolling(input: &RuleInput<'_>) -> Reading {
    let (times, months) = times_and_months(input);
    let clock = input.last_before.unwrap_or(input.plan_start);
    let due = RollingDue { first: add_months(clock, months), times, months };
    let held = input.held;

    let mut dues: Vec<Due> =
        held.iter().enumerate().map(|(k, &date)| Due { due: due.nth(k, |j| held[j]), met: Some(date) }).collect();
    let mut violations: Vec<Violation> = dues
        .iter()
        .filter_map(|d| d.met.filter(|&held| held > d.due).map(|held| Violation::GapExceeded { held, due: d.due }))
        .collect();
    let next_due = due.nth(held.len(), |j| held[j]);
    dues.push(Due { due: next_due, met: None });
    violations.extend(timing(next_due, input));

    // A planned meeting resets the clock for the ones after it as if it had
    // been held, so each is judged by the plan as a whole.
    if !input.planned.is_empty() {
        let merged = merge(held, input.planned);
        for (k, &(date, planned)) in merged.iter().enumerate() {
            let due = due.nth(k, |j| merged[j].0);
            if planned && date > due {
                violations.push(Violation::PlannedTooLate { planned: date, due });
            }
        }
    }
    Reading { next_due, violations, dues, blocks: Vec::new() }
}

/// Blocks of M months cut from the plan start and not clipped at its end.
/// Each block's bounds are computed from the origin rather than from the
/// previous block, so month-end clamping never drifts.
struct Blocks {
    origin: NaiveDate,
    months: u64,
}

impl Blocks {
    fn first_day(&self, index: u64) -> NaiveDate {
        months_after(self.origin, index.saturating_mul(self.months)).unwrap_or(NaiveDate::MAX)
    }

    /// The last block chrono can start runs to its latest date.
    fn last_day(&self, index: u64) -> NaiveDate {
        months_after(self.origin, index.saturating_add(1).saturating_mul(self.months))
            .and_then(|next| next.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// The block holding `date`, found from the month count in constant time
    /// so that stretches of empty blocks cost nothing.
    fn index_of(&self, date: NaiveDate) -> Option<u64> {
        let month_number = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let elapsed = u64::try_from(month_number(date) - month_number(self.origin)).ok()?;
        let index = elapsed / self.months;
        // In the block's first month a day before the origin's day of the
        // month still belongs to the block before.
        if self.first_day(index) > date { index.checked_sub(1) } else { Some(index) }
    }
}

/// Takes the dates up to `last` off the front of `dates` and counts them.
fn take_until(dates: &mut &[NaiveDate], last: NaiveDate) -> usize {
    let count = dates.iter().take_while(|&&date| date <= last).count();
    *dates = &dates[count..];
    count
}

fn calendar(input: &RuleInput<'_>) -> Reading {
    let (times, months) = times_and_months(input);
    let needed = u32::try_from(times).unwrap_or(u32::MAX);
    let blocks = Blocks { origin: input.plan_start, months: u64::from(months) };
    let mut violations = Vec::new();
    let mut judged = Vec::new();
    let block = |index: u64, count: usize| Block {
        from: blocks.first_day(index),
        to: blocks.last_day(index),
        held: u32::try_from(count).unwrap_or(u32::MAX),
        needed,
    };

    // Held dates before the plan start are the caller's to report; skip them.
    let mut held = &input.held[input.held.partition_point(|&d| d < input.plan_start)..];
    // The plan's blocks that ended before the as-of date: each one short is a breach on the record.
    // The block holding the as-of date is still open: it can be made up.
    let mut current = 0;
    while blocks.first_day(current) <= input.plan_end && blocks.last_day(current) < input.as_of {
        let count = take_until(&mut held, blocks.last_day(current));
        let judged_block = block(current, count);
        if count < times {
            violations.push(Violation::BlockMissed {
                from: judged_block.from,
                to: judged_block.to,
                held: judged_block.held,
                needed,
            });
        }
        judged.push(judged_block);
        if blocks.last_day(current) == NaiveDate::MAX {
            break;
        }
        current += 1;
    }

    // From the open block on (or, past the plan, from its first block after the plan), the first
    // block still lacking meetings is the next due date. Past the plan's end the blocks go on with
    // the same length, and a finished one that lacks meetings makes the rule overdue (once, not a
    // `block-missed` per block). Each block passed over holds N meetings, so this is linear.
    let (open, open_held) = (current, held);
    let next_due = loop {
        let last = blocks.last_day(current);
        let count = take_until(&mut held, last);
        judged.push(block(current, count));
        if count < times || last == NaiveDate::MAX {
            break last;
        }
        current += 1;
    };
    violations.extend(timing(next_due, input));
    calendar_planned(&blocks, open, open_held, input.planned, times, &mut violations);
    Reading { next_due, violations, dues: Vec::new(), blocks: judged }
}

/// For each block from the current one on that held and planned meetings
/// together leave short, the first planned meeting after it comes too late.
/// A planned date is reported once, against the earliest block it fails.
fn calendar_planned(
    blocks: &Blocks,
    current: u64,
    held: &[NaiveDate],
    planned: &[NaiveDate],
    times: usize,
    violations: &mut Vec<Violation>,
) {
    let future = &planned[planned.partition_point(|&d| d < blocks.first_day(current))..];
    if future.is_empty() {
        return;
    }
    let dates: Vec<NaiveDate> = merge(held, future).into_iter().map(|(d, _)| d).collect();
    let mut rest = dates.as_slice();
    let mut reported = None;
    let mut index = current;
    loop {
        let last = blocks.last_day(index);
        let count = take_until(&mut rest, last);
        if count < times
            && let Some(&planned) = future.get(future.partition_point(|&d| d <= last))
            && reported != Some(planned)
        {
            violations.push(Violation::PlannedTooLate { planned, due: last });
            reported = Some(planned);
        }
        let Some(&next) = rest.first() else { break };
        // Empty blocks before the next date all point at that same date,
        // which is reported by now, so jump straight to its block.
        index = if count == 0 { blocks.index_of(next).map_or(index + 1, |i| i.max(index + 1)) } else { index + 1 };
    }
}

/// Unites the two readings: the earlier next due date, judged once for overdue or due soon (never
/// both), and each planned date reported once against its earlier due date.
fn combine(rolling: Reading, calendar: Reading, input: &RuleInput<'_>) -> Reading {
    let next_due = rolling.next_due.min(calendar.next_due);
    let mut violations = Vec::new();
    let mut late = Vec::new();
    for violation in rolling.violations.into_iter().chain(calendar.violations) {
        match violation {
            Violation::DueSoon { .. } | Violation::Overdue { .. } => {}
            Violation::PlannedTooLate { planned, due } => late.push((planned, due)),
            _ => violations.push(violation),
        }
    }
    late.sort_unstable();
    late.dedup_by_key(|&mut (planned, _)| planned);
    violations.extend(timing(next_due, input));
    violations.extend(late.into_iter().map(|(planned, due)| Violation::PlannedTooLate { planned, due }));
    Reading { next_due, violations, dues: rolling.dues, blocks: calendar.blocks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RuleKind::{Both, Calendar, Rolling};
    use Violation::{BlockMissed, DueSoon, GapExceeded, Overdue, PlannedTooLate};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn dates(texts: &[&str]) -> Vec<NaiveDate> {
        texts.iter().map(|t| d(t)).collect()
    }

    /// A rule over the 2019 plan with nothing held, to be adjusted per row.
    #[derive(Clone)]
    struct Case {
        times: u32,
        months: u32,
        kind: RuleKind,
        plan: (&'static str, &'static str),
        as_of: &'static str,
        last_before: Option<&'static str>,
        held: Vec<&'static str>,
        planned: Vec<&'static str>,
        within: u32,
    }

    fn rule(times: u32, months: u32, kind: RuleKind) -> Case {
        Case {
            times,
            months,
            kind,
            plan: ("2019-01-01", "2019-12-31"),
            as_of: "2019-12-31",
            last_before: None,
            held: Vec::new(),
            planned: Vec::new(),
            within: 30,
        }
    }

    impl Case {
        fn at(mut self, date: &'static str) -> Self {
            self.as_of = date;
            self
        }
        fn plan(mut self, start: &'static str, end: &'static str) -> Self {
            self.plan = (start, end);
            self
        }
        fn last_before(mut self, date: &'static str) -> Self {
            self.last_before = Some(date);
            self
        }
        fn held(mut self, held: &[&'static str]) -> Self {
            self.held = held.to_vec();
            self
        }
        fn planned(mut self, planned: &[&'static str]) -> Self {
            self.planned = planned.to_vec();
            self
        }
        fn within(mut self, days: u32) -> Self {
            self.within = days;
            self
        }
        fn kind(mut self, kind: RuleKind) -> Self {
            self.kind = kind;
            self
        }
        fn run(&self) -> RuleOutcome {
            let held = dates(&self.held);
            let planned = dates(&self.planned);
            evaluate(&RuleInput {
                times: self.times,
                months: self.months,
                kind: self.kind,
                plan_start: d(self.plan.0),
                plan_end: d(self.plan.1),
                as_of: d(self.as_of),
                last_before: self.last_before.map(d),
                held: &held,
                planned: &planned,
                due_within_days: self.within,
            })
        }
    }

    fn gap(held: &str, due: &str) -> Violation {
        GapExceeded { held: d(held), due: d(due) }
    }

    fn missed(from: &str, to: &str, held: u32, needed: u32) -> Violation {
        BlockMissed { from: d(from), to: d(to), held, needed }
    }

    fn overdue(due: &str, days: i64) -> Violation {
        Overdue { due: d(due), days }
    }

    fn soon(due: &str, days: i64) -> Violation {
        DueSoon { due: d(due), days }
    }

    fn late(planned: &str, due: &str) -> Violation {
        PlannedTooLate { planned: d(planned), due: d(due) }
    }

    /// Runs each row and compares the whole outcome, naming the row on failure.
    fn check(rows: &[(&str, Case, &str, Status, Vec<Violation>)]) {
        for (name, case, next_due, status, violations) in rows {
            let outcome = case.run();
            assert_eq!((outcome.next_due, outcome.status), (d(next_due), *status), "{name}");
            assert_eq!(&outcome.violations, violations, "{name}");
        }
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        let rows = [
            ("2019-08-31", 6, "2020-02-29"),
            ("2018-08-31", 6, "2019-02-28"),
            ("2019-01-31", 1, "2019-02-28"),
            ("2020-01-31", 1, "2020-02-29"),
            ("2018-11-30", 3, "2019-02-28"),
            ("2019-11-30", 3, "2020-02-29"),
            ("2019-03-31", 1, "2019-04-30"),
            ("2019-01-15", 12, "2020-01-15"),
            ("2019-01-15", 0, "2019-01-15"),
        ];
        for (from, months, to) in rows {
            assert_eq!(add_months(d(from), months), d(to), "{from} + {months}");
        }
    }

    #[test]
    fn add_months_saturates_instead_of_panicking() {
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
        assert_eq!(add_months(d("2019-01-01"), u32::MAX), NaiveDate::MAX);
        assert_eq!(add_months(NaiveDate::MIN, u32::MAX), NaiveDate::MAX);
    }

    #[test]
    fn acceptance_2019_presidium_and_council_with_nothing_held() {
        let presidium = rule(1, 3, Rolling);
        check(&[
            (
                "31 days ahead is not due soon at 30",
                presidium.clone().at("2019-03-01"),
                "2019-04-01",
                Status::Ok,
                vec![],
            ),
            (
                "17 days ahead is due soon",
                presidium.clone().at("2019-03-15"),
                "2019-04-01",
                Status::DueSoon,
                vec![soon("2019-04-01", 17)],
            ),
            (
                "the day after the due date is overdue",
                presidium.at("2019-04-02"),
                "2019-04-01",
                Status::Overdue,
                vec![overdue("2019-04-01", 1)],
            ),
            (
                "council once in 6 months is due on 1 July",
                rule(1, 6, Rolling).at("2019-03-01"),
                "2019-07-01",
                Status::Ok,
                vec![],
            ),
        ]);
    }

    #[test]
    fn rolling_meeting_on_its_due_date_complies_and_one_day_late_does_not() {
        check(&[
            (
                "on the due date",
                rule(1, 3, Rolling).held(&["2019-04-01"]).at("2019-05-01"),
                "2019-07-01",
                Status::Ok,
                vec![],
            ),
            (
                "one day late",
                rule(1, 3, Rolling).held(&["2019-04-02"]).at("2019-05-01"),
                "2019-07-02",
                Status::Violated,
                vec![gap("2019-04-02", "2019-04-01")],
            ),
            (
                "each next meeting counts from the previous one, clamped",
                rule(1, 6, Rolling)
                    .plan("2019-01-01", "2020-12-31")
                    .held(&["2019-06-30", "2019-08-31", "2020-02-29"])
                    .at("2020-03-01"),
                "2020-08-29",
                Status::Ok,
                vec![],
            ),
        ]);
    }

    #[test]
    fn rolling_last_before_starts_the_clock() {
        let case = rule(1, 3, Rolling).held(&["2019-03-01"]).at("2019-04-10");
        check(&[
            ("without last_before the clock starts at the plan start", case.clone(), "2019-06-01", Status::Ok, vec![]),
            (
                "a meeting in November 2018 made the first one due in February",
                case.last_before("2018-11-20"),
                "2019-06-01",
                Status::Violated,
                vec![gap("2019-03-01", "2019-02-20")],
            ),
            (
                "with nothing held, last_before makes it overdue sooner",
                rule(1, 3, Rolling).last_before("2018-11-30").at("2019-03-01"),
                "2019-02-28",
                Status::Overdue,
                vec![overdue("2019-02-28", 1)],
            ),
        ]);
    }

    #[test]
    fn rolling_overdue_only_after_the_due_day() {
        let case = rule(1, 6, Rolling).held(&["2019-02-15"]);
        check(&[
            (
                "on the due day itself it is due, not overdue",
                case.clone().at("2019-08-15"),
                "2019-08-15",
                Status::DueSoon,
                vec![soon("2019-08-15", 0)],
            ),
            (
                "the next day it is overdue",
                case.at("2019-08-16"),
                "2019-08-15",
                Status::Overdue,
                vec![overdue("2019-08-15", 1)],
            ),
        ]);
    }

    #[test]
    fn rolling_two_per_twelve_months_counts_from_the_meeting_two_back() {
        let case = rule(2, 12, Rolling).plan("2019-01-01", "2020-12-31");
        check(&[
            (
                "the first two are both due a year after the clock",
                case.clone().held(&["2019-02-01", "2020-01-01"]).at("2020-01-05"),
                "2020-02-01",
                Status::DueSoon,
                vec![soon("2020-02-01", 27)],
            ),
            (
                "the third is due a year after the first, the fourth after the second",
                case.clone().held(&["2019-02-01", "2019-03-01", "2020-02-01", "2020-03-02"]).at("2020-06-01"),
                "2021-02-01",
                Status::Violated,
                vec![gap("2020-03-02", "2020-03-01")],
            ),
            (
                "two meetings close together do not satisfy the year after",
                case.held(&["2019-02-01", "2019-02-02"]).at("2020-02-03"),
                "2020-02-01",
                Status::Overdue,
                vec![overdue("2020-02-01", 2)],
            ),
        ]);
    }

    #[test]
    fn rolling_and_calendar_judge_the_same_dates_differently() {
        let once_a_quarter = rule(1, 3, Rolling).held(&["2019-01-10", "2019-06-25"]).at("2019-07-01");
        let twice_a_half_year = rule(2, 6, Rolling).held(&["2019-05-01", "2019-07-01"]).at("2019-07-02");
        check(&[
            (
                "a five-month gap breaks the rolling rule",
                once_a_quarter.clone(),
                "2019-09-25",
                Status::Violated,
                vec![gap("2019-06-25", "2019-04-10")],
            ),
            (
                "yet one meeting in each of Q1 and Q2 satisfies the quarters",
                once_a_quarter.kind(Calendar),
                "2019-09-30",
                Status::Ok,
                vec![],
            ),
            (
                "two meetings by 1 July satisfy the rolling rule",
                twice_a_half_year.clone(),
                "2019-11-01",
                Status::Ok,
                vec![],
            ),
            (
                "yet the first half-year held only one",
                twice_a_half_year.kind(Calendar),
                "2019-12-31",
                Status::Violated,
                vec![missed("2019-01-01", "2019-06-30", 1, 2)],
            ),
        ]);
    }

    #[test]
    fn both_reports_the_union_of_the_readings() {
        check(&[
            (
                "gap, overdue and a missed quarter; the earlier next due date",
                rule(1, 3, Both).held(&["2019-01-10", "2019-06-25"]).at("2019-10-02"),
                "2019-09-25",
                Status::Overdue,
                vec![
                    gap("2019-06-25", "2019-04-10"),
                    missed("2019-07-01", "2019-09-30", 0, 1),
                    overdue("2019-09-25", 7),
                ],
            ),
            (
                "a missed block alone violates the combined rule",
                rule(2, 6, Both).held(&["2019-05-01", "2019-07-01"]).at("2019-07-02"),
                "2019-11-01",
                Status::Violated,
                vec![missed("2019-01-01", "2019-06-30", 1, 2)],
            ),
        ]);
    }

    #[test]
    fn both_warns_due_soon_once_on_the_earlier_date() {
        check(&[(
            "quarter ends 31 March, rolling due 1 April",
            rule(1, 3, Both).at("2019-03-15"),
            "2019-03-31",
            Status::DueSoon,
            vec![soon("2019-03-31", 16)],
        )]);
    }

    #[test]
    fn both_reports_a_planned_date_once_against_its_earlier_due_date() {
        check(&[(
            "rolling wants it by 1 April, the quarter by 31 March",
            rule(1, 3, Both).planned(&["2019-04-15"]).at("2019-02-01"),
            "2019-03-31",
            Status::Ok,
            vec![late("2019-04-15", "2019-03-31")],
        )]);
    }

    #[test]
    fn next_due_may_lie_past_the_plan_end() {
        let quarterly = rule(1, 3, Rolling).held(&["2019-03-01", "2019-06-01", "2019-09-01", "2019-11-15"]);
        check(&[
            ("rolling: three months after a November meeting", quarterly.clone(), "2020-02-15", Status::Ok, vec![]),
            (
                "calendar: Q4 is done, so the next quarter's end",
                quarterly.kind(Calendar),
                "2020-03-31",
                Status::Ok,
                vec![],
            ),
            (
                "calendar blocks are not clipped at the plan end",
                rule(1, 6, Calendar).plan("2019-03-01", "2019-12-31").held(&["2019-05-01"]),
                "2020-02-29",
                Status::Ok,
                vec![],
            ),
        ]);
    }

    #[test]
    fn rolling_planned_dates_are_judged_in_sequence() {
        check(&[
            (
                "a planned date in time",
                rule(1, 6, Rolling).held(&["2019-03-14"]).planned(&["2019-09-14"]).at("2019-04-01"),
                "2019-09-14",
                Status::Ok,
                vec![],
            ),
            (
                "a planned date one day too late",
                rule(1, 6, Rolling).held(&["2019-03-14"]).planned(&["2019-09-15"]).at("2019-04-01"),
                "2019-09-14",
                Status::Ok,
                vec![late("2019-09-15", "2019-09-14")],
            ),
            (
                "each planned date counts from the one planned before it",
                rule(1, 3, Rolling).planned(&["2019-03-01", "2019-06-01", "2019-09-02"]).at("2019-01-15"),
                "2019-04-01",
                Status::Ok,
                vec![late("2019-09-02", "2019-09-01")],
            ),
            (
                "planned dates never meet a due date",
                rule(1, 3, Rolling).planned(&["2019-03-01"]).at("2019-04-02"),
                "2019-04-01",
                Status::Overdue,
                vec![overdue("2019-04-01", 1)],
            ),
            (
                "a planned date also recorded as held is judged once, as held",
                rule(1, 3, Rolling).held(&["2019-03-01"]).planned(&["2019-03-01", "2019-06-02"]).at("2019-03-02"),
                "2019-06-01",
                Status::Ok,
                vec![late("2019-06-02", "2019-06-01")],
            ),
        ]);
    }

    #[test]
    fn due_soon_boundary_is_inclusive() {
        let case = rule(1, 3, Rolling);
        check(&[
            (
                "exactly due_within days ahead",
                case.clone().at("2019-03-02"),
                "2019-04-01",
                Status::DueSoon,
                vec![soon("2019-04-01", 30)],
            ),
            ("one day more", case.clone().at("2019-03-01"), "2019-04-01", Status::Ok, vec![]),
            (
                "a window of zero days warns only on the due day",
                case.clone().within(0).at("2019-04-01"),
                "2019-04-01",
                Status::DueSoon,
                vec![soon("2019-04-01", 0)],
            ),
            (
                "a window of zero days is quiet the day before",
                case.within(0).at("2019-03-31"),
                "2019-04-01",
                Status::Ok,
                vec![],
            ),
        ]);
    }

    #[test]
    fn calendar_reports_each_finished_block_that_fell_short() {
        check(&[
            (
                "an empty first quarter",
                rule(1, 3, Calendar).held(&["2019-05-05"]).at("2019-07-01"),
                "2019-09-30",
                Status::Violated,
                vec![missed("2019-01-01", "2019-03-31", 0, 1)],
            ),
            (
                "the block holding the as-of date is not finished on its last day",
                rule(1, 3, Calendar).at("2019-03-31"),
                "2019-03-31",
                Status::DueSoon,
                vec![soon("2019-03-31", 0)],
            ),
            (
                "it is finished the day after, and calendar is never overdue",
                rule(1, 3, Calendar).at("2019-04-01"),
                "2019-06-30",
                Status::Violated,
                vec![missed("2019-01-01", "2019-03-31", 0, 1)],
            ),
            (
                "every empty block is reported",
                rule(2, 3, Calendar).held(&["2019-02-01", "2019-03-01", "2019-08-01"]).at("2019-12-31"),
                "2019-12-31",
                Status::Violated,
                vec![
                    missed("2019-04-01", "2019-06-30", 0, 2),
                    missed("2019-07-01", "2019-09-30", 1, 2),
                    soon("2019-12-31", 0),
                ],
            ),
        ]);
    }

    #[test]
    fn calendar_next_due_skips_a_block_already_satisfied() {
        check(&[
            (
                "Q2 still lacks: its end",
                rule(1, 3, Calendar).held(&["2019-02-01"]).at("2019-05-10"),
                "2019-06-30",
                Status::Ok,
                vec![],
            ),
            (
                "Q2 is done: the end of Q3",
                rule(1, 3, Calendar).held(&["2019-02-01", "2019-04-20"]).at("2019-05-10"),
                "2019-09-30",
                Status::Ok,
                vec![],
            ),
            (
                "Q2 with one of two: still Q2",
                rule(2, 3, Calendar).held(&["2019-02-01", "2019-03-01", "2019-04-20"]).at("2019-06-10"),
                "2019-06-30",
                Status::DueSoon,
                vec![soon("2019-06-30", 20)],
            ),
        ]);
    }

    #[test]
    fn calendar_planned_dates_must_fill_the_open_blocks() {
        check(&[
            (
                "a planned date inside the open quarter is in time",
                rule(1, 3, Calendar).held(&["2019-02-01"]).planned(&["2019-06-20"]).at("2019-04-10"),
                "2019-06-30",
                Status::Ok,
                vec![],
            ),
            (
                "the first planned date after an empty quarter is too late",
                rule(1, 3, Calendar).held(&["2019-02-01"]).planned(&["2019-07-15"]).at("2019-04-10"),
                "2019-06-30",
                Status::Ok,
                vec![late("2019-07-15", "2019-06-30")],
            ),
            (
                "a date failing two quarters is reported once, against the first",
                rule(1, 3, Calendar)
                    .held(&["2019-02-01"])
                    .planned(&["2019-10-05", "2019-10-06", "2020-05-01"])
                    .at("2019-04-10"),
                "2019-06-30",
                Status::Ok,
                vec![late("2019-10-05", "2019-06-30"), late("2020-05-01", "2020-03-31")],
            ),
            (
                "a held date fills the open block, planned dates fill later ones",
                rule(1, 3, Calendar)
                    .held(&["2019-02-01", "2019-04-02"])
                    .planned(&["2019-08-01", "2019-11-01"])
                    .at("2019-04-10"),
                "2019-09-30",
                Status::Ok,
                vec![],
            ),
            (
                "planned dates in finished blocks are not judged again",
                rule(1, 3, Calendar).held(&["2019-05-01"]).planned(&["2019-03-01"]).at("2019-05-10"),
                "2019-09-30",
                Status::Violated,
                vec![missed("2019-01-01", "2019-03-31", 0, 1)],
            ),
        ]);
    }

    #[test]
    fn yearly_and_monthly_rules() {
        check(&[
            (
                "calendar yearly: the plan year is one block",
                rule(1, 12, Calendar).at("2019-12-20"),
                "2019-12-31",
                Status::DueSoon,
                vec![soon("2019-12-31", 11)],
            ),
            (
                "rolling yearly: due a year after the plan start",
                rule(1, 12, Rolling).at("2019-12-20"),
                "2020-01-01",
                Status::DueSoon,
                vec![soon("2020-01-01", 12)],
            ),
            (
                "calendar monthly: February missed, April open",
                rule(1, 1, Calendar).held(&["2019-01-31", "2019-03-01"]).at("2019-04-10"),
                "2019-04-30",
                Status::Violated,
                vec![missed("2019-02-01", "2019-02-28", 0, 1), soon("2019-04-30", 20)],
            ),
            (
                "rolling monthly: 31 January makes the next due 28 February",
                rule(1, 1, Rolling).held(&["2019-01-31", "2019-03-01"]).at("2019-03-02"),
                "2019-04-01",
                Status::Violated,
                vec![gap("2019-03-01", "2019-02-28"), soon("2019-04-01", 30)],
            ),
        ]);
    }

    #[test]
    fn status_priority_is_overdue_then_violated_then_due_soon() {
        check(&[
            (
                "overdue beats an earlier gap",
                rule(1, 3, Rolling).held(&["2019-05-01"]).at("2019-09-01"),
                "2019-08-01",
                Status::Overdue,
                vec![gap("2019-05-01", "2019-04-01"), overdue("2019-08-01", 31)],
            ),
            (
                "a gap beats due soon",
                rule(1, 3, Rolling).held(&["2019-05-01"]).at("2019-07-20"),
                "2019-08-01",
                Status::Violated,
                vec![gap("2019-05-01", "2019-04-01"), soon("2019-08-01", 12)],
            ),
            (
                "a planned-too-late warning leaves the status alone",
                rule(1, 3, Rolling).planned(&["2019-05-01"]).at("2019-01-10"),
                "2019-04-01",
                Status::Ok,
                vec![late("2019-05-01", "2019-04-01")],
            ),
        ]);
        assert!(Status::Overdue > Status::Violated);
        assert!(Status::Violated > Status::DueSoon);
        assert!(Status::DueSoon > Status::Ok);
    }

    #[test]
    fn zero_times_or_months_are_read_as_one() {
        check(&[
            (
                "rolling",
                rule(0, 0, Rolling).at("2019-01-15"),
                "2019-02-01",
                Status::DueSoon,
                vec![soon("2019-02-01", 17)],
            ),
            (
                "calendar",
                rule(0, 0, Calendar).at("2019-02-15"),
                "2019-02-28",
                Status::Violated,
                vec![missed("2019-01-01", "2019-01-31", 0, 1), soon("2019-02-28", 13)],
            ),
        ]);
    }

    #[test]
    fn as_of_before_the_plan_start_judges_nothing_yet() {
        check(&[
            ("rolling", rule(1, 3, Rolling).at("2018-12-01"), "2019-04-01", Status::Ok, vec![]),
            (
                "calendar: the first block is the open one",
                rule(1, 3, Calendar).planned(&["2019-05-01"]).at("2018-12-01"),
                "2019-03-31",
                Status::Ok,
                vec![late("2019-05-01", "2019-03-31")],
            ),
        ]);
    }

    #[test]
    fn a_rule_gets_at_most_one_of_overdue_and_due_soon() {
        check(&[
            (
                "both: held 1 March, as of 10 September: overdue, the missed quarter, no due-soon",
                rule(1, 3, Both).held(&["2019-03-01"]).at("2019-09-10"),
                "2019-06-01",
                Status::Overdue,
                vec![missed("2019-04-01", "2019-06-30", 0, 1), overdue("2019-06-01", 101)],
            ),
            (
                "both: calendar due soon, rolling overdue",
                rule(1, 3, Both).held(&["2019-01-05"]).at("2019-04-10"),
                "2019-04-05",
                Status::Overdue,
                vec![overdue("2019-04-05", 5)],
            ),
        ]);
    }

    #[test]
    fn calendar_blocks_go_on_past_the_plans_end_with_one_overdue() {
        check(&[
            (
                "Q4 missed in the plan, then Q1 and Q2 of the next year: one overdue on Q1's end",
                rule(1, 3, Calendar).held(&["2019-02-01", "2019-05-01", "2019-08-01"]).at("2020-07-15"),
                "2020-03-31",
                Status::Overdue,
                vec![missed("2019-10-01", "2019-12-31", 0, 1), overdue("2020-03-31", 106)],
            ),
            (
                "in the first block after the plan: due at its end",
                rule(1, 3, Calendar).held(&["2019-02-01", "2019-05-01", "2019-08-01", "2019-11-01"]).at("2020-03-15"),
                "2020-03-31",
                Status::DueSoon,
                vec![soon("2020-03-31", 16)],
            ),
            (
                "a half-year rule over a plan of ten months: the block straddling the end is the plan's",
                rule(1, 6, Calendar).plan("2019-03-01", "2019-12-31").held(&["2019-05-01"]).at("2020-03-10"),
                "2020-08-31",
                Status::Violated,
                vec![missed("2019-09-01", "2020-02-29", 0, 1)],
            ),
        ]);
    }

    #[test]
    fn the_engine_returns_the_due_dates_and_blocks_it_judged_by() {
        let outcome = rule(1, 3, Both).held(&["2019-03-01", "2019-07-20"]).at("2019-08-01").run();
        assert_eq!(
            outcome.dues,
            [
                Due { due: d("2019-04-01"), met: Some(d("2019-03-01")) },
                Due { due: d("2019-06-01"), met: Some(d("2019-07-20")) },
                Due { due: d("2019-10-20"), met: None },
            ]
        );
        let block = |from: &str, to: &str, held| Block { from: d(from), to: d(to), held, needed: 1 };
        assert_eq!(
            outcome.blocks,
            [
                block("2019-01-01", "2019-03-31", 1),
                block("2019-04-01", "2019-06-30", 0),
                block("2019-07-01", "2019-09-30", 1),
                block("2019-10-01", "2019-12-31", 0),
            ]
        );
    }

    #[test]
    fn fewest_meetings_counts_the_rule_not_the_record() {
        let run = |case: Case, until: &str| {
            let held = dates(&case.held);
            let input = RuleInput {
                times: case.times,
                months: case.months,
                kind: case.kind,
                plan_start: d(case.plan.0),
                plan_end: d(case.plan.1),
                as_of: d(case.as_of),
                last_before: case.last_before.map(d),
                held: &held,
                planned: &[],
                due_within_days: 30,
            };
            fewest_meetings(&input, d(until))
        };
        let monthly: Vec<&str> = vec![
            "2019-01-15",
            "2019-02-15",
            "2019-03-15",
            "2019-04-15",
            "2019-05-15",
            "2019-06-15",
            "2019-07-15",
            "2019-08-15",
            "2019-09-15",
            "2019-10-15",
            "2019-11-15",
            "2019-12-15",
        ];
        assert_eq!(run(rule(1, 3, Rolling).held(&monthly), "2019-12-31"), 4);
        assert_eq!(run(rule(1, 3, Rolling), "2019-12-31"), 4);
        assert_eq!(run(rule(1, 3, Calendar), "2019-12-30"), 3);
        assert_eq!(run(rule(2, 6, Both), "2019-12-31"), 4);
        assert_eq!(run(rule(1, 6, Rolling).last_before("2018-08-31"), "2019-12-31"), 2);
        assert_eq!(run(rule(1, 1, Rolling), "2019-12-31"), 12);
        assert_eq!(run(rule(1, 12, Calendar), "2019-12-31"), 1);
    }

    #[test]
    fn calendar_blocks_from_a_month_end_start_do_not_drift() {
        let blocks = Blocks { origin: d("2019-01-31"), months: 1 };
        assert_eq!(blocks.first_day(1), d("2019-02-28"));
        assert_eq!(blocks.last_day(1), d("2019-03-30"));
        assert_eq!(blocks.first_day(2), d("2019-03-31"));
        for (date, index) in [
            ("2019-01-31", Some(0)),
            ("2019-02-27", Some(0)),
            ("2019-02-28", Some(1)),
            ("2019-03-30", Some(1)),
            ("2019-03-31", Some(2)),
            ("2019-01-30", None),
        ] {
            assert_eq!(blocks.index_of(d(date)), index, "{date}");
        }
    }

    #[test]
    fn thousands_of_regular_meetings_break_no_rule() {
        let start = d("1990-01-01");
        let held: Vec<NaiveDate> = start.iter_days().step_by(3).take(10_000).collect();
        let planned: Vec<NaiveDate> = held.last().unwrap().iter_days().skip(1).step_by(3).take(10_000).collect();
        let input = RuleInput {
            times: 2,
            months: 1,
            kind: Both,
            plan_start: start,
            plan_end: d("2100-12-31"),
            as_of: *held.last().unwrap(),
            last_before: None,
            held: &held,
            planned: &planned,
            due_within_days: 30,
        };
        let outcome = evaluate(&input);
        assert!(outcome.status <= Status::DueSoon, "{outcome:?}");
        assert!(!outcome.violations.iter().any(Violation::is_error), "{outcome:?}");
        // Every held date is judged against its own due date, and every month is a block.
        assert_eq!(outcome.dues.len(), held.len() + 1);
        assert!(outcome.dues.iter().all(|due| due.met.is_none_or(|met| met <= due.due)));
        assert!(outcome.blocks.iter().all(|block| block.held >= block.needed || block.to >= input.as_of));
    }

    #[test]
    fn dates_at_the_end_of_time_do_not_panic_or_hang() {
        let end = NaiveDate::MAX;
        let start = end - chrono::Days::new(400);
        let held = [start, end - chrono::Days::new(10)];
        let planned = [end - chrono::Days::new(5), end];
        for kind in [Rolling, Calendar, Both] {
            for months in [1, 12, u32::MAX] {
                let input = RuleInput {
                    times: 1,
                    months,
                    kind,
                    plan_start: start,
                    plan_end: end,
                    as_of: end,
                    last_before: None,
                    held: &held,
                    planned: &planned,
                    due_within_days: u32::MAX,
                };
                let outcome = evaluate(&input);
                // Due dates past chrono's range saturate at its last day instead of wrapping.
                assert!(outcome.next_due >= start, "{kind:?} {months}: {outcome:?}");
                assert!(outcome.dues.iter().all(|due| due.due >= start), "{kind:?} {months}");
                if months == u32::MAX {
                    assert_eq!(outcome.next_due, end, "{kind:?}: saturated");
                }
                assert!(outcome.status <= Status::Violated, "{kind:?} {months}: {outcome:?}");
            }
        }
    }
}
