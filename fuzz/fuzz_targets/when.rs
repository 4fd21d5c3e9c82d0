//! The time-expression grammar takes any text and must never panic, and its `Display` is the
//! canonical form: a schedule parsed from a file's `when` prints as text that parses back to an
//! equal schedule.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use plan::i18n::Lang;
use plan::when::{self, Context, DateRange, Source};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ctx = Context { year: 2019, today: NaiveDate::from_ymd_opt(2019, 4, 1).expect("a valid date") };
    let period = DateRange {
        from: NaiveDate::from_ymd_opt(2019, 1, 1).expect("a valid date"),
        to: NaiveDate::from_ymd_opt(2019, 12, 31).expect("a valid date"),
    };
    for source in [Source::File, Source::CommandLine] {
        match when::parse(text, &ctx, source) {
            Ok(schedule) => {
                let canonical = schedule.to_string();
                for lang in [Lang::En, Lang::Ru] {
                    let _ = lang.say(&plan::render::words::schedule(&schedule, period));
                }
                if source == Source::File {
                    match when::parse(&canonical, &ctx, Source::File) {
                        Ok(again) => assert_eq!(
                            again, schedule,
                            "{text:?} parsed to {schedule:?}, whose Display {canonical:?} parses to {again:?}"
                        ),
                        Err(error) => panic!(
                            "{text:?} parsed to {schedule:?}, but its Display {canonical:?} does not parse: {error:?}"
                        ),
                    }
                }
            }
            Err(error) => {
                // The messages quote the text at the error's span: a bad span panics here.
                for lang in [Lang::En, Lang::Ru] {
                    let _ = lang.say(&error.message(text));
                    let _ = error.help().map(|help| lang.say(&help));
                }
            }
        }
    }
});
