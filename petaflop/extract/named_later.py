"""A facility introduced by its kind and named later in the same paragraph (rule ``text:facility-named-later``).

"…에 알려진 데이터센터 클러스터는 A에서 시공 진행. … 규모는 N억 달러. … 해당 부지의 공식 명칭은 “X”": the
paragraph opens on a kind noun as its topic (데이터센터, 클러스터, 캠퍼스, 부지, 시설, 사이트) and names the facility
further on by a naming construction (``명칭은 “X”``, ``이름은 “X”``, ``“X”로 명명``, ``X라는 이름의 <kind>``). The
kind-noun topic and its anaphora (해당 부지, 이 시설) are X: the paragraph is read with X as the topic carried into
its first sentence, so the readers that take a subject from the sentence before find X where no sentence marks
its own topic ("이 시설" then stands for X: text_value_guards.demonstrative). The paragraph's own constructions
about X, in sentences that mark no organisation as their subject: the kind-noun topic "built by A"
(``<kind>는 A에서 시공/건설``: developedBy), the organisations of ``A와 B, C 삼자간 협력으로`` (developedBy),
``<date>에 (새롭게) 알려진 <kind>는`` (announcedDate), ``규모는 <money>`` (capex), ``약 N㎡ 부지`` and
``<facility> 시설과 약 N km 떨어져`` (quantities: site area, distance from that facility), ``<date> 오픈/가동 예정`` (operationDate), ``N개 (개별) 시설이 들어설`` (buildingCount), ``<places> 내 …
부지`` (locatedIn the innermost place), ``<power technology> 기반 발전소를 현장에 건설`` and a label in parentheses
after it ("(온사이트 발전)") (poweredBy), ``연간 <money> … 비용을 이 데이터센터에 투입`` (annualOpex). A figure is
planned when the paragraph says "예정"/"계획". A later block of the same slide opening on the facility's anaphor
("한편, 이 시설은 …") is read with X as its carried topic too.

Every fact about X so read (its subject carried, not marked in its own clause) takes the one rule id of the
construction, so the gate judges the subject resolution as a whole. Nothing happens unless exactly one
facility of the gazetteer is named by the construction, after the kind noun that introduces it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from ingest.date_periods import quantity_period
from ingest.quantities import find_quantities
from petaflop.extract.facts import Fact, Statement
from petaflop.extract.figure_context import figure_flags
from petaflop.extract.resolve import is_a
from petaflop.extract.sentence_split import sentences
from petaflop.extract.text_frames import Mention_

if TYPE_CHECKING:
    from petaflop.extract.facts import Location
    from petaflop.extract.gazetteer import Entity
    from petaflop.extract.text_reader import TextReader

RULE = "text:facility-named-later"
_KIND = r"(?:AI\s?)?(?:데이터\s?센터\s?)?(?:클러스터|캠퍼스|부지|시설|사이트|데이터\s?센터)"
#: the kind noun as a clause's topic: what the paragraph is about before it names it
_INTRO = re.compile(rf"{_KIND}(?:은|는)\s")
_Q = r"[“\"'‘]"
_QE = r"[”\"'’]"
#: the naming constructions; ``name`` is the span that names the facility
_NAMING = (
    re.compile(rf"(?:공식\s?)?(?:명칭|이름)(?:은|는)\s?{_Q}(?P<name>[^”\"'’]{{1,40}}){_QE}"),
    re.compile(rf"{_Q}(?P<name>[^”\"'’]{{1,40}}){_QE}\s?(?:으로|로)\s?명명"),
    re.compile(rf"{_Q}?(?P<name>[^\s“”\"'‘’]{{1,40}}){_QE}?(?:이)?라는\s(?:공식\s)?(?:명칭|이름)의\s{_KIND}"),
)
#: "… 비용을 이 데이터센터 하나에 투입": what is spent on the facility the paragraph is about
_SPENDS = re.compile(rf"비용(?:을|를)\s(?:이|해당|동)\s{_KIND}\s?(?:하나)?에\s(?:투입|지출|사용)")
_YEARLY = re.compile(r"(?:연간|매년|해마다|연)\s(?:약\s)?$")
#: a sentence that is only a label in parentheses: "(온사이트 발전)"
_LABEL = re.compile(r"\s*\([^()]{1,20}\)\s*\.?\s*")
#: "A와 B, C 삼자간 협력으로": the organisations whose partnership develops the facility
_PARTNERSHIP = re.compile(r"['’”\")]?\s?(?:삼자간|3자간|양자간|양사|3사|공동)?\s?(?:협력|합작|파트너십)(?:으로|을 통해|하에)")
_JOIN = re.compile(r"['’”\")]?\s?(?:와|과|,|·|및)\s?")
#: a later block of the slide opening on the facility's anaphor: "한편, 이 시설은 …"
_POINTS_BACK = re.compile(r"\s*(?:[-•·]\s*)?(?:한편|또한|특히)?,?\s?(?:이|해당|동)\s(?:시설|캠퍼스|부지|클러스터|사이트|데이터\s?센터)"
                          r"(?:은|는|이|가)\s")
#: the ways a carried subject is written into rule ids (text_frames.HOW)
_CARRIED = ("previous-sentence-topic", "block-topic")
#: "<kind>는 … A에서 시공/건설": the builder of the facility the kind noun stands for
_BUILT_BY = re.compile(r"에서\s(?:시공|건설|공사)")
_BUILDERS = ("Firm", "AILab")
#: a clause marking an organisation as its topic or subject is about that one, not the facility
_MARKED = re.compile(r"['’”\")]?\s?(?:社|사)?(?:은|는|이|가)\s")
#: the paragraph says the facility is still to come
_PLANNED = re.compile(r"예정|계획")
#: the facility's terms, each read from the figure right after (or before) its words
_VALUE = re.compile(r"(?:총\s?)?(?:규모|사업비|투자\s?(?:규모|액))(?:는|은)\s(?:약\s)?")
_OPENS = re.compile(r"\s?(?:에\s)?(?:오픈|개소|가동|완공|운영\s?개시)\s?(?:예정|계획)")
_BUILDINGS = re.compile(r"\s?(?:의\s)?(?:개별\s)?(?:시설|건물|데이터\s?센터|데이터\s?홀)(?:이|가)\s(?:들어설|건설될|지어질)")
_ANNOUNCED = re.compile(r"\s?(?:에\s)?(?:새롭게\s|새로\s|처음\s)?(?:알려진|공개된|발표된)\s")
#: "약 N㎡ 부지": the site's area; "<facility> 시설과 약 N km 떨어져": how far it lies from that one
_PLOT = re.compile(r"\s?(?:규모의\s|의\s)?부지")
_APART = re.compile(r"\s?(?:가량\s|정도\s)?떨어[져진진]")
_FROM = re.compile(r"['’”\")]?\s?(?:시설|캠퍼스|부지|데이터\s?센터)?(?:과|와|에서|로부터)\s(?:약\s|불과\s)?")
#: "<state> <county> 내 … 부지": the innermost place of the site
_INSIDE = re.compile(r"\s?(?:내|에\s위치한)\s(?:[^\s.,;]{1,12}\s){0,2}?부지")
#: "<power technology> 기반 발전소를 현장에 건설": what powers the site, generated on it
_ON_SITE = re.compile(r"\s?(?:\([^)]{0,12}\))?\s?기반\s?(?:발전소|발전\s?설비)(?:를|을)\s(?:현장|부지)(?:\s부지)?에\s?(?:건설|구축|설치)")


def named_later(reader: TextReader, text: str) -> Entity | None:
    """The one facility a paragraph introduces by its kind and names later by a naming construction."""
    gaz = reader.res.gaz
    intro = _INTRO.search(text)
    if intro is None:
        return None
    found: dict[str, Entity] = {}
    mentions = gaz.find_mentions(text)
    for rx in _NAMING:
        for m in rx.finditer(text):
            if m.start() < intro.end():
                continue
            for men in mentions:
                ent = gaz.by_id(men.entity_id)
                if m.start("name") <= men.start and men.end <= m.end("name") and is_a(ent.type, "Facility"):
                    found[ent.id] = ent
    return next(iter(found.values())) if len(found) == 1 else None


def read_named_later(reader: TextReader, text: str, loc: Location, sources: tuple[str, ...]) -> bool:
    """Read a paragraph whose facility is named later with that facility as its carried topic; returns
    whether it did (else the caller reads the paragraph as usual)."""
    fac = named_later(reader, text)
    slide = (loc.chapter, loc.slide_title)
    if fac is not None:
        reader.named_later = (slide, fac)  # a later block of the slide may point back to it
    else:
        before = getattr(reader, "named_later", None)
        if before is None or before[0] != slide or not _POINTS_BACK.match(text):
            return False
        fac = before[1]
    ex = reader.ex
    eid = reader.res.record(fac)
    nf, ns = len(ex.facts), len(ex.statements)
    carried = Mention_(eid, fac.type, -1, -1, "previous")
    reader.block_topic, reader.facility_named = carried, True  # "이 시설" is the facility (text_value_guards.py)
    try:
        reader.read(text, loc, sources)
    finally:
        reader.facility_named = False
    if reader.block_topic is carried:  # no sentence named a topic of its own: the paragraph's facility goes on
        reader.block_topic = Mention_(eid, fac.type, -1, -1, "block")
    for i in range(nf, len(ex.facts)):
        f = ex.facts[i]
        if f.subject == eid and f.rule.endswith(_CARRIED):
            ex.facts[i] = replace(f, rule=RULE)
    for i in range(ns, len(ex.statements)):
        st = ex.statements[i]
        if st.subject == eid and st.rule.endswith(_CARRIED):
            ex.statements[i] = replace(st, rule=RULE)
    _builders(reader, text, eid, loc, sources)
    _partners(reader, text, eid, loc, sources)
    on_site = False
    for sentence in sentences(text):
        _spends(reader, sentence, eid, loc, sources)
        if on_site and _LABEL.fullmatch(sentence):  # "… 발전소를 현장에 건설. (온사이트 발전)": the scheme's name
            _label_power(reader, sentence, eid, loc, sources)
        on_site = not _marks_another(reader, sentence) and _terms(reader, sentence, eid, loc, sources,
                                                                   planned=bool(_PLANNED.search(text)))
    return True


def _builders(reader: TextReader, text: str, eid: str, loc: Location, sources: tuple[str, ...]) -> None:
    """"<kind>는 A에서 시공 진행": A, named between the kind-noun topic and the verb, builds the facility."""
    intro = _INTRO.search(text)
    if intro is None:
        return
    stop = re.compile(r"[.;]").search(text, intro.end())
    clause = text[intro.end():stop.start() if stop else len(text)]
    for m in reader.res.gaz.find_mentions(clause):
        ent = reader.res.gaz.by_id(m.entity_id)
        if any(is_a(ent.type, c) for c in _BUILDERS) and _BUILT_BY.match(clause, m.end):
            raw = text[intro.start():intro.end() + m.end + 8][:60]
            reader.ex.add(Fact(eid, "developedBy", reader.res.record(ent), True, loc, RULE, sources, raw=raw))


def _marks_another(reader: TextReader, sentence: str) -> bool:
    gaz = reader.res.gaz
    return any(is_a(gaz.by_id(m.entity_id).type, "Organization") and _MARKED.match(sentence, m.end)
               for m in gaz.find_mentions(sentence))


def _terms(reader: TextReader, s: str, eid: str, loc: Location, sources: tuple[str, ...], planned: bool) -> bool:
    """Value, announcement and opening dates, building count, place and on-site power of the facility;
    returns whether the sentence builds its power plant on site."""
    ex, gaz = reader.ex, reader.res.gaz
    status = "planned" if planned else "actual"
    qs = find_quantities(s)
    for q in qs:
        before, after = s[:q.start], s[q.end:]
        if q.kind == "money" and q.value is not None and _VALUE.search(before) and \
                _VALUE.search(before).end() == len(before):
            ex.statements.append(Statement(eid, "capex", loc, RULE, value=Decimal(q.value), unit=q.currency or "USD",
                                           status=status, sources=sources, raw=s[max(0, q.start - 8):q.end][:60],
                                           **figure_flags(q)))
        elif q.kind in ("date", "period") and (when := quantity_period(q)) is not None:
            if _OPENS.match(after):
                ex.statements.append(Statement(eid, "operationDate", loc, RULE, time=when, status="planned",
                                               sources=sources, raw=s[q.start:q.end + 10][:60]))
            elif _ANNOUNCED.match(after) and _INTRO.match(s, _ANNOUNCED.match(after).end() + q.end):
                ex.statements.append(Statement(eid, "announcedDate", loc, RULE, time=when, status="actual",
                                               sources=sources, raw=s[q.start:q.end + 16][:60]))
        elif q.kind == "count" and q.counter == "개" and q.value is not None and _BUILDINGS.match(after):
            ex.statements.append(Statement(eid, "buildingCount", loc, RULE, value=Decimal(q.value), unit="count",
                                           status=status, sources=sources, raw=s[q.start:q.end + 16][:60],
                                           **figure_flags(q)))
        elif q.kind == "area" and q.value is not None and _PLOT.match(after):
            ex.statements.append(Statement(eid, "quantity", loc, RULE, value=Decimal(q.value), unit=q.unit,
                                           metric="site area", sources=sources, raw=s[q.start:q.end + 4][:60],
                                           **figure_flags(q)))
        elif q.kind == "length" and q.value is not None and _APART.match(after):
            near = [m for m in gaz.find_mentions(before) if m.entity_id != eid
                    and is_a(gaz.by_id(m.entity_id).type, "Facility") and _FROM.fullmatch(before, m.end)]
            if near:
                other = gaz.by_id(near[-1].entity_id)
                ex.statements.append(Statement(eid, "quantity", loc, RULE, value=Decimal(q.value), unit=q.unit,
                                               metric=f"distance from {other.name_en or other.id}"[:60], sources=sources,
                                               raw=s[near[-1].start:q.end + 4][:60], **figure_flags(q)))
    mentions, powered = gaz.find_mentions(s), False
    for i, m in enumerate(mentions):
        ent = gaz.by_id(m.entity_id)
        if is_a(ent.type, "Place") and _INSIDE.match(s, m.end):
            outer = mentions[i - 1] if i else None
            ex.add(Fact(eid, "locatedIn", reader.res.record(ent), True, loc, RULE, sources,
                        raw=s[outer.start if outer else m.start:m.end + 12][:60]))
        if is_a(ent.type, "PowerTechnology") and _ON_SITE.match(s, m.end):
            ex.add(Fact(eid, "poweredBy", reader.res.record(ent), True, loc, RULE, sources, raw=s[m.start:m.end + 20][:60]))
            powered = True
    return powered


def _label_power(reader: TextReader, s: str, eid: str, loc: Location, sources: tuple[str, ...]) -> None:
    gaz = reader.res.gaz
    for m in gaz.find_mentions(s):
        if is_a(gaz.by_id(m.entity_id).type, "PowerTechnology"):
            reader.ex.add(Fact(eid, "poweredBy", reader.res.record(gaz.by_id(m.entity_id)), True, loc, RULE, sources,
                               raw=s.strip()[:60]))


def _spends(reader: TextReader, s: str, eid: str, loc: Location, sources: tuple[str, ...]) -> None:
    """"A는 연간 N 달러의 … 비용을 이 데이터센터에 투입할 계획": the facility's yearly running cost."""
    spent = _SPENDS.search(s)
    if spent is None:
        return
    for q in find_quantities(s[:spent.start()]):
        if q.kind == "money" and q.value is not None and _YEARLY.search(s[:q.start]):
            reader.ex.statements.append(Statement(
                eid, "annualOpex", loc, RULE, value=Decimal(q.value), unit=q.currency or "USD",
                status="planned" if _PLANNED.search(s, spent.end()) else "actual", sources=sources,
                raw=s[q.start:spent.end()][:60], **figure_flags(q)))
            return


def _partners(reader: TextReader, text: str, eid: str, loc: Location, sources: tuple[str, ...]) -> None:
    """"A와 B, C 삼자간 협력으로": each organisation of the list right before the partnership word develops it."""
    gaz = reader.res.gaz
    for sentence in sentences(text):
        if _marks_another(reader, sentence):
            continue
        mentions = gaz.find_mentions(sentence)
        for p in _PARTNERSHIP.finditer(sentence):
            listed = [m for m in mentions if m.end <= p.start()]
            if not listed or not _PARTNERSHIP.match(sentence, listed[-1].end):
                continue
            party = [listed[-1]]
            for m in reversed(listed[:-1]):
                if not _JOIN.fullmatch(sentence, m.end, party[0].start):
                    break
                party.insert(0, m)
            ents = [gaz.by_id(m.entity_id) for m in party]
            if len(ents) < 2 or not all(is_a(e.type, "Organization") and not is_a(e.type, "Place") for e in ents):
                continue
            for e in dict.fromkeys(ents):
                reader.ex.add(Fact(eid, "developedBy", reader.res.record(e), True, loc, RULE, sources,
                                   raw=sentence[party[0].start:p.end()][:60]))
