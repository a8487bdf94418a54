"""Report path resolution: --report, then $PETAFLOP_REPORT, then the shared seed."""

from __future__ import annotations

import pytest

from foundation import paths
from foundation.errors import ReportNotFound


def test_explicit_argument_wins(tmp_path, monkeypatch):
    mine = tmp_path / "mine.txt"
    mine.write_text("x", encoding="utf-8")
    env = tmp_path / "env.txt"
    env.write_text("y", encoding="utf-8")
    monkeypatch.setenv("PETAFLOP_REPORT", str(env))
    assert paths.resolve_report(mine) == mine.resolve()


def test_environment_variable_second(tmp_path, monkeypatch):
    env = tmp_path / "env.txt"
    env.write_text("y", encoding="utf-8")
    monkeypatch.setenv("PETAFLOP_REPORT", str(env))
    assert paths.resolve_report(None) == env.resolve()


def test_default_is_the_shared_seed(monkeypatch, report_path):
    monkeypatch.delenv("PETAFLOP_REPORT", raising=False)
    assert paths.resolve_report(None) == report_path.resolve()
    assert paths.DEFAULT_REPORT.name == "000_76f8ec56cf8c30fd.txt"


def test_missing_everywhere_names_all_three(tmp_path, monkeypatch):
    monkeypatch.setenv("PETAFLOP_REPORT", str(tmp_path / "nope.txt"))
    monkeypatch.setattr(paths, "DEFAULT_REPORT", tmp_path / "absent.txt")
    with pytest.raises(ReportNotFound) as info:
        paths.resolve_report(None)
    msg = str(info.value)
    assert "--report: not set" in msg
    assert "$PETAFLOP_REPORT" in msg and "nope.txt" in msg
    assert "absent.txt" in msg


def test_given_but_missing_path_is_not_silently_replaced(tmp_path, monkeypatch, report_path):
    """A typo in --report must not fall back to the default report."""
    monkeypatch.delenv("PETAFLOP_REPORT", raising=False)
    with pytest.raises(ReportNotFound) as info:
        paths.resolve_report(tmp_path / "typo.txt")
    msg = str(info.value)
    assert "typo.txt" in msg and "$PETAFLOP_REPORT" in msg and str(report_path) in msg
