"""Errors that carry their own exit code, so the CLI can map any failure to 0/1/2.

Exit codes are part of the CLI contract: 1 means the user asked for something that cannot
be done (bad path, bad argument, unknown entity); 2 means the machine lacks something the
command needs (a package, Java, a free port).
"""

from __future__ import annotations


class PetaflopError(Exception):
    """Base class: a failure with a message fit to show a user as one line."""

    exit_code = 1


class UserError(PetaflopError):
    """The request cannot be served as given (bad argument, missing input file)."""

    exit_code = 1


class EnvironmentProblem(PetaflopError):
    """The machine lacks something needed (package, Java, browser, free port)."""

    exit_code = 2


class ReportNotFound(UserError):
    """No report file at any of the places we look; the message names all of them."""
