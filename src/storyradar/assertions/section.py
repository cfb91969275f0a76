"""The report section "Statements tested": every stored assertion with its verdict, figures and items."""

from __future__ import annotations

import json
from typing import Any

from ..model import Incident
from ..report.section import ReportSection
from ..store import Store
from .check import stored_results
from .records import VERDICT_WORDS

#: Deciding items shown per assertion in the report table (all of them go to the JSON/CSV file).
MAX_ITEMS_SHOWN = 200


def _describe(params: dict[str, Any]) -> str:
    return "; ".join(f"{k} = {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in params.items())


def _figure_text(figures: dict[str, Any]) -> str:
    parts = []
    for k, v in figures.items():
        parts.append(f"{k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v}")
    return "; ".join(parts)


def section(store: Store, incident: Incident) -> ReportSection | None:
    """The "Statements tested" section, or None when no assertion was checked for this incident."""
    results = stored_results(store, incident)
    if not results:
        return None
    counts = {v: sum(1 for r in results if r["verdict"] == v) for v in VERDICT_WORDS}
    summary = [f"{len(results)} statements were tested against this corpus: "
               + ", ".join(f"{n} {VERDICT_WORDS[v]}" for v, n in counts.items()) + "."]
    table, items, thresholds = [], [], []
    for k, r in enumerate(results, 1):
        statement = r["label"] or f"{r['kind']}: {_describe(r['params'])}"
        summary.append(f"{k}. “{statement}” — {VERDICT_WORDS[r['verdict']]}. {r['summary']}")
        table.append({"n": k, "statement": statement, "kind": r["kind"], "parameters": _describe(r["params"]),
                      "verdict": VERDICT_WORDS[r["verdict"]], "finding": r["summary"],
                      "figures": _figure_text(r["figures"]), "deciding_items": len(r["items"]),
                      "checked_at": r["checked_at"]})
        if r["meta"].get("expected"):
            table[-1]["expected_in_file"] = str(r["meta"]["expected"]).replace("_", " ")
        for t in r["thresholds"]:
            thresholds.append({"n": k, "statement": statement, "threshold": t})
        for it in r["items"][:MAX_ITEMS_SHOWN]:
            items.append({"n": k, "statement": statement,
                          **{key: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
                             for key, v in it.items()}})
        for name, rows in r["tables"].items():
            if name == "blind_days" and rows:
                days = sorted({b["day"] for b in rows})
                summary.append(f"   Days the corpus does not cover for statement {k}: {', '.join(days[:10])}"
                               + (f" and {len(days) - 10} more" if len(days) > 10 else "") + ".")
    return ReportSection(
        key="assertions", title="Statements tested", summary=summary,
        tables={"statements": table, "thresholds": thresholds, "deciding_items": items},
        notes=["Each statement is tested against the articles, claims and evidence stored here. "
               "“Supported” and “contradicted” describe this corpus only; “not decidable” means the corpus "
               "cannot tell — for example because it was not collected on the days that matter.",
               "The thresholds table states what decides each verdict."],
    )
