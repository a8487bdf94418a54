"""What a comparison or a change measures, as the clause writes it: "ROCm 6 대비 추론 처리량 성능 3.5배" (the
words between the base marker and the figure), "N배의 자원을", "N배 더 많은 주행 데이터를" (the noun right
after the figure), "910C의 계산 성능이 약 3배 낮고" (the noun marked as the clause's subject or object before
the figure, its owner's name left out).

A measure is a short noun phrase: one to four bare words of Hangul or Latin letters, no figure, no particle
inside, no entity the sentence names, no pronoun, no word of time or degree ("올해", "약", "기존"), and not a
word that only says the figure changed or compares ("증가", "수준", "격차"). Without one the caller keeps its
metric ("higher vs X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from petaflop.extract.gate import unsure
from petaflop.extract.resolve import is_a

#: a base marker and its verb ending: "대비", "보다", "에 비해", "와 비교해", "2024년 이후"
_MARKER = re.compile(r"(?:대비|보다|에\s?비해|비교(?:해서?|했을\s?때(?:는|도)?|하면|할\s?때(?:는)?)?|년\s?(?:이후|이래))")
#: adverbs of degree between a measure and its figure ("약", "최대", "무려"), and a sign
_DEGREE = re.compile(r"(?:\s?(?:약|최대|최소|무려|거의|평균|대략|이미|모두|각각|단|불과|[+\-−]))*\s*$")
#: what may stand between the figure and a measure after it: "이상의", "까지", "의", "더 많은", "가량 더 넓은"
_AFTER = re.compile(r"(?:\s?(?:이상|이하|가량|정도|까지|나|씩))*(?P<link>\s?의\s?|\s?(?:이)?라는\s|\s(?:더\s)?(?:많은|넓은|큰|높은|긴|빠른|강한|나은|적은|낮은|작은)\s|\s)")
#: case particles a measure may carry (the subject's, the topic's, the object's; "과/와" opening a list)
_PARTICLES = ("이", "가", "은", "는", "을", "를", "과", "와")
#: stems one syllable long that are measures ("직원 수는", "생산 양이")
_SHORT = frozenset("수 양 값 폭 량 비".split())
#: words that are no measure: a change, a degree, a comparison, a time, a pronoun, a role, a kind word
_NOT_MEASURE = frozenset("""
증가 감소 성장 향상 개선 상승 하락 인하 인상 확대 축소 단축 절감 급증 급감 폭증 증설 가속 저하 저렴 투입 달성
수준 정도 이상 이하 가량 차이 격차 우위 열세 배 시나리오 가능성 효과 결과 기록 전략 계획 목표
것 등 중 내 때 경우 기준 대비 보다 이는 이것 그것 이 그 해당 각 이전 기존 현재 올해 작년 내년 지난 최근
이후 당시 동안 하루 매년 약 최대 최소 무려 거의 평균 대략 더 CEO 대표 회장 창업자 관계자 회사 기업 측
모델 제품 버전 칩 세대 직전 신규 최신 훨씬 아직 처음 가장 다시 또한 특히 반면 한편 물론 즉
""".split())
#: an ending that makes a word no bare noun: a particle, an adnominal or a connective ("필수적인", "만에", "낮고")
_BOUND = re.compile(r"(?:으로|로|에서|에게|에|의|도|만|부터|까지|적인|하는|했던|있는|되는|된|한|던|인|며|고|서|게|다|음|함|짐|해|돼|춰|춘|려|쳐|켜|는|은|을|를|운|할|될)$")
#: a change word a measure after the figure may end on ("성능 향상", "에너지 효율 개선"): the measure is before it
_CHANGE_TAIL = re.compile(r"\s(?:향상|개선|증가|감소|절감|확대|상승|하락)$")
#: the stem of a predicate of size or change right after a figure ("N배 높아", "N배 빨라")
_VERBAL = re.compile(r"(?:높|낮|빠|빨|늘|줄|커|크|작|많|적|넓|좁|길|짧|비싸|싸|저렴|떨어|올|내려|앞서|뒤)")
#: a word ending as a predicate (a verb's adnominal or connective form) between a marked noun and the figure
_PREDICATE = re.compile(r"(?:된|던|는데|하는|되는|있는|없는|며|고|게|다|해|돼|면|춰|한)$")
_WORD = re.compile(r"[가-힣A-Za-z][가-힣A-Za-z\-/·]*")


def _particle(w: str) -> tuple[str, str]:
    """A word split into its stem and a case particle after it ("성능이" → "성능", "이"), else (w, '')."""
    for p in _PARTICLES:
        stem = w[:-len(p)]
        if w.endswith(p) and (len(stem) >= 2 or stem in _SHORT) and _WORD.fullmatch(stem) \
                and not (p in ("은", "는", "을", "를") and re.search(r"(?:되|하|있|없|않|했|됐|였|이었)$", stem)):
            return stem, p
    return w, ""


def _bare(w: str) -> bool:
    return bool(_WORD.fullmatch(w)) and w not in _NOT_MEASURE and not _BOUND.search(w)


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(s < b and e > a for s, e in spans)


def _clean(words: list[str]) -> str:
    text = _CHANGE_TAIL.sub("", " ".join(words))
    words = text.split()
    while words and words[0].endswith("적") and len(words) > 1:  # "압도적 성능": the noun after the adjective
        words = words[1:]
    if not words or len(words) > 4 or any(w in _NOT_MEASURE for w in words):
        return ""
    text = " ".join(words)
    return text if 2 <= len(text) <= 24 else ""


def _ending_at(s: str, end: int, lo: int, spans: list[tuple[int, int]]) -> str:
    """The phrase ending at ``end`` (degree adverbs before it left out): its last word may carry a case
    particle, the words before it are bare nouns; it stops at ``lo``, a name, or a word that is no noun."""
    end = lo + _DEGREE.search(s[lo:end]).start()
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", s[lo:end])]
    kept: list[str] = []
    for i, (a, b, w) in enumerate(reversed(words)):
        if i == 0:
            w = re.sub(r"\([^()]{1,20}\)$", "", w)  # "연산 효율(FLOPs/Watt)이": the aside left out
            w = re.sub(r"\([^()]{1,20}\)", "", w)
            w, _ = _particle(w)
        if _overlaps(spans, lo + a, lo + b) or not _bare(w) or len(kept) == 4:
            break
        kept.insert(0, w)
    return _clean(kept) if kept else ""


def _after(s: str, q_end: int, spans: list[tuple[int, int]]) -> str:
    """"N배의 <measure>을", "N배 더 많은 <measure>를": the noun phrase right after the figure."""
    a = _AFTER.match(s, q_end)
    if not a:
        return ""
    bare_link = not a.group("link").strip()  # "N배 <words>": only a phrase carrying a particle is a noun
    kept: list[str] = []
    for m in re.finditer(r"\S+", s[a.end():a.end() + 60]):
        at = a.end() + m.start()
        raw = m.group()
        punct = re.search(r"[.,;:)”’\"']+$", raw)
        w = raw[:punct.start()] if punct else raw
        if kept and w in _PARTICLES:  # "총 메모리 용량 과": the particle written apart
            return _clean(kept)
        stem, p = _particle(re.sub(r"(?<=[가-힣])(?:이었던|였던|이던)$", "이", w))  # "N%의 가격이었던"
        if kept and _CHANGE_TAIL.match(" " + stem):  # "N배의 에너지 효율 개선을": the measure before the change
            return _clean(kept)
        if bare_link and ((not kept and _VERBAL.match(stem)) or p in ("은", "는")):
            return ""  # "N배 높아", "N배나 떨어지는": a predicate after the figure, not a noun
        if _overlaps(spans, at, at + len(w)) or not _bare(stem) or len(kept) == 4:
            return ""
        kept.append(stem)
        if p or (punct and not bare_link):
            return _clean(kept)
        if punct:
            return ""
    # "원금의 100배라는 캡 구조" closing the text: the noun phrase the figure is said of ("라는"), ended by the text
    return _clean(kept) if kept and a.group("link").strip() == "라는" and a.end() + 60 >= len(s.rstrip()) else ""


def _marked_before(s: str, q_start: int, c0: int, spans: list[tuple[int, int]]) -> str:
    """"<owner>의 <measure>이 … N배", "<measure>은 … N배": the last word before the figure marked as
    subject, topic or object, with the bare words before it (the owner's name left out)."""
    for m in reversed(list(re.finditer(r"\S+", s[c0:q_start]))):
        w = re.sub(r"\([^()]{1,20}\)", "", m.group())
        stem, p = _particle(w)
        if (_PREDICATE.search(w) and not _MARKER.search(w)) or w == "지":  # "유료 서비스가 본격화된 지 … N배": the noun is another verb's
            return ""
        if p in ("이", "가", "은", "는", "을", "를") and _WORD.fullmatch(stem):
            if _overlaps(spans, c0 + m.start(), c0 + m.end()):
                return ""
            return _ending_at(s, c0 + m.end(), c0, spans)
    return ""


def compared_measure(s: str, q_start: int, q_end: int, c0: int, spans: list[tuple[int, int]]) -> str:
    """The measure a figure at ``s[q_start:q_end]`` in a clause opening at ``c0`` compares or changes, or ''.
    ``spans``: where the sentence names entities (never part of a measure)."""
    markers = [m for m in _MARKER.finditer(s, c0, q_start)]
    if markers and (np := _ending_at(s, q_start, markers[-1].end(), spans)):
        return np  # "X 대비 <measure>(이) (약) N배"
    # "전력 효율 3.5배, 복원력 10배": the bare words right before the figure; else a marked noun before it
    return _after(s, q_end, spans) or _ending_at(s, q_start, c0, spans) or _marked_before(s, q_start, c0, spans)


#: a predicate of price right after the figure: "40% 이상 저렴", "30% 비싸" — the measure compared is the price
_PRICED = re.compile(r"(?:\s?(?:이상|이하|가량|정도|더))*\s?(?:저렴|싸[고다게며지.]|싼|비싸|비싼)")


def comparison_metric(s: str, q_start: int, q_end: int, c0: int, spans: list[tuple[int, int]], base: str,
                      values: Sequence = ()) -> str:
    """"<measure> higher vs <base>" (``base``: the metric without its measure, "higher vs H100"), else ``base``;
    ``values``: the sentence's figures, whose measure a change of one of them names (``figure_measure``)."""
    measure = (compared_measure(s, q_start, q_end, c0, spans) or figure_measure(s, q_start, c0, spans, values)
               or shared_after(s, q_end, spans, values) or lead_basis(s, q_start)
               or ("price" if _PRICED.match(s, q_end) else ""))
    return f"{measure} {base}"[:60] if measure else base[:60]


#: the noun a share of another thing's measure names right after its figure: "B 대비 절반 가격으로", "“B의 75% 성능”"
_RATIO_NOUN = re.compile(r"\s?(?:의\s?)?(가격|성능)(?=[\s,.)”\"’]|$|으로|로|이|은|을|에|였|이었)")
_RATIO_NOUNS = {"가격": "price", "성능": "performance"}


def ratio_metric(s: str, q_end: int, metric: str, base: str, rule: str, in_table: bool = False) -> tuple[str, str]:
    """A share of another thing's measure ("B 대비 절반 가격"): its ``metric`` naming the noun compared ("price
    relative vs B") when the clause names none before; a share in prose naming no measured noun (only "relative vs
    B": "B 대비 60% 수준", "… 40% 규모") stays a claim (its ``rule`` marked unsure) — in a table's cell the row's
    label names the measure later (table_remarks.py). Returns (metric, rule)."""
    if metric != base:
        return metric, rule
    m = _RATIO_NOUN.match(s, q_end)
    if m:
        return f"{_RATIO_NOUNS[m.group(1)]} {base}"[:60], rule
    return metric, rule if in_table else unsure(rule)


#: a value reached right before the figure of its change: "1,200명 이상으로 100배 증가"
_REACHED = re.compile(r"\s?(?:이상|이하|가량|정도|수준)?\s?(?:으로|로)\s(?:약\s|무려\s)?")
#: "이는 …", "이것은 …" opening the figure's clause: it is about the figure of the clause before
_ANAPHOR = re.compile(r"(?:^|(?<=[\s,]))(?:이는|이것은)\s")


def figure_measure(s: str, q_start: int, c0: int, spans: list[tuple[int, int]], values: Sequence) -> str:
    """The measure of another figure that the figure at ``q_start`` changes, when its own clause names none:
    the value it reached ("직원 수 1,200명으로 100배 증가"), the figure of the clause "이는" points back to
    ("분기 매출 10억 달러를 돌파, 이는 48% 급증"), or the phrase its aside follows ("대역폭 (2배 향상)");
    ``values``: the sentence's figures (with ``start``/``end``). '' when none fits."""
    before = [v for v in values if v.end <= q_start]
    for v in reversed(before):
        if _REACHED.fullmatch(s, v.end, q_start):
            return measure_before(s, v.start, max(c0, s.rfind(",", 0, v.start) + 1), spans)
        break
    anaphors = list(_ANAPHOR.finditer(s, max(0, c0 - 4), q_start))
    if anaphors and not any(anaphors[-1].start() <= v.start for v in before):
        earlier = [v for v in before if v.end <= anaphors[-1].start()]
        if earlier:
            v = earlier[-1]
            return measure_before(s, v.start, max(0, s.rfind(",", 0, v.start) + 1), spans)
        return ""
    paren = s.rfind("(", c0, q_start)
    if paren >= 0 and ")" not in s[paren:q_start] and not any(not s[v.end:paren].strip() for v in before):
        np = _ending_at(s, paren, c0, spans)  # not "1,185억 달러 (40% 증가)": the aside of a figure
        words = s[c0:paren].rstrip()[:-len(np) or None].split() if np else []
        # "10만대로 훈련(… 15배)": a verbal noun after its argument is what was done, not a measure
        return "" if words and re.search(r"(?:으로|로|을|를|에서|에게)$", words[-1]) else np
    return ""


def measure_before(s: str, at: int, c0: int, spans: list[tuple[int, int]]) -> str:
    """The measure named right before a figure ("직원 수 1,000명에서", "수율이 20%에서"), or ''."""
    return _ending_at(s, at, c0, spans)


#: "<X> 기준, …" opening the sentence: what its comparisons are measured by ("‘GPU당 초당 토큰’ 기준, A가 B보다 …")
_LEAD_BASIS = re.compile(r"^\s*(?:[-•·]\s*)?(?P<basis>[^,.]{2,40}?)\s?기준(?:으로(?:는|도)?)?,\s")


def lead_basis(s: str, q_start: int) -> str:
    """The "<X> 기준" phrase opening the sentence, followed by a comma, as the measure of a comparison after it
    ("ARC-AGI v2(고난도) 시험 기준, A는 B 대비 약 2배" → "ARC-AGI v2 시험 기준"); '' otherwise."""
    m = _LEAD_BASIS.match(s)
    if not m or m.end() > q_start:
        return ""
    basis = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)|[‘’“”'\"]", " ", m.group("basis"))).strip()
    if not basis or re.search(r"(?:[음함임됨다]|[은는이가을를])$", basis) or len(basis.split()) > 6:
        return ""
    return f"{basis} 기준"[:40]


#: between two coordinated figures: a comma, then at most an adverbial ("전체 플릿 기준으로는", "연간으로는")
_COORDINATED = re.compile(r"\s?,\s(?:(?:[가-힣A-Za-z]+\s){0,3}[가-힣A-Za-z]*(?:으로는|로는|에는|에서는|에선|에서|에)\s)?")
_ADVERBIAL_WORD = re.compile(r".*(?:[은는이가을를과와의도]|으로는|로는|에는|에서는|에선|에서|에)$")


def shared_after(s: str, q_end: int, spans: list[tuple[int, int]], values: Sequence) -> str:
    """"하루에 40배, 전체 기준으로는 900배 더 많은 주행 데이터를": the measure after the next figure, which the
    comma coordinates with this one (only an adverbial between); '' otherwise."""
    nxt = min((v for v in values if v.start >= q_end), key=lambda v: v.start, default=None)
    if nxt is None or not _COORDINATED.fullmatch(s, q_end, nxt.start):
        return ""
    if any(_ADVERBIAL_WORD.match(w) for w in s[q_end:nxt.start].strip(" ,").split()[:-1]):
        return ""  # "매출 3배, 이익은 5배": a word marked before the adverbial opens a clause of its own
    return _after(s, nxt.end, spans)


#: "<place> 내" right before a measure: "미국 내 상업 고객 수" (where the figure holds: its scope)
_WITHIN_BEFORE = re.compile(r"(?:^|[\s,(])([가-힣A-Za-z]{1,12}\s?내)\s$")


def measure_within(s: str, c0: int, end: int, metric: str, base: str,
                   places: Sequence[tuple[int, int]] = ()) -> str:
    """Where a compared measure holds when the clause writes a place before it with 내 ("미국 내 상업 고객 수는
    전년 대비 64% 증가" → "미국 내") or bare, as a modifier of the measure ("미국 정부 매출은 전년 대비 53%" →
    "미국": the government revenue in the US, not the whole): ``metric`` is "<measure> <base>" as
    :func:`comparison_metric` made it; ``places``: where the clause names a country or a region (not the
    figure's subject); '' when the measure is not written before ``end`` or no place opens it."""
    measure = metric[:-len(base)].strip() if metric.endswith(base) else ""
    at = s.rfind(measure, c0, end) if measure else -1
    if at < 0:
        return ""
    if m := _WITHIN_BEFORE.search(s[c0:at]):
        return m.group(1)
    return next((s[a:b] for a, b in places if c0 <= a and s[b:at] == " "
                 and (a == 0 or re.match(r"[\s,(]", s[a - 1]))), "")


#: words joining coordinated nouns in a heading: "비용 및 필요전력", "비용과 전력", "비용/전력"
_AND = frozenset("및 와 과 및/또는 or and".split())
#: a word that closes a heading's modifiers: a particle or an ending ("레벨에서의", "차이에 따른")
_CLOSED = re.compile(r"(?:의|에|에서|은|는|이|가|을|를|로|으로|른|한|인|된|:)$")


def heading_part(heading: str, metric: str, names: Sequence[tuple[int, int]] = ()) -> str:
    """The part a caption's heading limits its measure to: under "… 스케일업 네트워킹 비용 및 필요전력" a
    later caption line's "비용은 6배" or "전력 소비는 11배" compares the scale-up networking part
    ("스케일업 네트워킹"), not the whole. The heading must write the measure's first word (alone or ending a
    compound, "필요전력"), one noun of a list ("A 및 B") after bare modifier words; '' otherwise, or when
    the measure already holds them. ``names``: where the heading names entities (no modifier: "중국 발전량")."""
    head = metric.split()[0] if metric.split() else ""
    if len(head) < 2 or head in ("vs", "higher", "lower") or not heading:
        return ""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", heading)]
    words = heading.split()
    for i, w in enumerate(words):
        if not (w == head or (w.endswith(head) and re.fullmatch(r"[가-힣]+", w))):
            continue
        j = i
        while j >= 2 and words[j - 1] in _AND and _bare(words[j - 2]):  # "비용 및 필요전력": the list's first noun
            j -= 2
        mods: list[str] = []
        for k in reversed(range(max(0, j - 3), j)):
            v = words[k]  # not a name, nor a distribution ("연도별"), a particle's word or one of a list
            if _CLOSED.search(v) or v.endswith("별") or not _WORD.fullmatch(v) or v in _NOT_MEASURE or v in _AND \
                    or _overlaps(list(names), *spans[k]):
                break
            mods.insert(0, v)
        part = " ".join(mods)
        return "" if not mods or part in metric else part
    return ""


#: "<words>의 " right before a measure: its owner in the genitive ("상위 20개 고객의 매출")
_OWNER_BEFORE = re.compile(r"(?:^|[\s,(])((?:[가-힣A-Za-z0-9]+\s){0,2}[가-힣A-Za-z]{2,10})의\s$")


def owner_segment(s: str, c0: int, end: int, measure: str, spans: Sequence[tuple[int, int]]) -> str:
    """The part a measure is of when its genitive owner is no name: "상위 20개 고객의 매출은 30% 증가" is the
    revenue of the top customers ("상위 20개 고객"), not the subject's; '' when the owner is a name the
    sentence resolves ("팔란티어의 매출", left out of the measure as its subject), a pronoun or a word of time."""
    at = s.rfind(measure, c0, end) if measure else -1
    m = _OWNER_BEFORE.search(s[c0:at]) if at >= 0 else None
    if m is None or _overlaps(list(spans), c0 + m.start(1), c0 + m.end(1)) \
            or re.search(r"\d,$", s[c0:c0 + m.start(1)]):  # "128,000 토큰의": a figure cut at its comma
        return ""
    words = m.group(1).split()
    return "" if any(w in _NOT_MEASURE or _BOUND.search(w) for w in words) else m.group(1)


#: a heading's place words closing with a locative before its measure: "텍사스 오스틴에서의 …", "미국 내 …"
#: words of a place's extent ("미국 전역": the whole country)
EXTENT = frozenset({"전역", "전체", "전반"})
#: place words closed by a locative ("텍사스 오스틴에서의 ", "미국 내 "); a heading's must end right there,
#: a caption's may have a few words before its measure (heading_place.py)
PLACE_CLOSED = r"(?:^|\s)((?:[가-힣A-Za-z]+\s){0,2}[가-힣A-Za-z]+?)(?:에서의|\s?내의?)\s"
_HEADING_PLACE = re.compile(PLACE_CLOSED + "$")


def metric_head(metric: str) -> str:
    """The first word of a comparison's metric when it names a measure ("면적 higher vs B" → "면적"), else ''."""
    head = metric.split()[0] if metric.split() else ""
    return "" if len(head) < 2 or head in ("vs", "higher", "lower") else head


def named_places(gaz, text: str) -> list[tuple[int, int]]:
    """Spans of the countries and regions the gazetteer ``gaz`` names in ``text``."""
    return [(p.start, p.end) for p in gaz.find_mentions(text)
            if (e := gaz.by_id(p.entity_id)) is not None and any(is_a(e.type, c) for c in ("Country", "Region"))]


def heading_scope(heading: str, metric: str, gaz) -> str:
    """Where a caption's heading limits the measure a comparison under it compares: "텍사스 오스틴에서의 자율주행
    서비스 면적 비교" over "A가 B보다 1.9배 더 넓은 면적" → "텍사스 오스틴" (the areas in that city, not the firms'
    whole). The heading must write the metric's first word, right after place words (each a country or region
    the gazetteer ``gaz`` names in the heading) closed by "에서의" or "내"; '' otherwise."""
    head = metric_head(metric)
    if not head or not heading:
        return ""
    for w in re.finditer(r"\S+", heading):
        if w.group(0) != head:
            continue
        m = _HEADING_PLACE.search(heading[:w.start()])
        if m is None:
            return ""
        spans = [(a.start(), a.end()) for a in re.finditer(r"\S+", m.group(1))]
        places = named_places(gaz, heading)
        # every word a named place, or a word of its extent ("미국 전역": the whole country)
        if all(any(a <= m.start(1) + s and m.start(1) + e <= b for a, b in places) or m.group(1)[s:e] in EXTENT
               for s, e in spans) and m.group(1).split()[0] not in EXTENT:
            return m.group(1)
        return ""
    return ""


def clause_scope(s: str, c0: int, end: int, metric: str, base_words: str, mentions, subject: str, heading: str,
                 gaz) -> str:
    """Where (or of what part) a comparison's measure holds: a place the clause writes before it
    (:func:`measure_within`: ``mentions`` the sentence's, the figure's ``subject`` not among the places), else
    its genitive owner (:func:`owner_segment`), else a place the caption's heading limits it to
    (:func:`heading_scope`)."""
    places = [(m.start, m.end) for m in mentions if m.entity != subject and any(is_a(m.type, c) for c in ("Country", "Region"))]
    measure = metric[:-len(base_words)].strip() if metric.endswith(base_words) else ""
    return measure_within(s, c0, end, metric, base_words, places) \
        or owner_segment(s, c0, end, measure, [(m.start, m.end) for m in mentions]) or heading_scope(heading, metric, gaz) \
        or field_scope(s, c0, end)


#: a field the clause says its figure holds in: "<noun> 분야에서" ("특히 민감한 의료 분야에서 A는 B 대비 …")
_FIELD = re.compile(r"(?:^|[\s,(])((?:[가-힣A-Za-z]{1,10}\s){0,2}[가-힣A-Za-z]{1,10}\s?분야)(?:에서|에선)(?:도|는|만)?\s")


def field_scope(s: str, c0: int, end: int) -> str:
    """The field a comparison holds in when its clause writes it before the figure: "의료 분야에서 … 1/4 수준" →
    "의료 분야" (the ratio in that field, not overall); only bare nouns before 분야 (not "민감한", "이"); '' otherwise."""
    m = _FIELD.search(s[c0:end])
    if m is None:
        return ""
    words = m.group(1).split()
    while words[:-1] and not (_bare(words[0]) or re.fullmatch(r"[A-Za-z]+", words[0])):
        words = words[1:]  # "특히 민감한 의료 분야": the modifiers before the field's own noun
    head = words[0].removesuffix("분야") if len(words) == 1 else words[0]
    return " ".join(words) if head and (_bare(head) or len(words) > 1) and head not in ("이", "그", "해당", "각") else ""


#: a clause opening on where it happens: place words closed by "에서" ("독일 등 유럽 시장에서도 …", "미국에서는 …")
_OPENING_PLACE = re.compile(r"^[\s\-–·•*]*((?:\S+\s){0,3}?\S+?)에서(?:도|는|만)?\s")
#: words a place phrase may hold beside the places: a list's joints and the market or region they are
_PLACE_WORDS = frozenset("등 및 시장 지역 전역".split())


def opening_place(s: str, c0: int, end: int, mentions, subject: str) -> str:
    """Where a clause's figure holds when the clause opens on it: "독일 등 유럽 시장에서도 <제품>의 가격은 40% 급등"
    → "독일 등 유럽 시장" (the rise in those markets, not worldwide). Every word of the phrase before "에서" must
    be a country or region the sentence names (``mentions``, not the figure's ``subject``) or a word of a list or a
    market (등, 및, 시장, 지역, 전역), and one a place; the phrase must close before ``end`` (the figure); '' otherwise."""
    m = _OPENING_PLACE.match(s[c0:end])
    if m is None:
        return ""
    a = c0 + m.start(1)
    places = [(p.start, p.end) for p in mentions if p.entity != subject and a <= p.start and p.end <= c0 + m.end(1)
              and any(is_a(p.type, c) for c in ("Country", "Region"))]
    if not places:
        return ""
    for w in re.finditer(r"\S+", m.group(1)):
        ws, we = a + w.start(), a + w.end()
        if w.group(0) not in _PLACE_WORDS and not any(ps <= ws and we <= pe for ps, pe in places):
            return ""
    return m.group(1)
