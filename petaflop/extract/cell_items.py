"""A country's row whose cell lists labelled items ("AI 파일럿 구역: 17개 … 지정; 컴퓨팅: "Eastern Data
and Western Computing" 프로젝트 (8개 컴퓨팅 허브); 디지털 실크로드: 일대일로 일환, … (64개국 155개 프로젝트
지원)"): an item naming one of the country's programmes (a policy the gazetteer knows, in its label or
else its text) states that programme's figures. Each count in the item ("8개 컴퓨팅 허브", "64개국") is
the programme's ``unitCount`` with the counted noun as its metric (``table-cell:policy-item:unit-count``);
another programme the item calls the frame of this one ("일대일로 일환": part of the Belt and Road) is
what it is ``partOf`` (``table-cell:policy-item:partOf``). A year span written in the item
("2000~2017년") is when the counts hold (their time, the span of those years). The programme an
item is about is the row's country's own: it is ``sponsoredBy`` that country
(``table-cell:policy-item:sponsoredBy``). An item labelled as the country's firms ("거대 IT 기업: A, B,
C 등") names organisations at home there (``table-cell:country-item:headquarteredIn``).
An item of the country's own (no programme named) states the country's figures, one construction and one
rule (``table-cell:country-item:unit-count``): its counts as above, an amount invested ("최소 1,500억 위안
투자": an ``amount``, its bound kept) and a time a step takes ("7년 소요 예상": a ``duration``, forecast
when expected); a span of time ("지난 2년간") takes nothing and is no duration. A count right before another
count ("5개 지역 11기 원자로 승인": the regions of the 11 reactors) qualifies that one, no figure of the country's
own: it is read by a rule of its own (``…:unit-count:of-next-count``), judged apart.
"""

from __future__ import annotations

import re
from decimal import Decimal

from foundation.periods import parse_period, span_of
from ingest.quantities import find_quantities
from petaflop.extract.facts import Extraction, Fact, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_within import span_metric

_PROGRAMME = ("PolicyInstrument", "SovereignAIInitiative")
_ITEM = re.compile(r"^\s*([^:：;]{1,24}?)\s*[:：]\s*(.+?)\s*$")
#: a count of things: the figure, its classifier ("개국" counts countries) and up to three words after it
_COUNT = re.compile(r"(?<![\d.,~\-])(\d{1,3}(?:,\d{3})*|\d+)\s?(개국|개|곳|기)\s?(?:(이상|이하|여)\s?)?"
                    r"((?:[A-Za-z가-힣]+\s?){0,3})")
#: a body that approves or designates, counted nothing ("180개 이상 정부 승인": LLMs the government approved)
_AGENT = re.compile(r"(?:중앙\s?)?(?:정부|당국|규제\s?당국|규제\s?기관)")
_STOP = re.compile(r"(?:^|\s)(?:지정|지원|승인|개발|구축|설립|운영|투자|확산|중|및|등)(?:\s.*)?$|\s*$")
_SPAN = re.compile(r"((?:19|20)\d\d)\s?[~\-–]\s?((?:19|20)\d\d)년")
_YEARLY = re.compile(r"(?:매년|연간|해마다)\s?$")
#: "지난 2년간 매년 10기": the recent span a yearly count holds over (its scope)
_RECENT = re.compile(r"(?:지난|최근)\s?\d+\s?년간")
#: an item's label naming the row's country's own firms ("거대 IT 기업", "주요 업체", "빅테크")
_FIRMS_LABEL = re.compile(r"(?:기업|업체|회사|빅테크|스타트업)(?:들)?$")
_HOMED = ("Firm", "AILab")
_COUNTRY_RULE = "table-cell:country-item:unit-count"
#: the rule of a country's count that qualifies the count right after it ("5개 지역 11기 원자로")
_OF_NEXT_COUNT = f"{_COUNTRY_RULE}:of-next-count"
#: what an amount is spent on ("… 위안 투자") and what a duration takes ("5년 소요", "3년이 걸릴")
_INVESTED = re.compile(r"\s?(?:을|를|이|가)?\s?투자")
_TAKES = re.compile(r"\s?(?:이|가)?\s?(?:소요|걸리|걸릴|걸림)")
_EXPECTED = re.compile(r"^[^,;()]{0,12}?(?:예상|전망|예정)")
_PART_OF = re.compile(r"^\s*['\"“”‘’]?\s?(?:의\s)?(?:일환|일부|산하)")


def _programmes(text: str, res) -> list[str]:
    return [res.record(e) for e in res.entities_in(text) if any(is_a(e.type, c) for c in _PROGRAMME)]


def read_policy_items(table, res, ex: Extraction, loc_of, sources: tuple[str, ...]) -> None:
    """Every row whose label names exactly one country: its cells' labelled items about a programme."""
    for r, row in enumerate(table.rows, 1):
        if len(row.cells) < 2:
            continue
        countries = res.entities_in(row.cells[0].text)  # the row is the country's alone: it names nothing else
        if len(countries) != 1 or not is_a(countries[0].type, "Country"):
            continue
        country = res.record(countries[0])
        for cell in row.cells[1:]:
            for item in cell.text.split(";"):
                m = _ITEM.match(item)
                if m and _FIRMS_LABEL.search(m.group(1)):  # "거대 IT 기업: A, B 등": the country's firms
                    _home_firms(m.group(2), country, res, ex, loc_of(table, cell, r), sources)
                prog = _item(m.group(1), m.group(2), res, ex, loc_of(table, cell, r), sources) if m else None
                if prog is not None:  # the row's country runs the programme its item is about
                    ex.add(Fact(prog, "sponsoredBy", country, True, loc_of(table, cell, r),
                                "table-cell:policy-item:sponsoredBy", sources, raw=item.strip()[:60]))
                    continue
                if not _programmes(item, res):  # an item of the country's own: its counts are the country's
                    _counts(country, item, ex, loc_of(table, cell, r), sources, _COUNTRY_RULE)
                    _figures(country, item, ex, loc_of(table, cell, r), sources)


def _home_firms(text: str, country: str, res, ex: Extraction, loc, sources: tuple[str, ...]) -> None:
    """Each firm or lab an item of the country's firms lists is headquartered in the country."""
    for e in res.entities_in(text):
        if any(is_a(e.type, c) for c in _HOMED):
            ex.add(Fact(res.record(e), "headquarteredIn", country, True, loc,
                        "table-cell:country-item:headquarteredIn", sources, raw=text[:60]))


def _item(label: str, text: str, res, ex: Extraction, loc, sources: tuple[str, ...]) -> str | None:
    """The programme the item is about (after reading its figures), or None."""
    named = _programmes(label, res) or _programmes(text, res)[:1]
    if len(named) != 1:
        return None
    prog = named[0]
    for mention in res.gaz.find_mentions(text):
        whole = res.gaz.by_id(mention.entity_id)
        if whole.id != prog and any(is_a(whole.type, c) for c in _PROGRAMME) and _PART_OF.match(text[mention.end:]):
            ex.add(Fact(prog, "partOf", res.record(whole), True, loc, "table-cell:policy-item:partOf", sources,
                        raw=text[:60]))
    _counts(prog, text, ex, loc, sources, "table-cell:policy-item:unit-count")
    return prog


def _counts(subject: str, text: str, ex: Extraction, loc, sources: tuple[str, ...], rule: str) -> None:
    """Each count of things in an item's text, the counted noun as its metric ("매년 10기": per year)."""
    span = _SPAN.search(text)
    years = span_of(parse_period(span.group(1)), parse_period(span.group(2))) if span else None  # type: ignore[arg-type]
    nouns: dict[str, str] = {}  # classifier → the noun it last counted ("11기 원자로": 기 counts 원자로)
    for c in _COUNT.finditer(text):
        noun = "국가" if c.group(2) == "개국" else _STOP.sub("", c.group(4)).strip()
        yearly = bool(_YEARLY.search(text[:c.start()]))
        if _AGENT.fullmatch(noun):  # "LLM 개발, 180개 이상 정부 승인": the body acted on the noun counted before
            verb, counted = (_STOP.search(c.group(4)) or c).group(0).split()[:1], nouns.get(c.group(2))
            noun = f"{counted} {noun} {verb[0]}" if counted and verb else ""
        elif noun:
            nouns[c.group(2)] = noun
        elif yearly and (counted := nouns.get(c.group(2))):
            # "11기 원자로 승인, 지난 2년간 매년 10기 승인": the yearly count is of the noun counted before
            verb = (_STOP.search(c.group(4)) or c).group(0).split()[:1]
            noun = f"{counted} {verb[0]}" if verb and verb[0] not in ("중", "및", "등") else counted
        if not noun:
            continue  # a bare count ("매년 10기 승인"): no counted noun, nothing to assert
        recent = _RECENT.search(text[max(0, c.start() - 16):c.start()]) if yearly else None
        qualifies = rule == _COUNTRY_RULE and _COUNT.match(text, c.end()) is not None  # "5개 지역 11기 원자로"
        ex.statements.append(Statement(
            subject, "unitCount", loc, _OF_NEXT_COUNT if qualifies else rule, value=Decimal(c.group(1).replace(",", "")), unit="count",
            metric=noun[:40], time=years,
            scope=span.group(0) if span and years is None else recent.group(0) if recent else "",
            per="year" if yearly else "", sources=sources, bound={"이상": "lower", "이하": "upper"}.get(c.group(3) or "", ""),
            raw=text[max(0, c.start() - 20):c.end() + 8].strip()[:60],
        ))  # fmt: skip


def _figures(subject: str, text: str, ex: Extraction, loc, sources: tuple[str, ...]) -> None:
    """An amount invested and a time taken in an item of the country's own (its counts: ``_counts``)."""
    for q in find_quantities(text):
        if q.value is None:
            continue
        if q.kind == "money" and q.currency and _INVESTED.match(text, q.end):
            kind, unit, metric, after = "amount", q.currency, "투자", text[q.end:]
        elif q.kind == "duration" and (took := _TAKES.match(text, q.end)):
            kind, unit, metric, after = "duration", q.unit, span_metric("소요"), text[took.end():]
        else:
            continue
        bound = "lower" if "lowerBound" in q.qualifiers else "upper" if "upperBound" in q.qualifiers else ""
        ex.statements.append(Statement(
            subject, kind, loc, _COUNTRY_RULE, value=q.value, unit=unit, metric=metric, bound=bound,
            status="forecast" if _EXPECTED.match(after) else "actual", approximate="approximate" in q.qualifiers,
            sources=sources, raw=text[max(0, q.start - 20):q.end + 8].strip()[:60],
        ))  # fmt: skip
