"""A model's count of a chip stated with its training is the chip the model was trained on; a count
of the model's chips that says nothing of training, and a count of a thing other than a chip, make none."""

from __future__ import annotations

from decimal import Decimal

from petaflop.extract.count_links import USES_RULE, add_count_chip_uses
from petaflop.extract.facts import EntityRecord, Extraction, Location, Statement

LOC = Location(7, 7, "III", "test slide", "t1", 2, 3)


def _ex(*statements: Statement) -> Extraction:
    ex = Extraction()
    ex.add_entity(EntityRecord("ganada-x1", ("AIModel",), "Ganada X1"))
    ex.add_entity(EntityRecord("nvidia-h100", ("GPU",), "NVIDIA H100"))
    ex.add_entity(EntityRecord("ganada-cloud", ("Firm",), "Ganada Cloud"))
    ex.statements.extend(statements)
    return ex


def _count(raw: str, item: str = "nvidia-h100", subject: str = "ganada-x1") -> Statement:
    return Statement(subject, "chipCount", LOC, "text-cell:count-item:row", value=Decimal(4200), unit="count",
                     item=item, raw=raw)


def test_a_models_chips_counted_in_its_training_are_what_it_was_trained_on():
    ex = _ex(_count("H100 GPU 약 4,200대로 훈련"))
    assert add_count_chip_uses(ex) == 1
    assert [(f.subject, f.predicate, f.obj, f.rule, f.location) for f in ex.facts] == [
        ("ganada-x1", "trainedOn", "nvidia-h100", USES_RULE, LOC)]


def test_a_models_chips_without_training_or_a_count_of_no_chip_make_no_link():
    ex = _ex(_count("H100 GPU 약 4,200대로 서비스"), _count("학습 데이터 4,200개", item="ganada-cloud"),
             _count("H100 GPU 4,200대로 학습", subject="ganada-cloud"))
    assert add_count_chip_uses(ex) == 0
    assert ex.facts == []


def test_gpus_a_model_was_trained_with_are_its_gpu_count_and_its_training_chip(text_reader):
    # "<model>는 [<chip>] GPU 약 N대로 훈련" (or the cell of the model's row): text_model_gpus.py
    r, ex = text_reader
    r.read("- Llama 4는 H100 GPU 약 3,200대로 훈련.", LOC, ())
    r.read("- 메타는 H100 GPU 약 4,100대로 훈련.", LOC, ())  # a firm's holding: not a model's training
    r.read("- Llama 4는 GPU 2,700개로 학습했다.", LOC, ())
    r.read("- Llama 4는 H100 GPU 5,300대를 보유.", LOC, ())  # held, not trained with
    ex.add_entity(EntityRecord("gemini", ("AIModel",), "Gemini"))
    r.read_cell("H200 GPU 약 1,900대로 사전 학습", LOC, (), "gemini")
    got = sorted((s.subject, s.value, s.item, s.approximate) for s in ex.statements if s.rule == "text:model-gpus")
    assert got == [("gemini", Decimal(1900), "nvidia-h200", True), ("llama-4", Decimal(2700), "", False),
                   ("llama-4", Decimal(3200), "nvidia-h100", True)]
    add_count_chip_uses(ex)
    assert sorted((f.subject, f.predicate, f.obj) for f in ex.facts if f.predicate == "trainedOn") == [
        ("gemini", "trainedOn", "nvidia-h200"), ("llama-4", "trainedOn", "nvidia-h100")]
