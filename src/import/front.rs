//! What stands around the plan's table: the approval block and the title above it, the
//! signature below it, the plan's own year in the title, and the body that issued the plan.

use chrono::NaiveDate;

use super::document::Paragraph;
use super::table::collapse;
use crate::model::{Approval, Signature};
use crate::when;

/// The most lines an approval block runs over («УТВЕРЖДЕН / протоколом заседания / Совета … /
/// от 25.01.2024 № 1»).
const APPROVAL_LINES: usize = 6;

/// Words that mark a line of an approval block.
const APPROVAL_MARKS: &[&str] = &[
    "решени",
    "протокол",
    "постановлен",
    "распоряжен",
    "приказ",
    "заседани",
    "собрани",
    "от ",
    "№",
    "__",
    "подпис",
    "председател",
    "глава",
    "директор",
    "руководител",
    "заведующ",
    "секретар",
    "«",
    "of ",
    "no.",
];

/// An approval block as read: the model's approval when it has a date, else its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApprovalBlock {
    Read(Approval),
    /// «УТВЕРЖДАЮ / Глава … / ____ И. И. Иванов / «__» ______ 2024 г.»: no date to write.
    Undated(String),
}

/// The approval block above the title, on one line or several, and the paragraphs after it.
#[must_use]
pub fn approval<'d>(above: &[&'d Paragraph]) -> (Option<ApprovalBlock>, Vec<&'d Paragraph>) {
    let Some(at) = above.iter().position(|p| {
        let head = collapse(&p.text).to_uppercase();
        head.starts_with("УТВЕРЖД") || head.starts_with("APPROVED")
    }) else {
        return (None, above.to_vec());
    };
    let mut lines = vec![collapse(&above[at].text)];
    let mut end = at + 1;
    while end < above.len() && lines.len() < APPROVAL_LINES && continues_approval(&above[end].text) {
        lines.push(collapse(&above[end].text));
        end += 1;
    }
    let rest: Vec<&Paragraph> = above[..at].iter().chain(&above[end..]).copied().collect();
    (Some(read_approval(&lines.join(" "))), rest)
}

/// Whether a line below «УТВЕРЖДЁН» still belongs to the block: a decision, a date, a number, a
/// position or a signature line, never the title.
fn continues_approval(text: &str) -> bool {
    let lower = collapse(&text.to_lowercase());
    if lower.starts_with("план") || lower.is_empty() {
        return false;
    }
    APPROVAL_MARKS.iter().any(|m| lower.contains(m))
        || lower.starts_with("г.")
        || person(text).is_some()
        || read_date(&collapse(text)).is_some()
}

/// «УТВЕРЖДЁН решением Президиума … от 20.12.2018 № 12» as the model's approval: `by` what
/// stands between the first word and «от», the date after «от», the number after «№».
fn read_approval(block: &str) -> ApprovalBlock {
    let without_head = block.split_once(' ').map_or("", |(_, rest)| rest).trim();
    // Searched in the text as written: the markers have no case to differ in.
    let number_at = without_head.find('№').or_else(|| without_head.find("No. "));
    let number = number_at.and_then(|at| without_head.get(at..)).map(|rest| {
        let rest = rest.trim_start_matches(['№', 'N', 'o', '.']).trim_start();
        rest.split_whitespace().next().unwrap_or("").trim_end_matches([',', ';']).to_owned()
    });
    let date_at = [" от ", " of "].iter().filter_map(|m| without_head.find(m).map(|at| (at, m.len()))).min();
    let date = date_at.and_then(|(at, len)| {
        let after = without_head.get(at + len..)?;
        let end = ['№', ','].iter().filter_map(|c| after.find(*c)).min().unwrap_or(after.len());
        read_date(after[..end].trim().trim_end_matches([',', ';']))
    });
    let by_end = [date_at.map(|(at, _)| at), number_at].into_iter().flatten().min().unwrap_or(without_head.len());
    let by = without_head[..by_end].trim().trim_end_matches(',').to_owned();
    // «УТВЕРЖДАЮ / Глава … / ____ И. И. Иванов / 15.01.2024»: a person's approval, the date without «от».
    let date = date.or_else(|| {
        without_head.split_whitespace().find_map(|w| when::parse_date(w.trim_matches(['«', '»', '"', ',', ';'])).ok())
    });
    let by = if date_at.is_none() && number_at.is_none() {
        let kept: Vec<&str> = without_head
            .split_whitespace()
            .filter(|w| {
                !w.chars().all(|c| c == '_') && when::parse_date(w.trim_matches(['«', '»', '"', ',', ';'])).is_err()
            })
            .collect();
        kept.join(" ").trim_end_matches([',', ' ']).to_owned()
    } else {
        by
    };
    match (date, number) {
        (Some(date), number) => {
            ApprovalBlock::Read(Approval { by, date: Some(date), number: number.filter(|n| !n.is_empty()) })
        }
        (None, _) => ApprovalBlock::Undated(block.to_owned()),
    }
}

/// A day as a plan writes it: `20.12.2018`, `2018-12-20`, «25 января 2024 г.», «"25" января 2024».
fn read_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim_end_matches(['.', ' ']).trim_end_matches(" г").trim_end_matches(" года");
    let text: String = text.chars().filter(|c| !matches!(c, '«' | '»' | '"')).collect();
    if let Ok(date) = when::parse_date(text.trim()) {
        return Some(date);
    }
    let year = text.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 4)?.parse().ok()?;
    let context = when::Context { year, today: NaiveDate::from_ymd_opt(year, 1, 1)? };
    match when::parse(text.trim(), &context, when::Source::File).ok()? {
        when::Schedule::Window(ranges) if ranges.len() == 1 && ranges[0].from == ranges[0].to => Some(ranges[0].from),
        _ => None,
    }
}

/// A signature below the table: «Председатель ____ И. И. Иванов», «Председатель Совета
/// И.И. Иванов», or the position on one line and the name under it. A blank for the signature
/// («____ (подпись)») is not a name.
pub fn signature(below: &[&Paragraph]) -> Option<Signature> {
    for (i, p) in below.iter().enumerate() {
        let text = collapse(&p.text);
        let blank = text.find("__");
        let (position, rest) = match blank {
            Some(at) => (text[..at].trim().to_owned(), text[at..].trim_start_matches('_').trim().to_owned()),
            None => match person(&text) {
                Some(name) if name.len() < text.len() => {
                    (text[..text.len() - name.len()].trim().to_owned(), name.to_owned())
                }
                _ => continue,
            },
        };
        let mut name = strip_signature_words(&rest);
        if name.is_empty()
            && let Some(next) = below.get(i + 1)
        {
            name = person(&collapse(&next.text)).map(str::to_owned).unwrap_or_default();
        }
        if !position.is_empty() && !name.is_empty() && person(&name).is_some() {
            return Some(Signature { position, name });
        }
    }
    None
}

/// The text after a signature blank without «(подпись)», «(расшифровка подписи)», «М.П.» and
/// slashes.
fn strip_signature_words(text: &str) -> String {
    let mut text = text.to_owned();
    while let Some(open) = text.find('(') {
        let close = text[open..].find(')').map_or(text.len(), |c| open + c + 1);
        text.replace_range(open..close, " ");
    }
    let text = text.replace(['/', '_'], " ").replace("М.П.", " ");
    collapse(&text)
}

/// The person's name at the end of `text`: «И. И. Иванов», «И.И. Иванов», «Станчев А.Е.»
/// (initials keep their dots).
#[must_use]
pub fn person(text: &str) -> Option<&str> {
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let initial = |w: &str| {
        let chars: Vec<char> = w.chars().collect();
        chars.len() >= 2 && chars.chunks(2).all(|pair| pair[0].is_uppercase() && pair.get(1) == Some(&'.'))
    };
    let surname = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(|c| c.is_lowercase() || c == '-')
    };
    let n = words.len();
    // «Станчев А.Е.» / «Станчев А. Е.»
    let surname_first = (1..=2).rev().find(|&k| {
        n > k && surname(words[n - k - 1]) && words[n - k..].iter().all(|w| initial(w.trim_end_matches(',')))
    });
    // «И. И. Иванов» / «И.И. Иванов»
    let initials_first = (1..=2).rev().find(|&k| {
        n > k && surname(words[n - 1].trim_end_matches('.')) && words[n - k - 1..n - 1].iter().all(|w| initial(w))
    });
    let count = surname_first.or(initials_first)? + 1;
    let first = words[n - count];
    let start = text.rfind(first).filter(|_| count == 1).unwrap_or_else(|| {
        // The start of the (count)-th word from the end.
        let mut at = text.len();
        for word in words[n - count..].iter().rev() {
            at = text[..at].rfind(word).unwrap_or(0);
        }
        at
    });
    let name = text[start..].trim_end();
    // «И. И. Иванов.»: the sentence's full stop is not the name's; an initial's dot is.
    Some(if initials_first.is_some() && surname_first.is_none() { name.trim_end_matches('.') } else { name })
}

/// The plan's own period in its title: «на 2019 год», «на 2019 г.», «в 2019 году» (one year),
/// «на 2019–2020 годы» (several). Years inside names — «1941–1945 гг.», «к 70-летию» — are not
/// the plan's.
#[must_use]
pub fn title_years(title: &str) -> Option<(i32, i32)> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let year = |w: &str| (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten().filter(|y| (1900..=2199).contains(y));
    let is_god = |w: Option<&&str>| w.is_some_and(|w| w.starts_with("год") || *w == "г" || *w == "гг");
    for (i, word) in words.iter().enumerate() {
        let Some(first) = year(word) else { continue };
        let before = i.checked_sub(1).map(|b| words[b]);
        match before {
            Some("на") => {
                if let Some(last) = words.get(i + 1).and_then(|w| year(w))
                    && last > first
                    && last - first <= 10
                {
                    return Some((first, last));
                }
                return Some((first, first));
            }
            Some("в") if words.get(i + 1).is_some_and(|w| w.starts_with("год")) => return Some((first, first)),
            _ => {}
        }
    }
    // «План работы 2019 год»: a year before «год» that is not one end of a range.
    words.iter().enumerate().find_map(|(i, word)| {
        let y = year(word)?;
        let in_range = i.checked_sub(1).is_some_and(|b| year(words[b]).is_some())
            || words.get(i + 1).is_some_and(|w| year(w).is_some());
        (!in_range && is_god(words.get(i + 1)) && words.get(i + 1).is_none_or(|w| *w != "гг")).then_some((y, y))
    })
}

/// The most common year among the times of a plan (ties: the earliest), when they name any.
#[must_use]
pub fn common_year<'a>(times: impl Iterator<Item = &'a str>) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for text in times {
        for word in text.split(|c: char| !c.is_ascii_digit()) {
            if word.len() == 4
                && let Ok(year) = word.parse::<i32>()
                && (1900..=2199).contains(&year)
            {
                *counts.entry(year).or_default() += 1;
            }
        }
    }
    let most = counts.values().copied().max()?;
    counts.into_iter().find(|&(_, n)| n == most).map(|(year, _)| year)
}

/// The body named in a title: «План работы Совета депутатов Кардымовского района на 2024 год»
/// → «Совета депутатов Кардымовского района».
#[must_use]
pub fn body_in_title(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let heads = ["план основных мероприятий", "план мероприятий", "план работы", "план"];
    let head = heads.iter().find(|h| lower.starts_with(*h))?;
    let rest = &title[head.len()..];
    let rest_lower = &lower[head.len()..];
    let end = [" на ", " в ", " по ", " с "].iter().filter_map(|m| rest_lower.find(m)).min().unwrap_or(rest.len());
    let body = rest[..end].trim().trim_end_matches([',', '.']).trim();
    body.chars().next().filter(|c| c.is_uppercase()).map(|_| body.to_owned())
}

/// The title from the paragraphs above the table: from the one that starts with «План» down to
/// the table (else the last one); the bold paragraph just before it, if any, is the organisation.
#[must_use]
pub fn title(above: &[&Paragraph]) -> (String, Option<String>) {
    if above.is_empty() {
        return (String::new(), None);
    }
    let start = above
        .iter()
        .position(|p| collapse(&p.text).to_lowercase().starts_with("план"))
        .unwrap_or(above.len().saturating_sub(1));
    let joined: Vec<&str> = above[start..].iter().map(|p| p.text.as_str()).collect();
    let organization = start.checked_sub(1).map(|i| above[i]).filter(|p| p.bold).map(|p| collapse(&p.text));
    (collapse(&joined.join(" ")), organization)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[&str]) -> Vec<Paragraph> {
        lines.iter().map(|t| Paragraph { text: (*t).to_owned(), bold: false, listed: false }).collect()
    }

    #[test]
    fn the_year_is_the_plans_own() {
        assert_eq!(title_years("План работы … на 2019 год"), Some((2019, 2019)));
        assert_eq!(title_years("План на 2019–2020 годы"), Some((2019, 2020)));
        assert_eq!(title_years("План мероприятий в 2019 году"), Some((2019, 2019)));
        assert_eq!(title_years("План к 70-летию Победы в Великой Отечественной войне 1941-1945 гг."), None);
        assert_eq!(title_years("План к 75-летию Победы 1941–1945 гг. на 2020 год"), Some((2020, 2020)));
        assert_eq!(title_years("План работы на 2024 г."), Some((2024, 2024)));
        assert_eq!(title_years("План работы"), None);
    }

    #[test]
    fn the_most_common_year_of_the_times() {
        let times = ["15.03.2024", "апрель 2024", "2023 год", "май"];
        assert_eq!(common_year(times.into_iter()), Some(2024));
        assert_eq!(common_year(["апрель"].into_iter()), None);
    }

    #[test]
    fn approval_blocks_on_several_lines() {
        let lines =
            paragraphs(&["УТВЕРЖДЕН", "протоколом заседания Совета", "от 25.01.2024 № 1", "План работы на 2024 год"]);
        let refs: Vec<&Paragraph> = lines.iter().collect();
        let (block, rest) = approval(&refs);
        let expected = Approval {
            by: "протоколом заседания Совета".into(),
            date: NaiveDate::from_ymd_opt(2024, 1, 25),
            number: Some("1".into()),
        };
        assert_eq!(block, Some(ApprovalBlock::Read(expected)));
        assert_eq!(rest.len(), 1);
        let one = paragraphs(&["УТВЕРЖДЁН решением Президиума от 20.12.2018 № 12"]);
        let refs: Vec<&Paragraph> = one.iter().collect();
        let Some(ApprovalBlock::Read(read)) = approval(&refs).0 else { panic!() };
        assert_eq!((read.by.as_str(), read.number.as_deref()), ("решением Президиума", Some("12")));
    }

    #[test]
    fn a_persons_approval_with_a_bare_date() {
        let lines = paragraphs(&["УТВЕРЖДАЮ", "Глава поселения", "____________ И.И. Иванов", "15.01.2024"]);
        let refs: Vec<&Paragraph> = lines.iter().collect();
        let expected = Approval {
            by: "Глава поселения И.И. Иванов".into(),
            date: NaiveDate::from_ymd_opt(2024, 1, 15),
            number: None,
        };
        assert_eq!(approval(&refs).0, Some(ApprovalBlock::Read(expected)));
    }

    #[test]
    fn names_keep_their_initials() {
        assert_eq!(person("Председатель Совета Станчев А.Е."), Some("Станчев А.Е."));
        assert_eq!(person("Председатель И. И. Иванов."), Some("И. И. Иванов"));
        assert_eq!(person("Председатель И.И. Иванов"), Some("И.И. Иванов"));
        assert_eq!(person("(подпись)"), None);
        assert_eq!(person("Председатель"), None);
    }

    #[test]
    fn a_signature_blank_is_not_a_name() {
        let lines = paragraphs(&["Председатель Совета ____________ (подпись)"]);
        let refs: Vec<&Paragraph> = lines.iter().collect();
        assert_eq!(signature(&refs), None);
        let lines = paragraphs(&["Председатель Совета ____________ (подпись)", "А. Е. Станчев"]);
        let refs: Vec<&Paragraph> = lines.iter().collect();
        let expected = Signature {
            position: "Председатель Совета".into(), name: "А. Е. Станчев".into()
        };
        assert_eq!(signature(&refs), Some(expected));
    }

    #[test]
    fn the_body_named_in_the_title() {
        assert_eq!(
            body_in_title("План работы Совета депутатов Кардымовского района на 2024 год").as_deref(),
            Some("Совета депутатов Кардымовского района")
        );
        assert_eq!(body_in_title("План работы на 2024 год"), None);
    }
}
