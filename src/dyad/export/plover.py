"""PLOVER JSON Lines, with the field names of the PLOVER specification (v0.7b1, "JSON Data
Fields"): `id`, `date`, `source` and `recipient` (lists of actor objects: `code`, `sector`,
`actor_text`, `identifier_text`), `event` and `mode` (lists), `context`, `quad_code`,
`event_scale` (Goldstein), `event_text`, `event_loc` (geonames-style `name`, `latitude`,
`longitude`, `cc3`), `link` (the story id shared by every report of one story event),
`text_info` (`sequence`, `start`, `end`), `cite_info` (`url`, `title`, `language`,
`publication`, `corpus`, `coder`, `codebook`), `coder`, `coded_date`. dyad's own extras
(allowed by the spec) are `cameo`, `status`, `date_text` (the event's own date as coded,
possibly partial) and `implicit_recipient`.

One record a coded event. CAMEO 01 and 02 have no PLOVER type and events without any date
have no PLOVER `date` (required): both are left out and counted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

REQUIRED = ("id", "date", "source", "event")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODER = "dyad"


@dataclass
class PloverTally:
    written: int = 0
    no_type: int = 0
    no_date: int = 0


def actor(row: Mapping[str, Any], side: str) -> list[dict[str, Any]]:
    if not (row[f"{side}_entity"] or row[f"{side}_role"] or row[f"{side}_text"]):
        return []
    return [{"code": row[f"{side}_entity"] or "", "sector": row[f"{side}_role"] or "",
             "actor_text": row[f"{side}_text"], "identifier_text": row[f"{side}_name"]}]


def event_loc(row: Mapping[str, Any]) -> dict[str, Any] | None:
    if not row["place_name"]:
        return None
    return {"name": row["place_name"], "latitude": row["place_lat"],
            "longitude": row["place_lon"], "cc3": row["place_country"]}


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """One stored event row (`Store.events()`) as a PLOVER record."""
    return {
        "id": f"dyad-{row['id']}", "date": row["day"],
        "source": actor(row, "source"), "recipient": actor(row, "target"),
        "event": [row["plover_type"]],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": [], "quad_code": int(row["quad_class"]),
        "event_scale": float(row["goldstein"]),
        "event_text": [row["evidence_text"]], "event_loc": event_loc(row),
        "link": f"dyad-story-{row['story_id']}" if row["story_id"] is not None else None,
        "text_info": {"sequence": int(row["sentence"]), "start": int(row["evidence_start"]),
                      "end": int(row["evidence_end"])},
        "cite_info": {"corpus": row["news_source"], "citation": row["article_id"],
                      "url": row["url"], "title": row["title"], "language": row["lang"],
                      "publication": row["news_source"], "coder": CODER,
                      "codebook": "CAMEO 1.1b3 -> PLOVER (CAMEO2PLOVER-2021)"},
        "coder": CODER, "coded_date": (row["ingested_at"] or "")[:10] or None,
        "cameo": row["cameo"], "status": row["status"], "date_text": row["date"],
        "implicit_recipient": bool(row["implicit_target"]),
        "implicit_actor": bool(row["implicit_source"]),
    }


def plover_lines(rows: Iterable[Mapping[str, Any]], tally: PloverTally) -> Iterator[str]:
    for row in rows:
        if not row["plover_type"]:
            tally.no_type += 1
        elif not row["day"]:
            tally.no_date += 1
        else:
            tally.written += 1
            yield json.dumps(plover_record(row), ensure_ascii=False)


def read_plover(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Parse PLOVER JSON Lines back, checking the spec's required fields and their types."""
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        missing = [name for name in REQUIRED if not record.get(name)]
        if missing:
            raise ValueError(f"line {number}: missing required {', '.join(missing)}")
        if not isinstance(record["source"], list) or not isinstance(record["event"], list):
            raise ValueError(f"line {number}: source and event must be lists")
        if not DAY.match(str(record["date"])):
            raise ValueError(f"line {number}: date {record['date']!r} is not YYYY-MM-DD")
        records.append(record)
    return records
