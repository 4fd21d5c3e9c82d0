//! A tree of branches for `plan rollup`: one folder per branch, each a series of yearly plans
//! that continue the same meetings by `id`, with meetings held, missed and late, windows done and
//! not, results and cancellations varying from branch to branch and year to year.
//!
//! Deterministic: the same arguments give the same bytes, so measurements can be repeated.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Regions, as a branch's folder name and its organisation's name.
const REGIONS: [(&str, &str); 12] = [
    ("smolensk", "Смоленское"),
    ("tver", "Тверское"),
    ("bryansk", "Брянское"),
    ("kaluga", "Калужское"),
    ("pskov", "Псковское"),
    ("orel", "Орловское"),
    ("kursk", "Курское"),
    ("tula", "Тульское"),
    ("ryazan", "Рязанское"),
    ("vladimir", "Владимирское"),
    ("ivanovo", "Ивановское"),
    ("kostroma", "Костромское"),
];

/// Windowed activities: title and time.
const EVENTS: [(&str, &str); 8] = [
    ("Тематические уроки ко Дню местного самоуправления в школах", "апрель"),
    ("Семинар-совещание регионального отделения", "II полугодие"),
    ("Участие в конференциях и круглых столах по вопросам МСУ", "весь период"),
    ("Конкурс «Лучший руководитель ТОС»", "I квартал"),
    ("Сбор и распространение лучших практик муниципального управления", "I полугодие"),
    ("Участие в съезде территориального общественного самоуправления", "октябрь"),
    ("Просветительские мероприятия, соответствующие целям Организации", "III квартал"),
    ("Обновление базы контактов регионального отделения", "май – сентябрь"),
];

/// A tiny deterministic generator (an LCG is plenty for picking outcomes).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// The id (folder name) of branch `n`, from 1.
#[must_use]
pub(super) fn branch_id(n: usize) -> String {
    format!("{:02}-{}", n, REGIONS[(n - 1) % REGIONS.len()].0)
}

/// The organisation of branch `n`.
#[must_use]
pub(super) fn branch_name(n: usize) -> String {
    format!("{} региональное отделение ВСМС № {n}", REGIONS[(n - 1) % REGIONS.len()].1)
}

/// Branch `n`'s plan for `year`, with `activities` activities (at least 3: the three meetings).
#[must_use]
pub(super) fn plan(n: usize, year: i32, activities: usize) -> String {
    let mut rng = Rng((n as u64) << 20 ^ u64::from(year.unsigned_abs()));
    let mut out = String::with_capacity(activities * 260);
    let _ = write!(
        out,
        "[plan]\ntitle = \"План работы на {year} год\"\norganization = \"{}\"\nyear = {year}\n\n\
         [parties.council]\nname = \"Региональный совет\"\n\n[parties.presidium]\nname = \"Президиум\"\n\n\
         [parties.secretariat]\nname = \"Секретариат\"\n\n",
        branch_name(n)
    );
    out.push_str("[[section]]\ntitle = \"Заседания органов отделения\"\n\n");
    // Council: twice a year; most branches keep it, some miss the autumn one or meet late.
    let council = match rng.below(6) {
        0 => vec![format!("{year}-03-12")],
        1 => vec![format!("{year}-02-05"), format!("{year}-09-20")],
        _ => vec![format!("{year}-03-12"), format!("{year}-09-10")],
    };
    meeting(
        &mut out,
        "council-sessions",
        "Заседания регионального совета",
        "не реже 1-го раза в 6 месяцев",
        "council",
        &council,
        "",
    );
    // Presidium: every three months; now and then a quarter goes without.
    let presidium: Vec<String> = ["02-14", "05-14", "08-14", "11-14"]
        .iter()
        .filter(|_| rng.below(9) != 0)
        .map(|d| format!("{year}-{d}"))
        .collect();
    meeting(
        &mut out,
        "presidium-sessions",
        "Заседания президиума",
        "не реже 1-го раза в 3 месяца",
        "presidium",
        &presidium,
        "",
    );
    // The quarterly report, each calendar quarter.
    let reports: Vec<String> = ["03-28", "06-27", "09-26", "12-20"]
        .iter()
        .filter(|_| rng.below(7) != 0)
        .map(|d| format!("{year}-{d}"))
        .collect();
    meeting(
        &mut out,
        "quarterly-report",
        "Квартальный отчёт секретариата",
        "ежеквартально",
        "secretariat",
        &reports,
        "rule = \"calendar\"\n",
    );
    out.push_str("[[section]]\ntitle = \"Мероприятия\"\nresponsible = [\"secretariat\"]\n\n");
    for k in 0..activities.saturating_sub(3) {
        let (title, when) = EVENTS[k % EVENTS.len()];
        let _ = write!(out, "[[section.activity]]\ntitle = \"{title} ({})\"\nwhen = \"{when}\"\n", k + 1);
        match rng.below(10) {
            0 => out.push_str("status = \"cancelled\"\nnote = \"перенесено на следующий год\"\n"),
            1 | 2 => {}
            3 => out.push_str("result = \"Проведено, отчёт направлен в центральный аппарат\"\n"),
            _ => {
                let _ = writeln!(out, "held = [{}]", held_in(when, year));
            }
        }
        out.push('\n');
    }
    out
}

/// A recurring activity with its meetings.
fn meeting(out: &mut String, id: &str, title: &str, when: &str, who: &str, held: &[String], extra: &str) {
    let _ = write!(
        out,
        "[[section.activity]]\nid = \"{id}\"\ntitle = \"{title}\"\nwhen = \"{when}\"\nresponsible = [\"{who}\"]\n{extra}held = [{}]\n\n",
        held.join(", ")
    );
}

/// A day inside `when` of `year`.
fn held_in(when: &str, year: i32) -> String {
    let month_day = match when {
        "апрель" => "04-18",
        "II полугодие" | "III квартал" => "08-20",
        "I квартал" => "02-25",
        "I полугодие" => "05-16",
        "октябрь" => "10-09",
        "май – сентябрь" => "06-11",
        _ => "03-03",
    };
    format!("{year}-{month_day}")
}

/// Writes `branches` branch folders under `dir`, each with the plans of `years` years ending with
/// `last_year`, `activities` activities each; returns the branch folders.
pub(super) fn tree(
    dir: &Path,
    branches: usize,
    years: usize,
    last_year: i32,
    activities: usize,
) -> std::io::Result<Vec<PathBuf>> {
    let mut folders = Vec::new();
    for n in 1..=branches {
        let folder = dir.join(branch_id(n));
        std::fs::create_dir_all(&folder)?;
        for k in 0..years {
            let year = last_year - i32::try_from(years - 1 - k).expect("fewer years than i32 holds");
            std::fs::write(folder.join(format!("{year}.toml")), plan(n, year, activities))?;
        }
        folders.push(folder);
    }
    Ok(folders)
}
