"""A share of a named whole in a table cell: "매출의 20~40% 사이", "(전체 프로젝트의 약 25%)", "주가의 약 24%를 설명".

A cell's figure is about its row's entity. A percentage right after a genitive whole (``<whole>의 (약) N%``), with no
verb of a part after it (text_shares.py reads those) and no base or change around it, is the row entity's **share**
of that whole (``metric`` "share of <whole>"). Left alone: a whole that is itself a name (whose share it is is then
unclear), a time or a base ("올해의", "대비"), a figure that starts or ends a range or a change ("A의 2.5% ~ 97.5%",
"매출의 20% 증가"), a figure a noun follows ("분포의 95% 백분위수": the noun is what it measures), and a clause that
marks its own subject (the prose readers' case). Rule ``text-cell:share-of-whole:row``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_context import figure_context, figure_flags
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: the whole, one to three words closed by the genitive right before the figure
_WHOLE = re.compile(r"((?:[가-힣A-Za-z]{1,10}\s){0,2}[가-힣A-Za-z]{1,10})의\s?(?:약\s?|대략\s?)?$")
#: words that are no whole: a time, a base, a demonstrative or a vague quantity
_NOT_A_WHOLE = re.compile(r"(?:^|\s)(?:올해|작년|내년|지난해|당시|현재|대비|이|그|해당|전년|기존|이전|최대|최소|각각)$|[년월일분기]$")
#: what may close the figure: a bound word, then a particle (anything may follow it), else the cell's punctuation, its
#: end, or a verb of a part taken or explained ("24%를 설명 가능", "25%)") — never a noun ("95% 백분위수": what it measures)
_CLOSE = re.compile(r"(?:\s?(?:사이|이상|이하|정도|수준|가량|내외))?(?:(?:을|를|이|가|은|는|에|로|으로)(?=[\s,.;:)]|$)"
                    r"|(?=[,.;:)\]=]|$|\s(?:설명|차지|해당|달[하해한]|[,.;:(=]|$)))")
#: a change or a range right after the figure: not a share
_CHANGE_OR_RANGE = re.compile(r"\s?(?:[~\-–→]|에서|부터|증가|감소|성장|상승|하락|급증|급감|인상|인하|절감|개선|향상|확대|축소|늘|줄|[↑↓])")
_BASE = re.compile(r"대비|보다|에 비해|대비해")


def row_share_of_whole(reader, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_],
                       topic: Mention_ | None, dates: list[Quantity], values: list[Quantity], loc: Location,
                       sources: tuple[str, ...]) -> bool:
    """Append the row entity's share of the whole the genitive before ``q`` names; True when one was read."""
    if reader.prefix != "text-cell" or topic is None or topic.role != "row" or is_a(topic.type, "Person"):
        return False
    if q.kind != "percent" or q.unit != "%" or q.value is None or not 0 < q.value <= 100:
        return False
    wm = _WHOLE.search(s, c0, q.start)
    if wm is None or _NOT_A_WHOLE.search(wm.group(1)) or _BASE.search(s, c0, q.start):
        return False
    if _CHANGE_OR_RANGE.match(s, q.end) or not _CLOSE.match(s, q.end):
        return False
    if re.search(r"[-−–+]\s*$", s[max(0, q.start - 2):q.start]):
        return False  # a signed figure is a change
    if any(wm.start(1) <= m.end <= wm.end(1) + 1 and m.end > wm.start(1) for m in mentions):
        return False  # the whole is (or ends with) a name: whose share it is is unclear
    if any(c0 <= m.start and m.end <= q.start and m.role in ("topic", "subject") for m in mentions):
        return False  # the clause marks its own subject: the prose readers' case
    words = wm.group(1).split()  # "비용을 매출의": the whole starts after a word closed by a particle
    while len(words) > 1 and re.search(r"(?:을|를|이|가|은|는|에|와|과|로|도)$", words[-2]):
        words = words[-1:]
    whole = " ".join(words)
    status, time, high = figure_context(reader, s, q, dates, c0, c1, values)
    reader.ex.statements.append(Statement(
        topic.entity, "share", loc, "text-cell:share-of-whole:row", value=Decimal(q.value),
        high=Decimal(high) if high is not None else None, unit="%", status=status, time=time,
        metric=f"share of {whole}"[:60], **figure_flags(q),
        sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
    ))  # fmt: skip
    return True
