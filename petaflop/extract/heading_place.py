"""A multiple a slide's heading states takes the place its chart's caption compares in.

A slide heading often sums up what its chart shows ("B보다 2배 가량 더 많은 면적을 커버하게 된 A") while only the
chart's caption says where the compared measure holds ("A의 <place>에서의 서비스 제공 면적 확장", "<place> 내 A와 B의 …
비교"). Read alone the heading compares the things' whole measure. A multiple read from a Heading block that has no
scope takes the place a Figure or Table caption of the same slide writes before the multiple's measure: the caption
must write the metric's first word ("면적") after place words closed by "에서의" or "내" (a few words may stand
between: "오스틴에서의 로보택시 서비스 제공 면적"); the place words are the run of gazetteer countries or regions (or
an extent word, "전역") right before the closer. Two captions naming different places leave it as it is
(compared_measure.heading_scope does the same for a multiple read under a caption heading; both read places
with its ``PLACE_CLOSED``, ``EXTENT``, ``metric_head`` and ``named_places``).

Run after every reader.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Document, Figure, Heading, Table
from petaflop.extract.compared_measure import EXTENT, PLACE_CLOSED, metric_head, named_places
from petaflop.extract.facts import Extraction

__all__ = ["caption_place", "scope_heading_multiples"]

#: place words closed by a locative, then up to four words before the measure: "오스틴에서의 로보택시 서비스 제공 "
_PLACE_BEFORE = re.compile(PLACE_CLOSED + r"(?:[^\s\d]+\s){0,4}$")


def caption_place(caption: str, metric: str, gaz) -> str:
    """The place a caption limits the metric's measure to ("A의 오스틴에서의 서비스 제공 면적 확장" with metric "면적
    higher vs B" → "오스틴"): the run of place words (countries or regions ``gaz`` names, or an extent) closing right
    before "에서의"/"내" that comes a few words before the metric's first word; '' otherwise."""
    head = metric_head(metric)
    if not head or not caption:
        return ""
    for w in re.finditer(r"\S+", caption):
        if not re.fullmatch(re.escape(head) + r"(?:은|는|이|가|을|를|의)?[,.]?", w.group(0)):
            continue
        m = _PLACE_BEFORE.search(caption[:w.start()])
        if m is None:
            continue
        phrase = m.group(1)
        places = named_places(gaz, phrase)
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", phrase)]
        extent = phrase[words.pop()[0]:] if words and phrase.split()[-1] in EXTENT else ""  # "일본 전역에서의"
        run: list[str] = []
        for s, e in reversed(words):  # the run of words each inside a named place, closing the phrase
            if not any(a <= s and e <= b for a, b in places):
                break
            run.insert(0, phrase[s:e])
        if run:
            return " ".join(run + ([extent] if extent else []))
    return ""


def scope_heading_multiples(doc: Document, ex: Extraction, gaz) -> int:
    """Give each unscoped multiple read from a slide's Heading block the place its captions compare in (module
    doc); returns how many changed."""
    at: dict[int, list[str]] = {}  # heading line -> the slide's captions
    for chapter in doc.chapters:
        for slide in chapter.slides:
            captions = [c for b in slide.blocks if isinstance(b, (Figure, Table)) for c in b.caption]
            for b in slide.blocks:
                if isinstance(b, Heading):
                    at[b.lines.first] = captions
    changed = 0
    for i, st in enumerate(ex.statements):
        if st.kind != "multiple" or st.scope or st.location.table_id or st.location.line_start not in at \
                or st.location.line_end != st.location.line_start:
            continue
        places = {p for c in at[st.location.line_start] if (p := caption_place(c, st.metric, gaz))}
        if len(places) == 1:
            ex.statements[i] = replace(st, scope=places.pop())
            changed += 1
    return changed
