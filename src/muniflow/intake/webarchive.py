"""A web archive (`.mht`, Word's «Single File Web Page», a browser's saved page): its HTML page.

The archive is a MIME message whose parts are the page and what it shows (pictures, styles).
LibreOffice does not read the archive itself, so the page's HTML is taken out as its bytes (in
the charset its own <meta> names) and converted like any HTML page; the other parts are left out.
"""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from muniflow.model import ReaderError

_NO_PAGE = "a web archive (.mht) that holds no HTML page; open it in Word, save it as .docx and send it again"


def archived_page(path: Path) -> bytes:
    """The HTML bytes of the archive's first text/html part (transfer encoding undone).

    Raises:
        ReaderError: `unsupported_format` when no part is an HTML page.
    """
    with path.open("rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload
    raise ReaderError("unsupported_format", _NO_PAGE)
