"""Recognises the boilerplate that comes with copied news text, feeds and alert e-mails.

Pure string rules, standard library plus the block builder; conservative on purpose:
a line is dropped only when it is *entirely* boilerplate, never for mentioning a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefer.core.model import BlockKind
from briefer.core.words import at_most_words
from briefer.importers.base import ArticleBuilder
from briefer.importers.captioncredit import is_credit
from briefer.importers.htmlnames import plausible_publisher

_NETWORKS = frozenset(
    {
        "facebook", "twitter", "x", "linkedin", "whatsapp", "pinterest", "tumblr", "reddit",
        "telegram", "email", "e-mail", "mail", "print", "copy", "link", "messenger", "flipboard",
        "pocket", "mastodon", "bluesky", "threads", "instagram", "youtube", "tiktok", "viber",
        "wechat", "weibo", "vk", "xing", "sms", "google", "url", "copied", "tweet", "blogthis",
    }
)  # fmt: skip
_SHARE_WORDS = frozenset(
    {"share", "shares", "sharing", "this", "article", "story", "page", "post", "on", "via", "or",
     "and", "the", "to", "with", "opens", "in", "new", "window", "tab", "comments", "save"}
)  # fmt: skip
_TOKEN = re.compile(r"[\w+-]+", re.UNICODE)

# Syndication footers: the whole line says where the piece first ran, and nothing else.
# WordPress and its SEO plugins: "The post <title> appeared first on <site>." and kin.
_FEED_FOOTER = re.compile(
    r"^the (?:post|article|entry) .{1,300}? (?:appeared first|first appeared|originally appeared"
    r"|was (?:first|originally) (?:published|posted)) (?:on|in|at) (?P<site>.{1,120}?)\.?$",
    re.IGNORECASE,
)
# Medium's feeds: "<title> was originally published in <publication> on Medium, where ...".
_MEDIUM_FOOTER = re.compile(
    r"^.{1,300}? was originally published (?:in (?P<site>.{1,120}?) )?on Medium, where people"
    r" are continuing the conversation by highlighting and responding to this story\.?$",
    re.IGNORECASE,
)
# A republisher's credit: "This article originally appeared on Coastwire.", "This story was
# originally published by Grist.", "This article is republished from The Conversation under a
# Creative Commons license. Read the original article." The name must read as a name (see
# _credited_site), so a sentence that goes on after "appeared in" is not taken for one.
_REPUBLISHED = (
    r"(?:and |it )?(?:is |was |has been )?(?:re-?published|reprinted|reproduced|shared)(?: here)?"
)
_TERMS = (
    r"under (?:a |the )?creative commons[^.]{0,60}?licen[cs]e"
    r"|with (?:kind )?permission(?: of [^.]{1,80}?)?"
)
_SYNDICATION_CREDIT = re.compile(
    r"^(?:(?:this|the) (?:article|story|post|piece|essay|report|column|entry|interview|op-ed)"
    r"(?: was| has been| is)? (?:(?:originally|first) (?:appeared|published|posted|ran)"
    r"|re-?published|reprinted|reproduced)"
    r"|originally (?:appeared|published|posted))"
    r" (?:on|in|at|by|from) (?P<site>\S+(?: \S+){0,7}?)"
    r"(?:,? on (?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+ \d{4}|\d{4}-\d\d-\d\d))?"
    r"(?: at (?:https?://)?\S+)?"
    rf"(?:[.,;]? (?:{_REPUBLISHED}(?: (?:{_TERMS}))?|{_TERMS}"
    r"|read the original(?: article| story| post| version)?(?: here)?))*[.!]?$",
    re.IGNORECASE,
)
# What blog platforms put under every post: WordPress themes' "This entry was posted in News.
# Bookmark the permalink." and "Continue reading <title> →", Blogger's "Posted by Ann at 10:32".
_POST_FURNITURE = re.compile(
    r"^(?:this entry was posted (?:in|on) .{1,200}?\.? bookmark the permalink"
    r"|posted by [^.!?]{1,60}? at \d{1,2}:\d\d(?:\s?[ap]\.?m\.?)?"
    r"|continue reading(?: [^.!?]{1,150}?)?(?: ?(?:→|»|›|…|\.\.\.|\[…\]))?)[.!]?$",
    re.IGNORECASE,
)
_WEB_ADDRESS = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_WHOLE_LINE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|"
    r"story continues below(?: this)? advertisement|scroll to continue(?: with content)?|"
    r"share(?: this)?(?: article| story| page| post)?|share via|"
    r"listen to (?:this )?article|"
    r"skip (?:to )?(?:main )?content|skip advertisement)[.:!]?$",
    re.IGNORECASE,
)
_PREFIXES = re.compile(
    r"^(?:read more|also read|read also|see also|related(?: stories| articles| coverage)?|"
    r"more on this(?: story)?|recommended|watch|listen|"
    # the same in the languages of European news sites: "Lire aussi :", "Lesen Sie auch:"
    r"(?:à )?lire (?:aussi|également)|lire(?=\s*:)|voir aussi|lesen sie (?:auch|mehr)|"
    r"mehr zum thema|"
    r"auch interessant|lee (?:también|más)|leer más|ver también|te puede interesar|"
    r"leggi (?:anche|tutto)|leia (?:também|mais)|veja também|lees (?:ook|meer))\s*[:|»>–-]",
    re.IGNORECASE,
)
# A page's date stamp on a line of its own, at the story's foot or head ("Date created :
# 2015-05-12", "Last updated 4 December 2025"): the article's date is in its metadata.
_DATE_STAMP_LABEL = re.compile(
    r"^(?:date created|created|latest update|last updated|updated|first published|published"
    r"|posted|publié le|mis à jour le|actualizado|veröffentlicht am|aktualisiert am)"
    r"(?:\s+on)?\s*[:|]?\s*",
    re.IGNORECASE,
)
_STAMP_DATE = re.compile(
    r"\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{1,2}\.? [^\W\d_]{3,10}\.? \d{4}|[^\W\d_]{3,10}\.? \d{1,2},? \d{4}"
)
_STAMP_REST = re.compile(
    r"\d{1,2}(?:[:h.]\d\d)?(?:\s?[ap]\.?m\.?)?|(?-i:\b[A-Z]{2,4}\b)"  # a time, a zone (GMT, CEST)
    r"|\b(?:on|at|à|le|um|a las)\b|[\s,|()+-]",
    re.IGNORECASE,
)
_CREDIT_NAME = r"[A-Z][\w'’-]*\.?(?:\s+(?:[A-Z][\w'’-]*\.?|de|van|von|der|al|bin)){0,3}"
_CREDIT_NAMES = rf"{_CREDIT_NAME}(?:\s*(?:,|and|&)\s*{_CREDIT_NAME})*(?:\s+in\s+{_CREDIT_NAME})?"
_CREDIT_CLAUSE = (
    r"(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|graphics|research|"
    rf"translation|fact[- ]checking|production)\s+by)\s+(?i:the\s+)?{_CREDIT_NAMES}"
)
_CREDIT = re.compile(
    rf"^\(?\s*{_CREDIT_CLAUSE}(?:\s*[;.,]\s*(?i:and\s+)?{_CREDIT_CLAUSE})*\s*[.;]?\s*\)?\s*$"
    r"|^(?i:our standards:\s*the thomson reuters trust principles\.?)$"
)
"""A wire story's credits ("Reporting by Jane Smith; Editing by Alex Richardson") and its
standards line: who worked on the copy, not what it says (the by-line names the authors).
Names must be capitalised: "Reporting by local journalists was restricted" is a sentence."""
_CLICK_TO_SHARE = re.compile(r"^click to (?:share|email|print)\b", re.IGNORECASE)
_FOLLOW = re.compile(r"^(?:follow|like|join) us (?:on|at)\b", re.IGNORECASE)
_NEWSLETTER = re.compile(
    r"^(?:sign up|subscribe)(?: now| today)? (?:for|to) (?:our|the|a)\b.*\bnewsletters?\b",
    re.IGNORECASE,
)
_IMAGE_CREDIT = re.compile(
    r"^[(\[]?(?:image|images|photo|photos|photograph|picture|pic|video|illustration|"
    r"image credit|photo credit|photo credits|credit|(?P<label>source))"
    r"\s*(?:credit)?\s*(?::|by\b|©)",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|we use|this (?:web)?site uses|cookie (?:policy|settings|preferences)|"
    r"browsing experience|privacy policy)\b",
    re.IGNORECASE,
)
_MAIL = re.compile(
    r"\b(?:unsubscribe|view (?:this (?:e-?mail|message) )?in (?:your |a )?(?:web )?browser|"
    r"view (?:it )?online|manage (?:your )?(?:alert|e-?mail|subscription|notification)s?|"
    r"(?:update|change|edit) your (?:e-?mail )?preferences|email preferences|"
    r"you (?:are|were) receiving this|you(?: have)? received this (?:e-?mail|message)|"
    r"because you (?:have )?(?:subscribed|signed up)|"
    r"to stop receiving|add us to your address book|having trouble viewing|"
    r"this (?:e-?mail|message) was sent to|forward (?:this )?to a friend|"
    r"create (?:another|an) alert|see more results|flag as irrelevant)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*\d{4}\b", re.IGNORECASE)


def words_in(line: str) -> list[str]:
    return _TOKEN.findall(line.casefold())


def is_feed_footer(line: str) -> bool:
    """A syndication footer: WordPress's "The post <title> appeared first on <site>." (and
    "first appeared on"), Medium's "... was originally published in <publication> on Medium,
    where people are continuing the conversation ...", or a republisher's whole-line credit
    ("This article originally appeared on <site>.")."""
    return _footer_match(line) is not None


def feed_footer_site(line: str) -> str:
    """The site a syndication footer names ("... appeared first on Coastwire." gives
    "Coastwire"; "Coastwire - News from the coast" gives "Coastwire", its tagline set aside).

    Copied feed items often carry no other trace of their publisher, so the
    footer dropped from the text is still worth reading first. "" if ``line``
    is not such a footer or names no plausible publication (a web address, a date).
    """
    match = _footer_match(line)
    if match is None:
        return ""
    # A Medium post outside any publication was published by Medium itself.
    site = match.group("site") or ("Medium" if match.re is _MEDIUM_FOOTER else "")
    return plausible_publisher(site.strip().rstrip(".")) if site else ""


def _footer_match(line: str) -> re.Match[str] | None:
    if len(line) >= 1000:  # a footer is one short line; a whole text is not split up to see
        return None
    stripped = " ".join(line.split())
    if len(stripped) >= 400:
        return None
    for pattern in (_FEED_FOOTER, _MEDIUM_FOOTER):
        match = pattern.match(stripped)
        if match:
            return match
    match = _SYNDICATION_CREDIT.match(stripped)
    if match is None:
        return None
    site = match.group("site").rstrip(".")
    # "This story originally appeared in print last week, he said": no name, no credit.
    name = site[4:] if site[:4].lower() == "the " else site
    named = name[:1].isupper() or name[:1].isdigit()
    return match if (named and plausible_publisher(site)) or _WEB_ADDRESS.match(site) else None


def is_share_line(line: str) -> bool:
    """A row of share buttons copied as text: "Share on Facebook Twitter LinkedIn"."""
    stripped = line.strip()
    if _CLICK_TO_SHARE.match(stripped) and len(stripped) < 120:
        return True
    if not at_most_words(stripped, 16):
        return False
    tokens = words_in(stripped)
    if not tokens or len(tokens) > 16:
        return False
    networks = sum(1 for t in tokens if t in _NETWORKS)
    others = [t for t in tokens if t not in _NETWORKS and t not in _SHARE_WORDS]
    if others:
        return False
    # "Print" or "Email" alone could be a heading; two networks or the word share cannot.
    return networks >= 2 or (networks >= 1 and "share" in tokens)


def is_image_credit(line: str) -> bool:
    """ "Image: Reuters", "Photo credit: AFP/Getty" and the like, not a caption sentence.

    "Source:" opens a data source as often as a credit: "Source: IMF World Economic
    Outlook" under a chart or table says where its figures come from and stays; only
    "Source: Reuters" (an agency, a photographer's credit) goes, as captions judge it.
    """
    stripped = line.strip()
    found = _IMAGE_CREDIT.match(stripped) if at_most_words(stripped, 20) else None
    if found is None:
        return False
    if found.group("label"):
        return is_credit(stripped)
    return True


def is_cookie_notice(line: str) -> bool:
    stripped = line.strip()
    return (
        at_most_words(stripped, 60)
        and bool(_COOKIE.search(stripped))
        and bool(_COOKIE_CONTEXT.search(stripped))
    )


def is_mail_boilerplate(line: str) -> bool:
    """Unsubscribe, "view in browser" and preference lines of alert and newsletter e-mails."""
    stripped = line.strip()
    if _COPYRIGHT.match(stripped):
        return is_copyright_line(stripped)
    return at_most_words(stripped, 40) and bool(_MAIL.search(stripped))


def is_copyright_line(line: str) -> bool:
    """ "© 2026 The Lakeside Courier · Privacy · Terms": a footer's notice, not a sentence."""
    stripped = line.strip()
    return bool(_COPYRIGHT.match(stripped)) and at_most_words(stripped, 30)


def is_date_stamp(line: str) -> bool:
    """ "Date created : 2015-05-12", "Updated on December 4, 2025 at 10:30 am": a label,
    a date, perhaps a time and a zone, and nothing else ("Updated figures for 2025" is
    a heading)."""
    label = _DATE_STAMP_LABEL.match(line)
    if label is None:
        return False
    rest = line[label.end() :]
    if len(rest) > 60 or not _STAMP_DATE.search(rest):
        return False
    return not _STAMP_REST.sub("", _STAMP_DATE.sub("", rest))


def is_boilerplate_line(line: str) -> bool:
    """True when the whole line is site furniture a reader would not quote.

    Short, self-contained lines only: a sentence that mentions sharing, cookies
    or photos in passing is kept.
    """
    stripped = line.strip()
    if not stripped:
        return False
    short = len(stripped) <= 160
    return (
        is_feed_footer(stripped)
        or (short and bool(_POST_FURNITURE.match(stripped)))
        or is_share_line(stripped)
        or (short and bool(_WHOLE_LINE.match(stripped)))
        or (short and bool(_PREFIXES.match(stripped)))
        or (short and is_date_stamp(stripped))
        or (short and bool(_FOLLOW.match(stripped)))
        or (short and bool(_NEWSLETTER.match(stripped)))
        or (len(stripped) <= 300 and bool(_CREDIT.match(stripped)))
        or is_image_credit(stripped)
        or is_cookie_notice(stripped)
    )


def copy_blocks(
    source: ArticleBuilder,
    target: ArticleBuilder,
    *,
    keep: Callable[[BlockKind, str], bool] | None = None,
) -> int:
    """Appends ``source``'s blocks to ``target``, skipping those ``keep`` refuses.

    Lets an importer convert into a scratch builder, then filter, without
    ever computing offsets by hand. Returns how many blocks were copied.
    """
    text = source.text()
    copied = 0
    for block in source.blocks:
        content = text[block.start : block.end]
        if keep is not None and not keep(block.kind, content):
            continue
        if target.add(block.kind, content, level=block.level, ordered=block.ordered):
            copied += 1
    return copied
