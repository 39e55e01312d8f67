"""Text that must survive being written into XML (DOCX comments, paragraphs): the
characters XML 1.0 cannot store are removed. One function, shared by every writer."""

from __future__ import annotations

import re

# XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters Word cannot store (NUL, other C0 controls, lone
    surrogates, U+FFFE, U+FFFF): 'a\\ufffeb' -> 'ab'."""
    return _INVALID.sub("", text)
