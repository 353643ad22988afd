"""Regenerate every sample report in sample_inputs/ and the gold files of the invented ones.

    .venv/bin/python sample_inputs/make_samples.py [--no-pdf]

What it writes, from sources in this repository only:
- smolensk_2024_q2.docx: a faithful Word reconstruction of the seed report, built from
  sources/smolensk_2024_q2.seed.txt (the plain-text rendering of the original Word file);
  checked, before anything is written, against ../shared/gold/smolensk_2024_q2.gold.json when
  that file is present.
- invented_pskov_2024_q3.docx, invented_tver_2024_q4.docx: reports whose content is INVENTED
  (made up for testing, not real documents) in other templates, with planted defects; their
  expected records go to tests/golden/<stem>.gold.json, written from the same rows that build
  the documents (never edit those gold files by hand).
- <stem>.pdf for each: the DOCX converted by LibreOffice.

Regenerating the PDFs needs LibreOffice (`soffice`) and the Liberation fonts
(`apt-get install -y libreoffice-writer fonts-liberation`): the documents ask for Times New
Roman, which LibreOffice replaces by the metric-compatible Liberation Serif. Neither is needed
to run the tests, which only read the committed files. DOCX and gold bytes are deterministic;
PDF bytes differ between runs only in LibreOffice's creation date and document id.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from samplegen import invented_pskov, invented_tver  # noqa: E402
from samplegen.gold import write_gold  # noqa: E402
from samplegen.invented_docx import build_invented_docx  # noqa: E402
from samplegen.seed_docx import build_seed_docx, seed_mismatches  # noqa: E402
from samplegen.seed_text import parse_seed  # noqa: E402

SEED_TEXT = HERE / "sources" / "smolensk_2024_q2.seed.txt"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "smolensk_2024_q2.gold.json"
GOLDEN = ROOT / "tests" / "golden"
INVENTED = (invented_pskov, invented_tver)


def make_seed_docx() -> Path:
    """Build the seed reconstruction, refusing to write it if it disagrees with the seed's gold."""
    seed = parse_seed(SEED_TEXT.read_text(encoding="utf-8"))
    if SEED_GOLD.is_file():
        problems = seed_mismatches(seed, json.loads(SEED_GOLD.read_text(encoding="utf-8")))
        if problems:
            raise SystemExit("seed reconstruction disagrees with its gold:\n  " + "\n  ".join(problems))
        print(f"seed: {sum(len(r) > 1 for r in seed.rows)} rows match {SEED_GOLD.name}")
    else:
        print(f"seed: {SEED_GOLD} not found, gold check skipped")
    path = HERE / "smolensk_2024_q2.docx"
    build_seed_docx(seed, path)
    return path


def make_invented() -> list[Path]:
    """Build each invented report and write its gold file from the same rows."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    paths = []
    for module in INVENTED:
        template = module.TEMPLATE
        path = HERE / f"{template.stem}.docx"
        build_invented_docx(template, module.ROWS, path)
        write_gold(GOLDEN / f"{template.stem}.gold.json", module.ROWS, template.first_day, template.last_day)
        print(f"{template.stem}: {len(module.ROWS)} rows (INVENTED content), gold written")
        paths.append(path)
    return paths


def to_pdf(docx_paths: list[Path]) -> None:
    """Convert each DOCX to PDF beside it with LibreOffice, in a private profile (safe in parallel)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit(
            "soffice (LibreOffice) not found: it is needed only to regenerate the PDFs "
            "(apt-get install -y libreoffice-writer fonts-liberation), never for the tests; "
            "rerun with --no-pdf to rebuild the DOCX and gold files alone."
        )
    with tempfile.TemporaryDirectory(prefix="muniflow-samples-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", tmp, *map(str, docx_paths)]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=600)
        for docx_path in docx_paths:
            shutil.move(Path(tmp, docx_path.with_suffix(".pdf").name), docx_path.with_suffix(".pdf"))
            print(f"{docx_path.with_suffix('.pdf').name} written")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF conversion")
    args = parser.parse_args(argv)
    docx_paths = [make_seed_docx(), *make_invented()]
    if not args.no_pdf:
        to_pdf(docx_paths)
    return 0


if __name__ == "__main__":
    sys.exit(main())
