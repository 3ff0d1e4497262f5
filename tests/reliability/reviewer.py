"""A reviewer process for the concurrency and crash tests: many decisions, fast.

Usage: python reviewer.py --db URL --claims 1,2,3 --decisions 500 --seed 7 --name r1 --out f.json

Each decision reads a claim's current version, waits a moment (so other
reviewers can get in between), then marks it through ``tracker.ops.review.
mark_claim`` with that expected version. Accepted decisions and refused ones
(``ConflictError``) are written to --out as JSON; any other error ends the
process with exit code 1 and the error on stderr, so a test sees it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

from tracker.errors import ConflictError
from tracker.model import Status
from tracker.ops.claims import get_claim
from tracker.ops.database import open_database
from tracker.ops.review import mark_claim

VERDICTS = (Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE, Status.UNREVIEWED)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--claims", required=True)
    ap.add_argument("--decisions", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--name", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pause", type=float, default=0.002, help="max seconds between read and write")
    args = ap.parse_args()
    claims = [int(c) for c in args.claims.split(",")]
    rng = random.Random(args.seed)
    store = open_database(args.db)
    accepted: list[list[object]] = []
    conflicts: list[list[object]] = []
    hot = claims[: max(1, len(claims) // 20)]  # a few claims everyone works on: conflicts
    for i in range(args.decisions):
        claim_id = rng.choice(hot) if rng.random() < 0.3 else rng.choice(claims)
        version = get_claim(store, claim_id).version
        time.sleep(rng.random() * args.pause)
        status = rng.choice(VERDICTS)
        note = f"{args.name}-{i}"
        try:
            result = mark_claim(
                store, claim_id, status, reviewer=args.name, note=note, expect_version=version
            )
        except ConflictError as exc:
            conflicts.append([claim_id, note, exc.changed_by])
            continue
        accepted.append([claim_id, result.entry.id, note, result.claim.version])
        if len(accepted) % 25 == 0:  # progress for the kill test: what is committed so far
            print(len(accepted), flush=True)
    store.close()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"accepted": accepted, "conflicts": conflicts}, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
