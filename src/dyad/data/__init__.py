"""Bundled knowledge as plain TSV files, with one small loader."""

from __future__ import annotations

import csv
from pathlib import Path

from dyad.errors import DataFileError

DATA_DIR = Path(__file__).parent
STATES = DATA_DIR / "actors" / "states.tsv"
IGOS = DATA_DIR / "actors" / "igos.tsv"
SECTORS = DATA_DIR / "actors" / "sectors.tsv"
PEOPLE = DATA_DIR / "actors" / "people.tsv"
VICTIM_HEADS = DATA_DIR / "actors" / "victim_heads.tsv"
ANAPHORS = DATA_DIR / "actors" / "anaphors.tsv"
LOCAL_WORDS = DATA_DIR / "actors" / "local_words.tsv"
CURRENCIES = DATA_DIR / "actors" / "currencies.tsv"
PREDICATES = DATA_DIR / "events" / "predicates.tsv"
MODALITY = DATA_DIR / "events" / "modality.tsv"
REPORTING = DATA_DIR / "events" / "reporting.tsv"
ROLE_CODES = DATA_DIR / "events" / "role_codes.tsv"
VICTIM_VERBS = DATA_DIR / "events" / "victim_verbs.tsv"
AGENT_MARKERS = DATA_DIR / "events" / "agent_markers.tsv"
FRAME_GUARDS = DATA_DIR / "events" / "frame_guards.tsv"
SPORT = DATA_DIR / "events" / "sport.tsv"
KILLING = DATA_DIR / "events" / "killing.tsv"
WISHES = DATA_DIR / "events" / "wishes.tsv"
REQUEST_MARKERS = DATA_DIR / "events" / "request_markers.tsv"
SUPPORT_VERBS = DATA_DIR / "events" / "support_verbs.tsv"
COMITATIVE = DATA_DIR / "events" / "comitative.tsv"
AGENT_ACTS = DATA_DIR / "events" / "agent_acts.tsv"
TOPIC_HEADS = DATA_DIR / "events" / "topic_heads.tsv"
SPEECH = DATA_DIR / "events" / "speech.tsv"
INTENTS = DATA_DIR / "events" / "intents.tsv"
INTENT_CODES = DATA_DIR / "events" / "intent_codes.tsv"
REFUSAL_CODES = DATA_DIR / "events" / "refusal_codes.tsv"
CAMEO = DATA_DIR / "cameo" / "cameo.tsv"
TEMPORAL = DATA_DIR / "time" / "months.tsv"


def load_tsv(path: Path, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows of a TSV file with a header line; blank lines and '#' lines are skipped."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError("D010", path=path, line=0, reason=str(exc)) from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(row.get(name) in (None, "") for name in required):
            raise DataFileError("D010", path=path, line=number,
                                reason=f"needs columns {', '.join(reader.fieldnames or [])}")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows
