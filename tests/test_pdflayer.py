"""A scanned PDF carrying the scanner's own text layer, read from that layer on the rules of its
picture (readers/pdflayer.py) when it is safe, by OCR otherwise."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pdfplumber
import pytest
from PIL import Image, ImageDraw, ImageFont

from muniflow import stages
from muniflow.intake import scan
from muniflow.intake.checked import read_checked
from muniflow.intake.limits import default_limits
from muniflow.model import LAYER_FORMAT, ReaderError
from muniflow.readers import ocr, pdflayer
from muniflow.readers.ocr_cells import Grid
from muniflow.readers.pdfobjects import fill_objects

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_tesseract = pytest.mark.skipif(
    ocr.missing() is not None or shutil.which("pdftoppm") is None or not FONT.exists(),
    reason=f"{ocr.missing() or 'pdftoppm or the DejaVu Sans font is missing'}: run `make tesseract` "
    "(a searchable scan is made by `tesseract … pdf`)",
)


def test_the_grid_found_in_pixels_becomes_lines_in_points_a_merged_cell_left_whole() -> None:
    # a 3-column table on a 1000 x 2000 px rendering of a 500 x 1000 pt page: 0.5 pt a pixel;
    # its second band one cell across the table (a heading), no column line inside it
    grid = Grid(
        xs=(100, 300, 600, 900),
        ys=(200, 260, 300, 400),
        spans=(((0, 0), (1, 1), (2, 2)), ((0, 2),), ((0, 0), (1, 2))),
    )
    verticals, horizontals = pdflayer.grid_lines(grid, (1000, 2000), (0.0, 0.0, 500.0, 1000.0))
    assert [(h["x0"], h["x1"], h["top"]) for h in horizontals] == [
        (50, 450, 100), (50, 450, 130), (50, 450, 150), (50, 450, 200),
    ]  # fmt: skip
    by_band = sorted((v["top"], v["bottom"], v["x0"]) for v in verticals)
    assert by_band == [
        (100, 130, 50), (100, 130, 150), (100, 130, 300), (100, 130, 450),  # every column line
        (130, 150, 50), (130, 150, 450),  # the heading: its sides only
        (150, 200, 50), (150, 200, 150), (150, 200, 450),  # the last two columns merged
    ]  # fmt: skip
    assert all(v["object_type"] == "line" and v["x0"] == v["x1"] for v in verticals)


def test_a_page_offset_moves_the_lines_with_it() -> None:
    grid = Grid(xs=(0, 100, 200), ys=(0, 50), spans=(((0, 0), (1, 1)),))
    verticals, horizontals = pdflayer.grid_lines(grid, (200, 100), (10.0, 20.0, 110.0, 70.0))
    assert sorted(v["x0"] for v in verticals) == [10, 60, 110]
    assert [h["top"] for h in horizontals] == [20, 45]


def test_a_layer_of_dictionary_words_passes_the_gate_and_a_garbled_one_does_not() -> None:
    minimum = pdflayer.settings().dictionary_share_min
    letters = pdflayer.settings().letters_min
    good = ["Фестиваль", "народного", "творчества", "«Дружба", "берегов»,", "г.", "Заозёрск,", "12", "мая"]
    garbled = ["Фсстнвзль", "нарслнсго", "тзорчсства", "«Лружоа", "бсрсгов»,", "т.", "Зазззрск,", "12", "мзя"]
    assert (pdflayer.dictionary_share(good, letters) or 0) >= minimum
    assert (pdflayer.dictionary_share(garbled, letters) or 0) < minimum
    assert pdflayer.dictionary_share(["12", "№", "—"], letters) is None, "no word to judge a layer by"


def _table(*cells: tuple[float, float, float, float]) -> SimpleNamespace:
    return SimpleNamespace(cells=list(cells))


def _word(x0: float, x1: float, top: float = 10, text: str = "слово") -> dict[str, object]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": top + 8, "text": text}


def test_words_running_over_their_cell_tell_a_layer_off_the_picture() -> None:
    table = _table((0, 0, 100, 30), (100, 0, 200, 30))
    inside = [_word(5, 60), _word(105, 190), _word(40, 101)]  # a point over: within the reach
    assert pdflayer.crossing_share(inside, [table], 2) == 0
    across = [_word(5, 60), _word(70, 130)]  # one of two runs into the next column
    assert pdflayer.crossing_share(across, [table], 2) == 0.5
    assert pdflayer.crossing_share([_word(300, 340)], [table], 2) == 0, "a word outside the table"


def test_a_rule_read_as_a_letter_is_found_on_the_line_a_word_or_a_number_is_not() -> None:
    line = {"x0": 100, "x1": 100, "top": 0, "bottom": 50}
    words = [
        _word(96, 98.5, text="|"),  # the line's box a little off it
        _word(99, 103, text="_|"),
        _word(99, 101, top=70, text="|"),  # under the line's end
        _word(99, 106, text="и"),
        _word(101, 104, text="1"),  # a row's number standing near the line
        _word(120, 122, text="|"),  # away from the line
    ]
    assert pdflayer.rule_glyphs(words, [line], 4) == words[:2]


def test_a_page_with_numbered_lines_is_told_from_a_letter() -> None:
    letter = [_word(50, 90, text="Направляем"), _word(95, 140, text="информацию"), _word(50, 60, 30, "1")]
    rows = [_word(40, 46, text="3."), _word(60, 120, text="Фестиваль"), _word(130, 160, text="г.")]
    assert not pdflayer.numbered_lines(letter), "a lone number (a page number) opens no row"
    assert pdflayer.numbered_lines(letter + [{**w, "top": 50, "bottom": 58} for w in rows])


def _draw_letter(path: Path) -> None:
    """A covering letter's page at 200 dpi, no table (invented)."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 30)
    lines = ["Администрация Заречной области", "Направляем информацию о международных мероприятиях",
             "муниципальных образований за второй квартал.", "Приложение на одном листе."]  # fmt: skip
    for k, line in enumerate(lines):
        draw.text((150, 300 + 60 * k), line, font=font, fill=0)
    page.save(path, dpi=(200, 200))


def _draw_report(path: Path, angle: float = 0.0, cover: bool = False) -> None:
    """A one-page report at 200 dpi: a title and a ruled table of two events (invented); with
    `cover`, a covering letter's page before it."""
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 30)
    draw.text((150, 150), "Информация о международных мероприятиях Заречной области", font=font, fill=0)
    draw.text((150, 200), "во II квартале 2031 года", font=font, fill=0)
    xs, ys = (150, 250, 800, 1200, 1500), (300, 380, 460, 540, 620)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    rows = [
        ("№", "Наименование мероприятия", "Место проведения", "Сроки"),
        ("", "Город Заозёрск", "", ""),
        ("1.", "Фестиваль народного творчества", "г. Заозёрск", "12.05.2031"),
        ("2.", "Выставка детского рисунка", "г. Заозёрск", "20.06.2031"),
    ]
    for top, row in zip(ys, rows, strict=False):
        if row[0] == "" and not row[2]:  # a heading across the table: no column line inside it
            draw.rectangle([xs[0] + 3, top + 3, xs[-1] - 3, top + 77], fill=255)
        for left, text in zip(xs, row, strict=False):
            draw.text((left + 12, top + 22), text, font=font, fill=0)
    if angle:
        page = page.rotate(angle, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page.save(path.with_suffix(".png"), dpi=(200, 200))
    pictures = path.with_suffix(".png")
    if cover:
        _draw_letter(path.with_suffix(".cover.png"))
        pictures = path.with_suffix(".txt")
        pictures.write_text(f"{path.with_suffix('.cover.png')}\n{path.with_suffix('.png')}\n")
    subprocess.run(
        ["tesseract", str(pictures), str(path.with_suffix("")), "-l", "rus", "pdf"],
        capture_output=True,
        check=True,
        timeout=120,
    )


@needs_tesseract
@pytest.mark.parametrize("cover", [False, True], ids=["table page", "a covering letter's page first"])
def test_a_searchable_scan_is_read_from_its_text_layer_on_the_rules_of_its_picture(
    tmp_path: Path, cover: bool
) -> None:
    _draw_report(tmp_path / "scan.pdf", cover=cover)
    read = stages.process_file(tmp_path / "scan.pdf")
    assert read.reason is None, read.message
    assert read.format == LAYER_FORMAT, "read from its layer, not by OCR again"
    assert read.report is not None
    rows = read.report.rows
    assert [r.seq_no for r in rows] == ["1", "2"] or [str(r.seq_no) for r in rows] == ["1", "2"]
    assert [r.place for r in rows] == ["г. Заозёрск", "г. Заозёрск"]
    assert all("Заозёрск" in (r.municipality_raw or "") for r in rows), "the heading across the table"
    reviews = [f for f in read.flags if f.rule == "ocr_review"]
    assert {f.row_index for f in reviews} == {r.row_index for r in rows}, "the scanner's OCR asks for review"
    assert all("text layer" in f.message for f in reviews)


@needs_tesseract
def test_a_searchable_scan_lying_askew_is_left_to_ocr(tmp_path: Path) -> None:
    _draw_report(tmp_path / "askew.pdf", angle=1.5)
    with pdfplumber.open(tmp_path / "askew.pdf") as pdf:
        page = pdf.pages[0]
        fill_objects(page)
        layer, why = pdflayer.read_layer(tmp_path / "askew.pdf", page)
    assert layer is None and "askew" in why


def test_a_file_reading_its_layer_for_too_long_is_out_of_time() -> None:
    limit = pdflayer.settings().seconds_max
    assert pdflayer.out_of_time(time.monotonic() - limit - 1)
    assert not pdflayer.out_of_time(time.monotonic())


@needs_tesseract
def test_a_long_searchable_scan_is_read_from_its_layer_in_a_worker_timed_per_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _draw_report(tmp_path / "long.pdf")
    hurried = replace(pdflayer.settings(), seconds_max=-1.0)  # as if its pages had taken all the time
    monkeypatch.setattr(pdflayer, "settings", lambda: hurried)
    with pytest.raises(ReaderError) as caught:
        read_checked(tmp_path / "long.pdf", default_limits())
    assert (caught.value.reason, caught.value.message) == ("needs_ocr", "pdflayer:1")
    doc = scan.read_scan(tmp_path / "long.pdf", default_limits(), "pdflayer")
    assert doc.format == LAYER_FORMAT and doc.cell_confidence, "its layer, with no budget there"


def test_a_rule_read_as_a_bar_glued_to_the_word_beside_it_is_found_on_the_line() -> None:
    """«|г. Энск», «|20 мая»: the scanner's OCR glues the line it read as «|» to the word; that
    glyph is found, the word's own letters are not, nor a bar away from a line."""
    line = {"x0": 100, "x1": 100, "top": 0, "bottom": 50}

    def chars(x0: float, text: str) -> list[dict]:
        return [
            {"x0": x0 + 3 * k, "x1": x0 + 3 * k + 3, "top": 10, "bottom": 18, "text": t}
            for k, t in enumerate(text)
        ]

    glued, away, plain = chars(99, "|г."), chars(150, "|20"), chars(101, "lгs")
    page = SimpleNamespace(chars=glued + away + plain)
    words = [_word(99, 108, text="|г."), _word(150, 159, text="|20"), _word(101, 110, text="lгs")]
    assert pdflayer.glued_rule_glyphs(page, words, [line], 4) == glued[:1]


def test_a_number_the_layer_lost_is_put_right_from_the_order_as_ocr_puts_it() -> None:
    """The scanner's OCR is OCR: a № it lost between 5 and 7 is 6, as in a table read by OCR; a
    heading merged across the table is no row of the sequence."""
    from muniflow.model import RawRow, RawTable
    from muniflow.readers.pdf import _cleaned

    cells = [("5.", "Ярмарка", "г. Энск"), ("", "Турнир", "с. Заречье"), (None, "Заречный район", None)]
    cells.append(("7.", "Концерт", "с. Заречье"))
    table = RawTable(
        ("№ п/п", "Наименование", "Место"),
        tuple(RawRow(c, f"page 2, row {k}") for k, c in enumerate(cells)),
        "pages 1-2",
    )
    column = [r.cells[0] for r in _cleaned(table).rows]
    assert column == ["5.", "6.", None, "7."]


def test_a_layer_reading_a_scans_specks_as_marks_fails_the_gate_and_a_clean_one_passes() -> None:
    maximum = pdflayer.settings().mark_share_max
    clean = "№ 1. Фестиваль «Дружба» – г. Заозёрск, 12 мая 2025 г. Делегация г. Гомеля (Беларусь), 5 чел."
    specked = "‘ Фестиваль . ° «Дружба» .-. ` г. Заозёрск, : 12 мая"
    assert (pdflayer.mark_share(clean.split()) or 0) <= maximum
    assert (pdflayer.mark_share(specked.split()) or 0) > maximum
