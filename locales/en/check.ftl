# `plan check`: the findings, the rule blocks and the closing line.

who-numbered = { $number } «{ $title }»
who = «{ $title }»

finding-due-soon = { $who }: the next meeting is due by { $due } ({ $days ->
        [0] that is today
        [one] in { $days } day
       *[other] in { $days } days
    })
finding-planned-too-late = { $who }: planned { $planned }, after the due date { $due } it should meet
finding-held-outside-plan = { $who }: held { $date }, outside the plan period { $plan }
finding-held-after-as-of = { $who }: recorded as held on { $date }, after the as-of date { $as_of }
finding-held-outside-window = { $who }: held { $date }, outside its time
finding-not-recorded = { $who }: its time ended { $closed } and nothing is recorded as held
finding-unused-party = party `{ $id }` { $who } is not named by any activity

severity-error = error
severity-warning = warning

check-rule = rule
check-held = held
check-next-due = next due
check-status = status
check-none = none

check-status-ok = ok
check-status-due-soon = due-soon
check-status-overdue = overdue
check-status-violated = violated

check-rule-rolling = rolling
check-rule-calendar = calendar
check-rule-both = both

check-ok = ok: no problems (as of { $as_of })
check-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } (as of { $as_of })
no-rules = no recurring activities to check

# A breach of a meeting rule, explained (in `check`, `show`, `report`).
finding-breach = { $who }: { $breach }
breach-gap-exceeded = the meeting of { $held } came { $days ->
        [one] { $days } day
       *[other] { $days } days
    } late: it was due by { $due }
breach-overdue = overdue by { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: the next meeting was due by { $due }
breach-block-missed = { $held } of { $needed } required { $needed ->
        [one] meeting
       *[other] meetings
    } held in the block { $from } – { $to } (due by { $to })
finding-planned-passed = { $who }: planned for { $date }, which has passed, and not recorded as held
finding-last-before-mismatch = { $who }: last_before is { $last_before }, but { $file } records the last meeting on { $held }; the series counts from { $held }
recorded-in = { $message } (recorded in { $file })
# The date is written DD.MM.YYYY in both languages, as the spec words the message.
check-not-started = the plan starts on { $start }: its own dates are not judged yet

# --- area: grammar ---
finding-when-partly-read = { $who }: its time was read by its start; these words were not used: «{ $unread }»
finding-window-clipped = { $who }: the years «{ $when }» run past the plan period { $plan } and were read within it{ $more ->
        [0] {""}
        [one] , as was the time of 1 more activity
       *[other] , as were the times of { $more } more activities
    }

# --- area: check ---
# $times meetings every $weeks weeks: exactly 1 and 1 is "weekly".
recurrence-weeks = { $times ->
        [1] { $weeks ->
            [1] weekly
           *[other] once every { $weeks } weeks
        }
       *[other] at least { $times } times every { $weeks ->
            [1] week
           *[other] { $weeks } weeks
        }
    }
finding-series-overlap = { $file } covers { $period }, which overlaps this plan: the two are not read as one series, and each is judged on its own
note-series-too-large = note: { $file } is over the size limit of { $limit } bytes and is left out of the series
note-series-not-a-plan = note: { $file } has no [plan] table and is left out of the series
note-series-not-loaded = note: { $file } does not load and is left out of the series (`plan check --file { $file }` says why)
