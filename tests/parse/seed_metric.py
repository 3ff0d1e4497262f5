"""The seed scorer's metric, for tests that must run without ../shared.

A copy of the scoring rules of ../shared/eval/score_seeds.py (claims matched
one-to-one, greedily by overlap; strict = equal content characters after
trimming; source = normalised entity equal; cue = spans overlap; sentences =
label of the best-overlapping predicted sentence; links = same stance on an
overlapping sentence). ``test_seed_scores`` checks that both print the same
numbers when ../shared is present.
"""

from __future__ import annotations

import re
from typing import Any

Doc = dict[str, Any]

TRIM = " \t\r\n\"'“”‘’.,;:!?()[]-–—"
TITLES = re.compile(r"^(mr|mrs|ms|miss|dr|sir|dame|lord|president|prime minister|the)\s+", re.I)


def chars(spans: list[Doc] | None) -> set[int]:
    out: set[int] = set()
    for s in spans or []:
        if s:
            out.update(range(int(s["start"]), int(s["end"])))
    return out


def trimmed(spans: list[Doc] | None, text: str | None) -> set[int]:
    out: set[int] = set()
    for s in spans or []:
        a, b = int(s["start"]), int(s["end"])
        if text is not None:
            while a < b and text[a] in TRIM:
                a += 1
            while b > a and text[b - 1] in TRIM:
                b -= 1
        out.update(range(a, b))
    return out


def norm_entity(name: str | None) -> str:
    if not name:
        return ""
    n = name.strip().casefold()
    prev = None
    while prev != n:
        prev, n = n, TITLES.sub("", n)
    return re.sub(r"[^a-z0-9 ]", "", n).strip()


def overlaps(a: Doc | None, b: Doc | None) -> bool:
    return bool(a and b and int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"]))


def match_claims(gold: list[Doc], pred: list[Doc]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold):
        gc = chars(g.get("content"))
        if not gc:
            continue
        for pi, p in enumerate(pred):
            pc = chars(p.get("content"))
            if not pc:
                continue
            inter = len(gc & pc)
            if inter >= 0.5 * len(gc) and inter >= 0.5 * len(pc):
                cands.append((inter, gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold_docs: dict[str, Doc], pred_docs: dict[str, Doc], texts: dict[str, str]) -> Doc:
    """The same figures as score_seeds.py, rounded the same way."""
    t = dict.fromkeys(
        (
            "gold",
            "pred",
            "tp",
            "strict",
            "src",
            "cue",
            "mode",
            "sent",
            "sent_ok",
            "links",
            "links_found",
            "links_pred",
            "date",
            "date_ok",
        ),
        0,
    )
    for name, g in sorted(gold_docs.items()):
        p = pred_docs.get(name, {})
        text = texts.get(name)
        gc, pc = g.get("claims", []), p.get("claims", []) or []
        pairs = match_claims(gc, pc)
        t["gold"] += len(gc)
        t["pred"] += len(pc)
        t["tp"] += len(pairs)
        for gi, pi in pairs:
            gcl, pcl = gc[gi], pc[pi]
            if trimmed(gcl.get("content"), text) == trimmed(pcl.get("content"), text):
                t["strict"] += 1
            if norm_entity(gcl.get("source_entity")) == norm_entity(pcl.get("source_entity")):
                t["src"] += 1
            if overlaps(gcl.get("cue"), pcl.get("cue")) or (
                gcl.get("cue") is None and pcl.get("cue") is None
            ):
                t["cue"] += 1
            if gcl.get("mode") == pcl.get("mode"):
                t["mode"] += 1
            if gcl.get("speech_date"):
                t["date"] += 1
                t["date_ok"] += int(gcl.get("speech_date") == pcl.get("speech_date"))
        psents = p.get("sentences", []) or []
        for gs in g.get("sentences", []):
            t["sent"] += 1
            best, best_ov = None, 0
            for ps in psents:
                ov = min(gs["end"], ps["end"]) - max(gs["start"], ps["start"])
                if ov > best_ov:
                    best, best_ov = ps, ov
            if best is not None and best.get("label") == gs.get("label"):
                t["sent_ok"] += 1
        plinks = p.get("verification_links", []) or []
        t["links_pred"] += len(plinks)
        gsents = {s["start"]: s for s in g.get("sentences", [])}
        for gl in g.get("verification_links", []):
            t["links"] += 1
            gs = gsents.get(gl.get("sentence_start"))
            span = {
                "start": gl.get("sentence_start"),
                "end": (gs or {}).get("end", gl.get("sentence_start", 0) + len(gl.get("text", ""))),
            }
            for pl in plinks:
                start = pl.get("sentence_start", -1)
                ps = {"start": start, "end": start + len(pl.get("text", "") or "x")}
                if overlaps(span, ps) and pl.get("stance") == gl.get("stance"):
                    t["links_found"] += 1
                    break
    p_, r_, f_ = prf(t["tp"], t["pred"], t["gold"])
    _, _, sf = prf(t["strict"], t["pred"], t["gold"])
    m = t["tp"] or 1
    return {
        "claims_gold": t["gold"],
        "claims_pred": t["pred"],
        "claims_matched": t["tp"],
        "precision": round(p_, 4),
        "recall": round(r_, 4),
        "f1": round(f_, 4),
        "strict_f1": round(sf, 4),
        "source_acc": round(t["src"] / m, 4),
        "cue_acc": round(t["cue"] / m, 4),
        "mode_acc": round(t["mode"] / m, 4),
        "sentence_acc": round(t["sent_ok"] / t["sent"], 4) if t["sent"] else 0.0,
        "link_recall": round(t["links_found"] / t["links"], 4) if t["links"] else 0.0,
        "links_pred": t["links_pred"],
        "date_acc": round(t["date_ok"] / t["date"], 4) if t["date"] else None,
    }
