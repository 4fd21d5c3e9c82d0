# The command line: help of every command and flag, usage, and argument errors.
# Ids: cli-COMMAND-about, cli-COMMAND-examples (after the options), cli-COMMAND-ARG (an argument
# of one command), cli-arg-ARG (an argument shared by several), cli-...-ARG-VALUE (a possible
# value), cli-value-NAME (the placeholder of a value, as in `--file <PATH>`).

cli-about = Read, filter, print and check a regional work plan kept as a TOML file
cli-long-about =
    Read, filter, print and check a regional work plan kept as a TOML file.

    Without --file, `plan` reads the plan in force on the as-of date in the nearest `plans/` folder (in the current directory or above), so inside the plan's repository `plan list` just works.

cli-arg-file = The plan file [default: the plan in force in plans/, found from here upwards]
cli-arg-as_of = The date to judge against: what is "this month", what is overdue [default: today]
cli-arg-lang = Interface language [default: ru if LC_ALL/LC_MESSAGES/LANG, else the system's language, is Russian; else en]
cli-arg-lang-en = English
cli-arg-lang-ru = Russian
cli-arg-quiet = Print only data and errors: no notes on stderr; `check` prints only its findings
cli-arg-color = When to use colour (NO_COLOR turns off `auto`)
cli-arg-color-auto = Colour when writing to a terminal and NO_COLOR is not set
cli-arg-color-always = Always colour
cli-arg-color-never = Never colour
cli-arg-help = Print help (see more with '--help')
cli-arg-help-long = Print help (see a summary with '-h')
cli-arg-version = Print version

cli-arg-period = Activities whose time overlaps PERIOD: `april`, `апрель`, `июнь – сентябрь`, `Q3`, `II полугодие`, `первая декада мая`, `до 15 марта`, `28 мая 2019`, `2019-04-01..2019-04-15`, `this month`
cli-arg-no_ongoing = Leave out ongoing activities (whole period, recurring, as needed)
cli-arg-responsible = Activities a party is responsible for or must agree: an id, alias or (part of a) name
cli-arg-section = Activities of a section: its number, or part of its title
cli-arg-grep = Activities whose title, note or partner contains TEXT (case-insensitive)
cli-arg-format = Output format
cli-arg-dry_run = Print the change as a unified diff and write nothing

cli-list-about = One line per activity: number, time, responsible, title
cli-list-format-plain = Aligned columns for reading
cli-list-format-json = An array of objects, one per activity (the shape is stable)
cli-list-format-csv = One row per activity, every field
cli-list-format-md = A Markdown table
cli-list-width = Wrap the plain list to N columns [default: the terminal's; piped, one whole line per activity]
cli-list-examples =
    Examples:
      plan list --period april                 what is on in April (ongoing activities included)
      plan list --period 'II полугодие' --no-ongoing
      plan list --responsible presidium        what the presidium must do or agree
      plan list --section 3 --format md        one section as a Markdown table
      plan list --format json | jq '.[].title'

cli-table-about = The plan as the printed document's table, numbered, with a heading row per section
cli-table-format-table = A drawn table for the terminal
cli-table-format-json = Same as `list --format json`
cli-table-format-csv = Same as `list --format csv`
cli-table-format-md = The printed plan's four columns as a Markdown table
cli-table-width = Table width in columns [default: the terminal's, or 80 when not a terminal]
cli-table-examples =
    Examples:
      plan table                               the whole plan, wrapped to the terminal
      plan table --lang ru --width 120 > plan.txt
      plan table --period 'I квартал' --format md

cli-show-about = Everything about one activity, with its time interpreted as exact dates
cli-show-activity = The activity: its id (`council-sessions`) or number (`2.2`)
cli-show-format-text = For reading
cli-show-format-json = For scripts
cli-show-examples =
    Examples:
      plan show 2.2
      plan show presidium-sessions --format json

cli-parties-about = Each party, with how many activities it is responsible for or must agree
cli-parties-format-text = For reading
cli-parties-format-json = For scripts
cli-parties-examples =
    Examples:
      plan parties
      plan parties --format json | jq '.[] | select(.responsible == 0)'

cli-check-about = Validate the file and the meeting-frequency rules; exit 1 when there are errors
cli-check-strict = Treat warnings as errors (exit 1 on any finding)
cli-check-format-text = A block per recurring activity, the findings, a summary line
cli-check-format-json = The report as one JSON object (the shape is stable)
cli-check-due_within = A next due date at most DAYS after the as-of date is a `due-soon` warning
cli-check-examples =
    Examples:
      plan check                               as of today, even after the plan's end
      plan check --as-of 2019-03-15            before the council meeting of 15 March
      plan check --strict --due-within 14      warnings fail too; due within two weeks is a warning
      plan check --format json | jq '.findings[] | .code'

    Exit status: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 the plan could not be read

cli-held-about = Record that an activity took place on DATE, in the file itself (a planned DATE moves to held)
cli-held-activity = The activity: its id (`council-sessions`) or number (`1.1`)
cli-held-date = The day it took place: 2019-03-14 or 14.03.2019 (not after --as-of, default today)
cli-held-note = Record the date as `{"{"} on = DATE, note = "TEXT" {"}"}`: a protocol number, a place
cli-held-examples =
    Examples:
      plan held council-sessions 2019-03-14
      plan held 1.2 2019-05-28 --note 'протокол № 3'
      plan held 1.1 14.03.2019 --dry-run        show the change as a diff; write nothing
      git diff plans/2019.toml                  review the change, then commit it

    The file is changed in place: only the activity's `held` (and `planned`) value changes; comments, layout and
    line ends stay as they are.

cli-planned-about = Record a date fixed for an activity in the future, in the file itself
cli-planned-activity = The activity: its id (`council-sessions`) or number (`1.1`)
cli-planned-date = The day fixed for it: 2019-12-12 or 12.12.2019 (not before --as-of, default today)
cli-planned-examples =
    Examples:
      plan planned council-sessions 2019-12-12
      plan planned 1.2 2019-11-28 --dry-run

cli-cancel-about = Mark an activity as cancelled (status = "cancelled"), in the file itself
cli-cancel-activity = The activity: its id (`council-sessions`) or number (`3.3`)
cli-cancel-note = Why: written as the activity's `note` (a different note already there is kept unless --replace or --append)
cli-cancel-examples =
    Examples:
      plan cancel 3.3
      plan cancel 3.3 --note 'перенесено на 2020 год'

cli-result-about = Record what was done, in words, for the fulfilment report (`result`), in the file itself
cli-result-activity = The activity: its id (`council-sessions`) or number (`3.1`)
cli-result-text = What was done, in words
cli-result-examples =
    Examples:
      plan result 3.1 'Проведено 12 уроков в 9 школах'
      plan result council-sessions 'Утверждены отчёт и план на 2020 год' --dry-run

    A different `result` already there is kept unless --replace or --append says what to do with it; only that
    line of the file changes.

cli-new-about = Start next year's plan from this one: the same activities, nothing recorded yet
cli-new-year = The year of the new plan; after the source plan's year
cli-new-from = This year's plan [default: --file, or the plan in force in plans/]
cli-new-output = Where to write the new plan; never overwritten; `-` for standard output [default: YEAR.toml beside the source]
cli-new-examples =
    Examples:
      plan new 2020                             plans/2020.toml from the newest plan in plans/
      plan new 2020 --from plans/2019.toml -o plans/2020.toml
      plan new 2020 --dry-run                   what would change, as a diff against this year's plan
      plan --file plans/2020.toml check

cli-timeline-about = The plan period as a chart: a row per activity, a column per month, recorded dates marked
cli-timeline-width = Chart width in columns [default: the terminal's, or 80 when not a terminal]
cli-timeline-examples =
    Marks: █ the activity's time  ░ ongoing  ● held  ○ planned  ! next due  × cancelled
           ▼ the as-of date; a mark lands in the first, second or last third of its month

    Examples:
      plan timeline                            the whole year, as wide as the terminal
      plan timeline --section 1 --as-of 2019-11-20
      plan timeline --period 'II полугодие' --no-ongoing --width 100
      plan timeline --color always | less -R

cli-export-about = Write the plan as a calendar (ics), a printable web page (html) or a Word document (docx)
cli-export-format = What to write
cli-export-format-ics = An iCalendar file (RFC 5545) of all-day events
cli-export-format-html = A standalone web page with the document's table, ready to print on A4
cli-export-format-docx = The plan as a Word document (.docx) for approval: A4, page numbers, approval and signature
cli-export-output = Write to FILE instead of standard output (`-` is standard output)
cli-export-examples =
    The calendar has an all-day event for each window, held, planned and next due date;
    importing it again updates those events instead of adding them twice.

    Examples:
      plan export ics -o plan-2019.ics
      plan export ics --responsible presidium > presidium.ics
      plan export html -o plan-2019.html       one page for the website; print it from the browser
      plan export docx -o plan-2019.docx       the plan for approval, as a Word document
      plan --lang ru export html --section 4 > section-4.html

cli-report-about = The fulfilment report: what became of each activity, and meetings against the charter
cli-report-format-text = For reading in the terminal
cli-report-format-md = Markdown, for a wiki or an e-mail
cli-report-format-html = A standalone web page, ready to print
cli-report-format-docx = A Word document (.docx), ready to print and sign
cli-report-format-json = One object per activity and one per meeting rule, for scripts
cli-report-output = Write to FILE instead of standard output (`-` is standard output)
cli-report-examples =
    Examples:
      plan report --as-of 2019-12-31           the year's account
      plan report --format md > report.md
      plan --lang ru report --format html > otchet-2019.html
      plan --as-of 2019-12-31 report --format docx -o otchet-2019.docx
      plan report --section 1                  the governing bodies' meetings only

cli-import-about = Turn a plan written in Word (.docx) into a plan file, guesses marked for review
cli-import-docx = The Word document (.docx) holding the plan's table
cli-import-output = Write the plan to FILE, never over an existing one (`-` is standard output) [default: standard output]
cli-import-examples =
    Examples:
      plan import plan-2019.docx -o plans/2019.toml
      plan import plan-2019.docx > draft.toml     the plan on standard output
      plan --file plans/2019.toml check           then check what was imported

    What cannot be read with certainty (a time the grammar does not know, items without times, a name
    that could be two parties) is told on stderr with its row and column and written into the file as
    a `# проверьте:` comment; the file still loads. An existing file is never overwritten.

cli-completions-about = Print a shell completion script (static; see `COMPLETE=bash plan` for completion of plan values)
cli-completions-shell = The shell to complete for
cli-completions-examples =
    Examples:
      plan completions bash > ~/.local/share/bash-completion/completions/plan
      plan completions zsh > ~/.zfunc/_plan
      plan completions fish > ~/.config/fish/completions/plan.fish

    Completion of party ids and activity numbers from the plan itself needs the dynamic form instead:
      echo 'source <(COMPLETE=bash plan)' >> ~/.bashrc
      echo 'source <(COMPLETE=zsh plan)' >> ~/.zshrc
      echo 'COMPLETE=fish plan | source' >> ~/.config/fish/completions/plan.fish

cli-man-about = Print the manual page (roff)
cli-man-examples =
    Examples:
      plan man | man -l -
      plan man > ~/.local/share/man/man1/plan.1

cli-schema-about = Print the JSON Schema of the plan file, for editors (Taplo, Even Better TOML)
cli-schema-examples =
    Examples:
      plan schema > plans/plan.schema.json

cli-hook-about = Print the git pre-commit hook that checks changed plans, or install it
cli-hook-install = Write the hook to the current repository's `.git/hooks/pre-commit`
cli-hook-force = With --install: replace an existing pre-commit hook
cli-hook-examples =
    Examples:
      plan hook --install          in the repository that keeps plans/
      plan hook > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit

cli-help-about = Print this message or the help of the given subcommand(s)
cli-help-subcommand = Print help for the subcommand(s)

cli-value-PATH = PATH
cli-value-DATE = DATE
cli-value-LANG = LANG
cli-value-WHEN = WHEN
cli-value-COMMAND = COMMAND
cli-value-SHELL = SHELL
cli-value-ID-S-A = ID|S.A
cli-value-TEXT = TEXT
cli-value-YEAR = YEAR
cli-value-FILE = FILE
cli-value-FILE-docx = FILE.docx
cli-value-PERIOD = PERIOD
cli-value-WHO = WHO
cli-value-N-TEXT = N|TEXT
cli-value-FORMAT = FORMAT
cli-value-N = N
cli-value-DAYS = DAYS

# Headings and notes of the help, in languages whose help `plan` lays out itself.
cli-usage = Usage
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-possible-values = possible values
cli-possible-values-heading = Possible values:
cli-default = default
cli-env = environment variable
cli-options-placeholder = [OPTIONS]
cli-command-placeholder = COMMAND

# Argument errors (exit code 2).
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-unknown-subcommand = unknown command `{ $command }`
cli-error-invalid-value = invalid value `{ $value }` for `{ $arg }`
cli-error-missing-value = `{ $arg }` needs a value
cli-error-missing-required = required arguments were not given: { $args }
cli-error-missing-command = a command is needed
cli-error-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-error-too-many = unexpected value `{ $value }`
cli-error-other = the command line cannot be read
cli-tip-similar = a similar argument exists: `{ $suggestion }`
cli-tip-similar-command = a similar command exists: `{ $suggestion }`
cli-tip-similar-value = a similar value exists: `{ $suggestion }`
cli-tip-values = possible values: { $values }
cli-tip-separator = to pass `{ $arg }` as a value, use `-- { $arg }`
cli-more = For more information, try `{ $help }`.
cli-hint-as_of = write the date as YYYY-MM-DD, DD.MM.YYYY or in words (`1 апреля 2019`, `сегодня`, `today`), for example 2019-04-01
cli-hint-year = the year is a number from 1 to 9999
cli-hint-width = the width is at least 30 columns
cli-hint-due_within = the number of days is a whole number, 0 or more
cli-tip-text = { $text }

# The section headings of `plan man`.
man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-subcommands = SUBCOMMANDS
man-extra = EXTRA
man-version = VERSION

# --- area: writes ---
cli-arg-replace = Replace a different text already recorded
cli-arg-append = Add the text on a new line after one already recorded
cli-arg-force = With -o: replace an existing FILE that plan did not write (never a plan, a .toml file or a link)
# --- area: rollup ---
cli-rollup-about = Many branches at once: a row per branch folder of DIR (its plan in force judged), worst first
cli-rollup-dir = The folder holding one folder per branch, each with that branch's yearly plans
cli-rollup-rule_title = Count only the meeting rules whose title contains TEXT (case-insensitive)
cli-rollup-period = Count only activities (and their rules) whose time overlaps PERIOD, as `report --period` does
cli-rollup-responsible = Count only activities (and their rules) a party is responsible for or must agree, as `report --responsible` does
cli-rollup-due_within = A next due date at most DAYS after the as-of date is a `due-soon` warning, as in `check`
cli-rollup-format-table = A drawn table for the terminal, with the totals at the end
cli-rollup-format-json = One object per branch and the totals, for scripts (the shape is stable)
cli-rollup-format-csv = One row per branch, then the totals, for a spreadsheet
cli-rollup-format-md = A Markdown table, for a wiki or an e-mail
cli-rollup-format-docx = A Word document (.docx), ready to print
cli-rollup-output = Write to FILE instead of standard output (`-` is standard output)
cli-rollup-width = Table width in columns [default: the terminal's; piped, one line per branch]
cli-rollup-examples =
    Each folder of DIR is a branch (its name the branch's id) holding that branch's yearly plans;
    each branch is judged on its plan in force, exactly as `plan check` and `plan report` judge it.

    Examples:
      plan rollup branches/                        every branch as of today, worst first
      plan rollup branches/ --as-of 2024-12-31 --format md > rollup-2024.md
      plan rollup branches/ --rule-title 'заседания совета'    who kept the council's meetings
      plan rollup branches/ --format docx -o rollup.docx
      plan rollup branches/ --format json | jq '.branches[] | select(.errors > 0) | .branch'

    Exit status: 0 no branch has errors, 1 a branch has errors (or a plan that does not load),
    2 DIR could not be read
cli-value-DIR = DIR
# --- area: import ---
cli-import-year = The plan's year, when its title names none (or names another)
cli-import-title = The plan's title, when the document has none above its table
# --- area: year ---
cli-report-missing = Only list what still lacks a mark, each with the command that records it
cli-hook-pre_commit = Judge the staged plans as the installed hook does: stop only for what the commit brings
cli-export-remind = ics: remind this many days before each meeting rule's last due date

# --- area: cancelled ---
cli-value-HOW = HOW
cli-arg-cancelled = How cancelled activities are printed: as planned (`plain`, the default), marked, or left out
cli-export-cancelled = How cancelled activities are printed: as planned (`plain`, the default), marked, or left out (`omit` leaves them out of the calendar too)
cli-arg-cancelled-plain = Like the others, without a mark: the plan as it was planned
cli-arg-cancelled-mark = With a mark after the title: [cancelled]
cli-arg-cancelled-omit = Left out
