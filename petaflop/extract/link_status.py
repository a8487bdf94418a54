"""A link's status from the words right after what it was read from (docs/statements.md, "Links with a status").

A reader writes a link's ``raw`` up to the words that make it: the verb or verbal noun of the event
("… 데이터센터를 구축", "… R&D 센터 설립", "오라클이 3만 개의 MI355X 도입"). When the words right after
that span, outside any other clause, say the event is only planned, aimed at or estimated, the link is
not actual: it takes that status as a qualifier and is asserted as a link statement, not as the plain
triple (:func:`petaflop.graph.link_statement_quads`). Only a link with no status is changed, only by the
words adjacent to its span (a plan named elsewhere in the sentence may be another clause's):

* **planned**: "… 구축 예정", "… 배치 합의 완료", "… 설립까지 추진", "… 도입 계획", "… 투자하기로 약속", "… 할 예정", "… 제공하게
  되는 거래" (what a deal would bring about; not "…하게 되는 것으로 귀결", what came of it);
* **target**: "… 초과할 것을 목표";
* **estimate**: "… 확장 추정" (the writer's guess that the link holds), "… 받을 수 있", "… 조달 가능", "…받기 용이"
  (a possibility: that the link may be, not that it is).

A span that itself ends with its clause's verb says so too: "…'수출 쿼터'를 검토" (a measure under review,
planned), "… 연결될 가능성" (a possibility, estimate).

A link read from a table cell is **planned** when its row's label says the row holds plans ("미래 계획 |
… Trainium3으로 업그레이드"), and a facility's place, owner, operator or developer when another cell of its
row says the row is to be done or, in an announced table, an investment ("… 건설 | 대미 투자":
:meth:`TableStatus.row_plans`, the rule that plans the row's money), and a link whose object's name in the cell
is followed by or says what is to be added ("Megapack 추가도입", "RTE 225 kV 신규 서브스테이션"); a column's label of plans does not decide by
itself (a column "GPU 배치 계획" lists a phase's chips), but a link read from such a column ("계획", "예정", "목표") takes
the status of the figures read from its cell for its subject when all are planned (or targets): "최대 40만 개 GB200"
of a phase due in 2028 plans the chip with its count, "16 k GB200 랙 (7월 납품 완료)" (its count actual) leaves it
actual (not a facility's place or holder: "리야드에 … 데이터센터 건설에 1.5억 달러 투자" under "… 인프라 계획" is where
the site is being built). A column of measures to be taken decides: a link read from a column
whose label ends in 방안 ("전력망 확충·연계 방안 | … 태양광 PPA") is **planned** (how the project is to be powered). A cell that opens with a possibility and lists its items ("…연결될
가능성 - 최대 8개 GPU: X를 통해 연결 - …") makes each of its links an **estimate**; a rival surpassed in a column
of goals ("목표 성능 | H20 성능 일부 초과") is a **target** (a rival replaced, "H20 대체", is what the chip is).

A table whose caption or slide title ends by marking all it lists with a status in parentheses ("… 프로젝트 정리
(추정)": ``estimate``; "(예상)", "(전망)": ``forecast``; "(계획)", "(예정)": ``planned``) gives that status to every
link read from its cells that has none (its process node, memory, packaging, design partner are the writer's guess
as much as its dates are); a caption that only names plans in its words ("… 해외 인프라 계획") does not: its rows
say which items are plans.

A site the site reader reads as only to open (its opening, "올해 일본에 새 데이터센터 개설", is no actual) has
planned place and operator links. A deal's parties are planned when its row says the deal is only pledged or
intended, or when the table itself calls the deal's money pledged (a table of pledges, or an announced table's
investment column: "백악관이 발표한 … 거래 | 투자액"). Its investor stays a party to the pledge (a plain
``hasParty``, rule ``<rule>:pledger``): that it pledged is a fact, only its investing is planned.

A home (headquarteredIn) read from a sentence that says the firm moved its headquarters away from that place
("중국을 떠나 싱가포르로 본사를 이전") is **former**.

Other links that say what a thing is (its maker, parent, home, a rival) are left alone: their status is no
event's (the event's words may follow a name in a modifier, "사우디 DataVolt는 … 구축 예정").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ingest.model import Row, Table
from petaflop.extract.facts import LINK_STATUSES, EntityRecord, Extraction, Fact
from petaflop.extract.table_status import ESTIMATED_TITLE, table_status
from petaflop.extract.title_predicate import left_after

__all__ = ["DEAL_PARTIES", "added_after_name", "cell_link_status", "estimated_name", "label_status", "link_status_after",
           "marked_former", "settle_link_statuses", "title_status"]

#: A verbal noun of an event a link may be made by, written between the span and the status word
#: ("… 플랫폼으로 확장 추정"); the span itself most often ends with it.
_EVENT = r"(?:구축|건설|설립|신설|개설|도입|구매|인수|개발|출시|투자|공급|확장|증설|이전|착공|설치|채택|연결|판매|가동)"
_AFTER = (
    (re.compile(r"^\s?(?:" + _EVENT + r"\s?)?(?:까지\s?)?(?:예정|계획|추진)(?!\s?(?:대비|보다))"), "planned"),
    (re.compile(r"^\s?(?:[가-힣]{0,3}(?:할|될)\s?(?:예정|계획)|(?:하|되)기로\s?(?:약속|합의))"), "planned"),
    # "… TPU 배치 합의 완료": only agreed, the event is still to come (not an event decided with its date, "GTC를
    # 하반기 워싱턴 DC에서도 개최하기로 결정": where it is held is stated)
    (re.compile(r"^\s?(?:" + _EVENT + r"\s?|배치\s?)?(?:(?:하|되)기로\s?)?합의(?!\s?(?:파기|결렬|무산))"), "planned"),
    # "… 제공하게 되는 거래 구조": what the deal would bring about (not "…하게 되는 것으로 귀결": what came of it)
    (re.compile(r"^\s?[가-힣]{0,3}하게\s?되는(?!\s?것)"), "planned"),
    (re.compile(r"^\s?[가-힣]{0,3}(?:할|될)\s?것을\s?목표"), "target"),
    (re.compile(r"^\s?(?:" + _EVENT + r"\s?)?추정(?!치)"), "estimate"),
    # "…로부터 데이터를 받을 수 있기 때문", "… 조달이 가능", "…받기 용이": what may be, no link that holds
    # (the verb's ending or a particle first: not "…토큰당 비" + "용이", nor "대등하거나" + " 경쟁 가능한")
    (re.compile(r"^(?:\s|을|를|이|가|기|할|될|하기|는\s?것이)\s?(?:수\s?(?:도\s?)?있|(?<!불)(?:가능|용이))"),
     "estimate"),
)
#: The end of a span that reads up to its clause's verb: a measure under review ("…'수출 쿼터'를 검토"), a
#: possibility ("… 기반으로 연결될 가능성").
_RAW_END = (
    (re.compile(r"(?:을|를)\s?검토\.?\s*$"), "planned"),
    (re.compile(r"(?:될|할)\s?가능(?:성)?\s*$"), "estimate"),
)
#: In a cell, what is to be added right after the object's name: "Statnett 420 kV 루프 증설", "Megapack 추가도입"
#: (not "증설 완료": done).
_ADDED_AFTER_NAME = re.compile(r"^\s?(?:증설|신설|신규\s?(?:구축|건설|설치)|추가\s?(?:도입|구축|건설|증설|설치))"
                               r"(?!\s?(?:완료|완공|준공))")
#: … or in the name itself, as the cell writes it: "225 kV 신규 서브스테이션", "110 kV 라인 증설".
_ADDED_IN_NAME = re.compile(r"(?:^|\s)(?:증설|신설|신규)(?:\s|$)")
#: Right after a name in a table row, a parenthesis that ends with the writer's guess: "메타 Hypernova (추정)",
#: "TSMC (N3E 추정)" (the thing, or its part in the link, is an estimate) — but not one whose guess follows a figure,
#: "텐센트(지분율 9% 추정)": the marker belongs to the figure it follows (the stake is a guess, not that it invests).
_ESTIMATE_PAREN = re.compile(r"^\s?\((?![^()\t]*?(?<![A-Za-z\d])\d[\d.,]*\s?(?:%|배|개|명|대|억|조|만)?\s?추정\))"
                             r"[^()\t]{0,20}추정\)")
#: A deal's row that says the deal is only promised or intended: a pledge ("…하기로 약속/합의"), a letter of
#: intent ("의향서"), money not yet put in ("자금 미투입"). (Not "… 구축 예정": a plan of the deal's project.)
_PLEDGED_ROW = re.compile(r"(?:하|되)기로\s?(?:약속|합의)|의향서|미투입|미집행")
#: A deal node's parties: planned with the deal (a party of a pledge is no actual investor).
DEAL_PARTIES = frozenset({"hasInvestor", "hasInvestee", "hasParty"})
#: A row label of plans: "미래 계획", "추진 예정", "확충 방안".
_PLAN_LABEL = re.compile(r"계획|예정|방안")
#: A facility's links that hold once it is built: where it is, whose it is, who runs or develops it.
_FACILITY = frozenset({"locatedIn", "ownedBy", "operatedBy", "developedBy"})
#: A column label of measures to be taken: "전력망(그리드) 확충·연계 방안", "세부 실행 방안".
_MEASURES_LABEL = re.compile(r"방안\s*$")
#: A cell that opens with a possibility and then lists its items: "PCIe 6.0 기반으로 연결될 가능성 - 최대 8개
#: GPU: … 연결 - …": the items spell out what may be, so each link of the cell is an estimate.
_SPECULATIVE_CELL = re.compile(r"^[^-\t]{0,60}?(?:될|할)\s?가능성\s+-\s")
#: A column label of figures still to come: "GPU 배치 계획", "도입 예정", "목표 용량".
_PLAN_COLUMN = re.compile(r"계획|예정|목표")
#: A column label of goals ("목표 성능 추정") and a cell of it that compares with a rival by surpassing it
#: ("H20 성능 일부 초과"): the link is what the thing aims at (not "H20 대체": what it is).
_GOAL_LABEL = re.compile(r"목표")
_SURPASS = re.compile(r"초과|능가|상회|뛰어넘")
#: A caption or slide title that ends by marking the whole table: "… 정리 (추정)" (the title the table's figures
#: are estimates by, :data:`~petaflop.extract.table_status.ESTIMATED_TITLE`), "… 로드맵 (계획)".
_TITLE_STATUS = (
    (ESTIMATED_TITLE, "estimate"),
    (re.compile(r"\(\s*(?:예상|전망)\s*\)\s*$"), "forecast"),
    (re.compile(r"\(\s*(?:계획|예정)\s*\)\s*$"), "planned"),
)
#: A column label of past roles: "이전 경력(주요)", "출신", "OpenAI 때 직책/소속", "前 소속", "전 직장".
_PAST_LABEL = re.compile(r"이전|출신|전직|前|과거|(?<![가-힣])전\s?(?:직장|소속|직책)|때\s?(?:직책|소속|역할)")
#: A column label of a career ("주요 경력·성과") or of a background ("주요 배경 및 역량": "ScaleAI 창업자", where the
#: person comes from): its links are past, but for a cell that says the role is now ("메타에서 Chief Scientist로
#: 임명", "… 재직 중").
_CAREER_LABEL = re.compile(r"경력|배경")
_NOW = re.compile(r"임명|현재|재직\s?중|합류|영입|취임")
#: Right before an organisation's name, maybe over a list of names: "前 알리바바·Tsinghua NLP 연구원", "前 메타/구글브레인";
#: after 前 one word may name the owner ("前 알리바바 DAMO 아카데미").
_FORMER_BEFORE = re.compile(r"(?:(?:前|전직)\s?(?:[^\s,.;()/·]{1,20}\s)?|(?<![가-힣])전\s?)(?:[^\s,.;()/·]{1,20}\s?[/·]\s?){0,3}$")
#: Right after it: "ScaleAI 출신", "메타/구글브레인 출신", "구글 최고 연구원 출신", a move away ("애플 → 메타").
_FORMER_AFTER = re.compile(r"(?:\s?[/·]\s?[^\s,.;()/·]{1,20}){0,3}(?:\s[^\s,.;()]{1,10}){0,2}\s?출신|\s?(?:→|->)")
#: … or a title in the past ("애플 디자이너 총괄이었던", "메타 AI의 수장이었던"): the role is past, but the person left
#: the organisation only when the sentence says so (title_predicate.left_after): "…의 헤드였던 X가 메타로 이직".
_PAST_TITLE_AFTER = re.compile(r"(?:의)?\s(?:[^\s,.;]+\s){0,2}[^\s,.;]*(?:이었던|였던)(?=\s)")
#: Links that name what a thing is rather than an event that may be planned.
_STABLE = frozenset({"partOf", "headquarteredIn", "designedBy", "subsidiaryOf", "memberOf",
                     "sameAs", "variantOf", "successorOf", "predecessorOf", "announcedBy"})


#: Not guessed by a table's "(추정)" title: whose thing a row lists (a big-tech ASIC table's user row: Meta's
#: MTIA is Meta's; its partners, node and dates are the guess), and a claim.
_OWN_THINGS = frozenset({"developedBy", "hasClaim"})


def link_status_after(line: str, raw: str) -> str:
    """The status the words right after ``raw`` in ``line`` give the link read from it, or ""."""
    line = line.replace("\\$", "$")
    at = line.find(raw) if raw else -1
    if at < 0 or line.count(raw) > 1:
        return ""
    after = line[at + len(raw):]
    if (status := next((status for pattern, status in _AFTER if pattern.match(after)), "")):
        return status
    return next((status for pattern, status in _RAW_END if pattern.search(raw)), "")


def _past_at(text: str, start: int, end: int) -> bool:
    return bool(_FORMER_BEFORE.search(text, 0, start) or _FORMER_AFTER.match(text, end)
                or (_PAST_TITLE_AFTER.match(text, end) and left_after(text, end)))


def marked_former(text: str, record: EntityRecord | None) -> bool:
    """True when the longest name of the organisation ``record`` in ``text`` is marked as past wherever it stands:
    "前 메타/구글브레인 출신", "ScaleAI 출신", "애플 디자이너 총괄이었던", "애플 → 메타" (a person's former employer)."""
    names = sorted({n for n in (record.name_ko, record.name_en, *record.aliases) if len(n) >= 2},
                   key=lambda n: (-len(n), n)) if record is not None else []
    name = next((n for n in names if n in text), "")
    spots = [m.start() for m in re.finditer(re.escape(name), text)] if name else []
    return bool(spots) and all(_past_at(text, at, at + len(name)) for at in spots)


def _now_in(cell: str, record: EntityRecord | None) -> bool:
    """True when the clause of ``cell`` naming ``record`` says the role is now ("메타에서 Chief Scientist로 임명"; the
    cell's other clauses may be of the past: "…로 임명. GPT-4를 만든 개발자로, OpenAI 내 … 총괄")."""
    clauses = re.split(r"[.;,]\s", cell)
    names = {n for n in (record.name_ko, record.name_en, *record.aliases) if len(n) >= 2} if record else set()
    return any(_NOW.search(c) for c in clauses if any(n in c for n in names))


def _former(ex: Extraction, f: Fact, line: str, table: Table | None) -> bool:
    """An affiliation that has ended: read from a column of past roles ("이전 경력", "출신", "OpenAI 때 직책/소속") or
    of a career (but for a role said to be now), or whose organisation's name its cell or its sentence marks as past
    (:func:`marked_former`; in a sentence, the name the reader read when its span is found once)."""
    if f.predicate != "affiliatedWith":
        return False
    record = ex.entities.get(str(f.obj))
    if table is not None:
        labels, cell = table.column_labels, table.cell_text(f.location.line_start, f.location.column)
        label = labels[f.location.column - 1] if 1 < f.location.column <= len(labels) else ""
        if _PAST_LABEL.search(label) or (_CAREER_LABEL.search(label) and not _now_in(cell, record)):
            return True
        return marked_former(cell, record)
    at = line.find(f.raw) if f.raw and line.count(f.raw) == 1 else -1
    if at >= 0 and record is not None and (name := _name_once(f.raw, record)):  # the name the reader read
        start = at + f.raw.index(name)
        return _past_at(line, start, start + len(name))
    return marked_former(line, record)


#: A move of the headquarters in a sentence: "본사를 이전", "본사를 싱가포르로 옮겨", "본사 이전을 결정", "이전한 본사".
_HQ_MOVED = re.compile(r"본사(?:를|을|의)?\s?(?:[^\s.;]+\s){0,2}?(?:이전|옮|이동)|(?:이전|옮긴|이동한)\s?본사")
#: Right after a place's name, what the firm left: "중국을 떠나", "중국에서 싱가포르로".
_LEFT = re.compile(r"\s?(?:을|를)\s?떠나|\s?에서\s?[^\s.;]+(?:으로|로)\s")


def _moved_from(ex: Extraction, f: Fact, line: str) -> bool:
    """A home read from a sentence that says the firm moved its headquarters away from it ("중국 AI 스타트업 X가 …
    최근 중국을 떠나 싱가포르로 본사를 이전"): the place is its former home, no longer where it is."""
    record = ex.entities.get(str(f.obj))
    at = line.find(f.raw) if f.raw and line.count(f.raw) == 1 else -1
    if f.predicate != "headquarteredIn" or f.location.table_id or record is None or at < 0:
        return False
    start = max((b.end() for b in re.finditer(r"[.;]\s", line[:at])), default=0)
    stop = re.compile(r"[.;](?:\s|$)|$").search(line, at + len(f.raw))
    sentence = line[start:stop.start() if stop else len(line)]
    if not _HQ_MOVED.search(sentence):
        return False
    names = {n for n in (record.name_ko, record.name_en, *record.aliases) if len(n) >= 2}
    return any(_LEFT.match(sentence, m.end()) for n in names for m in re.finditer(re.escape(n), sentence))


def _candidate(f: Fact) -> bool:
    return (f.obj_is_entity and ":" not in f.predicate and f.predicate not in _STABLE | DEAL_PARTIES
            and bool(f.raw) and not f.link_status)


def _pledged_party(f: Fact, lines: list[str], pledged: set[tuple[str, int]]) -> bool:
    """A deal's party read from a table row that says the deal is only pledged or intended, or whose deal's
    money the table itself calls pledged (``pledged``: deal and line)."""
    return (f.predicate in DEAL_PARTIES and bool(f.location.table_id) and not f.link_status
            and 0 < f.location.line_start <= len(lines)
            and (bool(_PLEDGED_ROW.search(lines[f.location.line_start - 1]))
                 or (str(f.subject), f.location.line_start) in pledged))


def _pledged_deals(ex: Extraction, statuses: dict) -> set[tuple[str, int]]:
    """The deals (and lines) whose money a table calls pledged by what the table is, not by its row's words: a
    table of pledges, or the investment column of an announced table ("백악관이 발표한 … 거래 | 투자액") — a
    sum announced is to be invested, and so the deal's parties are no investors yet. (A row whose project is
    to be built, "… 구축 예정", plans the money but not the deal: its parties stay.)"""
    return {(str(f.subject), f.location.line_start) for f in ex.facts
            if f.predicate == "amountUSD" and "planned" in f.qualifiers and f.location.table_id in statuses
            and statuses[f.location.table_id].pledged_money(f.location.column)}


def _row(table: Table, line: int) -> Row | None:
    """The first row of ``table`` with cells on the report's ``line``, or None."""
    return next((r for r in table.rows if r.line == line and r.cells), None)


def label_status(table: Table, line: int, column: int) -> str:
    """"planned" when the label of the row at ``line`` says the row holds plans ("미래 계획") and the link is
    read from a cell after it, else "". (A column of plans — "GPU 배치 계획", "주요 해외 인프라 계획" — is
    not enough: it lists what the row's thing has and will have, each item as the report says it.)"""
    row = _row(table, line)
    if column > 1 and row is not None and _PLAN_LABEL.search(row.cells[0].text):
        return "planned"
    return ""


def added_after_name(cell: str, record: EntityRecord) -> str:
    """"planned" when the longest name of the object ``record`` found once in a table ``cell`` is followed by
    what is to be added ("Megapack 추가도입") or says so itself ("225 kV 신규 서브스테이션"), else ""."""
    name = _name_once(cell, record)
    if not name:
        return ""
    after = cell[cell.index(name) + len(name):]
    return "planned" if _ADDED_AFTER_NAME.match(after) or _ADDED_IN_NAME.search(name) else ""


def _name_once(text: str, record: EntityRecord) -> str:
    """The longest name of ``record`` (two characters or more) that ``text`` holds exactly once, else ""."""
    names = sorted({n for n in (record.name_ko, record.name_en, *record.aliases) if len(n) >= 2},
                   key=lambda n: (-len(n), n))  # names of one length in a fixed order, not the set's (hash seed)
    return next((n for n in names if text.count(n) == 1), "")


def estimated_name(text: str, record: EntityRecord | None) -> bool:
    """True when the longest name of ``record`` found once in ``text`` (a cell, a row's label) is followed by a
    parenthesis that ends with "추정" not right after a figure: "메타 Hypernova (추정)", "TSMC (N3E 추정)" (not
    "텐센트(지분율 9% 추정)": the stake is the guess)."""
    name = _name_once(text, record) if record is not None else ""
    return bool(name) and bool(_ESTIMATE_PAREN.match(text[text.index(name) + len(name):]))


def _estimated_in_row(ex: Extraction, f: Fact, table: Table) -> bool:
    """A link read from a row is an estimate when, in its cell, its subject's or object's name is marked as a
    guess ("… X글래스 (추정)"), or when the row's label names its subject so ("X (추정)") and the link is
    read from a later cell (the thing's maker, in the label, is no guess)."""
    row = _row(table, f.location.line_start)
    if row is None or f.location.column <= 1 or f.raw in row.cells[0].text:
        return False
    return (any(estimated_name(f.raw, ex.entities.get(str(e))) for e in (f.subject, f.obj))
            or estimated_name(row.cells[0].text, ex.entities.get(str(f.subject))))


def cell_link_status(table: Table, line: int, column: int) -> str:
    """The status a link read from the cell (row at ``line``, 1-based ``column``) takes from the cell and its
    column: ``estimate`` in a cell that opens with a possibility and lists its items ("…연결될 가능성 - 최대 8개
    GPU: ConnectX-8 … 연결 - …"), ``target`` for a rival surpassed in a column of goals ("목표 성능 | H20 성능
    일부 초과"), ``planned`` in a column of measures to be taken ("… 확충·연계 방안"); "" otherwise."""
    cell = table.cell_text(line, column)
    if _SPECULATIVE_CELL.match(cell):
        return "estimate"
    labels = table.column_labels
    if 1 < column <= len(labels) and _GOAL_LABEL.search(labels[column - 1]) and _SURPASS.search(cell):
        return "target"
    if 1 < column <= len(labels) and _MEASURES_LABEL.search(labels[column - 1]):
        return "planned"  # "전력망 확충·연계 방안 | … 태양광 PPA": how the row's project is to be powered
    return ""


def _cell_figure_statuses(ex: Extraction) -> dict[tuple[str, int, int, str], set[str]]:
    """The statuses of the figures read from each table cell, by table, line, column and subject."""
    found: dict[tuple[str, int, int, str], set[str]] = {}
    for st in ex.statements:
        if st.location.table_id and st.location.column:
            key = (st.location.table_id, st.location.line_start, st.location.column, str(st.subject))
            found.setdefault(key, set()).add(st.status)
    return found


def planned_figures_status(table: Table, column: int, statuses: set[str]) -> str:
    """The status a link read from a cell takes from the figures read from the same cell for the same subject
    when the cell's column is one of plans ("GPU 배치 계획 | 최대 40만 개 GB200"): what the row's thing is to get
    is planned with its count, so its chip is too; a cell whose figures are done ("16k GB200 (7월 납품 완료)":
    actual) leaves its links actual. "" unless all the cell's figures are planned or targets."""
    labels = table.column_labels
    if not 1 < column <= len(labels) or not _PLAN_COLUMN.search(labels[column - 1]) or len(statuses) != 1:
        return ""
    status = next(iter(statuses))
    return status if status in ("planned", "target") else ""


def title_status(table: Table) -> str:
    """The status a table's caption or slide title gives all it lists by ending with it in parentheses ("… 프로젝트
    정리 (추정)": ``estimate``), else ""."""
    titles = (" ".join(table.caption).strip(), (table.slide_title or "").strip())
    return next((status for pattern, status in _TITLE_STATUS for t in titles if pattern.search(t)), "")


def _site_openings(ex: Extraction) -> dict[tuple[str, int], str]:
    """The status of each site's opening the site reader read ("올해 일본에 새 데이터센터 개설"), by site and line,
    when it is no actual: the site's place and holder hold only once it opens."""
    return {(str(st.subject), st.location.line_start): st.status for st in ex.statements
            if st.kind == "operationDate" and st.rule == "site:terms" and st.status in LINK_STATUSES}


def settle_link_statuses(ex: Extraction, lines: list[str], tables: Iterable[Table] = ()) -> int:
    """Give each link its status from the words after its span or its cell's labels (see the module);
    returns how many changed."""
    by_id = {t.id: t for t in tables}
    said = {f.location.table_id for f in ex.facts
            if f.location.table_id in by_id and (f.predicate in _FACILITY | DEAL_PARTIES or _candidate(f))}
    statuses = table_status({tid: by_id[tid] for tid in sorted(said)})
    openings, pledged = _site_openings(ex), _pledged_deals(ex, statuses)
    figures = _cell_figure_statuses(ex)
    changed, parties = 0, []
    for i, f in enumerate(ex.facts):
        if _pledged_party(f, lines, pledged):
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, "planned"))
            changed += 1
            if f.predicate == "hasInvestor":  # the pledger is a party to the pledge (actual); its investing is planned
                parties.append(replace(f, predicate="hasParty", rule=f"{f.rule}:pledger"))
            continue
        if not f.link_status and 0 < f.location.line_start <= len(lines) \
                and _moved_from(ex, f, lines[f.location.line_start - 1]):
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, "former"))  # "중국을 떠나 싱가포르로 본사를 이전"
            changed += 1
            continue
        if not _candidate(f) or not 0 < f.location.line_start <= len(lines):
            continue
        line = lines[f.location.line_start - 1]
        status = "former" if _former(ex, f, line, by_id.get(f.location.table_id)) else link_status_after(line, f.raw)
        if not status and f.predicate in _FACILITY and f.rule.startswith("site:"):
            status = openings.get((str(f.subject), f.location.line_start), "")  # a site only to open
        if not status and (table := by_id.get(f.location.table_id)) is not None:
            status = label_status(table, f.location.line_start, f.location.column) \
                or cell_link_status(table, f.location.line_start, f.location.column)
            if not status and f.predicate not in _FACILITY and table.id in statuses:  # what the row's figures take
                status = statuses[table.id].row_status(f.location.line_start, f.location.column)  # ("2028년까지 완성")
            if not status and f.predicate not in _FACILITY:  # a site being built is where it is built (row_plans)
                key = (table.id, f.location.line_start, f.location.column, str(f.subject))
                status = planned_figures_status(table, f.location.column, figures.get(key, set()))
            if not status and f.predicate in _FACILITY and table.id in statuses \
                    and statuses[table.id].row_plans(f.location.line_start, f.location.column):
                status = "planned"
            if not status and (record := ex.entities.get(str(f.obj))) is not None:
                status = added_after_name(f.raw, record)
            if not status and _estimated_in_row(ex, f, table):
                status = "estimate"
            if not status and f.predicate not in _OWN_THINGS:
                status = title_status(table)  # "… 프로젝트 정리 (추정)": the whole table is the writer's guess
        if status in LINK_STATUSES:
            ex.facts[i] = replace(f, qualifiers=(*f.qualifiers, status))
            changed += 1
    ex.facts.extend(parties)
    return changed
