#!/usr/bin/env python3
"""Reads the runs tests/gaming/run.sh made and judges the gaming participants.

Prints the table (bot x scenario: overall) and, unless --markdown, checks:
  * every run finished and was scored;
  * every gaming bot (all but diligent, the single-fault and the BORDERLINE ones) scores
    at most 60 overall on every scenario;
  * each single-fault bot (SINGLE_FAULT), on every scenario where its fault occurs (its
    log's actions differ from diligent's), scores at least 10 points below diligent, and
    the top line of its feedback (highest cost) names the rule of its fault;
  * each single-fault bot's fault occurs on at least one scenario (else its checks could
    not fail).
FAIL lines name the bot, the scenario, the score and the top feedback line.
Usage: check.py OUT [--markdown]   (OUT as given to run.sh); exit status 1 on a FAIL.
"""
import json
import os
import sys

MAX_GAMING = 60      # a gaming bot's highest overall score on any scenario
MIN_MARGIN = 10      # how far below diligent a single-fault bot must score
# The single-fault bots: the rules one of which must be at the top of the feedback. They
# are held to MIN_MARGIN where their fault occurs (where it does not, they are diligent),
# and to SINGLE_FAULT_MAX too when it is set.
SINGLE_FAULT_MAX = None
SINGLE_FAULT = {
    "wrong_name": {"greeting"},
    "empty_statement": {"show_action", "secure_accounts"},
    "escalate_noise": {"inform_up"},
    "hide_criticism": {"response_model"},
    "troll_feeder": {"response_model"},
}
# Shown in the table but not held to MAX_GAMING: replies built from what the scenario
# says a good answer contains. Whether they are gaming or answers is for the lead to
# decide; move a bot out of here to check it.
BORDERLINE = {"keyword_stuffing", "phrase_stuffing", "paste_post", "kitchen_sink",
              "storm_keywords", "storm_refer_all"}
# The storm bots: diligent outside the storm, gaming inside it. The storm is a part of the
# score only, so they are held to the storm_idle reference (diligent leaving the storm's
# comments alone): gaming the storm must earn at most STORM_SLACK points more than not
# working it at all. storm_idle itself is a reference, not checked.
STORM_REFERENCE = "storm_idle"
STORM_SLACK = 2
# Checked on the crisis storms (elsewhere the storm is small or the statements are the
# hijack's work: shown, not checked).
STORM_SCENARIOS = {"kommentarsstorm", "fortroendekris", "introduktion",
                   "en-kommentarsstorm", "en-fortroendekris", "en-introduktion"}
STORM_BOTS = {"storm_pin_soup", "storm_pin_troll", "storm_statements", "storm_colleagues",
              "storm_direct_wrong_name", "storm_hide_direct"}


def actions(path):
    """The participant's actions (and refused actions) in a log, without their times."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type") in ("action", "rejected"):
                out.append(tuple(sorted((k, json.dumps(v, sort_keys=True))
                                        for k, v in r.items() if k not in ("t", "wall", "h"))))
    return out


def top_feedback(results):
    fb = results.get("feedback") or []
    if not fb:
        return None
    return max(fb, key=lambda x: x.get("cost", 0))  # first of the highest


def describe(fb):
    if fb is None:
        return "no feedback"
    text = fb.get("text", "")
    if len(text) > 110:
        text = text[:107] + "..."
    return f"{fb.get('rule')} ({fb.get('cost', 0):.2f}): {text}"


def main():
    out = sys.argv[1]
    markdown = "--markdown" in sys.argv[2:]
    bots = [b for b in open(os.path.join(out, "bots.txt")).read().split() if b]
    scenarios = [s for s in open(os.path.join(out, "scenarios.txt")).read().split() if s]
    fails = []
    res, acts = {}, {}
    for s in scenarios:
        for b in bots:
            base = os.path.join(out, "runs", s, b)
            try:
                rc = int(open(base + ".rc").read().strip() or "1")
            except (OSError, ValueError):
                rc = None
            if rc != 0:
                err = ""
                if os.path.exists(base + ".err"):
                    err = open(base + ".err", encoding="utf-8", errors="replace").read().strip()
                fails.append(f"FAIL: {b} on {s}: the run failed (status {rc}): {err[:300]}")
                continue
            try:
                res[s, b] = json.load(open(base + ".json", encoding="utf-8"))
                acts[s, b] = actions(base + ".jsonl")
            except (OSError, ValueError) as e:
                fails.append(f"FAIL: {b} on {s}: cannot read the results: {e}")

    def overall(s, b):
        r = res.get((s, b))
        return None if r is None else r["scores"]["overall"]

    marks = {}  # (s, b) -> marks in the table: "=" the fault does not occur, "!" a FAIL
    occurs = {b: 0 for b in SINGLE_FAULT}
    for s in scenarios:
        dil = overall(s, "diligent")
        for b in bots:
            o = overall(s, b)
            if b == "diligent" or o is None:
                continue
            top = top_feedback(res[s, b])
            why = []
            if b in SINGLE_FAULT:
                if (s, "diligent") not in acts:
                    continue
                if acts[s, b] == acts[s, "diligent"]:
                    marks[s, b] = "="
                    continue
                occurs[b] += 1
                if SINGLE_FAULT_MAX is not None and o > SINGLE_FAULT_MAX:
                    why.append(f"> {SINGLE_FAULT_MAX}")
                if dil is not None and o > dil - MIN_MARGIN:
                    why.append(f"diligent {dil:g}: not {MIN_MARGIN} points below")
                want = SINGLE_FAULT[b]
                if top is None or top.get("rule") not in want:
                    why.append(f"the top feedback line should name {' or '.join(sorted(want))}")
            elif b == STORM_REFERENCE:
                pass
            elif b in STORM_BOTS:
                idle = overall(s, STORM_REFERENCE)
                if s in STORM_SCENARIOS and idle is not None and o > idle + STORM_SLACK:
                    why.append(f"{STORM_REFERENCE} {idle:g}: more than {STORM_SLACK} above it")
            elif b not in BORDERLINE and o > MAX_GAMING:
                why.append(f"> {MAX_GAMING}")
            if why:
                fails.append(f"FAIL: {b} on {s}: overall {o:g} ({'; '.join(why)}); "
                             f"top feedback: {describe(top)}")
                marks[s, b] = "!"
    for b, n in occurs.items():
        if b in bots and n == 0:
            fails.append(f"FAIL: {b}: its fault occurs on no scenario (its actions are diligent's everywhere)")

    def cell(s, b):
        o = overall(s, b)
        return ("ERR" if o is None else f"{o:g}") + marks.get((s, b), "")

    def span(b):
        v = [overall(s, b) for s in scenarios if overall(s, b) is not None]
        return f"{min(v):g}-{max(v):g}" if v else "-"

    def kind(b):
        if b in ("diligent", STORM_REFERENCE):
            return "reference"
        if b in STORM_BOTS:
            return "storm"
        if b in SINGLE_FAULT:
            return "single fault"
        return "borderline" if b in BORDERLINE else "gaming"

    if markdown:
        print("| participant | kind | " + " | ".join(scenarios) + " | range |")
        print("|---|---|" + "---:|" * (len(scenarios) + 1))
        for b in bots:
            cells = [cell(s, b).replace("!", " **!**") for s in scenarios]
            print(f"| {b} | {kind(b)} | " + " | ".join(cells) + f" | {span(b)} |")
        print()
        print(f"Overall scores, --seed 11. `!`: fails the check (gaming bots at most "
              f"{MAX_GAMING}; a single-fault bot at least {MIN_MARGIN} below diligent with its "
              f"fault's rule at the top of the feedback). `=`: the single fault does not occur "
              f"there (same actions as diligent). Borderline bots are not checked.")
    else:
        w = max(len(b) for b in bots)
        cw = [max(len(s), 6) for s in scenarios]
        print(" " * w + "  " + "  ".join(s.rjust(c) for s, c in zip(scenarios, cw)) + "  range")
        for b in bots:
            print(b.ljust(w) + "  " + "  ".join(cell(s, b).rjust(c) for s, c in zip(scenarios, cw))
                  + "  " + span(b) + ("" if kind(b) in ("gaming", "reference") else f"  ({kind(b)})"))
        print(f"(!: a FAIL below; =: the single fault does not occur there; borderline bots "
              f"are shown, not checked)")
    if not markdown:
        for f in fails:
            print(f)
        print(f"gaming: {len(bots) - 1} participants x {len(scenarios)} scenarios, "
              f"{len(fails)} FAIL line(s)")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
