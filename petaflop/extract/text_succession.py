"""Which product generation follows which, read in a sentence by Korean constructions (rule
``text:succession``, one rule for the family of phrasings so the gate judges them together):

- "<X> 대비 차세대 칩인 <Y>" (Y, the next generation, compared with X);
- "<X>에서 (차세대) <Y>(시리즈)로 향상/도약/업그레이드" (the move from X to Y);
- "<X>와 (그 다음 모델인) <Y>" (Y named with X as the one after it);
- "<Y> 모델 이전인 <X>", "<Y>” 전작인 <X>" (X named as the one before Y);
- "<Y>는 기존의 (…) <X> 구조를 버린/대체한 …" (Y replacing the existing X);
- a line-up "<X>(…) → <Y>(…)" of one maker's family (the names share their first word).

When the organisation whose work moves on is the clause's subject right before the older name ("<A>가 <X>에서
차세대 <Y>로 향상", "<A>는 <X> 대비 차세대 칩인 <Y>"), both generations are its work (designed or developed,
by the genitive lexicon's classes; rule ``text:succession:maker``). A buyer's switch of products
("…로 전환/교체/업그레이드") says nothing of who made them and is not read so.

Both ends must be things of one kind (two models, two chips or systems, two architectures).
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

_KINDS = (("AIModel",), ("Hardware", "System"), ("ChipArchitecture",))

_Q = r"['’”\"‘“]?"
_NOTE = r"(?:\s?\([^()]{0,40}\))?"
_NEXT = r"(?:차세대|후속|신형|다음\s세대|후속작)"
_FAMILY = r"(?:\s?(?:시리즈|칩|모델|세대|GPU|아키텍처))?"

# older → newer: (gap after the older, gap after the newer or None when nothing must follow)
_OLDER_FIRST = (
    re.compile(_Q + _NOTE + r"\s?(?:[가-힣]{1,4}\s)?대비\s" + _NEXT + r"\s?(?:[가-힣A-Z]{1,6})?(?:인|의)?\s?" + _Q),
    re.compile(_Q + _NOTE + r"\s?에서\s(?:" + _NEXT + r"\s)?" + _Q),
    # "<X>의 후속 모델인 <Y>", "<X>의 후속작 <Y>"
    re.compile(_Q + _NOTE + r"\s?의\s후속(?:작|\s?모델|\s?칩|\s?제품|\s?버전)?(?:인|격인)?\s" + _Q),
    # "<X>와 (그 다음 모델인) <Y>", "<X>과 후속 칩인 <Y>": the one after X, named with it
    re.compile(_Q + r"\s?(?:과|와)\s\(?(?:그\s)?(?:다음|후속)\s?(?:모델|칩|제품|버전|세대)?인\)?\s" + _Q),
)
_NEWER_AFTER_FROM = re.compile(_Q + _FAMILY + r"\s?(?:으로|로)\s(?:[가-힣]{1,4}\s)?"
                               r"(?:향상|도약|업그레이드|전환|진화|발전|교체|세대\s?교체)")
# newer → older: "<Y> 모델 이전인 <X>", "<Y>” 전작인 <X>" ("전전작", the predecessor's predecessor, is no succession)
_NEWER_FIRST = re.compile(_Q + _NOTE + r"\s?(?:모델\s|칩\s)?(?:의\s)?(?:이전인|이전의|전작인|전작|전\s세대인)\s?"
                          + _Q)
#: the maker right before the older name, as the clause's subject or topic, and a verb of its own progress
_MAKER_GAP = re.compile(r"\s?(?:가|이|은|는)\s" + _Q)
_MAKER_VERB = re.compile(_Q + _FAMILY + r"\s?(?:으로|로)\s(?:[가-힣]{1,4}\s)?(?:향상|도약|진화|발전)")
_MAKERS = ("Firm", "AILab")
_MAKER_PROPS = ("designedBy", "developedBy")
_ARROW = re.compile(_NOTE + r"\s?(?:→|->|⇒)\s?" + _Q)
# newer → older: "<Y>는 기존의 수평 트레이 <X> 구조를 버린 새로운 시스템" (Y replacing the existing X)
_REPLACES_GAP = re.compile(_Q + _NOTE + r"\s?(?:은|는|이|가)\s기존(?:의)?\s(?:[가-힣A-Za-z]{1,6}\s){0,3}" + _Q)
_REPLACES_AFTER = re.compile(_Q + r"\s?(?:구조|방식|아키텍처|시스템|설계|플랫폼)?\s?(?:을|를)\s(?:버린|버리고|대체한|대체하는|대신하는)")


def _same_kind(a: Mention_, b: Mention_) -> bool:
    return a.entity != b.entity and any(all(any(is_a(m.type, c) for c in kind) for m in (a, b)) for kind in _KINDS)


def _family(a: Mention_, b: Mention_) -> bool:
    return a.entity.split("-")[0] == b.entity.split("-")[0]


class SuccessionFrames:
    """The frames; needs ``self.ex`` and ``self.prefix`` (the TextReader's)."""

    def _successions(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        for i, (a, b) in enumerate(itertools.pairwise(mentions)):
            if not _same_kind(a, b):
                continue
            gap = s[a.end:b.start]
            newer, older = None, None
            if i > 0 and (_OLDER_FIRST[0].fullmatch(gap) or (_OLDER_FIRST[1].fullmatch(gap) and _MAKER_VERB.match(s, b.end))):
                self._succession_maker(s, mentions[i - 1], (a, b), loc, sources)
            if (any(_OLDER_FIRST[i].fullmatch(gap) for i in (0, 2, 3))
                    or (_OLDER_FIRST[1].fullmatch(gap) and _NEWER_AFTER_FROM.match(s, b.end))):
                newer, older = b, a
            elif _NEWER_FIRST.fullmatch(gap) or (_REPLACES_GAP.fullmatch(gap) and _REPLACES_AFTER.match(s, b.end)):
                newer, older = a, b
            elif _ARROW.fullmatch(gap) and _family(a, b):
                newer, older = b, a
            if newer is not None and older is not None:
                # both ends named: the same rule in prose and in table cells (as the genitive frame)
                self.ex.add(Fact(newer.entity, "succeeds", older.entity, True, loc, "text:succession",
                                 sources, raw=s[a.start:b.end + 6][:60]))

    def _succession_maker(self, s: str, maker: Mention_, generations: tuple[Mention_, Mention_], loc: Location,
                          sources: tuple[str, ...]) -> None:
        """"<A>가 <X>에서 차세대 <Y>로 향상": X and Y are the work of A, the subject right before them."""
        if not any(is_a(maker.type, c) for c in _MAKERS) or not _MAKER_GAP.fullmatch(s[maker.end:generations[0].start]):
            return
        for x in generations:
            entry = self.lex.genitive_for(maker.type, x.type)  # type: ignore[attr-defined]
            if entry is not None and entry.property in _MAKER_PROPS and x.entity != maker.entity:
                self.ex.add(Fact(x.entity, entry.property, maker.entity, True, loc, "text:succession:maker",
                                 sources, raw=s[maker.start:generations[1].end + 6][:60]))
