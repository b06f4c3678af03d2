import json
import subprocess
import sys

import pytest

from dyad.analysis.evaluate import evaluate
from tests.conftest import SHARED

GOLD = [{"id": "a", "events": [
    {"source": {"entity": "AZE", "role": "GOV"}, "target": {"entity": "RUS", "role": "GOV"},
     "cameo": "041", "alt": [], "status": "asserted", "date": "2025-10-07"},
    {"source": {"entity": "RUS", "role": "GOV"}, "target": {"entity": "AZE", "role": "GOV"},
     "cameo": "015", "alt": [], "status": "negated", "date": None},
    {"source": {"entity": "RUS", "role": "GOV"}, "target": {"entity": "AZE", "role": "GOV"},
     "cameo": "040", "alt": ["041"], "status": "optional", "date": None},
]}]


def pred(src, tgt, code, status="asserted", date=None):
    return {"article_id": "a", "source": {"entity": src, "role": "GOV"},
            "target": {"entity": tgt, "role": "GOV"}, "cameo": code, "status": status,
            "date": date}


PREDICTIONS = [pred("AZE", "RUS", "041", date="2025-10-07"), pred("AZE", "RUS", "042"),
               pred("RUS", "AZE", "015"), pred("RUS", "AZE", "043"),
               pred("USA", "RUS", "111", "hypothetical")]


def test_counts_follow_the_guidelines():
    totals = evaluate(GOLD, {"a": PREDICTIONS}).totals()
    assert (totals["tp"], totals["fp"], totals["fn"]) == (1, 2, 0)
    assert totals["negation_errors"] == 1
    assert totals["dates"] == 1.0


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no shared scorer")
def test_agrees_with_the_shared_scorer(tmp_path):
    gold, preds = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("\n".join(json.dumps(a) for a in GOLD))
    preds.write_text("\n".join(json.dumps(p) for p in PREDICTIONS))
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold),
                          str(preds)], capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out.strip().splitlines()[-1])
    ours = evaluate(GOLD, {"a": PREDICTIONS}).totals()
    for key in ("tp", "fp", "fn", "precision", "recall", "f1", "negation_errors",
                "dyad_precision", "dyad_recall"):
        assert ours[key] == theirs[key], key
