"""`briefer import` names an article much like one already in the project, in text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.cli import main

DATA = Path(__file__).parent / "data" / "likeness"
TITLE = "Varna reopens grain terminal after three-month closure"


def test_import_reports_a_near_copy_in_json_and_in_plain_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = str(tmp_path / "brief.briefer")
    assert main(["new", project]) == 0
    assert main(["import", project, str(DATA / "varna-web.html"), "--json"]) == 0
    capsys.readouterr()

    assert main(["import", project, str(DATA / "varna.docx"), "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)["results"]
    assert result["status"] == "imported" and result["article_id"] == 2
    assert result["much_like"] == {"article_id": 1, "title": TITLE, "percent": 97, "part": False}
    assert result["note"] == (f"Much like “{TITLE}” (article 1), already in the project: "
                              "97% of this text is in it.")  # fmt: skip

    assert main(["import", project, str(DATA / "smelter-herald.txt"), "--json"]) == 0
    [other] = json.loads(capsys.readouterr().out)["results"]
    assert other["note"] == "" and other["much_like"] is None

    main(["new", str(tmp_path / "other.briefer")])
    main(["import", str(tmp_path / "other.briefer"), str(DATA / "varna.docx")])
    capsys.readouterr()
    assert main(["import", str(tmp_path / "other.briefer"), str(DATA / "varna-web.html")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("imported ") and "varna-web.html  #2 " in lines[0]
    assert lines[1].split()[:2] == ["note:", "Much"] and "(article 1)" in lines[1]
    assert lines[1].endswith("of that article's text is in this one.")
    assert (
        lines[2]
        == "1 imported (1 much like an article already there), 0 already in the project, 0 failed."
    )
