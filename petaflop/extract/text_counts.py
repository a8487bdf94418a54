"""Counts in prose of things the gazetteer does not name: "Qwen3는 94개의 더 깊은 트랜스포머 블록을 쌓아",
"메타는 최소 4개의 대규모 AI 클러스터 구축을 통해 … 확보", and the counted noun before the figure:
"A는 데이터센터 40곳을 운영", "B는 연구원 3명 영입".

A count becomes ``unitCount`` of the clause's topic or subject (``A는``, ``A가``; a table row's own
entity in a cell) with the counted noun as its metric, when the clause has a verb of having or
building (``탑재``, ``보유``, ``운영``, ``확보``, ``구축``…). The noun is read

* **after** the figure ("N개의 X", "N개 이상의 X", "N개에 달하는 X"): up to four words, up to the one
  carrying a particle, or up to an action noun ("X 구축을": the X is built); a figure with a particle
  attached ("스크린 1개로", "29기를") has its noun before it, never after;
* **before** the figure ("X N개를", "X N곳 보유"): up to three plain words right before it, none an
  entity (a named item is the count-item reader's), none a modifier ("총", "약", "최소").

People counted before the figure with a word of staff ("연구원 3명", "엔지니어 4명") are the subject's
``employeeCount``, and so are people counted after it with a genitive ("1,000명의 인증 전문가 부대를 창설":
a unit of staff formed, scoped by its noun; a firm may name them, "구글 출신 엔지니어"). Rules: ``text:unit-count:<verb>:<how>`` (noun after), ``text:unit-count-before:…``
and ``text:count-noun-before:…`` so the gate judges each construction on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.cell_text import DIES
from petaflop.extract.facts import Location, Statement
from petaflop.extract.figure_context import figure_context, figure_flags
from petaflop.extract.lexicon import ValueEntry
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of
from petaflop.extract.text_tokens import ONE_DAY_PEAK, one_day_feat, venue_before
from petaflop.extract.text_value_guards import hire_count, hired_scope

_PARTICLE_END = re.compile(r"(?<=[가-힣A-Za-z)])(을|를|이|가|은|는|에|에서|으로|로|와|과|도)$")
_VERBAL = re.compile(r"(?:하는|하고|하며|해|한|된|되는|하여|했다|함)$")
#: a one-day frame right before the figure: "하루 만에 N개의", "일일 N개", "하루 동안 약 N개" (a count per day)
_ONE_DAY = re.compile(r"(?:하루|일일|매일)(?:\s?만에|\s?동안|에)?\s?(?:약\s?|무려\s?|평균\s?)?$")
#: a period the count is a rate of, right before the figure: "월 5만 장", "연간 10기", "주당 500대" (not "9월 5만")
_PER_PERIOD = (("month", re.compile(r"(?<![\d가-힣])(?:월|매월|월간|매달)\s?(?:약\s?|평균\s?|최대\s?)?$")),
               ("year", re.compile(r"(?<![\d가-힣])(?:연간|매년|해마다)\s?(?:약\s?|평균\s?|최대\s?)?$")),
               ("week", re.compile(r"(?<![\d가-힣])(?:주당|매주|주간)\s?(?:약\s?|평균\s?|최대\s?)?$")))
_NOT_A_NOUN = re.compile(r"^(?:이상|이하|정도|규모|수준|가량|내외|남짓|미만|초과|안팎|이내|씩|만|중|단위|당|분|가운데|전체|모두|[가-힣]?배)")
#: a verb the count is the object of: having or building it, reaching it ("N건 돌파", "N개의 평점 기록") or
#: training on and processing it ("N개의 토큰으로 학습")
_HAVE = re.compile(r"탑재|보유|운영|확보|사용|갖|가지|가져|쌓|지정|배치|설치|구성|포함|승인|갖춘|두고|거느|개발|생성|수집|구축|도입|투입|가동|건설"
                   r"|돌파|달성|기록|학습|훈련|처리|분산|걸쳐|설문|공급받")
_UNITS_OF_TIME_OR_MONEY = re.compile(r"(?:^|\s)(?:년|개월|달|주|일|시간|분|초|분기|달러|원|위안|유로|엔)$")
#: the classifier of a count of things (not of people, times or sums), with a bound or approximation after it
_CLASSIFIER = re.compile(r"([개대기건곳종척장명회])(?:\s?(?:이상|가량|정도|여|남짓))?$")
#: what may stand between a count and the noun after it
_TO_NOUN_AFTER = re.compile(r"의\s?|에\s?(?:달하는|이르는)\s|\s(?:(?:이상|가량|정도)의?\s)?")
#: "더 깊은", "높은": a modifier of the counted noun, not a topic particle
_ADJECTIVE = re.compile(r"^(?:더|가장|매우)$|[깊높작많넓좋낮짧얕적같]은$|^(?:극도|[가-힣]{1,4}적)으?로$")  # "극도로 어려운 문제"
#: an action on the counted noun after it: "N개의 X 구축을 통해"
_ACTION = re.compile(r"^(?:구축|확보|개발|배치|도입|설치|운영|건설|생산|구매|투입|가동|조성|수주|판매|출하|납품|공급|협업|협력)(?:을|를|이|가|에|으로|로)?$")
#: a plain word of the noun before a count: letters only, no digits
_PLAIN_WORD = re.compile(r"^[가-힣A-Za-z][가-힣A-Za-z\-]*$")
_MODIFIER = re.compile(r"^(?:총|약|최소|최대|전체|현재|초기|무려|고작|단|모두|전|세계|국내|기존|신규|추가|이미|연간|매년|각)$")
#: after a count with its noun before it: a particle or nothing, then a space, a comma or the end
_AFTER_COUNT_BEFORE = re.compile(r"(?:을|를|이|가|의)?(?:\s|,|$)")
_STAFF = re.compile(r"연구원|엔지니어|인력|직원|인재|개발자|과학자|전문가|컨설턴트|파트너|라벨러")
#: counts whose metric word a hardware name can precede as the counted thing ("NVL72 랙 개수")
_ITEM_COUNTS = frozenset({"rackCount", "chipCount", "gpuCount", "unitCount"})
#: people counted with their noun after the figure: "N명의 X", "N명 이상의 X" (never "N명 + X M명")
_OF_PEOPLE = re.compile(r"(?:\s?(?:이상|가량|정도))?의\s")
#: a noun ending in 가 that is no particle: "인증 전문가 부대를"
_GA_NOUN = re.compile(r"(?<![가-힣])(?:[가-힣]{0,4}(?:전문|투자|사업|전략|평론))가$")
#: a loanword ending in 이 that is no particle: "4개 컴퓨트 다이", "디스플레이", "게이트웨이"
_I_NOUN = re.compile(r"(?:다|레|웨)이$")
_HEADCOUNT = re.compile(r"(?:전체\s?|총\s?)?(?:임?직원|인력)(?:\s?수)?")
_HIRE = re.compile(r"영입|고용|채용|보유|두고|거느|창설|신설|꾸려|꾸린")  # a unit of staff formed too
_CHIP_WORD = re.compile(r"^(?:칩|GPU|가속기|SoC)")
_DIE_WORDS = {"싱글": 1, "듀얼": 2, "쿼드": 4}
#: a counted noun marked as a topic or subject ("100만 개의 GPU는"): what the clause is about, not a holding
_NOUN_AS_SUBJECT = re.compile(r"(?:은|는|이|가|도)$")
#: a word marked as a clause's topic or subject
_MARKED_WORD = re.compile(r"[가-힣A-Za-z0-9)'’”](?:은|는|이|가)(?=\s)")


#: from a count just read to the next: the rest of its clause, a comma and a word of the future ("…배치, 향후 ")
_LATER = re.compile(r"[^.;,]{0,30},\s?(?:향후|추후|앞으로|장기적으로)\s?(?:최대\s?)?")
#: a count extended to: "288개까지 확장", "300대로 확대", "500개로 늘릴"
_EXTENDED_TO = re.compile(r"\s?(?:까지|으로|로)\s?(?:확장|확대|증설|늘)")


#: the makeup of one team: roles counted with "+" ("파트너 1명 + 컨설턴트 2명"), or a team's structure before the count
_TEAM = re.compile(r"팀\s?(?:구성|구조)|팀당|프로젝트당|(?:한|1개)\s?팀")


def _team_makeup(s: str, q: Quantity, start: int) -> bool:
    """"파트너 1명 + 컨설턴트 2명", "팀 구조를 '파트너 1명과 …'": staff counted in the makeup of one team (``per`` team,
    never the firm's headcount nor a unit of its staff)."""
    return bool(re.match(r"\s?\+", s[q.end:]) or re.search(r"\+\s?$", s[:start]) or _TEAM.search(s, 0, start))


def _staff_scope(noun: str) -> str:
    """"컨설턴트 4명": a count of one kind of staff is scoped by it (never the firm's whole headcount);
    "직원 3,000명" is the headcount itself."""
    return "" if _HEADCOUNT.fullmatch(noun) else noun


def _hardware_topic(mentions: list[Mention_], s: str, c0: int) -> Mention_ | None:
    """The sentence's first topic when it is hardware marked before the clause at ``c0``, outside parentheses
    (the text reader keeps hardware out of its sentence topics: an item, not an owner, of most figures)."""
    first = next((m for m in mentions if m.role == "topic"), None)
    if first is None or first.end > c0 or not is_a(first.type, "Hardware"):
        return None
    return first if s.count("(", 0, first.start) <= s.count(")", 0, first.start) else None


#: "X을 가지고", "X를 활용해": an object taken as the tool of what the clause does, not a holding
_INSTRUMENT = re.compile(r"(?:을|를)\s?(?:가지고|갖고|이용해|이용하여|활용해|활용하여|사용해|사용하여|써서)\s")
#: a verb of making what is counted: "생성", "만들어", "제작", "학습"
_MAKE = re.compile(r"생성|만들|만든|제작|개발|학습|훈련|합성|산출|생산")


def _made_with(s: str, c0: int, start: int, end: int, c1: int) -> bool:
    """"R1을 가지고 80만 개의 고품질 데이터를 생성": a count after a tool ("X을 가지고", "X를 활용해") in its clause
    and before a verb of making counts what was made with the tool — the tool's holding it is not."""
    # "X을 가지고" ends a clause of its own: the tool may sit in the clause before the count's
    c_1 = max((c for c in clause_starts_of(s) if c < c0), default=c0)
    tool = _INSTRUMENT.search(s, c0, start) or ((m := _INSTRUMENT.search(s, c_1, c0)) and m.end() == c0)
    return bool(tool and _MAKE.search(s, end, c1))


def _counted_noun(s: str, at: int) -> tuple[str, int]:
    """"64개의 연산 코어(CU)를 탑재" → ("연산 코어(CU)", end): at most four words, up to the one
    carrying a particle; '' when the words run on without one (not an argument) or when a particle
    sits on the count itself ("1개로": its noun is before it)."""
    m = _TO_NOUN_AFTER.match(s, at)
    if m is None or at >= len(s):
        return "", at
    pos = m.end()
    words: list[str] = []
    end = pos
    for w in re.finditer(r"[^\s,.;:]+", s[pos:pos + 60]):
        if (w.start() and s[pos + w.start() - 1] != " ") or len(words) == 4:
            break
        tok = w.group(0)
        if ")" in tok and tok.count("(") < tok.count(")") and s.count("(", 0, at) > s.count(")", 0, at):
            cut = tok.index(")")  # "10 GW(20개 캠퍼스)", "(… 160개 SM)의": the count's parenthesis closes its noun
            words.append(tok[:cut])
            return " ".join(words), pos + w.start() + cut
        if _HAVE.match(tok) or _VERBAL.search(tok):
            break
        if re.fullmatch(r"[+&/=×]+", tok):  # "4개 컴퓨트 다이 + 16개 스택": a sum of parts ends the noun
            return (" ".join(words), end) if words else ("", at)
        if _ACTION.match(tok):  # "4개의 대규모 AI 클러스터 구축을": the noun ends before the action
            return (" ".join(words), end) if words else ("", at)
        pm = None if _GA_NOUN.search(tok) or _I_NOUN.search(tok) else _PARTICLE_END.search(tok)  # "전문가", "다이"
        if pm and len(tok) > 1 and not _ADJECTIVE.search(tok):
            if pm.group(1) in ("와", "과"):  # "3,000개 스타트업과 협업": partners of someone, not holdings
                return "", at
            words.append(tok[:pm.start()])
            return " ".join(words), pos + w.end()
        words.append(tok)
        end = pos + w.end()
        if (end < len(s) and s[end] in ",.;:") or _HAVE.match(s[end + 1:end + 3] if end + 1 < len(s) else ""):
            return " ".join(words), end
    if words and not s[end:].strip():  # "18개의 카트리지(블레이드)" ending a cell
        return " ".join(words), end
    return "", at


def _per_period(s: str, c0: int, at: int) -> str:
    """The period a count right after a rate word is per ("월 5만 장의 웨이퍼": per month); '' when none."""
    return next((per for per, rx in _PER_PERIOD if rx.search(s, max(c0, at - 12), at)), "")


def _owner_first(s: str, q: Quantity, end: int, mentions: list[Mention_]) -> Mention_ | None:
    """"총 1,500대의 웨이모 차량 운영": an organisation named first in the counted noun after the figure, bare
    before the rest of it, is whose the counted things are (kept only when it is the count's own subject)."""
    inside = [m for m in mentions if q.end <= m.start < end]
    if len(inside) != 1 or not is_a(inside[0].type, "Organization") or is_a(inside[0].type, "Place"):
        return None
    m = inside[0]
    if not _TO_NOUN_AFTER.fullmatch(s[q.end:m.start]) or s[m.end:m.end + 1] != " " or m.end >= end:
        return None
    return m


def _noun_before(s: str, q: Quantity, c0: int) -> tuple[str, int]:
    """"A는 데이터센터 40곳을 운영" → ("데이터센터", start): up to three plain words right before the
    figure, after the last modifier; '' when a word is not plain or carries a particle."""
    if not _AFTER_COUNT_BEFORE.match(s, q.end):
        return "", q.start
    head = s[c0:q.start]
    if not head.endswith(" "):
        return "", q.start
    words = head[:-1].split(" ")[-3:]
    kept: list[str] = []
    for w in reversed(words):
        if not _PLAIN_WORD.match(w) or _VERBAL.search(w):
            break
        if _MODIFIER.match(w):
            break
        if _PARTICLE_END.search(w) and len(w) > 1:
            break
        kept.insert(0, w)
    if not kept or _MODIFIER.match(kept[-1]):
        return "", q.start
    noun = " ".join(kept)
    return noun, q.start - 1 - len(noun)


class CountReader:
    """Mixed into the text reader (as the other figure readers): a count whose counted thing is a noun
    the gazetteer does not name becomes ``unitCount`` with the noun as its metric."""

    hires = staticmethod(hired_scope)  # the scope of a count of hires (text_value_guards), for every reader
    hire_count = staticmethod(hire_count)  # a count of hires or layoffs: no headcount (text_value_guards)

    @staticmethod
    def counted(entry: ValueEntry, m: Mention_) -> bool:
        """"NVL72 랙 개수", "H100 GPU 수": hardware named right before a count's metric word is what is counted
        (an item), not the owner of the count (a site's racks of that system)."""
        return entry.kind in _ITEM_COUNTS and is_a(m.type, "Hardware")

    def _unit_count(self, s: str, q: Quantity, c0: int, c1: int, mentions: list[Mention_], topic: Mention_ | None,
                    values: list[Quantity], dates: list[Quantity], loc: Location, sources: tuple[str, ...]) -> None:
        cls = _CLASSIFIER.search(q.raw.rstrip())
        if q.value is None or cls is None:
            return
        kind, construction = "unitCount", "unit-count"
        noun, start, end = "", q.start, q.end
        owner: Mention_ | None = None
        if cls.group(1) != "명":
            noun, end = _counted_noun(s, q.end)
            if noun and (_NOT_A_NOUN.match(noun) or _UNITS_OF_TIME_OR_MONEY.search(noun)):
                return
        elif _OF_PEOPLE.match(s, q.end) and (after := _counted_noun(s, q.end))[0] and _STAFF.search(after[0]) \
                and not _NOT_A_NOUN.match(after[0]):  # "1,000명의 인증 전문가 부대를 창설": staff counted after
            noun, end = after
            kind = "employeeCount"
        if not noun and self._extended_count(s, q, cls.group(1)):
            return  # "N개의 X 배치, 향후 M개까지 확장": the first count's measure, planned at M
        if not noun:  # the noun before the figure
            noun, start = _noun_before(s, q, c0)
            if not noun:  # "task 각각 40개, 50개 생성": the second count of a coordination is of the first's noun
                self._coordinated_count(s, q, cls.group(1))
                return
            if _UNITS_OF_TIME_OR_MONEY.search(noun) or _NOT_A_NOUN.match(noun):
                return
            construction = "unit-count-before"
            if cls.group(1) == "명":
                if not _STAFF.search(noun):
                    return
                kind, construction = "employeeCount", "count-noun-before"
            # a named item is the count-item reader's; staff may be named by where they come from
            if any(m.start < q.start and m.end > start and not (kind == "employeeCount" and is_a(m.type, "Organization"))
                   for m in mentions):
                return
        else:
            owner = _owner_first(s, q, end, mentions) if kind == "unitCount" else None
            if owner is not None:  # "1,500대의 웨이모 차량": the owner restated, the noun after its name
                noun = noun.split(s[owner.start:owner.end], 1)[-1].strip()
            if any(q.end <= m.start < end and m is not owner and not (kind == "employeeCount" and is_a(m.type, "Organization"))
                   for m in mentions) or any(q.end <= v.start < end for v in values):
                return  # a named item is the count-item reader's ("팔란티어 인증 전문가": staff named by a firm are not)
        if not any(m.role in ("topic", "subject") and c0 <= m.start and m.end <= start for m in mentions) \
                and _made_with(s, c0, start, max(end, q.end), c1):
            return  # "R1을 가지고 N개의 데이터를 생성": what was made with a tool, no holding of anyone named
        cands = [m for m in mentions if c0 <= m.start and m.end <= start and not is_a(m.type, "Person")
                 and m.role not in ("place", "object", "with")]
        marked = [m for m in cands if m.role in ("topic", "subject")]
        if marked:
            subject, how = marked[-1], "clause-topic"
        elif topic is not None and topic.role == "row":  # a table row's own entity
            subject, how = topic, "row"
        elif topic is not None and 0 <= topic.end <= c0 and topic.role == "topic" and not is_a(topic.type, "Person"):
            subject, how = topic, "earlier-clause"  # the sentence's own topic: "A는 X를 쓰는 대신, 94개의 Y를 쌓아"
        elif (hw := _hardware_topic(getattr(self, "_sentence_mentions", []), s, c0)) is not None:
            subject, how = hw, "earlier-clause"  # a chip the sentence is about: "X 칩은 …, N개의 다이를 공급받은"
        elif self._carried_owner(s, q, end, noun, topic, getattr(self, "_sentence_mentions", mentions), c0):
            subject, how = topic, "carried-topic"  # "A는 …. N개의 X를 배치": no name of its own, A's holding
        else:
            return
        if owner is not None and owner.entity != subject.entity:
            return  # "20만 개의 엔비디아 GPU": a maker naming the counted thing, whoever holds it
        if _CHIP_WORD.match(noun) and is_a(subject.type, "Chip"):
            # a chip counted in a chip's row or sentence: the chips of the system it is part of — the
            # system the row's first cell names ("HW3 | … | Tesla FSD 1 Chip | … 두 개의 칩 구성"), else none
            if how != "row" or getattr(self, "row_system", None) is None:
                return
            subject, kind, construction = self.row_system, "chipsPerSystem", "count-per-system"
        verb = "have" if (_HIRE if kind == "employeeCount" else _HAVE).search(s, max(end, q.end), c1) else "other"
        if verb == "other" and how != "row":  # with no verb of having the count measured 0.2 in running text
            return
        rule = f"{self.prefix}:{construction}:{verb}:{how}"
        if how == "row":  # a cell is about its row's entity whatever the verb: one construction
            rule = f"{self.prefix}:{construction}:row"
        elif how == "earlier-clause":  # the sentence's own topic, marked in this clause or an earlier one
            rule = f"{self.prefix}:{construction}:{verb}:clause-topic"
        if kind == "employeeCount":  # staff counted: one construction, whatever the order (text_reader.py)
            rule = f"{self.prefix}:staff-count"
        status, time, high = figure_context(self, s, q, dates, c0, c1, values)
        self._count_tail = (s, q.end, cls.group(1), len(self.ex.statements))
        self.ex.statements.append(hire_count(Statement(
            subject.entity, kind, loc, rule, value=Decimal(q.value),
            high=high, unit="count", status=status, time=time, **figure_flags(q),
            metric=f"{noun[:40]} ({ONE_DAY_PEAK})" if one_day_feat(s, c0, q) else noun[:40],  # one day's: a peak
            per="day" if _ONE_DAY.search(s, c0, q.start) else "team" if kind == "employeeCount" and _team_makeup(s, q, start)
            else _per_period(s, c0, q.start),  # "OpenRouter에서 …": the platform the count is of; "파트너 1명 + 컨설턴트 2명": per team
            scope=(hired_scope(s, q) or _staff_scope(noun)) if kind == "employeeCount" else venue_before(s, q, c0, mentions, subject),
            sources=sources, raw=s[max(0, q.start - 20):q.end + 8].strip()[:60],
        )))  # fmt: skip

    def _carried_owner(self, s: str, q: Quantity, end: int, noun: str, topic: Mention_ | None,
                       sentence_mentions: list[Mention_], c0: int) -> bool:
        """"맥킨지는 … 재설계. 약 12,000개의 AI 에이전트를 현장에 배치": a sentence naming nothing but the topic or
        a place before its count, the counted noun after the figure its object, counts for the topic the
        previous sentence or block carries (``…:carried-topic``) — unless the previous sentence names something
        else besides it (a product it made may own the count), the clause marks a subject of its own
        ("작업자가") or the noun is the clause's own topic ("N개의 GPU는")."""
        if topic is None or topic.role not in ("previous", "block") or is_a(topic.type, "Person"):
            return False
        if any(m.end <= q.start and m.entity != topic.entity and not is_a(m.type, "Place") and m.role != "place"
               for m in sentence_mentions):  # "OpenRouter에서 N개 토큰 사용량 달성": where, not whose
            return False  # "Qwen을 가지고 N개의 X를 생성": another name before the count may own it
        if not noun or end <= q.end or _NOUN_AS_SUBJECT.search(s[q.end:end]):
            return False
        if _MARKED_WORD.search(s, c0, q.start):  # "숙련된 작업자가 N개의 X를 수집": the clause's own (unnamed) subject
            return False
        others = [e for e in self.res.entities_in(getattr(self, "previous_sentence", ""))
                  if e.id != topic.entity and not is_a(e.type, "Place")]
        return not others

    def _coordinated_count(self, s: str, q: Quantity, counter: str) -> None:
        """A count with no noun of its own right after a comma and a count of the same counter ("각각 40개,
        50개"): the same subject's count of the same noun, by the same rule (the first count's statement)."""
        tail = getattr(self, "_count_tail", None)
        if tail is None or tail[0] != s or tail[2] != counter or not re.fullmatch(r",\s?", s[tail[1]:q.start]):
            return
        first = self.ex.statements[tail[3]]
        self._count_tail = (s, q.end, counter, len(self.ex.statements))
        self.ex.statements.append(replace(first, value=Decimal(q.value or 0), high=None, **figure_flags(q),
                                          raw=s[max(0, q.start - 20):q.end + 8].strip()[:60]))

    def _extended_count(self, s: str, q: Quantity, counter: str) -> bool:
        """"144개의 GPU 패키지 배치, 향후 288개까지 확장": a count with no noun of its own after a comma and a word of
        the future, extended to ("까지 확장", "로 확대"), is the planned size of the count just read (same subject, noun
        and rule; status planned). Returns whether it was read."""
        tail = getattr(self, "_count_tail", None)
        if tail is None or tail[0] != s or tail[2] != counter or q.value is None or not 0 < q.start - tail[1] <= 50 \
                or not _LATER.fullmatch(s, tail[1], q.start) or not _EXTENDED_TO.match(s, q.end):
            return False
        first = self.ex.statements[tail[3]]
        self._count_tail = None
        self.ex.statements.append(replace(first, value=Decimal(q.value), high=None, status="planned", time=None,
                                          **figure_flags(q), raw=s[max(0, q.start - 20):q.end + 8].strip()[:60]))
        return True

    def _die_counts(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                    sources: tuple[str, ...]) -> None:
        """"Ascend 910C는 … 듀얼 다이 구성": the chip's ``unitCount`` of dies (metric: the die word), of the
        clause's marked chip, else the sentence's own topic, else a table row's chip. One rule, ``text:die-count``,
        in prose and in cells: the die word states the count whoever the subject is (the subject must be hardware)."""
        starts = clause_starts_of(s)
        for m in DIES.finditer(s):
            c0 = max(c for c in starts if c <= m.start())
            marked = [x for x in mentions if c0 <= x.start and x.end <= m.start() and x.role in ("topic", "subject")]
            if marked:
                subject = marked[-1]
            elif topic is not None and (topic.role == "row" or 0 <= topic.end <= m.start()) and topic.role != "block":
                subject = topic
            else:
                continue
            if not is_a(subject.type, "Hardware"):
                continue
            word = m.group(1)
            value = _DIE_WORDS.get(word) or int(word.rstrip("-"))
            self.ex.statements.append(Statement(
                subject.entity, "unitCount", loc, "text:die-count", value=Decimal(value),
                unit="count", status="actual", metric=m.group(2)[:40], time=getattr(self, "default_time", None),
                sources=sources, raw=s[max(0, m.start() - 20):m.end() + 8].strip()[:60],
            ))  # fmt: skip
