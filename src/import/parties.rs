//! Parties made from the names the table writes: one party per distinct name, a shorter way of
//! writing a name (`Члены РО` beside `члены РО ВСМС`) or its form after «по согласованию с»
//! (`Президиумом`) joined to it, ids transliterated from Russian.

use std::collections::{HashMap, HashSet};

use super::table::collapse;
use super::{Column, Guess, GuessKind};

/// A party of the imported plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// `[a-z0-9-]+`, transliterated from the name.
    pub id: String,
    pub name: String,
    /// The other ways the table writes it.
    pub aliases: Vec<String>,
    /// How the table writes it after «по согласованию с», when that is not its name
    /// (`Президиумом`): the plan's `agreed_form`, so that the plan prints it so again.
    pub agreed_form: Option<String>,
    pub guesses: Vec<Guess>,
}

/// A name as written in one row, before it is known which party it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub written: String,
    /// After «по согласованию с»: may be inflected (`Президиумом`).
    pub agreed: bool,
    /// Table row, from 1.
    pub row: usize,
    /// Grid column, from 1.
    pub column: usize,
}

/// A name read from a responsible cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub written: String,
    /// After «по согласованию с»: a party to agree with.
    pub agreed: bool,
    /// Written «X (по согласованию)»: X takes part if it agrees.
    pub if_agrees: bool,
}

/// The names of one line of a responsible cell: split at commas and semicolons outside quotes and
/// parentheses; «X по согласованию с Y» makes Y (and the names after it) agreed; «X (по
/// согласованию)» marks X.
#[must_use]
pub fn read_cell_line(line: &str) -> Vec<Name> {
    let mut names = Vec::new();
    let mut agreeing = false;
    for piece in split_outside(line) {
        let piece = piece.trim();
        if let Some(name) = if_agrees(piece) {
            if let Some(written) = clean_name(name) {
                names.push(Name { written, agreed: agreeing, if_agrees: !agreeing });
            }
            continue;
        }
        match split_agreed(piece) {
            (who, Some(with)) => {
                if let Some(written) = clean_name(who) {
                    // «Совет ветеранов по согласованию»: with no one named, the body takes part if it agrees.
                    names.push(Name { written, agreed: agreeing, if_agrees: with.trim().is_empty() && !agreeing });
                }
                for part in split_outside(with) {
                    if let Some(written) = clean_name(part) {
                        names.push(Name { written, agreed: true, if_agrees: false });
                    }
                }
                agreeing = agreeing || !with.trim().is_empty();
            }
            (who, None) => {
                if let Some(written) = clean_name(who) {
                    names.push(Name { written, agreed: agreeing, if_agrees: false });
                }
            }
        }
    }
    names
}

/// The pieces of `text` between commas and semicolons that stand outside quotes («…», "…", „…“)
/// and parentheses.
fn split_outside(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut depth, mut guillemets, mut straight) = (0_usize, 0_usize, false);
    let mut start = 0;
    for (at, ch) in text.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '«' | '„' | '“' => guillemets += 1,
            '»' | '”' => guillemets = guillemets.saturating_sub(1),
            '"' => straight = !straight,
            ',' | ';' if depth == 0 && guillemets == 0 && !straight => {
                pieces.push(&text[start..at]);
                start = at + ch.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// «Совет ветеранов (по согласованию)» → «Совет ветеранов».
fn if_agrees(piece: &str) -> Option<&str> {
    let inner = piece.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let words = collapse(&inner[open + 1..].to_lowercase());
    matches!(words.trim_end_matches('.'), "по согласованию" | "по согласов" | "по согл" | "if it agrees")
        .then(|| inner[..open].trim_end())
}

/// «X по согласованию с Y» → (X, Some(Y)); the «с» may be missing («по согласованию РС ВСМС»), and
/// the agreement may stand in parentheses («X (по согласованию с Y)»).
#[must_use]
pub fn split_agreed(line: &str) -> (&str, Option<&str>) {
    let lower = line.to_lowercase();
    // `plan --lang en export docx` writes «X (agreed with Y)».
    let Some((at, phrase)) = ["по согласованию", "agreed with"].iter().find_map(|p| lower.find(p).map(|at| (at, *p)))
    else {
        return (line, None);
    };
    // Lower case may change a letter's length in UTF-8 (rarely): then the line is taken whole.
    let (Some(who), Some(rest)) = (line.get(..at), line.get(at + phrase.len()..)) else { return (line, None) };
    let who = who.trim_end();
    let mut with = rest.trim();
    for preposition in ["со ", "с "] {
        if with.to_lowercase().starts_with(preposition) {
            with = with[preposition.len()..].trim_start();
            break;
        }
    }
    match who.strip_suffix('(') {
        Some(who) => (who.trim_end(), Some(with.strip_suffix(')').unwrap_or(with).trim_end())),
        None => (who, Some(with)),
    }
}

/// A name as a party's: trimmed, a list mark and a closing full stop dropped (an initial keeps its
/// dot: «Станчев А.Е.»); `None` when nothing but punctuation is left.
fn clean_name(text: &str) -> Option<String> {
    let text = collapse(text.trim().trim_start_matches(['-', '–', '—', '•']).trim());
    let text = text.trim_end_matches([',', ';', ':']).trim_end();
    let last = text.rsplit(' ').next().unwrap_or("");
    let initial = last.ends_with('.') && {
        let chars: Vec<char> = last.trim_end_matches('.').chars().chain(['.']).collect();
        chars.len() >= 2 && chars.chunks(2).all(|pair| pair[0].is_uppercase() && pair.get(1) == Some(&'.'))
    };
    let text = text.trim_end_matches('.').trim_end();
    let text = if initial { format!("{text}.") } else { text.to_owned() };
    text.chars().any(char::is_alphanumeric).then_some(text)
}

/// The parties, and for each mention the index of its party.
///
/// Linear in the mentions: names are looked up by key, a short name's longer forms by the
/// prefixes of every name's words, an inflected form's candidates by their first three letters.
#[must_use]
pub fn resolve(mentions: &[Mention]) -> (Vec<Party>, Vec<usize>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut of_mention = vec![usize::MAX; mentions.len()];
    // Names of responsible parties first, as written (the nominative).
    let mut forms: Vec<(String, usize)> = Vec::new(); // (key, first mention)
    let mut form_of_key: HashMap<String, usize> = HashMap::new();
    for (m, mention) in mentions.iter().enumerate().filter(|(_, m)| !m.agreed) {
        let key = key_of(&mention.written);
        if !form_of_key.contains_key(&key) {
            form_of_key.insert(key.clone(), forms.len());
            forms.push((key, m));
        }
    }
    // A name that is the first words of a longer one is that one, written short.
    let (target, pending) = short_names(&forms, mentions);
    let root = |mut f: usize| {
        // Each step goes to a strictly longer name, so this ends.
        while target[f] != f {
            f = target[f];
        }
        f
    };
    let mut group_of_form = vec![usize::MAX; forms.len()];
    for f in 0..forms.len() {
        let r = root(f);
        if group_of_form[r] == usize::MAX {
            group_of_form[r] = groups.len();
            groups.push(Group::new(&mentions[forms[r].1].written));
        }
        group_of_form[f] = group_of_form[r];
    }
    // Every form's key → its group, and the groups by the stems of their forms' first words.
    let mut group_of_key: HashMap<String, usize> = HashMap::new();
    let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
    for (f, (key, first)) in forms.iter().enumerate() {
        let g = group_of_form[f];
        groups[g].add_form(&mentions[*first].written);
        group_of_key.insert(key.clone(), g);
        index_stems(&mut by_stem, key, g);
    }
    for (chosen, guess) in pending {
        groups[group_of_form[root(chosen)]].guesses.push(guess);
    }
    for (m, mention) in mentions.iter().enumerate() {
        if !mention.agreed {
            of_mention[m] = group_of_form[form_of_key[&key_of(&mention.written)]];
        }
    }
    // Names after «по согласованию с»: a known name, or an inflected form of one, or a new party.
    for (m, mention) in mentions.iter().enumerate().filter(|(_, m)| m.agreed) {
        let key = key_of(&mention.written);
        let group = if let Some(&g) = group_of_key.get(&key) {
            g
        } else {
            let matching = |keys: &mut dyn Iterator<Item = String>| -> Vec<usize> {
                keys.filter_map(|stem| by_stem.get(&stem))
                    .flatten()
                    .copied()
                    .filter(|&g| groups[g].forms.iter().any(|f| inflected(&key, &key_of(f))))
                    .collect()
            };
            let mut candidates = matching(&mut stem_keys(&key));
            // Its later words declined too («Региональным советом»): by the first word alone.
            if candidates.is_empty() && key.contains(' ') {
                let first = key.split(' ').next().unwrap_or("");
                candidates = matching(&mut stem_keys(first));
            }
            candidates.sort_unstable();
            candidates.dedup();
            let g = match candidates.as_slice() {
                [] => {
                    groups.push(Group::new(&mention.written));
                    let g = groups.len() - 1;
                    index_stems(&mut by_stem, &key, g);
                    g
                }
                [one] => *one,
                [first, ..] => {
                    let names = candidates.iter().take(MAX_CANDIDATES).map(|&g| groups[g].name.clone()).collect();
                    let kind = GuessKind::Ambiguous { written: mention.written.clone(), candidates: names };
                    groups[*first].guesses.push(guess(mention, kind));
                    *first
                }
            };
            group_of_key.insert(key.clone(), g);
            g
        };
        groups[group].add_form(&mention.written);
        if key != key_of(&groups[group].name) && groups[group].agreed_form.is_none() {
            groups[group].agreed_form = Some(mention.written.clone());
        }
        of_mention[m] = group;
    }
    let mut ids = Ids::default();
    let parties = groups
        .into_iter()
        .map(|group| {
            let id = ids.unique(transliterate(&group.name));
            let name_key = key_of(&group.name);
            let aliases = group.forms.into_iter().filter(|f| key_of(f) != name_key).collect();
            Party { id, name: group.name, aliases, agreed_form: group.agreed_form, guesses: group.guesses }
        })
        .collect();
    (parties, of_mention)
}

/// For each name, the longer name it is the first words of (itself when none), and the guesses
/// that say so.
fn short_names(forms: &[(String, usize)], mentions: &[Mention]) -> (Vec<usize>, Vec<(usize, Guess)>) {
    // Each name under every shorter run of its first words: «члены ро» → «члены ро всмс».
    let mut longer_of: HashMap<&str, Vec<usize>> = HashMap::new();
    for (f, (key, _)) in forms.iter().enumerate() {
        for (at, _) in key.match_indices(' ') {
            longer_of.entry(&key[..at]).or_default().push(f);
        }
    }
    let mut target: Vec<usize> = (0..forms.len()).collect();
    let mut pending = Vec::new();
    for (f, (key, first)) in forms.iter().enumerate() {
        let Some(longer) = longer_of.get(key.as_str()) else { continue };
        let chosen = longer[0];
        target[f] = chosen;
        let written = mentions[*first].written.clone();
        let kind = if longer.len() == 1 {
            GuessKind::ShortName { written, name: mentions[forms[chosen].1].written.clone() }
        } else {
            let names = longer.iter().take(MAX_CANDIDATES).map(|&g| mentions[forms[g].1].written.clone()).collect();
            GuessKind::Ambiguous { written, candidates: names }
        };
        pending.push((chosen, guess(&mentions[*first], kind)));
    }
    (target, pending)
}

/// The most candidates a guess names.
const MAX_CANDIDATES: usize = 5;

/// Files group `g` under the stem of its name's first word followed by each run of its next
/// words: «совет депутатов» under «совет» and «совет депутатов». An inflected form declines its
/// first word (`Советом депутатов`, `Президиумом`), so looking it up costs a few probes, not a
/// pass over every party.
fn index_stems(by_stem: &mut HashMap<String, Vec<usize>>, key: &str, g: usize) {
    let mut words = key.split(' ');
    let mut stem = stem(words.next().unwrap_or("")).to_owned();
    loop {
        let list = by_stem.entry(stem.clone()).or_default();
        // Groups come in order, each form's at once: a repeat is the last one (others are
        // removed where the candidates are read).
        if list.last() != Some(&g) {
            list.push(g);
        }
        match words.next() {
            Some(word) => {
                stem.push(' ');
                stem.push_str(word);
            }
            None => break,
        }
    }
}

/// The keys under which the party a written form inflects may be filed: its first word without
/// its last 0 to 3 letters (the ending [`same_word`] allows), then its other words.
fn stem_keys(key: &str) -> impl Iterator<Item = String> + '_ {
    let (first, rest) = key.split_once(' ').map_or((key, ""), |(f, r)| (f, r));
    let letters = first.chars().count();
    (0..=3.min(letters.saturating_sub(1))).map(move |cut| {
        let end = first.char_indices().nth(letters - cut).map_or(first.len(), |(at, _)| at);
        if rest.is_empty() { first[..end].to_owned() } else { format!("{} {rest}", &first[..end]) }
    })
}

/// A word without the ending it declines by: the last letter of a word of four letters or more
/// when it is a vowel, `ь` or `й` (as [`same_word`] reads it).
fn stem(word: &str) -> &str {
    let chars: Vec<char> = word.chars().collect();
    match chars.last() {
        Some('а' | 'я' | 'о' | 'е' | 'ь' | 'й' | 'ы' | 'и' | 'у') if chars.len() > 3 => {
            &word[..word.len() - chars[chars.len() - 1].len_utf8()]
        }
        _ => word,
    }
}

struct Group {
    name: String,
    forms: Vec<String>,
    /// The keys of `forms`, to add each once.
    keys: HashSet<String>,
    agreed_form: Option<String>,
    guesses: Vec<Guess>,
}

impl Group {
    fn new(name: &str) -> Self {
        Group { name: name.to_owned(), forms: Vec::new(), keys: HashSet::new(), agreed_form: None, guesses: Vec::new() }
    }

    fn add_form(&mut self, written: &str) {
        if self.keys.insert(key_of(written)) {
            self.forms.push(written.to_owned());
        }
    }
}

/// Ids given so far, and the next number to try after each.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// `id`, or `id-2`, `id-3`… when taken.
    fn unique(&mut self, id: String) -> String {
        if self.taken.insert(id.clone()) {
            return id;
        }
        let mut n = self.next.get(&id).copied().unwrap_or(2);
        loop {
            let candidate = format!("{id}-{n}");
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(id, n);
                return candidate;
            }
        }
    }
}

fn guess(mention: &Mention, kind: GuessKind) -> Guess {
    Guess { row: Some(mention.row), column: Some((mention.column, Column::Responsible)), heading: None, kind }
}

/// Lower case, white space collapsed: the same name however it is typed.
fn key_of(name: &str) -> String {
    collapse(&name.to_lowercase())
}

/// Whether `written` is `name`, or its first words, with Russian case endings
/// (`президиумом` for `президиум`, `советом` for `совет`).
fn inflected(written: &str, name: &str) -> bool {
    let (written, name): (Vec<&str>, Vec<&str>) = (written.split(' ').collect(), name.split(' ').collect());
    written.len() <= name.len() && written.iter().zip(&name).all(|(w, n)| same_word(w, n))
}

fn same_word(written: &str, word: &str) -> bool {
    if written == word {
        return true;
    }
    let chars: Vec<char> = word.chars().collect();
    // Abbreviations (РС, ВСМС) and short words do not decline here.
    if chars.len() <= 3 {
        return false;
    }
    let stem: String = match chars.last() {
        Some('а' | 'я' | 'о' | 'е' | 'ь' | 'й' | 'ы' | 'и' | 'у') => chars[..chars.len() - 1].iter().collect(),
        _ => word.to_owned(),
    };
    written.strip_prefix(stem.as_str()).is_some_and(|ending| ending.chars().count() <= 3)
}

/// An id from a name: Russian letters transliterated, anything else a hyphen, at most 40
/// characters cut at a hyphen.
#[must_use]
pub fn transliterate(name: &str) -> String {
    let mut id = String::new();
    for ch in name.to_lowercase().chars() {
        let latin = match ch {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'й' => "i",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "iu",
            'я' => "ia",
            c if c.is_ascii_lowercase() || c.is_ascii_digit() => {
                id.push(c);
                continue;
            }
            _ => "-",
        };
        if latin == "-" && (id.is_empty() || id.ends_with('-')) {
            continue;
        }
        id.push_str(latin);
    }
    while id.len() > 40 {
        match id[..40].rfind('-') {
            Some(at) if at > 0 => id.truncate(at),
            _ => id.truncate(40),
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() { "party".to_owned() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(written: &str, agreed: bool) -> Mention {
        Mention { written: written.to_owned(), agreed, row: 1, column: 3 }
    }

    #[test]
    fn ids_are_transliterated() {
        assert_eq!(transliterate("Президиум РС ВСМС"), "prezidium-rs-vsms");
        assert_eq!(transliterate("члены РО ВСМС"), "chleny-ro-vsms");
        assert_eq!(transliterate("«Избирком» (2019)"), "izbirkom-2019");
        assert_eq!(transliterate("…"), "party");
    }

    #[test]
    fn short_and_inflected_names_join_their_party() {
        let mentions = [
            mention("Президиум РС ВСМС", false),
            mention("члены РО ВСМС", false),
            mention("Президиумом", true),
            mention("Члены РО", false),
            mention("РС ВСМС", true),
        ];
        let (parties, of) = resolve(&mentions);
        let names: Vec<&str> = parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Президиум РС ВСМС", "члены РО ВСМС", "РС ВСМС"]);
        assert_eq!(of, [0, 1, 0, 1, 2]);
        assert_eq!(parties[0].aliases, ["Президиумом"]);
        assert!(matches!(&parties[1].guesses[0].kind, GuessKind::ShortName { written, .. } if written == "Члены РО"));
    }

    fn written(line: &str) -> Vec<(String, bool, bool)> {
        read_cell_line(line).into_iter().map(|n| (n.written, n.agreed, n.if_agrees)).collect()
    }

    #[test]
    fn cells_split_outside_quotes_and_parentheses_and_never_into_punctuation() {
        let name = |w: &str| (w.to_owned(), false, false);
        assert_eq!(
            written("МБУК «Библиотека, музей», Совет (округ 1, 2); Станчев А.Е."),
            [name("МБУК «Библиотека, музей»"), name("Совет (округ 1, 2)"), name("Станчев А.Е.")]
        );
        assert_eq!(written(" ) , ; — "), []);
        assert_eq!(written("Иванов И. И.."), [name("Иванов И. И.")]);
        assert_eq!(written("Администрация."), [name("Администрация")]);
    }

    #[test]
    fn by_agreement_is_not_agreed_with() {
        assert_eq!(
            written("Администрация, Совет ветеранов (по согласованию)"),
            [("Администрация".to_owned(), false, false), ("Совет ветеранов".to_owned(), false, true)]
        );
        assert_eq!(
            written("члены РО ВСМС по согласованию с Президиумом"),
            [("члены РО ВСМС".to_owned(), false, false), ("Президиумом".to_owned(), true, false)]
        );
        assert_eq!(
            written("члены РО ВСМС (по согласованию с РС ВСМС, Президиумом)"),
            [
                ("члены РО ВСМС".to_owned(), false, false),
                ("РС ВСМС".to_owned(), true, false),
                ("Президиумом".to_owned(), true, false)
            ]
        );
        assert_eq!(split_agreed("Члены РО по согласованию РС ВСМС"), ("Члены РО", Some("РС ВСМС")));
    }

    #[test]
    fn ids_stay_unique() {
        let mut ids = Ids::default();
        let given: Vec<String> = ["a", "a", "a-2", "a"].iter().map(|id| ids.unique((*id).to_owned())).collect();
        assert_eq!(given, ["a", "a-2", "a-2-2", "a-3"]);
    }

    #[test]
    fn inflected_forms_find_their_party_whichever_words_decline() {
        let mentions = [
            mention("Региональный совет", false),
            mention("Совет депутатов", false),
            mention("Региональным советом", true),
            mention("Советом депутатов", true),
            mention("Советом", true),
        ];
        let (parties, of) = resolve(&mentions);
        assert_eq!(parties.len(), 2);
        assert_eq!(of, [0, 1, 0, 1, 1]);
    }

    #[test]
    fn a_name_that_could_be_two_parties_is_a_guess() {
        let mentions = [mention("Совет района", false), mention("Совет города", false), mention("Советом", true)];
        let (parties, of) = resolve(&mentions);
        assert_eq!(of[2], 0);
        assert!(
            matches!(&parties[0].guesses[0].kind, GuessKind::Ambiguous { candidates, .. } if candidates.len() == 2)
        );
    }
}
