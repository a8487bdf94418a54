"""A sentence opening on an anaphor of a class noun ("이 모델은 …", "이 랙은 …", "이 회사는 …") is about the thing
of that class the sentence before named: its topic or subject when one is of the class, else the last thing of
the class it names outside brackets. That thing is the sentence's carried topic (role ``previous``), as if the
sentence before had handed it on; with no such thing the sentence keeps the topic it carries.

An anaphor elsewhere in a sentence ("실제로, 이 모델은 …", "… 목표로 하는 이 프로젝트가 완료되면") becomes a mention of
the nearest thing of its class named before it — in the sentence, the block's sentence before, else earlier on the
slide — marked as its clause's topic or subject, so the extractors read it as if named (:func:`with_anaphors`)."""

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


#: an anaphor anywhere in a sentence, marked as its clause's topic or subject: "실제로, 이 모델은", "목표로 하는 이
#: 프로젝트가 완료되면" (a genitive, "해당 제품의 핵심", is left alone: its head is another thing)
_ANAPHOR = re.compile(r"(?<![가-힣A-Za-z0-9])(?:이|해당)\s(?P<noun>모델|칩|랙|회사|기업|클러스터|캠퍼스|데이터센터|프로젝트)"
                      r"(?P<particle>은|는|이|가)\s")
#: the classes the anaphors found anywhere stand for (a project is a cluster being built or a partnership's)
_ANY_CLASSES = {**_CLASSES, "프로젝트": ("ComputeCluster", "Partnership")}


def _outside_brackets(s: str, at: int) -> bool:
    return s.count("(", 0, at) <= s.count(")", 0, at)


def _of(mentions: list[Mention_], classes: tuple[str, ...]) -> list[Mention_]:
    return [m for m in mentions if any(is_a(m.type, c) for c in classes)]


def with_anaphors(reader, sentence: str, mentions: list[Mention_]) -> list[Mention_]:
    """``mentions`` with each anaphor not opening the sentence of a class noun marked as a topic or subject ("이 모델은", "이 프로젝트가")
    standing for the nearest thing of its class named before it: in the sentence itself, else in the block's
    sentence before (its topic or subject first), else the last one named earlier on the slide (the reader's
    ``named_on_slide``, running text only). The sentence's mentions are then added to that history."""
    previous: list[Mention_] = getattr(reader, "_sentence_mentions", []) if getattr(reader, "previous_sentence", "") else []
    history: list[Mention_] | None = getattr(reader, "named_on_slide", None) if getattr(reader, "prefix", "") == "text" else None
    out = list(mentions)
    opening = _OPENING.match(sentence)  # the sentence's carried topic already (anaphor_topic): its own reading
    for am in _ANAPHOR.finditer(sentence, opening.end() if opening else 0):
        if not _outside_brackets(sentence, am.start()) or any(m.start <= am.start() < m.end for m in mentions):
            continue
        classes = _ANY_CLASSES[am.group("noun")]
        here = [m for m in _of(out, classes) if m.end <= am.start() and _outside_brackets(sentence, m.start)]
        before = _of(previous, classes)
        found = here[-1:] or [m for m in before if m.role in ("topic", "subject")][-1:] or before[-1:] or _of(history or [], classes)[-1:]
        if found:
            role = "topic" if am.group("particle") in ("은", "는") else "subject"
            out.append(Mention_(found[0].entity, found[0].type, am.start(), am.end("noun"), role))
    if len(out) > len(mentions):
        out.sort(key=lambda m: m.start)
    else:
        out = mentions
    if history is not None:
        history.extend(m for m in out if _outside_brackets(sentence, m.start))
    return out
