"""Finding one theme by id or name is a query, not a scan of every theme."""

from __future__ import annotations

from pathlib import Path

from briefer.session import Session


def test_a_theme_by_id_and_by_name(tmp_path: Path) -> None:
    with Session.create(tmp_path / "p.briefer") as session:
        trade = session.theme_named(" trade ")
        assert trade is not None and trade.id is not None
        assert session.theme(trade.id) == trade
        assert [t for t in session.query.list_themes() if t.id == trade.id] == [trade]
        assert session.theme(None) is None
        assert session.theme(10_000) is None
        assert session.theme_named("No such theme") is None
