# Командная строка: справка по командам и флагам, вызов и ошибки аргументов.
# Обозначения: cli-КОМАНДА-about, cli-КОМАНДА-examples (после параметров), cli-КОМАНДА-АРГУМЕНТ,
# cli-arg-АРГУМЕНТ (общий для нескольких команд), cli-...-АРГУМЕНТ-ЗНАЧЕНИЕ (возможное значение),
# cli-value-ИМЯ (заполнитель значения, как в `--file <ПУТЬ>`).

cli-about = Читает, отбирает, печатает и проверяет план работы регионального отделения, записанный в TOML
cli-long-about =
    Читает, отбирает, печатает и проверяет план работы регионального отделения, записанный в TOML.

    Без --file `plan` читает план, действующий на дату проверки, в ближайшей папке `plans/` (в текущей папке или выше), поэтому в репозитории плана `plan list` просто работает.

cli-arg-file = Файл плана [по умолчанию: действующий план в plans/ отсюда и выше]
cli-arg-as_of = Дата, на которую судить: что такое «этот месяц», что просрочено [по умолчанию: сегодня]
cli-arg-lang = Язык интерфейса [по умолчанию: ru, если LC_ALL/LC_MESSAGES/LANG, а без них язык системы, русский; иначе en]
cli-arg-lang-en = английский
cli-arg-lang-ru = русский
cli-arg-quiet = Выводить только данные и ошибки: без примечаний в stderr; `check` выводит только замечания
cli-arg-color = Когда раскрашивать вывод (NO_COLOR отключает `auto`)
cli-arg-color-auto = Раскрашивать в терминале, если не задана NO_COLOR
cli-arg-color-always = Всегда раскрашивать
cli-arg-color-never = Никогда не раскрашивать
cli-arg-help = Показать справку (подробнее — `--help`)
cli-arg-help-long = Показать справку (кратко — `-h`)
cli-arg-version = Показать версию

cli-arg-period = Мероприятия, время которых пересекается с ПЕРИОДОМ: `апрель`, `april`, `июнь – сентябрь`, `Q3`, `II полугодие`, `первая декада мая`, `до 15 марта`, `28 мая 2019`, `01.04.2019..15.04.2019`, `этот месяц`
cli-arg-no_ongoing = Без постоянных мероприятий (весь период, повторяющиеся, по мере необходимости)
cli-arg-responsible = Мероприятия, за которые сторона отвечает или которые согласует: обозначение, другое имя или (часть) названия
cli-arg-section = Мероприятия раздела: его номер или часть названия
cli-arg-grep = Мероприятия, в названии, примечании или партнёре которых есть ТЕКСТ (без учёта регистра)
cli-arg-format = Формат вывода
cli-arg-dry_run = Показать изменение как разницу (diff) и ничего не записывать

cli-list-about = По строке на мероприятие: номер, время, ответственные, название
cli-list-format-plain = Выровненные столбцы для чтения
cli-list-format-json = Массив объектов, по одному на мероприятие (структура постоянна)
cli-list-format-csv = По строке на мероприятие, все поля
cli-list-format-md = Таблица Markdown
cli-list-width = Ширина простого списка в столбцах, по которой переносятся строки [по умолчанию: ширина терминала; при выводе в файл или другую программу — каждое мероприятие одной строкой]
cli-list-examples =
    Примеры:
      plan list --period апрель                что идёт в апреле (с постоянными
                                               мероприятиями)
      plan list --period 'II полугодие' --no-ongoing
      plan list --responsible президиум        что президиум должен сделать или
                                               согласовать
      plan list --section 3 --format md        один раздел таблицей Markdown
      plan list --format json | jq '.[].title'

cli-table-about = План таблицей печатного документа, с номерами и заголовком каждого раздела
cli-table-format-table = Таблица с рамками для терминала
cli-table-format-json = То же, что `list --format json`
cli-table-format-csv = То же, что `list --format csv`
cli-table-format-md = Четыре столбца печатного плана таблицей Markdown
cli-table-width = Ширина таблицы в столбцах [по умолчанию: ширина терминала или 80 вне терминала]
cli-table-examples =
    Примеры:
      plan table                               весь план по ширине терминала
      plan table --lang ru --width 120 > plan.txt
      plan table --period 'I квартал' --format md

cli-show-about = Всё об одном мероприятии, с точными датами его времени
cli-show-activity = Мероприятие: его обозначение (`council-sessions`) или номер (`2.2`)
cli-show-format-text = Для чтения
cli-show-format-json = Для программ
cli-show-examples =
    Примеры:
      plan show 2.2
      plan show presidium-sessions --format json

cli-parties-about = Каждая сторона: за сколько мероприятий она отвечает и сколько согласует
cli-parties-format-text = Для чтения
cli-parties-format-json = Для программ
cli-parties-examples =
    Примеры:
      plan parties
      plan parties --format json | jq '.[] | select(.responsible == 0)'

cli-check-about = Проверить файл и правила частоты заседаний; код выхода 1, если есть ошибки
cli-check-strict = Считать предупреждения ошибками (код выхода 1 при любом замечании)
cli-check-format-text = Блок на каждое повторяющееся мероприятие, замечания, итоговая строка
cli-check-format-json = Отчёт одним объектом JSON (структура постоянна)
cli-check-due_within = Следующий срок не позже чем через ДНИ дней после даты проверки — предупреждение `due-soon`
cli-check-examples =
    Примеры:
      plan check                               на сегодня, даже после конца плана
      plan check --as-of 15.03.2019            перед заседанием совета 15 марта
      plan check --strict --due-within 14      предупреждения — тоже ошибки;
                                               предупреждать за две недели до срока
      plan check --format json | jq '.findings[] | .code'

    Код выхода: 0 — ошибок нет (предупреждения допустимы без --strict),
    1 — есть ошибки, 2 — план не прочитан

cli-held-about = Отметить в самом файле, что мероприятие проведено ДАТА (запланированная ДАТА переходит в проведённые)
cli-held-activity = Мероприятие: его обозначение (`council-sessions`) или номер (`1.1`)
cli-held-date = День, когда оно состоялось: 14.03.2019 или 2019-03-14 (не позже --as-of, по умолчанию сегодня)
cli-held-note = Записать дату как `{"{"} on = ДАТА, note = "ТЕКСТ" {"}"}`: номер протокола, место
cli-held-examples =
    Примеры:
      plan held council-sessions 14.03.2019
      plan held 1.2 28.05.2019 --note 'протокол № 3'
      plan held 1.1 14.03.2019 --dry-run       показать изменение как разницу;
                                               ничего не записывать
      git diff plans/2019.toml                 просмотреть изменение и
                                               зафиксировать его

    Файл меняется на месте: меняется только значение `held` (и `planned`)
    мероприятия; комментарии, расположение и концы строк остаются как были.

cli-planned-about = Записать дату, назначенную мероприятию в будущем, в самом файле
cli-planned-activity = Мероприятие: его обозначение (`council-sessions`) или номер (`1.1`)
cli-planned-date = Назначенный день: 12.12.2019 или 2019-12-12 (не раньше --as-of, по умолчанию сегодня)
cli-planned-examples =
    Примеры:
      plan planned council-sessions 12.12.2019
      plan planned 1.2 28.11.2019 --dry-run

cli-cancel-about = Отметить мероприятие отменённым (`status = "cancelled"`), в самом файле
cli-cancel-activity = Мероприятие: его обозначение (`council-sessions`) или номер (`3.3`)
cli-cancel-note = Причина: записывается в `note` мероприятия (другое прежнее примечание остаётся, если не указать --replace или --append)
cli-cancel-examples =
    Примеры:
      plan cancel 3.3
      plan cancel 3.3 --note 'перенесено на 2020 год'

cli-result-about = Записать словами, что сделано, для отчёта о выполнении (`result`), в самом файле
cli-result-activity = Мероприятие: его обозначение (`council-sessions`) или номер (`3.1`)
cli-result-text = Что сделано, словами
cli-result-examples =
    Примеры:
      plan result 3.1 'Проведено 12 уроков в 9 школах'
      plan result 1.1 'Утверждены отчёт и план на 2020 год' --dry-run

    Другой `result`, уже записанный, остаётся без --replace или --append;
    в файле меняется только эта строка.

cli-new-about = Начать план следующего года с этого: те же мероприятия, проведённых пока нет
cli-new-year = Год нового плана; позже года исходного плана
cli-new-from = План этого года [по умолчанию: --file или действующий план в plans/]
cli-new-output = Куда записать новый план; существующий файл не перезаписывается; `-` — стандартный вывод [по умолчанию: ГОД.toml рядом с исходным]
cli-new-examples =
    Примеры:
      plan new 2020                            plans/2020.toml из самого нового
                                               плана в plans/
      plan new 2020 --from plans/2019.toml -o plans/2020.toml
      plan new 2020 --dry-run                  что изменится, как разница
                                               с планом этого года
      plan --file plans/2020.toml check

cli-timeline-about = Период плана графиком: строка на мероприятие, столбец на месяц, отмечены записанные даты
cli-timeline-width = Ширина графика в столбцах [по умолчанию: ширина терминала или 80 вне терминала]
cli-timeline-examples =
    Отметки: █ время мероприятия  ░ постоянно  ● проведено  ○ запланировано
             ! следующий срок  × отменено  ▼ дата проверки;
             отметка стоит в первой, второй или последней трети своего месяца

    Примеры:
      plan timeline                            весь год по ширине терминала
      plan timeline --section 1 --as-of 20.11.2019
      plan timeline --period 'II полугодие' --no-ongoing --width 100
      plan timeline --color always | less -R

cli-export-about = Записать план календарём (ics), веб-страницей для печати (html) или документом Word (docx)
cli-export-format = Что записать
cli-export-format-ics = Файл iCalendar (RFC 5545) с событиями на весь день
cli-export-format-html = Отдельная веб-страница с таблицей документа, готовая к печати на A4
cli-export-format-docx = План документом Word (.docx) на утверждение: A4, номера страниц, гриф утверждения и подпись
cli-export-output = Записать в ФАЙЛ, а не в стандартный вывод (`-` — стандартный вывод)
cli-export-examples =
    В календаре есть событие на весь день для каждого срока, проведённой
    и запланированной даты и следующего срока; повторный импорт обновляет
    эти события, а не добавляет их второй раз.

    Примеры:
      plan export ics -o plan-2019.ics
      plan export ics --responsible президиум > presidium.ics
      plan export html -o plan-2019.html       страница для сайта; печатайте её
                                               из браузера
      plan export docx -o plan-2019.docx       план на утверждение, документом
                                               Word
      plan --lang ru export html --section 4 > section-4.html

cli-report-about = Отчёт о выполнении: что стало с каждым мероприятием, и заседания в сравнении с уставом
cli-report-format-text = Для чтения в терминале
cli-report-format-md = Markdown, для вики или письма
cli-report-format-html = Отдельная веб-страница, готовая к печати
cli-report-format-docx = Документ Word (.docx), готовый к печати и подписи
cli-report-format-json = Объект на каждое мероприятие и на каждое правило заседаний, для сценариев
cli-report-output = Записать в ФАЙЛ, а не в стандартный вывод (`-` — стандартный вывод)
cli-report-examples =
    Примеры:
      plan report --as-of 31.12.2019           итоги года
      plan report --format md > report.md
      plan --lang ru report --format html > otchet-2019.html
      plan --as-of 31.12.2019 report --format docx -o otchet-2019.docx
      plan report --section 1                  только заседания органов
                                               управления

cli-import-about = Превратить план, написанный в Word (.docx), в файл плана; догадки отмечены для проверки
cli-import-docx = Документ Word (.docx) с таблицей плана
cli-import-output = Записать план в ФАЙЛ, никогда не поверх существующего (`-` — стандартный вывод) [по умолчанию: стандартный вывод]
cli-import-examples =
    Примеры:
      plan import plan-2019.docx -o plans/2019.toml
      plan import plan-2019.docx > draft.toml  план в стандартный вывод
      plan --file plans/2019.toml check        затем проверьте, что импортировано

    Что не удаётся прочитать наверняка (время, которого не знает грамматика,
    пункты без времени, имя, подходящее двум сторонам), сообщается в stderr
    со строкой и столбцом и записывается в файл комментарием `# проверьте:`;
    файл всё равно загружается. Существующий файл не перезаписывается.

cli-completions-about = Вывести сценарий дополнения для оболочки (статический; дополнение значений из плана — `COMPLETE=bash plan`)
cli-completions-shell = Оболочка, для которой нужно дополнение
cli-completions-examples =
    Примеры:
      plan completions bash > ~/.local/share/bash-completion/completions/plan
      plan completions zsh > ~/.zfunc/_plan
      plan completions fish > ~/.config/fish/completions/plan.fish

    Дополнение обозначений сторон и номеров мероприятий из самого плана
    требует динамической формы:
      echo 'source <(COMPLETE=bash plan)' >> ~/.bashrc
      echo 'source <(COMPLETE=zsh plan)' >> ~/.zshrc
      echo 'COMPLETE=fish plan | source' >> ~/.config/fish/completions/plan.fish

cli-man-about = Вывести страницу руководства (roff)
cli-man-examples =
    Примеры:
      plan man | man -l -
      plan man > ~/.local/share/man/man1/plan.1

cli-schema-about = Вывести JSON Schema файла плана для редакторов (Taplo, Even Better TOML)
cli-schema-examples =
    Примеры:
      plan schema > plans/plan.schema.json

cli-hook-about = Вывести git-перехватчик pre-commit, проверяющий изменённые планы, или установить его
cli-hook-install = Записать перехватчик в `.git/hooks/pre-commit` текущего репозитория
cli-hook-force = С --install: заменить существующий перехватчик pre-commit
cli-hook-examples =
    Примеры:
      plan hook --install          в репозитории с папкой plans/
      plan hook > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit

cli-help-about = Показать эту справку или справку по командам
cli-help-subcommand = Команда, справку по которой показать

cli-value-PATH = ПУТЬ
cli-value-DATE = ДАТА
cli-value-LANG = ЯЗЫК
cli-value-WHEN = КОГДА
cli-value-COMMAND = КОМАНДА
cli-value-SHELL = ОБОЛОЧКА
cli-value-ID-S-A = ОБОЗНАЧЕНИЕ|НОМЕР
cli-value-TEXT = ТЕКСТ
cli-value-YEAR = ГОД
cli-value-FILE = ФАЙЛ
cli-value-FILE-docx = ФАЙЛ.docx
cli-value-PERIOD = ПЕРИОД
cli-value-WHO = КТО
cli-value-N-TEXT = НОМЕР|ТЕКСТ
cli-value-FORMAT = ФОРМАТ
cli-value-N = ЧИСЛО
cli-value-DAYS = ДНИ

# Заголовки и пометки справки, которую `plan` раскладывает сам.
cli-usage = Использование
cli-commands = Команды
cli-arguments = Аргументы
cli-options = Параметры
cli-possible-values = возможные значения
cli-possible-values-heading = Возможные значения:
cli-default = по умолчанию
cli-env = переменная окружения
cli-options-placeholder = [ПАРАМЕТРЫ]
cli-command-placeholder = КОМАНДА

# Ошибки аргументов (код выхода 2).
cli-error-unknown-argument = неизвестный аргумент `{ $arg }`
cli-error-unknown-subcommand = неизвестная команда `{ $command }`
cli-error-invalid-value = недопустимое значение `{ $value }` для `{ $arg }`
cli-error-missing-value = для `{ $arg }` нужно значение
cli-error-missing-required = не указаны обязательные аргументы: { $args }
cli-error-missing-command = нужна команда
cli-error-conflict = `{ $arg }` нельзя использовать вместе с `{ $other }`
cli-error-too-many = лишнее значение `{ $value }`
cli-error-other = не удаётся разобрать командную строку
cli-tip-similar = есть похожий аргумент: `{ $suggestion }`
cli-tip-similar-command = есть похожая команда: `{ $suggestion }`
cli-tip-similar-value = есть похожее значение: `{ $suggestion }`
cli-tip-values = возможные значения: { $values }
cli-tip-separator = чтобы передать `{ $arg }` как значение, напишите `-- { $arg }`
cli-more = Подробнее: `{ $help }`.
cli-hint-as_of = запишите существующую дату как ДД.ММ.ГГГГ, ГГГГ-ММ-ДД или словами (`1 апреля 2019`, `сегодня`, `вчера`), например 01.04.2019
cli-hint-year = год — число от 1 до 9999
cli-hint-width = ширина — не меньше 30 столбцов
cli-hint-due_within = число дней — целое, 0 или больше
cli-tip-text = { $text }

# Заголовки разделов `plan man`.
man-name = ИМЯ
man-synopsis = ОБЗОР
man-description = ОПИСАНИЕ
man-options = ПАРАМЕТРЫ
man-subcommands = КОМАНДЫ
man-extra = ПРИМЕРЫ
man-version = ВЕРСИЯ

# --- area: writes ---
cli-arg-replace = Заменить другой текст, уже записанный
cli-arg-append = Дописать текст с новой строки после уже записанного
cli-arg-force = С -o: заменить существующий ФАЙЛ, записанный не plan (но никогда не план, не файл .toml и не ссылку)
# --- area: rollup ---
cli-rollup-about = Все отделения сразу: строка на каждую папку отделения в ПАПКЕ (по действующему плану), худшие сверху
cli-rollup-dir = Папка, в которой по папке на каждое отделение, с годовыми планами отделения
cli-rollup-rule_title = Считать только правила заседаний, в названии которых есть ТЕКСТ (без учёта регистра)
cli-rollup-period = Считать только мероприятия (и их правила), время которых пересекается с ПЕРИОДОМ, как `report --period`
cli-rollup-responsible = Считать только мероприятия (и их правила), за которые сторона отвечает или которые согласует, как `report --responsible`
cli-rollup-due_within = Следующий срок не позже чем через ДНИ дней после даты проверки — предупреждение `due-soon`, как в `check`
cli-rollup-format-table = Таблица для терминала, в конце итоги
cli-rollup-format-json = Объект на каждое отделение и итоги, для сценариев (структура постоянна)
cli-rollup-format-csv = Строка на каждое отделение, затем итоги, для электронной таблицы
cli-rollup-format-md = Таблица Markdown, для вики или письма
cli-rollup-format-docx = Документ Word (.docx), готовый к печати
cli-rollup-output = Записать в ФАЙЛ, а не в стандартный вывод (`-` — стандартный вывод)
cli-rollup-width = Ширина таблицы в столбцах [по умолчанию: ширина терминала; в канал — строка на отделение]
cli-rollup-examples =
    Каждая папка в ПАПКЕ — отделение (имя папки — его идентификатор) с его
    годовыми планами; каждое отделение оценивается по действующему плану так же,
    как его оценивают `plan check` и `plan report`.

    Примеры:
      plan rollup branches/                  все отделения на сегодня, худшие сверху
      plan rollup branches/ --as-of 31.12.2024 --format md > svodka-2024.md
      plan rollup branches/ --rule-title 'заседания совета'
                                             кто соблюдал заседания совета
      plan rollup branches/ --format docx -o svodka.docx
      plan rollup branches/ --format json | jq '.branches[] | select(.errors > 0)'

    Код выхода: 0 — ни в одном отделении нет ошибок, 1 — есть ошибки (или план
    не читается), 2 — ПАПКУ не удалось прочитать
cli-value-DIR = ПАПКА
# --- area: import ---
cli-import-year = Год плана, если заголовок его не называет (или называет другой)
cli-import-title = Заголовок плана, если над таблицей в документе его нет
# --- area: year ---
cli-report-missing = Только то, что ещё без отметки, с командой, которая её записывает
cli-hook-pre_commit = Проверить подготовленные к коммиту планы, как это делает установленный хук: остановить коммит только из-за того, что он сам вносит
cli-export-remind = Для ics: напомнить за столько дней до последнего срока каждого правила заседаний

# --- area: cancelled ---
cli-value-HOW = КАК
cli-arg-cancelled = Как печатать отменённые мероприятия: как в плане (`plain`, по умолчанию), с пометкой или не печатать
cli-export-cancelled = Как печатать отменённые мероприятия: как в плане (`plain`, по умолчанию), с пометкой или не печатать (`omit` убирает их и из календаря)
cli-arg-cancelled-plain = Как остальные, без пометки: план, каким его утвердили
cli-arg-cancelled-mark = С пометкой после названия: [отменено]
cli-arg-cancelled-omit = Не печатать
