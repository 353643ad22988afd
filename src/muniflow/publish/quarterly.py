"""`muniflow compile`: the region's quarterly report written from the warehouse."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from muniflow.model import Period
from muniflow.publish.compilation import Compilation, build_compilation
from muniflow.publish.document import write_docx
from muniflow.publish.pdf import docx_to_pdf
from muniflow.publish.template import load_template
from muniflow.warehouse import compilation as wh


@dataclass(frozen=True)
class Compiled:
    """What `compile_quarter` wrote."""

    docx: Path
    pdf: Path | None
    region: str | None
    compilation: Compilation


def compile_quarter(
    warehouse: str | Path,
    period: Period,
    out: Path,
    *,
    region: str | None = None,
    annex: bool = False,
    pdf: bool = False,
    template_path: Path | None = None,
) -> Compiled:
    """Read the quarter's current events (and, with `annex`, what is still open) and write the
    compilation as DOCX (and PDF).

    Raises:
        FileNotFoundError: no warehouse at `warehouse`.
        LookupError: nothing loaded for the quarter, or several regions and none chosen.
        PdfUnavailable: `pdf` asked for and LibreOffice missing or failing (the DOCX is written).
    """
    template = load_template(template_path)
    con = wh.open_read_only(warehouse)
    try:
        chosen = wh.choose_region(con, period.label, region)
        events = wh.quarter_events(con, period.label, chosen)
        co_reported = wh.co_reporters(con, period.label)
        open_items = wh.open_items(con, period.label, chosen) if annex else None
    finally:
        con.close()
    compilation = build_compilation(events, co_reported, template, period, chosen, open_items)
    docx = write_docx(compilation, template, out)
    return Compiled(docx, docx_to_pdf(docx) if pdf else None, chosen, compilation)
