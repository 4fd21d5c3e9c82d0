//! Parties made from the names the table writes: one party per distinct name, a shorter way of
//! writing a name (`Члены РО` beside `члены РО ВСМС`) or its form after «по согласованию с»
//! (`Президиумом`) joined to it, ids transliterated from Russian.

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

/// The parties, and for each mention the index of its party.
#[must_use]
pub fn resolve(mentions: &[Mention]) -> (Vec<Party>, Vec<usize>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut of_mention = vec![usize::MAX; mentions.len()];
    // Names of responsible parties first, as written (the nominative).
    let mut forms: Vec<(String, usize)> = Vec::new(); // (key, first mention)
    for (m, mention) in mentions.iter().enumerate().filter(|(_, m)| !m.agreed) {
        if !forms.iter().any(|(key, _)| *key == key_of(&mention.written)) {
            forms.push((key_of(&mention.written), m));
        }
    }
    // A name that is the first words of a longer one is that one, written short.
    let mut target: Vec<usize> = (0..forms.len()).collect();
    let mut pending = Vec::new();
    for (f, (key, first)) in forms.iter().enumerate() {
        let longer: Vec<usize> = (0..forms.len()).filter(|&g| g != f && starts_with_words(&forms[g].0, key)).collect();
        if let Some(&chosen) = longer.first() {
            target[f] = chosen;
            let written = mentions[*first].written.clone();
            let names: Vec<String> = longer.iter().map(|&g| mentions[forms[g].1].written.clone()).collect();
            let kind = if longer.len() == 1 {
                GuessKind::ShortName { written, name: names[0].clone() }
            } else {
                GuessKind::Ambiguous { written, candidates: names }
            };
            pending.push((chosen, guess(&mentions[*first], kind)));
        }
    }
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
            groups.push(Group {
                name: mentions[forms[r].1].written.clone(),
                forms: Vec::new(),
                agreed_form: None,
                guesses: Vec::new(),
            });
        }
        group_of_form[f] = group_of_form[r];
    }
    for (f, (_, first)) in forms.iter().enumerate() {
        groups[group_of_form[f]].add_form(&mentions[*first].written);
    }
    for (chosen, guess) in pending {
        groups[group_of_form[root(chosen)]].guesses.push(guess);
    }
    for (m, mention) in mentions.iter().enumerate() {
        if !mention.agreed {
            let f = forms.iter().position(|(key, _)| *key == key_of(&mention.written)).unwrap_or(0);
            of_mention[m] = group_of_form[f];
        }
    }
    // Names after «по согласованию с»: a known name, or an inflected form of one, or a new party.
    for (m, mention) in mentions.iter().enumerate().filter(|(_, m)| m.agreed) {
        let key = key_of(&mention.written);
        let exact = groups.iter().position(|g| g.forms.iter().any(|f| key_of(f) == key));
        let group = exact.unwrap_or_else(|| {
            let candidates: Vec<usize> =
                (0..groups.len()).filter(|&g| groups[g].forms.iter().any(|f| inflected(&key, &key_of(f)))).collect();
            match candidates.as_slice() {
                [] => {
                    groups.push(Group {
                        name: mention.written.clone(),
                        forms: Vec::new(),
                        agreed_form: None,
                        guesses: Vec::new(),
                    });
                    groups.len() - 1
                }
                [one] => *one,
                [first, ..] => {
                    let names = candidates.iter().map(|&g| groups[g].name.clone()).collect();
                    let kind = GuessKind::Ambiguous { written: mention.written.clone(), candidates: names };
                    groups[*first].guesses.push(guess(mention, kind));
                    *first
                }
            }
        });
        groups[group].add_form(&mention.written);
        if key != key_of(&groups[group].name) && groups[group].agreed_form.is_none() {
            groups[group].agreed_form = Some(mention.written.clone());
        }
        of_mention[m] = group;
    }
    let mut ids: Vec<String> = Vec::new();
    let parties = groups
        .into_iter()
        .map(|group| {
            let id = unique(transliterate(&group.name), &ids);
            ids.push(id.clone());
            let name_key = key_of(&group.name);
            let aliases = group.forms.into_iter().filter(|f| key_of(f) != name_key).collect();
            Party { id, name: group.name, aliases, agreed_form: group.agreed_form, guesses: group.guesses }
        })
        .collect();
    (parties, of_mention)
}

struct Group {
    name: String,
    forms: Vec<String>,
    agreed_form: Option<String>,
    guesses: Vec<Guess>,
}

impl Group {
    fn add_form(&mut self, written: &str) {
        if !self.forms.iter().any(|f| key_of(f) == key_of(written)) {
            self.forms.push(written.to_owned());
        }
    }
}

fn guess(mention: &Mention, kind: GuessKind) -> Guess {
    Guess { row: Some(mention.row), column: Some((mention.column, Column::Responsible)), kind }
}

/// Lower case, white space collapsed: the same name however it is typed.
fn key_of(name: &str) -> String {
    super::table::collapse(&name.to_lowercase())
}

/// Whether `long`'s words begin with all of `short`'s words (and are more).
fn starts_with_words(long: &str, short: &str) -> bool {
    let (long, short): (Vec<&str>, Vec<&str>) = (long.split(' ').collect(), short.split(' ').collect());
    short.len() < long.len() && long.iter().zip(&short).all(|(l, s)| l == s)
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

/// `id`, or `id-2`, `id-3`… when taken.
fn unique(id: String, taken: &[String]) -> String {
    if !taken.contains(&id) {
        return id;
    }
    (2..=taken.len() + 2).map(|n| format!("{id}-{n}")).find(|candidate| !taken.contains(candidate)).unwrap_or(id)
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
