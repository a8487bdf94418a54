"""A count promoted as GPUs or chips that is not a holding is judged apart (petaflop/extract/count_context.py):
sentences of our own."""

from __future__ import annotations

import re

import pytest

from petaflop.extract.count_context import count_context


def _suffix(text: str, figure: str) -> str:
    m = re.search(re.escape(figure), text)
    assert m is not None
    return count_context(text, m.start(), m.end())


@pytest.mark.parametrize(("text", "figure", "suffix"), [
    ("A는 10만 개의 H100(약 50만 개의 A100과 동일)을 가동", "50만 개", ":equivalent"),
    ("A는 10만 개의 H100(약 50만 개의 A100과 동일)을 가동", "10만 개", ""),
    ("B는 3천 개에 해당하는 규모", "3천 개", ":equivalent"),
    ("새 시스템 “XR36(GPU 36개)”보다 크다", "36개", ":spec"),
    ("A는 2만 개(이 중 B200은 5천개)의 GPU로", "5천개", ""),
    ("처음에는 2개 GPU 연결에서 시작", "2개", ":scale-up"),
    ("36개 GPU를 하나의 시스템으로 묶는 기술", "36개", ":scale-up"),
    ("A는 모델 훈련에 8천 개의 GPU를 썼지만", "8천 개", ":purpose"),
    ("A는 모델 훈련에 8천 개의 GPU를 썼지만, 서비스에는 9만 개 GPU를 운영", "9만 개", ""),
    ("C가 B200 7만 개 구매 후 임대", "7만 개", ":purchase"),
    ("C는 B200 7만 개를 가동 중", "7만 개", ""),
])  # fmt: skip
def test_a_count_that_is_not_a_holding_gets_its_own_rule_suffix(text, figure, suffix):
    assert _suffix(text, figure) == suffix
