"""Whose fault is an exception: the file's (a parsing library choked on it) or muniflow's (a bug).

A reader's try-block runs both library calls and muniflow's own code, so the exception's type alone
cannot tell a damaged file from a bug of ours (both raise KeyError or ValueError). The traceback can:
the innermost frame that belongs either to a file-parsing library or to muniflow is where it came
from. Frames of other code (the standard library's `re`, builtins, test helpers) are looked through;
an exception whose class a parsing library defines (lxml's XMLSyntaxError is raised from C, with no
Python frame) is the file's fault too. Anything else is muniflow's: `internal_error`, never
"your file is damaged".
"""

from __future__ import annotations

import os
from pathlib import Path

CORRUPT_FILE = "corrupt_file"
INTERNAL_ERROR = "internal_error"

# Top-level packages that parse the bytes of a report (pdfplumber drives pdfminer; python-docx
# and openpyxl drive zipfile and lxml; xlrd parses .xls).
PARSING_LIBRARIES = frozenset(
    {"pdfplumber", "pdfminer", "docx", "openpyxl", "xlrd", "lxml", "zipfile", "zlib", "xml"}
)

_MUNIFLOW = str(Path(__file__).resolve().parent.parent) + os.sep


def _library_of(filename: str) -> str | None:
    """The parsing library a source file belongs to, 'muniflow', or None for anything else."""
    path = str(Path(filename).resolve()) if filename and not filename.startswith("<") else filename
    if path.startswith(_MUNIFLOW):
        return "muniflow"
    parts = Path(path).parts
    for lib in PARSING_LIBRARIES:
        if lib in parts or f"{lib}.py" in parts:
            return lib
    return None


def _frame_owners(exc: BaseException) -> list[str]:
    """Owners ('muniflow' or a parsing library) of the traceback's frames, outermost first."""
    owners = []
    tb = exc.__traceback__
    while tb is not None:
        owner = _library_of(tb.tb_frame.f_code.co_filename)
        if owner is not None:
            owners.append(owner)
        tb = tb.tb_next
    return owners


def raised_by_parser(exc: BaseException) -> bool:
    """True when the exception came out of a library parsing the file, False when from muniflow."""
    if type(exc).__module__.split(".")[0] in PARSING_LIBRARIES:
        return True
    owners = _frame_owners(exc)
    return bool(owners) and owners[-1] != "muniflow"


def blame(exc: BaseException) -> str:
    """`corrupt_file` for a parsing library's exception, `internal_error` for anything of ours."""
    return CORRUPT_FILE if raised_by_parser(exc) else INTERNAL_ERROR
