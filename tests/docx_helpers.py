"""Reading the Word comments of an annotated copy in tests."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn


def comment_anchors(path: Path) -> dict[str, str]:
    """comment text -> text of the paragraph it is anchored on."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    out = {}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        paragraph = start.getparent()
        while paragraph is not None and paragraph.tag != qn("w:p"):
            paragraph = paragraph.getparent()
        out[texts[start.get(qn("w:id"))]] = "".join(
            node.text or "" for node in paragraph.iter(qn("w:t")))
    return out
