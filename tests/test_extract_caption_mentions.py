"""A table's caption is read for mentions like any other line (pipeline.py): a thing only a caption names
is an entity of the graph, typed and labelled at the caption's line."""

from __future__ import annotations

from foundation.namespaces import RDF
from ingest.parser import parse_text
from petaflop.extract.pipeline import extract

DOC = "\n".join([
    "V. 시험 장: 랙 구조",
    "",
    "가나다 랩의 새 랙은 NVL576 구성으로 설계",
    "항목\t값",
    "무게\t2톤",
    "높이\t3미터",
    "",
    "자료: 가나다리서치",
    "",
])


def test_a_thing_only_a_caption_names_is_typed_at_the_caption():
    ex = extract(parse_text(DOC))
    typed = {(f.subject, f.location.line_start) for f in ex.facts if f.predicate == RDF.type}
    assert ("nvidia-rubin-ultra-nvl576", 3) in typed
