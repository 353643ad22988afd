"""HEIC/HEIF photos (an iPhone camera's format), decoded to pictures OCR reads like any photo.

libheif comes inside the pillow-heif wheel (its HEVC decoder, libde265, included), so no system
package is needed. The container's rotation and mirroring are applied, as a phone shows the photo.
An image kind libheif cannot decode here (AVIF: no AV1 decoder in the wheel) is refused with what
to send instead.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from muniflow.model import ReaderError

_RESEND = (
    "send the photo as JPEG instead (iPhone: Settings > Camera > Formats > Most Compatible), "
    "or the report as .docx"
)


def is_heif(path: Path) -> bool:
    """Whether a file is an ISO media file holding HEIF pictures (what its first bytes say)."""
    from muniflow.intake.sniff import is_heif_head, read_head

    return is_heif_head(read_head(path))


def heif_count(path: Path) -> int:
    """How many pictures a HEIF file holds, without decoding them (at least 1)."""
    try:
        import pillow_heif

        return max(1, len(pillow_heif.open_heif(str(path))))
    except (ImportError, ValueError, RuntimeError, OSError):
        return 1  # reading it says why


def heif_pages(path: Path) -> list[np.ndarray]:
    """Every picture of a HEIF file, in colour (BGR, as OpenCV holds it), the primary one first."""
    try:
        import pillow_heif
    except ImportError as exc:  # the wheel is a dependency; a trimmed install may lack it
        raise ReaderError(
            "unsupported_format", f"a HEIC/HEIF photo, and pillow-heif is not installed here; {_RESEND}"
        ) from exc
    try:
        pictures = pillow_heif.open_heif(str(path), convert_hdr_to_8bit=True)
        pages = []
        for picture in pictures:
            rgb = np.asarray(picture.to_pillow().convert("RGB"))
            pages.append(np.ascontiguousarray(rgb[:, :, ::-1]))
    except (ValueError, RuntimeError, OSError) as exc:  # libheif's errors come as these
        why = f"the HEIC/HEIF photo cannot be decoded ({exc}); {_RESEND}"
        raise ReaderError("corrupt_file", why) from exc
    if not pages:
        raise ReaderError("corrupt_file", f"the HEIC/HEIF file holds no picture; {_RESEND}")
    return pages
