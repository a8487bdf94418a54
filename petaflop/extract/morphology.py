"""The optional Korean morphological analyser (kiwipiepy) for the text reader (``PETAFLOP_KIWI=1``).

docs/fidelity.md §11 records why the build reads particles with a regular expression instead; the
analyser stays an option, installed with ``pip install '.[morphology]'``.
"""

from __future__ import annotations

from typing import Any

from foundation.errors import EnvironmentProblem


def load_kiwi() -> Any:
    """A kiwipiepy ``Kiwi`` analyser, or an error saying how to install it (never an ImportError)."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise EnvironmentProblem(
            "PETAFLOP_KIWI=1 needs the kiwipiepy analyser: pip install '.[morphology]' "
            "(kiwipiepy and kiwipiepy-model), or unset PETAFLOP_KIWI") from None
    return Kiwi()
