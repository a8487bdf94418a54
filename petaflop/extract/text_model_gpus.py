"""The GPUs a model was trained or served on, counted in the phrase that names the model: "GPT-5에 20만 개 GPU를
사용", "메타는 Llama-3 훈련에 1.6만 개의 GPU를 썼지만", "<model> 학습에 N개의 H100을 투입".

"<model> (훈련|학습|추론)에 N (개의) GPU|<GPU chip>를 사용/썼/투입/활용/동원" : the count is the model's
``gpuCount`` (the chip, when named, is its item), not a holding of the clause's firm.
"[<chip>] GPU 약 N대로 훈련" said of a model named before it in the figure's clause (its topic or subject), or in
the model's table row, is the same count, the chip before the figure. One rule, ``text:model-gpus``, judged by
the gate; the figure is consumed (the firm-holdings reading is not made).
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.quantities import Quantity
from petaflop.extract.facts import Location, Statement
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_

RULE = "text:model-gpus"
#: between the model's name and the count: its stage of use and the particle "에"
_BEFORE = re.compile(r"\s?(?:의\s?)?(?:(?:사전\s?)?(?:훈련|학습|트레이닝|추론|개발)(?:\s?과정)?)?\s?(?:에|에는|에만)\s?(?:약\s?|총\s?)?")
#: after the count: the GPUs (the word, or a GPU chip's name in between) and a verb of using them
_GPU_WORD = re.compile(r"\s?(?:개|대|장)?\s?(?:의\s?)?(?:GPU|그래픽\s?카드)")
_USED = re.compile(r"\s?(?:를|을)\s?(?:사용|썼|쓰|투입|활용|동원|소모|이용)")
_CHIP_GAP = re.compile(r"\s?(?:개|대|장)?\s?(?:의\s?)?")
#: "[<chip>] GPU 약 N대로 훈련": the GPU word before the figure, then the stage of use as the verb after it
_GPUS_BEFORE = re.compile(r"(?:GPU|그래픽\s?카드)\s?(?:약\s?|총\s?)?$")
_TRAINED_WITH = re.compile(r"\s?(?:개|대|장)?\s?(?:로|으로)\s?(?:사전\s?)?(?:훈련|학습|트레이닝)")


def model_gpus(s: str, q: Quantity, mentions: list[Mention_], status: str, loc: Location,
               sources: tuple[str, ...], c0: int = 0, topic: Mention_ | None = None) -> Statement | None:
    """The GPU count a figure states of the model named right before it (or trained with them), or None."""
    if q.kind not in ("count", "number") or q.value is None or q.value < 2:
        return None
    before = [m for m in mentions if m.end <= q.start]
    if _GPUS_BEFORE.search(s, 0, q.start) and (tm := _TRAINED_WITH.match(s, q.end)):
        return _trained_with(s, q, before, status, loc, sources, c0, topic, tm.end())
    if not before or not is_a(before[-1].type, "AIModel") or not _BEFORE.fullmatch(s, before[-1].end, q.start):
        return None
    model, item, end = before[-1], "", -1
    if wm := _GPU_WORD.match(s, q.end):
        end = wm.end()
    else:
        chip = next((m for m in mentions if m.start >= q.end), None)
        if chip is not None and is_a(chip.type, "GPU") and _CHIP_GAP.fullmatch(s, q.end, chip.start):
            item, end = chip.entity, chip.end
    if end < 0 or not _USED.match(s, end):
        return None
    return Statement(model.entity, "gpuCount", loc, RULE, value=Decimal(q.value), unit="count", status=status,
                     item=item, sources=sources, raw=s[before[-1].start:end][:60])


def _trained_with(s: str, q: Quantity, before: list[Mention_], status: str, loc: Location,
                  sources: tuple[str, ...], c0: int, topic: Mention_ | None, end: int) -> Statement | None:
    """"<model>는 H100 GPU 약 N대로 훈련" (or the cell in the model's row): the model's training GPUs."""
    marked = [m for m in before if m.start >= c0 and m.role in ("topic", "subject") and is_a(m.type, "AIModel")]
    model = marked[-1] if marked else topic if topic is not None and topic.role == "row" else None
    if model is None or not is_a(model.type, "AIModel"):
        return None
    gpu = _GPUS_BEFORE.search(s, 0, q.start)
    at = gpu.start() if gpu is not None else q.start
    chip = next((m for m in reversed(before) if m.start < at), None)  # "H100 GPU" (or "H100" then "GPU")
    item = chip if chip is not None and is_a(chip.type, "GPU") and not s[chip.end:at].strip() else None
    return Statement(model.entity, "gpuCount", loc, RULE, value=Decimal(q.value), unit="count", status=status,
                     item=item.entity if item else "", approximate="approximate" in q.qualifiers, sources=sources,
                     raw=s[item.start if item else at:end][:60])
