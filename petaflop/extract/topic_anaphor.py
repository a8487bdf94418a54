"""A sentence opening on an anaphor of a class noun ("이 모델은 …", "이 랙은 …", "이 회사는 …") is about the thing
of that class the sentence before named: its topic or subject when one is of the class, else the last thing of
the class it names outside brackets. That thing is the sentence's carried topic (role ``previous``), as if the
sentence before had handed it on; with no such thing the sentence keeps the topic it carries."""

from __future__ import annotations

import re

from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

#: the anaphor opening the sentence: "이 모델은", "- 해당 칩이"
_OPENING = re.compile(r"\s*(?:[-•·]\s*)?(?:이|해당)\s(?P<noun>모델|칩|랙|회사|기업|클러스터|캠퍼스|데이터센터)(?:은|는|이|가)\s")
#: the classes a class noun stands for
_CLASSES = {"모델": ("AIModel",), "칩": ("Chip",), "랙": ("System",), "회사": ("Firm", "AILab"),
            "기업": ("Firm", "AILab"), "클러스터": ("ComputeCluster",), "캠퍼스": ("ComputeCluster", "Facility"),
            "데이터센터": ("Facility", "ComputeCluster")}


def opens_on_anaphor_of(sentence: str, m: Mention_) -> bool | None:
    """Whether the anaphor opening ``sentence`` can point to ``m`` (its class noun fits); None when the
    sentence opens on no anaphor."""
    om = _OPENING.match(sentence)
    return None if om is None else any(is_a(m.type, c) for c in _CLASSES[om.group("noun")])


def anaphor_topic(reader, sentence: str) -> Mention_ | None:
    """The thing the anaphor opening ``sentence`` points back to among the mentions of the block's sentence
    before (the reader's ``previous_sentence`` and ``_sentence_mentions``); None when the sentence opens on no
    anaphor or the sentence before names no thing of its class."""
    previous: str = getattr(reader, "previous_sentence", "")
    mentions: list[Mention_] = getattr(reader, "_sentence_mentions", [])
    om = _OPENING.match(sentence)
    if om is None or not previous:
        return None
    classes = _CLASSES[om.group("noun")]
    fits = [m for m in mentions if any(is_a(m.type, c) for c in classes)
            and previous.count("(", 0, m.start) == previous.count(")", 0, m.start)]
    marked = [m for m in fits if m.role in ("topic", "subject")]
    found = (marked or fits)[-1:]
    return Mention_(found[0].entity, found[0].type, -1, -1, "previous") if found else None
