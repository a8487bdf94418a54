"""The errors of an export request: each message names the parameter (``--seed``, ``--hops``…)."""

from __future__ import annotations

from foundation.errors import UserError
from petaflop.entities import AmbiguousEntity, UnknownEntity


class ExportError(UserError):
    """An export request that cannot be served; the message names the parameter."""


class UnknownSeed(ExportError, UnknownEntity):
    """A seed names nothing in the graph; the message lists close matches."""


class AmbiguousSeed(ExportError, AmbiguousEntity):
    """A seed name fits several objects; the message lists them with their ids."""


class BadParameter(ExportError):
    """A parameter is out of range or names no ontology term (with close matches)."""


class EmptySelection(ExportError):
    """The selection holds no facts; nothing is written."""


class SelectionTooLarge(ExportError):
    """The selection is over the size limit; refused unless forced."""
