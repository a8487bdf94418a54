"""A rank written into a noun phrase said of a name (rule ``<prefix>:rank:ranked-noun``).

The rank reader of text_figures.py reads "N위" as a predicate ("1위 달성", "2위를 차지") and skips a rank that
modifies a noun ("2위 모델"). That noun phrase is a rank when the sentence says it of a name:

* before the name, as what the name is or became: "2위 그룹 중 하나인 X는", "세계 4번째로 높은 가치의 스타트업이
  된 X" — the name right after ``인`` / ``이 된`` is ranked;
* as what the clause's topic rose to: "X는 … 두 번째 AI 앱으로 등극" — the topic (or subject) is ranked.

An ordinal ("N번째") counts a sequence as often as a ranking ("2번째 클러스터인 Cortex 2.0", "첫 번째 캠퍼스"),
so it is read only with a superlative after it ("N번째로 높은/큰 …") or with a verb of rising to a place
(``등극``, ``선정``). The scope is the ranking's words: those before the rank in its clause, then the noun phrase
("세계 높은 가치의 스타트업"). A rank read right after an estimated one of the same list (the next lines of its
block) is of the same assessment and keeps its status ("자체 평가 기준 추산 1위 … 2위 그룹 중 하나인 X").
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.amounts import NATIVE_NUMBERS
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of, status_of_words

_WORDS = {"첫": 1, **{word: n for word, n in NATIVE_NUMBERS.items() if word != "한"}}  # "첫 번째", "두 번째"
_RANK = re.compile(r"(?:(?<![\d.,])(?P<place>\d{1,2})\s?위(?![가-힣])|(?<![\d.,])(?P<nth>\d{1,2})\s?번\s?째"
                   r"|(?<![가-힣])(?P<word>" + "|".join(_WORDS) + r")\s?번\s?째)")
#: a superlative after an ordinal: "4번째로 높은", "세 번째로 큰"
_SUPERLATIVE = re.compile(r"로\s(?:가장\s)?(?P<adj>높은|큰|많은|빠른|비싼|긴|넓은|가치\s?있는|인기\s?있는|규모가\s큰)")
#: the ranked noun phrase (up to four words) and how it is said of a name
_NOUN_LINK = re.compile(r"\s(?P<np>(?:[^\s.,()]{1,12}\s){0,3}?[^\s.,()]{1,12}?)"
                        r"(?P<link>(?:\s중\s하나)?(?:인|이\s된|가\s된)\s['‘“\"]?|(?:으로|로)\s(?:등극|선정))")
#: a sentence that is only the ranked phrase of a deal: "A 역사상 세 번째로 큰 규모의 투자." — the deal the sentence
#: before stated on the same line (its node) is ranked
_DEAL_NOUN = re.compile(r"\s(?P<np>(?:[^\s.,()]{1,12}\s){0,3}[^\s.,()]{0,12}?(?P<deal>투자|계약|인수|거래))\s?\.?\s*$")
_DEAL_KINDS = {"투자": "investment--", "인수": "acquisition--", "계약": "contract--", "거래": "contract--"}
_RANKING_WORDS = re.compile(r"((?:[가-힣A-Za-z][가-힣A-Za-z0-9·/]{0,12}\s?){1,3})$")
_RISE = ("등극", "선정")


def ranked_nouns(reader, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    """Reads the ranks the sentence ``s`` writes into a noun phrase said of a name (see the module)."""
    starts = clause_starts_of(s)
    for rk in _RANK.finditer(s):
        at = rk.end()
        adj = ""
        if rk.group("place") is None:
            sup = _SUPERLATIVE.match(s, at)
            if sup is not None:
                adj, at = sup.group("adj"), sup.end()
        nl = _NOUN_LINK.match(s, at)
        if nl is None:
            if adj and (dm := _DEAL_NOUN.match(s, at)) is not None:
                _ranked_deal(reader, s, rk, adj, dm, starts, mentions, loc, sources)
            continue
        rise = nl.group("link").endswith(_RISE)
        if rk.group("place") is None and not adj and not rise:
            continue  # "2번째 클러스터인 X": an ordinal of a sequence, no ranking
        c0 = max(x for x in starts if x <= rk.start())
        if rise:  # "X는 … 두 번째 AI 앱으로 등극": the clause's (or sentence's) topic before the rank
            marked = [m for m in mentions if 0 <= m.start and m.end <= rk.start() and m.role in ("topic", "subject")]
            subject = marked[-1] if marked and not any(
                m.role in ("topic", "subject") and m.start > marked[-1].end for m in mentions if m.end <= rk.start()) else None
        else:  # "… 스타트업이 된 X": the name right after the phrase
            subject = next((m for m in mentions if m.start == nl.end()), None)
        if subject is None or is_a(subject.type, "Person"):
            continue
        _add(reader, s, rk, adj, nl, c0, subject.entity, mentions, loc, sources)


def _add(reader, s: str, rk: re.Match[str], adj: str, nl: re.Match[str], c0: int, subject: str,
         mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
    value = int(rk.group("place") or rk.group("nth") or _WORDS[rk.group("word")])
    prev_end = max([c0] + [m.end for m in mentions if m.end <= rk.start()])
    before = _RANKING_WORDS.search(re.sub(r"[\d\s]+$", "", s[prev_end:rk.start()]).rstrip())
    words = re.sub(r"^(?:이|그|이런|이러한)\s", "", before.group(1).strip()) if before else ""
    words = re.sub(r"^(?:은|는|이|가|도|의)\s|(?:은|는|도)$", "", words).strip()
    if prev_end > c0 and any(m.end == prev_end and not m.role for m in mentions):  # "Amazon 역사상": the name scopes it
        words = (s[max(m.start for m in mentions if m.end == prev_end):prev_end] + " " + words).strip()
    shared = " 중 하나" if "link" in nl.groupdict() and nl.group("link").startswith(" 중") else ""  # one of a tied place
    scope = " ".join(w for w in (words, adj, nl.group("np")) if w) + shared
    status = status_of_words(s[c0:nl.end()]) or _listed_status(reader, loc) or "actual"
    reader.ex.statements.append(Statement(
        subject, "rank", loc, f"{reader.prefix}:rank:ranked-noun", value=Decimal(value), unit="count",
        status=status, time=getattr(reader, "default_time", None), scope=scope[:40], sources=sources,
        raw=s[max(0, rk.start() - 10):nl.end() + 12].strip()[:60],
    ))  # fmt: skip


def _ranked_deal(reader, s, rk, adj, dm, starts, mentions, loc, sources) -> None:
    """"A 역사상 세 번째로 큰 규모의 투자.": the one deal of that kind stated on this line is ranked."""
    if s[:rk.start()].count(" ") > 3 or any(m.role in ("topic", "subject") for m in mentions):
        return  # a phrase of its own, no clause with a subject of its own
    kind, tail = _DEAL_KINDS[dm.group("deal")], f"--L{loc.line_start}"
    nodes = [n for n in reader.ex.entities if n.startswith(kind) and n.endswith(tail)]
    if len(nodes) == 1:
        _add(reader, s, rk, adj, dm, max(x for x in starts if x <= rk.start()), nodes[0], mentions, loc, sources)


def _listed_status(reader, loc: Location) -> str:
    """The status of a rank stated on the line before (the same list of places goes on): '' when none."""
    for st in reversed(reader.ex.statements[-12:]):
        if st.kind == "rank" and 0 < loc.line_start - st.location.line_end <= 1 and not loc.table_id:
            return st.status if st.status != "actual" else ""
    return ""
