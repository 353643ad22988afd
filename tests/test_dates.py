"""Date cells: the forms reports use, the cells that must stay unparsed, and round-trip properties."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from muniflow.model import Period
from muniflow.normalize.date_words import DEFAULT_VOCABULARY_FILE, names_whole_period
from muniflow.normalize.dates import DateParse, parse_dates

Q2_2024 = Period(2024, 2)

# Written here independently of contracts/dates.yaml, so a typo there fails these tests.
GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)

D = date

PARSED = [
    # (cell, period, start, end, form, reason)
    ("21-22 марта 2024 года", Q2_2024, D(2024, 3, 21), D(2024, 3, 22), "exact", "day range, one month"),
    (
        "В апреле 2024 года 17 апреля",
        None,
        D(2024, 4, 17),
        D(2024, 4, 17),
        "exact",
        "a month framing its day",
    ),
    ("в мае 2024 г. 3–5 мая", None, D(2024, 5, 3), D(2024, 5, 5), "exact", "a month framing its days"),
    (
        "апрель 2024 года 17 мая",
        None,
        D(2024, 4, 1),
        D(2024, 5, 17),
        "whole_month",
        "another month: no frame",
    ),
    (
        "30 марта –\n2 апреля\n2024 года",
        Q2_2024,
        D(2024, 3, 30),
        D(2024, 4, 2),
        "exact",
        "range across months, line breaks, year only at the end",
    ),
    (
        "27 декабря 2024 года – 10 января 2025 года",
        Q2_2024,
        D(2024, 12, 27),
        D(2025, 1, 10),
        "exact",
        "both ends with their own year",
    ),
    ("6 апреля 2024 года", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "single day"),
    ("3 – 5 июля 2024 г.", Q2_2024, D(2024, 7, 3), D(2024, 7, 5), "exact", "spaced en dash, 'г.'"),
    ("11-15.07.2024", Q2_2024, D(2024, 7, 11), D(2024, 7, 15), "exact", "numeric day range"),
    ("22.07.2024", Q2_2024, D(2024, 7, 22), D(2024, 7, 22), "exact", "numeric date"),
    ("11.07-15.07.2024", Q2_2024, D(2024, 7, 11), D(2024, 7, 15), "exact", "numeric day.month range"),
    ("2024-06-12", Q2_2024, D(2024, 6, 12), D(2024, 6, 12), "exact", "ISO date"),
    ("с 12 по 14 сентября 2024 года", Q2_2024, D(2024, 9, 12), D(2024, 9, 14), "exact", "'с … по …'"),
    ("сентябрь 2024 года", Q2_2024, D(2024, 9, 1), D(2024, 9, 30), "whole_month", "month without day"),
    ("февраль 2024 года", Q2_2024, D(2024, 2, 1), D(2024, 2, 29), "whole_month", "leap February"),
    ("1-2 апреля \n2024 года", Q2_2024, D(2024, 4, 1), D(2024, 4, 2), "exact", "trailing space before break"),
    ("10 апреля –\n 4 мая \n2024 года", Q2_2024, D(2024, 4, 10), D(2024, 5, 4), "exact", "range, breaks"),
    (
        "6 апреля\n2024 года \n(г. Полоцк)",
        Q2_2024,
        D(2024, 4, 6),
        D(2024, 4, 6),
        "exact",
        "remark after the date is not part of it",
    ),
    ("6 апреля 2024 года, 10:00", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "time of day after it"),
    ("12 июня 2024 г.", Q2_2024, D(2024, 6, 12), D(2024, 6, 12), "exact", "'г.' abbreviation"),
    ("12.06.24", Q2_2024, D(2024, 6, 12), D(2024, 6, 12), "exact", "two-digit year"),
    ("01.02.95", None, D(1995, 2, 1), D(1995, 2, 1), "exact", "two-digit year of the 1990s"),
    ("27-28 августа", Q2_2024, D(2024, 8, 27), D(2024, 8, 28), "year_from_period", "no year: period's"),
    ("с 1 по 3 октября", Q2_2024, D(2024, 10, 1), D(2024, 10, 3), "year_from_period", "no year, 'с … по'"),
    (
        "в течение сентября 2024 года",
        Q2_2024,
        D(2024, 9, 1),
        D(2024, 9, 30),
        "whole_month",
        "'в течение' + genitive month",
    ),
    ("в сентябре 2024 года", Q2_2024, D(2024, 9, 1), D(2024, 9, 30), "whole_month", "prepositional month"),
    ("июль-август 2024 года", Q2_2024, D(2024, 7, 1), D(2024, 8, 31), "whole_month", "two whole months"),
    ("2 и 4 апреля 2024 года", Q2_2024, D(2024, 4, 2), D(2024, 4, 4), "exact", "two days: first to last"),
    ("2, 4 и 6 апреля 2024 года", Q2_2024, D(2024, 4, 2), D(2024, 4, 6), "exact", "list of days"),
    ("6 апреля 2024г.", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "'2024г.' stuck together"),
    ("20 апреля\n2024 года\n\n", Q2_2024, D(2024, 4, 20), D(2024, 4, 20), "exact", "trailing blank lines"),
    ("6\u00a0апреля\u00a02024\u202fгода", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "no-break spaces"),
    ("6 Апреля 2024 Года", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "capitalised words"),
    ("1 сент. 2024 г.", Q2_2024, D(2024, 9, 1), D(2024, 9, 1), "exact", "unambiguous abbreviation"),
    ("5 янв 2025 года", Q2_2024, D(2025, 1, 5), D(2025, 1, 5), "exact", "abbreviation without its dot"),
    ("6 апр\u00adеля 2024 года", Q2_2024, D(2024, 4, 6), D(2024, 4, 6), "exact", "soft hyphen inside"),
    ("6 мaя 2024 года", Q2_2024, D(2024, 5, 6), D(2024, 5, 6), "exact", "Latin a inside a Cyrillic month"),
    (
        "27 декабря – 10 января",
        Period(2024, 4),
        D(2024, 12, 27),
        D(2025, 1, 10),
        "year_from_period",
        "no years across New Year, Q4 report: the coming January",
    ),
    (
        "27 декабря – 10 января",
        Period(2025, 1),
        D(2024, 12, 27),
        D(2025, 1, 10),
        "year_from_period",
        "no years across New Year, Q1 report: the past December",
    ),
    (
        "27 декабря – 10 января 2025 года",
        None,
        D(2024, 12, 27),
        D(2025, 1, 10),
        "exact",
        "one year written: the other end is in the year before",
    ),
    (
        "27 декабря 2024 года – 10 января",
        None,
        D(2024, 12, 27),
        D(2025, 1, 10),
        "exact",
        "one year written: the other end is in the year after",
    ),
    # Forms seen in reports that a reader takes in at a glance (sweep of unseen content).
    ("28.02.-02.03.2024", Q2_2024, D(2024, 2, 28), D(2024, 3, 2), "exact", "dd.mm. then a dash"),
    ("с 12.04. по 15.04.2024", Q2_2024, D(2024, 4, 12), D(2024, 4, 15), "exact", "'с dd.mm. по dd.mm.yyyy'"),
    ("24.04.2024 в 11.00", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "a time after the date"),
    ("24.04.2024 11.30", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "a time without 'в'"),
    ("24 апреля 2024 года в 10.00 ч.", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "time, 'ч.'"),
    ("24 апреля 2024 года, 10.00-12.00", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "a time range"),
    ("12.04.2024\n14.04.2024", Q2_2024, D(2024, 4, 12), D(2024, 4, 14), "exact", "one full date a line"),
    (
        "12 апреля 2024 года\n14 апреля 2024 года",
        Q2_2024,
        D(2024, 4, 12),
        D(2024, 4, 14),
        "exact",
        "one full date in words a line",
    ),
    ("3O.04.2024", Q2_2024, D(2024, 4, 30), D(2024, 4, 30), "exact", "Latin O typed for a zero"),
    ("O5.O4.2024", Q2_2024, D(2024, 4, 5), D(2024, 4, 5), "exact", "Latin O for leading zeros"),
    ("15 апреля 2О24 года", Q2_2024, D(2024, 4, 15), D(2024, 4, 15), "exact", "Cyrillic О inside a year"),
    ("12/04/2024", Q2_2024, D(2024, 4, 12), D(2024, 4, 12), "exact", "slashes instead of dots"),
    ("24. 04. 2024", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "spaces after the dots"),
    ("24.04. 2024 г.", Q2_2024, D(2024, 4, 24), D(2024, 4, 24), "exact", "a space before the year"),
    ("04.2024", Q2_2024, D(2024, 4, 1), D(2024, 4, 30), "whole_month", "month.year: the whole month"),
    ("04.2024-05.2024", Q2_2024, D(2024, 4, 1), D(2024, 5, 31), "whole_month", "two months as mm.yyyy"),
    (
        "11.04.2024 (онлайн), 12.04.2024 (очно)",
        Q2_2024,
        D(2024, 4, 11),
        D(2024, 4, 12),
        "exact",
        "a remark in brackets between two dates",
    ),
    (
        "20.04.2024 (перенесено с 13.04)",
        Q2_2024,
        D(2024, 4, 20),
        D(2024, 4, 20),
        "exact",
        "a remark telling of the date it was moved from: not the event's",
    ),
    (
        "18.05.2024 (перенесено с 11.05.2024)",
        Q2_2024,
        D(2024, 5, 18),
        D(2024, 5, 18),
        "exact",
        "same, the old date written whole",
    ),
    (
        "19.06.2024 (отложено на июль)",
        Q2_2024,
        D(2024, 6, 19),
        D(2024, 6, 19),
        "exact",
        "a remark naming the month it was put off to (not_held says whether it was held)",
    ),
    (
        "весь май",
        Q2_2024,
        D(2024, 5, 1),
        D(2024, 5, 31),
        "year_from_period",
        "«весь» before a month: the whole month",
    ),
    (
        "в течение всего мая 2024 г.",
        Q2_2024,
        D(2024, 5, 1),
        D(2024, 5, 31),
        "whole_month",
        "«в течение всего» before a month",
    ),
    (
        "20.05.2024 (по плану 15.05.2024)",
        Q2_2024,
        D(2024, 5, 20),
        D(2024, 5, 20),
        "exact",
        "a remark naming the planned date after its label: the date outside is the day held",
    ),
    (
        "15 января",
        Period(2024, 4),
        D(2025, 1, 15),
        D(2025, 1, 15),
        "year_from_period",
        "no year: the one that puts the date closest to the period",
    ),
    (
        "12 мая 2024 г.\n14 мая 2024 г.",
        Q2_2024,
        D(2024, 5, 12),
        D(2024, 5, 14),
        "exact",
        "dates listed line by line, no separator between them",
    ),
    ("03.06.2024\n05.06.2024", Q2_2024, D(2024, 6, 3), D(2024, 6, 5), "exact", "numeric dates one per line"),
    (
        "12 мая\n14 мая 2024 года",
        Q2_2024,
        D(2024, 5, 12),
        D(2024, 5, 14),
        "exact",
        "listed line by line, the year only on the last",
    ),
    ("12.05.2024 в 11.00", Q2_2024, D(2024, 5, 12), D(2024, 5, 12), "exact", "a time with a dot is a remark"),
    (
        "12.05.2024 г., 11.00 ч.",
        Q2_2024,
        D(2024, 5, 12),
        D(2024, 5, 12),
        "exact",
        "a time after a comma is no day and month «11.00»",
    ),
    ("14.06.2024, 15.30-17.00", Q2_2024, D(2024, 6, 14), D(2024, 6, 14), "exact", "a time range with dots"),
    (
        "18.06.2024 10:00 – 20.06.2024 18:00",
        Q2_2024,
        D(2024, 6, 18),
        D(2024, 6, 20),
        "exact",
        "a range of dates with a time at each end",
    ),
    (
        "18.06.2024, 10:00 – 20.06.2024, 18:00",
        Q2_2024,
        D(2024, 6, 18),
        D(2024, 6, 20),
        "exact",
        "times after commas",
    ),
    (
        "с 18.06.2024 10:00 до 20.06.2024",
        Q2_2024,
        D(2024, 6, 18),
        D(2024, 6, 20),
        "exact",
        "a time inside «с … до …»",
    ),
    (
        "27.05., 05.06.2024",
        Q2_2024,
        D(2024, 5, 27),
        D(2024, 6, 5),
        "exact",
        "day and month with a closing dot",
    ),
    (
        "«12» мая 2024 г.",
        Q2_2024,
        D(2024, 5, 12),
        D(2024, 5, 12),
        "exact",
        "the day in quotes, as letters write it",
    ),
    (
        "«3–5» июня 2024 г.",
        Q2_2024,
        D(2024, 6, 3),
        D(2024, 6, 5),
        "exact",
        "the days of a range in one pair of quotes",
    ),
    (
        'с "3" по «5» июня 2024 года',
        Q2_2024,
        D(2024, 6, 3),
        D(2024, 6, 5),
        "exact",
        "both days of a range in straight or angle quotes",
    ),
    ("12.V.2024", Q2_2024, D(2024, 5, 12), D(2024, 5, 12), "exact", "a Roman month between dots"),
    ("3 – 5 VI 2024 г.", Q2_2024, D(2024, 6, 3), D(2024, 6, 5), "exact", "a range with a Roman month"),
    ("14:00 12.05.2024", Q2_2024, D(2024, 5, 12), D(2024, 5, 12), "exact", "a time of day before the date"),
    ("12 мая, 2024 г.", Q2_2024, D(2024, 5, 12), D(2024, 5, 12), "exact", "a comma before the year"),
    ("II декада апреля 2024 г.", Q2_2024, D(2024, 4, 11), D(2024, 4, 20), "part_of_month", "a Roman decade"),
    ("в течение 3-й декады июня", Q2_2024, D(2024, 6, 21), D(2024, 6, 30), "part_of_month", "3-я, June's 30"),
    ("первой половине мая 2024 года", Q2_2024, D(2024, 5, 1), D(2024, 5, 15), "part_of_month", "a half"),
    ("вторая половина февраля 2024", None, D(2024, 2, 16), D(2024, 2, 29), "part_of_month", "leap February"),
    ("в конце апреля", Q2_2024, D(2024, 4, 21), D(2024, 4, 30), "part_of_month", "a noun alone, no year"),
    (
        "конец мая – начало июня 2024 г.",
        Q2_2024,
        D(2024, 5, 21),
        D(2024, 6, 10),
        "part_of_month",
        "a range of two parts",
    ),
    ("с 25 мая по середину июня 2024", Q2_2024, D(2024, 5, 25), D(2024, 6, 20), "part_of_month", "to a part"),
    ("22-го июня 2024 года", None, D(2024, 6, 22), D(2024, 6, 22), "exact", "a day as an ordinal"),
    ("с 12-го по 14-е мая 2024 г.", None, D(2024, 5, 12), D(2024, 5, 14), "exact", "both ends ordinals"),
    ("12 июня 24 г.", Q2_2024, D(2024, 6, 12), D(2024, 6, 12), "exact", "two digits and «г.» after a month"),
    ("пятница, 18 апреля 2025 г.", None, D(2025, 4, 18), D(2025, 4, 18), "exact", "weekday first"),
    ("Сб 12.04.2025", None, D(2025, 4, 12), D(2025, 4, 12), "exact", "a weekday abbreviated"),
    ("10.00, 05.04.2025", None, D(2025, 4, 5), D(2025, 4, 5), "exact", "time first"),
    ("5.IV.25", None, D(2025, 4, 5), D(2025, 4, 5), "exact", "a Roman month and a two-digit year"),
    ("3 дня (5–7 мая 2025 г.)", None, D(2025, 5, 5), D(2025, 5, 7), "exact", "date in brackets"),
    ("II–III декада мая 2025 г.", None, D(2025, 5, 11), D(2025, 5, 31), "part_of_month", "decades range"),
    ("1-2 половина июня 2024", None, D(2024, 6, 1), D(2024, 6, 30), "part_of_month", "both halves"),
    ("16 сентября … 30 сентября 2024", None, D(2024, 9, 16), D(2024, 9, 30), "exact", "an ellipsis range"),
    ("12...15 мая 2024", None, D(2024, 5, 12), D(2024, 5, 15), "exact", "three dots"),
    ("05,04,2025", None, D(2025, 4, 5), D(2025, 4, 5), "exact", "commas typed for dots"),
    ("11.03.2025.\n13.03.2025", None, D(2025, 3, 11), D(2025, 3, 13), "exact", "OCR's stop for a dash"),
    ("11.03.2025.13.03.2025", None, D(2025, 3, 11), D(2025, 3, 13), "exact", "a stop for the dash, no break"),
    ("11.03.2025.", None, D(2025, 3, 11), D(2025, 3, 11), "exact", "a stop after a lone date"),
    ("12 апреля¹ 2025 г.", None, D(2025, 4, 12), D(2025, 4, 12), "exact", "a footnote mark after the month"),
    ("15.05.2025²", None, D(2025, 5, 15), D(2025, 5, 15), "exact", "a footnote mark after the year"),
    ("2025.04.19", None, D(2025, 4, 19), D(2025, 4, 19), "exact", "year first with dots"),
    (
        "с 15.05.2024",
        Q2_2024,
        D(2024, 5, 15),
        D(2024, 6, 30),
        "open_end",
        "«from» and no end: to the quarter's end",
    ),
    ("05.06.2024 –", Q2_2024, D(2024, 6, 5), D(2024, 6, 30), "open_end", "a dash and nothing after it"),
    ("15.05.2024 – по настоящее время", Q2_2024, D(2024, 5, 15), D(2024, 6, 30), "open_end", "until now"),
    ("15.04.2024–ежедневно", Q2_2024, D(2024, 4, 15), D(2024, 6, 30), "open_end", "daily from a date"),
    ("с 15.02.2024 по н.в.", Q2_2024, D(2024, 2, 15), D(2024, 6, 30), "open_end", "started a quarter before"),
    (
        "с 15 августа 2024",
        Q2_2024,
        D(2024, 8, 15),
        D(2024, 9, 30),
        "open_end",
        "after the report's quarter: its own",
    ),
    (
        "12.04.2024 - онлайн",
        Q2_2024,
        D(2024, 4, 12),
        D(2024, 4, 12),
        "exact",
        "a dash before a remark closes nothing",
    ),
    ("2025/04/26", None, D(2025, 4, 26), D(2025, 4, 26), "exact", "year first with slashes"),
    (
        "19-05-2025",
        None,
        D(2025, 5, 19),
        D(2025, 5, 19),
        "exact",
        "day first with dashes, as a program exports",
    ),
    ("12, 14 и 19 мая 2025", None, D(2025, 5, 12), D(2025, 5, 19), "exact", "a list of days stays one"),
    ("30–6.12.2024", None, D(2024, 11, 30), D(2024, 12, 6), "exact", "from the month before"),
    ("30-6 января 2025 г.", None, D(2024, 12, 30), D(2025, 1, 6), "exact", "from the year before"),
]

UNPARSED = [
    # (cell, period, word the note must contain, reason)
    ("", Q2_2024, "пустая", "empty cell"),
    ("   \n\u00a0", Q2_2024, "пустая", "blanks only"),
    ("сентебря 2024", Q2_2024, "сентебря", "misspelt month is never guessed"),
    ("5 сентебря 2024 года", Q2_2024, "сентебря", "misspelt month after a day"),
    ("31 июня 2024 года", Q2_2024, "несуществующая", "June has 30 days"),
    ("29 февраля 2023 года", Q2_2024, "несуществующая", "2023 is not a leap year"),
    ("32.07.2024", Q2_2024, "несуществующая", "day 32"),
    ("12.13.2024", Q2_2024, "несуществующая", "month 13"),
    ("в течение квартала", Q2_2024, "нет даты", "a quarter is not a date"),
    ("по согласованию", Q2_2024, "нет даты", "no date at all"),
    ("ежедневно", Q2_2024, "нет даты", "no date at all"),
    ("2024", Q2_2024, "только год", "a year alone"),
    ("5-3 июля 2024 года", Q2_2024, "раньше", "end before start"),
    ("5 мая – 3 апреля 2024 года", Q2_2024, "раньше", "end before start across months, not a year apart"),
    ("27-28 августа", None, "год", "no year and no period to take it from"),
    ("5 июня 1889 года", Q2_2024, "год", "implausible year"),
    ("5 июня 2124 года", Q2_2024, "год", "implausible year"),
    ("12 июня 24", Q2_2024, "24", "two digits after a month without «г.» are no year"),
    ("5–3 мая 2024", Q2_2024, "раньше", "four weeks across a month's end: a typo"),
    ("в рамках акции (2 этапа)", Q2_2024, "не распознана", "a bracket holding no date"),
    ("12.05.2024 (10.05)", Q2_2024, "10.05", "date outside bracket, another bare in it"),
    ("5-7", Q2_2024, "месяц", "days without a month"),
    ("30 декабря 2100 года - 2 января", None, "2101", "New Year crossed past the last plausible year"),
    ("1" * 5000, Q2_2024, "не распознана", "a digit run too long to be a number"),
    ("6 апреля 2024 года, перенесено на 8 мая", Q2_2024, "мая", "a second date left unread"),
    ("6 апреля 2024 года 10 человек", Q2_2024, "10", "a number after a date that names no month"),
    ("6 апреля 2024 года\n8", Q2_2024, "8", "a day on the next line without its month is not listed"),
    ("перенесено на 5 мая", Q2_2024, "не распознана", "the date does not lead the cell"),
    ("31.04.2024", Q2_2024, "несуществующая", "April has 30 days: 30.04 or 01.05 is not guessed"),
    ("12.04.2024 (10.04.2024)", Q2_2024, "10.04.2024", "a bracket holding a bare date is read"),
    ("13.2024", Q2_2024, "несуществующая", "month 13 of month.year"),
    ("12.04.2024 14", Q2_2024, "14", "a bare number after a full date is no second date"),
    ("12.04.2024\n10.04.2024", Q2_2024, "раньше", "dates a line each, out of order"),
    ("до 12.04.2024", Q2_2024, "не распознана", "'до' with its o is a word, not a zero"),
    ("12.13 – 15.03.2024", Q2_2024, "не распознана", "«12.13» can only be a time: no date leads the cell"),
    ("24.04.2024 в 10.05", Q2_2024, "10.05", "after 'в' but a possible day.month: not guessed to be a time"),
    ("IV декада мая 2024", Q2_2024, "не распознана", "a month has three decades"),
    ("третья половина мая 2024", Q2_2024, "не распознана", "and two halves"),
    ("конец 2024 года", Q2_2024, "месяц", "a part of no month"),
]


@pytest.mark.parametrize(
    ("cell", "period", "start", "end", "form"),
    [case[:5] for case in PARSED],
    ids=[case[5] for case in PARSED],
)
def test_parses(cell: str, period: Period | None, start: date, end: date, form: str) -> None:
    assert parse_dates(cell, period) == DateParse(start, end, form, None)


@pytest.mark.parametrize(
    ("cell", "period", "in_note"), [case[:3] for case in UNPARSED], ids=[case[3] for case in UNPARSED]
)
def test_does_not_parse(cell: str, period: Period | None, in_note: str) -> None:
    parsed = parse_dates(cell, period)
    assert (parsed.start, parsed.end, parsed.form) == (None, None, None)
    assert parsed.note is not None and in_note in parsed.note


@pytest.mark.parametrize(
    "dash",
    ["-", "\u2010", "\u2011", "\u2013", "\u2014"],
    ids=["hyphen-minus", "hyphen", "nb-hyphen", "en", "em"],
)
@pytest.mark.parametrize("spacing", ["", " ", "\u00a0", "\n"], ids=["tight", "space", "nbsp", "break"])
def test_every_dash_reads_as_range(dash: str, spacing: str) -> None:
    cell = f"3{spacing}{dash}{spacing}5 июля 2024 года"
    assert parse_dates(cell, None) == DateParse(D(2024, 7, 3), D(2024, 7, 5), "exact", None)


@pytest.mark.parametrize(
    "run",
    ["-\u2013", " - - ", "--", "\u2013\u2014", " \u2010 \u2013 ", "\u2014\u00a0-\u00a0\u2013"],
    ids=["ocr-hyphen-en", "spaced-hyphens", "double-hyphen", "en-em", "hyphen-en-spaced", "three-mixed"],
)
def test_a_run_of_dashes_reads_as_one_range_dash(run: str) -> None:
    """OCR reads one dash as two («-–»), a typist doubles it: still one range, across months too."""
    assert parse_dates(f"28 июля{run}2 августа 2023 года", None) == DateParse(
        D(2023, 7, 28), D(2023, 8, 2), "exact", None
    )
    assert parse_dates(f"07.09.2023{run}11.09.2023", None) == DateParse(
        D(2023, 9, 7), D(2023, 9, 11), "exact", None
    )


def test_a_run_of_dashes_ending_the_cell_is_a_blank_end_not_an_open_range() -> None:
    """Start and end columns joined with a range dash, the end's cell a dash: «май 2025 г. – –»
    is the month, as «май 2025 г.» is; one dash ending it leaves the range open."""
    assert parse_dates("май 2025 г. – –", None).end == D(2025, 5, 31)
    assert parse_dates("май 2025 г. –", None).form == "open_end"


@pytest.mark.parametrize(
    ("forms", "case"), [(GENITIVE, "genitive"), (NOMINATIVE, "nominative"), (PREPOSITIONAL, "prepositional")]
)
def test_every_month_in_every_case(forms: list[str], case: str) -> None:
    for number, word in enumerate(forms, start=1):
        parsed = parse_dates(f"{word} 2024", None)
        assert (parsed.start, parsed.form) == (D(2024, number, 1), "whole_month"), (case, word)


def test_vocabulary_names_each_word_once() -> None:
    """A word listed under two months would be silently read as one of them."""
    months = yaml.safe_load(DEFAULT_VOCABULARY_FILE.read_text(encoding="utf-8"))["months"]
    words = [word for forms in months.values() for word in forms]
    assert sorted(months) == list(range(1, 13))
    assert len(words) == len(set(words))


def _in_words(day: date) -> str:
    return f"{day.day} {GENITIVE[day.month - 1]} {day.year} года"


def _quarter(day: date) -> Period:
    return Period(day.year, (day.month - 1) // 3 + 1)


DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))
RENDERINGS: list[Callable[[date], str]] = [
    lambda d: f"{d.day} {GENITIVE[d.month - 1]} {d.year} года",
    lambda d: f"{d.day}\u00a0{GENITIVE[d.month - 1]}\n{d.year} г.",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year}г.",
]


@given(day=DATES, render=st.sampled_from(RENDERINGS))
def test_any_day_round_trips(day: date, render: Callable[[date], str]) -> None:
    assert parse_dates(render(day), None) == DateParse(day, day, "exact", None)


@given(first=DATES, second=DATES, dash=st.sampled_from(["-", " – ", "\u2014", " по "]))
def test_any_range_round_trips(first: date, second: date, dash: str) -> None:
    start, end = sorted((first, second))
    long = f"{_in_words(start)}{dash}{_in_words(end)}"
    short = f"{start.day:02d}.{start.month:02d}.{start.year}{dash}{end.day:02d}.{end.month:02d}.{end.year}"
    for cell in (long, short):
        assert parse_dates(cell, None) == DateParse(start, end, "exact", None), cell


@given(first=DATES, length=st.integers(min_value=0, max_value=27))
def test_range_in_one_month_round_trips(first: date, length: int) -> None:
    end_day = min(first.day + length, 28 if first.month == 2 else 30)
    end = max(first, first.replace(day=end_day))
    cell = f"{first.day}-{end.day} {GENITIVE[first.month - 1]} {first.year} года"
    assert parse_dates(cell, None) == DateParse(first, end, "exact", None)


@given(day=DATES)
def test_missing_year_comes_from_the_period(day: date) -> None:
    cell = f"{day.day} {GENITIVE[day.month - 1]}"
    assert parse_dates(cell, _quarter(day)) == DateParse(day, day, "year_from_period", None)


@given(text=st.text(), period=st.none() | st.builds(Period, st.integers(1990, 2100), st.integers(1, 4)))
def test_never_raises_and_stays_consistent(text: str, period: Period | None) -> None:
    parsed = parse_dates(text, period)
    if parsed.form is None:
        assert (parsed.start, parsed.end) == (None, None) and parsed.note
    else:
        assert parsed.start is not None and parsed.end is not None and parsed.note is None
        assert parsed.start <= parsed.end


@given(text=st.text(alphabet="0123456789.-–, и по с г года мая июня 2024\n\u00a0"))
def test_date_like_noise_never_raises(text: str) -> None:
    parsed = parse_dates(text, Q2_2024)
    assert (parsed.start is None) == (parsed.form is None)


@pytest.mark.parametrize(
    ("cell", "whole"),
    [
        ("в течение квартала", True),
        ("Ежемесячно", True),
        ("ежеквартально", True),
        ("еженедельно (по средам)", True),
        ("в течение отчётного периода", True),
        ("На постоянной основе", True),
        ("Весь отчетный период", True),
        ("весь период", True),
        ("весь май", False),
        ("в течение II квартала", False),  # a quarter named: quarter_in_cell reads it
        ("ежемесячно, 12 мая", False),
        ("в течение мая", False),
        ("по согласованию", False),
        ("по субботам", True),  # a weekly event told by its day of the week
        ("Каждую среду", True),
        ("еженедельно по вторникам и четвергам", True),
        ("в субботу", False),  # one Saturday, which the cell does not date
        ("суббота", False),
        ("с понедельника по пятницу", False),
    ],
)
def test_a_cell_naming_the_whole_period(cell: str, whole: bool) -> None:
    assert names_whole_period(cell) is whole


def test_a_year_far_from_the_reports_period_is_a_typo() -> None:
    """«2052» in a report for 2024 is a typo (more than `typo_year_distance` years off), left unread
    as a year out of range is; a year before or after the report's is a date of another quarter."""
    far = parse_dates("15.07.2052", Q2_2024)
    assert far.start is None and far.note is not None and "невозможный год «2052»" in far.note
    assert parse_dates("15.07.2023", Q2_2024).start == date(2023, 7, 15)
    assert parse_dates("15.07.2052", None).start == date(2052, 7, 15)  # no period: nothing to judge by


@pytest.mark.parametrize(
    ("text", "planned", "actual"),
    [
        ("план: 11.04.2024\nфакт: 19.04.2024", date(2024, 4, 11), date(2024, 4, 19)),
        ("план – 02.05.2024; факт – 07.05.2024", date(2024, 5, 2), date(2024, 5, 7)),
        ("планируемая дата 3 июня 2024 г., фактически 9 июня 2024 г.", date(2024, 6, 3), date(2024, 6, 9)),
        ("фактическая дата: 20.04.2024 / по плану: 13.04.2024", date(2024, 4, 13), date(2024, 4, 20)),
    ],
)
def test_planned_and_actual_dates(text: str, planned: date, actual: date) -> None:
    from muniflow.normalize.date_labels import planned_and_actual

    both = planned_and_actual(text, Q2_2024)
    assert both is not None
    assert (both[1].start, both[3].start) == (planned, actual)
    assert parse_dates(text, Q2_2024).start is None  # the cell itself stays a reviewer's question


@pytest.mark.parametrize("text", ["план: 11.04.2024", "план: апрель, факт: 19.04.2024", "11.04.2024 факт"])
def test_not_a_planned_and_an_actual_date(text: str) -> None:
    from muniflow.normalize.date_labels import planned_and_actual

    assert planned_and_actual(text, Q2_2024) is None


@pytest.mark.parametrize(
    ("title", "rest", "written", "day"),
    [
        (
            "Открытие выставки «Старый мост» (14 мая 2024 г.)",
            "Открытие выставки «Старый мост»",
            "14 мая 2024 г.",
            14,
        ),
        (
            "Встреча с делегацией г. Заречье (Армения) 21 мая 2024 г.",
            "Встреча с делегацией г. Заречье (Армения)",
            "21 мая 2024 г.",
            21,
        ),
        ("Приём гостей, 03.06.2024", "Приём гостей", "03.06.2024", 3),
    ],
)
def test_a_whole_date_ending_a_title(title: str, rest: str, written: str, day: int) -> None:
    from muniflow.normalize.date_labels import date_in_title

    found = date_in_title(title, Q2_2024)
    assert found is not None
    assert found[:2] == (rest, written)
    assert found[2].start is not None and found[2].start.day == day


@pytest.mark.parametrize(
    "title",
    [
        "Фестиваль «Весна-2024»",
        "Турнир памяти героев 1944 года",
        "Концерт (Армения)",
        "Праздник 12 июня",
        "14 мая 2024 г.",
    ],
)
def test_no_whole_date_ending_a_title(title: str) -> None:
    from muniflow.normalize.date_labels import date_in_title

    assert date_in_title(title, Q2_2024) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("`10 февраля 2025.", date(2025, 2, 10), date(2025, 2, 10)),
        ("‘2 марта 2025 года", date(2025, 3, 2), date(2025, 3, 2)),
        ("`22-24.01.2025:.", date(2025, 1, 22), date(2025, 1, 24)),
        ("21.01.2025- : _23.01.2025", date(2025, 1, 21), date(2025, 1, 23)),
        ("° 12.03.2025 ^", date(2025, 3, 12), date(2025, 3, 12)),
        ("|.20.04.2025", date(2025, 4, 20), date(2025, 4, 20)),
        ("07.01:2025", date(2025, 1, 7), date(2025, 1, 7)),
        ("20,02.2025", date(2025, 2, 20), date(2025, 2, 20)),
        ("03.03.2025-\\ 04.03.2025", date(2025, 3, 3), date(2025, 3, 4)),
    ],
)
def test_scan_specks_around_a_date_are_no_part_of_it(text: str, start: date, end: date) -> None:
    parsed = parse_dates(text, Period(2025, 1))
    assert (parsed.start, parsed.end, parsed.note) == (start, end, None)
