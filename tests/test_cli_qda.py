"""`briefer qda export|import` as an analyst runs them: real files, one-line errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from briefer.cli import main
from tests.exchange.qda_data import (
    assert_valid,
    atlas_qdpx,
    codebook_schema,
    project_schema,
    tagged_project,
)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_valid_files_and_says_what_it_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tagged = tagged_project(tmp_path / "a.briefer")
    code, out, err = run(capsys, "qda", "export", tagged.path, "-o", tmp_path / "out.qdpx")
    assert code == 0, err
    assert out.strip() == (
        f"Exported 7 themes, 1 article and 4 passages to {tmp_path / 'out.qdpx'}."
    )
    with zipfile.ZipFile(tmp_path / "out.qdpx") as archive:
        assert_valid(project_schema(), archive.read("project.qde"))
    code, out, err = run(capsys, "qda", "export", tagged.path, "-o", tmp_path / "t.qdc", "--json")
    assert code == 0, err
    assert json.loads(out)["codebook_only"] is True
    assert_valid(codebook_schema(), (tmp_path / "t.qdc").read_bytes())


def test_import_reports_in_text_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.briefer"
    assert run(capsys, "new", project)[0] == 0
    atlas = atlas_qdpx(tmp_path / "atlas.qdpx")
    code, out, err = run(capsys, "qda", "import", project, atlas, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["passages_added"] == 5 and report["articles_added"] == 1
    assert report["left_out"]["picture sources"] == 1
    assert set(report["themes_added"]) >= {"Feelings", "happiness", "delight", "Economy"}
    code, out, err = run(capsys, "passages", project, "--theme", "delight", "--json")
    assert [p["text"] for p in json.loads(out)] == ["such joy 😀"]
    code, out, err = run(capsys, "qda", "import", project, atlas)
    assert code == 0, err
    assert out.startswith("Imported from atlas.qdpx: 0 new themes, 0 new articles, 0 passages")
    assert "Not imported (Briefer cannot hold them): " in out


def test_bad_input_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.briefer"
    assert run(capsys, "new", project)[0] == 0
    before = run(capsys, "info", project, "--json")[1]
    bad = tmp_path / "bad.qdpx"
    with zipfile.ZipFile(bad, "w") as out:
        out.writestr("../escape.txt", "x")
    for args, exit_code in (
        (("qda", "import", project, bad), 1),
        (("qda", "import", project, tmp_path / "none.qdpx"), 1),
        (("qda", "import", project, bad, "--bogus"), 2),
        (("qda", "export", project, "-o", tmp_path / "x.zip"), 1),
        (("qda", "export", project), 2),
        (("qda",), 2),
    ):
        code, out, err = run(capsys, *args)
        assert code == exit_code, (args, err)
        assert err.startswith("briefer: ") and err.count("\n") == 1, err
    assert run(capsys, "info", project, "--json")[1] == before
    assert not (tmp_path / "x.zip").exists()
