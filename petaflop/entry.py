"""The ``petaflop`` command's entry point.

Importing the CLI (typer, rich, the command modules) takes a few tenths of a second; a Ctrl-C in
that time used to end in a traceback. Here it ends with one line and exit code 130, like a Ctrl-C
anywhere else (the commands handle their own, e.g. ``petaflop serve`` stops its server).
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from petaflop.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        raise SystemExit(130) from None
    cli_main()
