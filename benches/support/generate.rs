//! Large valid plans for benchmarks: many regions' plans merged into one file, with realistic
//! Russian text, every kind of `when`, and meetings recorded on the recurring activities.
//!
//! Deterministic: the same arguments give the same bytes, so measurements can be repeated.

use std::fmt::Write as _;

const MONTHS: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];

const WHENS: [&str; 10] = [
    "весь период",
    "I квартал",
    "II полугодие",
    "I полугодие",
    "в течение года",
    "III квартал",
    "по мере необходимости",
    "апрель, октябрь",
    "2019-03-01..2019-03-15",
    "IV квартал",
];

const TITLES: [&str; 8] = [
    "Тематические уроки ко Дню местного самоуправления в школах",
    "Участие в конференциях и круглых столах по вопросам МСУ",
    "Семинар-совещание регионального отделения ВСМС",
    "Просветительские мероприятия, соответствующие целям Организации",
    "Сбор, анализ и распространение лучших практик муниципального управления",
    "Участие в съезде территориального общественного самоуправления",
    "Конкурс «Лучший руководитель территориального общественного самоуправления»",
    "Формирование и обновление базы контактов регионального отделения",
];

const REGIONS: [&str; 6] = ["Смоленской", "Тверской", "Брянской", "Калужской", "Псковской", "Орловской"];

/// A tiny deterministic generator (an LCG is plenty for picking text).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// A 2019 plan with `activities` activities in sections of 20, one recurring activity in ten
/// with `held_per_rule` meetings recorded on it and `planned_per_rule` dates fixed in December;
/// about 300 bytes an activity, so that 20,000 make about 6 MB and 200,000 fit under the 64 MiB
/// limit.
#[must_use]
pub(crate) fn plan(activities: usize, held_per_rule: usize, planned_per_rule: usize) -> String {
    let mut rng = Rng(2019);
    let mut out = String::with_capacity(activities * 330);
    out.push_str("[plan]\ntitle = \"Сводный план работы региональных отделений ВСМС на 2019 год\"\n");
    out.push_str("organization = \"Общероссийская общественная организация «Всероссийский Совет местного самоуправления»\"\nyear = 2019\n\n");
    let parties = 12;
    for p in 0..parties {
        let region = REGIONS[p % REGIONS.len()];
        let _ = write!(
            out,
            "[parties.party-{p}]\nname = \"Президиум РС ВСМС {region} области №{p}\"\nfull_name = \"Президиум регионального совета ВСМС {region} области\"\naliases = [\"президиум-{p}\", \"presidium-{p}\"]\n\n"
        );
    }
    let mut id = 0;
    for section in 0..activities.div_ceil(20) {
        let region = REGIONS[section % REGIONS.len()];
        let _ =
            writeln!(out, "[[section]]\ntitle = \"Мероприятия {region} регионального отделения, раздел {section}\"\n");
        for a in 0..20.min(activities - section * 20) {
            id += 1;
            let title = TITLES[rng.below(TITLES.len())];
            let _ = writeln!(out, "[[section.activity]]\ntitle = \"{title} ({region} область, № {id})\"");
            let responsible = rng.below(parties);
            let _ = writeln!(out, "responsible = [\"party-{responsible}\", \"party-{}\"]", (responsible + 1) % parties);
            if a % 10 == 0 {
                let _ = writeln!(
                    out,
                    "id = \"sessions-{id}\"\nwhen = \"не реже 1-го раза в 3 месяца\"\nlast_before = 2018-12-10"
                );
                let held: Vec<String> = (0..held_per_rule)
                    .map(|k| format!("2019-{:02}-{:02}", 1 + (k * 11 / held_per_rule.max(1)), 1 + k % 28))
                    .collect();
                let _ = writeln!(out, "held = [{}]", held.join(", "));
                if planned_per_rule > 0 {
                    // December, after every held date (those end in November).
                    let planned: Vec<String> = (0..planned_per_rule)
                        .map(|k| format!("2019-12-{:02}", 2 + k * 27 / planned_per_rule))
                        .collect();
                    let _ = writeln!(out, "planned = [{}]", planned.join(", "));
                }
            } else if a % 3 == 0 {
                let _ = writeln!(out, "when = \"{} – {}\"", MONTHS[a % 6], MONTHS[6 + a % 6]);
                let _ = writeln!(
                    out,
                    "agreed_with = [\"party-{}\"]\npartner = \"Избирательная комиссия {region} области\"",
                    rng.below(parties)
                );
            } else {
                let _ = writeln!(out, "when = \"{}\"", WHENS[rng.below(WHENS.len())]);
            }
            out.push('\n');
        }
    }
    out
}
