"""Scans and photos read by OCR: one rasterized sample page, skewed, read back against its DOCX.

Kept to one page (Tesseract takes tens of seconds a page on a busy machine); the corpus of
degradations and the accuracy figures are in bench/scans.py.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest
from extraction import extract_file

from muniflow import stages
from muniflow.intake import convert, scan
from muniflow.readers import docx_pictures, ocr, ocr_orient

SAMPLES = Path(__file__).resolve().parents[1] / "sample_inputs"
needs_tesseract = pytest.mark.skipif(
    ocr.missing() is not None or subprocess.run(["which", "pdftoppm"], capture_output=True).returncode != 0,
    reason=f"{ocr.missing() or 'pdftoppm is missing'}: run `make tesseract` (tests of OCR need it)",
)

CLEAN = [
    # (OCR text, expected, why)
    ("в П квартале 2024 года", "в II квартале 2024 года", "Cyrillic П for the Roman II"),
    ("Ш Международный форум", "III Международный форум", "Cyrillic Ш for III"),
    ("Il Всероссийский конкурс", "II Всероссийский конкурс", "Latin l for I"),
    ("1 участник", "1 участник", "a digit alone is a number, not a numeral"),
    ("З", "3", "a lone № read as Cyrillic Ze"),
    ("1О.", "10.", "a № with Cyrillic O for zero"),
    ("П. Иванов", "П. Иванов", "an initial stays"),
    ("30 марта — 2 апреля", "30 марта – 2 апреля", "em dash as the en dash Word writes"),
    ("встреча с ПОИСКОВЫМИ отрядами", "встреча с поисковыми отрядами", "lower case misread as capitals"),
    ("преподавателей ДМШ, ДШИ", "преподавателей ДМШ, ДШИ", "abbreviations stay capitals"),
    ("прелестный...»", "прелестный…»", "three dots as the ellipsis Word writes"),
    ("„Дружба“", "«Дружба»", "low-high quotes as guillemets"),
    ("художественно-\nмузыкального", "художественно-музыкального", "a compound wrapped at its hyphen"),
]


@pytest.mark.parametrize(("text", "expected", "why"), CLEAN, ids=[c[2] for c in CLEAN])
def test_clean_fixes_ocr_slips(text: str, expected: str, why: str) -> None:
    assert ocr.clean(text) == expected, why


def _page(tmp_path: Path, dpi: int, angle: float) -> np.ndarray:
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", "1", "-l", "1",
         str(SAMPLES / "smolensk_2024_q2.pdf"), str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    gray = cv2.imread(str(tmp_path / "page.png"), cv2.IMREAD_GRAYSCALE)
    h, w = gray.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, turn, (w, h), borderValue=255)


def _save_heic(path: Path, picture: np.ndarray) -> None:
    """A picture saved as an iPhone saves its photos (HEIC, HEVC-coded)."""
    import pillow_heif
    from PIL import Image

    rgb = cv2.cvtColor(picture, cv2.COLOR_GRAY2RGB if picture.ndim == 2 else cv2.COLOR_BGR2RGB)
    pillow_heif.from_pillow(Image.fromarray(rgb)).save(str(path), quality=80)


@needs_tesseract
@pytest.mark.parametrize("suffix", [".jpg", ".heic"])
def test_a_skewed_photo_of_the_first_page_reads_as_the_docx(tmp_path: Path, suffix: str) -> None:
    photo = tmp_path / f"photo{suffix}"
    if suffix == ".heic":
        _save_heic(photo, _page(tmp_path, 200, 2.0))
    else:
        cv2.imwrite(str(photo), _page(tmp_path, 200, 2.0), [cv2.IMWRITE_JPEG_QUALITY, 80])
    read = stages.process_file(photo)
    truth = extract_file(SAMPLES / "smolensk_2024_q2.docx").report
    assert read.reason is None, read.message
    assert read.report is not None and truth is not None
    assert read.format == "image_ocr"
    assert (read.report.period, read.report.region) == (truth.period, truth.region)
    rows = read.report.rows
    expected = truth.rows[: len(rows)]
    assert [r.seq_no for r in rows] == [r.seq_no for r in expected] and rows, "every row of the page found"
    assert [(r.start_date, r.end_date) for r in rows] == [(r.start_date, r.end_date) for r in expected]
    assert [r.place for r in rows] == [r.place for r in expected]
    reviewed = {f.row_index for f in read.flags if f.rule == "ocr_review" and f.severity == "warning"}
    assert reviewed == {r.row_index for r in rows}, "every OCR'd row is flagged for review"


def _docx_with_pictures(path: Path, title: str, pictures: list[tuple[np.ndarray, float]]) -> None:
    """A Word document as an office makes one around a scan: a typed title, then pictures pasted
    in, each shown `inches` wide."""
    from docx import Document
    from docx.shared import Inches

    document = Document()
    document.add_paragraph(title)
    for number, (picture, inches) in enumerate(pictures):
        image = path.parent / f"{path.stem}-{number}.png"
        cv2.imwrite(str(image), picture)
        document.add_picture(str(image), width=Inches(inches))
    document.save(str(path))


def test_a_pasted_scan_is_taken_and_a_logo_left_out_each_on_a4_at_its_resolution(tmp_path: Path) -> None:
    logo = np.zeros((200, 200), np.uint8)
    scan_part = np.full((600, 1300), 200, np.uint8)  # a table cropped from a scan, shown 6.5 in wide
    _docx_with_pictures(tmp_path / "r.docx", "Отчёт", [(logo, 1.0), (scan_part, 6.5)])
    (page,) = docx_pictures.page_pictures(tmp_path / "r.docx", ocr.settings().docx_picture_min_inches)
    assert round(ocr.effective_dpi(page)) == 200, "1300 px over 6.5 in: an A4 sheet at 200 dpi"
    assert (page == 200).sum() == scan_part.size and (page == 255).sum() == page.size - scan_part.size


def test_a_docx_with_no_table_and_only_a_logo_is_still_no_table_found(tmp_path: Path) -> None:
    _docx_with_pictures(tmp_path / "letter.docx", "Письмо", [(np.zeros((300, 300), np.uint8), 1.5)])
    assert stages.process_file(tmp_path / "letter.docx").reason == "no_table_found"


@needs_tesseract
def test_a_docx_with_no_table_and_coarse_pictures_says_it_holds_no_table(tmp_path: Path) -> None:
    """Text and screenshots, shown as big as a pasted scan but about 90 dpi: no table to read, not a
    scan to send again."""
    screenshot = np.full((760, 600), 230, np.uint8)
    _docx_with_pictures(tmp_path / "plan.docx", "План работы", [(screenshot, 6.5)])
    outcome = stages.process_file(tmp_path / "plan.docx")
    assert outcome.reason == "no_table_found"
    assert "holds no table" in (outcome.message or "") and "dpi" in (outcome.message or "")


def test_a_big_picture_opencv_cannot_decode_is_no_pasted_scan(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Inches
    from PIL import Image

    Image.new("L", (1200, 1700), 255).save(tmp_path / "drawing.gif")
    document = Document()
    document.add_picture(str(tmp_path / "drawing.gif"), width=Inches(6.5))
    document.save(str(tmp_path / "gif.docx"))
    assert docx_pictures.scan_count(tmp_path / "gif.docx", ocr.settings().docx_picture_min_inches) == 0
    assert stages.process_file(tmp_path / "gif.docx").reason == "no_table_found"


@needs_tesseract
def test_a_docx_holding_its_report_as_a_pasted_scan_reads_as_the_docx(tmp_path: Path) -> None:
    title = (
        "Информация о международных мероприятиях, проведённых в Смоленской области во II квартале 2024 года"
    )
    _docx_with_pictures(tmp_path / "pasted.docx", title, [(_page(tmp_path, 200, 0.5), 7.0)])
    read = stages.process_file(tmp_path / "pasted.docx")
    truth = extract_file(SAMPLES / "smolensk_2024_q2.docx").report
    assert read.reason is None, read.message
    assert read.report is not None and truth is not None and read.format == "docx_ocr"
    assert read.report.period == truth.period
    rows = read.report.rows
    assert [r.seq_no for r in rows] == [r.seq_no for r in truth.rows[: len(rows)]] and rows
    assert [r.place for r in rows] == [r.place for r in truth.rows[: len(rows)]]


@needs_tesseract
@pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice is missing: run `make libreoffice`")
def test_an_odt_holding_its_report_as_a_pasted_scan_is_converted_and_read(tmp_path: Path) -> None:
    _docx_with_pictures(tmp_path / "pasted.docx", "Отчёт", [(_page(tmp_path, 200, 0.0), 7.0)])
    subprocess.run(
        [str(convert.soffice()), "--headless", "--convert-to", "odt", "--outdir", str(tmp_path / "odt"),
         str(tmp_path / "pasted.docx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    read = stages.process_file(tmp_path / "odt" / "pasted.odt")
    assert read.reason is None, read.message
    assert read.format == "odt_ocr" and read.report is not None and read.report.rows


def test_a_heic_photo_decodes_to_its_picture_in_colour(tmp_path: Path) -> None:
    picture = np.full((60, 90, 3), 255, np.uint8)
    picture[10:40, 20:50] = (0, 0, 200)  # a red stamp (BGR) on white
    _save_heic(tmp_path / "p.heic", picture)
    (page,) = ocr.image_pages(tmp_path / "p.heic")
    assert page.shape == picture.shape
    assert np.abs(page.astype(int) - picture.astype(int)).mean() < 8, "lossy, but the same picture"


def test_a_damaged_heic_is_refused_saying_what_to_send(tmp_path: Path) -> None:
    broken = tmp_path / "photo.heic"
    broken.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(200))
    read = stages.process_file(broken)
    assert read.reason == "corrupt_file" and "JPEG" in (read.message or ""), read.message


TURNS = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}


@needs_tesseract
@pytest.mark.parametrize("turned", [90, 180, 270])
def test_a_page_lying_sideways_or_upside_down_is_found_so(tmp_path: Path, turned: int) -> None:
    """The turn that puts the page upright is the one it was turned by, the other way round; an
    upright page needs none."""
    page = _page(tmp_path, 200, 0.0)
    upright = ocr_orient.orientation(page, 200, 60)
    assert upright is not None and upright[0] == 0
    found = ocr_orient.orientation(cv2.rotate(page, TURNS[turned]), 200, 60)
    assert found is not None and found[0] == (360 - turned) % 360
    assert found[1] >= ocr.settings().orientation_confidence_min


@needs_tesseract
def test_a_scan_lying_sideways_reads_as_the_docx(tmp_path: Path) -> None:
    """A page scanned sideways (a landscape table on a portrait flatbed) is read upright: before,
    its grid was found, its rows were the table's columns and the report came out mangled."""
    scan = tmp_path / "sideways.png"
    cv2.imwrite(str(scan), cv2.rotate(_page(tmp_path, 200, 0.0), cv2.ROTATE_90_CLOCKWISE))
    read = stages.process_file(scan)
    truth = extract_file(SAMPLES / "smolensk_2024_q2.docx").report
    assert read.reason is None, read.message
    assert read.report is not None and truth is not None
    assert (read.report.period, read.report.region) == (truth.period, truth.region)
    rows = read.report.rows
    expected = truth.rows[: len(rows)]
    assert [r.seq_no for r in rows] == [r.seq_no for r in expected] and rows, "every row of the page found"
    assert [(r.start_date, r.end_date) for r in rows] == [(r.start_date, r.end_date) for r in expected]


@needs_tesseract
@pytest.mark.parametrize("suffix", [".png", ".webp", ".bmp"])
def test_a_coarse_scan_is_refused_before_it_is_read(tmp_path: Path, suffix: str) -> None:
    """Decoded whatever the picture format (a WebP from a messenger, a bitmap), then judged."""
    coarse = tmp_path / f"coarse{suffix}"
    cv2.imwrite(str(coarse), _page(tmp_path, 100, 0.0))
    outcome = stages.process_file(coarse)
    assert outcome.reason == "low_resolution"
    assert "200-300 dpi" in (outcome.message or "")


def test_without_tesseract_a_picture_is_quarantined_with_how_to_enable_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "missing", lambda: f"Tesseract is not installed; {ocr.INSTALL_HINT}")
    err = scan.needs_ocr(tmp_path / "photo.jpg", "image")
    assert err.reason == "unsupported_format"
    assert "tesseract-ocr-rus" in err.message
    assert scan.needs_ocr(tmp_path / "scan.pdf", "pdf").reason == "no_text_layer"
