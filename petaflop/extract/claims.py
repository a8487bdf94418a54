"""Text claims: quantities in bullets, paragraphs and table cells, tied to an entity.

Each quantity found in a sentence is attached to the nearest entity mentioned before it in
the same clause (else the first one after it, else the block's default subject: the table
row's entity or the slide's topic). It is kept as a :class:`Claim` — subject, kind, value,
unit, qualifiers, as-of date, line — and promoted to a typed property when a pattern in
``claim_patterns.toml`` says which property the subject type, kind and nearby keyword mean.
Claims not promoted stay in the graph as claim nodes, and the coverage report says why.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from foundation.namespaces import PFA, RDF
from ingest.date_periods import quantity_period
from petaflop.extract.claim_values import find_values
from petaflop.extract.count_context import count_context
from petaflop.extract.facts import Claim, EntityRecord, Fact, Location
from petaflop.extract.mapping_data import MappingError, check_tables, compile_regex, entries
from petaflop.extract.resolve import Resolver, is_a
from petaflop.extract.text_frames import status_of_words
from petaflop.extract.text_reader import _FROM_RAW
from petaflop.extract.text_value_guards import per_unit_start, superseded
from petaflop.extract.values import convert, find_quantities

PATTERNS_PATH = Path(__file__).with_name("claim_patterns.toml")
RDF_TYPE = RDF.type
_EQUIVALENT = re.compile(r"\s*(?:에\s*)?(?:해당|상당|동급|equivalent)")
#: "N개의 <model>", "110k GB200": the model a count is of, right after the count or its genitive
_OF_MODEL = re.compile(r"\s?(?:의\s?)?")
#: a model written as one of several ("GB200/GB300", "GB200 & GB300", "H100과 H200"): the count is of them together
_MODEL_LIST = re.compile(r"\s?(?:[/·,&]\s?[A-Za-z0-9]|(?:과|와|및)\s?[A-Za-z])")
_MODEL_LIST_END = re.compile(r"[A-Za-z0-9]\s?[/·]\s?$")
_DATIVE = re.compile(r"['’”\"]?(?:에게|에서|에)(?![\uac00-\ud7a3])")
_PARTICLE = re.compile(r"(?:이|가|은|는|도)(?![\uac00-\ud7a3])")
# Types whose mention right before a count names what is counted, not who has it.
ITEM_TYPES = ("Hardware", "PowerTechnology", "PowerAsset", "MemoryTechnology", "Technology")
# The verb after a count of hardware an organisation has: buying it, or running it. A count with
# neither ("H100 15만 개 + H200 5만 개") says how much, not how the firm came by it.
_PURCHASE = re.compile(r"구매|구입|주문|매입|확보|도입|수입|사들|공급\s*받|(?i:purchas|buy|bought|order)")
_OPERATE = re.compile(r"운영|가동|운용|(?i:operat|run)")
_VERB_SPAN = re.compile(r"[^.;\n:+]{0,24}")
#: an unnamed other agent as the clause's subject ("3인 스타트업이 … 5억 달러 기업 가치"): a generic
#: agent noun marked by a subject particle — the figure is not the row's or slide's topic's
_GENERIC_SUBJECT = re.compile(r"(?:스타트업|경쟁사|경쟁업체|업체들|기업들|회사들|투자자들?|고객사)(?:이|가|은|는|도)(?![\uac00-\ud7a3])")
#: a power figure whose clause says it is not the topic's own capacity: "이 곳만으로도" (a place named
#: before), "29기 전체가" (the counted units), "29 × 35MW" (a calculation), "전력 소모량" (a demand)
_OTHER_POWER_REFERENT = re.compile(r"이\s?곳|그\s?곳|\d+\s?기\s?전체|×|\\times|소모|소비")
_CLAUSE_BREAK = re.compile(r"[.;!?。]\s|,\s(?=[^,]{0,8}(?:그리고|반면|또한))|\n")


@dataclass(frozen=True)
class Promotion:
    id: str
    kind: str
    subject_type: str
    keyword: re.Pattern[str] | None
    property: str
    unit: str
    window: int
    not_subject_type: str = ""  # never promote for a subject of this type (it stays a claim)
    not_before: re.Pattern[str] | None = None  # never promote a figure right after this ("SuperPOD 500개": not chips)
    not_near: re.Pattern[str] | None = None  # never promote when the window (or row label) says this ("출시를 연기")


_PROMOTE_KEYS = {"id": "str", "kind": "str", "subject_type": "str", "keyword": "str", "property": "str", "unit": "str",
                 "window": "int", "not_subject_type": "str", "not_before": "str",
                 "not_near": "str"}


def load_promotions(path: Path = PATTERNS_PATH) -> list[Promotion]:
    out = []
    from ontology.model import load_model

    model = load_model()
    check_tables(path, {"promote"})
    for where, raw in entries(path, "promote", ("id", "kind", "property"), _PROMOTE_KEYS):
        if raw["property"] not in model.properties:
            raise MappingError(f"{where}: {raw['property']!r} is not a property of the ontology")
        for key in ("subject_type", "not_subject_type"):
            if raw.get(key) and raw[key] not in model.classes:
                raise MappingError(f"{where}: {key} {raw[key]!r} is not a class of the ontology")
        kw = compile_regex(raw["keyword"], where + ".keyword") if raw.get("keyword") else None
        veto = compile_regex(raw["not_before"], where + ".not_before") if raw.get("not_before") else None
        near = compile_regex(raw["not_near"], where + ".not_near") if raw.get("not_near") else None
        out.append(Promotion(raw["id"], raw["kind"], raw.get("subject_type", ""), kw, raw["property"],
                             raw.get("unit", ""), int(raw.get("window", 24)), raw.get("not_subject_type", ""), veto,
                             near))
    return out


def _in_apposition(text: str, previous, mention) -> bool:
    """True when ``mention`` sits inside parentheses opened right after ``previous``."""
    opening = text.rfind("(", previous.end, mention.start)
    return opening == previous.end and ")" not in text[opening:mention.start]


class ClaimMiner:
    def __init__(self, resolver: Resolver, promotions: list[Promotion]) -> None:
        self.res = resolver
        self.promotions = promotions
        self.relations = None  # a RelationMiner, when table cells should also yield links

    def _is_item(self, mention) -> bool:
        ent = self.res.gaz.by_id(mention.entity_id)
        return any(is_a(ent.type, t) for t in ITEM_TYPES)

    def _is_place(self, mention) -> bool:
        return is_a(self.res.gaz.by_id(mention.entity_id).type, "Place")

    def _subject_for(self, text: str, start: int, kind: str, mentions, default: str, in_table: bool = False,
                     default_how: str = "") -> str:
        """The entity a quantity at ``start`` is about.

        Korean clauses put the actor first and the counted thing right before the number
        ("<firm>이 <chip> N개 구매"), so: an item (chip, system, power technology) directly
        before a count is what is counted, not the subject; a mention in parentheses right
        after another is an apposition and defers to it; a maker written right before its
        product ("<maker> <product>") is a modifier; in a table cell, places name where the
        row's entity acts, not who acts; among the remaining candidates in the clause, one
        marked by a subject/topic particle (이/가/은/는) wins, else the nearest.
        """
        clause_start = 0
        for br in _CLAUSE_BREAK.finditer(text, 0, start):
            clause_start = br.end()
        cands = [m for m in mentions if clause_start <= m.start and m.end <= start]
        cands = [m for i, m in enumerate(cands) if not (i and _in_apposition(text, cands[i - 1], m))]
        if in_table and default:
            cands = [m for m in cands if not self._is_place(m)]
        # a mention marked as recipient or place (에/에게/에서) is not who acts
        cands = [m for m in cands if not _DATIVE.match(text, m.end)]
        if kind == "count":
            items = [m for m in cands if self._is_item(m)]
            makers = {id(m) for m in cands for it in items if m.end <= it.start and not text[m.end:it.start].strip()}
            cands = [m for m in cands if m not in items and id(m) not in makers]
        if cands:
            marked = [m for m in cands if _PARTICLE.match(text, m.end)]
            self.how = "marked" if marked else "nearest"
            return (marked[-1] if marked else cands[-1]).entity_id
        if default:
            self.how = default_how or ("row" if in_table else "slide")
            if _GENERIC_SUBJECT.search(text, clause_start, start):
                self.how += ":generic-subject"  # judged apart: the clause names another, unnamed actor
            elif kind in ("power", "energy") and _OTHER_POWER_REFERENT.search(text, clause_start, start):
                self.how += ":other-referent"  # judged apart: the figure is of what the clause names, not the topic
            return default
        before = [m for m in mentions if m.end <= start]
        after = [m for m in mentions if m.start >= start]
        self.how = "outside-clause"
        if before:
            return before[-1].entity_id
        return after[0].entity_id if after else ""

    def mine(self, text: str, loc: Location, default_subject: str, sources: tuple[str, ...], rule: str,
             header: str = "", in_table: bool = False, default_how: str = "", row_date: str = "") -> list[Claim]:
        """Find the quantities in ``text`` and record them as claims (and promoted facts).

        ``default_how`` names how the default subject was chosen when it is not simply the row's
        or the slide's topic (it becomes part of the promoted fact's rule, judged on its own).
        ``row_date`` is the date a table row is labelled with ("2024년 05월 10일 | 시리즈 B 펀딩 | …"):
        a figure in the row that names no time of its own holds for it."""
        if not text.strip():
            return []
        mentions = [m for m in self.res.gaz.find_mentions(text)]
        for m in mentions:
            self.res.record(self.res.gaz.by_id(m.entity_id))
        claims = []
        header_dates = [h for h in find_quantities(header) if h.kind in ("date", "period") and h.date_start]
        # a label that makes every figure under it a goal, plan or forecast ("장기 청사진 (≈2030)", "목표")
        header_status = status_of_words(header) if in_table else ""
        for q in find_values(text, header):
            if _FROM_RAW.match(text[q.end:]) or superseded(text, q.start, q.end):  # "X에서 Y로", "원래 X → Y"
                q = replace(q, qualifiers=(*q.qualifiers, "earlierValue"))
            if header_dates and not q.as_of:
                q = replace(q, as_of=(p.text if (p := quantity_period(header_dates[0])) is not None else ""))
            elif row_date and not q.as_of:
                q = replace(q, as_of=row_date)
            if q.kind == "number" and self._adjacent_items(text, q, mentions):
                q = replace(q, kind="count", unit="count")  # "110k GB200": a bare number of things
            subject = self._subject_for(text, q.start, q.kind, mentions, default_subject, in_table, default_how)
            if not subject:
                continue
            cid = "claim-" + hashlib.sha1(f"{loc.key}|{q.start}|{subject}|{q.raw}".encode()).hexdigest()[:16]
            window = text[max(0, q.start - 24): q.end + 8]
            if header_status and not status_of_words(window) and header_status not in q.qualifiers:
                q = replace(q, qualifiers=(*q.qualifiers, header_status))  # the row's or column's label says
            claim = Claim(cid, subject, q.kind, q.value, q.unit, window, loc, rule, q.qualifiers, q.low, q.high,
                          q.as_of, sources)
            asset_power = q.kind in ("power", "energy") and any(
                is_a(self.res.gaz.by_id(m.entity_id).type, t) for m in self._adjacent_items(text, q, mentions)
                for t in ("PowerTechnology", "PowerAsset"))
            self._promote(claim, text, q.start, header, asset_power, q.end,
                          self._chip_model(text, q, mentions) if q.kind == "count" else "")
            self._record(claim)
            if q.kind == "count":
                self._counted_item(claim, text, q, mentions)
            claims.append(claim)
        self._dates(text, loc, mentions, sources, rule)
        if self.relations is not None and len(mentions) >= 2:
            self.relations.mine(text, loc, sources)
        return claims

    def _adjacent_items(self, text: str, q, mentions) -> list:
        """Item mentions written right next to a quantity, before or after it."""
        return [m for m in mentions if self._is_item(m) and (
            (m.end <= q.start and not text[m.end:q.start].strip()) or (m.start >= q.end and not text[q.end:m.start].strip()))]

    def _counted_item(self, claim: Claim, text: str, q, mentions) -> None:
        """The hardware a count is of ("GB200 11만 개", "40만 개 GB200") is linked to the claim,
        and the claim's subject to it: a facility uses it, an organization procures it."""
        adjacent = self._adjacent_items(text, q, mentions)
        if not adjacent or _EQUIVALENT.match(text, q.end):  # "H100 500만 개에 해당": a yardstick, not hardware
            return
        item = adjacent[0].entity_id
        ex = self.res.ex
        ex.add(Fact(claim.id, "countedItem", item, True, claim.location, claim.rule, claim.sources))
        item_type = self.res.gaz.by_id(item).type
        subject = ex.entities.get(claim.subject)
        s_types = subject.types if subject else ()
        link = ""
        if any(is_a(t, "Facility") for t in s_types):
            link = "usesChip" if is_a(item_type, "Chip") else "usesSystem" if is_a(item_type, "System") else ""
        rule = "claim:counted-item"
        if not link and any(is_a(t, "Agent") for t in s_types) and is_a(item_type, "Hardware"):
            # an organisation's count: the verb that follows says whether it bought or runs the hardware
            span = _VERB_SPAN.match(text, q.end)
            after = span.group(0) if span else ""
            bought, runs = _PURCHASE.search(after), _OPERATE.search(after)  # the first verb after the count
            if bought and not (runs and runs.start() < bought.start()):
                link, rule = "procures", "claim:counted-item:purchase"
            elif runs:  # it runs them: it depends on the chip (no facility is named)
                link, rule = ("dependsOnChip" if is_a(item_type, "Chip") else ""), "claim:counted-item:operates"
            else:
                link, rule = "procures", "claim:counted-item:unmarked"
        if link:
            ex.add(Fact(claim.subject, link, item, True, claim.location, rule, claim.sources, raw=claim.text))

    def _dates(self, text: str, loc: Location, mentions, sources: tuple[str, ...], rule: str) -> None:
        """Dates become properties only through a ``kind = "date"`` pattern: the nearest entity
        of the pattern's type in the same clause (either side of the date) gets the date."""
        patterns = [p for p in self.promotions if p.kind == "date"]
        if not patterns or not mentions:
            return
        for q in find_quantities(text):
            if q.kind != "date" or not q.date_start or q.date_start != q.date_end:
                continue
            a = max((br.end() for br in _CLAUSE_BREAK.finditer(text, 0, q.start)), default=0)
            nxt = _CLAUSE_BREAK.search(text, q.end)
            b = nxt.start() if nxt else len(text)
            for p in patterns:
                near = text[max(a, q.start - p.window): min(b, q.end + p.window)]
                if (p.keyword and not p.keyword.search(near)) or (p.not_near and p.not_near.search(near)):
                    continue
                cands = [m for m in mentions if a <= m.start < b
                         and is_a(self.res.gaz.by_id(m.entity_id).type, p.subject_type)]
                if not cands:
                    continue
                m = min(cands, key=lambda m: abs(m.start - q.start))
                self.res.ex.add(Fact(m.entity_id, p.property, q.date_start, False, loc, f"claim:{p.id}", sources,
                                     datatype="date", qualifiers=tuple(sorted(q.qualifiers)), raw=q.raw,
                                     as_of=q.date_start))
                break

    def _chip_model(self, text: str, q, mentions) -> str:
        """The one chip model a count is of ("20만개의 H100", "H100 150,000개"), else "": a count of one model is
        a part of the holder's chips, never its total. Several models named together ("GB200/GB300") or a
        yardstick ("A100 N개에 해당") give none."""
        after = _OF_MODEL.match(text, q.end)
        near = [m for m in mentions if is_a(self.res.gaz.by_id(m.entity_id).type, "Chip") and (
            (m.end <= q.start and not text[m.end:q.start].strip()) or (after and m.start == after.end()))]
        if len({m.entity_id for m in near}) != 1 or _EQUIVALENT.match(text, q.end) \
                or any(_MODEL_LIST.match(text, m.end) or _MODEL_LIST_END.search(text, 0, m.start) for m in near):
            return ""
        return near[0].entity_id

    def _promote(self, claim: Claim, text: str, start: int, header: str, asset_power: bool = False,
                 end: int | None = None, model: str = "") -> None:
        if asset_power:
            claim.reason = "the capacity of an on-site power source named beside it, not of the subject"
            return
        if claim.kind == "money" and per_unit_start(text, start):  # "1K 토큰당 $0.002": a price, never a total
            claim.reason = "a price per unit, not a total of the subject"
            return
        ent = self.res.ex.entities.get(claim.subject)
        subject_types = ent.types if ent else ()
        for p in self.promotions:
            if p.kind != claim.kind:
                continue
            if p.subject_type and not any(is_a(t, p.subject_type) for t in subject_types):
                continue
            if p.not_subject_type and any(is_a(t, p.not_subject_type) for t in subject_types):
                continue
            if p.keyword and not _keyword_of(p.keyword, header, text, start, end, p.window):
                continue
            if p.not_before and p.not_before.search(text, max(0, start - 24), start):
                continue
            if p.not_near and (p.not_near.search(header) or p.not_near.search(
                    text, max(0, start - p.window), (end if end is not None else start) + p.window)):
                continue  # "HIGH SPEED I/O | 224 Gbps": one lane's rate, not the link's bandwidth
            value = convert(claim.value, claim.unit, p.unit) if p.unit else claim.value
            if value is None:
                continue
            claim.promoted_to = p.property
            how = getattr(self, "how", "")  # the rule names how the subject was found: the gate judges each way
            if claim.kind == "count" and end is not None:
                how += count_context(text, start, end)  # not a holding: judged apart (count_context.py)
            high = None
            if claim.high is not None and claim.low is not None and claim.high != claim.low:
                high = convert(claim.high, claim.unit, p.unit) if p.unit else claim.high
            own_model = model and claim.kind == "count" and not how.endswith(":equivalent")  # a yardstick's model: no item
            quals = (*claim.qualifiers, f"item:{model}") if own_model else claim.qualifiers
            self.res.ex.add(Fact(claim.subject, p.property, value, False, claim.location, f"claim:{p.id}:{how}",
                                 claim.sources, datatype="decimal", qualifiers=quals,
                                 as_of=claim.as_of, raw=claim.text, high=high))
            return
        claim.reason = "no promotion pattern for this subject type, kind and keyword"

    def _record(self, c: Claim) -> None:
        ex = self.res.ex
        ex.claims.append(c)
        ex.add_entity(EntityRecord(c.id, ("Claim",), "", "", (), "claim"))
        r = c.rule
        ex.add(Fact(c.id, RDF_TYPE, PFA.Claim, True, c.location, r, c.sources))
        ex.add(Fact(c.subject, "hasClaim", c.id, True, c.location, r, c.sources))
        ex.add(Fact(c.id, "quantityKind", c.kind, False, c.location, r, c.sources))
        ex.add(Fact(c.id, "quantityValue", c.value, False, c.location, r, c.sources, datatype="decimal",
                    qualifiers=c.qualifiers, as_of=c.as_of, raw=c.text))
        ex.add(Fact(c.id, "quantityUnit", c.unit, False, c.location, r, c.sources))
        ex.add(Fact(c.id, "claimText", c.text, False, c.location, r, c.sources, lang="ko"))
        if c.low is not None and c.high is not None and c.low != c.high:
            ex.add(Fact(c.id, "quantityLow", c.low, False, c.location, r, c.sources, datatype="decimal"))
            ex.add(Fact(c.id, "quantityHigh", c.high, False, c.location, r, c.sources, datatype="decimal"))
        if c.promoted_to:
            ex.add(Fact(c.id, "promotedTo", PFA[c.promoted_to], True, c.location, r, c.sources))


def _decimal(x) -> Decimal:
    return x if isinstance(x, Decimal) else Decimal(str(x))


def _keyword_of(keyword: re.Pattern[str], header: str, text: str, start: int, end: int | None, window: int) -> bool:
    """The pattern's keyword names the figure at ``start``..``end``: within ``window`` of it, or in the header
    (a table's row label). A keyword after the figure and right before another figure is that one's
    ("투자·가치 | 3억 달러 조달, 기업가치 33억 달러": the 33억 is the value, the 3억 is not, whatever the label)."""
    end = start + 1 if end is None else end
    others = 0
    for m in keyword.finditer(text, max(0, start - window), start + window):
        if m.start() >= end and _NEXT_FIGURE.match(text, m.end()):
            others += 1
            continue
        return True
    return not others and bool(keyword.search(header))


#: what follows a keyword that names the figure after it: at most a space and a particle, then the figure
_NEXT_FIGURE = re.compile(r"\s?(?:은|는|이|가|도|:)?\s?(?:약\s?)?[$\\]*\d")
