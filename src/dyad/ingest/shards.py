"""The one adapter to pyarrow: coded events as Parquet shards, no pyarrow object leaves it.

A shard's columns are the flat fields of `Event.to_dict()`: nested objects become
`<object>_<field>` (`source_code`, `plover_type`, `place_lat`, `evidence_start`...).
`read_shards` gives back exactly the dicts `Event.to_dict()` made, in shard-name order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.errors import InputError

ACTOR = ("text", "entity", "role", "code", "name")
NESTED = {
    "source": ACTOR, "target": ACTOR, "plover": ("type", "mode"),
    "place": ("name", "country", "lat", "lon", "geonames_id"),
    "evidence": ("text", "start", "end"),
}
COLUMNS = (
    ("article_id", "string"), ("sentence", "int64"),
    *((f"source_{f}", "string") for f in ACTOR), *((f"target_{f}", "string") for f in ACTOR),
    ("cameo", "string"), ("cameo_root", "string"), ("quad_class", "int64"),
    ("goldstein", "float64"), ("plover_type", "string"), ("plover_mode", "string"),
    ("status", "string"), ("date", "string"),
    ("place_name", "string"), ("place_country", "string"), ("place_lat", "float64"),
    ("place_lon", "float64"), ("place_geonames_id", "int64"), ("evidence_text", "string"),
    ("evidence_start", "int64"), ("evidence_end", "int64"), ("trigger", "string"),
    ("implicit_target", "bool_"), ("implicit_source", "bool_"),
)


def schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def flatten(event: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for key, value in event.items():
        if key in NESTED:
            row.update({f"{key}_{f}": (value or {}).get(f) for f in NESTED[key]})
        else:
            row[key] = value
    return row


def unflatten(row: dict[str, Any]) -> dict[str, Any]:
    event = {name: row[name] for name, _ in COLUMNS if name.split("_")[0] not in NESTED}
    for key, fields in NESTED.items():
        event[key] = {f: row[f"{key}_{f}"] for f in fields}
    if row["place_name"] is None:
        event["place"] = None
    order = ("article_id", "sentence", "source", "target", "cameo", "cameo_root",
             "quad_class", "goldstein", "plover", "status", "date", "place", "evidence",
             "trigger", "implicit_target", "implicit_source")
    return {key: event[key] for key in order}


def write_shard(events: list[dict[str, Any]], path: Path) -> Path:
    """Write one shard atomically (a temporary file renamed into place)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([flatten(e) for e in events], schema=schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".parquet.partial")
    pq.write_table(table, partial)
    os.replace(partial, path)
    return path


def shard_paths(path: Path) -> list[Path]:
    return sorted(path.glob("*.parquet")) if path.is_dir() else [path]


def read_shard(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 (pyarrow raises several unrelated types)
        raise InputError("D049", item=str(path), reason=str(exc)) from exc
    missing = [name for name, _ in COLUMNS if name not in table.column_names]
    if missing:
        raise InputError("D049", item=str(path), reason="missing " + ", ".join(missing))
    for batch in table.to_batches():
        yield from (unflatten(row) for row in batch.to_pylist())


def read_shards(path: str | Path) -> Iterator[dict[str, Any]]:
    """Events (as `Event.to_dict()` made them) from one shard or a directory of shards."""
    for shard in shard_paths(Path(path)):
        yield from read_shard(shard)
