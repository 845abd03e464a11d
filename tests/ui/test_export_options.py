"""The Export dialog on its own: which rows each format uses, its access keys, and the
file name it suggests for a note's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from briefer.ui.notes import exporting
from briefer.ui.notes.exporting import ExportOptions
from tests.ui.driving import keep_picture


def test_each_format_greys_out_the_rows_only_the_other_one_uses(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """With Markdown chosen, "Styles from" and its Choose… button stayed enabled, though
    only a Word file takes a reference document; with Word, the flavour's label did."""
    dialog = ExportOptions(tmp_path, "Harbour brief")
    qtbot.addWidget(dialog)
    dialog.show()

    def enabled(label: str) -> bool:
        named = [w for w in dialog.findChildren(QWidget)
                 if isinstance(w, QLabel | QAbstractButton)
                 and w.text().replace("&", "") == label]  # fmt: skip
        assert len(named) == 1, label
        return bool(named[0].isEnabled())

    word_rows = ("Styles from:", "Choose…", "Add a table of contents")
    assert all(enabled(row) for row in word_rows) and dialog.reference.isEnabled()
    assert not enabled("Markdown flavour:") and not dialog.flavour.isEnabled()
    dialog.markdown.click()
    keep_picture(dialog, "export-options-markdown")
    assert not any(enabled(row) for row in word_rows) and not dialog.reference.isEnabled()
    assert enabled("Markdown flavour:") and dialog.flavour.isEnabled()
    dialog.word.click()
    assert all(enabled(row) for row in word_rows) and not enabled("Markdown flavour:")


@pytest.mark.parametrize(
    ("title", "suggested"),
    [
        ("India and Russia: the Delhi summit", "India and Russia - the Delhi summit.docx"),
        ("Ports / rail  <draft>?", "Ports rail draft.docx"),
        ("Outlook to 10:30 talks.", "Outlook to 10 30 talks.docx"),
        ("  :  ", "Briefing note.docx"),
    ],
)
def test_the_suggested_file_name_reads_like_the_title(title: str, suggested: str) -> None:
    assert exporting.file_name(title, "docx") == suggested


LONG_TITLE = (
    "India-Russia ties and regional energy security: oil, gas, defence cooperation,"
    " submarine leasing, co-production and the ruble"
)


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        # It was cut mid-word at 100 characters: "…submarine leasing, co-p".
        (LONG_TITLE, "India-Russia ties and regional energy security - oil, gas, defence"
                     " cooperation, submarine leasing"),
        ("word " * 19 + "last", "word " * 19 + "last"),  # 99 characters: whole
        ("abcd " * 20 + "x", ("abcd " * 20).strip()),  # a space at the bound: cut there
        ("x" * 150, "x" * 100),  # one word longer than the bound: cut in it
    ],
)  # fmt: skip
def test_a_long_title_is_cut_at_the_end_of_a_word_within_100_characters(
    title: str, stem: str
) -> None:
    name = exporting.file_name(title, "md")
    assert name == f"{stem}.md" and len(stem) <= 100


def test_each_access_key_of_the_export_dialog_reaches_its_field(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Alt+F, Alt+S and Alt+L move to the file, the styles and the flavour: the labels'
    buddies were the rows' holders, which take no focus; F was also taken twice."""
    options = ExportOptions(tmp_path, "Grain note")
    qtbot.addWidget(options)
    options.show()
    options.activateWindow()
    qtbot.waitActive(options)
    options.markdown.setChecked(True)  # the flavour takes focus only for Markdown
    handle = options.windowHandle()
    assert handle is not None
    for key, field in ((Qt.Key.Key_F, options.target), (Qt.Key.Key_L, options.flavour)):
        options.word.setFocus()
        QTest.keyClick(handle, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field
    options.word.setChecked(True)
    options.word.setFocus()
    QTest.keyClick(handle, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is options.reference
    texts = [b.text() for b in options.findChildren(QAbstractButton) if b.isVisibleTo(options)]
    texts += [lab.text() for lab in options.findChildren(QLabel) if lab.buddy() is not None]
    keys = [
        t.replace("&&", "")[t.replace("&&", "").find("&") + 1].lower() for t in texts if "&" in t
    ]
    assert len(keys) == len(set(keys)), texts
