"""Figures in prose that state no value: a label of what follows, a figure defined in a parenthesis,
a number that is part of a name ("Ascend 910", "Grok 1", "6000D")."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ingest.quantities import Quantity
from petaflop.extract.facts import Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import HOW, Mention_

#: "Ascend 910", "Grok 1", "Phase 2", "RTX PRO 6000D": a bare number glued to a Latin name is part of it
_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.+]*[\s-]?$")
_NAME_AFTER = re.compile(r"^(?![Ff][Pp][Ss](?![A-Za-z]))[A-Za-z0-9]")  # "24fps": a frame rate, no name

#: the date of a from-to pair's later figure, between the two: "12% → 올해 6월 38%로", "A에서 2025년 말 B로"
_LATER_DATE = (r"(?:(?:(?:19|20)?\d{2}년|올해|작년|지난해|내년)\s?(?:\d{1,2}월|[1-4]분기|[상하]반기|말|초)?|\d{1,2}월|연말)"
               r"(?:\s?(?:기준|현재|말|초))?")
FROM_TO = re.compile(r"(?:\s?/\s?(?:년|연|월|yr|year))?\s?(?:에서|→|->|~|부터)\s?(?:현재|최근|올해|지금)?\s?"
                      r"(?:" + _LATER_DATE + r"\s?)?(?:약\s?)?")


#: A stage's label before its figures: "1단계: 18,000 GPU 2단계: 28,000 GPU", "Phase 2: 1.2 GW".
_STAGE_LABEL = re.compile(r"(?<![\w.])(\d{1,2}\s?단계|Phase\s?\d{1,2})\s?[:：]\s")


def stage_scope(s: str, at: int, end: int = -1) -> str:
    """The stage label ("1단계") the figure starting at ``at`` is listed under: the last "N단계:" before it in ``s``
    ("1단계: 18,000 GPU 2단계: 28,000 GPU": each figure is its stage's, not the whole project's); else, given the
    figure's ``end``, ``FIRST_BATCH`` when it counts the first batch of a larger build (:func:`first_batch_scope`)."""
    labels = list(_STAGE_LABEL.finditer(s, 0, at))
    if labels:
        return re.sub(r"\s+", " ", labels[-1].group(1))
    return first_batch_scope(s, at, end) if end >= 0 else ""


#: A count that opens a larger build: "11만 개의 GB200을 시작으로 (이후 55만 개…)" — right after the figure, its
#: counted thing and "을/를 시작으로"; or right before it, a first batch ("첫 번째 물량 N개", "1차 배치 N개", "초기 물량 약 N개").
_FIRST_AFTER = re.compile(r"\s?(?:개|대|장)?\s?(?:의\s)?(?:[^\s,.;()]{1,16}\s){0,2}?[^\s,.;()]{0,16}?(?:을|를)\s?시작으로")
_FIRST_BEFORE = re.compile(r"(?:첫\s?번째|1차|초기)\s?(?:물량|배치|출하|공급분)\s?(?:으로|로|에|은|는)?\s?(?:약\s?)?$")
FIRST_BATCH = "첫 물량"


def first_batch_scope(s: str, at: int, end: int) -> str:
    """``FIRST_BATCH`` when the figure counts the first batch of a larger build ("11만 개의 GB200을 시작으로", "1차
    배치 N개"): a part of the build, never the whole cluster's count; else ""."""
    return FIRST_BATCH if _FIRST_AFTER.match(s, end) or _FIRST_BEFORE.search(s[max(0, at - 16):at]) else ""


def not_a_value(s: str, q: Quantity) -> bool:
    """"(0-32K: 1달러; …)": a figure labelling what follows; "(100%는 모든 유희시간 활용)": a figure
    defined in a parenthesis — neither states a value."""
    if re.match(r"(?:\s?[가-힣A-Za-z]{1,8}){0,2}\s?:(?:\s|$)", s[q.end:]):  # "최대 8개 GPU: …" labels a line
        return True
    if q.kind == "duration" and (q.raw.endswith("분기") or (s[q.end:q.end + 1] == "기" and not q.raw.endswith("장"))):
        # "1분기": a quarter ("15년 장기": a span, long-term)
        return True
    if _explains_a_change(s, q):
        return True
    if _PER_UNIT.match(s, q.end):
        return True  # "1인당 사용량", "1K 토큰당 $0.002": the denominator of a rate, not a value  # "200배(80달러→0.40달러) 절감": the before and after of a change already stated as a multiple
    if _DIVIDEND.match(s, q.end) or (q.raw.isdigit() and _DIVISOR_BEFORE.search(s, 0, q.start)
                                     and _OPERAND_END.match(s, q.end)):
        return True  # "랙 개수(50만 GPU/72)": the dividend and divisor of a formula, not the measure named before it
    return s.count("(", 0, q.start) > s.count(")", 0, q.start) and bool(re.match(r"[은는]\s", s[q.end:]))


#: a figure followed by "당" (with its counter or unit): "1인당", "1개당", "1K 토큰당" (never "…개 해당하는")
_PER_UNIT = re.compile(r"\s?(?:[A-Za-z]{1,8}\s?)?[가-힣]{0,3}당(?=[\s,.)]|$)")


#: a figure divided by a bare number that closes a bracket or meets an operator: "(50만 GPU/72)" is a formula's
#: operand ("/1M 토큰", "/1년": a rate's denominator, with its unit, is not)
_DIVIDEND = re.compile(r"\s?[A-Za-z가-힣]{1,8}\s?/\s?\d+(?=\s?[)\]]|\s?[×x*=])")
_DIVISOR_BEFORE = re.compile(r"\d[\d.,]*\s?[만억천]?\s?[A-Za-z가-힣]{1,8}\s?/\s?$")
_OPERAND_END = re.compile(r"(?=\s?[)\]]|\s?[×x*=])")


#: a parenthesis right after a multiple or a percentage, holding only the before and after of that change:
#: "N배(A→B)", "N%(A에서 B로)" — the bracket explains the change; its figures measure nothing new
_CHANGE_BEFORE = re.compile(r"[\d.]\s?(?:배|%)\s?$")
_BEFORE_AFTER = re.compile(r"[^()→]{1,20}(?:→|->|에서)\s?[^()→]{1,20}")


def _explains_a_change(s: str, q: Quantity) -> bool:
    opening = s.rfind("(", 0, q.start)
    closing = s.find(")", q.end)
    if opening < 0 or closing < 0 or s.find(")", opening, q.start) >= 0:
        return False
    return bool(_CHANGE_BEFORE.search(s[:opening]) and _BEFORE_AFTER.fullmatch(s[opening + 1:closing]))


def part_of_name(s: str, q: Quantity, mentions: list[Mention_]) -> bool:
    """A figure that is (part of) a name: inside an entity's mention, or a unitless number right
    after a Latin word ("Ascend 910", "Grok 1") or running into letters ("6000D", "235B-A22B")."""
    if any(m.start <= q.start < m.end or q.start <= m.start < q.end for m in mentions):
        return True
    if q.kind != "number":
        return False
    return bool(_NAME_BEFORE.search(s[:q.start]) or _NAME_AFTER.match(s[q.end:]) or s[q.end:q.end + 1] == "-")


#: a quotation that is reported speech: its closing quote followed by the quoting ending ("…"라고 말했다)
_SPEECH_END = re.compile(r"[”\"](?:라고|이라고|고|라며|며)(?![가-힣])")
#: "에이전트 제품의 가격": a common noun in the genitive right before the measure word owns the measure
_NOUN_OWNER = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{1,10})의\s?$")
#: genitives that name no other owner: the subject itself (자사의, 그들의), a time (올해의), a place in it (…에서의)
_NOT_AN_OWNER = re.compile(r"^(?:자사|자체|본인|본인들|그들|이들|그|회사|당사|동사|올해|작년|내년|금년|연간|당시|현재|"
                           r"전체|전년|기존|최근|향후|미래|과거|[가-힣]*에서|[가-힣]*년|[가-힣]*월|[가-힣]*분기)$")


def in_reported_speech(s: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation that ends as reported speech ("…"라고 말했다)."""
    opened = max(s.rfind("“", 0, pos), s.rfind('"', 0, pos) if s.count('"', 0, pos) % 2 else -1)
    if opened < 0 or s.rfind("”", 0, pos) > opened:
        return False
    return _SPEECH_END.search(s, pos) is not None and not re.search(r"[”\"]", s[pos:_SPEECH_END.search(s, pos).start()])


def measure_of_another(s: str, q: Quantity, metric_at: int, subject: Mention_, mentions: tuple = ()) -> bool:
    """A figure the marked subject does not own: quoted speech of its ("폭스콘은 "… 투자액은 N달러 …"라고"),
    a measure a common noun in the genitive owns ("OpenAI는 … 에이전트 제품의 가격을 월 N달러"), or a group's
    figure (:func:`group_subject`)."""
    if in_reported_speech(s, q.start) and not in_reported_speech(s, subject.start):
        return True
    if group_subject(s, q, subject, mentions):
        return True
    if not subject.end < metric_at < q.start:  # the measure word between the subject and the figure ("N달러의 매출": none)
        return False
    owner = _NOUN_OWNER.search(s[max(subject.end, metric_at - 14):metric_at])
    return owner is not None and not _NOT_AN_OWNER.match(owner.group(1))


#: what joins the names of a list: a comma, a middle dot, "와/과", "및"
_LIST_JOINT = re.compile(r"[”’\"']?\s?(?:,|·|와|과|및|\s및)\s?")
#: "각각", "각자", "각 사": the figure is said of each member, not of the group
_EACH = re.compile(r"각각|각자|각\s?사|개별|저마다")
#: "29기 가스 터빈이", "50만 개의 GPU가": a counted number of the named kind, right before its name
_COUNTED_KIND = re.compile(r"\d[\d,.]*\s?(?:만\s?|천\s?)?(?:기|개|대|곳|장|척)(?:의)?\s?$")


def group_subject(s: str, q: Quantity, subject: Mention_, mentions: tuple | list) -> bool:
    """"아마존, MS, 메타, 구글은 N달러를 지출": the marked subject closes a list of names joined by commas or
    "와/과" — the figure is the group's, none of its members' (unless said of each: "각각"); "29기 가스 터빈이
    생성하는 1 GW": a counted set of the named kind, whose figure is the set's, not the kind's."""
    if _COUNTED_KIND.search(s, max(0, subject.start - 12), subject.start):
        return True
    before = [m for m in mentions if m.end <= subject.start and m is not subject]
    if not before or not _LIST_JOINT.fullmatch(s, before[-1].end, subject.start):
        return False
    return _EACH.search(s, subject.end, q.start) is None


#: "이 시스템으로 …", "해당 모델은 …", "해당 기기 사용자 중": a demonstrative noun phrase stands for a thing the sentences before
#: described, which need not be the topic carried from them
_DEMONSTRATIVE = re.compile(r"(?:^|[\s,(])(?:이|그|해당)\s(?:시스템|모델|기술|서비스|제품|플랫폼|칩|장치|방식|구조|"
                            r"프로젝트|프로그램|설비|시설|기기|디바이스|스마트\s?글라스|글라스|안경|앱)(?=[은는이가을를의에]|으로|로|\s)")


def names_another(mentions: list[Mention_], topic: Mention_, q: Quantity) -> bool:
    """"구글 클라우드(GCP) 수주잔고 (…) YoY 38% 증가", "Rubin의 TDP(…)는 약 2,300W": the sentence names, before
    the figure, a thing other than the topic carried from an earlier block (a place, a country or a person
    aside, whatever its case) — the carried topic is then no longer what the sentence is about."""
    return any(m.entity != topic.entity and 0 <= m.end <= q.start
               and not any(is_a(m.type, c) for c in ("Country", "Region", "Person")) for m in mentions)


def demonstrative(s: str, q: Quantity, facility_meant: bool = False) -> bool:
    """Whether a demonstrative noun phrase before the figure ("이 시스템으로 … N달러") names what it is about.
    ``facility_meant``: the block's carried topic is the facility its paragraph named (named_later.py), so
    "이 시설" stands for it and does not keep the figure from it."""
    found = _DEMONSTRATIVE.finditer(s, 0, q.start)
    return any(not (facility_meant and m.group().endswith("시설")) for m in found)


#: a count of people taken on from elsewhere (hires) or let go (layoffs), not the firm's headcount
#: ("이직", moving jobs, is left out: whether it is a hire or a departure depends on whose side the clause takes)
_HIRED = re.compile(r"영입|채용|스카우트|데려|빼내|빼앗|합류|해고|감원")
#: "고용" employs as well as hires: a hire only when the clause says where the people came from ("X에서 N명 … 고용"),
#: never while it goes on ("고용하고 있는", "고용 중": a headcount)
_EMPLOYED = re.compile(r"고용(?!\s?(?:하고\s?있|중|을\s?유지))")
_FROM_ELSEWHERE = re.compile(r"[가-힣A-Za-z)]에서\s")


def hired_scope(s: str, q: Quantity) -> str:
    """"4명의 고급 엔지니어를 대거 영입": the words that say the count is of hires or layoffs (its scope), or "" for a headcount
    ("직원 3,000명"). A hire is never the firm's headcount: the scope keeps it out of the truthy count and its conflicts."""
    hired = _HIRED.search(s, q.end, min(len(s), q.end + 30))
    if hired is None and _FROM_ELSEWHERE.search(s, s.rfind(". ", 0, q.start) + 1, q.start):
        hired = _EMPLOYED.search(s, q.end, min(len(s), q.end + 30))  # "구글에서 24명의 연구원을 고용": taken from a firm
    if hired is None or re.search(r"[.,;]|\s(?:및|그리고)\s", s[q.end:hired.start()]):
        return ""
    return (q.raw + s[q.end:hired.end()]).strip()[:40]


#: the words :func:`hired_scope` ends a count of people let go with
_LET_GO = re.compile(r"(?:해고|감원)$")


def hire_count(st: Statement) -> Statement:
    """A staff count whose scope says the people were hired or let go (:func:`hired_scope`: "연구원 3명 영입") is
    not the firm's headcount: it becomes a ``quantity`` whose metric says so ("hires", "layoffs"), read by its own
    rule (``…:hire-count``) so the gate judges it apart from the headcounts (``…:staff-count``); a count read for a
    subject found another way keeps that way ("text:value:inherited-other-named" → "text:hire-count:inherited-other-named")."""
    if st.kind != "employeeCount" or not re.match(r"\D{0,3}\d", st.scope) \
            or not (_HIRED.search(st.scope) or _EMPLOYED.search(st.scope)):
        return st
    metric = "layoffs" if _LET_GO.search(st.scope) else "hires"
    parts = st.rule.split(":")
    way = "" if parts[-1] == "staff-count" or len(parts) < 3 else f":{parts[-1]}"
    return replace(st, kind="quantity", metric=metric, rule=f"{parts[0]}:hire-count{way}")

#: "147% 증가한 117GW", "50% 늘어난 300억 달러": a change right before the figure it led to
_CHANGE_TO_FIGURE = re.compile(r"\s?(?:이상\s?|가량\s?|정도\s?|나\s?)?(?:(?:증가|성장|상승|급증|급등|폭증|확대|감소|하락|급감|축소)(?:한|해|하여|된)"
                               r"|늘어난|늘어|줄어든|줄어)\s?(?:약\s?)?")


def change_before(s: str, v: Quantity, q: Quantity) -> bool:
    """``v`` is a percentage of change that leads right to the figure ``q`` ("147% 증가한 117GW"): the change of the
    figure's own measure, so the measure's word before the change still names the figure's (as a multiple's does)."""
    return v.kind == "percent" and bool(_CHANGE_TO_FIGURE.fullmatch(s, v.end, q.start))


#: a parenthesis listing kinds after a common noun: "전원(화력·수력·원전·배터리)", "빅테크(알리바바·텐센트 등)"
_KINDS_OPEN = re.compile(r"[가-힣]\s?\($")
_KINDS_BODY = re.compile(r"[^()\d]*·[^()\d]*")


def in_kinds_list(s: str, m: Mention_) -> bool:
    """A name inside a list of kinds or members in parentheses after a common noun ("전원(화력·수력·원전)이
    약 300GW"): the noun, not one of its kinds, is what the figure after measures — the name owns nothing."""
    opening = s.rfind("(", 0, m.start)
    closing = s.find(")", m.end)
    if opening < 0 or closing < 0 or ")" in s[opening:m.start] or not _KINDS_OPEN.search(s, 0, opening + 1):
        return False
    return bool(_KINDS_BODY.fullmatch(s, opening + 1, closing))


#: a figure right after a per-unit word ("1K 토큰당 $0.002", "GPU 1개당 3만 달러"): the window for its metric word
_PER_UNIT_BEFORE = re.compile(r"[가-힣A-Za-z0-9]{0,8}당\s?[\\$€£¥₩]*\s?$")


def per_unit_start(s: str, q_start: int) -> int:
    """Where the metric words of a figure stated per unit may begin: at its per-unit word ("… 매출 추정(1K
    토큰당 $0.002": the sales word before "토큰당" does not measure the price of one unit; "랙당 200kW": the
    per-unit word may name the measure itself); else 0."""
    m = _PER_UNIT_BEFORE.search(s, max(0, q_start - 16), q_start)
    return m.start() if m else 0


#: "3인 스타트업이", "두 회사가", "한 통신사는": a counted common noun as the clause's subject names none
_COUNTED_SUBJECT = re.compile(r"(?:^|[\s,(“\"])(?:\d+\s?(?:인|개|곳)|한|두|세|어느)\s[가-힣]{2,8}(?:은|는|이|가)\s")
#: the ways a subject is carried in from outside the clause (a topic, a row, a title)
_INHERITED = frozenset(HOW.values()) | {"inherited-other-named"}


#: "각 설비의 가동률(93%)": each member of a kind the words name owns the measure; "스타트업은 …", "경쟁사들이 …":
#: an unnamed actor of a kind (startups, rivals, vendors, firms) is the clause's subject
_EACH_OWNER = re.compile(r"(?:^|[\s,(“\"])(?:각\s?[가-힣A-Za-z]{1,10}의|(?:스타트업|경쟁사|업체|기업)들?(?:은|는|이|가))\s")


def unnamed_subject(clause_before: str, how: str) -> bool:
    """Whether a figure carried to an inherited topic has its own unnamed subject in the clause before it
    ("3인 스타트업이 … 5억 달러 기업 가치": a startup's value, not the row's; "각 설비의 가동률(93%)": each
    piece of equipment's, not the slide's platform's; "스타트업은 … 3~5년에 걸쳐 설계": startups', not the chapter's firm's)."""
    return how in _INHERITED and (_COUNTED_SUBJECT.search(clause_before) is not None
                                  or _EACH_OWNER.search(clause_before) is not None)


#: "2가지", "세 가지": a number of kinds of what the words after it name
_KINDS_AFTER = re.compile(r"\s?가지(?![가-힣])")


def counts_kinds(s: str, q: Quantity, how_measure: str) -> bool:
    """Whether a bare count read as the measure named before it ("모델 크기 확장과 … 2가지 핵심 변수") is a number
    of kinds of what follows it ("가지"): it counts those kinds, it is no value of the measure before."""
    return not how_measure and q.kind in ("count", "number") and _KINDS_AFTER.match(s, q.end) is not None


#: the chip word after an architecture's name ("Blackwell GPU"): the chips of that architecture
_ARCH_CHIPS = re.compile(r"\s?(?:GPU|칩|가속기)(?![A-Za-z0-9가-힣])")


def architecture_chips(s: str, m) -> bool:
    """Whether the mention ``m`` is an architecture named with its chip word ("100만 개의 Blackwell GPU",
    "Blackwell GPU 35만 개"): a count next to it counts chips of that architecture."""
    return is_a(m.type, "ChipArchitecture") and _ARCH_CHIPS.match(s, m.end) is not None


#: "원래 목표 2.2 GW → …", "당초 계획 500MW에서 …": a figure the words before it call the original one
_ORIGINAL_BEFORE = re.compile(r"(?:원래|당초|기존|종전)(?:의)?\s?(?:[가-힣]{1,6}\s?)?(?:약\s?|최대\s?)?$")
#: then its revision: an arrow or "에서" to what replaced it
_REVISED_AFTER = re.compile(r"\s?(?:\([^()]{0,20}\)\s?)?(?:에서|→|->|⇒)")
#: "2.2 GW → 1.2 GW로 하향": an arrow whose clause says the figure was revised
_REVISION_WORD = re.compile(r"(?:[^.;]|\.(?=\d)){0,40}?(?:하향|상향|수정|변경|조정|번복)")


def superseded(s: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` is an earlier value a revision replaced: called the original
    ("원래/당초/기존/종전") right before it and followed by what replaced it ("→", "에서"), or followed by an
    arrow whose clause says it was revised ("A → B로 하향 조정") — it is no longer the subject's figure."""
    after = _REVISED_AFTER.match(s, end)
    if after is None:
        return False
    return bool(_ORIGINAL_BEFORE.search(s[max(0, start - 16):start])) or (
        "에서" not in after.group(0) and bool(_REVISION_WORD.match(s, after.end())))


def earlier_figures(s: str, values: list[Quantity], from_to: re.Pattern[str]) -> set[int]:
    """The ids of the figures of ``s`` that are earlier values, no longer the subject's: the first of "X에서 Y로"
    (two figures of one kind joined by ``from_to`` with "에서/부터"), and a superseded one (:func:`superseded`)."""
    pairs = {id(a) for a, b in itertools.pairwise(values) if a.kind == b.kind and from_to.fullmatch(s[a.end:b.start])
             and re.match(r"\s?(?:에서|부터)", s[a.end:b.start])}
    return pairs | {id(q) for q in values if superseded(s, q.start, q.end)}
