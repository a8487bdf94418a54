"""The measured noun as the sentence restricts it: a metric word's modifiers, kept in the metric.

A metric word of the lexicon (``metric = "label"``) read alone can say more than the sentence does: "필요할 때 바로
돌릴 수 있는 전원(화력·수력·원전·배터리)이 약 300GW" gives the capacity of the sources one can dispatch, not
of every source; "API 매출 비중이 85%" is the share of revenue from the API, not "a share". So the metric keeps
what restricts its noun:

* an **adnominal clause** right before the word ("돌릴 수 있는 전원", "AI를 위한 전력", "가동 중인 전력"): the
  words back to the clause's start, a comma, a figure, the topic or a name (at most eight);
* an **enumeration** in parentheses right after it ("전원(화력·수력·원전)"): the kinds it is limited to;
* for a **share** (비중, 비율): the bare nouns compounded before it ("API 매출 비중", "재생 전력 비율"): what
  the share is of — never a name (the subject: "미국 비중") nor a word pointing back ("그중").

A metric the reader already rewrote (a cue of taking, "소요" → time taken; a compound word) is left as it is.
"""

from __future__ import annotations

import re

#: the word right before the metric word closes an adnominal clause: "있는", "위한", "가동 중인", "확보된"
_ADNOMINAL = re.compile(r"(?:(?:있|없|하|되|않|돌리|쓰|늘리|줄이|남|모자라)는|(?:위|대|통|관|필요|가능|확보|구축|"
                        r"계획|예정|사용|투입|설치|연결|보유|공급|운영)한|(?:확보|구축|계획|예정|사용|투입|설치|연결|"
                        r"승인|허가|보유|공급|운영)된|중인)$")
#: a word ending the clause before the modifier: a topic (but not an adnominal "…는"), a comma, a figure
_TOPIC = re.compile(r"[가-힣A-Za-z0-9)](?:은|는)$")
#: "(화력·수력·원전·배터리)", "(A, B, C)": the kinds a noun is limited to, right after it
_ENUMERATION = re.compile(r"\s?\(([^()]{1,40}(?:·|,\s?)[^()]{1,40})\)")
#: a bare noun compounded before a share word ("API 매출 비중"): no particle, no figure
_BARE = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z0-9·/\-]{0,11}")
_PARTICLE = re.compile(r"(?:은|는|을|를|의|에|에서|로|으로|와|과|도|만)$")
#: words that point back or join, never part of the measured noun
_NOT_A_NOUN = re.compile(r"^(?:그중|이중|중|그|이|이번|해당|특히|또한|즉|및|반면|또|그리고|대비|기준|약|총)$")
_SHARE_KINDS = frozenset({"share"})


def restricted_metric(s: str, start: int, end: int, metric: str, kind: str, mentions: list, c0: int = 0) -> str:
    """``metric`` (the word read at ``s[start:end]``) with what restricts it in ``s``; ``mentions`` are the
    sentence's (``start``, ``end``, ``role``), ``c0`` its clause's start. The metric unchanged when nothing does."""
    if not metric or s[start:end] != metric:
        return metric
    a, b = start, end
    if kind in _SHARE_KINDS:  # no name in the compound ("미국 비중": the subject's)
        a = _compound_start(s, a, [(m.start, m.end) for m in mentions], c0)
    # the clause may name things ("AI 데이터센터를 위한"), but not the topic, subject or owner it is said of
    a = _modifier_start(s, a, [(m.start, m.end) for m in mentions if m.role in ("topic", "subject", "genitive")], c0)
    if (en := _ENUMERATION.match(s, b)) is not None:
        b = en.end()
    return re.sub(r"\s+", " ", s[a:b]).strip()[:60] if (a, b) != (start, end) else metric


def _words_before(s: str, at: int, c0: int):
    """The words before ``at`` back to ``c0``, nearest first, each with its start: stops at punctuation."""
    i = at
    while i > c0:
        j = i
        while j > c0 and s[j - 1] == " ":
            j -= 1
        k = j
        while k > c0 and not s[k - 1].isspace():
            k -= 1
        word = s[k:j]
        if not word or re.search(r"[,.;:!?\"“”'’]|[)]$|^[(]", word):
            return
        yield k, word
        i = k


def _named(k: int, word: str, names: list[tuple[int, int]]) -> bool:
    return any(a < k + len(word) and k < b for a, b in names)


def _compound_start(s: str, at: int, names: list[tuple[int, int]], c0: int) -> int:
    """The start of the bare nouns compounded before a share word at ``at`` (at most three)."""
    start = at
    for n, (k, word) in enumerate(_words_before(s, at, c0)):
        if n >= 3 or not _BARE.fullmatch(word) or _PARTICLE.search(word) or _NOT_A_NOUN.match(word) \
                or _named(k, word, names) or re.search(r"\d", word):
            break
        start = k
    return start


def _modifier_start(s: str, at: int, names: list[tuple[int, int]], c0: int) -> int:
    """The start of the adnominal clause ending right before ``at`` ("필요할 때 바로 돌릴 수 있는 "), else ``at``."""
    before = s[max(c0, at - 40):at].rstrip()
    if not _ADNOMINAL.search(before):
        return at
    start = at
    for n, (k, word) in enumerate(_words_before(s, at, c0)):
        if re.search(r"\d", word):  # "55억 달러에 달하는 비용": a clause framing the figure, no restriction
            return at
        if n >= 8 or _named(k, word, names) or (n and _TOPIC.search(word) and not _ADNOMINAL.search(word)):
            break
        start = k
    return start
