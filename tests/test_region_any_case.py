"""A file loaded with no region read says so in the summary, with how to give it (cli.py
`print_summary`)."""

from __future__ import annotations


def test_a_loaded_file_with_no_region_says_so(capsys):
    """The summary tells the analyst a loaded file's region was not read and how to give it."""
    from muniflow.cli import print_summary

    line = {"rows_extracted": 3, "rows_loaded": 3, "rows_quarantined": 0, "seen_before": False}
    files = [
        {**line, "file": "a.docx", "status": "loaded", "reason": None, "message": "", "region": None},
        {
            **line,
            "file": "b.docx",
            "status": "loaded",
            "reason": None,
            "message": "",
            "region": "Энский край",
        },
    ]
    print_summary({"run_id": "r1", "files": files, "report": None})
    out = capsys.readouterr().out.splitlines()
    at = next(i for i, text in enumerate(out) if text.endswith("a.docx"))
    assert "region not read" in out[at + 1] and "--region" in out[at + 1]
    assert sum("region not read" in text for text in out) == 1
