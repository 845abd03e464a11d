"""Web archives (.mhtml/.mht, "Save page as single file"): the page and its images, from one file.

Parses the MIME container with the standard library and hands the page to the HTML
importer with its resources; imports only briefer.core and briefer.importers.*.
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import replace
from email.message import Message
from urllib.parse import unquote, urldefrag, urljoin

from briefer.core.model import Article
from briefer.importers.base import Deadline, ImportLimits, ImportRejected, LocalFileReader
from briefer.importers.html import ResourceResolver, decode_data_uri, html_to_article

_MAX_PARTS = 2000


class MhtmlImporter:
    """Pages saved by Chrome, Edge, Opera ("single file") or Internet Explorer (.mht)."""

    name = "mhtml"
    extensions: tuple[str, ...] = (".mhtml", ".mht")

    def sniff(self, data: bytes, filename: str) -> int:
        head = data[:4096].lower()
        if b"mime-version:" in head and b"multipart/related" in head:
            return 100
        if b"multipart/related" in head and filename.lower().endswith(self.extensions):
            return 80
        return 0

    def extract(
        self,
        data: bytes,
        filename: str,
        limits: ImportLimits,
        read_local: LocalFileReader | None = None,
    ) -> Article:
        del read_local  # everything the page needs is inside the archive
        name = filename or "the web archive"
        if len(data) > limits.max_bytes:
            raise ImportRejected(
                f"{name} is {len(data) / 1048576:.0f} MB, more than the"
                f" {limits.max_bytes // 1048576} MB Briefer imports. Save the page again as"
                ' "Webpage, HTML only" or print it to PDF, and import that.'
            )
        deadline = Deadline(limits.max_seconds, name)
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        if not message.is_multipart():
            raise ImportRejected(
                f"{name} is not a web archive: it has no parts. Save the page again from the"
                ' browser with "Save as: Webpage, single file".'
            )
        main, resources = _parts(message, limits, deadline)
        page, charset, location = main
        article = html_to_article(
            page,
            name,
            limits,
            _archive_resolver(resources, location),
            source_format=self.name,
            declared_charset=charset,
            deadline=deadline,
        )
        if not article.url and location.startswith(("http://", "https://")):
            article = replace(article, url=location)
        return article


def _parts(
    message: Message, limits: ImportLimits, deadline: Deadline
) -> tuple[tuple[bytes, str | None, str], dict[str, bytes]]:
    """The main page (bytes, charset, location) and every other part by location and cid."""
    snapshot = (message.get("Snapshot-Content-Location") or "").strip()
    main: tuple[bytes, str | None, str] | None = None
    resources: dict[str, bytes] = {}
    unpacked = 0
    for count, part in enumerate(message.walk()):
        if count > _MAX_PARTS:
            break
        if part.is_multipart():
            continue
        deadline.check()
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        unpacked += len(payload)
        if unpacked > limits.max_unpacked_bytes:
            raise ImportRejected(
                "This web archive unpacks to more than"
                f" {limits.max_unpacked_bytes // 1048576} MB, too much for one page. Save the"
                " page again, or print it to PDF and import that."
            )
        location = (part.get("Content-Location") or "").strip()
        is_page = part.get_content_type() in ("text/html", "application/xhtml+xml")
        if is_page and (
            main is None or (snapshot and location == snapshot and main[2] != snapshot)
        ):
            main = (payload, part.get_content_charset(), location)
            continue
        if location:
            resources.setdefault(urldefrag(location)[0], payload)
        content_id = (part.get("Content-ID") or "").strip().strip("<>")
        if content_id:
            resources.setdefault(f"cid:{content_id}", payload)
    if main is None:
        raise ImportRejected(
            "This web archive holds no web page (no HTML part). Save the page again from the"
            ' browser with "Save as: Webpage, single file".'
        )
    return main, resources


def _archive_resolver(resources: dict[str, bytes], base: str) -> ResourceResolver:
    """Looks references up among the archive's own parts; nothing is ever fetched."""

    def resolve(src: str) -> bytes | None:
        if src.lower().startswith("data:"):
            return decode_data_uri(src)
        if src.lower().startswith("cid:"):
            return resources.get(f"cid:{unquote(src[4:])}") or resources.get(src)
        absolute = urldefrag(urljoin(base, src) if base else src)[0]
        return resources.get(absolute) or resources.get(unquote(absolute)) or resources.get(src)

    return resolve
