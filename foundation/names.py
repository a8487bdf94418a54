"""Names: the one normaliser every lookup uses, a name's language, entity ids, and local names of IRIs.

``norm_name`` is the key under which a name is looked up everywhere — the gazetteer, the
command line (``--param``, ``--seed``), the app's search and the evaluator — so "Engine No.1",
"engine no 1" and "ENGINE-NO.1" are one name in all of them.
"""

from __future__ import annotations

import re
import unicodedata

#: a Hangul syllable: a name or text with one is Korean
HANGUL = re.compile(r"[\uac00-\ud7a3]")
_DROP = re.compile(r"[\s·\-_()（）‐‑–—.,'’‘\"“”/\[\]「」『』<>]+")


def norm_name(text: str) -> str:
    """Lookup key: NFKC, case-folded, without spaces, quotes, brackets and punctuation."""
    return _DROP.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def lang_of(text: str) -> str:
    """The language tag of a name or text from the report: "ko" when it has Hangul, else "en"."""
    return "ko" if HANGUL.search(text) else "en"


def slugify(name: str) -> str:
    """Entity ids are IRI local names: lower-case ASCII words joined by ``-``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("'", "").replace("’", "")
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri
