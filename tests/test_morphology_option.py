"""The optional analyser: PETAFLOP_KIWI=1 without kiwipiepy installed is a clear error, not an ImportError."""

from __future__ import annotations

import builtins
import subprocess
import sys

import pytest

from foundation.errors import EnvironmentProblem
from petaflop.extract import morphology


def test_missing_analyser_is_an_environment_problem_naming_the_install(monkeypatch):
    real_import = builtins.__import__

    def no_kiwi(name, *args, **kwargs):
        if name.startswith("kiwipiepy"):
            raise ImportError("No module named 'kiwipiepy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_kiwi)
    with pytest.raises(EnvironmentProblem) as err:
        morphology.load_kiwi()
    assert err.value.exit_code == 2
    assert "pip install '.[morphology]'" in str(err.value)


def test_text_reader_with_the_option_raises_the_clear_error(tmp_path):
    code = ("import builtins, sys\n"
            "real = builtins.__import__\n"
            "def imp(n, *a, **k):\n"
            "    if n.startswith('kiwipiepy'): raise ImportError(n)\n"
            "    return real(n, *a, **k)\n"
            "builtins.__import__ = imp\n"
            "from petaflop.extract.text_reader import TextReader\n"
            "from petaflop.extract.resolve import Resolver\n"
            "from petaflop.extract.gazetteer import Gazetteer\n"
            "from petaflop.extract.facts import Extraction\n"
            "try:\n"
            "    TextReader(Resolver(Gazetteer.load(), Extraction()), use_kiwi=True)\n"
            "except Exception as e:\n"
            "    print(type(e).__name__, '|', e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.startswith("EnvironmentProblem | PETAFLOP_KIWI=1 needs the kiwipiepy analyser"), out.stderr[-500:]
