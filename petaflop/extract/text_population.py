"""A part of a population of members no gazetteer names: "미국 기업 40%가 …", "비디오 게임 개발자의 87%가 …".

A percentage that is itself the subject of its clause (``N%가``, ``N%는``, ``N% 이상이``) right after a
noun phrase, bare or in the genitive, whose head word counts members (기업, 개발자, 연구자, 프로젝트,
일자리 …) is the share of that population for which the clause holds. The population, which the
gazetteer does not know, becomes a node of its own (a ``MarketSegment`` named by its Korean words); the
figure is its ``share``. "이중 N%는" / "그중 N%가" after such a share on the same line is a
further share of the same population, and so is a bare figure opening a later clause of the same line
("12%는 …", "2028년에는 80%, 2030년에는 거의 100%가 될 것으로 전망": its year the clause's, its status cue the
sentence's): rule ``text:share-of:population-carried``, judged apart.

The phrase must be cleanly bounded on its left: the clause's start, a comma or a full stop, a dropped
word of time (현재, 올해, 2025년 …), or a word closing a clause ("따르면", "…고"); a list before "등"
("기술, 금융, 법률 등 초급 일자리") belongs to it. No phrase naming an entity (other than a place) is a
population (the owner's share is text_shares.py's), and a clause whose figure describes a named thing
("N%가 … 사용하는 SAP") is about that thing: the share of the population is that thing's, rule
``text:share-of:named``. Rule ``text:share-of:population``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from foundation.periods import parse_period
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.facts import EntityRecord, Location, Statement
from petaflop.extract.figure_context import figure_context, figure_flags
from petaflop.extract.resolve import created_id, is_a
from petaflop.extract.text_frames import clause_starts_of

RULE = "text:share-of:population"
#: a bare figure opening a later clause of the same line: the same population's ("2030년에는 거의 100%가 …")
RULE_CARRIED = "text:share-of:population-carried"
#: "업계 관계자 10명 중 9명 이상(92%)이": a ratio of a survey's respondents (_ratio_share)
RULE_RATIO = "text:share-of:population-ratio"
#: "N%가 … 사용하는 SAP": the share of the population is the named thing the clause describes (_described_share)
RULE_NAMED = "text:share-of:named"

#: the head word of a population: a noun that counts members (people, firms, projects, jobs)
_HEAD = re.compile(r"(?:기업|기관|회사|업체|개발자|연구자|연구원|응답자|사용자|이용자|고객|직원|근로자|일자리|"
                   r"프로젝트|소비자|가구|엔지니어|스타트업)$")
#: the percentage as the clause's subject, right after it
_FIGURE_SUBJECT = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?)?(?:이|가|은|는)\s")
#: between the phrase and the figure: nothing, or the genitive, with an adverb of size
_LINK = re.compile(r"(?:의)?\s?(?:약\s?|최대\s?|무려\s?|거의\s?|대략\s?)?")
#: one word of the phrase: letters and digits, no punctuation
_WORD = re.compile(r"[가-힣A-Za-z0-9]{1,12}")
#: words of time before the phrase, left out of it
_TIME_WORD = re.compile(r"(?:현재|이미|올해|작년|내년|지난해|최근|향후|또한|특히|즉|한편|(?:19|20)\d{2}년(?:에는|에)?)$")
#: a word closing the clause before the phrase ("조사에 따르면", "…했고", "…하며")
_CLAUSE_END = re.compile(r"(?:따르면|의하면|보면|하고|했고|되고|하며|했으며|되며|이며|으며|지만|는데|인데|[,.:;])$")
#: a word ending in a particle or a verb's ending: the phrase may reach further left (its edge is unclear)
_OPEN_LEFT = re.compile(r"(?:은|는|을|를|에|와|과|도|로|이|가|의|께|하여|되어|[해돼]|[였었한된]다|이다|[음함됨]|[하되]게|[하되]지|않아)$")
#: a clause opening on the figure, at most with its year and an adverb: "12%는 …", "2028년에는 80%, …"
_CARRIED = re.compile(r"\s*(?:(?:19|20)\d{2}년(?:에는|에)?\s?)?(?:거의\s?|약\s?|최대\s?)?")
#: "이중 4%는", "그중 97%가": a further part of the population just named
_AMONG = re.compile(r"(?:이|그)\s?중\s?(?:약\s?)?$")
#: the years ahead of the report a clause foresees: "향후 5년 내", "앞으로 3년간"
_AHEAD = re.compile(r"(?:향후|앞으로)\s?(\d{1,2})\s?년\s?(?:내|간|이내|안에)")
#: a named thing the figure's clause describes: an adnominal verb right before a mention
_ADNOMINAL = re.compile(r"(?:하는|한|된|되는|쓰는|있는)\s$")


def _phrase_start(s: str, end: int, c0: int) -> int:
    """Where the population's words ending at ``end`` start, or -1 when their left edge is unclear."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", s[c0:end])]
    words = [(a + c0, b + c0) for a, b in words]
    start = -1
    for i in range(len(words) - 1, -1, -1):
        a, b = words[i]
        w = s[a:b]
        if not _WORD.fullmatch(w):
            return start if _CLAUSE_END.search(w) or w in ("-", "•", "·") else -1
        if i < len(words) - 1 and (_TIME_WORD.fullmatch(w) or _CLAUSE_END.search(w)):
            return start
        if w in ("내", "이내", "안에") and i and re.fullmatch(r"\d{1,2}(?:년|개월|주)", s[words[i - 1][0]:words[i - 1][1]]):
            return start  # "향후 5년 내 초급 일자리": a span of time ahead, no part of the population
        if i < len(words) - 1 and _OPEN_LEFT.search(w) and w != "등":
            return -1  # a word with a particle or a verb's ending: the phrase may go on to its left
        start = a
        if len(words) - i >= 6:
            return -1
    return start


def _listed(s: str, start: int) -> int:
    """"기술, 금융, 법률 등 …": the words listed before "등" belong to the phrase."""
    while m := re.search(r"([가-힣A-Za-z]{1,8}),\s$", s[:start]):
        start = m.start(1)
    return start


def population_share(reader, s: str, q: Quantity, c0: int, c1: int, mentions: list, dates: list[Quantity],
                     values: list[Quantity], loc: Location, sources: tuple[str, ...]) -> bool:
    """Adds the share of a population the figure's clause names; True when it did."""
    if q.kind != "percent" or q.unit != "%" or q.value is None or not 0 < q.value <= 100:
        return False
    last = getattr(reader, "_population", ((), "", ""))
    here = (loc.line_start, loc.table_id, loc.row, loc.column)
    if last[0] == here and _CARRIED.fullmatch(s, c0, q.start) and re.match(r"\s?(?:,|(?:이|가|은|는)\s)", s[q.end:]):
        # "2028년에는 80%, 2030년에는 거의 100%가 될 것으로 전망": the year is the clause's, the cue the sentence's
        own = _predicate(s[q.end:c1])  # "12%는 평균 대기 시간이 …": its own; "100%가 될 것으로 전망": the first's
        said = own if own and not re.match(r"(?:될|된|됨|되)", own) else last[2]
        return _add(reader, s, q, c0, c1, dates, values, loc, sources, last[1], "", RULE_CARRIED, len(s), said)
    if (ratio := _RATIO.search(s, c0, q.start)) and ratio.end() == q.start and _RATIO_AFTER.match(s, q.end):
        # "업계 관계자 10명 중 9명 이상(92%)이 …": the people counted before the ratio are the population
        return _ratio_share(reader, s, q, c0, c1, ratio.start(), mentions, dates, values, loc, sources, last, here)
    if not _FIGURE_SUBJECT.match(s, q.end) or re.search(r"[-−–+(]\s*$", s[max(0, q.start - 2):q.start]):
        return False
    after = [m for m in mentions if q.end <= m.start < c1]
    described = next((m for m in after if _ADNOMINAL.search(s, max(q.end, m.start - 6), m.start)), None)
    among = _AMONG.search(s, c0, q.start)
    if described is not None:  # "N%가 … 사용하는 SAP": the clause describes the named thing, whose share it is
        phrase = None if among and among.end() == q.start else _phrase(s, q, c0, mentions)
        return phrase is not None and _described_share(reader, s, q, c0, c1, described, phrase[2], dates, values,
                                                       loc, sources)
    node = ""
    if among and among.end() == q.start:
        node, label = (last[1] if last[0] == here else ""), ""
    else:
        if (phrase := _phrase(s, q, c0, mentions)) is None:
            return False
        start, _end, label = phrase
        node = "population-" + created_id(label)
        reader.ex.add_entity(EntityRecord(node, ("MarketSegment",), "", label, (label,), "table"))  # a created node: labelled and typed as a table's
    if not node:
        return False
    said = _predicate(s[q.end:c1]) or (last[2] if last[0] == here else "")
    reader._population = (here, node, said)
    if label:  # the clause the population's words open ("향후 5년 내 기술, 금융, 법률 등 …"): the figure's context
        c0 = min(c0, max((c for c in clause_starts_of(s) if c <= start), default=0))
    return _add(reader, s, q, c0, c1, dates, values, loc, sources, node, label, RULE, said=said)


def _phrase(s: str, q: Quantity, c0: int, mentions: list) -> tuple[int, int, str] | None:
    """The population's words right before the figure ("미국 기업의 N%"): their start, end and text; None when no
    counted noun heads them, their left edge is unclear, or they name an entity (its people: text_shares.py's)."""
    link = next((m for m in re.finditer(r"[가-힣A-Za-z0-9]" + _LINK.pattern + "$", s[c0:q.start])), None)
    if link is None:
        return None
    end = c0 + link.start() + 1
    head = re.search(r"\S+$", s[c0:end])
    if head is None or not _HEAD.search(head.group()):
        return None
    start = _phrase_start(s, end, 0)  # its own edges, not the clause's: "최고" may open a clause
    if start < 0:
        return None
    if re.match(r"\S+\s등\s", s[start:end]) or " 등 " in s[start:end]:
        start = _listed(s, start)
    if any(start <= m.start < end and not is_a(m.type, "Place") for m in mentions):
        return None  # an entity's people or products: text_shares.py's owner
    return start, end, s[start:end].strip()


def _described_share(reader, s: str, q: Quantity, c0: int, c1: int, thing, label: str, dates: list[Quantity],
                     values: list[Quantity], loc: Location, sources: tuple[str, ...]) -> bool:
    """"글로벌 기업의 99%가 ERP로 사용하는 SAP": the share of the population for which the clause holds is the
    named thing's, the words up to it (asides dropped) what the members do. Rule ``text:share-of:named``."""
    if is_a(thing.type, "Place") or is_a(thing.type, "Person"):
        return False
    said = _predicate(re.sub(r"\s?\([^()]*\)", "", s[q.end:thing.start]))
    return _add(reader, s, q, c0, c1, dates, values, loc, sources, thing.entity, label, RULE_NAMED, said=said)


#: "10명 중 9명 이상(", "2명 중 1명(": a ratio of people whose percentage follows in parentheses
_RATIO = re.compile(r"(?:의\s?)?\d{1,3}\s?명\s?중\s?\d{1,3}\s?명\s?(?:이상|가량|정도|꼴)?\s?\($")
#: the parenthesis closed and the ratio the clause's subject: "(92%)이 …"
_RATIO_AFTER = re.compile(r"\)\s?(?:이|가|은|는)\s")
#: the people of an industry named before ("AI 데이터센터 업계가 … 업계 관계자 10명 중 9명")
_INSIDERS = re.compile(r"업계\s?(?:관계자|종사자|응답자)$")
#: the industry a clause names: up to three plain words before "업계" ("AI 데이터센터 업계가")
_INDUSTRY = re.compile(r"((?:[가-힣A-Za-z0-9]{1,12}\s){1,3})업계(?:가|는|의|에서|에)?\s")
#: a word ending in a particle: not part of the industry's name
_PARTICLE_END = re.compile(r"(?:에서|의|은|는|이|가|을|를|에|로|과|와|도|며|고)$")


def _industry(s: str, end: int) -> str:
    """The last industry named before ``end`` ("AI 데이터센터 업계"), or ""."""
    found = ""
    for m in _INDUSTRY.finditer(s, 0, end):
        words = m.group(1).split()
        while words and (_PARTICLE_END.search(words[0]) or _TIME_WORD.fullmatch(words[0])):
            words = words[1:]  # "제약사항에서 AI 데이터센터": the words after the particle name it
        if words and not m.group().startswith("업계"):
            found = " ".join([*words, "업계"])
    return found


def _ratio_share(reader, s: str, q: Quantity, c0: int, c1: int, r0: int, mentions: list, dates: list[Quantity],
                 values: list[Quantity], loc: Location, sources: tuple[str, ...], last: tuple, here: tuple) -> bool:
    """"업계 관계자 10명 중 9명 이상(92%)이 …", "응답자의 2명 중 1명(44%)은 …": the share of the people counted,
    the respondents of a survey: an industry's people are that industry named before on the line, bare
    respondents the population this line named before. Rule ``text:share-of:population-ratio``."""
    head = re.search(r"(\S+\s)?\S+$", s[c0:r0].rstrip())
    if head is None:
        return False
    words = head.group().strip()
    before = getattr(reader, "previous_sentence", "") or ""  # the industry may be the sentence before's
    if _INSIDERS.search(words) and (label := _industry(s, c0 + head.start()) or _industry(before, len(before))):
        node = "population-" + created_id(label)
        reader.ex.add_entity(EntityRecord(node, ("MarketSegment",), "", label, (label,), "table"))
    elif words.split()[-1] == "응답자" and last[0] == here:
        node, label = last[1], ""
    else:
        return False
    said = _predicate(s[q.end + 1:c1])
    reader._population = (here, node, said)
    return _add(reader, s, q, c0, c1, dates, values, loc, sources, node, label, RULE_RATIO, said=said)


#: what the share's members do, after the figure's particle: "…40%가 이미 AI 도구에 비용 지불" → "AI 도구에 비용 지불";
#: cut before a connective ending ("50%가 대체되어 실업률 …" → "대체") and at 40 characters, on a word's end
_PREDICATE_OPEN = re.compile(r"^\s?(?:이|가|은|는)?\s(?:이미|현재|모두|약|거의)?\s?")
_REPORTED = re.compile(r"(?:\s*(?:하|한|인|있|된|될)?는?\s*것으로\s*(?:추산|추정|예상|집계|조사)|(?:한|했|하였|된|됐)?다고|(?<=[가-힣])\s?으로)(?:\s*(?:응답|답변|밝힘|나타남|나타났\S*))?$")
_CONNECTIVE = re.compile(r"(?:되어|하여|되고|하고|되며|하며|으며|이며)\s")


def _predicate(after: str) -> str:
    """What the members counted by a share do, from the words after its figure ("" when none)."""
    text = _PREDICATE_OPEN.sub("", after, count=1)
    if (cut := _CONNECTIVE.search(text)) is not None:
        text = text[:cut.start()]
    text = re.split(r"[.;,]\s|[.;]$", text, maxsplit=1)[0].strip()
    text = _REPORTED.sub("", text)  # "… 초과한다고 (응답)", "… 기다려야 하는 것으로 추산": what they do, not how it is told
    if len(text) > 40:
        text = text[:40].rsplit(" ", 1)[0]
    return text if re.search(r"[가-힣A-Za-z]", text) else ""


def _add(reader, s: str, q: Quantity, c0: int, c1: int, dates: list[Quantity], values: list[Quantity], loc: Location,
         sources: tuple[str, ...], node: str, label: str, rule: str, cue_end: int = -1, said: str = "") -> bool:
    """The population's share stated by the figure, in the context of ``s[c0:c1]`` (its status up to ``cue_end``)."""
    status, time, high = figure_context(reader, s, q, dates, c0, c1, values)
    if cue_end > c1 and status == "actual":
        status, _, _ = figure_context(reader, s, q, dates, c0, cue_end, values)
    if (ahead := _AHEAD.search(s, c0, q.start)) and status == "actual" and time is None:
        # "향후 5년 내 … 50%가 대체": a share foreseen within the years ahead of the report
        year = REFERENCE_DATE.year
        status, time = "forecast", parse_period(f"{year}~{year + int(ahead.group(1))}")
    name = label or reader.ex.entities[node].name_ko
    reader.ex.statements.append(Statement(
        node, "share", loc, rule, value=Decimal(q.value), high=Decimal(high) if high is not None else None,
        unit="%", status=status, time=time, metric=(f"share of {name}" + (f": {said}" if said else ""))[:60], **figure_flags(q),
        sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
    ))  # fmt: skip
    return True
