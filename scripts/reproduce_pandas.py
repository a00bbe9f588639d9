#!/usr/bin/python3
"""An independent reading of the paper's headline numbers with pandas (issue #15, goal 2).

Written from the paper and from the release notebook's method as described in
shared/data/NOTES-release-method.md, not from Task Atlas's TypeScript: `npm run bench:reproduce`
times this script against `task-atlas reproduce` and checks that both give the same numbers.

Usage: /usr/bin/python3 scripts/reproduce_pandas.py [DATA_DIR]   (default: resources/data)
Prints one JSON object: flat "name": number pairs, plus "seconds" (time after the imports).
"""
import json
import sys
import time
from pathlib import Path

import pandas as pd

RELEASE = "aei-release-2025-02-10"
AUTOMATION = ["directive", "feedback loop"]
AUGMENTATION = ["task iteration", "learning", "validation"]
DEPTH_MARKS = [0.1, 0.25, 0.5, 0.75]
MIN_ANNUAL_WAGE = 100  # hourly-looking wages (e.g. 15.94) are not annual medians
TOP_OCCUPATIONS = 10


def read_csv(path, **kw):
    # keep_default_na=False: the mapping file holds a literal task named "none".
    return pd.read_csv(path, keep_default_na=False, na_values=[""], **kw)


def task_table(rel):
    """Steps 1-3: every O*NET task row with its share of usage after the even split."""
    tasks = read_csv(rel / "onet_task_statements.csv", usecols=["O*NET-SOC Code", "Title", "Task"], dtype=str)
    tasks["major"] = tasks["O*NET-SOC Code"].str[:2]
    tasks["key"] = tasks["Task"].str.lower().str.strip()
    # A task text shared by several occupations (distinct titles) is split evenly across them.
    tasks["n_occ"] = tasks.groupby("key")["Title"].transform("nunique")
    mappings = read_csv(rel / "onet_task_mappings.csv", dtype={"task_name": str})
    tasks = tasks.merge(mappings, how="left", left_on="key", right_on="task_name")
    raw = tasks["pct"] / tasks["n_occ"]
    tasks["share"] = (100 * raw / raw.sum()).fillna(0.0)
    tasks["used"] = tasks["pct"].fillna(0) > 0
    matched = mappings["task_name"].isin(tasks["key"])
    return tasks, raw.sum(), int(matched.sum()), len(mappings)


def categories(rel, tasks, out):
    """Figure 3: usage and BLS employment per SOC major group."""
    soc = read_csv(rel / "SOC_Structure.csv", dtype=str)
    majors = soc[soc["Major Group"].notna()].copy()
    majors["major"] = majors["Major Group"].str[:2]
    bls = read_csv(rel / "bls_employment_may_2023.csv")
    bls["bls_pct"] = 100 * bls["bls_distribution"] / bls["bls_distribution"].sum()
    usage = tasks.groupby("major")["share"].sum().rename("usage").reset_index()
    table = majors.merge(usage, on="major", how="left").merge(bls, on="SOC or O*NET-SOC 2019 Title", how="left")
    for row in table.itertuples():
        if pd.notna(row.usage):
            out[f"category.{row.major}.usagePct"] = row.usage
        if pd.notna(row.bls_pct):
            out[f"category.{row.major}.blsPct"] = row.bls_pct


def occupations(tasks, out):
    """Top occupations (grouped by title) and Figure 4's depth marks (per O*NET-SOC code)."""
    by_title = tasks.groupby("Title")["share"].sum().sort_values(ascending=False)
    for title, share in by_title.head(TOP_OCCUPATIONS).items():
        out[f"occupation.{title}.usagePct"] = share
    coverage = tasks.groupby("O*NET-SOC Code")["used"].mean()
    for mark in DEPTH_MARKS:
        out[f"depth.{mark}"] = float((coverage >= mark).mean())


def automation(rel, out):
    """Figure 7: drop "none", renormalise, automation = directive + feedback loop."""
    pat = read_csv(rel / "automation_vs_augmentation.csv")
    pat["interaction_type"] = pat["interaction_type"].str.strip().str.lower()
    pat = pat[pat["interaction_type"] != "none"]
    pct = 100 * pat.set_index("interaction_type")["pct"] / pat["pct"].sum()
    for name in AUTOMATION + AUGMENTATION:
        out[f"pattern.{name}"] = float(pct.get(name, 0.0))
    out["automationPct"] = float(pct.reindex(AUTOMATION).fillna(0).sum())
    out["augmentationPct"] = float(pct.reindex(AUGMENTATION).fillna(0).sum())


def zone_table(used, weight, out, prefix):
    """Table 2 from task rows with usage carrying `zone` and a weight (1, or a crosswalk split)."""
    used = used.assign(w=weight, conv=used["share"] * weight)
    by_zone = used.groupby("zone")[["conv", "w"]].sum()
    conv = 100 * by_zone["conv"] / by_zone["conv"].sum()
    base = 100 * by_zone["w"] / by_zone["w"].sum()
    for zone in range(1, 6):
        c, b = float(conv.get(zone, 0.0)), float(base.get(zone, 0.0))
        out[f"{prefix}.{zone}.convPct"] = c
        out[f"{prefix}.{zone}.basePct"] = b
        out[f"{prefix}.{zone}.repRatio"] = c / b if b > 0 else 0.0


def job_zones(rel, data, tasks, out):
    used = tasks[tasks["used"]]
    # Variant 1: the release's wage_data.csv carries a Job Zone per 2010 code (-1 = unknown).
    wages = read_csv(rel / "wage_data.csv", usecols=["SOCcode", "JobZone"])
    wages = wages[wages["JobZone"] > 0].rename(columns={"JobZone": "zone"})
    v1 = used.merge(wages, left_on="O*NET-SOC Code", right_on="SOCcode", how="inner")
    zone_table(v1, 1.0, out, "table2.release-wage-data")
    # Variant 2: O*NET 29.2 Job Zones reached through the 2010 -> 2019 crosswalk, split evenly.
    xw = read_csv(data / "soc-crosswalks" / "2010_to_2019_soc_crosswalk.csv", dtype=str)
    jz = pd.read_excel(data / "onet-29.2" / "Job Zones.xlsx", usecols=["O*NET-SOC Code", "Job Zone"])
    xw = xw.merge(jz, left_on="O*NET-SOC 2019 Code", right_on="O*NET-SOC Code").rename(columns={"Job Zone": "zone"})
    xw["w"] = 1.0 / xw.groupby("O*NET-SOC 2010 Code")["zone"].transform("size")
    v2 = used.merge(xw[["O*NET-SOC 2010 Code", "zone", "w"]], left_on="O*NET-SOC Code", right_on="O*NET-SOC 2010 Code")
    zone_table(v2, v2["w"], out, "table2.onet-crosswalk")
    # Variant 3: O*NET 29.2 Job Zones through the task text: a release row takes the zone mix of the
    # 29.2 statements with the same lower-cased text; a text 29.2 no longer lists has no zone.
    ts = pd.read_excel(data / "onet-29.2" / "Task Statements.xlsx", usecols=["O*NET-SOC Code", "Task"], dtype=str)
    ts["key"] = ts["Task"].str.lower().str.strip()
    mix = ts.merge(jz, on="O*NET-SOC Code").groupby(["key", "Job Zone"]).size().rename("n").reset_index()
    mix["w"] = mix["n"] / mix.groupby("key")["n"].transform("sum")
    v3 = used.merge(mix.rename(columns={"Job Zone": "zone"})[["key", "zone", "w"]], on="key")
    zone_table(v3, v3["w"], out, "table2.onet-task-text")


def wage_points(rel, tasks, out):
    """Figure 6: occupations (by title, first code) with an annual median wage."""
    first = tasks.groupby("Title", sort=False).agg(code=("O*NET-SOC Code", "first"), share=("share", "sum"))
    wages = read_csv(rel / "wage_data.csv", usecols=["SOCcode", "MedianSalary"])
    joined = first.merge(wages, left_on="code", right_on="SOCcode", how="left")
    annual = joined[joined["MedianSalary"] > MIN_ANNUAL_WAGE]
    out["wage.points"] = len(annual)
    out["wage.pearson"] = float(annual["MedianSalary"].corr(annual["share"]))


def main():
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/data")
    rel = data / RELEASE
    start = time.perf_counter()
    out = {}
    tasks, raw_sum, matched, mapping_rows = task_table(rel)
    out["matching.rawSumPct"] = float(raw_sum)
    out["matching.matchedRows"] = matched
    out["matching.mappingRows"] = mapping_rows
    categories(rel, tasks, out)
    occupations(tasks, out)
    automation(rel, out)
    job_zones(rel, data, tasks, out)
    wage_points(rel, tasks, out)
    out = {k: float(v) for k, v in out.items()}
    out["seconds"] = time.perf_counter() - start
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
