"""CSV: a zip of ``nodes.csv`` (units in headers, ``amountUSD [USD]``), ``edges.csv``,
``statements.csv`` (one row per statement, its qualifiers as columns: see
:mod:`.statement_records`; rows by entity, kind and time) and ``columns.csv`` (the data
dictionary: column, property, label, unit, type); entries dated 1980-01-01 so the same selection
gives the same bytes. Statements are not in ``nodes.csv``; their links (named after the kind) and
report locations are in ``edges.csv``. :func:`read_csv_zip` loads it back."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from petaflop.export.formats.base import ExportFormat
from petaflop.export.formats.graphml import graphml_value
from petaflop.export.formats.property_graph import property_graph
from petaflop.export.selection import Subgraph

if TYPE_CHECKING:
    import networkx as nx

CSV_FILES = ("nodes.csv", "edges.csv", "statements.csv", "columns.csv")
EDGE_CSV_FIXED = ("id", "source", "target")
EDGE_CSV_VIEW = ("source_label", "target_label")


def _csv_bytes(rows: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else graphml_value(v) for v in row])
    return buf.getvalue().encode("utf-8")


def csv_tables(sub: Subgraph) -> dict[str, bytes]:
    """The four CSV files (name → bytes) that the zip holds."""
    pg = property_graph(sub)
    labels = {nid: attrs.get("label", "") for nid, attrs in pg.nodes}
    statement_ids = set(pg.statement_ids)
    node_columns = [c for c in pg.node_columns if c.kind != "statement"]
    # a statement's qualifiers the record does not know (none in the report graph) keep their columns
    st_names = {c.name for c in pg.statement_columns}
    used = {k for nid, attrs in pg.nodes if nid in statement_ids for k in attrs}
    st_columns = pg.statement_columns + [c for c in node_columns if c.name in used and c.name not in st_names]
    nodes = [["id", *[c.header for c in node_columns]]]
    nodes += [[nid, *[attrs.get(c.name) for c in node_columns]] for nid, attrs in pg.nodes
              if nid not in statement_ids]
    by_id = dict(pg.nodes)
    statements = [["id", *[c.header for c in st_columns]]]
    statements += [[sid, *[by_id[sid].get(c.name) for c in st_columns]] for sid in pg.statement_ids]
    edges = [[*EDGE_CSV_FIXED, *[c.header for c in pg.edge_columns], *EDGE_CSV_VIEW]]
    edges += [[eid, s, t, *[attrs.get(c.name) for c in pg.edge_columns], labels.get(s, ""), labels.get(t, "")]
              for eid, s, t, attrs in pg.edges]
    columns = [["file", "column", "header", "type", "property", "label", "unit"]]
    for name, cols in (("nodes.csv", node_columns), ("edges.csv", pg.edge_columns), ("statements.csv", st_columns)):
        columns += [[name, c.name, c.header, c.type, c.iri, c.label, c.unit] for c in cols]
    return {"nodes.csv": _csv_bytes(nodes), "edges.csv": _csv_bytes(edges),
            "statements.csv": _csv_bytes(statements), "columns.csv": _csv_bytes(columns)}


class CsvZip(ExportFormat):
    name = "csv"
    extension = ".zip"
    media_type = "application/zip"
    description = "zip of nodes.csv, edges.csv, statements.csv, columns.csv"
    description_ko = "nodes.csv, edges.csv, statements.csv, columns.csv를 묶은 zip"
    aliases = ("zip",)

    def write(self, sub: Subgraph) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for name, data in csv_tables(sub).items():
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 3
                zf.writestr(info, data)
        return buf.getvalue()


def _parse_cell(text: str, ctype: str) -> Any:
    if ctype == "double":
        return float(text)
    if ctype == "long":
        return int(text)
    if ctype == "boolean":
        return text == "true"
    return text


def read_csv_zip(data: bytes | Path | str) -> nx.MultiDiGraph:
    """Load a CSV export into a networkx MultiDiGraph (typed attributes, as GraphML gives them)."""
    import networkx as nx  # only this reader needs it (0.15 s to import); writing a zip does not

    raw = Path(data).read_bytes() if isinstance(data, Path | str) else data
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        present = set(zf.namelist())  # exports before statements.csv lack it
        tables = {name: list(csv.reader(io.StringIO(zf.read(name).decode("utf-8"))))
                  for name in CSV_FILES if name in present}
    spec = {(row[0], row[2]): (row[1], row[3]) for row in tables["columns.csv"][1:]}
    g = nx.MultiDiGraph()
    for table in ("nodes.csv", "statements.csv"):
        header, *rows = tables.get(table, [["id"]])
        for row in rows:
            attrs = {}
            for h, cell in zip(header[1:], row[1:], strict=True):
                if cell != "":
                    name, ctype = spec[(table, h)]
                    attrs[name] = _parse_cell(cell, ctype)
            g.add_node(row[0], **attrs)
    header, *rows = tables["edges.csv"]
    for row in rows:
        rec = dict(zip(header, row, strict=True))
        attrs = {}
        for h, cell in rec.items():
            if h in EDGE_CSV_FIXED or h in EDGE_CSV_VIEW or cell == "":
                continue
            name, ctype = spec[("edges.csv", h)]
            attrs[name] = _parse_cell(cell, ctype)
        g.add_edge(rec["source"], rec["target"], key=rec["id"], **attrs)
    return g
