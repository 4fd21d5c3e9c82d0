//! Near-miss suggestions: `апрел` → `апрель`, tried by parsing the corrected text.

use std::ops::Range;

use super::lexer::{Kind, Lexed};
use super::vocabulary::VOCABULARY;
use super::{Context, Source, parse_inner};

/// Suggestions are for short, hand-typed expressions; longer text is not
/// worth the extra parses.
pub(super) const MAX_SUGGEST_LEN: usize = 256;
pub(super) const MAX_UNKNOWN_WORDS: usize = 3;
pub(super) const CANDIDATES_PER_WORD: usize = 3;

/// Replaces each unknown word by a near vocabulary word and keeps the first
/// combination that parses, in the user's own spelling elsewhere.
pub(super) fn suggest_fix(text: &str, lexed: &Lexed, ctx: Context, source: Source) -> Option<String> {
    if text.len() > MAX_SUGGEST_LEN {
        return None;
    }
    let mut fixes: Vec<(Range<usize>, Vec<&'static str>)> = Vec::new();
    for tok in &lexed.toks {
        let word = &lexed.norm[tok.n0..tok.n1];
        if tok.kind != Kind::Word || VOCABULARY.known.contains(word) {
            continue;
        }
        let near = nearest_words(word);
        if near.is_empty() || fixes.len() == MAX_UNKNOWN_WORDS {
            return None;
        }
        fixes.push((tok.start..tok.end, near));
    }
    if fixes.is_empty() {
        return None;
    }
    let mut choice = vec![0; fixes.len()];
    loop {
        let mut attempt = String::with_capacity(text.len() + 8);
        let mut at = 0;
        for ((span, near), &c) in fixes.iter().zip(&choice) {
            attempt.push_str(&text[at..span.start]);
            attempt.push_str(&styled(&text[span.clone()], near[c]));
            at = span.end;
        }
        attempt.push_str(&text[at..]);
        if parse_inner(&attempt, ctx, source, false, false).is_ok() {
            return Some(attempt);
        }
        // Next combination, odometer-style.
        let mut k = 0;
        loop {
            if k == choice.len() {
                return None;
            }
            choice[k] += 1;
            if choice[k] < fixes[k].1.len() {
                break;
            }
            choice[k] = 0;
            k += 1;
        }
    }
}

/// Vocabulary words within Damerau–Levenshtein distance of about a third of
/// `word` (at most 2), nearest first; ties go to the longer word, then to
/// table order.
pub(super) fn nearest_words(word: &str) -> Vec<&'static str> {
    let len = word.chars().count();
    if len < 3 {
        return Vec::new();
    }
    let max = (len / 3).clamp(1, 2);
    let vocabulary = &*VOCABULARY;
    let mut scored: Vec<(usize, f64, usize)> = vocabulary
        .words
        .iter()
        .zip(&vocabulary.lens)
        .enumerate()
        .filter(|&(_, (_, &l))| l >= 3 && l.abs_diff(len) <= max)
        .filter_map(|(index, (&candidate, _))| {
            let distance = strsim::damerau_levenshtein(word, candidate);
            (distance <= max).then(|| {
                let similarity = strsim::normalized_damerau_levenshtein(word, candidate);
                (distance, similarity, index)
            })
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().take(CANDIDATES_PER_WORD).map(|(_, _, index)| vocabulary.words[index]).collect()
}

/// `word` in the letter case of `original`: `Апрелл` → `Апрель`, `APRL` → `APRIL`.
pub(super) fn styled(original: &str, word: &str) -> String {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let rest_upper = letters.all(char::is_uppercase);
    if first_upper && rest_upper && original.chars().count() > 1 {
        word.to_uppercase()
    } else if first_upper {
        let mut chars = word.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        word.to_owned()
    }
}
