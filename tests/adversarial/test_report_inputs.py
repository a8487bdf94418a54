"""Reports that are not quite the report: control characters, tabs turned into spaces, not text at all.

Before: a BEL character in a cell failed the build blaming HermiT, with no line number, while
``parse`` accepted it silently; a report whose tabs became spaces parsed with the table of
contents as chapters and no tables, silently; ``doctor`` called a PNG "report ok".
"""

from __future__ import annotations

import pytest
from conftest import assert_one_line_error, petaflop

from ingest import parse_text

BEL_LINE = 1907  # "2025<TAB>xAI의 "Colossus"<TAB>200K…": a mapped table row


def _with_bel(report_path) -> str:
    lines = report_path.read_text(encoding="utf-8").split("\n")
    assert "Colossus" in lines[BEL_LINE - 1]
    lines[BEL_LINE - 1] = lines[BEL_LINE - 1].replace("Colossus", "Colo\x07ssus", 1)
    return "\n".join(lines)


def test_a_control_character_is_a_warning_with_its_line(report_path):
    doc = parse_text(_with_bel(report_path))
    found = [w for w in doc.warnings if w.kind == "input"]
    assert [(w.line, w.message.split(";")[0]) for w in found] == [
        (BEL_LINE, f"control character BEL (U+0007) at column {_column(report_path)}")]
    assert "\x07" not in "".join(doc.lines)


def _column(report_path) -> int:
    return report_path.read_text(encoding="utf-8").split("\n")[BEL_LINE - 1].index("Colossus") + 5


def test_tabs_turned_into_spaces_are_named(report_path):
    doc = parse_text(report_path.read_text(encoding="utf-8").replace("\t", "    "))
    messages = [w.message for w in doc.warnings if w.kind == "input"]
    assert any(m.startswith("no tables: ") and "tabs turned into spaces" in m for m in messages), messages
    assert any(m.startswith("chapters intro–X are one line each") for m in messages), messages


def test_the_real_report_has_no_input_warning(report_path):
    assert [w for w in parse_text(report_path.read_text(encoding="utf-8")).warnings if w.kind == "input"] == []


def test_parse_and_doctor_say_the_same(tmp_path, report_path):
    copy = tmp_path / "spaces.txt"
    copy.write_text(report_path.read_text(encoding="utf-8").replace("\t", "    "), encoding="utf-8")
    parsed = petaflop("parse", "--report", str(copy))
    assert parsed.returncode == 0 and "no tables: this report's tables are rows of tab-separated" in parsed.stdout
    doctor = petaflop("doctor", "--report", str(copy), env={"COLUMNS": "1000"})
    assert "line 1: no tables: this report's tables are rows of tab-separated cells" in doctor.stdout


@pytest.mark.parametrize(("content", "says"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "this is a PNG image"),
    (b"%PDF-1.7\n" + bytes(50), "this is a PDF document"),
    ("제목 없음\n그냥 메모\n".encode(), "not a report of the expected kind"),
    (b"\xff\xfe" + "report".encode("utf-16-le"), "this is UTF-16 text (the report is UTF-8)"),
    ("[서론] 제목\n".encode() + b"\xc0\xaf\n", "not valid UTF-8 at byte offset"),
], ids=["png", "pdf", "not-this-report", "utf-16", "bad-utf8"])
def test_doctor_checks_the_report_is_this_kind_of_text(tmp_path, content, says):
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    proc = petaflop("doctor", "--report", str(path), env={"COLUMNS": "1000"})
    assert proc.returncode == 1
    assert says in " ".join(proc.stdout.replace("│", " ").split())


@pytest.mark.slow
def test_build_warns_like_parse_and_the_character_never_reaches_the_graph(tmp_path, report_path):
    copy = tmp_path / "bel.txt"
    copy.write_text(_with_bel(report_path), encoding="utf-8")
    out = tmp_path / "out"
    proc = petaflop("build", "--no-hermit", "--report", str(copy), "--out", str(out), timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"warning line {BEL_LINE}: control character BEL (U+0007)" in proc.stderr
    graph = (out / "atlas.nq").read_bytes()
    assert b"\x07" not in graph and b"\\u0007" not in graph  # so HermiT's OWL/XML never sees it


def test_a_missing_report_stays_one_line(tmp_path):
    proc = petaflop("parse", "--report", str(tmp_path / "none.txt"))
    assert_one_line_error(proc, 1, "report not found")
