"""An interconnect spec table's "HIGH SPEED I/O" row: the link's signalling speed, an interconnect bandwidth of
each column's link with the label kept as its metric (attribute_lexicon.toml, appended entry)."""

from __future__ import annotations

from decimal import Decimal

from tests.test_table_reader import make_table


def test_a_high_speed_io_row_is_each_links_bandwidth_with_its_label(table_reader):
    r, ex = table_reader
    r.read(make_table(["두 표준의 비교"], ["FEATURES", "UALINK 1.0", "NVLINK 5.0"],
                      [["HIGH SPEED I/O", "112 Gbps", "56 Gbps"], ["CPU USE", "Any", "Only NVIDIA"]]))
    got = {(s.subject, s.kind, s.value, s.unit, s.metric) for s in ex.statements if s.kind == "interconnectBandwidth"}
    assert got == {("ualink", "interconnectBandwidth", Decimal("0.014"), "TB/s", "HIGH SPEED I/O"),
                   ("nvlink-5-0", "interconnectBandwidth", Decimal("0.007"), "TB/s", "HIGH SPEED I/O")}
