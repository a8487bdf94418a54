"""Products tabulated under a caption naming their maker: "줄줄이 출시를 앞두고 있는 엔비디아의 신제품들",
"구글이 내놓은 프레임 생성 모델에 관한 비교 정리" — the organisation in the genitive ("<org>의 …")
or as the subject of a making verb ("<org>이/가 내놓은|개발한|출시한|공개한|만든 …") is the maker of
every product a row names (the genitive lexicon decides designedBy, developedBy or offeredBy by the
two classes; compute facilities listed as "메타의 AI 데이터센터" are developedBy it). A table with a column of its own saying who makes each row's thing (제조사, 개발사,
회사 …) is not read this way: the caption then only says whose story the table is. Rule
``table-reader:maker@caption``, judged by the gate.
"""

from __future__ import annotations

import re

from ingest.model import Table
from petaflop.extract.facts import Fact
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.lexicon import GenitiveEntry, Lexicon
from petaflop.extract.resolve import is_a

_MAKERS = ("Firm", "AILab", "ResearchInstitute")
#: the classes of a named product line a caption may be about
_NAMED_LINE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", "ChipArchitecture")
_OWNER_AFTER = re.compile(r"^['’”\"]?\s?(?:의\s|(?:이|가)\s(?:[가-힣]{1,6}\s)?(?:내놓은|개발한|출시한|공개한|만든|선보인|발표한))")
#: a column naming each row's maker (not a column of how it is made: "제조 공정" is a process)
_MAKER_COLUMN = re.compile(r"(?:제조|개발|설계|제작|공급|생산)\s?(?:사|업체|기업|社|회사)|회사|기업|업체|브랜드|벤더|"
                           r"[Mm]aker|[Vv]endor|[Cc]ompany|[Dd]eveloper|[Mm]anufacturer|[Ff]irm")
#: the head noun of a list of made things ("신제품들", "GPU 칩인 … 라인업", "프레임 생성 모델")
_THINGS = re.compile(r"제품|칩|GPU|CPU|가속기|반도체|모델|라인업|제품군|플랫폼|솔루션|시리즈|[Pp]roducts?|[Mm]odels?|"
                     r"데이터\s?센터|클러스터|슈퍼\s?컴퓨터")
#: compute facilities a caption lists as the organisation's own ("메타의 AI 데이터센터"): it develops them
_FACILITY = ("ComputeCluster", "AIDataCenter")
#: a comparison of the maker's things with others' ("엔비디아 대비", "경쟁 제품") names no one maker
_RIVALRY = re.compile(r"대비|경쟁|vs\.?|VS|대결|라이벌")


def caption_maker(table: Table, labels: list[str], gaz: Gazetteer) -> Entity | None:
    """The organisation the caption names as the maker of the tabulated things, else None."""
    caption = table.caption[0] if table.caption else ""
    if not caption or any(_MAKER_COLUMN.search(lab) for lab in labels) or _RIVALRY.search(caption):
        return None
    makers = [m for m in gaz.find_mentions(caption) if any(is_a(gaz.by_id(m.entity_id).type, c) for c in _MAKERS)]
    owner = _OWNER_AFTER.match(caption[makers[-1].end:]) if len({m.entity_id for m in makers}) == 1 else None
    if owner is None:
        return None
    # "메타의 MTIA는 …": a caption about one product of the maker (its rows are that product's versions
    # or parts), not a list of the maker's things
    at = makers[-1].end + owner.end()
    if any(at <= m.start <= at + 2 for m in gaz.find_mentions(caption)):
        return None
    head = re.split(r"[,“\"‘(]", caption[at:at + 25])[0]  # the noun phrase the genitive governs
    if not _THINGS.search(head):  # "엔비디아의 락인효과를 더해줄 … 계층": not a list of its products
        return None
    # "화웨이의 자체 제작 GPU 칩인 Ascend 라인업": the phrase names one product line, and the rows are its
    # versions (who made each version is the line's story, not this caption's)
    if any(at <= m.start < at + len(head) and any(is_a(gaz.by_id(m.entity_id).type, t) for t in _NAMED_LINE)
           for m in gaz.find_mentions(caption)):
        return None
    return gaz.by_id(makers[-1].entity_id)


def made_entry(maker: Entity, thing_types: tuple[str, ...], lex: Lexicon) -> GenitiveEntry | None:
    if any(is_a(t, c) for t in thing_types for c in _FACILITY):
        return GenitiveEntry("developedBy@caption", (), (), "developedBy")
    for t in thing_types:
        entry = lex.genitive_for(maker.type, t)
        if entry is not None and entry.property in ("designedBy", "developedBy", "offeredBy"):
            return entry
    return None


def add_made(reader, table: Table, maker: Entity, subject: str, cell, r: int) -> None:
    """``subject`` (a row's or column's entity) is ``maker``'s work, when the lexicon says how. ``reader``
    is the generic table reader or the mapped-table extractor (whose generic reader has the lexicon)."""
    lex = reader.lex if hasattr(reader, "lex") else reader.reader.lex
    entry = made_entry(maker, reader.ex.entities[subject].types, lex)
    if entry is None or subject == maker.id:
        return
    reader.ex.add(Fact(subject, entry.property, reader.res.record(maker), True, reader._loc(table, cell, r),
                       "table-reader:maker@caption", reader.sources_of(table), raw=table.caption[0][:60]))


#: "자체 제작 반도체", "자체 개발 칩", "인하우스": things made in-house, by the caption's genitive organisation
_IN_HOUSE = re.compile(r"자체\s?(?:제작|개발|설계)|인하우스|[Ii]n-house")


def in_house_maker(table: Table, gaz: Gazetteer) -> Entity | None:
    """The one organisation a caption line names in the genitive before "자체 제작 …" ("테슬라의 AI
    추론용 자체 제작 반도체"): the designer of the tabulated chips a foundry column says who fabricated."""
    for line in table.caption:
        own = _IN_HOUSE.search(line)
        if own is None or _RIVALRY.search(line):
            continue
        makers = [m for m in gaz.find_mentions(line[:own.start()])
                  if any(is_a(gaz.by_id(m.entity_id).type, c) for c in _MAKERS)]
        if len({m.entity_id for m in makers}) == 1 and line[makers[0].end:].startswith("의 "):
            return gaz.by_id(makers[0].entity_id)
    return None
