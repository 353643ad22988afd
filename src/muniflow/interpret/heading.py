"""What a document's title, letterhead and signature say of whose report it is and when: read for
every report, and for a file refused whole, so its quarter, region and municipality are still known."""

from __future__ import annotations

import re
from collections.abc import Iterable

from muniflow.interpret.municipality import canonical_municipality
from muniflow.interpret.nil import letter_table_lines, municipality_in_text, sender_municipality
from muniflow.interpret.not_held import document_not_held
from muniflow.interpret.period import find_period
from muniflow.interpret.period_path import file_stem, period_in_path
from muniflow.interpret.sections import CAPTION_NAME_WORDS, caption_municipality, settlement_of
from muniflow.interpret.tables import ChosenTable
from muniflow.interpret.title import parse_region
from muniflow.model import Period, RawDocument, Report
from muniflow.normalize.text import fold


def lead_text(doc: RawDocument, first: ChosenTable | None) -> str:
    """Everything written before the first events table's rows, the title first: the one-row
    tables before it (a letterhead laid out as a table, a title typed in a one-cell table; not a
    summary or contents table's data) with the captions, its own caption and the rows above its
    header (a title typed in the table). With no table chosen, what stands before every table."""
    parts = [doc.title]
    for table in doc.tables:
        if first is not None and table is first.table:
            parts += [table.caption, first.above]
            break
        parts.append(table.caption)
        if not table.rows:
            parts.append("\n".join(c for c in table.header if c and fold(c)))
    return "\n".join(dict.fromkeys(p for p in parts if p and fold(p)))


# A line holding a figure or a tab is a row of events, not a municipality's heading.
_NOT_HEADING = re.compile(r"[\d\t]")


def heading_line(line: str) -> str:
    """The canonical municipality a line of its own names as a heading («Город Энск», «г.о. Энск»,
    «Энский муниципальный округ»): a few words naming a municipality and nothing else; '' else."""
    text = fold(line)
    if not text or _NOT_HEADING.search(line) or len(text.split()) > CAPTION_NAME_WORDS:
        return ""
    named = caption_municipality(text)
    return canonical_municipality(named) if named and fold(named) == text else ""


def before_headings(title: str, headings: Iterable[str] = ()) -> str:
    """The title without a municipality's heading run into its end (`run_in_heading`)."""
    return run_in_heading(title, headings)[0]


def run_in_heading(title: str, headings: Iterable[str] = ()) -> tuple[str, str]:
    """A region's report's title and the first municipality's heading run into it: the title's
    lines before its first line after the first that is a heading (`heading_line`), and that
    line, when the document heads the events of two or more municipalities (its heading lines and
    `headings` found elsewhere, as written: the captions of its tables); the title as it is and ''
    otherwise (one municipality's own report may end its title with its name, and head its
    settlements' events under it)."""
    lines = title.splitlines()
    # a heading standing first heads the title below it (a section's page header), no run-in
    # and it follows the title's words naming the quarter: a line above them is the letterhead's
    # («Администрация / Энского / района»), however its words are wrapped
    named = next((k for k, line in enumerate(lines) if find_period(line).kind), len(lines))
    found = [(k, line) for k, line in enumerate(lines) if k > named and heading_line(line)]
    if not found:
        return title, ""
    first = heading_line(found[0][1])
    # a district's own report heading its settlements under its name is one municipality's
    others = {
        canonical_municipality(h)
        for h in (*(line for _, line in found), *headings)
        if h and canonical_municipality(h) != first and not settlement_of(h, first)
    }
    if not others:
        return title, ""
    return "\n".join(lines[: found[0][0]]), fold(found[0][1])


def titled_municipality(title: str, lead: str, source_file: str, closing: str, running: str = "") -> str:
    """The one municipality whose report it is, as it names itself (canonical; '' for none): in its
    title, the text before its table, a page header every page repeats (`running`), its file's name
    («Велижский_район_2кв_2024.docx»), its signature («Глава Себежского района»), or as the city
    whose administration sends it with no kind word («Администрация Нижнего Тагила»)."""
    return (
        municipality_in_text(title)
        or municipality_in_text(lead)
        or municipality_in_text(running)
        or municipality_in_text(file_stem(source_file))
        or municipality_in_text(closing)
        or sender_municipality(f"{title}\n{closing}")
    )


def refused_report(doc: RawDocument, period_override: Period | None = None) -> Report:
    """A document refused whole (no events table read) as a report without rows, holding what its
    title says as a read report's does: the quarter (`period_override` first, else the title, the
    text before its tables, the file's or folder's name), the region and the municipality that sends
    it. Only the title, the letterhead or signature laid out as small tables, the text after the
    last table and the file's name are asked whose report it is: a caption above a later table may
    be one municipality's heading inside a regional report. A document whose text before its tables
    heads a plan, minutes or a regulation (`not_held.document_not_held`) names no municipality and
    no quarter: it is no report of the quarter it names, its sender has not reported by it."""
    lead = lead_text(doc, None)
    found = find_period(doc.title)
    period = period_override or found.period
    if period is None and not found.kind:
        early = find_period(lead)
        period = early.period
        if early.period is None and not early.kind:
            period = period_in_path(doc.source_file).period
    letterhead = "\n".join(line for t in doc.tables for line in letter_table_lines(t))  # small tables only
    title = before_headings(doc.title)  # a region's report: its title ends at its first heading
    sender = titled_municipality(title, letterhead, doc.source_file, doc.closing, doc.running)
    if document_not_held(lead.splitlines()) is not None:
        period, sender = None, ""  # a plan, minutes, a regulation: no report of the quarter it names
    return Report(
        source_file=doc.source_file,
        format=doc.format,
        region=parse_region(doc.title) or parse_region(letterhead) or parse_region(doc.closing),
        period=period,
        rows=(),
        pages=doc.pages,
        municipality=sender,
    )
