"""The data a cited study rests on, described in a line of its slide.

A slide presenting one study ('[참고] … 논문', its figures citing '하버드 논문 "…"') often states the data
the study rests on in a line of its own that ends on the data's noun: "지난 10년 간 28.5만 개의 美 기업에
재직 중인 6,200만 명의 … 데이터". Its counts ("N개의 X", "N명의 X") are the study's ``unitCount`` of X,
and the span it covers ("지난 N년 간") the study's ``duration`` (the period of its data). Only a short line
that is nothing but that description (it ends on 데이터/데이터셋, opens on no named subject) on a slide
whose figures or tables cite exactly one study (a source named a paper, study, report or survey) is read.
Rule ``text:source-data``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from petaflop.extract.facts import Extraction, Location, Statement

RULE = "text:source-data"

#: a source line naming a study: a paper, a study, a report, a survey
STUDY = re.compile(r"논문|연구(?!소|원|팀|진)|보고서|리포트|설문|(?i:paper|study|report|survey)")
#: the line describes data: it ends on the data's noun
_DATA_END = re.compile(r"(?:데이터|데이터셋)\s*$")
#: a count of members: "28.5만 개의 美 기업", "6,200만 명의 LinkedIn 이력서"
_COUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s?(만|억)?\s?(개|명|건)의\s((?:[^\s,.]+\s){0,1}[^\s,.]+)")
#: the span the data covers: "지난 10년 간", "최근 5년 동안"
_SPAN = re.compile(r"(?:지난|최근)\s?(\d{1,2})\s?년\s?(?:간|동안)")
#: a named subject opening the line ("X는", "X가"): the line says something of X, not of the study
_SUBJECT = re.compile(r"^\S+(?:은|는|이|가)\s")
_SCALE = {"만": Decimal(10_000), "억": Decimal(100_000_000), None: Decimal(1)}


def _noun(words: str) -> str:
    """The counted noun without the particle or ending of its last word ("美 기업에" → "美 기업")."""
    return re.sub(r"(?:에서|에|의|을|를|이|가|은|는|과|와)$", "", words).strip()


def read_source_data(ex: Extraction, text: str, loc: Location, studies: tuple[str, ...]) -> bool:
    """Adds the counts and span of the data ``text`` describes to the slide's one study; True when it did."""
    s = text.strip()
    if len(studies) != 1 or len(s) > 90 or not _DATA_END.search(s) or _SUBJECT.match(s):
        return False
    study = studies[0]
    found = False
    for m in _COUNT.finditer(s):
        value = Decimal(m.group(1).replace(",", "")) * _SCALE[m.group(2)]
        noun = _noun(m.group(4))
        if not noun:
            continue
        ex.statements.append(Statement(
            study, "unitCount", loc, RULE, value=value, unit="count", metric=noun[:40],
            sources=studies, raw=s[max(0, m.start() - 10):m.end() + 10].strip()[:60],
        ))  # fmt: skip
        found = True
    if found and (span := _SPAN.search(s)):
        ex.statements.append(Statement(
            study, "duration", loc, RULE, value=Decimal(span.group(1)), unit="year", metric="data period",
            sources=studies, raw=span.group()[:60],
        ))  # fmt: skip
    return found
