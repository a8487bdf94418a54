"""A model's size written as a modifier of the model (petaflop/extract/text_params.py): the model named after
"…파라미터를 가진" / "…파라미터의 … 모델", else the model the clause introduces before the figures."""
from __future__ import annotations

from decimal import Decimal

from petaflop.extract.facts import Location

LOC = Location(10, 10, "VII", "test slide")


def sizes(ex):
    return sorted((s.subject, s.kind, s.value) for s in ex.statements if s.rule == "text:parameters-of-model")


def test_a_parameter_count_before_the_model_it_modifies_is_that_models_size(text_reader):
    r, ex = text_reader
    r.read("- 메타는 170억 개의 활성 파라미터를 가진 Llama 4 Maverick을 공개.", LOC, ())
    r.read("- 이번에 '4,000억 파라미터의 오픈소스' 모델 Llama 4 공개.", LOC, ())
    assert sizes(ex) == [("llama-4", "parameterCount", Decimal(400_000_000_000)),
                         ("llama-4-maverick", "activeParameterCount", Decimal(17_000_000_000))]


def test_a_total_then_active_count_after_a_named_model_are_that_models_sizes(text_reader):
    r, ex = text_reader
    r.read("- 'DeepSeek V3'라는 범용 모델은 전체 6,710억, 활성 370억 파라미터의 MoE 모델.", LOC, ())
    assert sizes(ex) == [("deepseek-v3", "activeParameterCount", Decimal(37_000_000_000)),
                         ("deepseek-v3", "parameterCount", Decimal(671_000_000_000))]


def test_a_parameter_count_with_no_model_it_modifies_is_left_to_other_readers(text_reader):
    r, ex = text_reader
    r.read("- 업계는 1조 파라미터의 시대를 맞이.", LOC, ())
    assert sizes(ex) == []


def test_gpus_used_for_a_named_model_are_that_models_gpu_count(text_reader):
    # "<model> (훈련)에 N개의 GPU|<GPU>를 사용/썼/투입": the model's GPUs, not the firm's holding (text_model_gpus.py)
    r, ex = text_reader
    r.read("- 구글은 Gemini 학습에 5만 개의 H100을 투입.", LOC, ())
    r.read("- 메타는 Llama 4에 3만 개 GPU를 사용했다고 알려짐.", LOC, ())
    r.read("- 메타는 Llama 4 공개 후 3만 개 GPU를 추가 구매.", LOC, ())
    got = sorted((s.subject, s.value, s.item) for s in ex.statements if s.rule == "text:model-gpus")
    assert got == [("gemini", Decimal(50000), "nvidia-h100"), ("llama-4", Decimal(30000), "")]
