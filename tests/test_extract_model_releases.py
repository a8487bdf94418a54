"""A model's name with a release-date suffix ("-2507", "-0528", "-Instruct-2507") names another release, not the
base model: the gazetteer finds no mention of the base in it, and a cell naming it is a new model entity
(petaflop/extract/gazetteer.py ``_RELEASE_SUFFIX``, ``Gazetteer.release_of``; resolve.py); names of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.test_table_reader import make_table


@pytest.mark.parametrize("text", ["DeepSeek-V3-0715", "Kimi K2-0905", "DeepSeek-V3 -Instruct-2601", "Kimi K2 0905"])
def test_a_suffixed_name_is_no_mention_of_the_base_model(gaz, text):
    assert [m.entity_id for m in gaz.find_mentions(text)] == []


@pytest.mark.parametrize("text", ["DeepSeek-V3 2025년 출시", "GPT-4o 1024 토큰", "DeepSeek-V3 - 1,000"])
def test_a_year_or_a_count_after_a_model_is_no_release(gaz, text):
    assert len(gaz.find_mentions(text)) == 1


def test_a_release_cell_is_a_new_model_and_the_base_keeps_its_own(gaz):
    release = gaz.release_of("Kimi K2 -0905")
    assert (release.id, release.type, release.name_en) == ("kimi-k2-0905", "AIModel", "Kimi K2-0905")
    assert gaz.release_of("Kimi K2") is None and gaz.release_of("H100-2507") is None  # no model, no release


def test_a_release_column_holds_its_own_figures(table_reader):
    r, ex = table_reader
    t = make_table(["모델 비교"], ["항목", "Kimi K2 -0905", "DeepSeek-V3"],
                   [["컨텍스트 창", "256k", "128k"]], transposed=True)
    r.read(t)
    assert sorted((s.subject, s.value) for s in ex.statements if s.kind == "contextLength") == [
        ("deepseek-v3", Decimal(128000)), ("kimi-k2-0905", Decimal(256000))]
