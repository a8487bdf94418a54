"""The app starts and, without a built graph, says what to run."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_empty_state_says_what_to_run(tmp_path, monkeypatch):
    import foundation.paths

    monkeypatch.setattr(foundation.paths, "BUILD_DIR", tmp_path / "build")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "Petaflop Atlas"
    assert any("petaflop build" in i.value for i in at.info)
