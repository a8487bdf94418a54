"""The GPUs a model was trained or served on, counted in the phrase that names the model: "GPT-5에 20만 개 GPU를
사용", "메타는 Llama-3 훈련에 1.6만 개의 GPU를 썼지만", "<model> 학습에 N개의 H100을 투입".

"<model> (훈련|학습|추론)에 N (개의) GPU|<GPU chip>를 사용/썼/투입/활용/동원" : the count is the model's
``gpuCount`` (the chip, when named, is its item), not a holding of the clause's firm. One rule,
``text:model-gpus``, judged by the gate; the figure is consumed (the firm-holdings reading is not made).
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


def model_gpus(s: str, q: Quantity, mentions: list[Mention_], status: str, loc: Location,
               sources: tuple[str, ...]) -> Statement | None:
    """The GPU count a figure states of the model named right before it, or None."""
    if q.kind not in ("count", "number") or q.value is None or q.value < 2:
        return None
    before = [m for m in mentions if m.end <= q.start]
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
