#!/usr/bin/python3
"""Which Job Zone source and matching rule reproduce the paper's Table 2? (issue #16, "Table 2")

Computes Table 2 (Conv. %, Base. %, Rep. ratio per Job Zone) under every candidate built from:
  - the task universe: the release's O*NET 20.1-era statements (2010 codes, as the release notebook
    joins them), the usage task texts matched to O*NET 29.2's own statements (2019 codes), or both
    (29.2 where the text is there, else the release's rows), or the release's rows each taking the
    zone mix of its text's 29.2 rows (Task Atlas's "onet-task-text" variant, the closest);
  - the Job Zone rule for 2010 codes: the release wage file's JobZone column; O*NET 29.2 Job Zones
    through the 2010 -> 2019 crosswalk (even split, first, lowest, highest 2019 target); O*NET 29.2
    Job Zones matched on the occupation *title* (as the notebook matches occupations), alone or with
    a code-based fallback;
  - the baseline: task rows with usage (what reproduces the published 0.57% of zone 1), occupations
    with usage, or every occupation;
  - the usage split: a task shared by several occupations split evenly (the paper) or counted whole.
For each it prints the table, its coverage (share of usage whose zone is known) and its distance to
the paper's column: max |Conv. % - paper|, max |Base. % - paper| and max |Rep. ratio - paper|.

Usage: /usr/bin/python3 scripts/jobzone-variants.py [DATA_DIR] [--all] [--json]   (default: resources/data)
Without --all only the paper's own definitions are listed (task-row baseline, even split).
"""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reproduce_pandas import RELEASE, read_csv, task_table  # noqa: E402

ZONES = [1, 2, 3, 4, 5]
PAPER_FIGURES = Path(__file__).resolve().parent.parent / "resources" / "reference" / "paper-figures.json"


def paper_column():
    rows = json.loads(PAPER_FIGURES.read_text())["table2"]
    pick = lambda key: np.array([next(r[key] for r in rows if r["zone"] == z) for z in ZONES])  # noqa: E731
    return pick("convPct"), pick("basePct"), pick("repRatio")


def onet_sheet(data, name, cols):
    return pd.read_excel(data / "onet-29.2" / f"{name}.xlsx", usecols=cols, dtype={"O*NET-SOC Code": str})


def zone_rules(data, rel):
    """2010 code (or title) -> list of (zone, weight) under each rule, as a long DataFrame per rule."""
    wages = read_csv(rel / "wage_data.csv", usecols=["SOCcode", "JobZone"])
    wages = wages[wages["JobZone"] > 0]
    jz = onet_sheet(data, "Job Zones", ["O*NET-SOC Code", "Title", "Job Zone"])
    xw = read_csv(data / "soc-crosswalks" / "2010_to_2019_soc_crosswalk.csv", dtype=str)
    xw = xw.merge(jz, left_on="O*NET-SOC 2019 Code", right_on="O*NET-SOC Code")[["O*NET-SOC 2010 Code", "Job Zone"]]
    xw.columns = ["key", "zone"]
    by_code = xw.groupby("key")["zone"]
    single = lambda s: s.rename("zone").reset_index().assign(w=1.0)  # noqa: E731
    even = xw.assign(w=1.0 / by_code.transform("size"))
    title = jz.drop_duplicates("Title")[["Title", "Job Zone"]].set_axis(["key", "zone"], axis=1).assign(w=1.0)
    return {
        "wage-file": ("code", wages.set_axis(["key", "zone"], axis=1).assign(w=1.0)),
        "xw-even": ("code", even),
        "xw-first": ("code", single(by_code.first())),
        "xw-lowest": ("code", single(by_code.min())),
        "xw-highest": ("code", single(by_code.max())),
        "title": ("title", title),
        "title>xw-even": ("title", title, "code", even),
        "title>wage-file": ("title", title, "code", wages.set_axis(["key", "zone"], axis=1).assign(w=1.0)),
    }


def attach(rows, rule):
    """Task rows with zone and weight columns under a rule (a title rule may fall back to codes)."""
    col = {"code": "O*NET-SOC Code", "title": "Title"}
    first = rows.merge(rule[1], left_on=col[rule[0]], right_on="key", how="inner")
    if len(rule) == 2:
        return first
    rest = rows[~rows.index.isin(rows.reset_index().merge(rule[1], left_on=col[rule[0]], right_on="key")["index"])]
    return pd.concat([first, rest.merge(rule[3], left_on=col[rule[2]], right_on="key", how="inner")])


def onet29_rows(data, rel):
    """Usage task texts matched to O*NET 29.2 statements; shares split over distinct 29.2 titles."""
    ts = onet_sheet(data, "Task Statements", ["O*NET-SOC Code", "Title", "Task"])
    ts["key"] = ts["Task"].str.lower().str.strip()
    ts["n_occ"] = ts.groupby("key")["Title"].transform("nunique")
    maps = read_csv(rel / "onet_task_mappings.csv", dtype={"task_name": str})
    rows = ts.merge(maps, left_on="key", right_on="task_name", how="inner")
    rows = rows[rows["pct"] > 0]
    jz = onet_sheet(data, "Job Zones", ["O*NET-SOC Code", "Job Zone"]).rename(columns={"Job Zone": "zone"})
    return rows.merge(jz, on="O*NET-SOC Code", how="left").assign(w=1.0)


def text_mix_rows(onet, release):
    """Release rows taking the zone mix of their text's 29.2 rows: what Task Atlas's
    "onet-task-text" variant computes (same Conv. % as the 29.2 rows themselves)."""
    mix = onet.groupby(["key", "zone"]).size().rename("n").reset_index()
    mix["w"] = mix["n"] / mix.groupby("key")["n"].transform("sum")
    return release.merge(mix[["key", "zone", "w"]], on="key", how="inner")


def table(rows, split, baseline, all_codes, whole):
    """Conv. %, Base. %, ratio per zone; coverage = % of `whole` (the release rows' usage) zoned."""
    raw = rows["pct"] / (rows["n_occ"] if split else 1)
    known = rows["zone"].notna()
    conv = (raw * rows["w"])[known].groupby(rows["zone"][known]).sum().reindex(ZONES, fill_value=0)
    if baseline == "task rows":
        base = rows[known].groupby("zone")["w"].sum()
    elif baseline == "used occupations":
        base = rows[known].drop_duplicates(["O*NET-SOC Code", "zone"]).groupby("zone")["w"].sum()
    else:
        base = all_codes.groupby("zone")["w"].sum()
    base = base.reindex(ZONES, fill_value=0)
    conv_pct, base_pct = 100 * conv.values / conv.sum(), 100 * base.values / base.sum()
    return conv_pct, base_pct, 100 * float((raw * rows["w"])[known].sum() / whole[split])


def candidates(data):
    rel = data / RELEASE
    tasks, _, _, _ = task_table(rel)
    release = tasks[tasks["used"]].copy()
    codes = tasks.drop_duplicates("O*NET-SOC Code")[["O*NET-SOC Code", "Title"]]
    rules = zone_rules(data, rel)
    whole = {True: float((release["pct"] / release["n_occ"]).sum()), False: float(release["pct"].sum())}
    onet = onet29_rows(data, rel)
    # The hybrid: 29.2's own rows for the task texts 29.2 still holds, the release's rows for the rest.
    rest = release[~release["key"].isin(onet["key"])]
    for name, rule in rules.items():
        rel_rows, all_codes = attach(release, rule), attach(codes, rule)
        universes = [("release statements", rel_rows)]
        if rule[0] == "code" and name in ("xw-even", "wage-file"):
            universes.append(("29.2 statements + release rest", pd.concat([onet, attach(rest, rule)])))
        for universe, rows in universes:
            for split in (True, False):
                for baseline in ("task rows", "used occupations", "all occupations"):
                    yield (universe, name, baseline, split), table(rows, split, baseline, all_codes, whole)
    jz_codes = onet.drop_duplicates("O*NET-SOC Code")
    mixed = text_mix_rows(onet, release)
    for split in (True, False):
        for baseline in ("task rows", "used occupations"):
            yield ("29.2 statements only", "29.2 code", baseline, split), table(onet, split, baseline, jz_codes, whole)
            yield ("release rows, 29.2 text mix", "29.2 code", baseline, split), table(mixed, split, baseline, jz_codes, whole)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0] if args else "resources/data")
    paper_conv, paper_base, paper_ratio = paper_column()
    results = []
    for (universe, rule, baseline, split), (conv, base, coverage) in candidates(data):
        ratio = np.divide(conv, base, out=np.zeros(5), where=base > 0)
        results.append({
            "universe": universe, "zoneRule": rule, "baseline": baseline,
            "split": "even" if split else "whole", "coveragePct": coverage,
            "convPct": conv.round(2).tolist(), "basePct": base.round(2).tolist(), "repRatio": ratio.round(2).tolist(),
            "dConv": float(np.abs(conv - paper_conv).max()), "dBase": float(np.abs(base - paper_base).max()),
            "dRatio": float(np.abs(ratio - paper_ratio).max()), "zone2Ratio": float(ratio[1]),
        })
    results.sort(key=lambda r: (r["dConv"], r["dRatio"]))
    if "--all" not in sys.argv:
        results = [r for r in results if r["baseline"] == "task rows" and r["split"] == "even"]
    if "--json" in sys.argv:
        json.dump(results, sys.stdout, indent=1)
        return
    print(f"paper: conv {paper_conv.tolist()} base {paper_base.tolist()} ratio {paper_ratio.tolist()}")
    print(f"{'universe':31} {'zone rule':16} {'baseline':17} {'split':5} {'cov%':>5} "
          f"{'dConv':>5} {'dBase':>5} {'dRat':>5}  Conv. % / Rep. ratio per zone 1-5")
    for r in results:
        print(f"{r['universe']:31} {r['zoneRule']:16} {r['baseline']:17} {r['split']:5} {r['coveragePct']:5.1f} "
              f"{r['dConv']:5.2f} {r['dBase']:5.2f} {r['dRatio']:5.2f}  {r['convPct']} / {r['repRatio']}")


if __name__ == "__main__":
    main()
