"""Key-value tables that name the hardware they describe in one row ("GPU 모델 | L40 | …"): the rows
below whose label opens with the same kind word ("GPU 메모리 | 48GB GDDR6") describe that model, not
the table's subject, and so does an hourly price of use ("클라우드 시간당 비용"); the model row itself
says the table's subject runs on it (``usesChip``).

Facts read this way carry the reader's ``:model-row`` tag (the model row's own link: ``table-reader:usesChip@model:model-row``),
so the gate judges the construction apart, pooled as the family ``table-reader:*:model-row``.
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Fact
from petaflop.extract.resolve import is_a

#: the row naming the model: "<kind> 모델", "<kind> model" (the kind word opens the rows about it)
_MODEL_ROW = re.compile(r"^(GPU|CPU|NPU|TPU|칩|가속기)\s?(?:모델|[Mm]odel)$")
#: the hourly price of using the hardware ("클라우드 시간당 비용 | $1.00/시간"): the rental price of the one model named
_HOURLY_PRICE = re.compile(r"시간당\s?(?:비용|가격|요금)")
#: a model row's subject that runs on the named chip (a system, product, platform, model, facility)
_USERS = ("Facility", "System", "AIProduct", "AIModel", "SoftwarePlatform")


class ModelRows:
    """The models one key-value table names, by kind word; created per table."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.models: dict[str, str] = {}

    def subject(self, table, r: int, row, label: str, subject: str) -> tuple[str, str]:
        """The subject of a row and the reader's tag for it: the model its kind word names (``:model-row``),
        else ``subject`` (no tag); records a model row."""
        found = _MODEL_ROW.match(label)
        if found and len(row.cells) > 1:
            named = [e for e in self.reader.res.entities_in(row.cells[1].text) if is_a(e.type, "Chip")]
            if len(named) == 1:
                model = self.reader.res.record(named[0])
                self.models[found.group(1)] = model
                self._uses(table, r, row, subject, model)
            return subject, ""
        kind = label.split()[0] if label.split() else ""
        model = self.models.get(kind)
        if model is None and _HOURLY_PRICE.search(label) and len(set(self.models.values())) == 1:
            model = next(iter(self.models.values()))  # a GPU-hour's price is the GPU's, not the table subject's
        return (subject, "") if model is None else (model, ":model-row")

    def _uses(self, table, r: int, row, subject: str, model: str) -> None:
        rec = self.reader.ex.entities.get(subject)
        if rec is None or not any(is_a(t, c) for t in rec.types for c in _USERS):
            return
        loc = self.reader._loc(table, row.cells[1], r)
        self.reader.ex.add(Fact(subject, "usesChip", model, True, loc, "table-reader:usesChip@model:model-row",
                                self.reader.sources_of(table), raw=row.cells[1].text[:60]))
