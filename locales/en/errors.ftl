# Errors that stop a command (exit code 2), each with its `help`.

error = error
help = help
did-you-mean = did you mean `{ $suggestion }`?
known-parties = known parties: { $list }; an id, a name or part of one will do

no-plan-found = no plan file: no `plans/` folder with a `*.toml` file in `{ $path }` or above it
no-plan-found-help = name the file with `--file PATH` or the `PLAN_FILE` environment variable, or run `plan` inside the plan's repository
read-not-found = cannot read `{ $path }`: no such file
read-not-found-help = check the path given with `--file` or `PLAN_FILE`
read-permission = cannot read `{ $path }`: permission denied
read-permission-help = make the file readable (`chmod u+r`)
read-directory = cannot read `{ $path }`: it is a directory, not a plan file
read-directory-help = name a `.toml` file inside it, such as `plans/2019.toml`
read-too-large = `{ $path }` is too large to be a plan: { $size } bytes, the limit is { $limit } bytes ({ $mib } MiB)
read-too-large-help = check that this is the right file; split a larger plan by year
read-other = cannot read `{ $path }`: { $reason }
bad-date-option = `{ $option } { $text }`: not a date
bad-date-option-help = write the date as YYYY-MM-DD, for example 2019-04-01
unknown-party-option = no party matches `{ $who }`
unknown-section = no section matches `{ $query }`
unknown-section-help = give a section number or part of its title:{ $list }
unknown-activity = no activity has the id or number `{ $query }`
unknown-activity-help = `plan list` shows every activity's number
not-a-repository = not inside a git repository
not-a-repository-help = run `plan hook --install` in the repository that keeps `plans/`
hook-exists = `{ $path }` already exists
hook-exists-help = add `--force` to replace it, or merge `plan hook`'s output into it by hand
hook-write = cannot write `{ $path }`: { $reason }
output = cannot write the output: { $reason }

invalid-count = `{ $path }` has { $count } problems; nothing was done
invalid-count-shown = `{ $path }` has { $count } problems, the first { $shown } shown; nothing was done

# Recording meetings and starting new plans (`held`, `planned`, `cancel`, `new`).
by-hand = edit the file by hand (see plans/README.md)
not-a-date = `{ $text }` is not a date
not-a-date-no-such-day = `{ $text }` is not a date: there is no such day
not-a-date-help = write the date as YYYY-MM-DD, DD.MM.YYYY or in words, for example 2019-03-14 or 14 марта 2019 (`сегодня`, `вчера`, `today` work too)
refused = { $who }: { $why }; the file was not changed
cannot-edit-activity = cannot change activity { $number } of `{ $path }` in place: it is written neither as a `[[section.activity]]` table nor as an inline table in `activity = [...]`; the file was not changed
cannot-edit-file = cannot rewrite `{ $path }`: it is not laid out as `[plan]`, `[[section]]` and `[[section.activity]]` tables; nothing was written
edit-broke = internal error: the changed `{ $path }` did not read back as intended; nothing was written
edit-broke-at = internal error: the changed `{ $path }` did not read back as intended ({ $line }:{ $column }: { $problem }); nothing was written
edit-broke-help = please report this with the plan file; meanwhile edit the file by hand (see plans/README.md)
changed-on-disk = `{ $path }` changed on disk while `plan` was working on it; nothing was written
changed-on-disk-help = look at the other change (`git diff`), then run the command again
write = cannot write `{ $path }`: { $reason }; nothing was written
write-help = make the file and its folder writable (`chmod u+w`)
output-exists = `{ $path }` already exists; `plan new` never overwrites a file
output-exists-help = name another file with `-o FILE`, or move the existing one away first
year-not-after = the new plan's year { $year } must come after that of `{ $path }`, the plan it starts from ({ $source })
year-not-after-help = for example `plan new { $next }`, or name this year's plan with `--from FILE`
misfit-section = section { $section }
times-do-not-fit = these times of `{ $path }` have no date in { $year }: { $list }; nothing was written
times-do-not-fit-help = `plan new` moves only years written as numbers; change these times in the plan it starts from (or in a copy given with `--from`) and run it again

refusal-outside-plan = { $date } lies outside the plan period { $plan }
refusal-outside-plan-help = a date of another year belongs in that year's plan (`plan new YEAR` starts one)
refusal-already-held = { $date } is already recorded as held
refusal-already-planned = { $date } is already planned
refusal-show = `plan show { $number }` lists what is recorded
refusal-held-in-future = { $date } is after { $as_of } (today, or --as-of): an activity is recorded as held once it has taken place
refusal-held-in-future-help = to fix a future date, use `plan planned { $number } { $date }`
refusal-planned-in-past = { $date } has already passed ({ $as_of } is today, or --as-of)
refusal-planned-in-past-help = if it took place, record it with `plan held { $number } { $date }`
refusal-cancelled = the activity is cancelled
refusal-cancelled-help = if it takes place after all, delete its `status = "cancelled"` line first
refusal-already-cancelled = the activity is already cancelled
refusal-already-cancelled-help = give `--note TEXT` to change its note

# Said on stderr by `held`, `planned`, `cancel` and `new`.
dry-run = dry run: nothing was written to `{ $path }`
recorded = { $path }: { $who }: { $what }
recorded-held = recorded as held on { $date }
recorded-moved = , moved from planned
recorded-planned = planned for { $date }
recorded-cancelled = marked as cancelled
created = created `{ $path }` from `{ $source }`: { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }, { $activities ->
        [one] { $activities } activity
       *[other] { $activities } activities
    }, { $period }; nothing recorded yet
created-carried = { $number } last_before = { $date } (its last meeting)
created-review = review the comments copied from `{ $source }`, then run `plan --file { $path } check`

misfit-activity = { $number }
misfit-time = { $place } `{ $when }`
expected-other = { $text }
found-other = { $text }

# Why reading or writing a file failed.
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-is-a-directory = it is a folder
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-broken-pipe = the reader closed the pipe
io-not-a-regular-file = not a regular file
io-keep-group = the new file could not keep the group { $gid } of the old one ({ $reason })
io-other = { $reason }
created-moved = { $place } when: `{ $old }` → `{ $new }`

read-not-a-file = cannot read `{ $path }`: it is not a regular file (a pipe, a socket or a device)
read-not-a-file-help = name the plan's `.toml` file itself, such as `plans/2019.toml`
lone-carriage-return = cannot change `{ $path }`: line { $line } ends with a lone carriage return (CR), not LF or CRLF; the file was not changed
lone-carriage-return-help = convert the line ends to LF, for example `mac2unix FILE` or `sed -i 's/\r/\n/g' FILE`
output-is-plan = `{ $path }` is a plan file (a `.toml` file, or one that looks like a plan); `-o` never overwrites a plan, even with `--force`
output-is-plan-help = write the output to another file, named for its format: `plan-2019.docx`, `report-2019.html`, `plan-2019.ics`
binary-to-terminal = a .{ $format } file is not for the terminal
binary-to-terminal-help = write it to a file with `-o FILE`, or redirect the output: `> plan.{ $format }`

# `plan import`: a .docx that cannot be read as a plan.
import-exists = `{ $path }` already exists; `plan import` never overwrites a file
import-exists-help = name another file with `-o FILE`, or move the existing one away first
import-not-found = cannot read `{ $path }`: no such file
import-not-found-help = check the path of the .docx file
import-unreadable = cannot read `{ $path }`: { $reason }
import-unreadable-help = name a readable .docx file
import-too-large = `{ $path }` is too large to be a plan document: { $size } bytes, the limit is { $limit } bytes ({ $mib } MiB)
import-too-large-help = check that this is the right file; pictures make a document large: save a copy without them and import that
import-save-again = open it in Word or LibreOffice Writer and save it as «Word Document (.docx)», then import that file
import-not-a-zip = `{ $path }` is not a .docx file: a .docx is a zip archive, and this file is not one
import-other-format = `{ $path }` is { $format }, not a .docx
import-format-doc = an old Word 97–2003 document (.doc)
import-format-odt = an OpenDocument text (.odt)
import-format-pdf = a PDF
import-format-rtf = an RTF document
import-pdf-help = a PDF keeps no table to read: open the document the PDF was made from and save it as «Word Document (.docx)»
import-convert-help =
    open it in Word or LibreOffice Writer and save it as «Word Document (.docx)», or convert it without opening, then import the .docx it makes:
        { $command }
import-no-document-part = `{ $path }` is a zip archive but not a Word document: it has no `word/document.xml`
import-too-many-entries = `{ $path }` holds { $count } files inside; a Word document holds a few dozen, the limit is { $limit }
import-bomb = `{ $path }`: `{ $entry }` unpacks to more than { $limit } bytes ({ $mib } MiB), far more than any plan's text; refused (a zip bomb?)
import-bomb-help = check where the file came from; a document saved by Word imports as it is
import-unpack = `{ $path }` cannot be unpacked: { $detail }
import-dtd = `{ $path }`: its XML declares a DTD (`<!DOCTYPE`), which Word never writes; refused, as its entities could expand without bound ("billion laughs")
import-entity = `{ $path }`: `word/document.xml` uses the undefined entity `{ $text }`
import-bad-xml = `{ $path }`: `word/document.xml` is broken at line { $line }, column { $column }: { $detail }
import-no-plan-table = `{ $path }` has no plan table (activities, times and parties, under these or other headings: «Мероприятия», «Срок», «Ответственные»…) and no numbered list ({ $tables } { $tables ->
        [one] table
       *[other] tables
    } in the document)
import-no-plan-table-help = the plan must be a table whose heading row names its activities and their time or parties (a «№ п/п» column may come first), or a numbered list of activities; check that this is the plan, or name the columns so in Word and import again{ $found }
import-tables-found = ; the tables found start with:{ $rows }
import-nested-table = `{ $path }`: row { $row }, column { $column } of the plan's table holds a table of its own; its rows cannot be read as the lines of the cell, and the import does not guess
import-nested-table-help = in Word, select the inner table and choose Layout → Convert to Text (or move it out of the cell), save the document and import again
import-nested-plan-table = `{ $path }` has no plan table of its own, but table { $table } holds a table inside its row { $row }, column { $column }: the plan's table may be that one, and a table inside a cell is not read
import-nested-plan-table-help = in Word, move the plan's table out of the table around it (cut it and paste it below), or convert the outer table to text (Layout → Convert to Text), save the document and import again
import-too-many-rows = `{ $path }`: the plan's table has { $rows } rows, the limit is { $limit }
import-too-many-rows-help = a work plan has tens of rows: check that this is the right document, or split the table into several documents

# --- area: writes ---
output-not-ours = `{ $path }` already exists, and `plan` did not write it; nothing was written
output-not-ours-help = add `--force` to replace it, or name another file with `-o FILE`
output-is-folder = `{ $path }` is a folder; `-o` takes the name of a file
output-is-folder-help = name a file inside it, such as `-o FOLDER/plan-2019.docx`
output-is-symlink = `{ $path }` is a symbolic link; `plan` never writes through one; nothing was written
output-is-symlink-help = name the file the link points to, or another file
hook-is-symlink = `{ $path }` is a symbolic link to `{ $target }`
hook-is-symlink-help = add `--force` to replace the link itself with the hook; the file it points to stays as it is
lock-waiting = the plan is busy with another command; waiting…
lock-timeout = `{ $path }` was still busy with another command after { $seconds } s; nothing was written
lock-timeout-help = run the command again once the other one has finished, or wait longer with `PLAN_LOCK_TIMEOUT=SECONDS`
bad-lock-timeout = `PLAN_LOCK_TIMEOUT={ $text }` is not a number of seconds
bad-lock-timeout-help = give a whole number of seconds, such as `PLAN_LOCK_TIMEOUT=60`
edit-too-large = this change would make `{ $path }` { $size } bytes, over the { $mib } MiB that `plan` reads; nothing was written
edit-too-large-help = split the plan into smaller files, such as one per year
text-exists = { $who } already has a `{ $key }`: «{ $text }»; the file was not changed
text-exists-help = add `--replace` to replace it, or `--append` to add the new text after it; `plan show { $number }` shows it whole
io-keep-attribute = the new file could not keep the attribute `{ $name }` of the old one ({ $reason })
io-loop = too many symbolic links (a link that leads back to itself)
io-loop-help = see where the links lead with `ls -l` or `readlink -f`, and point the link at the file itself
folder-unreadable = cannot read the folder `{ $path }`: permission denied
folder-unreadable-help = ask for read access to the folder (`chmod u+rx { $path }`), or name the plan with `--file PATH`
# --- area: rollup ---
rollup-dir-not-a-folder = `{ $path }` is not a folder
rollup-dir-not-a-folder-help = name the folder that holds one folder per branch, such as `branches/`
# --- area: import ---
import-not-a-file = `{ $path }` is not a regular file (a FIFO, a device or a socket); `plan import` reads only files
import-truncated = `{ $path }` is a truncated zip archive: it was cut short (its end is missing), so the document cannot be read
import-truncated-help = the file was not copied or downloaded whole: copy or download it again, or save it again from Word
import-no-year = `{ $path }`: neither the title nor the times name the plan's year
import-no-year-help = give it: `plan import "{ $path }" --year 2024`
import-no-converter = `{ $path }` is { $format }; converting it needs LibreOffice (`soffice`), which is not on PATH
import-conversion-failed = `{ $path }` could not be converted by LibreOffice: { $detail }
import-conversion-timeout = `{ $path }`: LibreOffice did not finish converting it within { $seconds } seconds, and was stopped
import-conversion-timeout-help = open the document in Word or LibreOffice Writer and save it as «Word Document (.docx)», then import that file
# --- area: year ---
year-out-of-range = a plan for { $year } made from `{ $path }` would end in { $end }, after 9999, the last year a date can have
year-out-of-range-help = dates run to 31 December 9999; no plan can follow one that ends then
ambiguous-party-option = `{ $who }` matches several parties
ambiguous-party-help = it could be any of: { $list }; give the id or the whole name of one (repeat `--responsible` for several)
