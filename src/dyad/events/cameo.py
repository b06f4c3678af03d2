"""The CAMEO code table with Goldstein scores, QuadClass and the PLOVER type of each code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad import data


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str
    description: str


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    table = {}
    for row in data.load_tsv(data.CAMEO, required=("code", "root", "quad_class", "goldstein")):
        table[row["code"]] = CameoCode(row["code"], row["root"], int(row["quad_class"]),
                                       float(row["goldstein"]), row["plover_type"],
                                       row["plover_mode"], row["description"])
    return table


def lookup(code: str) -> CameoCode:
    table = cameo_table()
    if code in table:
        return table[code]
    raise KeyError(f"unknown CAMEO code {code!r}")
