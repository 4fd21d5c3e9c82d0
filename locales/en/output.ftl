# The words of the plan's outputs: tables, lists, `show`, `parties`, the timeline, the report.
# Dates given as arguments are already written the language's way (ISO in English).

# How a date is written in text (chrono strftime): ISO in English.
date-format = %Y-%m-%d

table-activity = Activity
table-time = Time
table-responsible = Responsible
number-header = No.
responsible-agreed = { $responsible } (agreed with { $agreed })
cancelled-mark = [cancelled]

status-planned = planned
status-cancelled = cancelled

rule-rolling = rolling (no gap longer than the period)
rule-calendar = calendar (in each block of the period)
rule-both = both rolling and calendar

show-section = section
show-id = id
show-when = when
show-meaning = meaning
show-responsible = responsible
show-agreed-with = agreed with
show-partner = partner
show-held = held
show-planned = planned
show-rule = rule
show-last-before = last before
show-next-due = next due
show-status = status
show-note = note
show-location = location

schedule-whole-period = the whole plan period ({ $range })
schedule-as-needed = as needed, no set frequency
# $times: how many meetings; $months: in how many months.
recurrence = at least { $times ->
        [one] once
       *[other] { $times } times
    } every { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
recurrence-as-needed = as needed, { $rule }
date-range = { $from } – { $to }

parties-party = Party
parties-name = Name
parties-responsible = Responsible
parties-agrees = Agrees

period-outside-plan = note: the period `{ $text }` lies outside the plan ({ $plan }); nothing matches
list-nothing = note: no activity matches these filters; `plan list` without them shows every one

month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

mark-window = its time
mark-ongoing = ongoing
mark-held = held
mark-planned = planned
mark-due = next due
mark-cancelled = cancelled
as-of = as of { $date }

event-held = held
event-planned = planned

report-outcome = outcome
report-when = when
report-held = held
report-planned = planned
report-meetings = meetings
report-next-due = next due
report-note = note
report-total = Total
not-recorded = its time ended { $closed }
meetings-tally = { $held } held, { $required } required by { $as_of }
# One part of the closing count, such as "3 held".
report-total-part = { $count } { $outcome }
report-totals = { $count } { $count ->
        [one] activity
       *[other] activities
    }: { $parts }
list = { $items }
range = { $range }

# The header row of `list --format csv` (ISO dates and the values stay as in the file).
csv-number = number
csv-id = id
csv-section = section
csv-title = title
csv-when = when
csv-responsible = responsible
csv-agreed-with = agreed_with
csv-partner = partner
csv-held = held
csv-planned = planned
csv-status = status
csv-note = note

# Which plan of a folder of plans was read, on stderr.
plan-in-force-holds = note: reading { $path }, the plan in force on { $on } (of { $plans } plans)
plan-in-force-ended-before = note: reading { $path }, the last plan to end before { $on } (of { $plans } plans)
plan-in-force-starts-first = note: reading { $path }, the first plan to start, since none has started by { $on } (of { $plans } plans)

# What `plan held` tells at once, on stderr.
held-late = warning: this meeting is { $days ->
        [one] { $days } day
       *[other] { $days } days
    } late: it was due by { $due } (check will report gap-exceeded)
held-outside-time = warning: { $date } lies outside its time «{ $when }» (check will report held-outside-window)
held-as-last-before = note: { $date } is before the plan's start { $start }, so it is recorded as last_before, the meeting that starts the clock
held-before-last-before = note: { $date } is before the plan's start and not later than last_before { $last_before }; nothing to change
recorded-last-before = recorded as last_before = { $date }
recorded-result = result recorded

# The printed plan and report (`export html|docx`, `table`, `report --format md|html|docx`).
approved = APPROVED
approval-line = { $by } of { $date }, No. { $number }
document-number = No.
document-activities = Activities
document-time = Time
document-responsible = Responsible
report-document-time = Time
report-document-activity = Activity
report-document-fulfilment = Fulfilment
report-document-title = Fulfilment report { $span }: { $object }
report-object-plan = plan { $rest }
report-object-quoted = «{ $title }»
report-span-year = for { $year }
report-span-period = for the period { $from } to { $to }
report-passed = { $dates } (passed, not recorded as held)
fulfilment-done = done
fulfilment-not-done = not done
fulfilment-cancelled = cancelled
fulfilment-scheduled = scheduled
fulfilment-in-progress = in progress
fulfilment-held = held
fulfilment-planned = scheduled for
fulfilment-result = result
fulfilment-reason = reason
fulfilment-note = note
fulfilment-time-ended = its time ended
fulfilment-responsible = who
charter-heading = Meetings of the governing bodies against the charter
charter-body = Body and rule
charter-held = Held
charter-required = Required
charter-breaches = Breaches
no-breaches = none
totals-heading = Totals
totals-all = Activities in all

# `plan import`: what was read, and what was guessed (on stderr; the file's `# проверьте:`
# comments are always in Russian).
import-place-row = row { $row }
import-place-column = column { $column } «{ $heading }»
import-guess-at = { $place }: { $what }
import-bad-when = the time «{ $text }» does not read ({ $reason }); kept as written, with period = «{ $placeholder }»
import-when-suggestion = { $reason }; did you mean «{ $suggestion }»?
import-outside-year = outside { $year }, the plan's year
import-no-time = no time for { $items } { $items ->
        [one] item
       *[other] items
    }; «{ $placeholder }» written
import-mismatch = { $items } { $items ->
        [one] item
       *[other] items
    } but { $times } { $times ->
        [one] time
       *[other] times
    }{ $extra }: paired in order, unpaired items get «{ $placeholder }»
import-no-responsible = no responsible party; «{ $placeholder }» written
import-joined = «{ $text }» continues the activity above (a page break): joined to it
import-hyphen = «{ $written }» read as «{ $read }»
import-short-name = «{ $written }» taken as «{ $name }»
import-ambiguous = «{ $written }» could be any of { $list }; the first was taken
import-no-section = activities before any section row: put in a section «{ $placeholder }»
import-no-activity = a row with «{ $text }» but no activity: left out
import-unmarked = { $items } paragraphs without list marks, each read as an activity (is it one activity over several lines?)
import-check = { $source }: check: { $guess }
import-counts = { $sections } { $sections ->
        [one] section
       *[other] sections
    }, { $activities } { $activities ->
        [one] activity
       *[other] activities
    }, { $parties } { $parties ->
        [one] party
       *[other] parties
    }
import-wrote = wrote `{ $target }` from `{ $source }`: { $counts }
import-read = read `{ $source }`: { $counts }
import-parties = parties made from the names in the table (review the ids):
import-also-written = also written { $list }
import-guesses-marked = { $count } { $count ->
        [one] guess
       *[other] guesses
    } marked `# проверьте:` in the file; review them, then `plan check`

# --- area: grammar ---
show-period = period
show-when-time = time of day
show-when-remark = remark
show-when-unread = not read
show-when-clipped = clipped
show-when-clipped-to = the years run past the plan and are read within { $plan }
# --- area: writes ---
date-beyond-9999 = { $date } (after the year 9999)
# --- area: rollup ---
rollup-title = Branches as of { $date }
rollup-branch = Branch
rollup-name = Organisation
rollup-plan = Plan
rollup-rules = rules: { $status }
rollup-errors = errors
rollup-warnings = warnings
rollup-note = Note
rollup-activities = activities
rollup-group = { $what }: { $list }
rollup-rules-total = rules
rollup-total = Total: { $branches } { $branches ->
        [one] branch
       *[other] branches
    }
rollup-total-with-errors = with errors: { $count }
rollup-unreadable = the folder cannot be read: { $reason }
rollup-no-plan = no plan in the folder
rollup-not-a-folder = not a branch folder: passed over
rollup-broken-link = a link that leads nowhere or round in a loop: passed over
rollup-not-a-file = not a file (a folder, a FIFO or a device): passed over
rollup-not-a-plan = not a plan (no [plan] table): passed over
rollup-problem-at = line { $line }, column { $column }: { $message }
# --- area: import ---
responsible-by-agreement = { $name } (if it agrees)
import-columns = columns of the table:
import-column = column { $column } «{ $heading }» → { $role } ({ $how })
import-by-heading = by its heading
import-by-content = by its content
import-role-number = the number
import-role-activity = the activity (title)
import-role-time = the time (when)
import-role-responsible = the responsible parties
import-role-place = the place (place)
import-role-result = the result (result)
import-role-note = a note (note = «{ $heading }: …»)
import-year-from-times = no year of the plan in the title; { $year }, the most common year of the times, taken
import-no-title = no title above the table; «{ $title }» written (give one with `--title`)
import-issuing-body = no responsible column: every activity is the responsibility of «{ $name }», { $from }
import-body-from-organization = the organisation above the title
import-body-from-title = the body named in the title
import-body-from-signature = the signer's position
import-body-from-approval = the body that approved the plan
import-body-from-nowhere = as the document names no body (rename the party)
import-undated-approval = an approval block without a date, not written as [plan.approval]: «{ $text }»
import-list-item = an item of a numbered list, read as an activity; time: «{ $time }», responsible: «{ $responsible }»
show-place = place
# --- area: year ---
fulfilment-no-mark = no mark
status-not-done = not done
report-missing-heading = { $count ->
        [one] { $count } activity lacks
       *[other] { $count } activities lack
    } a mark as of { $as_of }; record each before printing the report:
report-missing-none = every activity has a mark as of { $as_of }
report-missing-hint = A held date (`plan held S.A DATE`) is a mark too. An activity that was not done: write `status = "not-done"` in the plan, with the reason in `note`.
show-outcome = outcome
show-result = result
hook-unstaged = pre-commit: `{ $path }` has changes that are not staged; the staged version is what gets checked
hook-does-not-load = pre-commit: `{ $path }` as staged does not load; the commit is stopped:
hook-brought = pre-commit: `{ $path }`: this commit brings { $count ->
        [one] a finding
       *[other] { $count } findings
    } that the last commit does not have; the commit is stopped:
hook-known = pre-commit: `{ $path }`: { $count ->
        [one] a finding already in the last commit does
       *[other] { $count } findings already in the last commit do
    } not stop this one (`plan check` lists them)
hook-stopped-help = fix the plan and commit again (`plan check` says more), or commit anyway with `git commit --no-verify`
plan-ended-year = note: the plan for { $year } ended on { $end }; start the next one: `plan new { $next }`
plan-ended-years = note: the plan for { $from }–{ $to } ended on { $end }; start the next one: `plan new { $next }`
event-last-due = { $title }: last due date
