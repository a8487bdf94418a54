"""One rule id per construction, whatever way its subject was found inside the sentence.

A prose rule finds the subject of its figure in one of several ways: the clause marks it (``A는``,
``A가``: "clause-topic"), it owns the measure that carries the particle (``A의 매출은``:
"measure-owner"), the figure's clause is a relative clause ending right before it ("웨이모보다 2배 넓은 면적을
커버하게 된 로보택시": "relative-head"), or a table cell's row names it ("row"). These ways name the subject in the words
the figure belongs to, so they are one construction for the gate (as ``text:rank:named`` already is);
a subject inherited from an earlier sentence, block, slide or chapter keeps its own id, because
its precision differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from petaflop.extract.resolve import is_a

#: the ways of finding a subject that name it in the figure's own clause or row
NAMED_WAYS = frozenset({"clause-topic", "measure-owner", "relative-head", "row"})


def construction_rule(prefix: str, family: str, how: str, named: frozenset[str] = NAMED_WAYS) -> str:
    """``text:<family>:named`` for a subject named in the clause or row, else ``<prefix>:<family>:<how>``."""
    return f"text:{family}:named" if how in named else f"{prefix}:{family}:{how}"


#: a clause opening with its subject, a bare measure word ("2030년 수요는", "매출은"): no owner of its own
_BARE_MEASURE = re.compile(r"\s*(?:(?:19|20)\d{2}년\s?|올해\s|내년\s|작년\s)?([가-힣A-Za-z]{1,8})(?:은|는|이|가)\s")


def earlier_measure_owner(s: str, c0: int, q_start: int, earlier: Callable[[], list]) -> Any:
    """"A의 전력 수요는 …, 2030년 수요는 2024년 대비 147% 증가": a clause whose subject is the bare measure
    word an earlier clause of the sentence gave an owner (``A의 … 수요는``) is about that owner. Returns the
    owner's mention (a way of the "measure-owner" kind), else None. ``earlier()`` gives the mentions
    before the clause (with their roles); it is called only when the clause opens with a bare measure."""
    m = _BARE_MEASURE.match(s, c0)
    if not m or m.end() > q_start:
        return None
    tail = re.compile(r"(?:의)?\s?(?:[가-힣A-Za-z]{1,8}\s)?" + re.escape(m.group(1)) + r"(?:은|는|이|가)\s")
    owners = [e for e in earlier() if e.role in ("genitive", "") and tail.match(s, e.end)]
    return owners[-1] if owners else None


def marks_another(named: list, topic: Any, q_start: int) -> bool:
    """"A는 B가 … 포기하고, 대신 … 33%를 제안": between the sentence's topic and the figure another subject is
    marked (``B가``, ``B는``) — the figure may be that one's, so the topic is not simply carried on."""
    return any(m.entity != topic.entity and m.role in ("topic", "subject") and topic.end <= m.start
               and m.end <= q_start for m in named)


#: the ways a subject is carried from outside the figure's sentence (an earlier sentence, block, slide, chapter)
_CARRIED = ("previous-sentence-topic", "block-topic", "slide-topic", "chapter-topic", "inherited-other-named")


def counted_measure(item: Any, how: str) -> str:
    """A counted item's construction: ``count-item``. A counted system ("50만 개의 GB200 NVL72 GPU") whose subject is
    carried from outside the sentence is its own (``count-system``): a system's name counts its racks or its chips
    alike, and a figure restated for the block's project is often its site's — judged apart."""
    return "count-system" if how in _CARRIED and is_a(item.type, "System") else "count-item"


def clause_way(measure: str, how: str) -> str:
    """The sentence's own topic, marked in an earlier clause ("A는 … 돌파했고 … 사용자는 4억 명"), states a plain
    figure (``value``) or one whose measure word follows it (``value-after``: "… 10 GW 규모") as the clause's own
    marked subject does: one construction for the gate (as for spans and counted items). The marked subject's
    errors of the second (a list's last name, a counted set of a kind) are guarded in text_value_guards.py."""
    return "clause-topic" if measure in ("value", "value-after") and how == "sentence-topic" else how


#: from a figure to the head noun of its relative clause: words without a comma, a stop or a bracket, ending with a
#: verb's adnominal ending ("…을 커버하게 된", "…을 생산하는", "…를 선도해 온"); an adjective ("더 많은") is no verb,
#: and "…에 대한/위한/통한/관한" relates the figure to the name without making it the clause's subject
_RELATIVE_GAP = re.compile(r"[^,.;:()\[\]]{0,40}?(?<!대)(?<!위)(?<!통)(?<!관)(?:한|하는|할|된|되는|될|해\s?온|돼\s?온|던)\s(?:개별\s|단일\s)?['‘“\"]?")


def relative_head(s: str, q_end: int, clause_end: int, mentions: list) -> Any:
    """The mention a figure's relative clause modifies: the first mention after the figure (in its clause, not a
    genitive), when only the clause's words lie between them and they end with a verb's adnominal ending; else None."""
    head = next((m for m in mentions if m.start >= q_end), None)
    if head is None or head.start >= clause_end or not _RELATIVE_GAP.fullmatch(s, q_end, head.start):
        return None
    # "…를 연결하는 AMD의 차세대 시스템": the clause modifies the genitive's thing, not the genitive
    # ("…에 불과한 개별 X 칩의 성능": X named with its kind word is the thing itself)
    if head.role == "genitive" and not _KIND_GENITIVE.match(s, head.end):
        # "… 가격으로 제시되는 AMD의 AI 칩 “X”": the maker's thing, named right after its kind word, is the head
        made = _MAKERS_NAMED.match(s, head.end)
        return next((m for m in mentions if made and m.start == made.end() and m.end <= clause_end), None)
    return head


_KIND_GENITIVE = re.compile(r"\s?(?:칩|GPU|모델)의\s")
#: a maker's genitive, then its thing's kind word (one modifier before it at most), then the thing's (quoted) name
_MAKERS_NAMED = re.compile(r"의\s(?:[A-Za-z가-힣]{1,6}\s)?(?:칩|GPU|가속기|모델)\s?['‘“\"]?")


#: "A는 B를 통해 …", "A는 B를 두고 …": the object of "통해" (through) or "두고" (about) is what the clause measures
_INSTRUMENT = re.compile(r"['’”\"]?\s?(?:을|를)\s(?:통해|두고)\s")


def instrument_of(s: str, topic: Any, q_start: int, mentions: list) -> Any:
    """"엔비디아는 X를 통해 … 성능이 기존 대비 2배 개선된다고 주장": the thing (no firm, no person) the topic
    works through or speaks about, named between the topic and the figure, is the subject of the figure the
    topic claims (the caller checks the claim: "A는 X를 통해 매출을 늘렸다" is A's own figure); else None."""
    found = [m for m in mentions if topic.end <= m.start and m.end <= q_start and _INSTRUMENT.match(s, m.end)
             and not is_a(m.type, "Organization") and not is_a(m.type, "Person")]
    if not found or any(found[-1].end <= m.start < q_start and m.role in ("topic", "subject") for m in mentions):
        return None
    return found[-1]


#: after "X의 N배": a lead X holds ("미국의 5배 정도의 우위", "5배 앞선"), not a multiple of X — the genitive is the
#: holder of the advantage, the thing it is ahead of left unsaid
_LEAD = re.compile(r"\s?(?:이상|정도|가량|수준|내외|안팎)?\s?(?:의\s?)?(?:우위|앞서|앞선)")


def holds_lead(s: str, end: int) -> bool:
    """Whether the figure ending at ``end`` ("N배") is followed by a word of lead ("우위", "앞서"): a genitive before
    it ("X의 N배 우위") is then who leads, not the base of the multiple."""
    return bool(_LEAD.match(s, end))

