"""Units: every unit code the project writes, its dimension, its factor and its QUDT IRI.

One table for the whole project: the quantity parser normalises what the report writes to
these codes (``ingest.quantities``), statements carry them (``pfa:unitCode``, ``pfa:unit``),
truthy properties name them (``ontology/truthy_policy.toml``) and the evaluator compares in
them. Within a dimension, :func:`convert` is exact (Decimal); across dimensions it refuses.
Money never converts between currencies.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from foundation.namespaces import PFA, UNIT

D = Decimal


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    base: str  # the canonical code of the dimension (for money: the currency itself)
    factor: Decimal  # value in this unit x factor = value in base
    iri: str  # QUDT unit IRI, or a project unit where QUDT has none

    def to_base(self, value: Decimal) -> Decimal:
        return (value * self.factor).normalize()


def _u(code: str, dim: str, base: str, factor: int | str, iri: str) -> Unit:
    return Unit(code, dim, base, D(factor), iri)


_TABLE = [
    _u("W", "power", "MW", "0.000001", UNIT + "W"), _u("kW", "power", "MW", "0.001", UNIT + "KiloW"),
    _u("MW", "power", "MW", 1, UNIT + "MegaW"), _u("GW", "power", "MW", 1000, UNIT + "GigaW"),
    _u("TW", "power", "MW", 10**6, UNIT + "TeraW"),
    _u("Wh", "energy", "MWh", "0.000001", UNIT + "W-HR"), _u("kWh", "energy", "MWh", "0.001", UNIT + "KiloW-HR"),
    _u("MWh", "energy", "MWh", 1, UNIT + "MegaW-HR"), _u("GWh", "energy", "MWh", 1000, UNIT + "GigaW-HR"),
    _u("TWh", "energy", "MWh", 10**6, UNIT + "TeraW-HR"),
    _u("KB", "memory", "GB", "0.000001", UNIT + "KiloBYTE"), _u("MB", "memory", "GB", "0.001", UNIT + "MegaBYTE"),
    _u("GB", "memory", "GB", 1, UNIT + "GigaBYTE"), _u("TB", "memory", "GB", 1000, UNIT + "TeraBYTE"),
    _u("PB", "memory", "GB", 10**6, UNIT + "PetaBYTE"),
    _u("GB/s", "bandwidth", "TB/s", "0.001", UNIT + "GigaBYTE-PER-SEC"),
    _u("TB/s", "bandwidth", "TB/s", 1, UNIT + "TeraBYTE-PER-SEC"),
    _u("Gbps", "bandwidth", "TB/s", "0.000125", UNIT + "GigaBIT-PER-SEC"),
    _u("Tbps", "bandwidth", "TB/s", "0.125", UNIT + "TeraBIT-PER-SEC"),
    _u("FLOPS", "compute", "FLOPS", 1, PFA + "FLOPS"), _u("GFLOPS", "compute", "FLOPS", 10**9, PFA + "FLOPS"),
    _u("TFLOPS", "compute", "FLOPS", 10**12, PFA + "FLOPS"), _u("PFLOPS", "compute", "FLOPS", 10**15, PFA + "FLOPS"),
    _u("EFLOPS", "compute", "FLOPS", 10**18, PFA + "FLOPS"),
    _u("OPS", "compute-int", "OPS", 1, PFA + "OPS"), _u("TOPS", "compute-int", "OPS", 10**12, PFA + "OPS"),
    _u("POPS", "compute-int", "OPS", 10**15, PFA + "OPS"),
    _u("%", "percent", "%", 1, UNIT + "PERCENT"), _u("%p", "percent-point", "%p", 1, PFA + "PercentagePoint"),
    _u("x", "multiple", "x", 1, UNIT + "UNITLESS"),
    _u("count", "count", "count", 1, UNIT + "NUM"), _u("tokens", "count", "count", 1, UNIT + "NUM"),
    _u("thousand", "count", "count", 1000, UNIT + "NUM"),
    _u("", "number", "", 1, UNIT + "UNITLESS"),
    _u("year", "duration", "year", 1, UNIT + "YR"), _u("month", "duration", "month", 1, UNIT + "MO"),
    _u("week", "duration", "week", 1, UNIT + "WK"), _u("day", "duration", "day", 1, UNIT + "DAY"),
    _u("hour", "duration", "hour", 1, UNIT + "HR"), _u("minute", "duration", "minute", 1, UNIT + "MIN"),
    _u("second", "duration", "second", 1, UNIT + "SEC"),
    _u("nm", "length", "nm", 1, UNIT + "NanoM"), _u("mm", "length", "nm", 10**6, UNIT + "MilliM"),
    _u("km", "length", "nm", 10**12, UNIT + "KiloM"), _u("mile", "length", "nm", "1609344000000", UNIT + "MI"),
    _u("m2", "area", "m2", 1, UNIT + "M2"), _u("km2", "area", "m2", 10**6, UNIT + "KiloM2"),
    _u("mm2", "area", "m2", "0.000001", UNIT + "MilliM2"), _u("acre", "area", "m2", "4046.8564224", UNIT + "AC"),
    _u("t", "mass", "t", 1, UNIT + "TONNE"), _u("kg", "mass", "t", "0.001", UNIT + "KiloGM"),
    _u("g", "mass", "t", "0.000001", UNIT + "GM"), _u("mg", "mass", "t", "0.000000001", UNIT + "MilliGM"),
    _u("lb", "mass", "t", "0.00045359237", UNIT + "LB"), _u("oz", "mass", "t", "0.0000283495231250", UNIT + "OZ"),
    _u("kV", "voltage", "kV", 1, UNIT + "KiloV"),
    _u("MHz", "frequency", "Hz", 10**6, UNIT + "MegaHZ"), _u("GHz", "frequency", "Hz", 10**9, UNIT + "GigaHZ"),
]  # fmt: skip
CURRENCIES = ("USD", "KRW", "CNY", "EUR", "JPY", "GBP", "SAR", "AED", "TWD")
_TABLE += [_u(c, "money", c, 1, UNIT + "CCY_" + c) for c in CURRENCIES]

UNITS: dict[str, Unit] = {u.code: u for u in _TABLE}
#: spellings of the same unit (as properties' pfa:unitOfMeasure or the parser write them)
ALIASES = {
    "years": "year", "months": "month", "h": "hour", "hours": "hour", "parameters": "count",
    "thousand units": "thousand", "H100-equivalents": "count", "A100-equivalents": "count",
    "TBps": "TB/s", "GBps": "GB/s", "USD/year": "USD", "USD/MW": "USD", "USD/MWh": "USD", "USD/GW": "USD",
    "acre/100MW": "acre", "lbs": "lb",
}  # fmt: skip


def unit(code: str) -> Unit | None:
    """The unit of a code or a known spelling of one (``None`` if unknown)."""
    return UNITS.get(code) or UNITS.get(ALIASES.get(code, "\0"))


def convert(value: Decimal, from_code: str, to_code: str) -> Decimal | None:
    """``value`` in ``from_code`` expressed in ``to_code``; ``None`` across dimensions or currencies."""
    a, b = unit(from_code), unit(to_code)
    if a is None or b is None or a.dimension != b.dimension or a.base != b.base:
        return None
    return (value * a.factor / b.factor).normalize()
