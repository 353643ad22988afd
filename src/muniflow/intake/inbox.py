"""What a folder scan takes: every file a clerk put in the inbox, except system litter.

A report that arrives as `.txt`, `.jpg` or `.zip` must still be listed (read, or quarantined with a
reason), so the region can see that the municipality did send something. Only files no person sent
are skipped: Office lock files and temporary copies, Finder and Explorer metadata, hidden files,
a signature sent beside the file it signs; the scan counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from muniflow.reporting.contract import load_reporting

# Names the operating system or an open editor leaves behind (compared case-insensitively).
LITTER_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", "icon\r"})
LITTER_PREFIXES = ("~$", ".")  # Office lock files ("~$report.docx"), hidden files ("._report.docx")
# An editor's temporary copy ("~WRL0003.tmp", "~WRD0001.tmp": Word's earlier version of a document
# being saved): a name starting with "~" and ending with ".tmp".
TEMPORARY = ("~", ".tmp")
# A detached electronic signature sent beside the file it signs ("report.pdf.sig"): read with it.
SIGNATURE_SUFFIXES = frozenset({".sig", ".sgn", ".p7s"})


@dataclass(frozen=True)
class Inbox:
    """The files to ingest, in order, and how many litter files a folder scan skipped."""

    files: tuple[Path, ...]
    skipped: tuple[Path, ...] = ()


def is_litter(path: PurePath) -> bool:
    """True for a file (or one inside a folder) no person sent: lock files, OS metadata, hidden files."""
    name = path.name.lower()
    return (
        name in LITTER_NAMES
        or name.startswith(LITTER_PREFIXES)
        or (name.startswith(TEMPORARY[0]) and name.endswith(TEMPORARY[1]))
    )


def _signs_another(path: Path, listed: set[Path]) -> bool:
    """True for a detached signature of a file also in the inbox («отчёт.pdf.sig» beside «отчёт.pdf»):
    no report of its own. A signature with the report inside (no such file beside it) stays."""
    return path.suffix.lower() in SIGNATURE_SUFFIXES and path.with_suffix("") in listed


def _version_order(
    path: Path, marks: tuple[str, ...], copies: tuple[str, ...] = ()
) -> tuple[bool, str, int, str]:
    """A folder's files by name, those whose name says they correct a report («… (исправленный)»,
    «уточнённый», «взамен …»: `marks`, `correctionMarks` in contracts/reporting.yaml) after the
    others: the version loaded last is current, and a corrected report sorts before its original
    by name. A later copy under the same name («Отчёт (1).docx», «Отчёт - копия.docx»: `copies`,
    `copyMarks`) comes right after the file it copies."""
    words = _WORD.findall(path.stem.lower().replace("ё", "е"))
    base, number = _copied(path.stem, copies)
    return any(w.startswith(marks) for w in words), str(path.with_name(base + path.suffix)), number, str(path)


_WORD = re.compile(r"[^\W\d_]+")
_NUMBERED = re.compile(r"\s*\((\d{1,3})\)$")


def _copied(stem: str, marks: tuple[str, ...]) -> tuple[str, int]:
    """The name a copy was made from and its copy number: «Отчёт (2)» -> («Отчёт», 2), «Отчёт - копия»
    and «Копия Отчёт» -> («Отчёт», 1), «Отчёт - копия (2)» -> («Отчёт», 3); a name with no mark is
    its own, number 0."""
    number = 0
    numbered = _NUMBERED.search(stem)
    if numbered:
        stem, number = stem[: numbered.start()], int(numbered.group(1))
    for mark in marks:
        pattern = re.compile(rf"^{re.escape(mark)}\s+(?=\S)|\s*[-–]?\s*{re.escape(mark)}$", re.IGNORECASE)
        plain = pattern.sub("", stem)
        if plain != stem and plain.strip():
            return plain, number + 1
    return stem, number


def scan(paths: list[str | Path]) -> Inbox:
    """Expand folders into every file they hold (sorted, corrections last: `_version_order`), keep
    files named explicitly as given.

    Raises:
        FileNotFoundError: a path that does not exist, so a typo never reads as an empty inbox.
    """
    found: list[Path] = []
    skipped: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            reporting = load_reporting()
            marks, copies = reporting.correction_marks, reporting.copy_marks
            for f in sorted(p.rglob("*"), key=lambda f: _version_order(f, marks, copies)):
                if not f.is_file():
                    continue
                inside = f.relative_to(p).parts
                if any(is_litter(Path(part)) for part in inside):
                    skipped.append(f)
                else:
                    found.append(f)
        elif p.is_file():
            found.append(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    listed = set(found)
    skipped += [f for f in found if _signs_another(f, listed)]
    found = [f for f in found if not _signs_another(f, listed)]
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return Inbox(tuple(unique), tuple(skipped))
