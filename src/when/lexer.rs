//! The lexer: text to tokens that keep their byte spans, words lower-cased and folded, and the
//! shapes of dates (`2019-04-21`, `21.04.2019`, `21.04.19`, `2019-04`, `04.2019`, `21.04`) fused
//! into one token each, so the parser reads a date as one thing instead of counting offsets.

use super::vocabulary::VOCABULARY;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    /// ASCII digits only: other scripts' digits are not numbers here.
    Num,
    /// `-` and the Unicode hyphens: a range, or part of `2019-04-21`/`1-го`.
    Hyphen,
    /// En dash, em dash, figure dash, minus: always a range.
    Dash,
    /// `..` (or more dots, or `…`): always a range.
    DotDot,
    Dot,
    Comma,
    /// `;`, and `/` as in «Апрель / май»: a list separator.
    Semi,
    /// `:` in a time of day, `14:00`.
    Colon,
    /// `(` or `[`: a remark follows.
    Open,
    /// `)` or `]`.
    Close,
    Other,
    /// A date written in digits, fused from its numbers and separators by [`fuse_dates`].
    Date(DateShape),
}

/// What a date written in digits says: `2019-04-21` and `21.04.2019` a day, `2019-04` and
/// `04.2019` a month, `21.04` a day of a year given elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DateShape {
    /// The year as written, `ДД.ММ.ГГ` already read as 20ГГ; `None` for `21.04`.
    pub(super) year: Option<i64>,
    /// 1–12 when the date exists; larger values are for the parser to refuse.
    pub(super) month: u32,
    /// `None` for a month.
    pub(super) day: Option<u32>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    /// Byte span in the original text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Byte span of the normalized spelling in [`Lexed::norm`].
    pub(super) n0: usize,
    pub(super) n1: usize,
    /// A line break stands between this token and the one before: `Апрель` / `май` is a list.
    pub(super) after_break: bool,
}

pub(super) struct Lexed {
    pub(super) norm: String,
    pub(super) toks: Vec<Tok>,
}

pub(super) fn lex(text: &str) -> Lexed {
    let mut norm = String::with_capacity(text.len());
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut after_break = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            after_break |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
            continue;
        }
        let n0 = norm.len();
        let kind = if c.is_ascii_digit() {
            norm.push(c);
            while let Some(&(_, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                norm.push(d);
                chars.next();
            }
            Kind::Num
        } else if c.is_alphabetic() {
            push_letter(&mut norm, n0, c);
            while let Some(&(_, d)) = chars.peek() {
                if !(d.is_alphabetic() || is_combining(d)) {
                    break;
                }
                push_letter(&mut norm, n0, d);
                chars.next();
            }
            Kind::Word
        } else {
            match c {
                '-' | '\u{2010}' | '\u{2011}' => Kind::Hyphen,
                '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Kind::Dash,
                '.' => {
                    let mut dots = 1;
                    while chars.next_if(|&(_, d)| d == '.').is_some() {
                        dots += 1;
                    }
                    if dots == 1 { Kind::Dot } else { Kind::DotDot }
                }
                '\u{2026}' => Kind::DotDot,
                ',' => Kind::Comma,
                // «Апрель / май»: a cell's two months typed on one line with a slash, read as the
                // same cell on two lines is (a list), so that May is not lost.
                ';' | '/' => Kind::Semi,
                ':' => Kind::Colon,
                '(' | '[' => Kind::Open,
                ')' | ']' => Kind::Close,
                _ => Kind::Other,
            }
        };
        let end = chars.peek().map_or(text.len(), |&(i, _)| i);
        toks.push(Tok { kind, start, end, n0, n1: norm.len(), after_break });
        after_break = false;
    }
    let toks = fuse_dates(&norm, &toks);
    Lexed { norm, toks }
}

/// Replaces each run of numbers and separators written without spaces in a date's shape by one
/// [`Kind::Date`] token spanning them all, longest shape first:
///
/// | shape | example | means |
/// |---|---|---|
/// | `YYYY-MM-DD` | `2019-04-21` | a day |
/// | `YYYY-MM` | `2019-04` | a month |
/// | `DD.MM.YYYY`, `DD.MM.YY` | `21.04.2019`, `21.04.19` | a day; `YY` is 20YY, never year 0019 |
/// | `MM.YYYY` | `04.2019` | a month |
/// | `DD.MM` | `21.04` | a day, its year from the context |
///
/// Anything else stays as it was lexed: `2019-04-01-15` is a date, a hyphen and a number.
fn fuse_dates(norm: &str, toks: &[Tok]) -> Vec<Tok> {
    let digits = |t: &Tok| (t.kind == Kind::Num).then(|| &norm[t.n0..t.n1]);
    let short = |t: Option<&Tok>| t.and_then(digits).filter(|d| d.len() <= 2).and_then(small);
    let year = |t: Option<&Tok>| t.and_then(digits).filter(|d| d.len() >= 4).map(year_value);
    let is = |t: Option<&Tok>, kind: Kind| t.is_some_and(|t| t.kind == kind);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        // Only tokens that touch: `2019 - 04` is a range of two numbers, not a month.
        let touching = toks[i..].windows(2).take(4).take_while(|w| w[0].end == w[1].start).count() + 1;
        let at = |k: usize| (k < touching).then(|| &toks[i + k]);
        let shape = if let Some(y) = year(at(0)) {
            match (is(at(1), Kind::Hyphen), short(at(2)), is(at(3), Kind::Hyphen), short(at(4))) {
                (true, Some(month), true, Some(day)) => Some((DateShape { year: Some(y), month, day: Some(day) }, 5)),
                (true, Some(month), ..) => Some((DateShape { year: Some(y), month, day: None }, 3)),
                _ => None,
            }
        } else if let Some(first) = short(at(0))
            && is(at(1), Kind::Dot)
        {
            if let Some(y) = year(at(2)) {
                Some((DateShape { year: Some(y), month: first, day: None }, 3))
            } else if let Some(month) = short(at(2)) {
                let two_digit_year = at(4).and_then(digits).filter(|d| d.len() == 2).and_then(small);
                match (is(at(3), Kind::Dot), year(at(4)), two_digit_year) {
                    (true, Some(y), _) => Some((DateShape { year: Some(y), month, day: Some(first) }, 5)),
                    (true, None, Some(yy)) => {
                        Some((DateShape { year: Some(2000 + i64::from(yy)), month, day: Some(first) }, 5))
                    }
                    _ => Some((DateShape { year: None, month, day: Some(first) }, 3)),
                }
            } else {
                None
            }
        } else {
            None
        };
        match shape {
            Some((shape, len)) => {
                let (first, last) = (toks[i], toks[i + len - 1]);
                out.push(Tok { kind: Kind::Date(shape), end: last.end, n1: last.n1, ..first });
                i += len;
            }
            None => {
                out.push(toks[i]);
                i += 1;
            }
        }
    }
    out
}

pub(super) fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Appends `c` to the word begun at `word_start`, lower-cased and folded.
pub(super) fn push_letter(norm: &mut String, word_start: usize, c: char) {
    match c {
        'ё' | 'Ё' => norm.push('е'),
        // Cyrillic І and the Unicode Roman numerals stand in for Latin ones.
        'І' | 'і' | 'Ⅰ' | 'ⅰ' => norm.push('i'),
        'Ⅱ' | 'ⅱ' => norm.push_str("ii"),
        'Ⅲ' | 'ⅲ' => norm.push_str("iii"),
        'Ⅳ' | 'ⅳ' => norm.push_str("iv"),
        // Decomposed й and ё, as some keyboards and PDFs produce them.
        '\u{306}' if norm.len() > word_start && norm.ends_with('и') => {
            norm.pop();
            norm.push('й');
        }
        '\u{308}' if norm.len() > word_start && norm.ends_with('е') => {}
        _ => norm.extend(c.to_lowercase()),
    }
}

/// The first token no table knows, for an error's span.
pub(super) fn first_not_understood<'t>(norm: &str, toks: &'t [Tok]) -> Option<&'t Tok> {
    toks.iter().find(|t| match t.kind {
        Kind::Other | Kind::Open | Kind::Close => true,
        Kind::Word => !VOCABULARY.known.contains(&norm[t.n0..t.n1]),
        Kind::Num => is_too_large(t),
        _ => false,
    })
}

/// A number of more digits than any count, day or period takes.
pub(super) fn is_too_large(tok: &Tok) -> bool {
    tok.kind == Kind::Num && tok.n1 - tok.n0 > MAX_DIGITS
}

/// Longer digit strings would overflow `u32`.
pub(super) const MAX_DIGITS: usize = 9;

pub(super) fn small(digits: &str) -> Option<u32> {
    if digits.len() > MAX_DIGITS { None } else { digits.parse().ok() }
}

/// A year number; one too large for `i64` becomes one no calendar holds.
pub(super) fn year_value(digits: &str) -> i64 {
    digits.parse().unwrap_or(i64::MAX)
}
