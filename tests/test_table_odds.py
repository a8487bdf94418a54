"""Scenario tables (petaflop/extract/table_odds.py): each row's odds are a quantity of the caption's organisation."""
from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

from petaflop.extract.facts import Extraction
from petaflop.extract.resolve import Resolver
from petaflop.extract.table_odds import RULE, add_scenario_odds
from tests.test_table_reader import make_table


def odds(gaz, caption, header, rows):
    ex = Extraction()
    doc = SimpleNamespace(tables=[make_table(caption, header, rows)])
    add_scenario_odds(doc, ex, Resolver(gaz, ex), lambda t: ())
    return sorted((s.subject, s.value, s.scope, s.status, s.metric) for s in ex.statements if s.rule == RULE)


def test_each_scenario_row_gives_the_caption_organisation_a_probability(gaz):
    got = odds(gaz, ["구글의 향후 칩 전략 시나리오"], ["시나리오", "설명", "추정 확률"],
               [["A. 전면 자체 개발", "학습과 추론 모두 자체 칩", "≈60%"], ["B. 혼용", "외부 GPU와 병행", "≈40%"]])
    assert got == [("google", Decimal(40), "B. 혼용", "estimate", "추정 확률"),
                   ("google", Decimal(60), "A. 전면 자체 개발", "estimate", "추정 확률")]


def test_rows_naming_an_entity_or_a_caption_naming_no_organisation_give_nothing(gaz):
    assert odds(gaz, ["향후 시나리오"], ["시나리오", "추정 확률"], [["A. 혼용", "60%"]]) == []
    assert odds(gaz, ["구글의 시나리오"], ["회사", "확률"], [["OpenAI", "60%"]]) == []
