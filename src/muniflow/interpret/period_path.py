"""The quarter a report's file path names (`period_in_path`), for a report whose text names none:
muniflow's own label («2024Q2») or a period phrase (`interpret.period.find_period`) in the file's
name, else in the folders above it; and the file's name as its sender may name it (`file_stem`).
"""

from __future__ import annotations

import re

from muniflow.interpret.period import QUARTER, PeriodFound, find_period
from muniflow.model import Period

# A quarter written as muniflow's own label in a file or folder name: «2024Q2», «2024_q2», «Q2-2024».
_LABEL = re.compile(
    r"(?<![0-9A-Za-z])(?:((?:19|20)\d\d)[\s_-]*[Qq]([1-4])|[Qq]([1-4])[\s_-]*((?:19|20)\d\d))(?![0-9A-Za-z])"
)
# How many folders above the file are asked (an inbox sorted by quarter: «inbox/2024Q2/…»).
PATH_FOLDERS = 2


def _path_parts(source_file: str) -> list[str]:
    """The folders and name of a report's file; an archive member's own («archive.zip!a/b.docx»)."""
    return [p for p in source_file.rsplit("!", 1)[-1].replace("\\", "/").split("/") if p]


def file_stem(source_file: str) -> str:
    """A report's file name without its extension, «_» read as a space: what a sender may name it by."""
    parts = _path_parts(source_file)
    return parts[-1].rsplit(".", 1)[0].replace("_", " ") if parts else ""


def period_in_path(source_file: str) -> PeriodFound:
    """The quarter a report's file name names, else the folder's above it («Велижский_2кв_2024.docx»,
    «2024Q2/отчёт.pdf»): for a report whose text names no period. An archive member
    («archive.zip!member.docx») is asked by its own name. Only a quarter counts."""
    parts = _path_parts(source_file)
    if not parts:
        return PeriodFound(None, "", "")
    names = [("file", file_stem(source_file))]
    names += [("folder", folder) for folder in reversed(parts[-1 - PATH_FOLDERS : -1])]
    for what, name in names:
        label = _LABEL.search(name)
        if label is not None:
            year, quarter = label.group(1) or label.group(4), label.group(2) or label.group(3)
            where = f"{label.group(0)} ({what} name «{name}»)"
            return PeriodFound(Period(int(year), int(quarter)), QUARTER, where)
        found = find_period(re.sub(r"[_.]+", " ", name))
        if found.kind == QUARTER and found.period is not None:
            return PeriodFound(found.period, QUARTER, f"{found.text} ({what} name «{name}»)")
    # a quarter named without its year («2 квартал») in a folder naming the year («2025/2 квартал/…»)
    for k, (what, name) in enumerate(names):
        above = next(((n, int(y.group())) for _, n in names[k + 1 :] if (y := _YEAR_WORD.search(n))), None)
        if above is None:
            continue
        found = find_period(re.sub(r"[_.]+", " ", name), default_year=above[1])
        if found.kind == QUARTER and found.period is not None:
            return PeriodFound(
                found.period, QUARTER, f"{found.text} ({what} name «{name}», its year from «{above[0]}»)"
            )
    return PeriodFound(None, "", "")


# A year in a folder's name: «2025», «Отчёты_2025».
_YEAR_WORD = re.compile(r"(?<![0-9])(?:19|20)\d\d(?![0-9])")
