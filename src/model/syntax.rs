//! TOML syntax errors told by what the file says where the parser stopped.
//!
//! The `toml` crate's messages are English prose that may change with any release ("invalid
//! float, expected nothing" for `held = [24.10.2019]`). Where the parser stops, the source itself
//! shows the mistake: a word with dots where a value starts is a date written the Russian way,
//! a letter where a value starts is text without quotes, an odd quote leaves text open. This
//! module reads that, so that the message names the mistake in the user's language and the
//! caret covers the whole token; what it cannot tell is left to the loader's other rules.

use std::ops::Range;

use chrono::NaiveDate;

use crate::error::Problem;

/// The problem at `span` (where the TOML parser stopped), and the span to show, when the source
/// there says what it is.
pub(super) fn classify(text: &str, span: &Range<usize>) -> Option<(Range<usize>, Problem)> {
    let at = span.start.min(text.len());
    // Whatever the parser expected, a control character where it stopped is the thing to name.
    if let Some(c) = text[at..].chars().next()
        && c.is_control()
        && !matches!(c, '\t' | '\n' | '\r')
    {
        return Some((span.clone(), Problem::ControlCharacter { code: u32::from(c) }));
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let column = at - line_start;
    let code = strip_comment(line);
    if code.trim().is_empty() {
        return None;
    }
    if let Some(problem) = header(code) {
        return Some((span.clone(), problem));
    }
    let token = token_at(line, column.min(line.len()));
    let written = &line[token.clone()];
    let token_span = line_start + token.start..line_start + token.end;
    // Never valid TOML, so whatever the line is (an item of a list over several lines too).
    if let Some(problem) = written_date(written) {
        return Some((token_span, problem));
    }
    // `[2019-03-14,,]`, `[, "a"]`, `{ on = 2019-03-14,, }`: a comma with no item before it.
    if line[column.min(line.len())..].starts_with(',')
        && code[..column.min(code.len())].trim_end().ends_with([',', '[', '{'])
    {
        return Some((span.start..span.start + 1, Problem::ExtraComma));
    }
    // `{` of JSON, a stray `}` or `-` of YAML where a key or a `[table]` must start.
    let key_start = |c: char| c.is_alphanumeric() || matches!(c, '"' | '\'' | '[' | '_' | '-' | '=');
    if code[..column.min(code.len())].trim().is_empty() && code[column.min(code.len())..].starts_with(|c| !key_start(c))
    {
        return Some((span.clone(), Problem::BadKey));
    }
    let Some(equals) = unquoted_equals(code) else {
        // `title: "A"`, a stray word; but `  2019-03-14,` may be an item of a list above.
        let looks_like_key = code.trim_start().starts_with(char::is_alphabetic) && !code.trim_end().ends_with(',');
        return looks_like_key.then(|| (span.clone(), Problem::MissingEquals));
    };
    if column <= equals {
        // `когда = ...`: a bare key takes Latin letters, digits, `_` and `-` (dots join keys).
        let key = code[..equals].trim();
        let bare = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ' | '\t');
        let quoted = key.contains(['"', '\'']);
        return (key.is_empty() || !quoted && !key.chars().all(bare)).then(|| (span.clone(), Problem::BadKey));
    }
    let value_before = &code[equals + 1..column.min(code.len())];
    let at_backslash = line[column..].starts_with('\\') || line[..column].ends_with('\\');
    if at_backslash && open_quote(value_before) && value_before.rfind('"') > value_before.rfind('\'') {
        return Some((span.clone(), Problem::BadEscape));
    }
    // `"\u00"`: a Unicode escape cut short (it takes 4 hex digits after `\u`, 8 after `\U`).
    if let Some(escape) = value_before.rfind('\\').map(|i| &value_before[i + 1..])
        && open_quote(value_before)
        && value_before.rfind('"') > value_before.rfind('\'')
    {
        let digits = escape.get(1..).unwrap_or("");
        let short = |wanted: usize| digits.len() < wanted && digits.bytes().all(|b| b.is_ascii_hexdigit());
        if escape.starts_with('u') && short(4) || escape.starts_with('U') && short(8) {
            return Some((span.clone(), Problem::BadEscape));
        }
    }
    if open_quote(&code[equals + 1..]) {
        return Some((span.clone(), Problem::UnclosedString));
    }
    // `2019-4-10`, `2019-02-30`: a TOML date in form that TOML refused.
    let iso_like =
        written.len() >= 8 && written.as_bytes()[..4].iter().all(u8::is_ascii_digit) && written.as_bytes()[4] == b'-';
    if iso_like && written.parse::<toml::value::Datetime>().is_err() {
        let problem = Problem::BadDate { fault: super::written::date_fault(written), text: written.to_owned() };
        return Some((token_span, problem));
    }
    let starts_value = line[..token.start].trim_end().ends_with(['=', '[', ',', '{']);
    // `[2019-03-14 2019-04-10]`: a whole value, then another with no comma between.
    let next = line[token.end..].trim_start();
    let in_list = line[..token.start].trim_end().ends_with(['[', ',']);
    let whole_value = written.parse::<toml::value::Datetime>().is_ok() || written.parse::<f64>().is_ok();
    if in_list && whole_value && next.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '\'' | '{' | '['))
    {
        let after = line_start + token.end;
        return Some((after..after + 1, Problem::MissingComma));
    }
    if starts_value && written.starts_with(char::is_alphabetic) && !matches!(written, "true" | "false" | "inf" | "nan")
    {
        return Some((token_span, Problem::UnquotedText));
    }
    // `1__0`, `1e`, `.5`, `0b2`: a number in form that TOML refused (a date is told above).
    let numeric = written.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.'))
        && written.contains(|c: char| c.is_ascii_digit());
    if starts_value
        && numeric
        && written.parse::<toml::value::Datetime>().is_err()
        && toml::de::DeValue::parse(written).is_err()
    {
        return Some((token_span, Problem::BadNumber { text: written.to_owned() }));
    }
    if code[equals + 1..].trim().is_empty() {
        return Some((span.clone(), Problem::MissingValue));
    }
    after_a_value(value_before, &code[column.min(code.len())..]).map(|problem| (span.clone(), problem))
}

/// Whether the brackets and braces open at `at` are nested deeper than any plan needs (the TOML
/// parser stops at some depth to keep its stack): counted over the lines before it, outside
/// quotes and comments.
pub(super) fn too_deep(text: &str, at: usize) -> bool {
    /// Two levels are all a plan uses; the parser's own limit is far above this.
    const DEEP: usize = 32;
    let at = at.min(text.len());
    let Some(before) = text.get(..at) else { return false };
    // The value the parser was in started at the last line with a `=` outside quotes, or a header.
    let mut depth = 0usize;
    for line in before.rsplit('\n') {
        let code = strip_comment(line);
        depth += open_brackets(code).len();
        if depth >= DEEP {
            return true;
        }
        if unquoted_equals(code).is_some() || code.trim_start().starts_with('[') && !code.contains('=') {
            break;
        }
    }
    false
}

/// The parser stopped right after a whole value: what follows it says what is wrong. Outside
/// brackets nothing may follow (`year = 2019,`, `when = "апрель" "май"`); inside, a comma or
/// the closing bracket must, and a line that ends there leaves the bracket open.
fn after_a_value(value_before: &str, rest: &str) -> Option<Problem> {
    let ends_value =
        value_before.trim_end().ends_with(|c: char| c.is_alphanumeric() || matches!(c, '"' | '\'' | ']' | '}'));
    // In the middle of a word (`1_^_0`) the word itself is wrong, not what follows it.
    let mid_token = value_before.ends_with(is_token_part) && rest.starts_with(is_token_part);
    if !ends_value || mid_token || value_before.trim().is_empty() {
        return None;
    }
    let rest = rest.trim();
    let innermost = open_brackets(value_before).pop();
    match innermost {
        None if !rest.is_empty() => Some(Problem::TrailingText),
        Some(bracket) if rest.is_empty() => Some(Problem::Unclosed { closing: if bracket == '[' { "]" } else { "}" } }),
        Some(_) if !rest.starts_with([',', ']', '}']) => Some(Problem::MissingComma),
        _ => None,
    }
}

/// The `[` and `{` of `value` not closed yet, outside quotes, innermost last.
fn open_brackets(value: &str) -> Vec<char> {
    let mut open = Vec::new();
    let mut quote = None;
    let mut escaped = false;
    for c in value.chars() {
        match (c, quote) {
            (_, Some('"')) if escaped => escaped = false,
            ('\\', Some('"')) => escaped = true,
            (c, Some(q)) if c == q => quote = None,
            ('"' | '\'', None) => quote = Some(c),
            ('[' | '{', None) => open.push(c),
            (']' | '}', None) => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

/// `[plan` or `[[section]` without its closing brackets.
fn header(code: &str) -> Option<Problem> {
    let code = code.trim();
    if code.starts_with("[[") && !code.ends_with("]]") && unquoted_equals(code).is_none() {
        return Some(Problem::Unclosed { closing: "]]" });
    }
    (code.starts_with('[') && !code.starts_with("[[") && !code.ends_with(']') && unquoted_equals(code).is_none())
        .then_some(Problem::Unclosed { closing: "]" })
}

/// The line without its `# comment` (a `#` inside quotes is text).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('#', None) => return &line[..i],
            _ => {}
        }
    }
    line
}

/// Where the first `=` outside quotes is.
fn unquoted_equals(code: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in code.char_indices() {
        match (c, quote) {
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            ('=', None) => return Some(i),
            _ => {}
        }
    }
    None
}

/// Whether a quoted string opened in `value` is left open at the end of the line. Escaped
/// quotes (`\"`) inside "basic" strings do not count; `"""` opens text that may span lines.
fn open_quote(value: &str) -> bool {
    if value.contains("\"\"\"") || value.contains("'''") {
        return false;
    }
    let mut quote = None;
    let mut escaped = false;
    for c in value.chars() {
        match (c, quote) {
            (_, Some('"')) if escaped => escaped = false,
            ('\\', Some('"')) => escaped = true,
            ('"' | '\'', None) => quote = Some(c),
            (c, Some(q)) if c == q => quote = None,
            _ => {}
        }
    }
    quote.is_some()
}

/// A character of a bare value: a number, a date, a word.
fn is_token_part(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-' | '/' | ':' | '+' | '_')
}

/// The run of value characters (letters, digits, `.`, `-`, `/`, `:`, `+`, `_`) around `column`.
fn token_at(line: &str, column: usize) -> Range<usize> {
    let is_part = is_token_part;
    let start = line[..column].char_indices().rev().take_while(|&(_, c)| is_part(c)).last().map_or(column, |(i, _)| i);
    let end = line[column..].char_indices().find(|&(_, c)| !is_part(c)).map_or(line.len(), |(i, _)| column + i);
    start..end
}

/// A date written as people write it, not as TOML does: `24.10.2019`, `24.10.19` (20ГГ, as
/// everywhere in `plan`), `24/10/2019`, `2019/10/24`, `2019.10.24`; its TOML form is left out
/// when it is such a date in form but no such day exists.
fn written_date(written: &str) -> Option<Problem> {
    let parts: Vec<&str> = written.split(['.', '/']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    if ![a, b, c].iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|d| d.is_ascii_digit())) {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1 | 2) => (number(a)?, number(b)?, number(c)?),
        (1 | 2, 4) => (number(c)?, number(b)?, number(a)?),
        (1 | 2, 2) => (2000 + number(c)?, number(b)?, number(a)?),
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day);
    Some(Problem::NotTomlDate { written: written.to_owned(), date: date.map(|d| d.format("%Y-%m-%d").to_string()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::DateFault;

    /// The problem the source shows at the first `^` of `marked`, where the parser would stop.
    fn at(marked: &str) -> Option<Problem> {
        let offset = marked.find('^').expect("a ^ marks the position");
        let text = marked.replacen('^', "", 1);
        classify(&text, &(offset..offset + 1)).map(|(_, problem)| problem)
    }

    #[test]
    fn each_kind_is_told_by_the_source_at_the_position() {
        let date = |written: &str, date: Option<&str>| {
            Some(Problem::NotTomlDate { written: written.into(), date: date.map(str::to_owned) })
        };
        let cases = [
            ("held = [24^.10.2019]", date("24.10.2019", Some("2019-10-24"))),
            ("held = 24.10^.19", date("24.10.19", Some("2019-10-24"))),
            ("held = [2019-01-02, 2019/10^/24]", date("2019/10/24", Some("2019-10-24"))),
            ("planned = [31.02^.2019]", date("31.02.2019", None)),
            ("title = ^План", Some(Problem::UnquotedText)),
            ("responsible = [^presidium]", Some(Problem::UnquotedText)),
            ("title = \"План^", Some(Problem::UnclosedString)),
            ("note = \"a \\\" b^", Some(Problem::UnclosedString)),
            ("title =^", Some(Problem::MissingValue)),
            ("title^: \"A\"", Some(Problem::MissingEquals)),
            ("[plan^", Some(Problem::Unclosed { closing: "]" })),
            ("[[section]^", Some(Problem::Unclosed { closing: "]]" })),
            ("    24.10^.2019,", date("24.10.2019", Some("2019-10-24"))),
            ("held = [2019-4^-10]", Some(Problem::BadDate { text: "2019-4-10".into(), fault: DateFault::Form })),
            (
                "held = [2019-02-3^0]",
                Some(Problem::BadDate {
                    text: "2019-02-30".into(),
                    fault: DateFault::NoSuchDay { year: 2019, month: 2, days: 28 },
                }),
            ),
            ("note = \"C:\\^Планы\"", Some(Problem::BadEscape)),
            ("note = \"C:^\\Планы\"", Some(Problem::BadEscape)),
            ("примечание^ = \"x\"", Some(Problem::BadKey)),
            ("^= \"x\"", Some(Problem::BadKey)),
            ("\"примечание\"^ = 1", None),
            ("^{", Some(Problem::BadKey)),
            ("note = \"\\u00^\"", Some(Problem::BadEscape)),
            ("note = \"\\U0001F6^\"", Some(Problem::BadEscape)),
            ("held = [2019-01-02,^,]", Some(Problem::ExtraComma)),
            ("held = [^,2019-01-02]", Some(Problem::ExtraComma)),
            ("held = [{ on = 2019-01-02,^, }]", Some(Problem::ExtraComma)),
            ("note = 1_^_0", Some(Problem::BadNumber { text: "1__0".into() })),
            ("note = 1e^", Some(Problem::BadNumber { text: "1e".into() })),
            ("note = ^.5", Some(Problem::BadNumber { text: ".5".into() })),
            ("note = 0b^2", Some(Problem::BadNumber { text: "0b2".into() })),
            ("  ^} ", Some(Problem::BadKey)),
            ("held = [^2019-01-02 2019-01-03]", Some(Problem::MissingComma)),
            ("held = [2019-01-02 ^2019-01-03]", Some(Problem::MissingComma)),
            ("held = [^2019-01-02 \"x\"]", Some(Problem::MissingComma)),
            ("held = [2019-01-02, ^2019-01-03]", None),
            ("year = 2019^,", Some(Problem::TrailingText)),
            ("when = \"апрель\" ^\"май\"", Some(Problem::TrailingText)),
            ("responsible = [\"presidium\" ^\"branch\"]", Some(Problem::MissingComma)),
            ("responsible = [\"presidium\"^", Some(Problem::Unclosed { closing: "]" })),
            ("held = [{ on = 2019-01-02, note = \"x\"^", Some(Problem::Unclosed { closing: "}" })),
            ("flag = true^ x", Some(Problem::TrailingText)),
            ("title = \"A^\u{1b}[31m\"", Some(Problem::ControlCharacter { code: 0x1b })),
            // Not this module's to tell: left to the loader's other rules.
            ("    2019-03-14^ 2019-04-01,", None),
        ];
        for (marked, expected) in cases {
            assert_eq!(at(marked), expected, "{marked}");
        }
    }

    #[test]
    fn a_written_date_is_pointed_at_whole() {
        let text = "held = [24.10.2019]";
        let (span, _) = classify(text, &(10..11)).unwrap();
        assert_eq!(&text[span], "24.10.2019");
    }
}
