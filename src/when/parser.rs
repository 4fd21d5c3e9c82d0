//! The parser: tokens to a [`Schedule`], trying every reading of a list item and keeping the one
//! that fills it.

use std::cell::Cell;
use std::ops::Range;

use chrono::{Datelike, Days, NaiveDate};

use super::lexer::{Kind, Tok, small, year_value};
use super::vocabulary::{
    ADVERBS, AS_NEEDED, AT_LEAST, AT_TIME, BETWEEN_WORDS, DEADLINE, DECADE_WORDS, END_OF, EVERY, HALF_WORDS, HOURS,
    JOINERS, MONTHS, NUMBER_WORDS, ONCE_WORDS, ORD_SUFFIXES, ORDINALS, PER, PREFIXES, QUARTER_WORDS, RANGE_OPENERS,
    RANGE_WORDS, REL_DAYS, REL_MODS, REL_UNITS, RelUnit, THAN, TIMES, TIMES_ALONE, UNITS, WHOLE_PERIOD, YEAR_TAILS,
    YEAR_WORDS,
};
use super::{Context, DateRange, Recurrence, Schedule, Source, Unit, WhenError, WhenErrorKind};

pub(super) enum Fail {
    /// Nothing matched; the span is the part to blame if no single token is.
    Unknown(Range<usize>),
    Error(WhenError),
}

pub(super) fn fail(kind: WhenErrorKind, span: Range<usize>) -> Fail {
    Fail::Error(WhenError::new(kind, span))
}

#[derive(Debug, Clone, Copy)]
pub(super) enum What {
    Month(u32),
    Quarter(u32),
    Half(u32),
    /// Day and month.
    Day(u32, u32),
    /// Ten days (1–3) of a month: `первая декада января`.
    Decade(u32, u32),
    /// A day whose month comes from the range's other end: `1–15 апреля`.
    BareDay(u32),
    Year,
    Relative(RelUnit, i32),
}

/// One end of a range, or a whole window, before its year is settled.
#[derive(Debug, Clone, Copy)]
pub(super) struct End {
    what: What,
    /// The year written with it, if any.
    year: Option<i64>,
    /// Tokens `first..last` it was read from.
    first: usize,
    last: usize,
}

pub(super) struct RuleMatch {
    times: u32,
    months: u32,
    unit: Unit,
    /// Token of a zero count, for the error's span.
    zero_at: Option<usize>,
}

pub(super) enum Found {
    AsNeeded,
    Rule(RuleMatch, bool),
}

pub(super) struct Parser<'a> {
    pub(super) norm: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) ctx: Context,
    pub(super) source: Source,
    /// What the reading found besides the dates; written only by the reading that succeeds.
    pub(super) notes: &'a Notes,
}

/// What a reading found besides its dates, for [`super::Aside`].
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// Byte span of a time of day after a date.
    pub(super) time: Cell<Option<(usize, usize)>>,
    /// A window of whole years was read.
    pub(super) whole_years: Cell<bool>,
    /// A deadline without its year was read.
    pub(super) yearless_deadline: Cell<bool>,
}

impl<'a> Parser<'a> {
    fn sub(&self, range: Range<usize>) -> Parser<'a> {
        Parser { toks: &self.toks[range], ..*self }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Word).then(|| &self.norm[t.n0..t.n1])
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    fn digits(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num).then(|| &self.norm[t.n0..t.n1])
    }

    /// A one- or two-digit number: a day or a month.
    fn num12(&self, i: usize) -> Option<u32> {
        self.digits(i).filter(|d| d.len() <= 2).and_then(small)
    }

    /// A one-digit number: a quarter or a half.
    fn num1(&self, i: usize) -> Option<u32> {
        self.digits(i).filter(|d| d.len() == 1).and_then(small)
    }

    /// A number of four digits or more: a year.
    fn year_num(&self, i: usize) -> Option<i64> {
        self.digits(i).filter(|d| d.len() >= 4).map(year_value)
    }

    /// Byte span of tokens `a..b`.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        match (self.toks.get(a), b.checked_sub(1).and_then(|l| self.toks.get(l))) {
            (Some(first), Some(last)) if a < b => first.start..last.end,
            (Some(first), _) => first.start..first.end,
            _ => 0..0,
        }
    }

    fn whole_span(&self) -> Range<usize> {
        self.span(0, self.len())
    }

    fn skip_dot(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Dot) { i + 1 } else { i }
    }

    /// Where `phrase` ends if it starts at token `i`.
    fn phrase(&self, mut i: usize, phrase: &str) -> Option<usize> {
        for part in phrase.split(' ') {
            let matched = match part {
                "-" => matches!(self.kind(i), Some(Kind::Hyphen | Kind::Dash)),
                word => self.word(i) == Some(word),
            };
            if !matched {
                return None;
            }
            i += 1;
        }
        Some(i)
    }

    /// The longest phrase of `table` at `i`, with its value and end.
    fn longest<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<(T, usize)> {
        let first = self.word(i)?;
        let mut best: Option<(T, usize)> = None;
        for &(phrase, value) in table {
            // Cheap reject before the token-by-token match.
            if !phrase.starts_with(first) {
                continue;
            }
            if let Some(end) = self.phrase(i, phrase)
                && best.is_none_or(|(_, b)| end > b)
            {
                best = Some((value, end));
            }
        }
        best
    }

    fn longest_of(&self, i: usize, table: &[&str]) -> Option<usize> {
        let first = self.word(i)?;
        table.iter().filter(|p| p.starts_with(first)).filter_map(|p| self.phrase(i, p)).max()
    }

    /// The whole text: whole period, a rule, or a list of windows.
    pub(super) fn schedule(&self) -> Result<Schedule, Fail> {
        // A closing full stop ends the sentence, not an abbreviation.
        let n =
            if self.len() > 1 && self.kind(self.len() - 1) == Some(Kind::Dot) { self.len() - 1 } else { self.len() };
        let body = self.sub(0..n);
        if body.longest_of(0, WHOLE_PERIOD) == Some(n) {
            return Ok(Schedule::WholePeriod);
        }
        // Rules go first: `по мере необходимости, но не реже ...` has a comma
        // that is not a list separator.
        if let Some(found) = body.recurring() {
            if self.source == Source::CommandLine {
                return Err(fail(WhenErrorKind::RecurrenceOnlyInFile, self.whole_span()));
            }
            return body.rule_schedule(found);
        }
        let mut ranges = Vec::new();
        let mut start = 0;
        for i in 0..=n {
            if i < n && !body.is_list_separator(i) {
                continue;
            }
            if i == start {
                // An empty item: blame the separator next to it.
                return Err(Fail::Unknown(body.span(i.min(n - 1), i.min(n - 1) + 1)));
            }
            ranges.push(body.sub(start..i).item()?);
            start = i + 1;
        }
        Ok(Schedule::Window(ranges))
    }

    /// Commas and semicolons separate list items, except the comma before
    /// the year in `April 21, 2019`, `21 April, 2019` or `April, 2020`.
    fn is_list_separator(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Semi) => true,
            Some(Kind::Comma) => !self.is_year_comma(i),
            _ => false,
        }
    }

    fn is_year_comma(&self, i: usize) -> bool {
        let is_month = |t: usize| self.month(t).is_some();
        let Some(mut before) = i.checked_sub(1) else {
            return false;
        };
        if self.kind(before) == Some(Kind::Dot) || self.longest_of(before, ORD_SUFFIXES).is_some() {
            let Some(earlier) = before.checked_sub(1) else {
                return false;
            };
            before = earlier;
        }
        let after_date =
            is_month(before) || (self.num12(before).is_some() && before.checked_sub(1).is_some_and(is_month));
        // A year with more after it (`2019-05-01`, `2020 год`) is an item of its own.
        after_date
            && self.year_num(i + 1).is_some()
            && !matches!(self.kind(i + 2), Some(Kind::Hyphen | Kind::Dot | Kind::Word))
    }

    fn rule_schedule(&self, found: Found) -> Result<Schedule, Fail> {
        match found {
            Found::AsNeeded => Ok(Schedule::AsNeeded),
            Found::Rule(rule, as_needed) => {
                if let Some(z) = rule.zero_at {
                    return Err(fail(WhenErrorKind::ZeroCount, self.span(z, z + 1)));
                }
                if rule.times == 0 || rule.months == 0 {
                    return Err(fail(WhenErrorKind::ZeroCount, self.whole_span()));
                }
                Ok(Schedule::AtLeast(Recurrence { times: rule.times, every: rule.months, unit: rule.unit, as_needed }))
            }
        }
    }

    /// "As needed", a rule, or both, filling the whole text.
    fn recurring(&self) -> Option<Found> {
        let n = self.len();
        if let Some(j) = self.longest_of(0, AS_NEEDED) {
            if j == n {
                return Some(Found::AsNeeded);
            }
            return match self.rule(self.skip_joiners(j)) {
                Some((rule, end)) if end == n => Some(Found::Rule(rule, true)),
                _ => None,
            };
        }
        let (rule, end) = self.rule(0)?;
        if end == n {
            return Some(Found::Rule(rule, false));
        }
        (self.longest_of(self.skip_joiners(end), AS_NEEDED) == Some(n)).then_some(Found::Rule(rule, true))
    }

    fn skip_joiners(&self, mut i: usize) -> usize {
        if matches!(self.kind(i), Some(Kind::Comma | Kind::Semi)) {
            i += 1;
        }
        if let Some(end) = self.longest_of(i, JOINERS) {
            i = end;
            if self.kind(i) == Some(Kind::Comma) {
                i += 1;
            }
        }
        i
    }

    /// `не реже 1-го раза в 6 месяцев`, `twice a year`, `ежеквартально`, ...
    fn rule(&self, i: usize) -> Option<(RuleMatch, usize)> {
        let mut j = i;
        if let Some(end) = self.longest_of(j, AT_LEAST) {
            j = end;
            if self.kind(j) == Some(Kind::Comma) {
                j += 1;
            }
            j = self.longest_of(j, THAN).unwrap_or(j);
        }
        if let Some(((months, unit), end)) = self.longest(j, ADVERBS) {
            let rule = RuleMatch { times: 1, months, unit, zero_at: None };
            return Some((rule, end));
        }
        if let Some(k) = self.longest_of(j, EVERY)
            && let Some((months, unit, zero_at, end)) = self.period(k)
        {
            let rule = RuleMatch { times: 1, months, unit, zero_at };
            return Some((rule, end));
        }
        let (times, zero_times, k) = self.count(j)?;
        let k = self.longest_of(k, PER)?;
        let (months, unit, zero_months, end) = self.period(k)?;
        let rule = RuleMatch { times, months, unit, zero_at: zero_times.or(zero_months) };
        Some((rule, end))
    }

    /// How many times: `1-го раза`, `двух раз`, `раза`, `twice`, `2 times`.
    fn count(&self, i: usize) -> Option<(u32, Option<usize>, usize)> {
        if let Some((times, end)) = self.longest(i, ONCE_WORDS) {
            return Some((times, None, end));
        }
        if let Some((times, zero_at, k)) = self.number(i) {
            return Some((times, zero_at, self.longest_of(k, TIMES)?));
        }
        Some((1, None, self.longest_of(i, TIMES_ALONE)?))
    }

    /// A count in digits (with an optional ending) or in words.
    fn number(&self, i: usize) -> Option<(u32, Option<usize>, usize)> {
        let (value, end) = match self.digits(i) {
            Some(digits) => (small(digits)?, self.ord_suffix(i + 1)),
            None => self.longest(i, NUMBER_WORDS)?,
        };
        Some((value, (value == 0).then_some(i), end))
    }

    /// `6 месяцев`, `полгода`, `quarter`, `2 недели`: the period, in months or weeks.
    fn period(&self, i: usize) -> Option<(u32, Unit, Option<usize>, usize)> {
        let (amount, zero_at, k) = self.number(i).unwrap_or((1, None, i));
        let ((size, unit), end) = self.longest(k, UNITS)?;
        Some((amount.checked_mul(size)?, unit, zero_at, end))
    }

    /// Skips the ending of a numeral (`-го`, `-й`, `st`), if there is one.
    fn ord_suffix(&self, i: usize) -> usize {
        let k = if self.kind(i) == Some(Kind::Hyphen) { i + 1 } else { i };
        self.longest_of(k, ORD_SUFFIXES).unwrap_or(i)
    }

    /// One list item: a window, a range of two, a deadline, or a day with its time.
    fn item(&self) -> Result<DateRange, Fail> {
        if let Some(deadline) = self.deadline()? {
            return Ok(deadline);
        }
        if let Some(t) = self.time_of_day() {
            let day = self.sub(0..t).item()?;
            if day.from == day.to {
                let span = self.span(t, self.len());
                self.notes.time.set(Some((span.start, span.end)));
                return Ok(day);
            }
            return Err(Fail::Unknown(self.span(t, self.len())));
        }
        self.window()
    }

    /// A time of day closing the item (`в 14.00`, `14:00`, `в 9.30 ч.`): where it starts.
    fn time_of_day(&self) -> Option<usize> {
        let mut end = self.len();
        if end > 1 && self.kind(end - 1) == Some(Kind::Dot) {
            end -= 1;
        }
        if end > 1 && self.longest_of(end - 1, HOURS) == Some(end) {
            end -= 1;
        }
        let hours = |i: usize| self.num12(i).filter(|&h| h <= 23);
        let minutes = |i: usize| self.digits(i).filter(|d| d.len() == 2).and_then(small).filter(|&m| m <= 59);
        let start = match self.toks.get(end.checked_sub(1)?)?.kind {
            // `14.00` is lexed as a day and a month: the day is the hour, the month the minutes.
            Kind::Date(super::lexer::DateShape { year: None, month, day: Some(hour) }) if hour <= 23 && month <= 59 => {
                // The normalized spelling drops the dot: `14.00` is `1400`; the minutes are two digits.
                let written = self.norm_of(end - 1);
                let split = written.len().checked_sub(2)?;
                let minutes_ok = written[split..].parse() == Ok(month);
                let hours_ok = written[..split].parse() == Ok(hour);
                (minutes_ok && hours_ok).then_some(end - 1)?
            }
            Kind::Num if end >= 3 && self.kind(end - 2) == Some(Kind::Colon) => {
                (hours(end - 3).is_some() && minutes(end - 1).is_some()).then_some(end - 3)?
            }
            _ => return None,
        };
        let start = match start.checked_sub(1) {
            Some(before) if self.longest_of(before, AT_TIME) == Some(start) => before,
            _ => start,
        };
        (start > 0).then_some(start)
    }

    fn norm_of(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.norm[t.n0..t.n1])
    }

    /// `до 15 марта`, `к 9 мая`, `не позднее 1 апреля`, `до конца I квартала`, `до конца года`:
    /// the window from the plan's start (in the file) to that day.
    fn deadline(&self) -> Result<Option<DateRange>, Fail> {
        let n = self.len();
        let Some(k) = self.longest_of(0, DEADLINE) else {
            return Ok(None);
        };
        let end_of = self.longest_of(k, END_OF);
        let k = end_of.unwrap_or(k);
        let mut ends = self.endpoints(k);
        if end_of.is_some()
            && let Some(last) = self.longest_of(k, YEAR_WORDS)
        {
            ends.push(End { what: What::Year, year: None, first: k, last: self.skip_dot(last) });
        }
        let fits = |e: &End| match e.what {
            What::Day(..) => end_of.is_none(),
            What::Month(_) | What::Quarter(_) | What::Half(_) | What::Decade(..) | What::Year => end_of.is_some(),
            What::BareDay(_) | What::Relative(..) => false,
        };
        let Some(end) = ends.into_iter().find(|e| e.last == n && fits(e)) else {
            return Ok(None);
        };
        if end.year.is_none() {
            self.notes.yearless_deadline.set(true);
        }
        let to = self.resolve(&end, end.year.unwrap_or(i64::from(self.ctx.year)))?.to;
        let from = match self.source {
            Source::File => self.ctx.today,
            // The command line's period is clipped to the plan, whose start it does not know.
            Source::CommandLine => NaiveDate::from_ymd_opt(self.ctx.year, 1, 1).unwrap_or(to).min(to),
        };
        if to < from {
            return Err(fail(WhenErrorKind::DeadlineBeforeStart { start: from, deadline: to }, self.whole_span()));
        }
        Ok(Some(DateRange { from, to }))
    }

    /// A window or a range of two.
    fn window(&self) -> Result<DateRange, Fail> {
        let n = self.len();
        let i = self.longest_of(0, PREFIXES).unwrap_or(0);
        let opener = self.longest_of(i, RANGE_OPENERS);
        let between = opener.is_some() && matches!(self.word(i), Some("between" | "между"));
        let i = opener.unwrap_or(i);
        for a in self.endpoints(i) {
            if a.last == n {
                if opener.is_none() && !matches!(a.what, What::BareDay(_)) {
                    return self.single(a);
                }
                continue;
            }
            let Some(k) = self.separator(a.last, between) else {
                continue;
            };
            for b in self.endpoints(k) {
                if b.last == n && ends_fit(&a, &b) {
                    return self.range(a, b);
                }
            }
        }
        if opener.is_none()
            && let Some((a, b)) = self.shared_noun_range(i)
        {
            return self.range(a, b);
        }
        Err(Fail::Unknown(self.whole_span()))
    }

    fn separator(&self, i: usize, between: bool) -> Option<usize> {
        match self.kind(i)? {
            Kind::Hyphen | Kind::Dash | Kind::DotDot => Some(i + 1),
            Kind::Word if between => self.longest_of(i, BETWEEN_WORDS),
            Kind::Word => self.longest_of(i, RANGE_WORDS),
            _ => None,
        }
    }

    /// Every way a window can start at token `i`, longest first where it matters.
    fn endpoints(&self, i: usize) -> Vec<End> {
        let mut out = Vec::new();
        let this_year = Some(i64::from(self.ctx.today.year()));
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if let Some((days, end)) = self.longest(i, REL_DAYS) {
            push(What::Relative(RelUnit::Day, days), this_year, end);
        }
        if let Some((delta, k)) = self.longest(i, REL_MODS)
            && let Some((unit, end)) = self.longest(k, REL_UNITS)
        {
            push(What::Relative(unit, delta), this_year, end);
        }
        match self.kind(i) {
            Some(Kind::Date(shape)) => {
                let what = shape.day.map_or(What::Month(shape.month), |day| What::Day(day, shape.month));
                let last = if shape.year.is_some() { self.year_word(i + 1) } else { i + 1 };
                push(what, shape.year, last);
            }
            Some(Kind::Num) => self.number_endpoints(i, &mut out),
            Some(Kind::Word) => self.word_endpoints(i, &mut out),
            _ => {}
        }
        out
    }

    fn number_endpoints(&self, i: usize, out: &mut Vec<End>) {
        let Some(digits) = self.digits(i) else {
            return;
        };
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if digits.len() >= 4 {
            let year = Some(year_value(digits));
            if let Some(n) = self.num1(i + 2) {
                if self.is(i + 1, "q") {
                    push(What::Quarter(n), year, i + 3);
                } else if self.is(i + 1, "h") {
                    push(What::Half(n), year, i + 3);
                }
            }
            push(What::Year, year, self.year_word(i + 1));
            return;
        }
        if digits.len() > 2 {
            return;
        }
        let Some(n) = small(digits) else {
            return;
        };
        let k = self.ord_suffix(i + 1);
        if let Some((month, k2)) = self.month(k) {
            let (year, end) = self.year_suffix(k2);
            push(What::Day(n, month), year, end);
        }
        push(What::BareDay(n), None, k);
        if digits.len() == 1 {
            self.unit_endpoints(i, n, k, out);
        }
    }

    fn word_endpoints(&self, i: usize, out: &mut Vec<End>) {
        let Some(word) = self.word(i) else {
            return;
        };
        let mut push = |what, year, last| {
            out.push(End { what, year, first: i, last });
        };
        if let Some((month, k)) = self.month(i) {
            if let Some(day) = self.num12(k) {
                let (year, end) = self.year_suffix(self.ord_suffix(k + 1));
                push(What::Day(day, month), year, end);
            }
            let (year, end) = self.year_suffix(k);
            push(What::Month(month), year, end);
        }
        if let Some(n) = self.num1(i + 1) {
            let (year, end) = self.year_suffix(i + 2);
            match word {
                "q" => push(What::Quarter(n), year, end),
                "h" => push(What::Half(n), year, end),
                _ => {}
            }
        }
        if word == "year"
            && let Some(year) = self.year_num(i + 1)
        {
            push(What::Year, Some(year), i + 2);
        }
        if let Some((n, k)) = self.longest(i, ORDINALS) {
            self.unit_endpoints(i, n, k, out);
        }
    }

    /// `квартал`/`полугодие`/`декада января` after an ordinal `n` that ended at `k`.
    fn unit_endpoints(&self, first: usize, n: u32, k: usize, out: &mut Vec<End>) {
        if let Some(end) = self.longest_of(k, DECADE_WORDS)
            && let Some((month, k2)) = self.month(end)
        {
            let (year, last) = self.year_suffix(k2);
            out.push(End { what: What::Decade(n, month), year, first, last });
        }
        for (table, quarter) in [(QUARTER_WORDS, true), (HALF_WORDS, false)] {
            if let Some(end) = self.longest_of(k, table) {
                let (year, last) = self.year_suffix(self.skip_dot(end));
                let what = if quarter { What::Quarter(n) } else { What::Half(n) };
                out.push(End { what, year, first, last });
            }
        }
    }

    /// `I–II квартал`: two ordinals sharing one noun.
    fn shared_noun_range(&self, start: usize) -> Option<(End, End)> {
        let (first, first_end) = self.ordinal(start)?;
        let second_start = self.separator(first_end, false)?;
        let (second, noun) = self.ordinal(second_start)?;
        for (table, quarter) in [(QUARTER_WORDS, true), (HALF_WORDS, false)] {
            let Some(end) = self.longest_of(noun, table) else {
                continue;
            };
            let (year, last) = self.year_suffix(self.skip_dot(end));
            if last != self.len() {
                continue;
            }
            let what = |n| {
                if quarter { What::Quarter(n) } else { What::Half(n) }
            };
            let from = End { what: what(first), year, first: start, last: first_end };
            let to = End { what: what(second), year, first: second_start, last };
            return Some((from, to));
        }
        None
    }

    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        match self.num1(i) {
            Some(n) => Some((n, self.ord_suffix(i + 1))),
            None => self.longest(i, ORDINALS),
        }
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let word = self.word(i)?;
        let &(_, month) = MONTHS.iter().find(|(w, _)| *w == word)?;
        Some((month, self.skip_dot(i + 1)))
    }

    /// Skips `год`/`года`/`г.` after a year number.
    fn year_word(&self, i: usize) -> usize {
        match self.longest_of(i, YEAR_WORDS) {
            Some(end) if self.is(i, "г") || self.is(i, "гг") => self.skip_dot(end),
            Some(end) => end,
            None => i,
        }
    }

    /// An optional year after a window: `2019`, `2019 года`, `of 2019`, `of the year`.
    fn year_suffix(&self, i: usize) -> (Option<i64>, usize) {
        // Within an item a comma survives only before a year (see `is_year_comma`).
        let j = if self.is(i, "of") || self.kind(i) == Some(Kind::Comma) { i + 1 } else { i };
        if let Some(year) = self.year_num(j) {
            return (Some(year), self.year_word(j + 1));
        }
        match self.longest_of(i, YEAR_TAILS) {
            Some(end) => (None, end),
            None => (None, i),
        }
    }

    fn allow_relative(&self, end: &End) -> Result<(), Fail> {
        if matches!(end.what, What::Relative(..)) && self.source == Source::File {
            return Err(fail(WhenErrorKind::RelativeOnlyOnCommandLine, self.whole_span()));
        }
        Ok(())
    }

    fn single(&self, end: End) -> Result<DateRange, Fail> {
        self.allow_relative(&end)?;
        self.resolve(&end, end.year.unwrap_or(i64::from(self.ctx.year)))
    }

    /// A range of two ends. An end without a year takes the other end's year
    /// (`ноябрь – февраль 2020` starts in November 2019), else the plan's.
    fn range(&self, a: End, b: End) -> Result<DateRange, Fail> {
        self.allow_relative(&a)?;
        self.allow_relative(&b)?;
        let a = match (a.what, b.what) {
            (What::BareDay(day), What::Day(_, month)) => End { what: What::Day(day, month), year: b.year, ..a },
            _ => a,
        };
        let (from, to) = match (a.year, b.year) {
            (Some(ya), Some(yb)) => (self.resolve(&a, ya)?, self.resolve(&b, yb)?),
            (None, Some(yb)) => {
                let to = self.resolve(&b, yb)?;
                let mut from = self.resolve(&a, yb)?;
                if from.from > to.to
                    && let Ok(earlier) = self.resolve(&a, yb.saturating_sub(1))
                {
                    from = earlier;
                }
                (from, to)
            }
            (Some(ya), None) => {
                let from = self.resolve(&a, ya)?;
                let mut to = self.resolve(&b, ya)?;
                if to.to < from.from
                    && let Ok(later) = self.resolve(&b, ya.saturating_add(1))
                {
                    to = later;
                }
                (from, to)
            }
            (None, None) => {
                let year = i64::from(self.ctx.year);
                (self.resolve(&a, year)?, self.resolve(&b, year)?)
            }
        };
        if to.to < from.from {
            let kind = WhenErrorKind::Reversed { from: from.from, to: to.to };
            return Err(fail(kind, self.whole_span()));
        }
        Ok(DateRange { from: from.from, to: to.to })
    }

    fn resolve(&self, end: &End, year: i64) -> Result<DateRange, Fail> {
        let invalid = || fail(WhenErrorKind::InvalidDate, self.span(end.first, end.last));
        let year =
            i32::try_from(year).map_err(|_| fail(WhenErrorKind::YearOutOfRange, self.span(end.first, end.last)))?;
        let range = match end.what {
            What::Month(m) => months(year, m, m),
            What::Quarter(q @ 1..=4) => months(year, 3 * q - 2, 3 * q),
            What::Half(h @ 1..=2) => months(year, 6 * h - 5, 6 * h),
            What::Day(d, m) => {
                if let Some(days) = days_in_month(year, m)
                    && !(1..=days).contains(&d)
                    && (1..=9999).contains(&year)
                {
                    let kind = WhenErrorKind::NoSuchDay { year, month: m, days };
                    return Err(fail(kind, self.span(end.first, end.last)));
                }
                NaiveDate::from_ymd_opt(year, m, d).map(|day| DateRange { from: day, to: day })
            }
            What::Decade(n @ 1..=3, m) => months(year, m, m).and_then(|month| {
                let from = month.from.with_day(n * 10 - 9)?;
                let to = if n == 3 { month.to } else { month.from.with_day(n * 10)? };
                Some(DateRange { from, to })
            }),
            What::Year => {
                self.notes.whole_years.set(true);
                months(year, 1, 12)
            }
            What::Relative(unit, delta) => relative(self.ctx.today, unit, delta),
            What::Quarter(_) | What::Half(_) | What::Decade(..) | What::BareDay(_) => None,
        };
        // Years past 9999 print as `+10000-01-01`, which no one writes and the grammar does not
        // read back; years before 1 are no plan's. Both are named as such.
        let printable = |d: NaiveDate| (1..=9999).contains(&d.year());
        match range {
            Some(r) if printable(r.from) && printable(r.to) => Ok(r),
            Some(_) => Err(fail(WhenErrorKind::YearOutOfRange, self.span(end.first, end.last))),
            None if !(1..=9999).contains(&year) && !matches!(end.what, What::Relative(..)) => {
                Err(fail(WhenErrorKind::YearOutOfRange, self.span(end.first, end.last)))
            }
            None => Err(invalid()),
        }
    }
}

/// A bare day needs a dated end after it; nothing may end in a bare day.
pub(super) fn ends_fit(a: &End, b: &End) -> bool {
    match b.what {
        What::BareDay(_) => false,
        What::Day(..) => true,
        _ => !matches!(a.what, What::BareDay(_)),
    }
}

/// How many days month `month` of `year` has; `None` for a month outside 1..=12.
pub(super) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    months(year, month, month).map(|r| r.to.day())
}

/// Months `first..=last` of `year`; `None` for a month outside 1..=12.
pub(super) fn months(year: i32, first: u32, last: u32) -> Option<DateRange> {
    let from = NaiveDate::from_ymd_opt(year, first, 1)?;
    let to = if last == 12 {
        NaiveDate::from_ymd_opt(year, 12, 31)?
    } else {
        NaiveDate::from_ymd_opt(year, last.checked_add(1)?, 1)?.pred_opt()?
    };
    Some(DateRange { from, to })
}

pub(super) fn relative(today: NaiveDate, unit: RelUnit, delta: i32) -> Option<DateRange> {
    let year = i64::from(today.year());
    let delta = i64::from(delta);
    // Counting months and quarters from year 0 makes `next` cross year ends.
    let block = |per_year: i64, index: i64| -> Option<DateRange> {
        let index = year * per_year + index + delta;
        let y = i32::try_from(index.div_euclid(per_year)).ok()?;
        let n = u32::try_from(index.rem_euclid(per_year)).ok()?;
        let size = 12 / u32::try_from(per_year).ok()?;
        months(y, n * size + 1, n * size + size)
    };
    match unit {
        RelUnit::Day => {
            let days = Days::new(delta.unsigned_abs());
            let day = if delta < 0 { today.checked_sub_days(days) } else { today.checked_add_days(days) }?;
            Some(DateRange { from: day, to: day })
        }
        RelUnit::Month => block(12, i64::from(today.month0())),
        RelUnit::Quarter => block(4, i64::from(today.month0() / 3)),
        RelUnit::Year => block(1, 0),
    }
}
