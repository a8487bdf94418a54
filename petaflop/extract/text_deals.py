"""Deals as nodes: a contract, a partnership or a deal two parties sign, with its figures.

Prose constructions (the node's rule ``text-deal:<how>``; its figures ``text-deal:terms``):

* ``with`` — "<A>는 <B>와 [N 달러 규모의] [N년] <계약|파트너십|거래|MOU> 체결/맺음", "<A>와 <B>가 …
  계약을 체결": the clause's topic or subject and the party marked by 와/과 before the deal noun, the
  deal noun followed by a verb of signing (체결, 맺, 합의, 서명, 수주) or preceded by one ("<B>와
  체결한 … 계약"); ``with:carried`` when the first party is the topic the sentence carries;
* ``from`` — "<A>는 <B>로부터 … 계약 수주": as ``with``, and B is A's customer (``customerOf``);
* ``supply`` — "<A>는 <B>에 … 공급하는 계약 체결": B is A's customer;
* ``pair`` — "<A>-<B> 파트너십 체결", "<A>와 <B>의 계약 체결": two names joined by a dash or 와/과,
  right before a signed deal noun (a deal merely named is not read: its parties may be any two
  names the sentence pairs);
* ``aside`` — "<A>는 … <B>의 파운드리를 선택(N 달러 규모 계약)": a parenthesis holding only the deal's sum and
  noun, closing a clause that marks one firm as its topic and names one other firm after it.

Each makes one node (``pfa:Contract`` for 계약/거래/딜, ``pfa:Partnership`` for 파트너십/제휴/협약)
whose id is its kind, its parties and its line, linked to both parties (``hasParty``); the figures
between the parties and the deal noun are its terms: a sum of money (``amount``, ``per=year`` after
연/연간, a bound after 최소/최대), a length in years (``leaseTerm``: "6년 계약", "5년간"), a year with
an apostrophe ("'22년": when it was signed, ``eventDate``). A partnership also states ``partnerOf``
between its parties (symmetric: no direction needed); ``customerOf`` only where the case marking
says who buys (로부터, 에 … 공급). Mixed into the TextReader; the figures read
here are consumed (the generic value reader does not give them to a party).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from foundation.namespaces import PFA, RDF
from foundation.periods import parse_period
from ingest.quantities import Quantity
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of
from petaflop.extract.text_submissions import submissions
from petaflop.extract.values import find_quantities

#: the deal noun and the class of node it makes
_NOUN = re.compile(r"(장기\s?)?(계약|파트너십|제휴|협약|거래|딜|MOU|양해각서)(?![가-힣])"
                   r"|(계약|파트너십|제휴|협약|거래|MOU|양해각서)(?=을|를|이|가|은|는|의)")
_KIND = {"계약": "Contract", "거래": "Contract", "딜": "Contract", "파트너십": "Partnership", "제휴": "Partnership",
         "협약": "Partnership", "MOU": "Partnership", "양해각서": "Partnership"}
#: the deal is signed: a verb right after the noun, or "체결한/맺은" before it
_SIGNED_AFTER = re.compile(r"\s?(?:을|를|이|가)?\s?(?:최종\s?)?(?:체결|맺|합의|서명|성사|수주|따[내냈])")
_SIGNED_BEFORE = re.compile(r"(?:체결한|맺은|합의한|서명한|수주한)\s")
#: "<B>로부터 … 계약을 수주": the party the contract comes from is the customer of the one winning it
_FROM = re.compile(r"(?:\)?['’”\"]?\s?)(?:으로부터|로부터)\s")
#: "<B>에 … 공급하는 계약": the party supplied is the customer of the one supplying
_SUPPLY_GAP = re.compile(r"[^,.;:()]{0,30}(?:공급|납품|제공)(?:하는|할|키로 한)\s[^,.;:()]{0,20}")
#: between the party marked by 와/과 and the deal noun: figures and a few words, no clause, no verb
_GAP = re.compile(r"[^,.;:()“”\"]{0,45}")
_VERB_IN_GAP = re.compile(r"(?:하고|했|하며|하여|해서|된\s|되어|되고|으며|지만|에서|으로)")
#: "<A>-<B> 파트너십", "<A>와 <B>의 계약": the join between the two names and after the second
_PAIR_JOIN = re.compile(r"\s?(?:[-–]|와|과)\s?")
_LIST_BEFORE = re.compile(r"(?:[,·/&\-–]|와|과|및)\s?$")
_PAIR_TAIL = re.compile("\\s?(?:의|간의?|사이의?)?\\s?[\u201c\"\u2018']?")
#: "(165억 달러 규모 계약)": the opening of a parenthesis holding a sum (its size) and then the deal noun
_ASIDE = re.compile(r"\(\s?(?:약\s?|총\s?)?[$\\]*[\d,.~]+\s?(?:[십백천만억조]\s?)*(?:달러|원|위안|유로)\s?(?:규모의?|상당의?)?\s?$")
#: "MS, OpenAI와 … 계약 체결": a headline's actor, the name before its first comma
_HEADLINE = re.compile(r"\s?,\s")
_PER_YEAR = re.compile(r"(?:연|연간|매년|年)\s?$")
_APOSTROPHE = re.compile(r"['’‘]$")

#: the two parties, how they were found, where the deal's terms start, and (buyer, seller) if stated
_Found = tuple[Mention_, Mention_, str, int, "tuple[Mention_, Mention_] | None"]


def _party(m: Mention_) -> bool:
    return is_a(m.type, "Agent") and not is_a(m.type, "Person")


class DealFrames:
    """Mixed into the TextReader (``self.ex``, ``self.prefix``, ``self.consumed``)."""

    def _deals(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
               sources: tuple[str, ...]) -> None:
        submissions(self.ex, s, mentions, loc, sources)  # "<A>·<B>는 5월 공동 의견서를 제출" (text_submissions.py)
        starts = clause_starts_of(s)
        for noun in _NOUN.finditer(s):
            word = noun.group(2) or noun.group(3)
            signed = _SIGNED_AFTER.match(s, noun.end()) or _SIGNED_BEFORE.search(s[max(0, noun.start() - 50):noun.start()])
            c0 = max(x for x in starts if x <= noun.start())
            before = [m for m in mentions if c0 <= m.start and m.end <= noun.start() and _party(m)]
            if not signed:
                if (aside := self._aside(s, before, noun, c0)) is not None:  # "…를 선택(N 달러 규모 계약)"
                    self._deal_node(s, aside[0], aside[1], _KIND[word], "aside", aside[2], noun, loc, sources)
                continue
            found = self._pair(s, before, noun.start()) or self._with(s, before, noun.start(), topic, mentions) \
                or self._to(s, before, noun.start(), topic)
            if found is None:
                continue
            a, b, how, gap_start, customer = found
            if a.entity == b.entity:
                continue
            self._deal_node(s, a, b, _KIND[word], how, gap_start, noun, loc, sources)
            if customer is not None:
                buyer, seller = customer
                self.ex.add(Fact(buyer.entity, "customerOf", seller.entity, True, loc, f"{self.prefix}-deal:customerOf",
                                 sources, raw=s[max(a.start, 0):noun.end()][:60]))

    @staticmethod
    def _aside(s: str, before: list[Mention_], noun: re.Match[str], c0: int) -> tuple[Mention_, Mention_, int] | None:
        """"<A>는 … <B>의 파운드리를 선택(165억 달러 규모 계약)": a parenthesis holding only a sum and the deal
        noun, closing the clause that marks one party as its topic and names one other: the deal of the two
        (and where its terms start: inside the parenthesis)."""
        opening = _ASIDE.search(s, c0, noun.start())
        if opening is None or not re.match(r"\s?\)", s[noun.end():]):
            return None
        parties = {m.entity for m in before}
        a = [m for m in before if m.role in ("topic", "subject")]
        if len(parties) != 2 or len(a) != 1 or not is_a(a[0].type, "Organization"):
            return None
        b = next(m for m in before if m.entity != a[0].entity)
        return (a[0], b, opening.start() + 1) if b.start > a[0].end and is_a(b.type, "Organization") else None

    @staticmethod
    def _with(s: str, before: list[Mention_], at: int, topic: Mention_ | None, mentions: list[Mention_]
              ) -> _Found | None:
        withs = [m for m in before if m.role == "with" or _FROM.match(s, m.end)]
        if not withs:
            return None
        b = withs[-1]
        after = [m for m in before if m.start >= b.end]
        if len(after) == 1 and after[0].role in ("topic", "subject") and re.fullmatch(r"(?:와|과)\s?", s[b.end:after[0].start]):
            b, a = after[0], b  # "<A>와 <B>가 … 계약을 체결": two parties joined, the second marked
            gap_start = b.end + 2
            if not _GAP.fullmatch(s[gap_start:at]) or _VERB_IN_GAP.search(s[gap_start:at]):
                return None
            return a, b, "with", gap_start, None
        fm = _FROM.match(s, b.end)
        gap_start = fm.end() if fm else b.end + (2 if s[b.end:b.end + 2].strip() in ("와", "과") else 1)
        gap = s[gap_start:at]
        if not _GAP.fullmatch(gap) or _VERB_IN_GAP.search(gap) or after:
            return None
        a = next((m for m in before if m.start < b.start and m.role in ("topic", "subject")), None)
        how = "from" if fm else "with"
        lead = [m for m in mentions if m.start == 0 and _HEADLINE.match(s, m.end) and _party(m)]
        if a is None and lead and not any(m.role in ("topic", "subject") for m in before):
            a = lead[0]  # "MS, OpenAI와 … 계약 체결": the headline's actor before its comma
        if a is None:
            # "<B>와 체결한 … 계약" with no party of its own before: the topic the sentence carries
            if topic is None or topic.start >= 0 or not _party(topic) \
                    or any(m.role in ("topic", "subject") for m in before):
                return None
            a, how, gap_start = topic, how + ":carried", gap_start
        return a, b, how, min(max(a.end, 0), gap_start) if a.start >= 0 else gap_start, (b, a) if fm else None

    @staticmethod
    def _to(s: str, before: list[Mention_], at: int, topic: Mention_ | None) -> _Found | None:
        """"<A>는 <B>에 N 달러 규모의 X를 공급하는 계약 체결": B is A's customer."""
        places = [m for m in before if m.role == "place"]
        if not places:
            return None
        b = places[-1]
        gap_start = b.end + 1
        if not _SUPPLY_GAP.fullmatch(s[gap_start:at].rstrip() + " ") or any(m.start >= b.end for m in before):
            return None
        a = next((m for m in before if m.start < b.start and m.role in ("topic", "subject")), None)
        if a is None:
            return None
        return a, b, "supply", a.end, (b, a)

    @staticmethod
    def _pair(s: str, before: list[Mention_], at: int) -> _Found | None:
        if len(before) < 2:
            return None
        a, b = before[-2], before[-1]
        tail = _PAIR_TAIL.match(s, b.end)
        gap = s[tail.end():at] if tail else ""
        if not _PAIR_JOIN.fullmatch(s[a.end:b.start]) or not _GAP.fullmatch(gap) or _VERB_IN_GAP.search(gap) \
                or _LIST_BEFORE.search(s[:a.start]):
            return None
        return a, b, "pair", b.end, None

    def _deal_node(self, s: str, a: Mention_, b: Mention_, kind: str, how: str, gap_start: int,
                   noun: re.Match[str], loc: Location, sources: tuple[str, ...]) -> None:
        rule = f"{self.prefix}-deal:{how}"
        node = f"{kind.lower()}--{a.entity}--{b.entity}--L{loc.line_start}"
        start = a.start if a.start >= 0 else b.start
        names = " – ".join(self._deal_name(x.entity) for x in (a, b))
        self.ex.add_entity(EntityRecord(node, (kind,), f"{kind}: {names}", "", (), "table"))
        self.ex.add(Fact(node, RDF.type, PFA[kind], True, loc, rule, sources))
        for party in (a, b):
            self.ex.add(Fact(node, "hasParty", party.entity, True, loc, rule, sources, raw=s[start:noun.end()][:60]))
        if kind == "Partnership":
            self.ex.add(Fact(a.entity, "partnerOf", b.entity, True, loc, f"{self.prefix}-deal:partnerOf", sources,
                             raw=s[start:noun.end()][:60]))
        self._terms(s, node, gap_start, noun, f"{self.prefix}-deal:terms", loc, sources)

    def _deal_name(self, entity: str) -> str:
        rec = self.ex.entities.get(entity)
        return (rec.name_en or rec.name_ko) if rec is not None else entity

    def _terms(self, s: str, node: str, gap_start: int, noun: re.Match[str], rule: str, loc: Location,
               sources: tuple[str, ...]) -> None:
        start = gap_start
        while start > 0 and s[start - 1] not in ",.;:":
            start -= 1  # the clause before the parties: "'22년" before the second party
        window = s[start:noun.end()]
        consumed = getattr(self, "consumed", set())
        money, years = False, False
        first = len(self.ex.statements)
        for q in find_quantities(window):
            at = start + q.start
            if q.kind == "money" and q.value is not None and not money and at >= gap_start:
                money = True
                consumed.add(at)
                self.ex.statements.append(Statement(
                    node, "amount", loc, rule, value=Decimal(q.value), unit=q.currency or "USD",
                    per="year" if _PER_YEAR.search(s[max(0, at - 4):at]) else "",
                    bound=_bound(q), approximate="approximate" in q.qualifiers, sources=sources, raw=q.raw[:60]))
            elif q.kind == "duration" and q.unit == "year" and q.value is not None:
                consumed.add(at)
                if _APOSTROPHE.search(s[max(0, at - 1):at]) and q.value < 100:
                    period = parse_period(str(2000 + int(q.value)))
                    if period is not None:
                        self.ex.statements.append(Statement(node, "eventDate", loc, rule, time=period,
                                                            sources=sources, raw=s[at - 1:start + q.end][:60]))
                elif not years and at >= gap_start:
                    years = True
                    self.ex.statements.append(Statement(
                        node, "leaseTerm", loc, rule, value=Decimal(q.value), unit="year",
                        bound=_bound(q), sources=sources, raw=q.raw[:60]))
            elif q.kind in ("date", "period") and at >= gap_start and (period := quantity_period(q)) is not None:
                self.ex.statements.append(Statement(node, "eventDate", loc, rule, time=period,
                                                    sources=sources, raw=q.raw[:60]))
        _dated_amount(self.ex.statements, first)


def _dated_amount(statements: list[Statement], first: int) -> None:
    """The deal's amount holds when the deal was made: the one date its terms state ("'22년 … 2천만달러
    규모 파트너십"), if they state exactly one."""
    made = {st.time for st in statements[first:] if st.kind == "eventDate"}
    if len(made) == 1 and (when := made.pop()) is not None and when.precision in ("year", "month", "day"):
        for i in range(first, len(statements)):
            if statements[i].kind == "amount":
                statements[i] = replace(statements[i], time=when)


def _bound(q: Quantity) -> str:
    if "lowerBound" in q.qualifiers:
        return "lower"
    return "upper" if "upperBound" in q.qualifiers else ""
