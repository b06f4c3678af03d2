"""Flat exports, one row a coded event: CSV and Parquet, the same columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from dyad.store.rows import EVENT_COLUMNS

COLUMNS = (("event_id", "story_id") + EVENT_COLUMNS
           + ("published", "news_source", "url", "title", "lang", "ingested_at",
              "num_mentions", "num_sources", "num_articles"))
INTEGERS = {"event_id", "story_id", "seq", "sentence", "quad_class", "evidence_start",
            "evidence_end", "num_mentions", "num_sources", "num_articles", "place_geonames_id"}
FLOATS = {"goldstein", "place_lat", "place_lon"}
BOOLEANS = {"implicit_target", "implicit_source"}


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {name: row.get("id" if name == "event_id" else name) for name in COLUMNS}
    for name in BOOLEANS:
        out[name] = bool(out[name])
    return out


def write_csv(rows: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(flat_row(row))
        count += 1
    return count


def arrow_type(name: str) -> Any:
    import pyarrow as pa

    if name in INTEGERS:
        return pa.int64()
    if name in FLOATS:
        return pa.float64()
    if name in BOOLEANS:
        return pa.bool_()
    return pa.string()


def write_parquet(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = [flat_row(row) for row in rows]
    schema = pa.schema([(name, arrow_type(name)) for name in COLUMNS])
    table = pa.Table.from_pylist(flat, schema=schema)
    pq.write_table(table, str(path))
    return len(flat)
