"""Data sources: "<A>나 <B>의 데이터를 사용하여 … 훈련", "<A>, <B> 등 외부 시장 데이터와 … 통합".

The organisations whose data a firm or a product uses, integrates or trains on supply it: the names
listed right before "의 … 데이터" or "등 … 데이터" (at most two words between), in a clause whose verb
after the data is one of use (사용, 활용, 통합, 학습, 훈련, 도입). The user is the clause's own topic or
subject (a firm, a lab, a product or a platform, not one of the listed), else the sentence's topic.
One construction, one rule (``text:data-source``), however the user is found: the words name
the sources, and the user is the one the sentence is about. Data the words call the user's own ("Box, Snowflake
등 내부 데이터": the clients' internal data, which these platforms hold) is not supplied by the names listed: a
rule of its own, ``text:data-source:own-data``, a claim below the gate, not a supplier.
"""

from __future__ import annotations

import re
from typing import Any

from petaflop.extract.facts import Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of, listed_up_to

RULE = "text:data-source"
#: after the last listed name: its genitive or "등", at most two words of kind, then the data (not a data centre)
_DATA_AFTER = re.compile(r"\)?['’”\"]?\s?(?:社|사)?\s?(?P<mark>의|등)\s(?P<kind>(?:[가-힣A-Za-z]{1,8}\s){0,2}?[가-힣]{0,6})데이터"
                         r"(?!\s?(?:센터|홀|베이스|라벨|센터)|[가-힣]*(?:센터))")
#: between two listed names: a list mark or a conjunction
_LIST_SEP = re.compile(r"\)?['’”\"]?\s?(?:社|사)?\s?(?:,|·|/|및|와|과|나|이나|또는)\s?['‘“\"]?")
#: the verb the data is the object of: after the data, no clause of another verb ending between
#: (a list of data may run on across commas: "A 등 외부 데이터와 B, C 등 내부 데이터를 … 통합")
_USE = re.compile(r"(?:(?!(?<=[고며])\s|지만|는데|면서|으며|이며|;|[.]\s)[^.;]){0,60}?(?:사용|활용|통합|학습|훈련|도입)")
#: data of the user's own (its clients' internal data): the names listed before "등" hold it, they do not supply it
#: ("Box, Snowflake 등 내부 데이터" beside "FactSet, S&P 등 외부 시장 데이터"; but "X의 자체 데이터" is X's, X supplies it)
_OWN_DATA = re.compile(r"내부|사내|자체|자사|고객")
OWN_RULE = RULE + ":own-data"
_SOURCE_TYPES = ("Firm", "AILab", "ResearchInstitute")
_USER_TYPES = ("Firm", "AILab", "AIProduct", "SoftwarePlatform")


def _user(s: str, mentions: list[Mention_], listed: list[Mention_], c0: int, topic: Mention_ | None
          ) -> Mention_ | None:
    """The clause's own topic or subject before the list (one, not coordinated with another: "A와 B는"), else
    the sentence's topic — a user of data."""
    marked = {m.entity: m for m in mentions if c0 <= m.start < listed[0].start and m.role in ("topic", "subject", "with") and m not in listed
              and s.count("(", 0, m.start) <= s.count(")", 0, m.start)}
    if len(marked) > 1:
        return None
    user = next(iter(marked.values()), None) or topic
    if user is None or not any(is_a(user.type, c) for c in _USER_TYPES):
        return None
    return None if any(user.entity == m.entity for m in listed) else user


def data_sources(ex: Any, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                 sources: tuple[str, ...]) -> int:
    """Add ``suppliedBy`` links from the user of the data to each organisation listed as its source."""
    made = 0
    starts = clause_starts_of(s)
    for i, m in enumerate(mentions):
        hit = _DATA_AFTER.match(s, m.end)
        if hit is None or (i + 1 < len(mentions) and mentions[i + 1].start < hit.end()):
            continue
        if not _USE.match(s, hit.end()) or s.count("(", 0, m.start) > s.count(")", 0, m.start):
            continue
        listed = listed_up_to(s, mentions, i, _LIST_SEP)  # a cited source, a product may be among them
        c0 = max(x for x in starts if x <= listed[0].start) if listed else 0
        user = _user(s, mentions, listed, c0, topic) if listed else None
        if user is None:
            continue
        for x in (x for x in listed if any(is_a(x.type, c) for c in _SOURCE_TYPES)):
            own = hit.group("mark") == "등" and _OWN_DATA.search(hit.group("kind"))  # not "X의 자체 데이터": X's own
            rule = OWN_RULE if own else RULE
            ex.add(Fact(user.entity, "suppliedBy", x.entity, True, loc, rule, sources, raw=s[x.start:hit.end()][:60]))
            made += 1
    return made
