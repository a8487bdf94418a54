"""Figures in prose that state no value: a label of what follows, a figure defined in a parenthesis,
a number that is part of a name ("Ascend 910", "Grok 1", "6000D")."""

from __future__ import annotations

import re

from ingest.quantities import Quantity
from petaflop.extract.text_frames import Mention_

#: "Ascend 910", "Grok 1", "Phase 2", "RTX PRO 6000D": a bare number glued to a Latin name is part of it
_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.+]*[\s-]?$")
_NAME_AFTER = re.compile(r"^[A-Za-z0-9]")


def not_a_value(s: str, q: Quantity) -> bool:
    """"(0-32K: 1달러; …)": a figure labelling what follows; "(100%는 모든 유희시간 활용)": a figure
    defined in a parenthesis — neither states a value."""
    if re.match(r"(?:\s?[가-힣A-Za-z]{1,8}){0,2}\s?:(?:\s|$)", s[q.end:]):  # "최대 8개 GPU: …" labels a line
        return True
    if q.kind == "duration" and (q.raw.endswith("분기") or s[q.end:q.end + 1] == "기"):  # "1분기": a quarter
        return True
    return s.count("(", 0, q.start) > s.count(")", 0, q.start) and bool(re.match(r"[은는]\s", s[q.end:]))


def part_of_name(s: str, q: Quantity, mentions: list[Mention_]) -> bool:
    """A figure that is (part of) a name: inside an entity's mention, or a unitless number right
    after a Latin word ("Ascend 910", "Grok 1") or running into letters ("6000D", "235B-A22B")."""
    if any(m.start <= q.start < m.end or q.start <= m.start < q.end for m in mentions):
        return True
    if q.kind != "number":
        return False
    return bool(_NAME_BEFORE.search(s[:q.start]) or _NAME_AFTER.match(s[q.end:]) or s[q.end:q.end + 1] == "-")


#: a quotation that is reported speech: its closing quote followed by the quoting ending ("…"라고 말했다)
_SPEECH_END = re.compile(r"[”\"](?:라고|이라고|고|라며|며)(?![가-힣])")
#: "에이전트 제품의 가격": a common noun in the genitive right before the measure word owns the measure
_NOUN_OWNER = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{1,10})의\s?$")
#: genitives that name no other owner: the subject itself (자사의, 그들의), a time (올해의), a place in it (…에서의)
_NOT_AN_OWNER = re.compile(r"^(?:자사|자체|본인|본인들|그들|이들|그|회사|당사|동사|올해|작년|내년|금년|연간|당시|현재|"
                           r"전체|전년|기존|최근|향후|미래|과거|[가-힣]*에서|[가-힣]*년|[가-힣]*월|[가-힣]*분기)$")


def in_reported_speech(s: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation that ends as reported speech ("…"라고 말했다)."""
    opened = max(s.rfind("“", 0, pos), s.rfind('"', 0, pos) if s.count('"', 0, pos) % 2 else -1)
    if opened < 0 or s.rfind("”", 0, pos) > opened:
        return False
    return _SPEECH_END.search(s, pos) is not None and not re.search(r"[”\"]", s[pos:_SPEECH_END.search(s, pos).start()])


def measure_of_another(s: str, q: Quantity, metric_at: int, subject: Mention_) -> bool:
    """A figure the marked subject does not own: quoted speech of its ("폭스콘은 "… 투자액은 N달러 …"라고"), or
    a measure a common noun in the genitive owns ("OpenAI는 … 에이전트 제품의 가격을 월 N달러")."""
    if in_reported_speech(s, q.start) and not in_reported_speech(s, subject.start):
        return True
    if not subject.end < metric_at < q.start:  # the measure word between the subject and the figure ("N달러의 매출": none)
        return False
    owner = _NOUN_OWNER.search(s[max(subject.end, metric_at - 14):metric_at])
    return owner is not None and not _NOT_AN_OWNER.match(owner.group(1))


#: a multiple's parenthesis left open before a figure: "비용을 최대 200배(80달러→0.40달러) 절감"
_MULTIPLE_OPEN = re.compile(r"\d\s?배\s?\([^()]*$")


def working_pair(s: str, q: Quantity, rule: str) -> str:
    """A from-to pair in the parenthesis right after a multiple ("200배(80달러→0.40달러)") is the
    working of the multiple: its figures measure what the multiple does (a price per unit, a cost
    before and after), not the words before it — judged apart (``…:multiple-working``)."""
    return f"{rule}:multiple-working" if _MULTIPLE_OPEN.search(s, 0, q.start) else rule
