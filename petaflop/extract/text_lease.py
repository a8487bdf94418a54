"""The length of a lease: "CAPEX+15년 리스", "GB200 … 구매 후 15년 임대", "15년 장기 클라우드 임차 계약에
의존하는 OpenAI의 Stargate": a span of years right before a word of leasing (임대, 임차, 리스, 렌탈) is the
term of the lease (``leaseTerm``, in years).

Whose lease: in a table cell, the row's entity; in prose, the clause's marked topic or subject before the
figure, else the thing the lease is said to be relied on or signed by right after it ("…계약에 의존하는
<A>의 <B>": B). One rule, ``text:lease-term`` (cells and prose alike: one construction), judged by the gate.
A lease not yet signed is planned like any figure (the reader's status).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:lease-term"
#: "15년 리스", "15년 장기 클라우드 임차 계약", "15년간 임대": at most two words between the span and the word
_LEASE = re.compile(r"(?:간|동안)?\s?(?:(?:장기|클라우드|전력|설비|용량|GPU)\s?){0,2}(?:임대|임차|리스|렌탈)(?!료|료를|인|업)")
#: what relies on the lease, or signs it, named right after it
_HOLDER_AFTER = re.compile(r"\s?(?:계약)?(?:에|을|를)\s(?:의존하는|맺은|체결한|기반한)\s")
_YEARS = re.compile(r"[\d.,]+\s?년")
_GENITIVE = re.compile(r"\s?의\s")
_HOLDERS = ("Organization", "Facility")


def _holder_after(s: str, end: int, mentions: list[Mention_]) -> Mention_ | None:
    m = _HOLDER_AFTER.match(s, end)
    if m is None:
        return None
    after = [x for x in mentions if x.start >= m.end()]
    if not after or after[0].start > m.end() + 2:
        return None
    head = after[0]
    for nxt in after[1:]:  # "OpenAI의 Stargate": the last of a genitive chain
        if not _GENITIVE.fullmatch(s[head.end:nxt.start]):
            break
        head = nxt
    return head


def lease_term(s: str, q: Quantity, c0: int, mentions: list[Mention_], topic: Mention_ | None, status: str,
               loc: Location, sources: tuple[str, ...]) -> Statement | None:
    """The lease term a span of years states, with its holder; None when it is no lease's."""
    if q.value is None or q.unit != "year":
        return None
    span = _YEARS.match(s, q.start)  # the figure's own words ("15년 장기" may be read as one)
    lm = _LEASE.match(s, span.end() if span else q.end)
    if lm is None:
        return None
    marked = [m for m in mentions if c0 <= m.start and m.end <= q.start and m.role in ("topic", "subject")]
    if topic is not None and topic.role == "row":
        holder: Mention_ | None = topic
    elif marked:
        holder = marked[-1]
    else:
        holder = _holder_after(s, lm.end(), mentions)
    if holder is None or not any(is_a(holder.type, t) for t in _HOLDERS):
        return None
    return Statement(holder.entity, "leaseTerm", loc, RULE, value=Decimal(q.value), unit="year", status=status,
                     sources=sources, raw=s[max(0, q.start - 20):lm.end()].strip()[:60])
