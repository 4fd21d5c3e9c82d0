# Слова выводов плана: таблицы, списки, `show`, `parties`, график, отчёт.
# Даты в аргументах уже записаны по правилам языка (ДД.ММ.ГГГГ).

# Как дата пишется в тексте (strftime из chrono): ДД.ММ.ГГГГ.
date-format = %d.%m.%Y

table-activity = Мероприятия
table-time = Время проведения
table-responsible = Ответственные
number-header = №
responsible-agreed = { $responsible } по согласованию с { $agreed }
cancelled-mark = [отменено]

status-planned = в плане
status-cancelled = отменено

rule-rolling = скользящее (перерыв не дольше срока)
rule-calendar = календарное (в каждом отрезке срока)
rule-both = и скользящее, и календарное

show-section = раздел
show-id = обозначение
show-when = время
show-meaning = понимается как
show-responsible = ответственные
show-agreed-with = по согласованию с
show-partner = партнёр
show-held = проведено
show-planned = запланировано
show-rule = правило
show-last-before = последнее до плана
show-next-due = следующий срок
show-status = статус
show-note = примечание
show-location = в файле

schedule-whole-period = весь период плана ({ $range })
schedule-as-needed = по мере необходимости, без срока
recurrence = не реже { $times } { $times ->
        [one] раза
       *[other] раз
    } в { $months } { $months ->
        [one] месяц
        [few] месяца
       *[many] месяцев
    }
recurrence-as-needed = по мере необходимости, { $rule }
date-range = { $from } – { $to }

parties-party = Обозначение
parties-name = Название
parties-responsible = Отвечает
parties-agrees = Согласует

period-outside-plan = примечание: период `{ $text }` лежит вне периода плана ({ $plan }); ничего не найдено
list-nothing = примечание: ни одно мероприятие не подходит под этот отбор; `plan list` без него покажет все

month-1 = янв
month-2 = фев
month-3 = мар
month-4 = апр
month-5 = май
month-6 = июн
month-7 = июл
month-8 = авг
month-9 = сен
month-10 = окт
month-11 = ноя
month-12 = дек

mark-window = срок
mark-ongoing = постоянно
mark-held = проведено
mark-planned = запланировано
mark-due = следующий срок
mark-cancelled = отменено
as-of = на { $date }

event-held = проведено
event-planned = запланировано

report-outcome = итог
report-when = время
report-held = проведено
report-planned = запланировано
report-meetings = заседания
report-next-due = следующий срок
report-note = примечание
report-total = Итого
not-recorded = срок истёк { $closed }
meetings-tally = проведено { $held }, требовалось к { $as_of }: { $required }
report-total-part = { $outcome } { $count }
report-totals = { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }: { $parts }
list = { $items }
range = { $range }

# Заголовок `list --format csv` (даты ISO и значения из файла не переводятся).
csv-number = номер
csv-id = обозначение
csv-section = раздел
csv-title = название
csv-when = время
csv-responsible = ответственные
csv-agreed-with = по согласованию с
csv-partner = партнёр
csv-held = проведено
csv-planned = запланировано
csv-status = статус
csv-note = примечание

# Какой план из папки прочитан (в stderr).
plan-in-force-holds = примечание: читаю { $path } — план, действующий на { $on } (планов в папке: { $plans })
plan-in-force-ended-before = примечание: читаю { $path } — последний план, закончившийся до { $on } (планов в папке: { $plans })
plan-in-force-starts-first = примечание: читаю { $path } — первый по началу план: ни один не начался к { $on } (планов в папке: { $plans })

# Что `plan held` сообщает сразу (в stderr).
held-late = предупреждение: заседание проведено с опозданием на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }: срок был { $due } (check сообщит `gap-exceeded`)
held-outside-time = предупреждение: { $date } — вне срока «{ $when }» (check сообщит `held-outside-window`)
held-as-last-before = примечание: { $date } — раньше начала плана { $start }, поэтому дата записана в `last_before`, от неё отсчитываются сроки
held-before-last-before = примечание: { $date } — раньше начала плана и не позже `last_before` { $last_before }; менять нечего
recorded-last-before = записано `last_before` = { $date }
recorded-result = результат записан

# Печатные план и отчёт (`export html|docx`, `table`, `report --format md|html|docx`).
approved = УТВЕРЖДЁН
approval-line = { $by } от { $date } № { $number }
document-number = № п/п
document-activities = Мероприятия
document-time = Время проведения
document-responsible = Ответственные
report-document-time = Срок
report-document-activity = Мероприятие
report-document-fulfilment = Отметка о выполнении
report-document-title = Отчёт о выполнении { $object } { $span }
report-object-plan = плана { $rest }
report-object-quoted = плана «{ $title }»
report-span-year = за { $year } год
report-span-period = за период с { $from } по { $to }
report-passed = { $dates } (дата прошла, проведение не отмечено)
fulfilment-done = выполнено
fulfilment-not-done = не выполнено
fulfilment-cancelled = отменено
fulfilment-scheduled = запланировано
fulfilment-in-progress = в работе
fulfilment-held = проведено
fulfilment-planned = назначено на
fulfilment-result = результат
fulfilment-reason = причина
fulfilment-note = примечание
fulfilment-time-ended = срок истёк
fulfilment-responsible = ответственные
charter-heading = Заседания руководящих органов в сравнении с требованиями устава
charter-body = Орган и требование
charter-held = Проведено
charter-required = Требуется
charter-breaches = Нарушения
no-breaches = нет
totals-heading = Итоги
totals-all = Всего мероприятий

# `plan import`: что прочитано и о чём пришлось догадаться (в stderr; комментарии `# проверьте:`
# в файле всегда по-русски).
import-place-row = строка { $row }
import-place-column = столбец { $column } «{ $heading }»
import-guess-at = { $place }: { $what }
import-bad-when = время «{ $text }» не читается ({ $reason }); оставлено как написано, с period = «{ $placeholder }»
import-when-suggestion = { $reason }; возможно, «{ $suggestion }»?
import-outside-year = вне { $year } года, года плана
import-no-time = у пунктов ({ $items }) нет времени проведения; записано «{ $placeholder }»
import-mismatch = пунктов { $items }, а времён { $times }{ $extra }: сопоставлены по порядку, пунктам без времени записано «{ $placeholder }»
import-no-responsible = ответственные не указаны; записано «{ $placeholder }»
import-joined = «{ $text }» продолжает мероприятие выше (разрыв страницы): присоединено к нему
import-hyphen = «{ $written }» прочитано как «{ $read }»
import-short-name = «{ $written }» принято за «{ $name }»
import-ambiguous = «{ $written }» может означать { $list }; взято первое
import-no-section = мероприятия до первой строки раздела: помещены в раздел «{ $placeholder }»
import-no-activity = строка с «{ $text }», но без мероприятия: пропущена
import-unmarked = { $items } { $items ->
        [one] абзац
        [few] абзаца
       *[many] абзацев
    } без маркеров списка, каждый прочитан как мероприятие (не одно ли это мероприятие в несколько строк?)
import-check = { $source }: проверьте: { $guess }
import-counts = { $sections } { $sections ->
        [one] раздел
        [few] раздела
       *[many] разделов
    }, { $activities } { $activities ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }, { $parties } { $parties ->
        [one] сторона
        [few] стороны
       *[many] сторон
    }
import-wrote = записан `{ $target }` из `{ $source }`: { $counts }
import-read = прочитан `{ $source }`: { $counts }
import-parties = стороны из имён в таблице (проверьте их обозначения, `id`):
import-also-written = также { $list }
import-guesses-marked = { $count } { $count ->
        [one] место отмечено
        [few] места отмечены
       *[many] мест отмечено
    } `# проверьте:` в файле; проверьте их, затем `plan check`

# --- area: grammar ---
show-period = даты по
show-when-time = время суток
show-when-remark = пометка
show-when-unread = не прочитано
show-when-clipped = обрезано
show-when-clipped-to = годы выходят за план и прочитаны в пределах { $plan }
# --- area: writes ---
date-beyond-9999 = { $date } (после 9999 года)
# --- area: rollup ---
rollup-title = Сводка по отделениям на { $date }
rollup-branch = Отделение
rollup-name = Организация
rollup-plan = План
rollup-rules = правила: { $status }
rollup-errors = ошибки
rollup-warnings = предупреждения
rollup-note = Примечание
rollup-activities = мероприятия
rollup-group = { $what }: { $list }
rollup-rules-total = правила
rollup-total = Всего: { $branches } { $branches ->
        [one] отделение
        [few] отделения
       *[many] отделений
    }
rollup-total-with-errors = с ошибками: { $count }
rollup-unreadable = папку не удаётся прочитать: { $reason }
rollup-no-plan = в папке нет плана
rollup-not-a-folder = не папка отделения: пропущено
rollup-broken-link = ссылка никуда не ведёт или ведёт по кругу: пропущена
rollup-not-a-file = не файл (папка, FIFO или устройство): пропущен
rollup-not-a-plan = не план (нет таблицы [plan]): пропущен
rollup-problem-at = строка { $line }, столбец { $column }: { $message }
# --- area: import ---
responsible-by-agreement = { $name } (по согласованию)
import-columns = столбцы таблицы:
import-column = столбец { $column } «{ $heading }» → { $role } ({ $how })
import-by-heading = по заголовку
import-by-content = по содержимому
import-role-number = номер
import-role-activity = мероприятие (title)
import-role-time = время (when)
import-role-responsible = ответственные
import-role-place = место проведения (place)
import-role-result = отметка о выполнении (result)
import-role-note = примечание (note = «{ $heading }: …»)
import-year-from-times = в заголовке нет года плана; взят { $year } — самый частый год в сроках
import-no-title = над таблицей нет заголовка; записано «{ $title }» (задайте его через `--title`)
import-issuing-body = нет столбца ответственных: все мероприятия поручены «{ $name }» — { $from }
import-body-from-organization = организация над заголовком
import-body-from-title = орган, названный в заголовке
import-body-from-signature = должность подписавшего
import-body-from-approval = орган, утвердивший план
import-body-from-nowhere = документ не называет органа (переименуйте сторону)
import-undated-approval = блок утверждения без даты не записан в [plan.approval]: «{ $text }»
import-list-item = пункт нумерованного списка прочитан как мероприятие; время: «{ $time }», ответственные: «{ $responsible }»
show-place = место проведения
# --- area: year ---
fulfilment-no-mark = нет отметки
status-not-done = не выполнено
report-missing-heading = На { $as_of } без отметки { $count } { $count ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }; отметьте каждое до печати отчёта:
report-missing-none = на { $as_of } у всех мероприятий есть отметка
report-missing-hint = Отметкой служит и дата проведения (`plan held S.A ДАТА`). Если мероприятие не выполнено, запишите в плане `status = "not-done"`, а причину — в `note`.
show-outcome = отметка
show-result = результат
hook-unstaged = pre-commit: в `{ $path }` есть изменения, не добавленные в коммит; проверяется добавленная версия
hook-does-not-load = pre-commit: `{ $path }` в том виде, в каком он добавлен в коммит, не читается; коммит остановлен:
hook-brought = pre-commit: `{ $path }`: этот коммит вносит { $count ->
        [one] { $count } замечание, которого
        [few] { $count } замечания, которых
       *[many] { $count } замечаний, которых
    } не было в последнем коммите; коммит остановлен:
hook-known = pre-commit: `{ $path }`: { $count ->
        [one] { $count } замечание уже было в последнем коммите и этот коммит не останавливает
        [few] { $count } замечания уже были в последнем коммите и этот коммит не останавливают
       *[many] { $count } замечаний уже были в последнем коммите и этот коммит не останавливают
    } (список — `plan check`)
hook-stopped-help = исправьте план и повторите коммит (подробнее — `plan check`) или закоммитьте без проверки: `git commit --no-verify`
plan-ended-year = примечание: план на { $year } год закончился { $end }; новый план: `plan new { $next }`
plan-ended-years = примечание: план на { $from }–{ $to } годы закончился { $end }; новый план: `plan new { $next }`
event-last-due = { $title }: последний срок
