"""The parts of a DOCX that the reader needs, read with lxml alone: what python-docx would
give for an ordinary package, without importing it (about 30 ms) or building its part and
style objects (about 30 ms more on 200 pages).

The package is read as python-docx reads it: every part reachable through the
relationships is read and the XML parts it parses are parsed with its parser settings,
so that a damaged part stops this reader as it stops python-docx. Anything this reader
does not mirror exactly (no styles part, no core properties, a relationship python-docx
would refuse, a style of no known type ...) makes it give up (None): the caller then
reads the file with python-docx, whose result, or error, is then the one reported.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_STYLES = _RT + "styles"
RT_IMAGE = _RT + "image"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
CT_DOCUMENT = _WML + "document.main+xml"
CT_STYLES = _WML + "styles+xml"
CT_HEADER = _WML + "header+xml"
CT_FOOTER = _WML + "footer+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
# The content types python-docx 1.2 loads as XML parts (docx/__init__.py, PartFactory),
# parsed when the package opens.
XML_PARTS = frozenset({CT_CORE, _WML + "comments+xml", CT_DOCUMENT, CT_FOOTER, CT_HEADER,
                       _WML + "numbering+xml", _WML + "settings+xml", CT_STYLES})
# docx.styles.BabelFish: the names Word stores for built-in styles, as python-docx shows them.
_UI_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
             **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}
_STYLE_TYPES = frozenset({"paragraph", "character", "table", "numbering"})
# docx.oxml.parser: no blank text nodes, no entities resolved.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


class Unsupported(Exception):
    """Something python-docx would read differently, or refuse: read with python-docx."""


@dataclass
class _Rel:
    rel_id: str
    reltype: str
    target: str | None  # the partname; None for an external target


@dataclass
class Package:
    body: etree._Element
    styles: list[tuple[str | None, str | None]]  # (style id, name as python-docx gives it)
    # ("header" or "footer", the part's root), section by section, as read_docx asks them
    furniture: list[tuple[str, etree._Element]] = field(default_factory=list)
    title: str = ""


class _Reader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        types = etree.fromstring(archive.read("[Content_Types].xml"), _PARSER)
        self.overrides = {_required(o, "PartName").lower(): _required(o, "ContentType")
                          for o in types.findall(_CT + "Override")}
        self.defaults = {_required(d, "Extension").lower(): _required(d, "ContentType")
                         for d in types.findall(_CT + "Default")}
        self.rels: dict[str, list[_Rel]] = {}
        self.types: dict[str, str] = {}
        self.xml: dict[str, etree._Element] = {}
        self.rels["/"] = self._rels_of("/")
        self._walk(self.rels["/"])

    def _rels_of(self, partname: str) -> list[_Rel]:
        base, name = posixpath.split(partname)
        member = posixpath.join(base, "_rels", f"{name}.rels")[1:]
        try:
            data = self.archive.read(member)
        except KeyError:
            return []
        rels = []
        for rel in etree.fromstring(data, _PARSER).findall(_PR):
            external = rel.get("TargetMode", "Internal") == "External"
            target = _required(rel, "Target")
            rels.append(_Rel(_required(rel, "Id"), _required(rel, "Type"), None if external
                             else posixpath.abspath(posixpath.join(base, target))))
        return rels

    def _walk(self, rels: list[_Rel]) -> None:
        """Every part reachable from these relationships, depth first, as python-docx's
        PackageReader walks them: read, typed, parsed when python-docx parses it."""
        for rel in rels:
            if rel.target is None or rel.target in self.rels:
                continue
            partname = rel.target
            self.rels[partname] = self._rels_of(partname)
            blob = self.archive.read(partname[1:])
            content_type = self.overrides.get(partname.lower())
            if content_type is None:
                content_type = self.defaults.get(posixpath.splitext(partname)[1][1:].lower())
            if content_type is None:
                raise Unsupported("no content type")
            self.types[partname] = content_type
            if content_type in XML_PARTS and rel.reltype != RT_IMAGE:
                self.xml[partname] = etree.fromstring(blob, _PARSER)
            self._walk(self.rels[partname])

    def related(self, source: str, reltype: str, content_type: str) -> etree._Element:
        """The one part of this type that `source` relates to (python-docx's
        part_related_by), parsed."""
        matching = [rel for rel in self.rels[source] if rel.reltype == reltype]
        if len(matching) != 1:
            raise Unsupported(reltype)
        return self._part(matching[0], content_type)

    def by_id(self, source: str, rel_id: str | None, content_type: str) -> etree._Element:
        matching = [rel for rel in self.rels[source] if rel.rel_id == rel_id]
        if len(matching) != 1:
            raise Unsupported(f"relationship {rel_id}")
        return self._part(matching[0], content_type)

    def _part(self, rel: _Rel, content_type: str) -> etree._Element:
        if rel.target is None or self.types.get(rel.target) != content_type \
                or rel.reltype == RT_IMAGE:
            raise Unsupported(content_type)
        return self.xml[rel.target]


def _required(element: etree._Element, name: str) -> str:
    value = element.get(name)
    if value is None:
        raise Unsupported(f"no {name}")
    return str(value)


def _styles(root: etree._Element) -> list[tuple[str | None, str | None]]:
    if root.tag != _W + "styles":
        raise Unsupported("styles")
    out: list[tuple[str | None, str | None]] = []
    for style in root.findall(_W + "style"):
        if style.get(_W + "type") not in _STYLE_TYPES:
            raise Unsupported("style type")
        name_element = style.find(_W + "name")
        name = None if name_element is None else _required(name_element, _W + "val")
        out.append((style.get(_W + "styleId"), _UI_NAMES.get(name, name) if name else name))
    return out


def _section_properties(body: etree._Element) -> Iterator[etree._Element]:
    """./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr, in document order."""
    for child in body:
        if child.tag == _W + "p":
            for ppr in child.findall(_W + "pPr"):
                yield from ppr.findall(_W + "sectPr")
        elif child.tag == _W + "sectPr":
            yield child


def _furniture(reader: _Reader, main: str, body: etree._Element, package: Package) -> None:
    """The header and footer parts each section defines: default, first page, even pages.
    A part a section links to its predecessor's is skipped, as read_docx skips it."""
    for sect_pr in _section_properties(body):
        for kind, tag, content_type in (("header", "headerReference", CT_HEADER),
                                        ("footer", "footerReference", CT_FOOTER)):
            for which in ("default", "first", "even"):
                reference = next((r for r in sect_pr.findall(_W + tag)
                                  if r.get(_W + "type") == which), None)
                if reference is not None:
                    part = reader.by_id(main, _required(reference, _R_ID), content_type)
                    package.furniture.append((kind, part))


def read_package(path: Path) -> Package | None:
    """The body, styles, running headers and footers and title of the DOCX, or None when
    python-docx must read it (see the module's docstring)."""
    try:
        with zipfile.ZipFile(path) as archive:
            reader = _Reader(archive)
        documents = [r for r in reader.rels["/"] if r.reltype == RT_OFFICE_DOCUMENT]
        root = reader.related("/", RT_OFFICE_DOCUMENT, CT_DOCUMENT)
        main = documents[0].target
        body = root.find(_W + "body")
        if root.tag != _W + "document" or body is None or main is None:
            return None
        package = Package(body=body, styles=_styles(reader.related(main, RT_STYLES, CT_STYLES)))
        _furniture(reader, main, body, package)
        title = reader.related("/", RT_CORE, CT_CORE).find(_DC_TITLE)
        package.title = (title.text or "") if title is not None else ""
        return package
    except Exception:  # anything unexpected: python-docx reads it, or reports the error
        return None
