"""Generate (or reuse) a benchmark corpus: N DOCX and M PDF distinct reports in one inbox folder.

    .venv/bin/python -m bench.corpus --docx 60 --pdf 60 --pages 6

PDFs are converted by LibreOffice in a few batches (one `soffice` start per batch, batches run in
parallel on the cores, each with a private profile). soffice is only a generation-time tool: a
corpus is written once under bench/corpus/<key>/ and reused while its parameters are the same.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.reports import ReportSpec, plan_reports, write_docx

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
GENERATOR_VERSION = 1  # bump when reports.py changes what it writes, so cached corpora are rebuilt
MANIFEST = "manifest.json"
# The shape of real reports (the `real` corpus): 10-45 rows, 2-15 pages each.
REAL_ROWS = (10, 45)
REAL_PAGES = (2, 15)


@dataclass(frozen=True)
class CorpusFile:
    """One report of the inbox and what the benchmark counts of it."""

    name: str
    format: str
    template: str
    rows: int
    pages: int | None  # PDF pages; None for DOCX (Word has no pages until it is rendered)
    sha256: str


@dataclass(frozen=True)
class Corpus:
    """An inbox of generated reports and its manifest."""

    inbox: Path
    params: dict[str, int]
    files: tuple[CorpusFile, ...]

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def pages(self) -> int:
        return sum(f.pages or 0 for f in self.files)

    def paths(self, fmt: str | None = None) -> list[Path]:
        return [self.inbox / f.name for f in self.files if fmt in (None, f.format)]


def corpus_key(params: dict[str, int]) -> str:
    """A folder name that changes whenever the parameters or the generator do."""
    digest = hashlib.sha256(json.dumps({**params, "v": GENERATOR_VERSION}, sort_keys=True).encode())
    prefix = "real-" if params.get("real") else ""
    return prefix + "d{docx}-p{pdf}-pg{pages}-s{seed}-".format(**params) + digest.hexdigest()[:8]


def sha256_of(path: Path) -> str:
    """The file's content hash (what makes two reports distinct for the pipeline)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pdf_pages(path: Path) -> int:
    """Page count from the PDF's page tree (pdfplumber opens pages lazily: no parsing)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def convert_to_pdf(docx_paths: list[Path], out_dir: Path, batches: int | None = None) -> None:
    """Convert DOCX files to PDF into out_dir: one soffice per batch, batches in parallel."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit(
            "soffice (LibreOffice) is needed to generate PDFs: apt-get install -y libreoffice-writer"
        )
    batches = max(1, min(batches or os.cpu_count() or 1, len(docx_paths)))
    chunks = [docx_paths[k::batches] for k in range(batches)]

    def run(chunk: list[Path]) -> None:
        with tempfile.TemporaryDirectory(prefix="muniflow-bench-") as tmp:
            profile = Path(tmp, "profile").as_uri()  # a private profile: parallel soffice runs don't clash
            command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                       "--outdir", str(out_dir), *map(str, chunk)]  # fmt: skip
            subprocess.run(command, check=True, capture_output=True, timeout=3600)

    with ThreadPoolExecutor(batches) as pool:
        list(pool.map(run, chunks))


def _entry(spec: ReportSpec, path: Path, fmt: str) -> CorpusFile:
    pages = pdf_pages(path) if fmt == "pdf" else None
    return CorpusFile(path.name, fmt, spec.template, len(spec.rows), pages, sha256_of(path))


def build_corpus(
    root: Path, docx: int, pdf: int, pages: int, seed: int, with_pdf: bool = True, real: bool = False
) -> Corpus:
    """Write a fresh corpus under root: inbox/ holds the reports, pdf_src/ the PDFs' Word sources.
    `real`: reports shaped like real ones (REAL_ROWS rows, REAL_PAGES pages) instead of dense ones."""
    params = {"docx": docx, "pdf": pdf, "pages": pages, "seed": seed, **({"real": 1} if real else {})}
    inbox, src = root / "inbox", root / "pdf_src"
    inbox.mkdir(parents=True, exist_ok=True)
    shape = {"rows": REAL_ROWS, "pages_span": REAL_PAGES} if real else {}
    docx_specs = plan_reports(docx, pages, seed, **shape)  # type: ignore[arg-type]
    pdf_specs = plan_reports(pdf, pages, seed, offset=docx, **shape)  # type: ignore[arg-type]
    files = [_entry(s, write_docx(s, inbox / f"{s.stem}.docx"), "docx") for s in docx_specs]
    if pdf_specs and with_pdf:
        src.mkdir(exist_ok=True)
        sources = [write_docx(s, src / f"{s.stem}.docx") for s in pdf_specs]
        convert_to_pdf(sources, inbox)
        files += [_entry(s, inbox / f"{s.stem}.pdf", "pdf") for s in pdf_specs]
    corpus = Corpus(inbox, params, tuple(files))
    manifest = {"params": params, "generator_version": GENERATOR_VERSION, "files": [asdict(f) for f in files]}
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return corpus


def load_corpus(root: Path) -> Corpus | None:
    """The corpus under root if its manifest and every file it lists are there, else None."""
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = tuple(CorpusFile(**f) for f in manifest["files"])
    inbox = root / "inbox"
    if manifest.get("generator_version") != GENERATOR_VERSION or not all(
        (inbox / f.name).is_file() for f in files
    ):
        return None
    return Corpus(inbox, manifest["params"], files)


def ensure_corpus(
    docx: int, pdf: int, pages: int, seed: int = 1, base: Path = CORPUS_DIR, real: bool = False
) -> Corpus:
    """The corpus of these parameters: reused when already generated, else built (needs soffice for PDFs)."""
    params = {"docx": docx, "pdf": pdf, "pages": pages, "seed": seed, **({"real": 1} if real else {})}
    root = base / corpus_key(params)
    cached = load_corpus(root)
    if cached is not None:
        return cached
    shutil.rmtree(root, ignore_errors=True)
    return build_corpus(root, docx, pdf, pages, seed, real=real)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate (or reuse) a benchmark corpus of invented reports."
    )
    parser.add_argument("--docx", type=int, default=60, help="DOCX reports (default 60)")
    parser.add_argument("--pdf", type=int, default=60, help="PDF reports (default 60)")
    parser.add_argument("--pages", type=int, default=6, help="about how many pages a report prints to")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    args = parser.parse_args(argv)
    corpus = ensure_corpus(args.docx, args.pdf, args.pages, args.seed)
    pdf_pages_seen = sorted({f.pages for f in corpus.files if f.pages})
    print(f"{corpus.inbox}: {len(corpus.files)} files, {corpus.rows} rows, PDF pages {pdf_pages_seen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
