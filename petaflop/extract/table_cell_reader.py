"""What the table reader offers the modules that read one kind of table row or cell for it (totals,
caption totals, share lists): one typing ``Protocol``, so those modules need not import the reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ingest.model import Row, Table
    from petaflop.extract.facts import Extraction
    from petaflop.extract.resolve import Resolver


class CellReader(Protocol):
    ex: Extraction
    res: Resolver
    tag: str

    def _cell(self, table: Table, r: int, cell, subject: str, label, row_time, unit_note: str,
              prose: bool = True) -> None: ...

    def _unit_note(self, table: Table, row: Row) -> str: ...

    def _caption_organization(self, table: Table) -> str | None: ...
