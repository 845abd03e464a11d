"""The package around the body: settings, app properties, page setup, language, unused parts.

What makes a file look born in current Word rather than in a 2010 template:
compatibility mode 15, Briefer named as the application, no blank
thumbnail, A4 or Letter and the analyst's language, and nothing a reference
document brought that the note does not use. Used only by the python-docx
package (exporters/docx_pydocx.py); the package without it (docx_plain) starts
from a base this module already finished. Imports python-docx (and lxml
through it) and the standard library.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefer.core.logs import get_logger
from briefer.exporters import docx_xml
from briefer.exporters.docx_interface import APP_NS as _APP_NS
from briefer.exporters.docx_interface import PAGE_SIZES, PageSetup, PageSize, app_xml

log = get_logger(__name__)
__all__ = ["PAGE_SIZES", "PageSetup", "PageSize", "apply_page_setup", "finish_package"]

_WORD_URI = "http://schemas.microsoft.com/office/word"
_APP_PART = "/docProps/app.xml"
# Parts the body points at by id: kept only while something still points at them.
_BY_ID = frozenset(
    {
        "hyperlink", "image", "header", "footer", "comments", "commentsExtended",
        "commentsIds", "commentsExtensible", "people", "oleObject", "package", "chart",
        "diagramData", "diagramLayout", "diagramQuickStyle", "diagramColors",
        "diagramDrawing", "control", "video", "audio", "media",
    }
)  # fmt: skip
# Parts for Word 2010, for features a note never has, or a template's building blocks.
_NEVER = frozenset({"comments", "commentsExtended", "commentsIds", "commentsExtensible",
                    "people", "stylesWithEffects", "glossaryDocument"})  # fmt: skip
_R_ATTRIBUTES = ("id", "embed", "link", "pict", "dm", "lo", "qs", "cs")
_BIBLIOGRAPHY = "http://schemas.openxmlformats.org/officeDocument/2006/bibliography"


def apply_page_setup(word: DocxDocument, setup: PageSetup) -> None:
    """Page size and language, before the body is written (its tab stops need the width)."""
    if setup.language:
        _set_language(word, word.settings.element, setup.language)
    if setup.page_size:
        _set_page_size(word, setup.page_size)


def finish_package(word: DocxDocument, *, update_fields: bool) -> None:
    """Everything outside the body, once the body is written (unused parts need it)."""
    settings = word.settings.element
    _compatibility_mode_15(settings)
    if update_fields:
        _set_child(settings, "w:updateFields", {"w:val": "true"})
    _drop_unused_parts(word)
    _app_properties(word)


def _compatibility_mode_15(settings: Any) -> None:
    """Word 2013+ opens a file of mode 14 in Compatibility Mode, with 2010's layout rules."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = _insert_in_order(settings, parse_xml(f"<w:compat {nsdecls('w')}/>"))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
            return
    compat.append(
        parse_xml(
            f'<w:compatSetting {nsdecls("w")} w:name="compatibilityMode" '
            f'w:uri="{_WORD_URI}" w:val="15"/>'
        )
    )


# The order CT_Settings requires, for the elements this module adds.
_SETTINGS_ORDER = [
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
    "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet",
    "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone",
    "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
    "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
    "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore",
    "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml",
    "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr",
    "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
]  # fmt: skip
_W = "{" + docx_xml.W_NS + "}"


def _insert_in_order(settings: Any, element: Any) -> Any:
    """Put ``element`` where the schema wants it among the settings Word already has."""
    rank = {name: i for i, name in enumerate(_SETTINGS_ORDER)}
    mine = rank[element.tag.removeprefix(_W)]
    for child in settings:
        tag = child.tag.removeprefix(_W) if isinstance(child.tag, str) else ""
        if tag in rank and rank[tag] > mine:
            child.addprevious(element)
            return element
    settings.append(element)
    return element


def _set_child(settings: Any, tag: str, attributes: dict[str, str]) -> Any:
    element = settings.find(qn(tag))
    if element is None:
        element = _insert_in_order(settings, parse_xml(f"<{tag} {nsdecls('w')}/>"))
    for name, value in attributes.items():
        element.set(qn(name), value)
    return element


def _set_language(word: DocxDocument, settings: Any, language: str) -> None:
    """Proofing language for every run, set once in the style defaults as Word does."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        r_pr_default.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        _insert_lang(r_pr, lang)
    lang.set(qn("w:val"), language)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), language)


# CT_RPr children that come after w:lang; it goes before the first of them.
_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath", "rPrChange")


def _insert_lang(r_pr: Any, lang: Any) -> None:
    for child in r_pr:
        if isinstance(child.tag, str) and child.tag.removeprefix(_W) in _AFTER_LANG:
            child.addprevious(lang)
            return
    r_pr.append(lang)


def _set_page_size(word: DocxDocument, page_size: PageSize) -> None:
    width, height = PAGE_SIZES[page_size]
    for section in word.sections:
        sect_pr = section._sectPr
        pg_sz = sect_pr.get_or_add_pgSz()
        landscape = pg_sz.get(qn("w:orient")) == "landscape"
        pg_sz.set(qn("w:w"), str(height if landscape else width))
        pg_sz.set(qn("w:h"), str(width if landscape else height))


def _drop_unused_parts(word: DocxDocument) -> None:
    """Drop what nothing in the note points at: a template's comments, its example link, a
    header no section uses, a 2010 styles copy, an empty bibliography, a blank thumbnail."""
    package = word.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]  # a template's thumbnail shows the template, not the note
    for part in [word.part, *_header_footer_parts(word)]:
        used = _referenced_ids(part.element)
        for rid, rel in list(part.rels.items()):
            if _unused(rel, rid in used):
                del part.rels[rid]


def _unused(rel: Any, referenced: bool) -> bool:
    kind = rel.reltype.rsplit("/", 1)[-1]
    if kind in _NEVER or (kind in _BY_ID and not referenced):
        return True
    return kind == "customXml" and not rel.is_external and _empty_bibliography(rel)


def _header_footer_parts(word: DocxDocument) -> list[Any]:
    return [
        rel.target_part
        for rel in word.part.rels.values()
        if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)
    ]


def _referenced_ids(element: Any) -> set[str]:
    r_ns = "{" + docx_xml.R_NS + "}"
    names = {r_ns + name for name in _R_ATTRIBUTES}
    found: set[str] = set()
    for node in element.iter():
        for name, value in node.attrib.items():
            if name in names:
                found.add(value)
    return found


def _empty_bibliography(rel: Any) -> bool:
    try:
        root = parse_xml(rel.target_part.blob)
    except Exception:  # not XML we can read: leave it alone
        log.warning("the template's bibliography part is unreadable; kept", exc_info=True)
        return False
    return bool(root.tag == f"{{{_BIBLIOGRAPHY}}}Sources" and len(root) == 0)


def _app_properties(word: DocxDocument) -> None:
    """docProps/app.xml naming Briefer, without the template's stale page and word counts."""
    for part in word.part.package.iter_parts():
        if part.partname == _APP_PART:
            part._blob = app_xml(_company(part.blob))
            return


def _company(blob: bytes) -> str:
    try:
        root = parse_xml(blob)
    except Exception:
        log.warning("the template's app.xml is unreadable; no company kept", exc_info=True)
        return ""
    company = root.find(f"{{{_APP_NS}}}Company")
    return (company.text or "").strip() if company is not None else ""
