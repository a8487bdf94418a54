"""Power assets in prose and cells: what powers a facility ("캠퍼스에 가스 터빈 29기를 설치", "연료전지가
X 캠퍼스에 전력을 공급") and how long a storage asset discharges ("2시간 BESS", "BESS로 2~5시간").

**Power sources.** A power asset or technology named as the object of a verb of installing or using
(``<asset>(N기)를 설치/구축/건설/도입/채택/활용``) powers the facility or site of its clause: the one in the
place case (``<facility>에``: ``text:power-source:place``), else the clause's topic or subject, else
the sentence's, block's or row's topic (one rule in prose and cells, ``text:power-source:topic``: the
same construction, its owner marked by the topic; the verb may carry "추가/신규/직접": "추가도입"). In a
facility's table row, an asset counted at the end of a cell's item ("+ 메가팩 100대") is the row's
equipment: the same rule. An asset as the subject of
``<facility>에 전력을 공급`` powers that facility (``text:power-source:supplies``).

**Storage durations.**
A duration written right next to a storage asset is its **storageDuration**: the figure as the asset's
modifier (``N시간 <asset>``, ``N시간 급 <asset>``, ``N분 배터리 (<asset>)`` — the asset a parenthesis
names after a generic storage word is the one meant) or the figure right after the asset with the
instrumental particle (``<asset>로 N시간``: "for N hours with the asset"), or the figure as the object of
a verb of lasting with the asset as its topic (``<asset>는 약 N시간을 버틴다``; the storage at a site,
``<site>에 있는 N대의 <asset>``, is the site's). Storage assets: the
BatteryStorage class, or a power technology named by a storage word (BESS, ESS, UPS, battery).
The figure is consumed so the generic value reader does not read it again.
The construction names both ends, so it has one rule in prose and cells: ``text:storage-duration:adjacent``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Fact, Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import HOW, Mention_, clause_starts_of
from petaflop.extract.text_power_mix import power_mix
from petaflop.extract.values import find_quantities

_STORAGE_WORD = re.compile(r"BESS|ESS|UPS|배터리|축전|저장|[Mm]egapack|메가팩|[Bb]atter")
#: between the figure and the asset: nothing, "급", a generic storage word before the asset's parenthesis
_BEFORE_GAP = re.compile(r"\s?(?:급\s?)?(?:(?:배터리|BESS|ESS|저장\s?장치)\s?\(\s?)?")
#: between the asset and the figure: the instrumental particle ("BESS로 2~5시간")
_AFTER_GAP = re.compile(r"\)?\s?(?:으로|로)\s(?:약\s?|최대\s?|최소\s?)?")
#: the asset as the clause's topic or subject, the figure the object of a verb of lasting ("BESS는 약 2시간을 버틴다")
_LASTS_GAP = re.compile(r"\)?['’”\"]?\s?(?:은|는|이|가)\s(?:약\s?|최대\s?|최소\s?)?")
_LASTS_VERB = re.compile(r"\s?(?:을|를|동안|간)?\s?(?:버[티틴틸텨텼]|지속|유지)")
#: "<facility>에 있는 (N대의) <asset>": the storage at a site is the site's
_AT_SITE = re.compile(r"에\s?(?:있는|설치된|배치된|구축된)\s(?:[\d,]+\s?(?:대|기|개)의?\s)?")
_UNITS = {"hour", "minute"}
#: "100MW급 4시간 BESS 구축에 1.57억 달러": a reference configuration that is priced, not an asset's figure
_PRICED_SPEC = re.compile(r"\)?\s?(?:\([^)]{0,20}\)\s?)?(?:구축|설치|도입|건설)(?:에|시|하는\s?데|\s?비용)")
_SOURCES = ("PowerTechnology", "PowerAsset")
_USERS = ("Facility", "Site")
#: a verb of installing or using right after the asset (a count of units may come between)
_POWER_VERB = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:\s?기반\s?(?:발전소|발전\s?설비|발전기))?"
                         r"\s?(?:\d[\d,]*\s?(?:기|대|개|유닛)\s?)?(?:을|를|으로|로)?\s?"
                         r"(?:[가-힣]{1,4}\s|(?:추가|신규|직접)\s?)?(?:설치|구축|건설|도입|채택|활용|사용|배치|증설)"
                         # not a cost or permit of it, nor a step after which something else happens
                         r"(?!\s?(?:비용|기간|허가|계획|후|이후|뒤|하면|할\s?경우))")
#: in a facility's row, an asset counted at the end of a cell's item ("+ 메가팩 100대"): the row's equipment
_COUNTED = re.compile(r"\s?\d[\d,]*\s?(?:기|대|유닛)\s*(?:$|[,+·/→(])")
#: "<facility>에 전력을 공급" after the asset as the clause's subject
_SUPPLY_AFTER = re.compile(r"\s?(?:[가-힣]{1,6}\s)?(?:전력|전기|전원)(?:을|를)?\s?(?:[가-힣]{1,4}\s)?공급")
#: the figure's own text (the quantity parser may take a syllable of the next word: "5분 배")
_FIGURE = re.compile(r"[\d.,]+(?:\s?[~\-–]\s?[\d.,]+)?\s?(?:시간|분)(?:\s?반)?")


_COUNTED_BEFORE = re.compile(r"\s?[\d,.]+\s?(?:기|대|개|units?)\s?(?:(?:≈|=|→|,|총|약|으로|로)\s?)?(?:총\s?)?(?:약\s?)?")
_SOURCE_AFTER = re.compile(r"\s?(?:\([^)]{0,12}\)\s?)?(?:이상의|규모의|급|의)?\s?")


#: "Oracle 합작 4.5 GW": an organisation and a word of a deal right before a figure label the figure as the deal's
_DEAL_LABEL = re.compile(r"\)?['’”\"]?\s?(?:와의?\s|과의?\s)?(?:합작|공동\s?투자|계약|제휴|JV)\s?(?:분\s?)?(?:약\s?|총\s?)?")
#: "4.5 GW 신규 포함 총 5 GW": a part the total after it includes, not the whole
_PART_OF_TOTAL = re.compile(r"\s?(?:[가-힣]{1,4}\s?)?(?:을|를)?\s?포함(?:한|하여|해)?\s?(?:총|전체)")
#: "100MW 이상의 태양광": the figure tied by the genitive to the source it sizes
_SOURCE_GENITIVE = re.compile(r"\s?(?:이상의|이하의|규모의|의)\s?")


def cell_power_of_another(s: str, q: Quantity, mentions: list[Mention_], subject: str) -> bool:
    """Whether a power figure in a row's cell is not the row's: the capacity of a deal with another
    organisation written right before it ("Oracle 합작 4.5 GW"), of a power source it sizes through
    the genitive ("100MW 이상의 태양광": that plant's own size, not the facility's), or a part of the
    total written after it ("4.5 GW 신규 포함 총 5 GW")."""
    deal = [m for m in mentions if m.end <= q.start and m.entity != subject and is_a(m.type, "Organization")
            and _DEAL_LABEL.fullmatch(s, m.end, q.start)]
    sized = [m for m in mentions if m.start >= q.end and (is_a(m.type, "PowerAsset") or is_a(m.type, "PowerTechnology"))
             and _SOURCE_GENITIVE.fullmatch(s, q.end, m.start)]
    return bool(deal or sized) or bool(_PART_OF_TOTAL.match(s, q.end))


def power_source(s: str, q: Quantity, mentions: list[Mention_]) -> Mention_ | None:
    """The power asset or technology a capacity figure is of: named right after it ("600MW 태양광"),
    or counted right before it ("LM2500XPRESS 29기 ≈ 1 GW")."""
    sources = [m for m in mentions if is_a(m.type, "PowerAsset") or is_a(m.type, "PowerTechnology")]
    before = [m for m in sources if m.end <= q.start and _COUNTED_BEFORE.fullmatch(s[m.end:q.start])]
    if before:
        return before[-1]
    return next((m for m in sources if m.start >= q.end and _SOURCE_AFTER.fullmatch(s[q.end:m.start])), None)


class PowerFrames:
    """Mixed into the text reader (``self.ex``, ``self.prefix`` and ``self.consumed`` come from it)."""

    def _power_sources(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                       sources: tuple[str, ...]) -> None:
        power_mix(self.ex, s, mentions, loc, sources)  # "X의 A·B 결합 C" (text_power_mix.py)
        starts = clause_starts_of(s)
        for m in mentions:
            if not any(is_a(m.type, t) for t in _SOURCES):
                continue
            c0 = max(c for c in starts if c <= m.start)
            later = [c for c in starts if c > m.start]
            c1 = later[0] if later else len(s)
            users = [x for x in mentions if any(is_a(x.type, t) for t in _USERS) and x.entity != m.entity]
            if m.role in ("subject", "topic"):
                fed = next((x for x in users if m.end <= x.start < c1 and x.role == "place"
                            and _SUPPLY_AFTER.match(s, x.end + 1)), None)
                if fed is not None:
                    self._powered(fed, m, "text:power-source:supplies", s, loc, sources)
                    continue
            counted = self.prefix == "text-cell" and topic is not None and topic.role == "row" \
                and bool(_COUNTED.match(s, m.end))
            if not _POWER_VERB.match(s, m.end) and not counted:
                continue
            place = [x for x in users if c0 <= x.start and x.end <= m.start and x.role == "place"]
            marked = [x for x in users if c0 <= x.start and x.end <= m.start and x.role in ("topic", "subject")]
            if place:
                self._powered(place[-1], m, "text:power-source:place", s, loc, sources)
            elif marked:
                self._powered(marked[-1], m, "text:power-source:topic", s, loc, sources)
            elif topic is not None and any(is_a(topic.type, t) for t in _USERS) and HOW.get(topic.role):
                self._powered(topic, m, "text:power-source:topic", s, loc, sources)

    def _powered(self, user: Mention_, source: Mention_, rule: str, s: str, loc: Location,
                 sources: tuple[str, ...]) -> None:
        lo = min(user.start, source.start) if user.start >= 0 else source.start
        self.ex.add(Fact(user.entity, "poweredBy", source.entity, True, loc, rule, sources,
                         raw=s[max(lo, 0):max(user.end, source.end) + 8][:60]))

    def _is_storage(self, s: str, m: Mention_) -> bool:
        if is_a(m.type, "BatteryStorage"):
            return True
        return is_a(m.type, "PowerTechnology") and bool(_STORAGE_WORD.search(s[m.start:m.end]))

    def read_storage_label(self, text: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """A table cell naming a storage option by its duration ("5분 배터리 (UPS)", "2시간 BESS (메가팩)",
        a row or column label): the same construction as in prose, whatever table the cell stands in."""
        if len(text) > 40 or not mentions:
            return
        self.consumed = set()
        values = [q for q in find_quantities(text) if q.value is not None]
        self._storage_durations(text, values, mentions, loc, sources)

    def _storage_durations(self, s: str, values: list[Quantity], mentions: list[Mention_], loc: Location,
                           sources: tuple[str, ...]) -> None:
        for q in values:
            if q.kind != "duration" or q.unit not in _UNITS or q.value is None or q.start in self.consumed:
                continue
            fig = _FIGURE.match(s, q.start)
            end = fig.end() if fig else q.end
            asset = next((m for m in mentions if m.start >= end and _BEFORE_GAP.fullmatch(s[end:m.start])
                          and self._is_storage(s, m)), None)
            if asset is not None:  # "2시간 BESS (메가팩)": the asset the parenthesis names is the one meant
                asset = next((m for m in mentions if m.start > asset.end and re.fullmatch(r"\s?\(\s?", s[asset.end:m.start])
                              and self._is_storage(s, m)), asset)
            else:
                asset = next((m for m in mentions if m.end <= q.start and _AFTER_GAP.fullmatch(s[m.end:q.start])
                              and self._is_storage(s, m)), None)
            if asset is None and _LASTS_VERB.match(s, end):  # "BESS는 약 2시간 반을 버틴다"
                asset = next((m for m in mentions if m.end <= q.start and _LASTS_GAP.fullmatch(s[m.end:q.start])
                              and self._is_storage(s, m)), None)
                site = next((m for m in mentions if asset is not None and m.end <= asset.start
                             and any(is_a(m.type, t) for t in _USERS) and _AT_SITE.fullmatch(s[m.end:asset.start])), None)
                asset = site or asset
            if asset is None or _PRICED_SPEC.match(s, asset.end):
                continue
            if re.match(r"\s?(?:이내|미만|이하|이상|초과|동안의?\s?(?:비용|가격))", s[end:end + 6]):
                continue  # "16시간 이내에는 배터리가 더 싸다": a break-even, not the asset's duration
            high = q.high if q.high is not None and q.low is not None and q.high != q.low else None
            self.ex.statements.append(Statement(
                asset.entity, "storageDuration", loc, "text:storage-duration:adjacent", value=Decimal(q.value),
                high=Decimal(high) if high is not None else None, unit=q.unit, metric="storage duration",
                approximate="approximate" in q.qualifiers, sources=sources,
                raw=s[max(0, min(q.start, asset.start) - 6):max(q.end, asset.end) + 6].strip()[:60],
            ))  # fmt: skip
            self.consumed.add(q.start)
