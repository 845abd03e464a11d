"""Memory stays bounded on the huge inputs the stated limits allow (README, "Limits").

Each import runs in a child process so its peak resident memory can be read on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.child_import import LIMIT_MB, import_in_child, needs_proc

pytestmark = needs_proc


@pytest.mark.slow
def test_a_10_mb_page_of_flat_tables_stays_under_500_mb(tmp_path: Path) -> None:
    page = tmp_path / "table-dump.html"
    with page.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>Port calls</title></head><body><table>")
        row = 0
        while out.tell() < 10 * 1024 * 1024:
            out.write("<tr>" + "".join(f"<td>call {row} {c}</td>" for c in range(8)) + "</tr>")
            row += 1
        out.write("</table></body></html>")
    result = import_in_child(page)
    assert result["blocks"] >= row  # every row kept
    assert result["peak_mb"] < LIMIT_MB, result


@pytest.mark.slow
def test_60_mb_of_one_line_text_stays_under_500_mb(tmp_path: Path) -> None:
    source = tmp_path / "one-line.txt"
    sentence = "Harbour workers in Oranmore agreed a contract after talks on Tuesday. "
    with source.open("w", encoding="utf-8") as out:
        chunk = sentence * 10_000
        while out.tell() < 60 * 1024 * 1024:
            out.write(chunk)
    result = import_in_child(source)
    assert result["chars"] > 60 * 1024 * 1024 - 1000
    assert result["peak_mb"] < LIMIT_MB, result
