"""An organisation's count of a chip or system is a purchase: "xAI는 20만 개의 H100 … 가동",
"2021년에 1만 개의 A100 GPU를 확보", "GB200 200만 개 구매 완료" state a count whose item is the
hardware the organisation holds, so the organisation ``procures`` it (on the count's line).
Only actual or estimated counts of at least a hundred (not planned, targeted or forecast ones, nor the handful of
a comparison: "910C 칩 2개가 H20 칩 1개와 동등"), never of the organisation's own designs; one rule, ``derived:count-procures``,
judged by the gate like any other. A count the next verb says is leased ("10만 개를 3개월간 임대해") or run
("약 2천 여 대 운영") is judged apart (``:leased``, ``:operates``), as the counted-item claims judge a run count.
An estimated count (a table of assumptions: "GPU 숫자(개)" under the chips' columns, in an organisation's
cost model) is an estimated holding, still bought: ``derived:count-procures:estimate``, judged apart, and its link is an
estimate (a link statement of status estimate, not the plain triple: that the organisation bought it is a guess too).

A facility's or a system's count of a chip says it uses the chip: "Cortex 1.0은 H100 GPU 6.7만개",
"NVL72 랙은 … B200 GPU 72개" — ``usesChip`` on the count's line (rule ``derived:count-uses-chip``).
A model's count of a chip whose phrase says it trained ("H100 GPU 약 6,500대로 훈련" in the model's row) is the
same use, made in training: ``trainedOn`` the chip, under the same rule.
"""

from __future__ import annotations

import re
from dataclasses import replace

from petaflop.extract.claims import _OPERATE, _PURCHASE  # the verbs of a counted item's claim, bought or run
from petaflop.extract.count_coordinated import coordinated_items
from petaflop.extract.facts import LINK_STATUSES, Extraction, Fact
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.resolve import is_a

RULE = "derived:count-procures"
_COUNT_KINDS = ("chipCount", "gpuCount", "cpuCount", "unitCount")
_BUYERS = ("Firm", "AILab")
USES_RULE = "derived:count-uses-chip"
_USERS = ("Facility", "System")
_TRAINED = re.compile(r"훈련|학습|트레이닝|train", re.I)
_LEASED = re.compile(r"임대|렌탈|대여|(?i:leas|rent(?:al|ed|s)?\b)")


def _type(ex: Extraction, entity: str) -> str:
    rec = ex.entities.get(entity)
    return rec.types[0] if rec is not None and rec.types else ""


def _how_held(raw: str, lines: list[str] | None, line_no: int) -> str:
    """The rule's suffix from the first verb after the count (its phrase, read on to the report line's next words):
    ":leased" for a lease ("10만 개를 3개월간 임대해"), ":operates" for hardware run rather than bought ("약 2천
    여 대 운영") — both judged apart, as the counted-item claims judge them; "" for a purchase or no verb."""
    text = lines[line_no - 1] if lines and 0 < line_no <= len(lines) else ""
    at = text.find(raw) if raw else -1
    window = text[at:at + len(raw) + 24] if at >= 0 else raw
    bought, runs, leased = _PURCHASE.search(window), _OPERATE.search(window), _LEASED.search(window)
    first = min((m for m in (bought, runs, leased) if m is not None), key=lambda m: m.start(), default=None)
    return "" if first is None or first is bought else ":leased" if first is leased else ":operates"


def add_count_procurements(ex: Extraction, lines: list[str] | None = None) -> int:
    made = 0
    seen: set[tuple] = set()
    own = {(f.subject, str(f.obj)) for f in ex.facts if f.predicate in ("designedBy", "developedBy")}
    for st in list(ex.statements):
        if st.kind not in _COUNT_KINDS or not st.item or st.status not in ("actual", "estimate") \
                or (st.value or 0) < 100:
            continue
        if (st.item, st.subject) in own:
            continue
        buyer, item = _type(ex, st.subject), _type(ex, st.item)
        if not any(is_a(buyer, c) for c in _BUYERS) or not is_a(item, "Hardware"):
            continue
        key = (st.subject, st.item, st.location)
        if key in seen:
            continue
        seen.add(key)
        # an estimated holding, a leased or a run one: judged apart
        rule = (RULE if st.status == "actual" else f"{RULE}:estimate") + _how_held(st.raw, lines, st.location.line_start)
        # an estimated count is an estimated holding: the link is an estimate too (a link statement), never actual
        status = ("estimate",) if st.status == "estimate" else ()
        ex.add(Fact(st.subject, "procures", st.item, True, st.location, rule, st.sources, qualifiers=status,
                    raw=st.raw[:60]))
        made += 1
    return made


def add_count_chip_uses(ex: Extraction, gaz: Gazetteer | None = None, lines: list[str] | None = None) -> int:
    """``usesChip`` from a facility's or a system's count whose item is a chip (any status: a planned
    count is a planned use — the link takes the count's status, a link statement when it is not actual —, and the
    link carries no time of its own); ``trainedOn`` from a model's count of a chip
    whose phrase says it trained. With the gazetteer and the report's lines, the chips coordinated with the item
    ("55만 개의 GB200·GB300") are used alike (count_coordinated.py)."""
    made = 0
    seen: set[tuple] = set()
    for st in list(ex.statements):
        if st.kind not in (*_COUNT_KINDS, "chipsPerSystem") or not st.item or st.item == st.subject:
            continue
        user, item = _type(ex, st.subject), _type(ex, st.item)
        if not is_a(item, "Chip"):
            continue
        if is_a(user, "AIModel") and _TRAINED.search(st.raw):
            prop = "trainedOn"  # a model's chips, counted in the phrase of its training
        elif any(is_a(user, c) for c in _USERS):
            prop = "usesChip"
        else:
            continue
        items = [st.item]
        if gaz is not None and lines and 0 < st.location.line_start <= len(lines):
            items += coordinated_items(gaz, lines[st.location.line_start - 1], st.raw, st.item)
        for item in items:
            key = (st.subject, item, st.location)
            if key in seen:
                continue
            seen.add(key)
            ex.add(Fact(st.subject, prop, item, True, st.location, USES_RULE, st.sources, raw=st.raw[:60],
                        qualifiers=(st.status,) if st.status in LINK_STATUSES else ()))
            made += 1
    return made


def settle_count_link_statuses(ex: Extraction) -> int:
    """After the counts' statuses are settled (a table's row of goals, "우선 목표 | 550k GB200 & GB300", makes its
    count a target only then), each link derived from a count takes its count's status again: a planned, targeted,
    forecast or estimated count gives a link statement of that status, an actual one the plain link. Returns how
    many links changed."""
    status_of: dict[tuple, str] = {}
    at_place: dict[tuple, set[str]] = {}
    for st in ex.statements:
        if st.kind in (*_COUNT_KINDS, "chipsPerSystem"):
            if st.item:
                status_of.setdefault((st.subject, st.item, st.location), st.status)
            # a count of two items has lost its item since ("550k GB200 & GB300": count_coordinated.py)
            at_place.setdefault((st.subject, st.location), set()).add(st.status)
    changed = 0
    for i, f in enumerate(ex.facts):
        if f.rule != USES_RULE and not f.rule.startswith(RULE):
            continue
        status = status_of.get((f.subject, str(f.obj), f.location))
        if status is None:  # a chip coordinated with the count's item ("550k GB200 & GB300"): the count's status
            statuses = at_place.get((f.subject, f.location), set())
            if len(statuses) != 1:
                continue
            status = next(iter(statuses))
        kept = tuple(q for q in f.qualifiers if q not in LINK_STATUSES)
        qualifiers = (*kept, status) if status in LINK_STATUSES else kept
        if qualifiers != f.qualifiers:
            ex.facts[i] = replace(f, qualifiers=qualifiers)
            changed += 1
    return changed
