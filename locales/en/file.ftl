# What is wrong with a plan file, one line each, and how to fix it (`-help`).

see-readme = see plans/README.md
problem-empty = the file is empty: a plan needs at least a `[plan]` table
problem-binary = this is a binary file (it contains a NUL byte), not a TOML plan
problem-not-utf8 = the file is not valid UTF-8 from here on
problem-merge-conflict = git merge-conflict marker `{ $marker }` left in the file
problem-syntax = TOML syntax: { $message }
problem-unknown-key = unknown key `{ $key }`
problem-missing-plan = missing table `[plan]`
problem-missing-key = missing key `{ $key }`
problem-wrong-value = { $message }
problem-missing-year = `[plan]` needs `year`, or both `start` and `end`
problem-year-out-of-range = year { $year } is out of range
problem-start-after-end = the plan starts ({ $start }) after it ends ({ $end })
problem-bad-id = `{ $id }` is not a valid id
problem-unknown-party = unknown party `{ $id }`
problem-duplicate-id = duplicate activity id `{ $id }` (first used on line { $line })
problem-empty-title = the title is empty
problem-missing-when = the activity has no `when`, and its section gives none
problem-missing-responsible = the activity has no `responsible`, and its section gives none
problem-window-outside-plan = the time { $range } lies outside the plan period { $plan }
problem-not-recurring = `{ $key }` is only for recurring activities ("at least once every N months")
problem-last-before-in-plan = `last_before` ({ $date }) must lie before the plan's start ({ $start })
problem-utf16 = the file is saved as UTF-16 ("Unicode"), not as UTF-8
problem-wrong-type-key = `{ $key }` takes { $expected }, not { $found }
problem-wrong-type = expected { $expected }, found { $found }
problem-quoted-date = the date `{ $written }` is in quotes, so TOML reads it as text
problem-date-with-time = `{ $text }` has a time of day; only a date is recorded here
problem-unknown-value = `{ $value }` is not one of the values allowed here
problem-unknown-value-key = `{ $key }` does not take the value `{ $value }`
problem-no-such-month = `{ $text }` is not a date: there is no month { $month }
# $month is the name of the month (month-name-N).
problem-no-such-day = `{ $text }` is not a date: { $month } { $year } has { $days } days
problem-bad-date = `{ $text }` is not a valid date
problem-duplicate-key = `{ $key }` is given twice
problem-unclosed-string = the text in quotes is not closed on this line
problem-unquoted-text = text must be in quotes
problem-too-deep = brackets are nested too deeply
problem-bad-escape = `\` in quoted text starts an escape such as `\n`, and this one is not valid
problem-missing-equals = a key must be followed by `=` and a value
problem-missing-value = the value after `=` is missing
problem-missing-comma = a comma is missing between two items
problem-unclosed = a bracket is not closed: `{ $closing }` is missing
problem-trailing-text = unexpected text after the value
problem-bad-key = a key without quotes may have only Latin letters, digits, `-` and `_`
problem-not-toml-date = `{ $written }` is not a date TOML can read: dates are written YYYY-MM-DD
problem-control-character = an invisible control character (U+{ $hex }, shown as `\u{"{"}{ $short }{"}"}`) is in the file
problem-extra-comma = an extra comma: there is no item before it
problem-bad-number = `{ $text }` is not a number TOML can read

expected-text = text in quotes
expected-whole-number = a whole number
expected-list = a list in square brackets
expected-table = a table
expected-date = a date such as 2019-03-14
found-text = the text `{ $text }`
found-number = the number `{ $text }`
found-date = the date `{ $text }`
found-boolean = `{ $text }`
found-list = a list
found-table = a table

# The month in "February 2019 has 28 days".
month-name-1 = January
month-name-2 = February
month-name-3 = March
month-name-4 = April
month-name-5 = May
month-name-6 = June
month-name-7 = July
month-name-8 = August
month-name-9 = September
month-name-10 = October
month-name-11 = November
month-name-12 = December

help-syntax = compare the line with the examples in plans/README.md: quotes, brackets, commas and `=`
help-missing-on = a date with a note is written `{"{"} on = 2019-03-14, note = "..." {"}"}`
help-missing-key = add `{ $key } = ...` to this table; see plans/README.md
help-empty = start the file with `[plan]` and `title = "..."`, `year = 2019`; see plans/README.md
help-binary = save the plan as UTF-8 text
help-merge-conflict = finish the merge: keep the lines you want, delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, then run `plan check`
help-did-you-mean-allowed = did you mean `{ $nearest }`? Allowed here: { $list }
help-allowed = allowed here: { $list }
help-year = add `year = 2019` to `[plan]`
help-start-after-end = swap `start` and `end`
help-bad-id = ids use lowercase Latin letters, digits and `-`, such as `council-sessions`
help-unknown-party-nearest = did you mean `{ $nearest }`? known parties: { $list }
help-unknown-party = known parties: { $list }; or add it under `[parties.ID]`
help-duplicate-id = give each activity its own id, or remove one
help-empty-title = write the title between the quotes
help-missing-when = add `when = "апрель"` (or another time) to the activity or its section
help-missing-responsible = add `responsible = ["party-id"]` to the activity or its section
help-window-outside-plan = fix the time, or widen the plan's `start`/`end`
help-not-recurring = remove `{ $key }`, or make `when` a recurrence
help-last-before-in-plan = a meeting inside the plan period goes in `held`
help-utf16 = save it again as UTF-8 (in Notepad: File → Save As → Encoding: UTF-8)
help-list-not-table = sections and activities are lists of tables, written with double brackets: `[[section]]`, `[[section.activity]]`
help-table-not-list = a table is written with single brackets: `[plan]`, `[parties.presidium]`
help-wrong-type-text = put the text in double quotes: { $example }
help-wrong-type-number = write the number without quotes: { $example }
help-wrong-type-list = put the values in square brackets, even a single one: { $example }
help-wrong-type-date = write dates without quotes, as YYYY-MM-DD: { $example }
help-quoted-date = write the date without quotes: `{ $date }`
help-date-with-time = write the date alone, without quotes, as YYYY-MM-DD: `2019-03-14`
help-bad-date = write a date that exists, as YYYY-MM-DD without quotes: `2019-03-14`
help-duplicate-key = keep one of them: a key is given once in its table, a `[table]` once in the file (sections and activities repeat as `[[section]]`, `[[section.activity]]`)
help-unclosed-string = end the text with `"` on the same line; a quote inside the text is written `\"`, a line break `\n`
help-unquoted-text = put the text in double quotes: `title = "..."`
help-too-deep = a plan needs no more than two levels of `[` or `{"{"}`: look for brackets that are not closed
help-bad-escape = write a backslash as `\\`, or put the text in single quotes: `partner = 'C:\plans'`
help-missing-equals = write `key = value`, one to a line: `title = "..."`; a comment starts with `#`
help-missing-value = write the value after `=`: text in quotes, a date, a number or a list `[...]`
help-missing-comma = separate the items with commas and close the list: `["presidium", "branch"]`
help-unclosed = add `{ $closing }` where the list or table ends
help-trailing-text = one `key = value` to a line, with no comma after it; a quote inside text is written `\"`, a comment starts with `#`
help-bad-key = the keys are listed in plans/README.md; a table is `[name]`, a key `name = value`
help-not-toml-date = write `{ $date }`, without quotes
help-not-toml-date-no-such-day = no such day: write a date that exists as YYYY-MM-DD, without quotes: `2019-03-14`
help-control-character = delete it (such characters come with pasted text); inside quotes it may be written `\u{ $hex }`
help-extra-comma = remove it: a comma goes only between two items, `[2019-03-14, 2019-04-10]`
help-bad-number = write a whole number in digits, such as `2019` (`_` may stand only between digits); text goes in quotes

# Time expressions (`when` in the file, `--period` on the command line).
when-empty = the time is empty
when-unknown = unknown time expression `{ $text }`
when-invalid-date = `{ $text }` contains a date that does not exist
when-reversed = the range `{ $text }` runs backwards ({ $from } is after { $to })
when-recurrence-only-in-file = `{ $text }` says how often or by which schedule, not when; a period to search needs dates or months
when-relative-only-on-command-line = `{ $text }` is relative to today; the file needs a fixed time
when-zero-count = `{ $text }`: the count and the months or weeks must be at least 1
when-reversed-help = write the earlier month first: `июнь – сентябрь`
when-invalid-date-help = check the day and month; dates are written 2019-04-21 or 21.04.2019
when-accepted = accepted forms: `апрель`, `april`, `2019-04`, `май 2019`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; `первая декада января`; `до 15 марта`, `до конца года`; `2019 год`, `2019 – 2020 гг.`; `весь период`, `all year`; `2019-04-21`, `21.04.2019`, `28 мая 2019`, `2019-04-01..2019-04-15`; lists `апрель, октябрь`, `апрель / май`; in the file also `не реже 1-го раза в 6 месяцев`, `еженедельно`, `по мере необходимости`, `по отдельному плану`; on the command line also `this month`, `next quarter`, `today` (see plans/README.md)

# --- area: grammar ---
when-year-out-of-range = `{ $text }`: a year must be from 1 to 9999
when-year-out-of-range-help = write the year in full, for example 2019
when-too-large = `{ $text }`: the number { $number } is too large
when-too-large-help = a count or a period is a small number: `не реже 2 раз в 12 месяцев`
when-accepted-file = accepted forms: `апрель`, `май 2019`, `28 мая 2019`, `28.05`; `июнь – сентябрь`; `I квартал`; `II полугодие`; `первая декада января`; `до 15 марта`, `до конца года`; `2019 – 2020 гг.`; `весь период`; `по отдельному плану`; `21.04.2019`, `2019-04-01..2019-04-15`; lists `апрель, октябрь`; `не реже 1-го раза в 6 месяцев`, `еженедельно`, `по мере необходимости` (see plans/README.md); to keep these words, give the dates in `period`, for example `period = "весь период"`
problem-deadline-without-year = the deadline `{ $text }` has no year, and the plan runs from { $start } to { $end }
help-deadline-without-year = write the year: `до 15 марта 2020`
when-deadline-before-start = the deadline `{ $text }` ({ $deadline }) comes before the plan starts ({ $start })
when-deadline-before-start-help = check the deadline's year, or the plan's `start` in [plan]
