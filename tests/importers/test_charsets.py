"""Legacy encodings read as a reader sees them: undeclared East Asian and single-byte pages
and text files detected, declared labels read as browsers read them."""

from __future__ import annotations

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.charsets import browser_codec
from briefer.importers.eml import EmlImporter
from briefer.importers.encoding import decode_text, web_codec
from briefer.importers.html import HtmlImporter
from briefer.importers.mhtml import MhtmlImporter
from briefer.importers.text import TextImporter

JAPANESE_TITLE = "ヴェルデン港、停泊料を引き上げ"
JAPANESE = (
    "ヴェルデン港湾局は火曜日、コンテナ船の停泊料を三月から十一パーセント引き上げると発表した。"
    "料金の引き上げは六年ぶりで、二度の冬にわたる激しい土砂堆積の後、外側航路の浚渫費用がかさんだ"
    "ことを理由に挙げている。"
)
CHINESE_TITLE = "维尔登港将上调泊位费"
CHINESE = (
    "港务局财务主管告诉记者，必须为新一代船舶将航道保持在十四米深，而国家的疏浚补助去年已经结束。"
    "他说，如果不涨价，港口在二〇二六年将出现九百万欧元的赤字。"
)
TRADITIONAL_TITLE = "維爾登港將上調泊位費"
TRADITIONAL = (
    "港務局財務主管告訴記者，必須為新一代船舶將航道保持在十四米深，而國家的疏浚補助去年已經結束。"
    "他說，如果不漲價，港口將出現九百萬歐元的赤字。"
)
KOREAN_TITLE = "벨덴항 사용료 인상"
KOREAN = "벨덴 항만청은 화요일 컨테이너선의 선석 사용료를 3월부터 11퍼센트 인상한다고 확인했다."

# (language, title, paragraph, the code page it is saved in)
SINGLE_BYTE = [
    (
        "pl",
        "Port w Velden podnosi opłaty",
        "Zarząd portu w Velden potwierdził we wtorek, że od marca podniesie opłaty za postój"
        " kontenerowców o jedenaście procent. Żegluga się skarży, że zapłacą importerzy"
        " – również ci najmniejsi.",
        "cp1250",
    ),
    (
        "ru",
        "Порт Вельдена повысит сборы",
        "Портовое управление Вельдена во вторник подтвердило, что с марта повысит причальные"
        " сборы для контейнеровозов на одиннадцать процентов. Это первое повышение за шесть лет.",
        "koi8-r",
    ),
    (
        "ru",
        "Порт Вельдена повысит сборы",
        "Судоходные компании, еженедельно заходящие в порт, заявили, что повышение будет"
        " переложено на импортёров в течение нескольких недель.",
        "cp866",
    ),
    (
        "ru",
        "Порт Вельдена повысит сборы",
        "Финансовый директор управления сообщил журналистам, что фарватер необходимо"
        " поддерживать на глубине четырнадцати метров для судов нового класса.",
        "iso8859-5",
    ),
    (
        "ru",
        "Порт Вельдена повысит сборы",
        "Ассоциации импортёров попросили о поэтапном введении. По их словам, единовременное"
        " повышение в марте сильнее всего ударит по мелким фирмам.",
        "cp1251",
    ),
    (
        "uk",
        "Порт Вельдена підвищить збори",
        "Портове управління Вельдена у вівторок підтвердило, що з березня підвищить причальні"
        " збори для контейнеровозів на одинадцять відсотків.",
        "koi8-u",
    ),
    (
        "el",
        "Λιμάνι Βέλντεν: αύξηση τελών",
        "Η λιμενική αρχή του Βέλντεν επιβεβαίωσε την Τρίτη ότι θα αυξήσει τα τέλη πρόσδεσης για"
        " τα πλοία μεταφοράς εμπορευματοκιβωτίων κατά έντεκα τοις εκατό από τον Μάρτιο.",
        "cp1253",
    ),
    (
        "tr",
        "Velden limanı ücretleri artırıyor",
        "Liman idaresi salı günü konteyner gemileri için rıhtım ücretlerini mart ayından"
        " itibaren yüzde on bir artıracağını doğruladı. Şirketler, artışın ithalatçılara"
        " yansıtılacağını söyledi.",
        "cp1254",
    ),
    (
        "fr",
        "Le café de la gare rouvre après deux ans",
        "Le café de la gare a rouvert ses portes après des travaux qui ont duré près de deux ans."
        " « C’est un cœur de ville qui renaît », dit l’élue ; même l’hôtel a été rénové à neuf,"
        " et ça plaît.",
        "cp1252",
    ),
    (
        "de",
        "Köln erhöht die Gebühren für Fernwärme",
        "Die Stadtwerke Köln erhöhen die Gebühren für Fernwärme um zwölf Prozent. Über die"
        " Änderung müssen die Bürger bis Mitte März informiert werden, heißt es.",
        "latin-1",
    ),
    (
        "es",
        "¿Qué pasará con el puerto de Velden?",
        "La autoridad portuaria confirmó el martes que aumentará las tarifas en un once por"
        " ciento. ¡Es el primer aumento en seis años! Según el director, la decisión está tomada.",
        "cp1252",
    ),
    (
        "pt",
        "Porto de Velden aumenta as taxas",
        "A autoridade portuária confirmou na terça-feira que vai aumentar as taxas em onze por"
        " cento; as companhias de navegação disseram que o aumento será repassado às importações.",
        "cp1252",
    ),
    (
        "en",
        "Velden fees rise",
        "Shipping lines said the rise would be passed on to importers within weeks. “We have"
        " no margin left to absorb it,” said Marta Kolb – who runs a café by the quay.",
        "mac-roman",
    ),
]


def _page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )


def _html(data: bytes) -> tuple[str, str]:
    article = HtmlImporter().extract(data, "page.html", ImportLimits())
    return article.title, article.text


@pytest.mark.parametrize(
    ("title", "paragraph", "encoding"),
    [
        (JAPANESE_TITLE, JAPANESE, "shift_jis"),
        (JAPANESE_TITLE, JAPANESE, "euc_jp"),
        (CHINESE_TITLE, CHINESE, "gb18030"),
        (TRADITIONAL_TITLE, TRADITIONAL, "big5"),
        (KOREAN_TITLE, KOREAN, "euc_kr"),
    ],
    ids=["shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"],
)
def test_undeclared_east_asian_page_is_detected(title: str, paragraph: str, encoding: str) -> None:
    data = _page(title, [paragraph]).encode(encoding)
    assert _html(data) == (title, f"{title}\n\n{paragraph}")


@pytest.mark.parametrize(
    ("label", "title", "paragraph", "encoding"),
    [
        # 〇 is GBK, not GB2312; browsers read every GB label as GB18030.
        ("gb2312", CHINESE_TITLE, CHINESE, "gb18030"),
        ("GBK", CHINESE_TITLE, CHINESE, "gb18030"),
        # ① and ㈱ are Windows' (NEC) additions to Shift_JIS.
        ("shift_jis", JAPANESE_TITLE + "①", JAPANESE + "㈱", "cp932"),
        ("x-sjis", JAPANESE_TITLE + "①", JAPANESE + "㈱", "cp932"),
        # 똠 and 꿍 are Windows-949's additions to EUC-KR.
        ("euc-kr", KOREAN_TITLE, KOREAN + " 똠양꿍", "cp949"),
        ("ks_c_5601-1987", KOREAN_TITLE, KOREAN + " 똠양꿍", "cp949"),
        # Windows-1254's curly quotes; Windows-874's ellipsis and quotes.
        ("iso-8859-9", "Velden limanı", "“Şirketler” artışı doğruladı…", "cp1254"),
        ("tis-620", "ท่าเรือเฟลเดน", "“การท่าเรือ” ยืนยัน…", "cp874"),
        ("iso-8859-1", "Le café", "« C’est “inédit” », dit-il – 38 €.", "cp1252"),
    ],
    ids=lambda value: value if value.isascii() and len(value) < 20 else "",
)
def test_declared_label_is_read_as_browsers_read_it(
    label: str, title: str, paragraph: str, encoding: str
) -> None:
    head = f'<meta charset="{label}">'
    data = _page(title, [paragraph], head).encode(encoding)
    assert _html(data) == (title, f"{title}\n\n{paragraph}")
    # The same bytes in an e-mail part (decode_text) read the same.
    assert decode_text(paragraph.encode(encoding), declared=label)[0] == paragraph


def test_label_table_follows_the_whatwg_standard() -> None:
    assert browser_codec(" Shift_JIS ") == "cp932"
    assert browser_codec("latin1") == "cp1252"
    assert browser_codec("csISOLatinCyrillic") == "iso8859-5"
    assert browser_codec("x-cp1250") == "cp1250"  # a label Python itself does not know
    assert browser_codec("iso-2022-kr") is None  # "replacement" in browsers: Python's codec
    assert web_codec("iso-2022-kr") == "iso2022_kr"
    assert web_codec("latin-1") == "cp1252"  # not a WHATWG label: Python's, widened
    assert web_codec("base64") is None


@pytest.mark.parametrize(
    ("language", "title", "paragraph", "encoding"),
    SINGLE_BYTE,
    ids=[f"{language}-{encoding}" for language, _, _, encoding in SINGLE_BYTE],
)
def test_undeclared_single_byte_text_file(
    language: str, title: str, paragraph: str, encoding: str
) -> None:
    data = f"{title}\n\n{paragraph}\n\n{paragraph}\n".encode(encoding)
    article = TextImporter().extract(data, f"{language}.txt", ImportLimits())
    assert article.title == title
    assert article.text == f"{paragraph}\n\n{paragraph}"


@pytest.mark.parametrize(
    ("language", "title", "paragraph", "encoding"),
    SINGLE_BYTE,
    ids=[f"{language}-{encoding}" for language, _, _, encoding in SINGLE_BYTE],
)
def test_undeclared_single_byte_page(
    language: str, title: str, paragraph: str, encoding: str
) -> None:
    data = _page(title, [paragraph]).encode(encoding)
    assert _html(data) == (title, f"{title}\n\n{paragraph}")


@pytest.mark.parametrize(
    "text",
    [
        "Le café rouvre", "Grüße aus Köln", "¿Qué?", "Ça coûte 38 € – “trop”", "naïve façade",
        "38 €", "€ je Tonne.", "», a déclaré", "printemps prochain; «", "élargie dès le «",
        # Ending in an accented letter is not UTF-8 cut short.
        "The café", "sei anni, perché", "martes que aumentará", "Hausse des droits – « 11 % » à",
    ],
)  # fmt: skip
def test_short_western_text_keeps_windows_1252(text: str) -> None:
    assert decode_text(text.encode("cp1252"))[0] == text


def test_declared_labels_in_mhtml_and_mail_parts_read_as_browsers_read_them() -> None:
    page = _page(JAPANESE_TITLE + "①", [JAPANESE + "㈱"]).encode("cp932")
    archive = (
        b"From: <Saved by Blink>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html; charset=Shift_JIS\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n"
        b"Content-Location: https://example.org/velden\r\n\r\n" + page + b"\r\n--b--\r\n"
    )
    article = MhtmlImporter().extract(archive, "velden.mhtml", ImportLimits())
    assert (article.title, article.text) == (
        JAPANESE_TITLE + "①",
        f"{JAPANESE_TITLE}①\n\n{JAPANESE}㈱",
    )
    mail = (
        b"From: Desk <desk@example.org>\r\nTo: a@example.org\r\nSubject: Velden\r\n"
        b"Date: Wed, 19 Nov 2025 09:12:00 +0100\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + _page(CHINESE_TITLE, [CHINESE]).encode("gb18030")
    )
    text = EmlImporter().extract(mail, "velden.eml", ImportLimits()).text
    assert "二〇二六年" in text and "\ufffd" not in text
