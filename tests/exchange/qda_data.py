"""What the REFI-QDA tests share: the schemas, the ATLAS.ti-style fixture, a tagged project."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from briefer.core.model import Article, Theme
from briefer.core.record import Record
from briefer.session import AddThemeCommand, Session, TagPassageCommand
from tests.private_store import store_of

DATA = Path(__file__).resolve().parent.parent / "data" / "refi-qda"

# Text that counts differently in code points, UTF-16 units and bytes: an emoji with a
# skin-tone modifier, a flag (two regional indicators), e + combining acute, CJK.
TRICKY_TEXT = (
    "Ports and tariffs\n\n"
    "The minister 👍🏽 said the élan of trade with 🇫🇷 was back.\n\n"
    "Energy: 北京 signed a gas deal; the naïve plan fell through."
)


def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "Project-mrt2019.xsd")))


def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "Codebook-mrt2019.xsd")))


def assert_valid(schema: etree.XMLSchema, data: bytes) -> None:
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log


def atlas_qdpx(target: Path) -> Path:
    """The hand-written ATLAS.ti-style project zipped as ATLAS.ti does: ``Project.qde``
    at the root, texts under ``Sources/`` with upper-case names."""
    folder = DATA / "atlas-style"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


class Tagged(Record):
    path: Path
    article_id: int
    spans: dict[str, tuple[int, int]]


def tagged_project(path: Path) -> Tagged:
    """A project with a nested theme and passages on tricky words, one with a comment."""
    with Session.create(path) as session:
        project = store_of(session)
        with project.transaction():
            article_id = project.add_article(
                Article(
                    title="Minister on trade",
                    text=TRICKY_TEXT,
                    author="A. Writer",
                    publisher="Test Wire",
                    url="https://example.org/trade",
                    language="en",
                )
            )
        trade = session.theme_named("Trade")
        assert trade is not None and trade.id is not None
        session.do(
            AddThemeCommand(
                Theme("Tariffs", "#123ABC", parent_id=trade.id, description="Duties on goods")
            )
        )
        tariffs = session.theme_named("Tariffs")
        energy = session.theme_named("Energy")
        assert tariffs is not None and tariffs.id is not None
        assert energy is not None and energy.id is not None
        spans: dict[str, tuple[int, int]] = {}
        for words, themes, comment in (
            ("👍🏽 said the élan", [trade.id], "Check the quote"),
            ("🇫🇷", [tariffs.id, trade.id], ""),
            ("北京 signed a gas deal", [energy.id], ""),
            ("naïve plan", [tariffs.id], "Odd wording\nsecond line"),
        ):
            start = TRICKY_TEXT.index(words)
            spans[words] = (start, start + len(words))
            session.do(TagPassageCommand(article_id, start, start + len(words), themes, comment))
    return Tagged(path, article_id, spans)
