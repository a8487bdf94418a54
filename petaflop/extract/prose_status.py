"""A prose figure's status from the words of its clause that the reader of the figure did not weigh.

Run by :mod:`petaflop.extract.status_context` on every "actual" statement that is no table cell, with
the text of its line (only "actual" is ever changed):

* **Guidance** (가이던스, 가이드런스, guidance) named before the figure in its clause: a company's own
  projection, ``forecast`` ("25년 조정 FCF 가이던스 중간값 20억 달러").
* **What is to happen** after the figure, closing its clause: "…할 예정", "…할 계획", "…하기로 약속/합의", "…하겠다는", "…로 나아가는 중", "…하기에 충분한",
  "…할 것이나/할 것." after an agent's act, "…을 수용할 수 있도록 설계됨" (a design capacity: of the figure right
  before it, not of one before another figure), "…받는 방향으로 전환" (a direction taken) (a plan, ``planned``) — but
  "…ㄹ 것이라는/것으로" ("밑돌 것으로 보이나") and "…할 것" after a verb of what happens ("…에 달할 것.", "10배
  안전할 것", :mod:`petaflop.extract.will_words`) are what is said or expected to happen (``forecast``). A
  condition of completion or operation before the figure ("29기 전체가 가동되면 총 1,000 MW …") plans it.
  Words in parentheses are skipped ("55만개의 GB200(… 추정)이 추가 투입될 예정").
* **A reckoning** closing the figure's clause ("年 20억 달러의 잠재 매출 추정."): an ``estimate``.
* **A calculation** said before the figure in its sentence ("단순 계산만으로도 … 330kW를 넘기게 됨", "시스템
  단위로 환산하면, … 약 3천 개", "계산해보면 대략 93개"): a figure the writer derives, an ``estimate``.
* **A revised outlook**: a figure whose next sentence opens by comparing it with an earlier forecast it
  revises ("… 3,000억 달러로 급증. 지난 2월 예상치 … 대비 12% 상향"), ``forecast``.
* **An assumption**: "…로 가정" right after a figure dated after the report's date: a ``forecast``; in a
  table cell ("12배로 가정"), whatever its date, an ``estimate``.
* **What is supposed**: "…%로만 올려도", "…로 높이면" right after the figure (a condition's figure), a clause
  closing as a supposition ("…할 수 있다면", "…할 경우"), one before the figure in its sentence ("…한다면, …"),
  a sentence opening with "만약", or a requirement's premise "N개의 X만으로도 … 필요" (the statement is scoped
  ``scenario``: :func:`supposed_figure`, the one place for a what-if's figure in prose). A premise is also
  ``planned`` unless its clause speaks of now (현재, 이미, 운영 중): what a need is reckoned for is a count one
  is to have, not one there is.
* **What may happen**: "…할 수도 있음" closing the figure's clause (a possibility, ``forecast``), and a
  simulation's outcome or a prediction (시뮬레이션 분포/결과, 예측치/예측한) named before the figure in its clause (``forecast``).
* **What the report disowns** (:func:`doubted_figure`, :func:`rumoured`): a figure it doubts right after ("진위가
  불분명", "출처가 불분명") or attributes to a rumour ("…라는 루머") is an ``estimate``; status_context marks the
  rule of a doubted one, or of a rumour the sentence says was denied ("정정보도", "사실무근"), unsure (never asserted).
* **A bullet on completion**: a line that opens with "… 완공 시," plans the figures of its later sentences
  ("… 완공 시, 2만 EFLOPS를 의미. 경쟁 클러스터 대비 50배 …"), except a sentence about what runs now.
* **An estimated caption** (:func:`estimated_caption_lines`): the caption lines of a chart titled "… (추정)" and
  of a model table hold estimates; on the caption of a table whose footnote reckons its costs, a figure whose
  clause names a cost (:func:`names_a_cost`: "비용은 6배에 달하고", not "전력 소비는 11배") is an estimate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foundation.periods import Period, parse_period
from ingest.model import Figure, Table
from ingest.quantities import REFERENCE_DATE, find_quantities
from petaflop.extract.cell_text import cell_period
from petaflop.extract.table_status import COST_WORD, ESTIMATED_TITLE
from petaflop.extract.text_frames import ON_COMPLETION
from petaflop.extract.will_words import FUTURE_EXPECTED, HAPPEN_WILL, NOT_HAPPEN

__all__ = [
    "CUMULATIVE",
    "added_figure",
    "cell_per",
    "cumulative_figure",
    "doubted_figure",
    "estimated_caption_lines",
    "names_a_cost",
    "number_text",
    "prose_deadline",
    "prose_status",
    "rumoured",
]

#: A cell that opens with what its one figure is given per: "칩당 192GB HBM3e", "샘플당 $0.34".
_CELL_PER = re.compile(r"^\s*(칩|GPU|토큰|샘플|차량|사용자|가구|GW|MW)\s?당\s?(?:최대|최소|약|평균)?\s?[\\$]*\d")
_PER_NAMES = {"칩": "chip", "GPU": "GPU", "토큰": "token", "샘플": "sample", "차량": "vehicle", "사용자": "user",
              "가구": "household", "GW": "GW", "MW": "MW"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def cell_per(cell: str) -> str:
    """What the one figure of a table cell is given per when the cell opens with it ("칩당 192GB"), or ""."""
    m = _CELL_PER.match(cell)
    return _PER_NAMES[m.group(1)] if m and len(_NUMBER.findall(_PARENS.sub("", cell))) <= 2 else ""

#: A deadline before the figure: "2028년까지", "연말까지", "올해 말까지", "3분기 내" (of this year), or a horizon
#: counted from the report's date: "6개월 후", "3개월 뒤" (that month).
_DEADLINE = re.compile(r"((?:19|20)\d{2})년\s?(?:말\s?)?까지|(연말|올해\s?말|연내)(?:까지)?|([1-4])분기\s?(?:내|까지|중)"
                       r"|(?<![\d.])(\d{1,2})\s?개월\s?(?:후|뒤)(?!에야)")

#: Guidance before the figure in its clause.
GUIDANCE = re.compile(r"(?:가이던스|가이드런스|[Gg]uidance)(?!\s?(?:중간값\s)?기준)")
#: The end of a clause or sentence after the figure (outside parentheses, which are removed first).
_CLAUSE_END = re.compile(r"[.;]\s|[.;]$|,\s|\s/\s|(?:지만|는데|면서|으며|이며)\s")
#: The start of the clause before the figure: a sentence end, a comma, a tab between cells.
_CLAUSE_START = re.compile(r".*(?:[.;,]\s|\t)")
#: a clause's condition up to its end ("… 완료되면 "): what it names belongs to the condition
_CONDITION_DONE = re.compile(r".*[가-힣](?:되|하|이)면\s")
_PARENS = re.compile(r"\([^()]*\)")
#: What is said or expected to happen: "출시될 것이라는", "증가할 것으로".
_EXPECTED = re.compile(FUTURE_EXPECTED)
#: An expectation closing the figure's phrase in a noun (a list's or a cell's style): "연말까지 최소 60GW 예상",
#: "300억 달러 수준 전망", "매출 2배 증가 예측됨" — not "예상보다", "예상치", "예상을 상회" (a figure against one)
_NOUN_EXPECTED = re.compile(r"\s?(?:[가-힣]{1,4}\s){0,2}?(?:으로|로)?\s?(?:예상|전망|예측)(?:됨|된다|되며|되고|이며|이다|임)?"
                            r"(?=\s*$|\s[-–•·]|[.,;)\]”\"'])")
#: What comes to pass, no one's act, closing the clause: "…에 달할 것.", "10배 안전할 것”" (will_words.py).
_HAPPENS = re.compile(HAPPEN_WILL + r"(?:이다|임|입니다)?(?:\s*$|[.,”’\"'])")
#: What is to be done: "투입될 예정", "가동할 것이나", "투자하기로 약속".
_PLANNED = re.compile(r"(?:[할될] (?:예정|계획)|" + NOT_HAPPEN + r"할 것(?:이나|이다|임)?(?:\s*$|[.,]))|하기로\s?(?:약속|합의|결정)"
                      r"|하겠다(?:는|고)?(?:\s|$)|(?:으로|로)\s?나아가|(?:는|을|할)\s?방향으로\s?(?:전환|추진|가닥|선회)")
#: What the figure is sized for: "…을 구동하기에 충분", "1.2GW 전력을 수용할 수 있도록 설계" — of the figure right
#: before it: with another figure between ("29기 터빈이 생성하는 1 GW 전력은 50만 개 GPU를 구동하기에 여유"), of that one.
#: A condition of completion or operation before the figure in its clause: "29기 전체가 가동되면 총 1,000 MW를 생산".
_ONCE_DONE = re.compile(r"(?:완공|완료|완성|가동)\s?(?:되면|하면)\s")
#: A figure standing apart (not the digits of a name: "GB200 NVL72").
_FIGURE = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*(?![A-Za-z\d])|(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*(?=[GMk]?W|GB|TB)")
_ENOUGH = re.compile(r"하기에\s?(?:충분|여유)|(?:수용|처리|공급)할\s?수\s?있도록\s?설계")
#: A reckoning closing the figure's clause: "…의 잠재 매출 추정.", "…로 추산됨".
_RECKONED = re.compile(r"(?:추정|추산)(?:됨|함|했음|된다|한다)?(?:[.;,]\s|[.;]?\s*$)")
_ASSUMED = re.compile(r"(?:으로|로)\s?가정")
#: A calculation before the figure in its sentence: "단순 계산만으로도", "환산하면", "계산해보면", "곱하면", "어림잡아"
_CALCULATED = re.compile(r"계산(?:하면|해\s?보면|만으로도|상으로|할\s?경우|\s?시\s?,)|단순\s?(?:계산|셈|산술)|환산(?:하면|해\s?보면)"
                         r"|곱하면|곱해\s?보면|어림(?:잡|셈|계산|해)|구해\s?보면|산술적으로")
#: The end of the sentence before the figure
_SENTENCE_START = re.compile(r".*(?:[.;]\s|다\.)")
#: A next sentence that revises an earlier forecast by the figure before it: "지난 2월 예상치 N 대비 12% 상향" (the
#: figure is the revised outlook, not a result: a result beats an outlook, 상회).
_REVISES = re.compile(r"\s*(?:지난\s?\S{1,8}\s)?(?:기존\s?)?(?:예상치|전망치)\s?[^.;]{0,30}?대비\s?[^.;]{0,15}?(?:상향|하향)")
#: What may happen: "구축될 수도 있음", "가능할 수도".
_POSSIBLE = re.compile(r"[될할]\s?수도\s?있")
#: A figure supposed in a condition: "78%로만 올려도", "50%로 높이면", "절반으로 줄여도".
_IF_SET = re.compile(r"\s?(?:으로|로)(?:만)?\s?(?:올려도|올리면|높여도|높이면|낮춰도|낮추면|늘려도|늘리면|줄여도|줄이면)")
#: A figure in a supposition: its clause closes as one ("2~5시간 … 떠안아 줄 수 있다면,", "… 도입할 경우", "…로
#: 가정하면"), or a supposition before it in its sentence ("… 줄인다면, 비용은 30% 감소"), or the sentence opens
#: with "만약/만일/가령": a what-if's figure. "X의 경우" is a topic, no supposition (topic_case.py).
_IF_CLAUSE = re.compile(r"[^,.;]{0,50}?(?:(?<=[가-힣])(?:다|라)면|[할될일을]\s?경우|가정(?:하면|할\s?때|\s?시))(?![가-힣])")
_IF_BEFORE = re.compile(r"(?:(?<=[가-힣])(?:다|라)면|[할될일을]\s?경우|가정하면)\s?,\s")
_IF_OPENS = re.compile(r"^\s*[-•·]?\s*(?:만약|만일|가령)(?![가-힣])")
#: A figure taken as the premise of a requirement: "55만 개의 GB200만으로도 수 GW가 필요" (even that much needs…).
_PREMISE = re.compile(r"[^,.;]{0,25}?만으로도\s?[^,.;]{0,40}?필요")
#: A line (a bullet) that opens with a condition of completion, before its first comma: "- 가나 2단계 완공 시, …".
_OPENS_ON_COMPLETION = re.compile(r"^\s*[-•·]?\s*[^,.;]{0,30}?" + ON_COMPLETION + r"\s?,\s")
#: A sentence about what already runs or exists now: its figures are no part of the plan.
_NOW = re.compile(r"(?:가동|운영|운용)\s?중|이미\s|현재")
#: A projection named before the figure: a simulation, a prediction.
_PROJECTION = re.compile(r"시뮬레이션\s?(?:분포|결과)|예측(?:치|했|한|하)")


def prose_deadline(line: str, raw: str) -> Period | None:
    """The period by which a plan or a forecast written ``raw`` in ``line`` is to hold: the deadline closest
    before the figure in its clause ("연말까지 20만 개 이상의 GPU를 가동할 것" is this year's), or None."""
    span = _figure_span(line, raw)
    if span is None:
        return None
    line, _, end = span
    # "2030년까지 … 완료되면 생산성은 30% 향상": the condition's deadline is not the consequence's
    deadlines = list(_DEADLINE.finditer(_CONDITION_DONE.sub("", _CLAUSE_START.sub("", line[:end]))))
    if not deadlines:
        return None
    year, this_year, quarter, months = deadlines[-1].groups()
    this = str(REFERENCE_DATE.year)
    if months:
        month = REFERENCE_DATE.month - 1 + int(months)
        return parse_period(f"{REFERENCE_DATE.year + month // 12}-{month % 12 + 1:02d}")
    return cell_period(year if year else this if this_year else f"{quarter}Q{this[2:]}")


#: How a prose reader writes a figure's ``raw``: up to 20 characters before it, the figure, 8 after; at most 60.
RAW_AFTER, RAW_MAX = 8, 60


def prose_status(line: str, raw: str, future: bool, cell: bool = False) -> str:
    """The status the words of ``line`` around the figure written ``raw`` give it, or "" when none.
    ``future``: the figure is dated after the report's date; ``cell``: ``raw`` is a whole table cell (the
    row's label before it is the clause that names the figure)."""
    span = _figure_span(line, raw, cell)
    if span is None:
        return ""
    line, at, end = span
    if cell:  # the row's label and the cell
        if _ASSUMED.search(_PARENS.sub("", raw)):
            return "estimate"
        return "forecast" if GUIDANCE.search(line.split("\t", 1)[0] + " " + raw) else ""
    before = _CLAUSE_START.sub("", line[:end])
    if GUIDANCE.search(before) or _PROJECTION.search(before):
        return "forecast"
    after = _PARENS.sub("", line[end:])
    if future and _ASSUMED.search(after[:RAW_AFTER + 4]):
        return "forecast"
    clause = _clause_of(after)
    if _EXPECTED.search(clause) or _POSSIBLE.search(clause) or _HAPPENS.search(clause) or _NOUN_EXPECTED.match(after):
        return "forecast"
    enough = _ENOUGH.search(clause)
    if _PLANNED.search(clause) or (enough and not _FIGURE.search(clause, 0, enough.start())) \
            or _ONCE_DONE.search(before) or (_PREMISE.match(after) and not _NOW.search(before)):
        return "planned"  # "… 할 예정"; "55만 개의 GB200만으로도 수 GW가 필요": the count a need is reckoned for
    if _RECKONED.search(clause) or _CALCULATED.search(_SENTENCE_START.sub("", line[:end])):
        return "estimate"  # "年 20억 달러의 잠재 매출 추정.", "단순 계산만으로도 … 330kW": the writer's reckoning
    if re.search(r"[.;]\s*$", clause) and _REVISES.match(after[len(clause):]):
        return "forecast"
    return _on_completion(line, at, end)


#: An amount added to what there is, not the total: "55만개의 GB200이 추가 투입될 예정", "2GW를 추가 확보"
_ADDED_AFTER = re.compile(r"^[^,.;]{0,30}?추가\s?(?:로\s?|적으로\s?)?(?:투입|도입|확보|구매|배치|설치|증설|구축|주문|공급|조달)")
#: … or said before it: "추가로 10만 개", "추가 물량 5만 개"
_ADDED_BEFORE = re.compile(r"추가(?:로|적으로|\s?물량)?\s*$")
#: … or named the new part of a total written after it: "4.5 GW 신규 포함 총 5 GW", "2만 개 추가분 포함 총 10만 개"
_NEW_PART_OF_TOTAL = re.compile(r"^\s?(?:신규|추가)\s?(?:물량|분|용량)?\s?(?:을\s?|를\s?)?포함")
#: people or customers won, not all there are (not a new site's size): "신규 가입자 수는 약 300만 명", "2만 명 이상의 신규 앱 사용자 유입",
#: "3달 만에 5억 명 증가" (not "7억 명으로 증가": the total it grew to)
_PEOPLE_WON = r"(?:사용자|고객|가입자|이용자|구독자|유저)"
_GAINED_BEFORE = re.compile(rf"신규\s?(?:[가-힣A-Za-z]{{1,8}}\s)?{_PEOPLE_WON}\s?(?:수|숫자)?(?:는|은|가|이)?\s?(?:약\s?)?$")
_GAINED_AFTER = re.compile(rf"^\s?(?:(?:이상|가량|정도)(?:의)?\s?|의\s)?(?:신규\s?[^,.;()]{{0,20}}?{_PEOPLE_WON}|"
                           r"순?(?:증가|늘어|늘었|늘며|유입))")


def added_figure(line: str, raw: str) -> bool:
    """True when the prose figure written ``raw`` in ``line`` is an addition to what there is ("… 추가 투입될
    예정"), not the whole: its statement is scoped as an addition."""
    span = _figure_span(line, raw)
    if span is None:
        return False
    line, at, end = span
    numbers = list(_NUMBER.finditer(line, at, end))
    if numbers and (_ADDED_BEFORE.search(line[:numbers[-1].start()]) or _GAINED_BEFORE.search(line[:numbers[0].start()])):
        return True
    if _GAINED_AFTER.search(line[end:]) or _NEW_PART_OF_TOTAL.match(line[end:]):
        return True
    return bool(_ADDED_AFTER.search(_clause_of(_PARENS.sub("", line[end:]))))


#: A total since the thing began, said before the figure in its clause: "누적 판매량은 200만 대", "누적 주문 180만 장"
_CUMULATIVE_BEFORE = re.compile(r"누적\s?(?:[가-힣A-Za-z]{1,8}\s?){0,2}?(?:은|는|이|가|으로|로)?\s?(?:약\s?)?$")
CUMULATIVE = "cumulative"


def cumulative_figure(line: str, raw: str) -> bool:
    """True when the prose figure written ``raw`` in ``line`` is a total since the thing began ("누적 판매량은 200만
    대 돌파"), not the flow of a year: its statement is scoped ``cumulative`` and takes no "now" year as its time."""
    span = _figure_span(line, raw)
    if span is None:
        return False
    line, at, end = span
    numbers = list(_NUMBER.finditer(line, at, end))
    return bool(numbers) and bool(_CUMULATIVE_BEFORE.search(line, 0, numbers[-1].start()))


#: Words that doubt a figure, after it in its sentence: "데이터(72%)부터 진위가 불분명", "신빙성이 낮은", "검증되지 않은",
#: "출처가 불분명", "근거가 부족", "신뢰성에 의문", "의문이 제기", "믿기 어려운", "과장된 수치"
_DOUBTED = re.compile(r"^[^.;]{0,30}?(?:진위(?:가|는|도|\s?여부가?)?\s?(?:불분명|불확실|의문|의심|확인되지)"
                      r"|(?:신빙성|신뢰성|신뢰도)(?:이|은|에|가|는)?\s?(?:낮|의문|의심|떨어|부족|없)"
                      r"|(?:검증|확인)되지\s?않은|(?:출처|근거)(?:가|는|도)?\s?(?:불분명|불확실|부족|희박|없|확인되지)"
                      r"|의문(?:이|을)?\s?(?:제기|남|스러)|믿기\s?(?:어려|힘들)|과장(?:된|됐|되었))")


def doubted_figure(line: str, raw: str) -> bool:
    """True when the sentence of the prose figure written ``raw`` in ``line`` doubts it right after ("… 점유율
    데이터(72%)부터 진위가 불분명"): a claim the writer questions, no actual figure (an estimate at best)."""
    span = _figure_span(line, raw)
    if span is None:
        return False
    line, _, end = span
    return bool(_DOUBTED.match(line[end:]))


#: A rumour the figure's sentence attributes it to, after it ("8월에 출시될 것이라는 커뮤니티 루머", "…한다는 소문",
#: "…라는 설이 돌") or before it ("루머에 따르면 …").
_RUMOUR_AFTER = re.compile(r"(?:루머|소문|풍문|찌라시|(?:라는|다는|란)\s(?:[^\s.;]+\s){0,2}?설(?:이|을|에|도|만)?(?=\s|$))")
_RUMOUR_BEFORE = re.compile(r"(?:루머|소문|풍문)(?:에\s?따르면|대로|로는)")
#: Words that deny or correct a rumour: "부인", "사실무근", "정정보도", "일축", "반박", "사실이 아니".
_DENIED = re.compile(r"부인(?:했|하|함|됨|되|에|을)|사실\s?무근|정정(?:보도|했|하|함)|일축|반박|사실이\s?아니")
RUMOUR, DENIED = "rumour", "denied"


def rumoured(line: str, raw: str) -> str:
    """``denied`` when the sentence of the prose figure written ``raw`` in ``line`` attributes it to a rumour
    ("8월에 출시될 것이라는 커뮤니티 루머") and says the rumour was denied or corrected ("… 정정보도를 냈을 정도",
    "사실무근", "부인"): a figure the report itself disowns, never asserted; ``rumour`` when it is not denied (a
    rumour's figure is at most an estimate); "" when no rumour is named with it."""
    line = line.replace("\\$", "$")
    at = line.find(raw) if raw else -1
    if at < 0 or line.count(raw) > 1:
        return ""
    start = max((b.end() for b in re.finditer(r"[.;]\s", line[:at])), default=0)
    stop = re.compile(r"[.;](?:\s|$)|$").search(line, at)
    after = line[at:stop.start() if stop else len(line)]
    rumour = _RUMOUR_AFTER.search(after)
    if rumour is None and not _RUMOUR_BEFORE.search(line, start, at):
        return ""
    return DENIED if _DENIED.search(after, rumour.end() if rumour else 0) else RUMOUR


def supposed_figure(line: str, raw: str) -> bool:
    """True when the prose figure written ``raw`` in ``line`` is supposed in a condition ("이용률을 78%로만
    올려도 …", "50%로 높이면", "…할 수 있다면", "만약 …") or follows one in its sentence: a scenario's figure,
    not one there is — its statement is scoped ``scenario``."""
    span = _figure_span(line, raw)
    if span is None:
        return False
    line, _, end = span
    after = _PARENS.sub("", line[end:])
    sentence = re.split(r"[.;]\s", line[:end])[-1]  # up to the figure's end (a window opens before it)
    return bool(_IF_SET.match(after) or _PREMISE.match(after) or _IF_CLAUSE.match(after)
                or _IF_BEFORE.search(sentence) or _IF_OPENS.match(sentence))


def _figure_span(line: str, raw: str, cell: bool = False) -> tuple[str, int, int] | None:
    """``line`` (its escaped dollars plain), where the figure written ``raw`` starts in it and where the
    words after the figure start (a prose reader's ``raw`` runs ``RAW_AFTER`` characters past it); None when
    ``raw`` is not found once, or is too long for a prose reader's (``cell``: a whole table cell may be)."""
    line = line.replace("\\$", "$")
    at = line.find(raw) if raw else -1
    if at < 0 or line.count(raw) > 1 or (not cell and len(raw) >= RAW_MAX):
        return None
    return line, at, at + len(raw) - RAW_AFTER


def _clause_of(after: str) -> str:
    """The words after a figure up to the end of its clause (all of them when the clause does not end)."""
    stop = _CLAUSE_END.search(after)
    return after[:stop.end()] if stop else after


def _on_completion(line: str, at: int, end: int) -> str:
    """``planned`` for a figure (at ``line[at:end]``) of a line that opens with a condition of completion ("가나
    2단계 완공 시, 2만 EFLOPS … 의미. 경쟁 클러스터 대비 50배 …"): the line's later sentences say what the
    thing will have then; "" for a figure before the condition's comma or in a sentence about what runs now."""
    m = _OPENS_ON_COMPLETION.match(line)
    if m is None or at < m.end():
        return ""
    start = max((b.end() for b in re.finditer(r"[.;]\s", line[:at])), default=0)
    stop = re.compile(r"[.;]\s|$").search(line, end)
    return "" if _NOW.search(line[start:stop.start() if stop else len(line)]) else "planned"


def number_text(value: object) -> str:
    """A statement's value as its digits are written in prose, with no trailing zeros ("1185", "40", "2.5")."""
    number = format(value, "f")
    return number.rstrip("0").rstrip(".") if "." in number else number


def names_a_cost(line: str, raw: str, value: object) -> bool:
    """True when the clause of the prose figure written ``raw`` (of ``value``) in ``line`` names a cost before
    it ("… 비용은 6배에 달하고, 전력 소비는 11배": the 6, not the 11): on the caption of a table whose
    footnote reckons its costs, such a figure is read off the reckoning, an ``estimate``."""
    span = _figure_span(line, raw) if value is not None else None
    if span is None:
        return False
    line, at, _ = span
    number = number_text(value)
    figure = max((m.start() for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d.,])",
                                                 line[:at + len(raw)]) if m.start() >= at), default=-1)
    return figure >= 0 and bool(COST_WORD.search(_CLAUSE_START.sub("", line[:figure])))


def estimated_caption_lines(figures: Iterable[Figure], models: Iterable[Table], lines: list[str]) -> set[int]:
    """The caption lines (1-based) of the charts whose title ends in "(추정)" and of the model tables (a
    calculation on assumptions): a figure their caption states ("약 1년 반 만에 55배 이상 증가", "… 비용 추산을
    위한 여러 가정 / 총마진율은 75% 이상") is read off the estimate, an ``estimate``."""
    blocks = [*(f for f in figures if f.caption and ESTIMATED_TITLE.search(f.caption[0])), *models]
    out: set[int] = set()
    for block in blocks:
        captions = {c.strip() for c in block.caption}
        out.update(n for n in range(block.lines.first, block.lines.last + 1)
                   if 0 < n <= len(lines) and lines[n - 1].strip() in captions)
    return out


#: A bullet saying a thing is being built: "… 캠퍼스들을 … 건설 중", "건설 중인 C 2단계", "… 인프라 구축 이니셔티브".
_IN_THE_MAKING = re.compile(r"(?:건설|구축|공사|조성)\s?(?:중(?!단|지|국)|이니셔티브|프로젝트)")
_BULLET = re.compile(r"^\s*[-•·]\s")


def in_the_making(lines: list[str], n: int, raw: str) -> bool:
    """True when the figure written ``raw`` on line ``n`` (1-based), a bullet, follows in its block of bullets a
    bullet (or an earlier sentence of its own) that says what it belongs to is being built ("… 데이터센터 캠퍼스들을
    … 건설 중" / "X의 심장은 100만 개에 달하는 … 클러스터"): the size of a facility in the making is what it is to
    have. Not when the figure's sentence speaks of now ("현재 … 운영 중")."""
    if not 0 < n <= len(lines) or not _BULLET.match(lines[n - 1]) or (span := _figure_span(lines[n - 1], raw)) is None:
        return False
    line, at, end = span
    start = max((b.end() for b in re.finditer(r"[.;]\s", line[:at])), default=0)
    stop = re.compile(r"[.;]\s|$").search(line, end)
    if _NOW.search(line[start:stop.start() if stop else len(line)]) or _IN_THE_MAKING.search(line[start:at]):
        return False  # what runs now; a figure in the sentence of the building itself is that sentence's to say
    if _IN_THE_MAKING.search(line[:start]):
        return True
    k = n - 1
    while k > 0 and _BULLET.match(lines[k - 1]):
        if _IN_THE_MAKING.search(lines[k - 1]):
            return True
        k -= 1
    return False


#: A contract in a sentence: "4.5 GW 추가 계약", "… 용량에 대한 계약 임대료" (not one ended: "계약 해지", "계약을 취소")
_CONTRACT = re.compile(r"계약(?!\s?(?:을|이)?\s?(?:해지|파기|취소|종료|만료))")


def contracted(line: str, kind: str, value: object, unit: str) -> bool:
    """True when a power capacity (``kind``) of ``value`` (in ``unit``) is, somewhere on ``line``, written in a sentence that
    contracts it ("오라클과 4.5 GW 추가 계약하면서, 기존 물량 포함 총 5 GW+는 확보", a cell "총 5 GW 용량에 대한
    계약 임대료"): capacity contracted is to be built, not built — a plan, as is the same figure restated later
    on the line ("5GW급 … 클러스터는"). Not when the sentence says it runs now ("가동 중", "현재")."""
    if value is None or "계약" not in line or not kind.startswith("powerCapacity"):
        return False
    line = line.replace("\\$", "$")
    for q in find_quantities(line):
        if q.kind != "power" or q.value != value or (unit and q.unit != unit):
            continue
        start = max((b.end() for b in re.finditer(r"[.;]\s", line[:q.start])), default=0)
        stop = re.compile(r"[.;]\s|$").search(line, q.end)
        sentence = line[start:stop.start() if stop else len(line)]
        if _CONTRACT.search(sentence) and not _NOW.search(sentence):
            return True
    return False
