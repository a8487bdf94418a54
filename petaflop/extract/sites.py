"""Sites as nodes: "<place>에 (새|첫|세 번째 …) 데이터센터/거점/공장/R&D 센터 (개설|건설|설립|신설|구축)".

A clause opening a facility at named places makes one node per place (places joined by ",", "·",
"및", "와" are several sites; "사우디 리야드" — a country then a place in it — is one site in the
more specific place). Its operator is the organisation the clause is about: the table row's first
cell (carried down a group of continuation rows), else the one organisation marked as the
sentence's topic or subject ("X는/은/이/가") before the places. Nothing is made when no single
operator is named.

The node is named from operator + place + kind ("Tencent Cloud Osaka data center"; an ordinal
"세 번째" is kept: "… third Indonesia data center"), with every Latin alias of the operator and the
place as alternative labels. Data centers and cloud sites are compute facilities run by the
operator (``operatedBy``); a plant or an R&D centre is a site the firm owns (``ownedBy``). A
money figure the clause invests in building it ("건설에 1.5억 달러 투자") is the site's capex — planned when
its own words say so ("투자 예정") or when the clause is a cell of a table whose caption lists plans
("… 해외 인프라 계획", "추진", "예정"): such a table gives the sums pledged, not what was spent.
Rule ids: ``site:locatedIn``, ``site:holder:named|topic`` (see :meth:`SiteReader._facts`) and
``site:terms`` (capex, opening date, the chip a site runs).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from foundation.namespaces import PFA, RDF
from ingest.model import Bullet, Figure, Paragraph
from ingest.quantities import REFERENCE_DATE, find_quantities
from petaflop.extract.cell_text import caption_for_status, quantity_period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.resolve import created_id, is_a
from petaflop.extract.text_frames import status_of_words

if TYPE_CHECKING:
    from collections.abc import Callable

    from ingest.model import Document, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.gazetteer import Entity, Mention
    from petaflop.extract.resolve import Resolver

#: facility nouns: (pattern, English kind word, ontology class, how the firm holds it)
_KINDS = (
    (r"(?:AI\s?)?데이터\s?센터", "data center", "ComputeCluster", "operatedBy"),
    (r"거점|리전", "site", "ComputeCluster", "operatedBy"),
    (r"R&D\s?센터|연구\s?센터", "R&D center", "Site", "ownedBy"),
    (r"반도체\s?공장|팹", "fab", "Site", "ownedBy"),
    (r"생산\s?시설|(?:생산\s?)?공장", "plant", "Site", "ownedBy"),
)
_KIND = "|".join(f"(?P<k{i}>{p})" for i, (p, _, _, _) in enumerate(_KINDS))
#: "에 <≤20 characters of modifiers> <kind>(을/를/의)? … <opening verb>"
_CLAUSE = re.compile(
    rf"에\s+(?P<mid>[^에,.;:()]{{0,20}}?)(?:{_KIND})(?:을|를|의)?\s?(?:및\s?[^\s,.;]{{1,8}}\s?(?:사무소\s?)?)?"
    r"(?P<verb>개설|건설|설립|신설|구축|개소|착공|증설)"
)
#: "<kind>을/를 <places>에 <opening verb>" (the facility named before where it goes)
_CLAUSE_AFTER = re.compile(
    rf"(?:{_KIND})(?:을|를)\s(?P<where>[^,.;에]{{1,25}}?)에\s?(?P<verb>개설|건설|설립|신설|구축|개소|착공|증설)"
)
#: "<facility noun>인 “<known facility>”": the noun phrase before names who holds it
_APPOSITION = re.compile(r"(?:AI\s?DC|데이터\s?센터|클러스터|슈퍼\s?컴퓨터|캠퍼스)(?:인|이자)\s[“\"']?")
#: "<firm>의 차량 생산 기지인 “<plant>”": a plant or fab named in apposition is a site the genitive's firm owns
_PLANT_APPOSITION = re.compile(r"(?:생산\s?)?(?:기지|공장|팹|시설)(?:인|이자)\s[“\"']?")
_GENITIVE_HOLDER = re.compile(r"^(?:社|사)?의\s(?:[^\s.,;]{1,12}\s){0,3}$")
#: what the topic does with the facility: the verb right after it
_HOLD_VERB = {"보유": "ownedBy", "소유": "ownedBy", "운영": "operatedBy", "건설": "developedBy", "구축": "developedBy"}
_AFTER_FACILITY = re.compile(r"^[”\"']?\s?(?:을|를)\s(?:[^\s.,;]{1,8}\s){0,2}?(?P<verb>보유|소유|운영|건설|구축)")
_BUILD = re.compile(r"건설|구축|착공|증설")
_ORDINAL = re.compile(r"(첫|두|세|네|다섯)\s?번째")
_FIRST = re.compile(r"\s?(?:첫|최초의?)(?:\s|$)")
_ORDINALS = {"첫": "first", "두": "second", "세": "third", "네": "fourth", "다섯": "fifth"}
#: what may stand between places in one place phrase
_SEP = re.compile(r"^[\s,·/]*(?:및|와|과)?[\s,·/]*$")
_GROUP_END = re.compile(r"\s*(?:주|등지|등)?\s*$")
_TOPIC = re.compile(r"^\s*(?:社|사)?(?:는|은|이|가)\s")
_MONEY_AFTER = re.compile(r"^에\s?(?P<money>[^에,;]{1,20}?)\s?투자")
#: "<operator>(社)와/의 <place> 데이터센터에 <chip> 배치": a site named as a noun phrase, and what it runs
NOUN_OPERATOR = re.compile(r"^\s?(?:社|사)?(?:와|과|의)\s$")
_CHIP_VERB = re.compile(r"^에\s(?P<obj>[^,.;에]{1,25}?)(?:을|를)?\s?(?:배치|도입|탑재|설치)")
_KIND_RX = re.compile(_KIND)


def _latin(names: list[str]) -> list[str]:
    return [n for n in dict.fromkeys(names) if n and re.search(r"[A-Za-z]", n) and not re.search(r"[\uac00-\ud7a3]", n)]


class SiteReader:
    """Finds site-opening clauses in prose and table cells and adds the site nodes."""

    def __init__(self, ex: Extraction, res: Resolver) -> None:
        self.ex = ex
        self.res = res

    def _entity(self, m: Mention) -> Entity:
        return self.res.gaz.by_id(m.entity_id)

    def _places(self, text: str, end: int) -> list[tuple[list[Entity], bool]]:
        """The place phrase ending at ``end``: one group of places per site, and whether the group
        is one site spanning them ("미국·사우디": a joint site) rather than one inside the other."""
        mentions = [m for m in self.res.gaz.find_mentions(text[:end]) if is_a(self._entity(m).type, "Place")]
        tail = _GROUP_END.search(text[:end])
        stop = tail.start() if tail else end
        groups: list[tuple[list[Entity], bool]] = []
        for m in reversed(mentions):
            gap = text[m.end:stop]
            if gap.strip() and not _SEP.match(gap):
                break
            if groups and (not gap.strip() or gap.strip() == "·"):
                groups[0][0].insert(0, self._entity(m))  # "사우디 리야드": one site in the inner place
                groups[0] = (groups[0][0], gap.strip() == "·" or groups[0][1])
            else:
                groups.insert(0, ([self._entity(m)], False))
            stop = m.start
        return groups

    @staticmethod
    def _date_before(text: str, start: int):
        """The date written right before the place phrase ("올해 일본에 … 개설"): when the site opens."""
        dates = [q for q in find_quantities(text[:start]) if q.date_start and not text[q.end:start].strip()]
        return quantity_period(dates[-1]) if dates else None

    def _topic(self, text: str, end: int) -> str:
        """The one organisation marked as topic or subject before ``end`` ('' if none or several)."""
        orgs = {self._entity(m).id for m in self.res.gaz.find_mentions(text[:end])
                if is_a(self._entity(m).type, "Organization") and not is_a(self._entity(m).type, "Place")
                and _TOPIC.match(text[m.end:m.end + 4])}
        return next(iter(orgs)) if len(orgs) == 1 else ""

    def read(self, text: str, loc: Location, operator: str = "", sources: tuple[str, ...] = (),
             plans: bool = False) -> None:
        """Sites a clause of ``text`` opens; ``plans``: the text is a cell of a table of plans (its money is planned)."""
        found = [(m, m.start(), m.group("mid")) for m in _CLAUSE.finditer(text)]
        found += [(m, m.end("where"), "") for m in _CLAUSE_AFTER.finditer(text)]
        for m, where_end, mid in found:
            groups = self._places(text, where_end)
            if not groups:
                continue
            first = text.rfind(groups[0][0][0].name_ko or "\0", 0, where_end)
            when = self._date_before(text, first) if first >= 0 else None
            topic_end = min(m.start(), first) if first >= 0 else m.start()
            op, how = (operator, "named") if operator else (self._topic(text, topic_end), "topic")
            if not op:
                continue
            i = next(j for j in range(len(_KINDS)) if m.group(f"k{j}"))
            ordinal = _ORDINAL.search(mid)
            after = text[m.end():m.end() + 40]
            money = _MONEY_AFTER.match(after)
            for group, joint in groups:
                places = group if joint else group[-1:]
                node = self._node(op, None if joint else group[-1], i, _ORDINALS[ordinal.group(1)] if ordinal else "",
                                  m.group(f"k{i}"))
                for place in places:
                    self._facts(node, op, i, place, loc, sources, text[max(0, m.start() - 20):m.end()][:60], how,
                                builds=bool(_BUILD.match(m.group("verb"))))
                for region in self._first_in(mid):  # "리야드에 중동 첫 데이터센터": the first in that region
                    self.ex.add(Fact(node, "locatedIn", region, True, loc, "site:locatedIn", sources,
                                     raw=text[max(0, m.start() - 20):m.end()][:60]))
                if when is not None:
                    self.ex.statements.append(Statement(
                        node, "operationDate", loc, "site:terms", time=when, sources=sources,
                        status="planned" if when.start > REFERENCE_DATE.isoformat() else "actual",
                        raw=text[max(0, first - 12):m.end()][:60]))
                if money and len(groups) == 1:
                    qs = [q for q in find_quantities(money.group("money")) if q.kind == "money" and q.value is not None]
                    for q in qs[:1]:
                        self.ex.statements.append(Statement(
                            node, "capex", loc, "site:terms", value=Decimal(q.value), unit=q.currency or "USD",
                            status=status_of_words(after) or ("planned" if plans else "actual"), sources=sources,
                            raw=q.raw[:60]))
        self._noun_sites(text, loc, sources)
        self._appositions(text, loc, sources)

    def _first_in(self, mid: str) -> list[str]:
        """The places a clause's modifiers name right before "첫"/"최초의" ("중동 첫 데이터센터"): the site is the
        first of its kind there, so it stands in them too."""
        return [self.res.record(self._entity(p)) for p in self.res.gaz.find_mentions(mid)
                if is_a(self._entity(p).type, "Place") and _FIRST.match(mid, p.end)]

    def _appositions(self, text: str, loc: Location, sources: tuple[str, ...]) -> None:
        """"xAI의 AI DC인 “콜로서스”" (operated by the genitive's organisation); "xAI는 … 클러스터인
        “Colossus”를 보유" (held by the topic as the verb says); "X의 생산 기지인 “<plant>”" (a Site the
        genitive's firm owns)."""
        mentions = self.res.gaz.find_mentions(text)
        plants = [(a, "Site") for a in _PLANT_APPOSITION.finditer(text)]
        for a, kind in [(a, "Facility") for a in _APPOSITION.finditer(text)] + plants:
            fac = next((m for m in mentions if m.start == a.end() and is_a(self._entity(m).type, kind)), None)
            if fac is None:
                continue
            orgs = [m for m in mentions if m.end <= a.start() and is_a(self._entity(m).type, "Organization")
                    and not is_a(self._entity(m).type, "Place")]
            genitive = next((m for m in reversed(orgs) if _GENITIVE_HOLDER.match(text[m.end:a.start()])), None)
            node, raw = self.res.record(self._entity(fac)), text[max(0, a.start() - 20):fac.end + 12][:60]
            if genitive is not None:  # a compute facility is run by the firm, a plant owned
                hold = "ownedBy" if kind == "Site" else "operatedBy"
                self.ex.add(Fact(node, hold, self.res.record(self._entity(genitive)), True, loc,
                                 "site:holder:named", sources, raw=raw))
                continue
            if kind == "Site":  # a plant's holder only from the genitive
                continue
            verb = _AFTER_FACILITY.match(text[fac.end:fac.end + 24])
            topic = self._topic(text, a.start())
            if verb and topic:
                self.ex.add(Fact(node, _HOLD_VERB[verb.group("verb")], topic, True, loc, "site:holder:topic",
                                 sources, raw=raw))

    def _noun_sites(self, text: str, loc: Location, sources: tuple[str, ...]) -> None:
        """"<operator>社와 <place> 데이터센터에 <chip> 배치": the operator and the place name the site."""
        mentions = self.res.gaz.find_mentions(text)
        for k in _KIND_RX.finditer(text):
            place = next((m for m in mentions if m.end in (k.start(), k.start() - 1)
                          and is_a(self._entity(m).type, "Place")), None)
            if place is None:
                continue
            op = next((m for m in mentions if m.end <= place.start and NOUN_OPERATOR.match(text[m.end:place.start])
                       and is_a(self._entity(m).type, "Organization") and not is_a(self._entity(m).type, "Place")),
                      None)
            if op is None:
                continue
            i = next(j for j in range(len(_KINDS)) if k.group(f"k{j}"))
            opid, where = self.res.record(self._entity(op)), self._entity(place)
            node = self._node(opid, where, i, "", k.group(0))
            raw = text[op.start:k.end() + 20][:60]
            self._facts(node, opid, i, where, loc, sources, raw, "named")
            chip_clause = _CHIP_VERB.match(text[k.end():k.end() + 40])
            if chip_clause is None:
                continue
            chips = [e for e in self.res.entities_in(chip_clause.group("obj")) if is_a(e.type, "Chip")]
            for chip in chips[:1]:
                self.ex.add(Fact(node, "usesChip", self.res.record(chip), True, loc, "site:terms", sources,
                                 raw=text[op.start:k.end() + chip_clause.end()]))  # up to its verb: "… TPU 배치"

    def _facts(self, node: str, op: str, kind: int, place: Entity, loc: Location, sources: tuple[str, ...],
               raw: str, how: str, builds: bool = False) -> None:
        """Type, holder and place of a site. The holder's rule id says how it was found (``named``: the
        table row's organisation or "X의 <site>"; ``topic``: the sentence's subject). The subject of a
        sentence that builds a compute facility ("X는 … 데이터센터를 구축") is its developer."""
        cls, hold = _KINDS[kind][2], _KINDS[kind][3]
        if how == "topic" and builds and hold == "operatedBy":
            hold = "developedBy"
        self.ex.add(Fact(node, RDF.type, PFA[cls], True, loc, "site:type", sources))
        self.ex.add(Fact(node, hold, op, True, loc, f"site:holder:{how}", sources, raw=raw))
        self.ex.add(Fact(node, "locatedIn", self.res.record(place), True, loc, "site:locatedIn", sources, raw=raw))

    def _node(self, op: str, place: Entity | None, kind: int, ordinal: str, written: str) -> str:
        """The site's node: "<operator> [<ordinal>] <place> <kind>", or "<operator> <kind>s" for one
        site spanning several places; every Latin alias of operator and place is an alternative label."""
        kind_en, cls = _KINDS[kind][1], _KINDS[kind][2]
        if written.startswith("AI") and not kind_en.startswith("AI"):
            kind_en = "AI " + kind_en
        rec = self.ex.entities.get(op) or self.res.gaz.by_id(op)
        op_names = _latin([rec.name_en, *rec.aliases] if rec else []) or [op]
        lead = f"{ordinal} " if ordinal else ""
        if place is None:
            aliases = [f"{o} {lead}{kind_en}s" for o in op_names]
        else:
            place_names = _latin([place.name_en, *place.aliases]) or [place.id]
            aliases = [f"{o} {lead}{p} {kind_en}" for o in op_names for p in place_names]
            if ordinal:
                aliases += [f"{o} {p} {kind_en}" for o in op_names for p in place_names]
        known = [e for e in map(self.res.gaz.lookup, aliases) if e is not None and is_a(e.type, cls)]
        if known:  # a site the gazetteer already names ("TSMC Arizona fab"): that node, not a second one
            return self.res.record(known[0])
        eid = "site-" + created_id(aliases[0])
        ko = [getattr(rec, "name_ko", ""), place.name_ko if place is not None else ""]
        name_ko = " ".join([*ko, " ".join(written.split())]) if all(ko) else ""
        self.ex.add_entity(EntityRecord(eid, (cls,), aliases[0], name_ko, tuple(dict.fromkeys(aliases)), "table"))
        return eid


#: A caption that lists plans: "주요 클라우드 기업의 해외 인프라 계획", "… 추진 현황", "… 신설 예정"
_PLANS = re.compile(r"계획|추진|예정")


def add_sites(doc: Document, ex: Extraction, res: Resolver, sources_of: Callable[[Table], tuple[str, ...]]) -> None:
    """Site nodes from every table cell and every paragraph or bullet of the document."""
    reader = SiteReader(ex, res)
    for table in doc.tables:
        operator = ""
        plans = bool(_PLANS.search(caption_for_status(table.caption, "")))  # "… 해외 인프라 계획": a table of plans
        for i, row in enumerate(table.rows):
            if row.section or not row.cells:
                operator = ""
                continue
            head = row.cells[0].text.strip()
            if head:
                orgs = [e for e in res.entities_in(head) if is_a(e.type, "Organization") and not is_a(e.type, "Place")]
                operator = res.record(orgs[0]) if len(orgs) == 1 else ""
            for cell in row.cells[1:]:
                loc = Location(cell.line, cell.line, table.chapter, table.slide_title, table.id, i + 1, cell.column)
                reader.read(cell.text, loc, operator, sources_of(table), plans)
    for chapter in doc.chapters:
        for slide in chapter.slides:
            for block in slide.blocks:
                if isinstance(block, (Paragraph, Bullet)):
                    reader.read(block.text, Location(block.lines.first, block.lines.last, chapter.key, slide.title))
                elif isinstance(block, Figure):  # captions and the text beside an image, each on its own line
                    for text in [*block.caption, *block.text]:
                        line = _line_of(doc, text, block.lines.first, block.lines.last)
                        reader.read(text, Location(line, line, chapter.key, slide.title))


def _line_of(doc: Document, text: str, first: int, last: int) -> int:
    head = text.strip()[:20]
    for n in range(first, min(last, len(doc.lines)) + 1):
        if head and doc.lines[n - 1].strip().startswith(head):
            return n
    return first
