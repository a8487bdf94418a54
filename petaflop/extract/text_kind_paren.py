"""A firm's things named in the parenthesis of a kind word, the firm being the sentence's topic.

"가나다전자는 올해 계획한 두 가지 추론용 칩(K1, K1-Pro)의 출시를 연기", "라마랩은 범용 모델(Ra-1)로 기반을
다지고, 코딩 모델(Ra-Coder)로 …": the names in the parenthesis of "칩", "모델", "서비스"… are what the kind
word counts, and the kind word is the topic's own when nothing between the topic and it names another
organisation or a rival ("경쟁", "대체", "고객"…). Each name is designed, developed or offered by the topic
as the genitive lexicon says for the two classes. Rule ``<prefix>:kind-paren``. The topic may be the
previous sentence's ("… 연기. 당초 계획했던 칩(K2, K3)의 …") or a table row's (a cell "AI 모델 (Ra-1, Ra-2)").

Not read: a name that begins with another organisation's name ("… 칩(AWS Trainium)"), a parenthesis
holding anything but names and separators ("모델(예: X)", "칩(1,000개)"), a topic inside a parenthesis.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.gazetteer import Gazetteer
from petaflop.extract.lexicon import Lexicon
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "kind-paren"  # after the reader's prefix: text:kind-paren, text-cell:kind-paren
_MAKERS = ("Firm", "AILab")
_MADE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", "ChipArchitecture", "NetworkTechnology",
         "PackagingTechnology")
_PROPS = ("designedBy", "developedBy", "offeredBy")
#: the kind word right before the parenthesis (it may close a longer word: "추론용 칩", "킬러 모델")
_KIND_PAREN = re.compile(r"(?:칩|반도체|가속기|모델|서비스|플랫폼|제품|소프트웨어|앱|에이전트)\s?\(([^()]{1,80})\)")
#: what may stand in the parenthesis besides the names: separators and other bare Latin names
_SEPARATORS = re.compile(r"(?:[\s,·/및와과]|(?!vs\b)[A-Za-z][A-Za-z0-9.+\-]*)*(?:등)?\s?")
#: words between the topic and the kind word that make the things another's
_NOT_OWN = re.compile(r"경쟁|대체|대항|대비|비해|보다|고객|파트너|외부|타사|도입|구매|구입|채택|사용|탑재|활용")


def kind_paren_links(ex: Extraction, lex: Lexicon, gaz: Gazetteer, s: str, mentions: list[Mention_],
                     topic: Mention_ | None, loc: Location, sources: tuple[str, ...], prefix: str = "text") -> None:
    """Adds ``<name> designedBy/developedBy/offeredBy <topic firm>`` for each name in a kind word's parenthesis.

    ``topic`` is the sentence's topic: its own (role "topic"), the previous sentence's ("previous") or a
    table row's entity ("row"); a block's or slide's topic is too far to own a parenthesis."""
    if topic is None or topic.role not in ("topic", "previous", "row") or not any(is_a(topic.type, c) for c in _MAKERS):
        return
    if topic.start >= 0 and s.count("(", 0, topic.start) > s.count(")", 0, topic.start):
        return  # a topic inside a parenthesis is an aside
    for hit in _KIND_PAREN.finditer(s, max(topic.end, 0)):
        between = s[max(topic.end, 0):hit.start()]
        if _NOT_OWN.search(between) or any(topic.end <= m.start < hit.start() and m.entity != topic.entity
                                           and is_a(m.type, "Organization") for m in mentions):
            return  # another's things from here on
        inner = [m for m in mentions if m.start >= hit.start(1) and m.end <= hit.end(1)]
        rest = hit.group(1)
        for m in sorted(inner, key=lambda m: m.start, reverse=True):
            at = m.start - hit.start(1)
            rest = rest[:at] + " " + rest[at + m.end - m.start:]
        if not inner or not _SEPARATORS.fullmatch(rest):
            continue
        for m in inner:
            if m.entity == topic.entity or not any(is_a(m.type, c) for c in _MADE) \
                    or maker_prefix(s[m.start:m.end], gaz, m.entity) is not None:
                continue
            entry = lex.genitive_for(topic.type, m.type)
            if entry is not None and entry.property in _PROPS:
                ex.add(Fact(m.entity, entry.property, topic.entity, True, loc, f"{prefix}:{RULE}", sources,
                            raw=s[max(topic.start, 0):hit.end()][:60]))
