# Что не так в файле плана, одной строкой, и как это исправить (`-help`).

see-readme = см. plans/README.md
problem-empty = файл пуст: в плане должна быть хотя бы таблица `[plan]`
problem-binary = это двоичный файл (в нём есть байт NUL), а не план в TOML
problem-not-utf8 = с этого места файл не в кодировке UTF-8
problem-merge-conflict = в файле остался маркер конфликта слияния git `{ $marker }`
# $message — английский текст библиотеки TOML о том, чего `plan` не смог распознать сам; по-русски
# его не показываем: сообщение говорит, что случилось, а строка с отметкой под ним — где.
problem-syntax = здесь нарушена запись TOML{ $message ->
       *[other] {""}
    }, и `plan` не может назвать ошибку точнее
problem-unknown-key = неизвестный ключ `{ $key }`
problem-missing-plan = нет таблицы `[plan]`
problem-missing-key = не хватает ключа `{ $key }`
# $message — английский текст библиотеки; по-русски его не показываем.
problem-wrong-value = это значение здесь не подходит{ $message ->
       *[other] {""}
    }
problem-missing-year = в `[plan]` нужен `year` или оба ключа `start` и `end`
problem-year-out-of-range = год { $year } вне допустимого диапазона
problem-start-after-end = план начинается ({ $start }) позже, чем заканчивается ({ $end })
problem-bad-id = `{ $id }` — недопустимое обозначение
problem-unknown-party = неизвестная сторона `{ $id }`
problem-duplicate-id = повторное обозначение мероприятия `{ $id }` (уже есть в строке { $line })
problem-empty-title = пустое название
problem-missing-when = у мероприятия нет `when`, и раздел его не задаёт
problem-missing-responsible = у мероприятия нет `responsible`, и раздел его не задаёт
problem-window-outside-plan = время { $range } выходит за период плана { $plan }
problem-not-recurring = `{ $key }` — только для повторяющихся мероприятий («не реже 1 раза в N месяцев»)
problem-last-before-in-plan = `last_before` ({ $date }) должен быть раньше начала плана ({ $start })
problem-utf16 = файл сохранён в UTF-16 («Юникод»), а не в UTF-8
problem-wrong-type-key = в `{ $key }` ожидается { $expected }, а не { $found }
problem-wrong-type = ожидается { $expected }, а не { $found }
problem-quoted-date = дата `{ $written }` в кавычках, и TOML читает её как текст
problem-date-with-time = в `{ $text }` указано время; здесь записывается только дата
problem-unknown-value = `{ $value }` — недопустимое здесь значение
problem-unknown-value-key = `{ $value }` — недопустимое значение для `{ $key }`
problem-no-such-month = `{ $text }` — не дата: месяца { $month } не бывает
# $month — название месяца в предложном падеже (month-name-N).
problem-no-such-day = `{ $text }` — не дата: в { $month } { $year } года { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
problem-bad-date = `{ $text }` — неправильная дата
problem-duplicate-key = `{ $key }` указан дважды
problem-unclosed-string = текст в кавычках не закрыт в этой строке
problem-unquoted-text = текст должен быть в кавычках
problem-too-deep = скобки вложены слишком глубоко
problem-bad-escape = `\` в тексте в кавычках начинает знак вроде `\n`, а такого нет
problem-missing-equals = после ключа должны идти `=` и значение
problem-missing-value = после `=` нет значения
problem-missing-comma = между двумя элементами нет запятой
problem-unclosed = скобка не закрыта: не хватает `{ $closing }`
problem-trailing-text = лишний текст после значения
problem-bad-key = ключ без кавычек может содержать только латинские буквы, цифры, `-` и `_`
problem-not-toml-date = `{ $written }` — TOML не читает такую дату: даты пишутся в виде ГГГГ-ММ-ДД
problem-control-character = в файле невидимый управляющий символ (U+{ $hex }, показан как `\u{"{"}{ $short }{"}"}`)
problem-extra-comma = лишняя запятая: перед ней нет элемента
problem-bad-number = `{ $text }` — TOML не читает такое число

expected-text = текст в кавычках
expected-whole-number = целое число
expected-list = список в квадратных скобках
expected-table = таблица
expected-date = дата вида 2019-03-14
found-text = текст `{ $text }`
found-number = число `{ $text }`
found-date = дата `{ $text }`
found-boolean = `{ $text }`
found-list = список
found-table = таблица

# Месяц после «в»: в феврале 2019 года.
month-name-1 = январе
month-name-2 = феврале
month-name-3 = марте
month-name-4 = апреле
month-name-5 = мае
month-name-6 = июне
month-name-7 = июле
month-name-8 = августе
month-name-9 = сентябре
month-name-10 = октябре
month-name-11 = ноябре
month-name-12 = декабре

help-syntax = сверьте строку с образцами в plans/README.md: кавычки, скобки, запятые и `=`
help-missing-on = дата с примечанием пишется `{"{"} on = 2019-03-14, note = "..." {"}"}`
help-missing-key = добавьте в эту таблицу `{ $key } = ...`; см. plans/README.md
help-empty = начните файл с `[plan]` и `title = "..."`, `year = 2019`; см. plans/README.md
help-binary = сохраните план как текст в UTF-8
help-merge-conflict = завершите слияние: оставьте нужные строки, удалите строки `<<<<<<<`, `=======` и `>>>>>>>`, затем запустите `plan check`
help-did-you-mean-allowed = возможно, имелось в виду `{ $nearest }`? Здесь допустимы: { $list }
help-allowed = здесь допустимы: { $list }
help-year = добавьте `year = 2019` в `[plan]`
help-start-after-end = поменяйте местами `start` и `end`
help-bad-id = обозначение состоит из строчных латинских букв, цифр и `-`, например `council-sessions`
help-unknown-party-nearest = возможно, имелось в виду `{ $nearest }`? Известные стороны: { $list }
help-unknown-party = известные стороны: { $list }; или добавьте её в `[parties.ID]`
help-duplicate-id = дайте каждому мероприятию своё обозначение или уберите повтор
help-empty-title = впишите название в кавычки
help-missing-when = добавьте `when = "апрель"` (или другое время) мероприятию или разделу
help-missing-responsible = добавьте `responsible = ["id-стороны"]` мероприятию или разделу
help-window-outside-plan = исправьте время или расширьте `start`/`end` плана
help-not-recurring = уберите `{ $key }` или задайте в `when` периодичность
help-last-before-in-plan = заседание внутри периода плана записывается в `held`
help-utf16 = сохраните его заново в UTF-8 (в Блокноте: Файл → Сохранить как → Кодировка: UTF-8)
help-list-not-table = разделы и мероприятия — списки таблиц, они пишутся в двойных скобках: `[[section]]`, `[[section.activity]]`
help-table-not-list = таблица пишется в одинарных скобках: `[plan]`, `[parties.presidium]`
help-wrong-type-text = возьмите текст в двойные кавычки: { $example }
help-wrong-type-number = напишите число без кавычек: { $example }
help-wrong-type-list = возьмите значения в квадратные скобки, даже одно: { $example }
help-wrong-type-date = пишите даты без кавычек, в виде ГГГГ-ММ-ДД: { $example }
help-quoted-date = напишите дату без кавычек: `{ $date }`
help-date-with-time = напишите только дату, без кавычек, в виде ГГГГ-ММ-ДД: `2019-03-14`
help-bad-date = напишите существующую дату в виде ГГГГ-ММ-ДД без кавычек: `2019-03-14`
help-duplicate-key = оставьте одно: ключ задаётся в таблице один раз, таблица `[...]` — один раз в файле (разделы и мероприятия повторяются как `[[section]]`, `[[section.activity]]`)
help-unclosed-string = закончите текст знаком `"` в той же строке; кавычка внутри текста пишется `\"`, перенос строки — `\n`
help-unquoted-text = возьмите текст в двойные кавычки: `title = "..."`
help-too-deep = плану нужно не больше двух уровней `[` или `{"{"}`: проверьте, все ли скобки закрыты
help-bad-escape = пишите обратную косую черту как `\\` или возьмите текст в одинарные кавычки: `partner = 'C:\plans'`
help-missing-equals = пишите `ключ = значение`, по одному в строке: `title = "..."`; комментарий начинается с `#`
help-missing-value = напишите значение после `=`: текст в кавычках, дату, число или список `[...]`
help-missing-comma = разделите элементы запятыми и закройте список: `["presidium", "branch"]`
help-unclosed = добавьте `{ $closing }` там, где кончается список или таблица
help-trailing-text = одна пара `ключ = значение` в строке, без запятой после неё; кавычка внутри текста пишется `\"`, комментарий начинается с `#`
help-bad-key = ключи перечислены в plans/README.md; таблица пишется `[имя]`, ключ — `имя = значение`
help-not-toml-date = напишите `{ $date }`, без кавычек
help-not-toml-date-no-such-day = такого дня нет: напишите существующую дату в виде ГГГГ-ММ-ДД, без кавычек: `2019-03-14`
help-control-character = удалите его (такие символы приходят со вставленным текстом); в кавычках его можно записать как `\u{ $hex }`
help-extra-comma = уберите её: запятая ставится только между двумя элементами, `[2019-03-14, 2019-04-10]`
help-bad-number = напишите целое число цифрами, например `2019` (`_` допустим только между цифрами); текст пишется в кавычках

# Выражения времени (`when` в файле, `--period` в командной строке).
when-empty = время не указано
when-unknown = непонятное время `{ $text }`
when-invalid-date = в `{ $text }` есть несуществующая дата
when-reversed = диапазон `{ $text }` идёт в обратную сторону ({ $from } позже { $to })
when-recurrence-only-in-file = `{ $text }` говорит, как часто или по какому графику, а не когда; для поиска нужен период: месяцы или даты
when-relative-only-on-command-line = `{ $text }` зависит от сегодняшней даты; в файле нужно точное время
when-zero-count = `{ $text }`: число раз и число месяцев или недель должны быть не меньше 1
when-reversed-help = сначала ранний месяц: `июнь – сентябрь`
when-invalid-date-help = проверьте день и месяц; даты пишутся 2019-04-21 или 21.04.2019
when-accepted = допустимые формы: `апрель`, `april`, `2019-04`, `май 2019`; `июнь – сентябрь`, `jun..sep`; `I квартал`, `Q1`; `II полугодие`, `H2`; `первая декада января`; `до 15 марта`, `до конца года`; `2019 год`, `2019 – 2020 гг.`; `весь период`, `all year`; `2019-04-21`, `21.04.2019`, `28 мая 2019`, `2019-04-01..2019-04-15`; списки `апрель, октябрь`, `апрель / май`; в файле также `не реже 1-го раза в 6 месяцев`, `еженедельно`, `по мере необходимости`, `по отдельному плану`; в командной строке также `этот месяц`, `следующий квартал`, `сегодня` (см. plans/README.md)

# --- area: grammar ---
when-year-out-of-range = `{ $text }`: год должен быть от 1 до 9999
when-year-out-of-range-help = запишите год полностью, например 2019
when-too-large = `{ $text }`: число { $number } слишком велико
when-too-large-help = число раз и период — небольшие числа: `не реже 2 раз в 12 месяцев`
when-accepted-file = допустимые формы: `апрель`, `май 2019`, `28 мая 2019`, `28.05`; `июнь – сентябрь`; `I квартал`; `II полугодие`; `первая декада января`; `до 15 марта`, `до конца года`; `2019 – 2020 гг.`; `весь период`; `по отдельному плану`; `21.04.2019`, `2019-04-01..2019-04-15`; списки `апрель, октябрь`; `не реже 1-го раза в 6 месяцев`, `еженедельно`, `по мере необходимости` (см. plans/README.md); чтобы оставить эти слова, укажите даты в `period`, например `period = "весь период"`
problem-deadline-without-year = у срока `{ $text }` нет года, а план идёт с { $start } по { $end }
help-deadline-without-year = укажите год: `до 15 марта 2020`
when-deadline-before-start = срок `{ $text }` ({ $deadline }) наступает раньше начала плана ({ $start })
when-deadline-before-start-help = проверьте год срока или начало плана (`start` в [plan])
