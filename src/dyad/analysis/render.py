"""Text, CSV and JSON views of relations over time and of the most active dyads."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dyad.analysis.relations import THRESHOLD, Direction, Relations, Trend, spark_values, sparkline
from dyad.analysis.top import DyadActivity

QUAD_HEADER = ("q1_verbal_coop", "q2_material_coop", "q3_verbal_conflict",
               "q4_material_conflict")


def number(value: float | None, places: int = 2) -> str:
    return "" if value is None else f"{value:+.{places}f}"


def trend_line(name: str, trend: Trend) -> str:
    if trend.delta is None:
        return f"  {name:<9} {trend.verdict}"
    return (f"  {name:<9} {trend.verdict:<8} (mean Goldstein {number(trend.early_mean)} -> "
            f"{number(trend.late_mean)}, change {number(trend.delta)}; "
            f"threshold ±{THRESHOLD:.1f})")


def direction_table(direction: Direction) -> list[str]:
    lines = [f"{direction.label}   sparkline of the Goldstein sum per period: "
             f"{sparkline(spark_values(direction.series))}",
             f"  {'period':<10} {'events':>6} {'q1':>4} {'q2':>4} {'q3':>4} {'q4':>4} "
             f"{'sum':>7} {'mean':>7}"]
    for p in direction.series:
        if p.events:
            q1, q2, q3, q4 = p.quad
            lines.append(f"  {p.period:<10} {p.events:>6} {q1:>4} {q2:>4} {q3:>4} {q4:>4} "
                         f"{p.goldstein_sum:>+7.1f} {number(p.goldstein_mean):>7}")
    quiet = sum(1 for p in direction.series if not p.events)
    if quiet:
        lines.append(f"  ({quiet} of {len(direction.series)} periods without events)")
    return lines


def mover_lines(trend: Trend) -> list[str]:
    return [f"    {s.day}  {s.source}->{s.target}  {s.cameo}  {s.goldstein:+.1f}  "
            f"x{s.mentions}  {s.evidence[:90]}" for s in trend.movers]


def relations_table(rel: Relations) -> str:
    lines = [f"Relations {rel.a} <-> {rel.b} by {rel.by}: "
             f"{rel.periods[0] if rel.periods else '-'} .. "
             f"{rel.periods[-1] if rel.periods else '-'} ({len(rel.periods)} periods); "
             "story events, asserted and claimed",
             "QuadClass: q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, "
             "q4 material conflict", ""]
    for direction in rel.directions:
        lines += direction_table(direction) + [""]
    lines.append("Trend (later half vs earlier half of the periods):")
    for direction in rel.directions:
        lines.append(trend_line(direction.label, direction.trend))
    lines.append(trend_line("both", rel.overall))
    if rel.overall.movers:
        lines.append("  moved most (largest |Goldstein| in the later half):")
        lines += mover_lines(rel.overall)
    if rel.skipped:
        lines.append(f"{rel.skipped} story events without any date skipped")
    return "\n".join(lines)


def relations_csv(rel: Relations) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["direction", "period", "events", *QUAD_HEADER, "goldstein_sum",
                     "goldstein_mean"])
    for direction in rel.directions:
        for p in direction.series:
            mean = p.goldstein_mean
            writer.writerow([direction.label, p.period, p.events, *p.quad,
                             round(p.goldstein_sum, 3), "" if mean is None else round(mean, 3)])
    return out.getvalue().rstrip("\n")


def trend_dict(trend: Trend) -> dict[str, Any]:
    return {"verdict": trend.verdict, "early_mean": trend.early_mean,
            "late_mean": trend.late_mean, "delta": trend.delta, "threshold": THRESHOLD,
            "movers": [{"story_id": s.story_id, "day": s.day, "source": s.source,
                        "target": s.target, "cameo": s.cameo, "goldstein": s.goldstein,
                        "mentions": s.mentions, "article_id": s.article_id,
                        "evidence": s.evidence} for s in trend.movers]}


def relations_json(rel: Relations) -> str:
    body = {
        "a": rel.a, "b": rel.b, "by": rel.by, "periods": rel.periods, "skipped": rel.skipped,
        "directions": [{
            "source": d.source, "target": d.target,
            "sparkline": sparkline(spark_values(d.series)),
            "series": [{"period": p.period, "events": p.events,
                        "quad_class": dict(zip(("1", "2", "3", "4"), p.quad, strict=True)),
                        "goldstein_sum": p.goldstein_sum, "goldstein_mean": p.goldstein_mean}
                       for p in d.series],
            "trend": trend_dict(d.trend)} for d in rel.directions],
        "trend": trend_dict(rel.overall)}
    return json.dumps(body, ensure_ascii=False, indent=2)


def top_table(dyads: list[DyadActivity]) -> str:
    lines = [f"{'dyad (directed)':<16} {'stories':>7} {'mentions':>8} {'q1':>4} {'q2':>4} "
             f"{'q3':>4} {'q4':>4} {'Goldstein mean':>14}"]
    for d in dyads:
        q1, q2, q3, q4 = d.quad
        lines.append(f"{d.label:<16} {d.stories:>7} {d.mentions:>8} {q1:>4} {q2:>4} {q3:>4} "
                     f"{q4:>4} {d.goldstein_mean:>+14.2f}")
    return "\n".join(lines)
