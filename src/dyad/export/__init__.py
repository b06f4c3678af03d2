"""Exports of the store: GDELT 2.0 event TSV, PLOVER JSON Lines, flat CSV and Parquet."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dyad.export.flat import write_csv, write_parquet
from dyad.export.gdelt import gdelt_lines
from dyad.export.plover import PloverTally, plover_lines
from dyad.store import Store

FORMATS = ("csv", "parquet", "gdelt", "plover")


@dataclass
class Exported:
    rows: int
    left_out: dict[str, int]


def export(store: Store, fmt: str, handle: IO[str] | None = None, path: str | Path | None = None,
           header: bool = False) -> Exported:
    """Write the store in `fmt` to `handle` (text formats) or `path` (parquet)."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("parquet is written to a file: pass -o FILE")
        return Exported(write_parquet(store.events(), path), {})
    assert handle is not None
    if fmt == "csv":
        return Exported(write_csv(store.events(), handle), {})
    if fmt == "gdelt":
        stories = store.stories()
        dated = [row for row in stories if row["day"]]
        for line in gdelt_lines(dated, header):
            handle.write(line + "\n")
        return Exported(len(dated), {"no date": len(stories) - len(dated)})
    if fmt == "plover":
        tally = PloverTally()
        for line in plover_lines(store.events(), tally):
            handle.write(line + "\n")
        return Exported(tally.written, {"CAMEO 01/02 (no PLOVER type)": tally.no_type,
                                        "no date": tally.no_date})
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
