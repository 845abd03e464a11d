"""Hard-wrapped Chinese and Japanese text rejoined without spaces; format=flowed mail unflowed."""

from __future__ import annotations

from briefer.importers.base import ImportLimits
from briefer.importers.eml import EmlImporter
from briefer.importers.eml_parts import unflowed
from briefer.importers.text import TextImporter
from briefer.importers.text_paragraphs import split_paragraphs

TITLE = "ヴェルデン港、停泊料を引き上げ"
FIRST = (
    "ヴェルデン港湾局は火曜日、コンテナ船の停泊料を三月から十一パーセント引き上げると発表した。"
    "料金の引き上げは六年ぶりで、二度の冬にわたる激しい土砂堆積の後、外側航路の浚渫費用がかさんだ"
    "ことを理由に挙げている。"
)
SECOND = (
    "港湾局の財務責任者によると、新しい大型船のために航路を水深十四メートルに保つ必要があり、"
    "浚渫のための国の補助金は昨年で終了した。値上げをしなければ、港は二〇二六年に九百万ユーロの"
    "赤字になるという。"
)
CHINESE = (
    "维尔登港务局周二确认，将从三月起把集装箱船的泊位费提高百分之十一，这是六年来的首次上调，"
    "理由是连续两个冬季严重淤积后外航道的疏浚费用增加。"
)
KOREAN = (
    "벨덴 항만청은 화요일 컨테이너선의 선석 사용료를 3월부터 11퍼센트 인상한다고 확인했다. "
    "매주 이 항구에 기항하는 해운사들은 인상분이 몇 주 안에 수입업자에게 전가될 것이라고 말했다."
)


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_hard_wrapped_japanese_text_file_is_rejoined_without_spaces() -> None:
    data = f"{TITLE}\n\n{_wrap(FIRST, 30)}\n\n{_wrap(SECOND, 30)}\n".encode("shift_jis")
    article = TextImporter().extract(data, "ja.txt", ImportLimits())
    assert article.title == TITLE
    assert article.text == f"{FIRST}\n\n{SECOND}"
    assert "水深十四メートル" in article.text and "昨年で終了した" in article.text


def test_hard_wrapped_chinese_is_rejoined_and_korean_keeps_its_spaces() -> None:
    assert split_paragraphs(_wrap(CHINESE * 2, 25)) == [CHINESE * 2]
    # Korean separates words with spaces: a break between two words stands for one.
    lines = _wrap_words(KOREAN, 24)
    paragraphs = split_paragraphs("\n".join(lines))
    assert len(paragraphs) < len(lines)  # rejoined
    assert " ".join(paragraphs) == KOREAN


def _wrap_words(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _mail(content_type: str, body: bytes, encoding: str = "8bit") -> bytes:
    return (
        b"From: Desk <desk@example.org>\r\nTo: a@example.org\r\nSubject: Velden\r\n"
        b"Date: Wed, 19 Nov 2025 09:12:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: " + content_type.encode() + b"\r\n"
        b"Content-Transfer-Encoding: " + encoding.encode() + b"\r\n\r\n" + body
    )


def test_hard_wrapped_iso2022jp_mail_is_rejoined() -> None:
    body = f"{_wrap(FIRST, 30)}\n\n{_wrap(SECOND, 30)}\n".replace("\n", "\r\n")
    data = _mail("text/plain; charset=iso-2022-jp", body.encode("iso2022_jp"), "7bit")
    article = EmlImporter().extract(data, "ja.eml", ImportLimits())
    assert article.text == f"{FIRST}\n\n{SECOND}"


def test_flowed_delsp_mail_deletes_the_space_before_soft_breaks() -> None:
    body = "".join(line + " \r\n" for line in _wrap(FIRST, 20).split("\n"))
    body = (
        body[: -len(" \r\n")]
        + "\r\n\r\n"
        + "".join(line + " \r\n" for line in _wrap(SECOND, 20).split("\n"))
    )
    content_type = "text/plain; charset=utf-8; format=flowed; delsp=yes"
    article = EmlImporter().extract(_mail(content_type, body.encode()), "ja.eml", ImportLimits())
    assert article.text == f"{FIRST}\n\n{SECOND}"
    assert "停泊料" in article.text


def test_unflowed_keeps_the_space_without_delsp_and_respects_quote_depth() -> None:
    flowed = (
        "The port will raise \nits fees.\n> Importers asked \n> for a phased \n> start.\n-- \nDesk"
    )
    assert unflowed(flowed, delsp=False) == (
        "The port will raise its fees.\n> Importers asked for a phased start.\n-- \nDesk"
    )
    assert unflowed(" From the desk \nof Velden.", delsp=False) == "From the desk of Velden."
    assert unflowed("停泊 \n料", delsp=True) == "停泊料"
