"""Purchases read in a sentence by a verb frame: an organisation orders, buys or secures hardware.

"<A>는 … <chip> (칩|GPU)를 확보", "<A>, <B> 등은 <chip> 칩 … 160억 달러 이상 주문": the hardware named before
a verb of buying (``주문``, ``구매``, ``구입``, ``확보``, ``사들``, ``매입``, ``도입``) in the same clause is
procured by the buyer — the clause's topic or subject (each member of a list closed by ``등``), else the
sentence's carried topic; a planned purchase is one too ("도입 계획", "구매를 위해"). Not when the verb is
negated or refused ("구매 금지", "구매하지 못", "구매 검토"), nor when the hardware is a yardstick ("H100 동급"), nor when the hardware is the buyer's own make ("엔비디아는 … 엔비디아 H20 …"), nor
"주문형" (custom silicon). A buyer named in the sentence gives ``text:procure`` (in prose and in table cells alike); a buyer
taken from the carried topic gives ``<prefix>:procure:<how>``, judged apart by the gate.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import HOW, Mention_

_BUYERS = ("Firm", "AILab", "Organization")
# the verb, at most six short words after the hardware (no clause mark in between)
_BUY = re.compile(r"['’”\")]?\s?(?:칩|GPU|가속기|칩셋|서버)?\s?(?:\([^)]{0,20}\))?(?:을|를)?\s"
                  r"(?:[^\s,.;:()]{1,10}\s){0,6}?(주문|구매|구입|확보|사들|매입|도입)(?!형|처|량|력|선|원)")
_NOT_BOUGHT = re.compile(r"^[가-힣]{0,4}\s?(?:검토|못|금지|제한|불가|차단|중단|어려|실패|규제|취소|철회|않)")
#: an equivalence after the hardware names a yardstick, not what is bought ("H100 동급 연산 능력 … 확보")
_YARDSTICK = re.compile(r"['’”\")]?\s?(?:-?equivalent|동급|동일|상당|환산|기준|대비|수준|급)")
_LISTED_TOPIC = re.compile(r"^['’”\")]?\s?등\s?(?:은|는|이|가)\s")
_LIST_SEP = re.compile(r"['’”\"]?\s?(?:,|·|/|및|와|과)\s?['‘“\"]?")


class ProcureFrames:
    """The frame; needs ``self.ex`` and ``self.prefix`` (the TextReader's)."""

    def _procurements(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                      sources: tuple[str, ...]) -> None:
        prefix = getattr(self, "prefix", "text")
        for i, h in enumerate(mentions):
            if not is_a(h.type, "Hardware"):
                continue
            bm = _BUY.match(s, h.end)
            if bm is None or _YARDSTICK.match(s, h.end) or _NOT_BOUGHT.match(s[bm.end():bm.end() + 10]):
                continue
            if any(is_a(m.type, "Hardware") for m in mentions if h.end <= m.start < bm.end()):
                continue  # another item nearer the verb: only the last of a list is read here
            buyers, how = self._buyers(s, mentions[:i], topic)
            # a buyer named in the sentence: the same rule in prose and in cells; a carried topic: its own
            rule = "text:procure" if how in ("mention", "list") else f"{prefix}:procure:{how}"
            for b in buyers:
                if b.entity == h.entity or h.entity.startswith(b.entity + "-"):
                    continue
                self.ex.add(Fact(b.entity, "procures", h.entity, True, loc, rule, sources,
                                 raw=s[max(0, h.start - 20):bm.end()][:60]))
            # earlier items of the same list ("H800, H100, H20을 확보") share the verb
            j = i
            while j > 0 and _LIST_SEP.fullmatch(s[mentions[j - 1].end:mentions[j].start]) \
                    and is_a(mentions[j - 1].type, "Hardware"):
                j -= 1
                for b in buyers:
                    if b.entity != mentions[j].entity and not mentions[j].entity.startswith(b.entity + "-"):
                        self.ex.add(Fact(b.entity, "procures", mentions[j].entity, True, loc,
                                         rule, sources, raw=s[mentions[j].start:bm.end()][:60]))

    @staticmethod
    def _buyers(s: str, before: list[Mention_], topic: Mention_ | None) -> tuple[list[Mention_], str]:
        orgs = [m for m in before if any(is_a(m.type, c) for c in _BUYERS)]
        marked = [m for m in orgs if m.role in ("topic", "subject")]
        if marked:
            return [marked[-1]], "mention"
        # "A, B 등은": a list closed by 등 and marked as the topic or subject
        for k in range(len(orgs) - 1, -1, -1):
            if _LISTED_TOPIC.match(s[orgs[k].end:]):
                out = [orgs[k]]
                while k > 0 and _LIST_SEP.fullmatch(s[orgs[k - 1].end:orgs[k].start]):
                    k -= 1
                    out.insert(0, orgs[k])
                return out, "list"
        if topic is not None and any(is_a(topic.type, c) for c in _BUYERS) and not orgs:
            return [topic], HOW.get(topic.role, "clause")
        return [], ""
