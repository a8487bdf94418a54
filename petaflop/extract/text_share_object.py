"""A part of a whole taken, handed on or replaced by the clause's actor: "G42가 … 그 물량의 80%를 … 제공",
"CEO 에릭 보건은 … 기존 직원의 80%를 교체", "엔비디아의 GB200 초기 물량의 약 10%를 단일 고객으로 소화".

A percentage of a whole named in the genitive right before it (``Y의 (약) N%를``) that is the object of a verb
of taking, handing on or replacing (소화, 제공, 공급, 교체, 감당, 납부, 확보, 처리 …) in the same clause is the
share of that whole the actor takes or acts on; the whole's words go into ``metric``. The actor is the marked
topic or subject of the sentence (``A는``, ``A가``; a person heading one firm stands for it, person_firm.py),
never an entity inside the whole's words (``엔비디아의 … 물량``: the whole's owner) nor the verb's recipient
(``미국 기업에``). A sentence marking no actor takes the topic carried from the sentence before. Verbs of a
part's place in the whole (차지, 담당, 해당) are text_shares.py's; a figure followed by a word of change or
comparison is none of this. Rule ``text:share-object:named`` (the actor marked in the sentence) or
``text:share-object:<how>`` (carried: judged apart).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_context import figure_context, figure_flags
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import HOW, Mention_

#: "Y의 (약) " right before the figure: the whole's words, at most four, ending in the genitive
_WHOLE = re.compile(r"((?:[가-힣A-Za-z0-9·/\-]{1,14}\s){0,3}[가-힣A-Za-z0-9·/\-]{1,14})의\s?(?:약\s?|거의\s?|최대\s?|대략\s?)?$")
#: the figure as the object: "N%를 ", "N% 이상을 ", "N%가량을 "
_OBJECT = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?)?(?:을|를)\s")
#: a verb of taking, handing on or replacing, a few words after the object (no figure, comma or stop between)
_VERB = re.compile(r"[^,.;:%\d]{0,30}?(?:다시\s)?(교체|소화|제공|공급|감당|납부|처리|확보|보유|구매|수입|판매|수출|배정|할당)"
                   r"(?:하|했|할|해|한|되|됨|함|키|시키|(?=\s?[.。]|\s*$))")
#: a word ending in a particle or a verb's ending: the whole's words start after it
_PARTICLE_WORD = re.compile(r"\S+(?:은|는|을|를|에|에서|와|과|로|으로|고|며|서|도)(?=\s)")
#: a word of change or comparison after the object: "N%를 줄여", "N%를 넘어": a change, no part
_NOT_PART = re.compile(r"\s?(?:을|를)\s(?:줄|늘|넘|밑|상회|하회|웃|돌파|기록|달성|목표)")
#: a verb ending between the object and the verb: the figure belongs to that earlier verb
_OTHER_VERB = re.compile(r"[가-힣](?:는|한|된|던|하고|하며|하여|해서|되고|되어)\s")
#: a whole that is a firm's equity: its part is a stake (equityStake), read elsewhere
_STAKE = re.compile(r"(?:지분|주식|보통주|우선주)$")
#: a recipient: the mention marked by the dative ("미국 기업에", "마이크로소프트에게")
_DATIVE = re.compile(r"(?:에게|에)\s")
#: the verb's ending of what is to come: "제공하게 되는", "공급하기로"
_COMES_TO = re.compile(r"(?:하|되)(?:게\s?되|기로)")
#: the ways of finding the actor that name it in the figure's sentence
_NAMED = ("clause-topic", "sentence-topic")
#: the carried topics accepted (a block's or a chapter's topic is too far from such a clause)
_CARRIED = ("previous-sentence-topic",)


def object_share(reader, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                 dates: list[Quantity], values: list[Quantity], loc: Location, sources: tuple[str, ...]) -> bool:
    """Adds the actor's share of the whole a verb after the figure takes or acts on; True when it did."""
    if q.kind != "percent" or q.unit != "%" or q.value is None or not 0 < q.value <= 100:
        return False
    if re.search(r"[-−–+]\s*$", s[max(0, q.start - 2):q.start]) or _NOT_PART.match(s, q.end):
        return False
    obj = _OBJECT.match(s, q.end)
    wm = _WHOLE.search(s, max(c0, q.start - 60), q.start)
    if obj is None or wm is None:
        return False
    verb = _VERB.match(s, obj.end())
    if verb is None or verb.end() > c1 or any(obj.end() <= v.start < verb.end() for v in values):
        return False
    if _OTHER_VERB.search(s, obj.end(), verb.start(1)):
        return False  # "N%를 차지하는 시장을 확보": the figure is another verb's object
    w0, w1 = wm.start(1), wm.end(1)
    # "약 1년간 기존 직원의": the whole's words start after a figure among them ("1,000억 달러의 10%": no whole left)
    w0 = max([w0, *(v.end for v in values if w0 <= v.start and v.end <= w1)])
    # "엔비디아는 중국향 칩 매출의": the whole's words start after a word marked by a particle (the actor's)
    named = getattr(reader, "_sentence_mentions", None) or mentions
    w0 = max([w0, *(w0 + p.end() for p in _PARTICLE_WORD.finditer(s[w0:w1])),
              *(m.end for m in named if w0 <= m.start and m.end < w1 and m.role in ("topic", "subject"))])
    whole = s[w0:w1]
    if w0 > wm.start(1) and not whole[:1].isspace():
        whole = re.sub(r"^\S*", "", whole)  # the rest of a word cut inside ("1년간" read as "1년"): dropped
    whole = re.sub(r"^(?:그|이|해당)\s", "", whole.strip())
    if not re.search(r"[가-힣A-Za-z]{2}", whole) or _STAKE.search(whole):
        return False  # no whole of words; a firm's equity ("지분의 49%를 확보"): a stake, not this share
    actor, how = _actor(reader, s, q, w0, c0, mentions, topic)
    if actor is None:
        return False
    status, time, high = figure_context(reader, s, q, dates, c0, c1, values)
    if status == "actual" and _COMES_TO.match(s, verb.end(1)):
        status = "planned"  # "… 제공하게 되는 거래 구조": the terms a deal sets, not yet done
    rule = f"{reader.prefix}:share-object:" + ("named" if how in _NAMED else how)
    reader.ex.statements.append(Statement(
        actor.entity, "share", loc, rule, value=Decimal(q.value), high=Decimal(high) if high is not None else None,
        unit="%", status=status, time=time, metric=f"share of {whole} {verb.group(1)}"[:60], **figure_flags(q),
        sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
    ))  # fmt: skip
    return True


def _actor(reader, s: str, q: Quantity, w0: int, c0: int, mentions: list[Mention_], topic: Mention_ | None
           ) -> tuple[Mention_ | None, str]:
    """The actor marked in the sentence before the whole's words (the last one), else the topic carried from the
    sentence before when the sentence marks no one; (None, "") when neither."""
    named = list(getattr(reader, "_sentence_mentions", None) or mentions)
    if topic is not None and topic.start >= 0 and topic.role == "topic" and topic not in named:
        named.append(topic)  # the sentence's topic (a head standing for their firm: person_firm.py)
    named = [m for m in named if m.start >= 0 and m.end <= q.start and m.role in ("topic", "subject")]
    people = [m for m in named if is_a(m.type, "Person")]
    marked = sorted((m for m in named if m.end <= w0 and not is_a(m.type, "Person") and not _DATIVE.match(s, m.end)),
                    key=lambda m: m.start)
    if marked:
        if any(p.start > marked[-1].end for p in people):
            return None, ""  # a person marked after the actor, standing for no firm: whose act is unclear
        return marked[-1], "clause-topic" if marked[-1].start >= c0 else "sentence-topic"
    if named:
        return None, ""  # a person, or a name inside the whole: no actor of the figure's own
    if topic is not None and topic.start < 0 and not is_a(topic.type, "Person") and HOW.get(topic.role) in _CARRIED:
        return topic, HOW[topic.role]
    return None, ""
