# Ошибки, из-за которых команда не выполнена (код выхода 2), каждая со своей подсказкой.

error = ошибка
help = подсказка
did-you-mean = возможно, имелось в виду `{ $suggestion }`?
known-parties = известные стороны: { $list }; подойдёт обозначение, название или его часть

no-plan-found = файл плана не найден: нет папки `plans/` с файлом `*.toml` в `{ $path }` и выше
no-plan-found-help = укажите файл через `--file ПУТЬ` или переменную `PLAN_FILE`, или запустите `plan` в репозитории плана
read-not-found = не удаётся прочитать `{ $path }`: нет такого файла
read-not-found-help = проверьте путь в `--file` или `PLAN_FILE`
read-permission = не удаётся прочитать `{ $path }`: нет прав на чтение
read-permission-help = дайте права на чтение (`chmod u+r`)
read-directory = не удаётся прочитать `{ $path }`: это папка, а не файл плана
read-directory-help = укажите `.toml`-файл в ней, например `plans/2019.toml`
read-too-large = `{ $path }` слишком велик для плана: { $size } байт, предел { $limit } байт ({ $mib } МиБ)
read-too-large-help = проверьте, тот ли это файл; большой план разделите по годам
read-other = не удаётся прочитать `{ $path }`: { $reason }
bad-date-option = `{ $option } { $text }`: это не дата
bad-date-option-help = запишите существующую дату как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 01.04.2019
unknown-party-option = ни одна сторона не подходит под `{ $who }`
unknown-section = ни один раздел не подходит под `{ $query }`
unknown-section-help = укажите номер раздела или часть названия:{ $list }
unknown-activity = нет мероприятия с обозначением или номером `{ $query }`
unknown-activity-help = `plan list` покажет номера всех мероприятий
not-a-repository = это не git-репозиторий
not-a-repository-help = запустите `plan hook --install` в репозитории с папкой `plans/`
hook-exists = `{ $path }` уже существует
hook-exists-help = добавьте `--force`, чтобы заменить его, или допишите вывод `plan hook` в него вручную
hook-write = не удаётся записать `{ $path }`: { $reason }
output = не удаётся вывести результат: { $reason }

invalid-count = в `{ $path }` { $count } { $count ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }; ничего не сделано
invalid-count-shown = в `{ $path }` { $count } { $count ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }, показаны первые { $shown }; ничего не сделано

# Запись заседаний и новые планы (`held`, `planned`, `cancel`, `new`).
by-hand = исправьте файл вручную (см. plans/README.md)
not-a-date = `{ $text }` — не дата
not-a-date-no-such-day = `{ $text }` — не дата: такого дня нет
not-a-date-help = запишите существующую дату как ДД.ММ.ГГГГ, ГГГГ-ММ-ДД или словами, например 14.03.2019 или 14 марта 2019 (подходят и `сегодня`, `вчера`)
refused = { $who }: { $why }; файл не изменён
cannot-edit-activity = не удаётся изменить мероприятие { $number } в `{ $path }` на месте: оно записано не таблицей `[[section.activity]]` и не встроенной таблицей в `activity = [...]`; файл не изменён
cannot-edit-file = не удаётся переписать `{ $path }`: он не разложен по таблицам `[plan]`, `[[section]]` и `[[section.activity]]`; ничего не записано
edit-broke = внутренняя ошибка: изменённый `{ $path }` читается не так, как задумано; ничего не записано
edit-broke-at = внутренняя ошибка: изменённый `{ $path }` читается не так, как задумано ({ $line }:{ $column }: { $problem }); ничего не записано
edit-broke-help = пожалуйста, сообщите об этом и приложите файл плана; пока исправьте файл вручную (см. plans/README.md)
changed-on-disk = `{ $path }` изменился на диске, пока `plan` с ним работал; ничего не записано
changed-on-disk-help = посмотрите на чужое изменение (`git diff`) и повторите команду
write = не удаётся записать `{ $path }`: { $reason }; ничего не записано
write-help = дайте права на запись файлу и папке (`chmod u+w`)
output-exists = `{ $path }` уже существует; `plan new` не перезаписывает файлы
output-exists-help = укажите другой файл через `-o ФАЙЛ` или сначала уберите существующий
year-not-after = год нового плана { $year } должен быть позже года исходного плана `{ $path }` ({ $source })
year-not-after-help = например, `plan new { $next }`, или укажите план этого года через `--from ФАЙЛ`
misfit-section = раздел { $section }
times-do-not-fit = у этих сроков из `{ $path }` нет даты в { $year } году: { $list }; ничего не записано
times-do-not-fit-help = `plan new` переносит только годы, записанные числом; измените эти сроки в исходном плане (или в копии, указанной через `--from`) и повторите

refusal-outside-plan = { $date } вне периода плана { $plan }
refusal-outside-plan-help = дата другого года записывается в план того года (`plan new ГОД` создаст его)
refusal-already-held = { $date } уже отмечено как проведённое
refusal-already-planned = { $date } уже запланировано
refusal-show = `plan show { $number }` покажет, что записано
refusal-held-in-future = { $date } позже { $as_of } (сегодня или --as-of): проведённым мероприятие отмечают после того, как оно состоялось
refusal-held-in-future-help = чтобы назначить будущую дату, используйте `plan planned { $number } { $date }`
refusal-planned-in-past = { $date } уже прошло (сегодня или --as-of: { $as_of })
refusal-planned-in-past-help = если оно состоялось, отметьте его: `plan held { $number } { $date }`
refusal-cancelled = мероприятие отменено
refusal-cancelled-help = если оно всё же состоится, сначала удалите строку `status = "cancelled"`
refusal-already-cancelled = мероприятие уже отменено
refusal-already-cancelled-help = чтобы изменить примечание, укажите `--note ТЕКСТ`

# Сообщения `held`, `planned`, `cancel` и `new` в stderr.
dry-run = пробный запуск: в `{ $path }` ничего не записано
recorded = { $path }: { $who }: { $what }
recorded-held = отмечено проведённым { $date }
recorded-moved = , перенесено из запланированных
recorded-planned = запланировано на { $date }
recorded-cancelled = отмечено как отменённое
created = создан `{ $path }` из `{ $source }`: { $sections } { $sections ->
        [one] раздел
        [few] раздела
       *[many] разделов
    }, { $activities } { $activities ->
        [one] мероприятие
        [few] мероприятия
       *[many] мероприятий
    }, { $period }; проведённых пока нет
created-carried = { $number } `last_before = { $date }` (последнее заседание)
created-review = проверьте комментарии, скопированные из `{ $source }`, и запустите `plan --file { $path } check`

misfit-activity = { $number }
misfit-time = { $place } `{ $when }`
expected-other = { $text }
found-other = { $text }

# Почему не удалось прочитать или записать файл.
io-not-found = нет такого файла или папки
io-permission-denied = нет прав доступа
io-already-exists = он уже существует
io-is-a-directory = это папка
io-storage-full = диск заполнен
io-read-only = файловая система только для чтения
io-broken-pipe = читающая сторона закрыла канал
io-not-a-regular-file = это не обычный файл
io-keep-group = новый файл не смог сохранить группу { $gid } прежнего ({ $reason })
io-other = { $reason }
created-moved = { $place } время: `{ $old }` → `{ $new }`

read-not-a-file = не удаётся прочитать `{ $path }`: это не обычный файл (канал, сокет или устройство)
read-not-a-file-help = укажите сам `.toml`-файл плана, например `plans/2019.toml`
lone-carriage-return = не удаётся изменить `{ $path }`: строка { $line } заканчивается одиночным возвратом каретки (CR), а не LF или CRLF; файл не изменён
lone-carriage-return-help = переведите концы строк в LF, например `mac2unix ФАЙЛ` или `sed -i 's/\r/\n/g' ФАЙЛ`
output-is-plan = `{ $path }` — файл плана (файл `.toml` или похожий на план); `-o` не перезаписывает план даже с `--force`
output-is-plan-help = запишите результат в другой файл с расширением его формата: `plan-2019.docx`, `otchet-2019.html`, `plan-2019.ics`
binary-to-terminal = файл .{ $format } не выводится в терминал
binary-to-terminal-help = запишите его в файл (`-o ФАЙЛ`) или перенаправьте вывод: `> plan.{ $format }`

# `plan import`: файл .docx, который не читается как план.
import-exists = `{ $path }` уже существует; `plan import` не перезаписывает файлы
import-exists-help = укажите другой файл через `-o ФАЙЛ` или сначала уберите существующий
import-not-found = не удаётся прочитать `{ $path }`: нет такого файла
import-not-found-help = проверьте путь к файлу .docx
import-unreadable = не удаётся прочитать `{ $path }`: { $reason }
import-unreadable-help = укажите доступный для чтения файл .docx
import-too-large = `{ $path }` слишком велик для документа с планом: { $size } байт, предел { $limit } байт ({ $mib } МиБ)
import-too-large-help = проверьте, тот ли это файл; размер дают рисунки: сохраните копию без них и импортируйте её
import-save-again = откройте его в Word или LibreOffice Writer, сохраните как «Документ Word (.docx)» и импортируйте этот файл
import-not-a-zip = `{ $path }` — не файл .docx: .docx — это zip-архив, а этот файл им не является
import-other-format = `{ $path }` — { $format }, а не .docx
import-format-doc = старый документ Word 97–2003 (.doc)
import-format-odt = текст OpenDocument (.odt)
import-format-pdf = PDF
import-format-rtf = документ RTF
import-pdf-help = в PDF нет таблицы, которую можно прочитать: откройте документ, из которого сделан PDF, и сохраните его как «Документ Word (.docx)»
import-convert-help =
    откройте его в Word или LibreOffice Writer и сохраните как «Документ Word (.docx)» или преобразуйте, не открывая, а затем импортируйте получившийся .docx:
        { $command }
import-no-document-part = `{ $path }` — zip-архив, но не документ Word: в нём нет `word/document.xml`
import-too-many-entries = в `{ $path }` { $count } вложенных файлов; в документе Word их несколько десятков, предел { $limit }
import-bomb = `{ $path }`: `{ $entry }` распаковывается больше чем в { $limit } байт ({ $mib } МиБ), намного больше текста любого плана; отказано (zip-бомба?)
import-bomb-help = проверьте, откуда этот файл; документ, сохранённый в Word, импортируется как есть
import-unpack = `{ $path }` не удаётся распаковать: { $detail }
import-dtd = `{ $path }`: его XML объявляет DTD (`<!DOCTYPE`), чего Word никогда не делает; отказано: сущности DTD могут разрастись без предела («billion laughs»)
import-entity = `{ $path }`: в `word/document.xml` неизвестная сущность `{ $text }`
import-bad-xml = `{ $path }`: `word/document.xml` повреждён, строка { $line }, столбец { $column }: { $detail }
import-no-plan-table = в `{ $path }` нет таблицы плана (мероприятия, сроки и ответственные под этими или другими заголовками: «Мероприятия», «Срок», «Ответственные»…) и нет нумерованного списка (таблиц в документе: { $tables })
import-no-plan-table-help = план должен быть таблицей, в строке заголовков которой названы мероприятия и их сроки или ответственные (перед ними может быть «№ п/п»), или нумерованным списком мероприятий; проверьте, тот ли это документ, или назовите столбцы так в Word и повторите импорт{ $found }
import-tables-found = ; найденные таблицы начинаются с:{ $rows }
import-nested-table = `{ $path }`: в строке { $row }, столбце { $column } таблицы плана — ещё одна таблица; её строки нельзя прочитать как строки ячейки, и импорт не угадывает
import-nested-table-help = в Word выделите вложенную таблицу и выберите «Макет → Преобразовать в текст» (или вынесите её из ячейки), сохраните документ и повторите импорт
import-nested-plan-table = в `{ $path }` нет своей таблицы плана, но в таблице { $table } (строка { $row }, столбец { $column }) есть вложенная таблица: возможно, план — это она, а таблица внутри ячейки не читается
import-nested-plan-table-help = в Word вынесите таблицу плана из таблицы вокруг неё (вырежьте и вставьте ниже) или преобразуйте внешнюю таблицу в текст («Макет → Преобразовать в текст»), сохраните документ и повторите импорт
import-too-many-rows = `{ $path }`: в таблице плана { $rows } строк, предел { $limit }
import-too-many-rows-help = в плане работы десятки строк: проверьте, тот ли это документ, или разделите таблицу на несколько документов

# --- area: writes ---
output-not-ours = `{ $path }` уже существует, и записал его не `plan`; ничего не записано
output-not-ours-help = добавьте `--force`, чтобы заменить его, или укажите другой файл через `-o ФАЙЛ`
output-is-folder = `{ $path }` — это папка; `-o` принимает имя файла
output-is-folder-help = укажите файл в этой папке, например `-o ПАПКА/plan-2019.docx`
output-is-symlink = `{ $path }` — символическая ссылка; `plan` не пишет через ссылки; ничего не записано
output-is-symlink-help = укажите сам файл, на который ведёт ссылка, или другой файл
hook-is-symlink = `{ $path }` — символическая ссылка на `{ $target }`
hook-is-symlink-help = добавьте `--force`, чтобы заменить хуком саму ссылку; файл, на который она ведёт, останется как был
lock-waiting = план занят другой командой; жду…
lock-timeout = `{ $path }` всё ещё занят другой командой после { $seconds } с ожидания; ничего не записано
lock-timeout-help = повторите команду, когда другая закончит, или ждите дольше: `PLAN_LOCK_TIMEOUT=СЕКУНДЫ`
bad-lock-timeout = `PLAN_LOCK_TIMEOUT={ $text }` — не число секунд
bad-lock-timeout-help = укажите целое число секунд, например `PLAN_LOCK_TIMEOUT=60`
edit-too-large = после этого изменения `{ $path }` занял бы { $size } байт, больше { $mib } МиБ, которые читает `plan`; ничего не записано
edit-too-large-help = разделите план на файлы поменьше, например по одному на год
text-exists = у { $who } уже { $key ->
        [result] записан результат
       *[other] записано примечание
    } (`{ $key }`): «{ $text }»; файл не изменён
text-exists-help = добавьте `--replace`, чтобы заменить, или `--append`, чтобы дописать новый текст после прежнего; `plan show { $number }` покажет его целиком
io-keep-attribute = новый файл не смог сохранить атрибут `{ $name }` прежнего ({ $reason })
io-loop = слишком много символических ссылок (ссылка ведёт сама на себя)
io-loop-help = посмотрите, куда ведут ссылки (`ls -l`, `readlink -f`), и направьте ссылку на сам файл
folder-unreadable = не удаётся прочитать папку `{ $path }`: нет доступа
folder-unreadable-help = попросите доступ на чтение папки (`chmod u+rx { $path }`) или укажите план через `--file ПУТЬ`
# --- area: rollup ---
rollup-dir-not-a-folder = `{ $path }` — не папка
rollup-dir-not-a-folder-help = укажите папку, в которой по папке на каждое отделение, например `branches/`
# --- area: import ---
import-not-a-file = `{ $path }` — не обычный файл (канал FIFO, устройство или сокет); `plan import` читает только файлы
import-truncated = `{ $path }` — обрезанный zip-архив: он оборван (нет его конца), и документ не прочитать
import-truncated-help = файл скопирован или скачан не полностью: скопируйте или скачайте его снова либо заново сохраните из Word
import-no-year = `{ $path }`: ни заголовок, ни сроки не называют год плана
import-no-year-help = укажите его: `plan import "{ $path }" --year 2024`
import-no-converter = `{ $path }` — { $format }; чтобы его преобразовать, нужен LibreOffice (`soffice`), а его нет в PATH
import-conversion-failed = LibreOffice не смог преобразовать `{ $path }`: { $detail }
import-conversion-timeout = `{ $path }`: LibreOffice не закончил преобразование за { $seconds } с и был остановлен
import-conversion-timeout-help = откройте документ в Word или LibreOffice Writer и сохраните как «Документ Word (.docx)», затем импортируйте этот файл
# --- area: year ---
year-out-of-range = план на { $year } год, начатый с `{ $path }`, закончился бы в { $end } году, а даты возможны только до 9999 года
year-out-of-range-help = даты заканчиваются 31 декабря 9999 года; после плана, который кончается тогда, нового начать нельзя
ambiguous-party-option = под `{ $who }` подходят несколько сторон
ambiguous-party-help = это может быть: { $list }; укажите обозначение или полное название одной (для нескольких повторите `--responsible`)
