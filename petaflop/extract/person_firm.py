"""A person standing for the firm they head: "OpenAI CEO 샘 알트만은 … 400만 개 … 확보", "xAI의 일론 머스크는
… GPU 확보를 목표", "IgniteTech는 … CEO 에릭 보건은 … 직원의 80%를 교체". The figure a head of a firm states or
acts on is the firm's when what it measures is the firm's (its revenue, investment, staff, chips, users, value),
never the person's own (their pay, donations, wealth, age, posts).

A person mention that would be a figure's subject stands for one organisation (a :class:`StandIn` for it, at the
person's place and with the person's role) when exactly one organisation is tied to them:

* **in the sentence**, by a title: "<firm> CEO <person>", "<firm>의 CEO <person>", "<firm>의 <person> CEO",
  "<person> <firm> CEO"; or by the genitive alone ("<firm>의 <person>") when the report has already said the
  person heads that firm;
* **else by the graph**: the person's links read earlier in the report through a rule the precision gate
  passes — ``leads`` (a head, a founder: a founding is an ``affiliatedWith`` under a ``:founder`` rule) and
  ``affiliatedWith`` that is not marked past — name exactly one firm, and at least one of them is ``leads`` (a person tied to two firms, "Tesla, xAI", stands for neither).

Only figures whose measure is a firm's attribute (:data:`FIRM_KINDS`) are read so; the statement's rule is
``<prefix>:person-for-firm`` (judged apart by the gate; the status words of the clause apply as for any
figure: a head's "확보할 것" is a plan, not a holding).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: the kinds of figure a head of a firm states for the firm
FIRM_KINDS = frozenset({
    "revenue", "profit", "grossMargin", "capex", "annualOpex", "amount", "valuation", "marketCap", "marketShare",
    "userCount", "employeeCount", "developerCount", "gpuCount", "chipCount", "h100EquivalentCount",
    "a100EquivalentCount", "shipments",
})  # fmt: skip
#: a head's plan for the firm ("5개월 내 컴퓨트 플릿 2배 증설" 계획): its size, when planned or aimed at (not its
#: horizon: "5년 내 … 확보를 목표" frames the target, it is no span of the firm's)
PLAN_KINDS = frozenset({"multiple"})
#: the person's own figures a person mention carries anyway ("재직 4개월 만에", text_reader.PERSON_KINDS)
_PERSON_KINDS = frozenset({"duration"})
#: constructions whose figure is what a head does for the firm: "CEO X는 … 기존 직원의 80%를 교체" (its staff's share)
FIRM_ACTS = (":share-object:",)
_FIRMS = ("Firm", "AILab")
_TITLE = r"(?:공동\s?)?(?:CEO|최고경영자|대표(?:이사)?|회장|창업자|창립자|설립자)"
#: between the firm and the person: "OpenAI CEO ", "AMD의 CEO ", "오라클 창업자인 "
_TITLE_BETWEEN = re.compile(rf"\s?(?:의\s?)?{_TITLE}(?:인|이자)?\s?")
#: the genitive alone: "xAI의 " (a tie only to a firm the person is already said to head)
_GENITIVE_BETWEEN = re.compile(r"\s?의\s?")
#: a title after the person, before the particle: "알트만 CEO는", "량원평 DeepSeek CEO는"
_TITLE_AFTER = re.compile(rf"\s?{_TITLE}\s?(?:은|는|이|가)\s")
#: the person's own, not the firm's: pay, gifts, wealth, age, posts
_OWN = re.compile(r"기부|후원|연봉|보수|급여|재산|자산가|순자산|나이|세\s?때|살\s|트윗|팔로워|개인\s?(?:지분|자금|돈)")


#: joins the firm and the person in a stand-in's entity id, so that only figures read of the stand-in are settled
VIA = "<-"


@dataclass
class StandIn(Mention_):
    """An organisation mention standing where its head was named (entity ``<firm><-<person>``)."""

    person: str = ""


@cache
def _gate():
    from petaflop.extract.gate import load_gate

    return load_gate()


def _graph_firms(ex, person: str) -> tuple[set[str], set[str]]:
    """The firms the person ``leads`` and is otherwise affiliated with, by links the gate passes."""
    leads, other = set(), set()
    gate = _gate()
    for f in ex.facts:
        if f.subject != person or not f.obj_is_entity or f.predicate not in ("leads", "affiliatedWith"):
            continue
        if "former" in f.qualifiers or not gate.passes(f.rule):
            continue
        rec = ex.entities.get(str(f.obj))
        if rec is None or not any(is_a(t, c) for t in rec.types for c in _FIRMS):
            continue
        # a founding ("<firm> 창업자 <person>", "<person>가 세운 <firm>": affiliatedWith under a ``:founder`` way)
        # ties the person to the firm as a head does
        (leads if f.predicate == "leads" or f.rule.endswith(":founder") else other).add(str(f.obj))
    return leads, other


def _in_sentence(s: str, person: Mention_, mentions: list[Mention_], leads: set[str]) -> set[str] | None:
    """The firms the sentence ties to the person by a title, else by the genitive (then only a firm they lead:
    None when the genitive names another)."""
    titled, genitive = set(), set()
    for m in mentions:
        if not any(is_a(m.type, c) for c in _FIRMS):
            continue
        if m.end <= person.start and _TITLE_BETWEEN.fullmatch(s, m.end, person.start):
            titled.add(m.entity)
        elif m.end <= person.start and _GENITIVE_BETWEEN.fullmatch(s, m.end, person.start):
            genitive.add(m.entity)
        if person.end <= m.start and re.fullmatch(r"\s?", s[person.end:m.start]) and _TITLE_AFTER.match(s, m.end):
            titled.add(m.entity)  # "<person> <firm> CEO는"
    if titled:
        return titled
    return genitive if genitive <= leads else None


def stand_in(reader, s: str, person: Mention_, mentions: list[Mention_]) -> StandIn | None:
    """The firm ``person`` (a topic or subject of ``s``) stands for, or None (see the module doc). A person the
    sentence and the links read so far tie to no firm stands for the person themself, pending: the firm is
    decided once the whole report is read (:func:`settle_stand_ins`)."""
    if not is_a(person.type, "Person") or person.role not in ("topic", "subject"):
        return None
    if _OWN.search(s, max(0, person.start)):
        return None
    leads, other = _graph_firms(reader.ex, person.entity)
    said = _in_sentence(s, person, mentions, leads) if person.start >= 0 else set()
    if said is None:  # "<another firm>의 <person>": not the firm the person heads
        return None
    firms = said or (leads | other if leads else set())
    if not said and not leads and not other:  # pending: the person's own id stands, marked
        return StandIn(f"{person.entity}{VIA}{person.entity}", "Firm", person.start, person.end, person.role,
                       person=person.entity)
    if len(firms) != 1:
        return None
    firm = next(iter(firms))
    rec = reader.ex.entities.get(firm)
    return StandIn(f"{firm}{VIA}{person.entity}", rec.types[0] if rec and rec.types else "Firm", person.start,
                   person.end, person.role, person=person.entity)


def firm_for_people(reader, s: str, mentions: list[Mention_], topic: Mention_ | None
                    ) -> tuple[list[Mention_], Mention_ | None, int]:
    """The sentence's mentions and topic for its figures, each person who stands for a firm replaced by a
    :class:`StandIn`; and how many facts the extraction held (any a reader adds about a stand-in is dropped)."""
    subs = {id(m): si for m in mentions if (si := stand_in(reader, s, m, mentions)) is not None}
    if topic is not None and topic.start < 0 and (si := stand_in(reader, s, topic, mentions)) is not None:
        subs[id(topic)] = si  # a person carried as the topic: only when the links so far name one firm
    if not subs:
        return mentions, topic, -1
    reader._own_mentions, reader._sentence_mentions = reader._sentence_mentions, [subs.get(id(m), m) for m in mentions]
    return reader._sentence_mentions, subs.get(id(topic), topic), len(reader.ex.facts)


def settle_firm_figures(reader, first: int, facts: int, topic: Mention_ | None) -> Mention_ | None:
    """The figures read since ``first`` about an entity stood for: under ``<prefix>:person-for-firm`` when
    their measure is a firm's (:data:`FIRM_KINDS`, a plan's :data:`PLAN_KINDS`); the person's own span as read
    of the person mention ("재직 4개월 만에": its rule is the value reader's); else dropped. Returns ``topic``
    (the sentence's own, handed on as it was)."""
    if facts < 0:
        return topic
    reader._sentence_mentions = reader._own_mentions
    kept = []
    for st in reader.ex.statements[first:]:
        if VIA in st.subject or VIA in st.item:
            firm, person = st.subject.split(VIA) if VIA in st.subject else ("", "")
            if firm and (st.kind in FIRM_KINDS or (st.kind in PLAN_KINDS and st.status in ("planned", "target"))
                         or any(r in st.rule for r in FIRM_ACTS)):
                st = replace(st, subject=firm, rule=f"{reader.prefix}:person-for-firm")
            elif firm and st.kind in _PERSON_KINDS and ":duration-took:" not in st.rule:
                st = replace(st, subject=person)  # as the reader reads a person's own span
            else:
                continue
        kept.append(st)
    reader.ex.statements[first:] = kept
    reader.ex.facts[facts:] = [f for f in reader.ex.facts[facts:] if VIA not in f.subject and VIA not in str(f.obj)]
    return topic


def settle_stand_ins(ex) -> None:
    """A figure read for a person no link tied to a firm yet (``<prefix>:person-for-firm`` with the person as
    subject): the firm the person's links in the whole report name (as :func:`stand_in`, marked past links
    left out), else the figure is dropped."""
    out, firms = [], {}
    for st in ex.statements:
        if st.rule.endswith(":person-for-firm") and any(is_a(t, "Person") for t in ex.entities[st.subject].types):
            if st.subject not in firms:
                leads, other = _graph_firms(ex, st.subject)
                firms[st.subject] = next(iter(leads | other)) if leads and len(leads | other) == 1 else ""
            if not firms[st.subject]:
                continue
            st = replace(st, subject=firms[st.subject])
        out.append(st)
    ex.statements = out
