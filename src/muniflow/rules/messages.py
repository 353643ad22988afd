"""Reviewer-facing messages (Russian) for each row check: what is wrong, in the cell's own words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import pandas as pd

# How each canonical column is called in the report's header, for messages.
FIELD_LABELS = {
    "seq_no": "№ п/п",
    "municipality": "Муниципальное образование",
    "title": "Наименование мероприятия",
    "place": "Место проведения",
    "date_text": "Сроки проведения",
    "start_date": "Дата начала",
    "end_date": "Дата окончания",
    "goal": "Цель, содержание и результат",
    "participants": "Участники мероприятия",
    "status_text": "Статус / отметка о проведении / примечание",
}

Row = Mapping[str, Any]
Message = tuple[str, str | None]  # (message, offending value)


def label(field: str) -> str:
    """The header name of a canonical column."""
    return FIELD_LABELS.get(field, field)


def ru_date(value: Any) -> str:
    """A date as dd.mm.yyyy, or '?' when there is none."""
    if value is None or (not isinstance(value, date) and pd.isna(value)):
        return "?"
    return pd.Timestamp(value).strftime("%d.%m.%Y")


def _span(start: Any, end: Any) -> str:
    return ru_date(start) if ru_date(start) == ru_date(end) else f"{ru_date(start)}–{ru_date(end)}"


def _text(row: Row, field: str) -> str:
    """The cell as one line: a reviewer reads "30 марта – 2 апреля", not the cell's line breaks."""
    value = row.get(field)
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


# What a required field left empty means for the event, where its name alone does not say it.
_MISSING_MEANS = {"date_text": "дата мероприятия не указана"}


def not_blank(row: Row, field: str) -> Message:
    """A required field left empty, a dash or a placeholder («не указано»: what it holds is quoted)."""
    text = _text(row, field)
    written = f" (в ячейке «{text}»)" if text else ""
    means = f": {_MISSING_MEANS[field]}" if field in _MISSING_MEANS else ""
    return f"Не заполнено обязательное поле «{label(field)}»{written}{means}.", text


def date_readable(row: Row, field: str) -> Message:
    text = _text(row, field).strip()
    if not text:
        return "Сроки проведения не указаны: дату мероприятия прочитать нельзя.", ""
    from muniflow.normalize.dates import NO_DATE_NOTES

    why = _unread_because(row)
    if why and why not in NO_DATE_NOTES:  # what is wrong («дата окончания раньше даты начала»): that
        return f"Дата «{text}» не распознана: {why}.", text
    return (
        f"Дата «{text}» не распознана{f' ({why})' if why else ''}: ожидается, например, "
        "«12 апреля 2024 года» или «21–22 марта 2024 года». Проверьте написание месяца и чисел.",
        text,
    )


def _unread_because(row: Row) -> str | None:
    """The date grammar's own note on the cell («несуществующая дата 31.04.2024»), read again; for a
    row listing several events whose dates do not pair with them, that (interpret/cell_items.py)."""
    from muniflow.interpret.cell_items import unpaired_note
    from muniflow.model import Period
    from muniflow.normalize.dates import parse_dates

    unpaired = unpaired_note(
        str(row.get("title_raw") or ""), str(row.get("date_text") or ""), str(row.get("seq_text") or "")
    )
    if unpaired is not None:
        return unpaired

    first = row.get("period_first")
    period = None
    if first is not None and not pd.isna(first):
        period = Period(first.year, (first.month - 1) // 3 + 1)
    return parse_dates(str(row.get("date_text") or ""), period).note


def date_order(row: Row, field: str) -> Message:
    text = _text(row, field)
    return (
        f"Дата начала {ru_date(row['start_date'])} позже даты окончания {ru_date(row['end_date'])} "
        f"(«{text}»).",
        text,
    )


def date_span(row: Row, field: str) -> Message:
    text = _text(row, field)
    days = (pd.Timestamp(row["end_date"]) - pd.Timestamp(row["start_date"])).days + 1
    return (
        f"Мероприятие «{text}» длится {days} дн. ({_span(row['start_date'], row['end_date'])}) — дольше "
        "года: даты, скорее всего, прочитаны или написаны с ошибкой (год одного из концов). Сверьте даты "
        "с документом.",
        text,
    )


def date_exact(row: Row, field: str) -> Message:
    text = _text(row, field)
    span = _span(row["start_date"], row["end_date"])
    form = row.get("date_form")
    if form == "year_from_period":
        why = f"год не указан и взят из периода отчёта ({span})"
    elif form == "whole_month" and _months_apart(row["start_date"], row["end_date"]):
        why = f"указаны только месяцы или квартал, приняты целиком ({span})"
    elif form == "whole_month":
        why = f"указан только месяц, принят весь месяц ({span})"
    elif form == "whole_quarter":
        why = f"дата не указана («{text}»), принят весь квартал отчёта ({span})"
    elif form == "open_end":
        why = (
            f"указано только начало, окончание открыто («{text}»); принято по конец квартала отчёта ({span})"
        )
    elif form == "part_of_month":
        why = f"указана часть месяца (декада, половина, начало, середина или конец), приняты дни {span}"
    elif form == "from_title":
        why = f"графа «{label(field)}» не заполнена, дата взята из названия мероприятия ({span})"
    elif form == "actual_of_planned":
        why = _planned_and_actual(row, text, span)
    else:
        why = f"дата прочитана приблизительно ({form}: {span})"
    return f"Дата «{text}» прочитана с допущением: {why}. Уточните дату.", text


def _planned_and_actual(row: Row, text: str, span: str) -> str:
    """What a cell giving a planned and an actual date says, both named."""
    from muniflow.normalize.date_labels import planned_and_actual

    both = planned_and_actual(text, _row_period(row))
    if both is None:
        return f"указаны плановая и фактическая даты, принята фактическая ({span})"
    planned, _, actual, _ = both
    return f"указаны плановая дата «{planned}» и фактическая «{actual}», принята фактическая ({span})"


def _row_period(row: Row) -> Any:
    """The report's quarter of a row of the rule frame, None when unknown."""
    from muniflow.model import Period

    first = row.get("period_first")
    if first is None or pd.isna(first):
        return None
    return Period(first.year, (first.month - 1) // 3 + 1)


def _months_apart(start: Any, end: Any) -> bool:
    """Whether a date read as whole months spans more than one («апрель – июнь», «II квартал»)."""
    if not isinstance(start, date) or not isinstance(end, date) or pd.isna(start) or pd.isna(end):
        return False
    return (start.year, start.month) != (end.year, end.month)


def _period(row: Row) -> str:
    return f"{ru_date(row['period_first'])}–{ru_date(row['period_last'])}"


def overlaps_period(row: Row, field: str) -> Message:
    text = _text(row, field)
    return (
        f"Мероприятие {_span(row['start_date'], row['end_date'])} («{text}») целиком вне периода "
        f"отчёта {_period(row)}: оно относится к отчёту за другой квартал.",
        text,
    )


def within_period(row: Row, field: str) -> Message:
    text = _text(row, field)
    return (
        f"Мероприятие {_span(row['start_date'], row['end_date'])} («{text}») выходит за границу "
        f"периода отчёта {_period(row)}: часть дней вне квартала.",
        text,
    )


def held(row: Row, field: str) -> Message:
    text = _text(row, field)
    return (
        f"В поле «{label(field)}» сказано, что мероприятие не проведено («{text}»: отменено, перенесено "
        "или только запланировано), а отчёт перечисляет проведённые мероприятия. Уберите строку или "
        "укажите дату, когда мероприятие прошло.",
        text,
    )


def weekday(row: Row, field: str) -> Message:
    from muniflow.normalize.weekdays import day_names, mismatches

    text = _text(row, field)
    start, end = (pd.Timestamp(row[k]).date() for k in ("start_date", "end_date"))
    names = day_names()
    found = "; ".join(
        f"{ru_date(day)} — {names[day.weekday()]}, а указано «{word}»"
        for day, word in mismatches(text, start, end)
    )
    return (
        f"День недели не совпадает с датой в поле «{label(field)}» («{text}»): {found}. Ошибка в дате "
        "или в дне недели — сверьте с источником.",
        text,
    )


def single_script(words: list[str], field: str) -> Message:
    shown = ", ".join(words)
    return (
        f"В поле «{label(field)}» слова смешивают латиницу и кириллицу: «{shown}» (например, римские "
        "цифры с кириллической «Х» или «i» вместо «і»). В нормализованном тексте буквы исправлены, "
        "исходный текст сохранён.",
        shown,
    )


# Messages for checks that read only the row; single_script needs the words found, so it is apart.
ROW_MESSAGES: dict[str, Callable[[Row, str], Message]] = {
    "not_blank": not_blank,
    "date_readable": date_readable,
    "date_order": date_order,
    "date_span": date_span,
    "date_exact": date_exact,
    "overlaps_period": overlaps_period,
    "within_period": within_period,
    "held": held,
    "weekday_agrees": weekday,
}


def numbering_missing(seq_text: str, expected: int) -> Message:
    return f"№ не указан или не является числом («{seq_text.strip()}»); ожидался № {expected}.", seq_text


def numbering_opens(number: int, expected: int) -> Message:
    return f"Нумерация начинается с № {number}, ожидался № {expected}.", str(number)


def numbering_repeated(number: int, previous: int) -> Message:
    return (
        f"№ {number} повторяется: после № {previous} ожидался № {previous + 1}.",
        str(number),
    )


def numbering_skipped(number: int, previous: int) -> Message:
    missing = str(previous + 1) if number == previous + 2 else f"{previous + 1}–{number - 1}"
    return f"Нумерация прерывается: после № {previous} идёт № {number}, пропущен № {missing}.", str(number)


def numbering_swapped(number: int, other: int) -> Message:
    return f"№ {min(number, other)} и № {max(number, other)} переставлены местами.", str(number)


def numbering_out_of_order(number: int, previous: int) -> Message:
    return f"Нумерация нарушена: после № {previous} идёт № {number}, ожидался № {previous + 1}.", str(number)
