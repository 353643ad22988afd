"""A saved e-mail (.eml) with the report attached: its attachments read as if in the inbox.

Municipalities send reports by e-mail; an analyst who saves the letter itself («Сохранить как»)
puts an .eml in the inbox. It is unpacked like a ZIP archive (`intake.archive`): in a sandboxed
worker, each attachment copied out under a safe name and named in lineage `letter.eml!report.docx`,
the same limits on how many and how large. The letter's own text is no report and is not read. A
letter forwarded as an attachment (message/rfc822, «Переслать как вложение») is opened for its own
attachments, as deep as archives inside archives are (`archive.max_depth`).
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path, PurePosixPath

from muniflow.intake import guards
from muniflow.intake.archive import ArchiveLimits, Member, Unpacked, _safe_suffix
from muniflow.intake.inbox import is_litter
from muniflow.intake.limits import Limits
from muniflow.model import ReaderError

# A MIME message starts with header lines; one with attachments says it is multipart.
_HEADER_LINE = re.compile(rb"^(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*|[ \t][^\r\n]*)\r?$")
# «multipart/related» is a web page saved as one file (.mht, Word's «Web archive»): a document,
# read as such (readers/webarchive), not a letter with attachments.
_MULTIPART = re.compile(rb"^content-type:\s*multipart/(?!related)", re.IGNORECASE | re.MULTILINE)
_SNIFF_BYTES = 16384


def looks_like_email(path: Path) -> bool:
    """True when the file starts as a MIME message with parts (cheap, read in the parent): header
    lines up to the first blank line, one of them «MIME-Version», a «Content-Type: multipart/…»
    other than a saved web page's «multipart/related»."""
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    headers = head.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    lines = headers.split(b"\n")
    if len(lines) < 2 or not all(_HEADER_LINE.match(line) for line in lines if line.strip()):
        return False
    return b"mime-version:" in headers.lower() and _MULTIPART.search(headers) is not None


def unpack_email(path: Path, limits: Limits, dest: str) -> Unpacked:
    """What a worker runs: the message's attachments copied into `dest`. ReaderError when the
    message holds none (a letter without the report: nothing to read) or too many."""
    guards.check_file_size(path.stat().st_size, limits)
    with path.open("rb") as f:
        message = email.message_from_binary_file(f, policy=policy.default)
    if not isinstance(message, EmailMessage):
        raise ReaderError("corrupt_file", "the e-mail cannot be read; save the attachment itself and re-send")
    parts = _attachments(message, ArchiveLimits.load().max_depth)
    if not parts:
        raise ReaderError(
            "no_table_found",
            "the e-mail has no attachment; save the report attached to the letter (or ask for it) "
            "and put that file in the inbox",
        )
    if len(parts) > ArchiveLimits.load().max_members:
        raise ReaderError("too_large", f"the e-mail holds {len(parts)} attachments; save them one by one")
    members, skipped = [], []
    for index, part in enumerate(parts):
        name = PurePosixPath((part.get_filename() or "").replace("\\", "/")).name or f"attachment{index}"
        if is_litter(PurePosixPath(name)):
            skipped.append(name)
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        if payload:  # an empty attachment is read (and refused) as the inbox's empty file would be
            guards.check_file_size(len(payload), limits)
        target = Path(dest) / f"{index:04d}{_safe_suffix(name)}"
        target.write_bytes(payload)
        members.append(Member(name, str(target)))
    return Unpacked(tuple(members), tuple(skipped))


def _attachments(message: EmailMessage, depth: int) -> list[EmailMessage]:
    """The message's attached files, those of a letter attached to it (forwarded) included, down to
    `depth` letters deep."""
    found: list[EmailMessage] = []
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage):
            continue
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            letters = inner if isinstance(inner, list) else [inner]
            if depth > 1:
                for letter in letters:
                    if isinstance(letter, EmailMessage):
                        found += _attachments(letter, depth - 1)
            continue
        if part.get_filename():
            found.append(part)
    return found
