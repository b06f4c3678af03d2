"""Diagnose gold misses: for each missed gold event, the triggers and candidates of its sentence.

usage: python tools/diagnose.py GOLD.jsonl PRED.jsonl
"""
import json
import sys
from collections import Counter

from dyad.actors.mentions import PRONOUN_LEMMAS, find_mentions, resolve_pronouns
from dyad.actors.resolve import Memory
from dyad.events.coder import find_triggers
from dyad.ingest.clean import clean_text
from dyad.pipeline import shared_pipeline

sys.path.insert(0, "../shared/eval")
import score  # noqa: E402


def main(gold_path, pred_path):
    pipe = shared_pipeline()
    preds = score.predictions_by_article(score.load_jsonl(pred_path))
    kinds = Counter()
    for art in score.load_jsonl(gold_path):
        _, _, misses, _, _ = score.match_article(art.get("events", []), preds.get(art["id"], []))
        if not misses:
            continue
        text = clean_text(art["text"])
        sents = pipe.parser.parse(text)
        memory, history, per = Memory(), [], {}
        for s in sents:
            found = find_mentions(s, pipe.actors, art.get("published"))
            local = pipe._antecedents(s, found, memory)
            found = resolve_pronouns(s, found, history, local)
            cands = pipe.coder.code_sentence(s, found, memory)
            per[s.index] = (s, found, cands)
            history += [m for m in found if m.text.lower() not in PRONOUN_LEMMAS] + local
        for g in misses:
            ev = g.get("evidence", "")
            hit = [v for v in per.values() if ev[:40] in v[0].text]
            print(f"\nFN {art['id']} {g['source']['entity']}/{g['source'].get('role','')} -> "
                  f"{g['target']['entity']}/{g['target'].get('role','')} {g['cameo']} | {ev[:120]}")
            if not hit:
                kinds["no-sentence"] += 1
                continue
            s, found, cands = hit[0]
            trig = find_triggers(s, pipe.coder.lexicon)
            print("   mentions:", [(m.text, m.entry.entity, m.entry.role) for m in found])
            print("   triggers:", [(t.token.text, t.predicate.cameo) for t in trig])
            for c in cands:
                print("   cand:", c.trigger.token.text, c.trigger.predicate.cameo,
                      c.source.code if c.source else None, [t.code for t in c.targets], c.status)
            kinds["no-trigger" if not trig else "trigger"] += 1
    print(kinds)


if __name__ == "__main__":
    main(*sys.argv[1:3])
