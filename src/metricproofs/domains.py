"""Variable domains for the SMT encodings (kept free of sympy so the catalogue loads fast)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["VarSpec"]


@dataclass(frozen=True)
class VarSpec:
    """How the variables of one array (or one scalar) are declared.

    ``sort`` is Int or Real; ``lower``/``upper`` are optional inclusive bounds given as
    SMT-LIB numerals; ``strict_lower`` makes the lower bound strict (e.g. beta > 0).
    """

    sort: str = "Int"
    lower: str | None = "0"
    upper: str | None = None
    strict_lower: bool = False
