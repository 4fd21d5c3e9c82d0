# `plan check`: замечания, блоки правил и итоговая строка.

who-numbered = { $number } «{ $title }»
who = «{ $title }»

finding-due-soon = { $who }: следующее заседание нужно провести до { $due } ({ $days ->
        [0] это сегодня
        [one] через { $days } день
        [few] через { $days } дня
       *[many] через { $days } дней
    })
finding-planned-too-late = { $who }: запланировано на { $planned }, позже срока { $due }
finding-held-outside-plan = { $who }: проведено { $date }, вне периода плана { $plan }
finding-held-after-as-of = { $who }: отмечено проведённым { $date }, позже даты проверки { $as_of }
finding-held-outside-window = { $who }: проведено { $date }, вне своего срока
finding-not-recorded = { $who }: срок истёк { $closed }, а проведение не отмечено
finding-unused-party = сторона `{ $id }` { $who } не указана ни в одном мероприятии

severity-error = ошибка
severity-warning = предупреждение

check-rule = правило
check-held = проведено
check-next-due = следующий срок
check-status = статус
check-none = нет

check-status-ok = в порядке
check-status-due-soon = скоро срок
check-status-overdue = просрочено
check-status-violated = нарушено

check-rule-rolling = скользящее
check-rule-calendar = календарное
check-rule-both = оба

check-ok = в порядке: замечаний нет (на { $as_of })
check-summary = { $errors } { $errors ->
        [one] ошибка
        [few] ошибки
       *[many] ошибок
    }, { $warnings } { $warnings ->
        [one] предупреждение
        [few] предупреждения
       *[many] предупреждений
    } (на { $as_of })
no-rules = нет повторяющихся мероприятий для проверки

# Нарушение правила заседаний, с пояснением (в `check`, `show`, `report`).
finding-breach = { $who }: { $breach }
breach-gap-exceeded = заседание { $held } проведено с опозданием на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }: срок был { $due }
breach-overdue = просрочено на { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }: следующее заседание нужно было провести до { $due }
breach-block-missed = за период { $from } – { $to } проведено { $held } из { $needed } обязательных (срок { $to })
finding-planned-passed = { $who }: было запланировано на { $date }, дата прошла, а проведение не отмечено
finding-last-before-mismatch = { $who }: `last_before` = { $last_before }, но в { $file } последнее заседание отмечено { $held }; серия считается от { $held }
recorded-in = { $message } (записано в { $file })
# Дата пишется ДД.ММ.ГГГГ на обоих языках, как в спецификации.
check-not-started = план начинается { $start }: его собственные сроки ещё не наступили

# --- area: grammar ---
finding-when-partly-read = { $who }: время прочитано по началу; эти слова не учтены: «{ $unread }»
finding-window-clipped = { $who }: годы «{ $when }» выходят за период плана { $plan } и прочитаны в его пределах{ $more ->
        [0] {""}
        [one] , как и время ещё { $more } мероприятия
       *[other] , как и время ещё { $more } мероприятий
    }

# --- area: check ---
# $times заседаний каждые $weeks недель: ровно 1 и 1 — «еженедельно».
recurrence-weeks = { $times ->
        [1] { $weeks ->
            [1] еженедельно
           *[other] раз в { $weeks } { $weeks ->
                [one] неделю
                [few] недели
               *[many] недель
            }
        }
       *[other] не реже { $times } { $times ->
            [one] раза
           *[other] раз
        } в { $weeks ->
            [1] неделю
           *[other] { $weeks } { $weeks ->
                [one] неделю
                [few] недели
               *[many] недель
            }
        }
    }
finding-series-overlap = { $file } охватывает { $period } и перекрывается с этим планом: это не одна серия, каждый план проверяется отдельно
note-series-too-large = примечание: { $file } больше предела в { $limit } байт и не входит в серию
note-series-not-a-plan = примечание: в { $file } нет таблицы [plan], он не входит в серию
note-series-not-loaded = примечание: { $file } не читается и не входит в серию (причину скажет `plan check --file { $file }`)
