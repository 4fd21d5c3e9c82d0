# `plan check`: the findings, the rule blocks and the closing line.

who-numbered = { $number } «{ $title }»
who = «{ $title }»

finding-gap-exceeded = { $who }: held { $held }, after its due date { $due }
finding-block-missed = { $who }: { $held } of { $needed } required meeting(s) held in { $from } – { $to }
finding-overdue = { $who }: overdue, the next meeting was due by { $due }
finding-due-soon = { $who }: the next meeting is due by { $due } (in { $days ->
        [one] { $days } day
       *[other] { $days } days
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
