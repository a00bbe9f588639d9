// replicate.py: recomputes the headline tables with pandas from the export's replication inputs,
// following src-main/engine/analyze (occupations.ts, depth.ts, patterns.ts, jobzones.ts).
import { COMPARED, TOLERANCE, stepHeader } from './steps';

const step = (id: string) => stepHeader('#', id);
const compared = COMPARED.map((c) => `    (${JSON.stringify(c.table)}, ${JSON.stringify(c.keys)}, ${JSON.stringify(c.values)}),`).join('\n');

export const REPLICATE_PY = String.raw`#!/usr/bin/env python3
"""Task Atlas export: recompute the headline tables from csv/replication_*.csv and compare them with
the exported results in csv/. Usage: python3 replicate.py   (needs pandas; exit 1 on any difference)."""
import os
import sys

import pandas as pd

TOL = ${TOLERANCE}
CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "csv")
PATTERNS = ["directive", "feedback loop", "task iteration", "learning", "validation"]
AUTOMATION = ["directive", "feedback loop"]
ZONES = [1, 2, 3, 4, 5]
COMPARED = [
${compared}
]


def read(name, numeric=()):
    """Every column as text (codes keep their leading zeros); the CSV writer's formula guard
    (a ' before text starting with = + - @ tab CR) is undone on text columns."""
    df = pd.read_csv(os.path.join(CSV, name + ".csv"), dtype=str, keep_default_na=False, encoding="utf-8")
    for col in df.columns:
        if col in numeric:
            df[col] = pd.to_numeric(df[col].replace("", float("nan")))
        else:
            df[col] = df[col].str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
    return df


def normalise(text):
    return text.str.lower().str.strip()


${step('read')}
usage = read("replication_usage_tasks", ["pct"])
stmts = read("replication_task_statements")
majors = read("replication_major_groups")
bls = read("replication_bls_employment", ["employment"])
wages = read("replication_wages", ["jobZone"])
patterns = read("replication_patterns", ["pct"])
crosswalk = read("replication_crosswalk")
onet_zones = read("replication_onet_job_zones", ["zone"])
onet_tasks = read("replication_onet_tasks")

${step('split')}
rows = stmts.copy()
rows["key"] = normalise(rows["task"])
occurrences = rows.drop_duplicates(["key", "title"]).groupby("key").size()
# A task text listed twice in the usage file: the later row counts.
pct_by_key = pd.Series(usage["pct"].values, index=normalise(usage["taskName"]).values)
pct_by_key = pct_by_key[~pct_by_key.index.duplicated(keep="last")]
rows["occurrences"] = rows["key"].map(occurrences)
pct = rows["key"].map(pct_by_key)
share = (pct / rows["occurrences"]).fillna(0.0)
raw = share.sum()
rows["usagePct"] = 100 * share / raw if raw > 0 else 0.0
rows["hasUsage"] = pct.notna() & (pct > 0)
rows["major"] = rows["code"].str[:2]

${step('categories')}
usage_by_group = rows.groupby("major")["usagePct"].sum()
bls_by_title = bls.drop_duplicates("title", keep="last").set_index("title")["employment"]
bls_total = bls["employment"].sum()
groups = majors[majors["code"].isin(usage_by_group.index) | majors["title"].isin(bls_by_title.index)]
employment = groups["title"].map(bls_by_title)
categories = pd.DataFrame({
    "code": groups["code"],
    "title": groups["title"],
    "usagePct": groups["code"].map(usage_by_group).fillna(0.0),
    "blsPct": 100 * employment / bls_total if bls_total != 0 else float("nan"),
    "blsEmployment": employment,
})

${step('depth')}
coverage = rows.groupby("code")["hasUsage"].mean()
thresholds = [i / 100 for i in range(101)]
# The same 1e-12 slack as the app: 3 of 12 tasks reaches 25% despite float rounding.
depth_curve = pd.DataFrame({
    "threshold": thresholds,
    "shareOfOccupations": [float((coverage >= t - 1e-12).mean()) if len(coverage) else 0.0 for t in thresholds],
})

${step('automation')}
p = patterns.assign(pattern=normalise(patterns["pattern"]))
kept = p[p["pattern"].isin(PATTERNS)]
kept_total = kept["pct"].sum()
if len(kept) == 0 or kept_total == 0:
    automation_split = pd.DataFrame({"pattern": [], "mode": [], "pct": []})
else:
    automation_split = pd.DataFrame({
        "pattern": PATTERNS,
        "mode": ["automation" if q in AUTOMATION else "augmentation" for q in PATTERNS],
        "pct": [100 * kept.loc[kept["pattern"] == q, "pct"].sum() / kept_total for q in PATTERNS],
    })

${step('job_zones')}
def zone_table(variant, task_map, task_on, occupation_map):
    """task_map: (task_on, zone, weight) for a task row; occupation_map: (code, zone, weight)."""
    used = rows[rows["hasUsage"]].merge(task_map, on=task_on)
    conv = (used["usagePct"] * used["weight"]).groupby(used["zone"]).sum()
    appearing = used["weight"].groupby(used["zone"]).sum()
    occ = pd.DataFrame({"code": rows["code"].unique()}).merge(occupation_map, on="code")
    occupations = occ["weight"].groupby(occ["zone"]).sum()
    def pct_of(part, zone):
        whole = part.sum()
        return 100 * part.get(zone, 0.0) / whole if whole > 0 else 0.0
    out = []
    for zone in ZONES:
        conv_pct, base_pct = pct_of(conv, zone), pct_of(appearing, zone)
        out.append({"variant": variant, "zone": zone, "convPct": conv_pct, "basePct": base_pct,
                    "repRatio": conv_pct / base_pct if base_pct > 0 else 0.0,
                    "occupationPct": 100 * occupations.get(zone, 0.0) / occ["code"].nunique() if occ["code"].nunique() > 0 else 0.0,
                    "occupations": occupations.get(zone, 0.0)})
    return out

zone_rows = []
wage_map = wages.drop_duplicates("code", keep="last").dropna(subset=["jobZone"])
wage_map = pd.DataFrame({"code": wage_map["code"], "zone": wage_map["jobZone"], "weight": 1.0})
zone_rows += zone_table("release-wage-data", wage_map, "code", wage_map)
zone_of = onet_zones.drop_duplicates("code", keep="last")
if len(onet_zones) > 0 and len(crosswalk) > 0:
    cw = crosswalk.merge(zone_of.rename(columns={"code": "codeTo"}), on="codeTo")
    cw["weight"] = 1.0 / cw.groupby("codeFrom")["codeFrom"].transform("size")
    cw_map = cw.rename(columns={"codeFrom": "code"})[["code", "zone", "weight"]]
    zone_rows += zone_table("onet-crosswalk", cw_map, "code", cw_map)
if len(onet_zones) > 0 and len(onet_tasks) > 0:
    ot = onet_tasks.merge(zone_of, on="code")
    ot["key"] = normalise(ot["task"])
    counts = ot.groupby(["key", "zone"]).size().rename("n").reset_index()
    counts["weight"] = counts["n"] / counts.groupby("key")["n"].transform("sum")
    text_map = counts[["key", "zone", "weight"]]
    # Per occupation: the mean zone mix over its task rows whose text current O*NET still lists.
    mixed = rows[["code", "key"]].merge(text_map, on="key")
    n_rows = rows[rows["key"].isin(text_map["key"])].groupby("code").size()
    occ_map = mixed.groupby(["code", "zone"])["weight"].sum().reset_index()
    occ_map["weight"] = occ_map["weight"] / occ_map["code"].map(n_rows)
    zone_rows += zone_table("onet-task-text", text_map, "key", occ_map)
job_zones = pd.DataFrame(zone_rows)

${step('compare')}
def differences(name, keys, values, ours):
    theirs = read(name, values + [k for k in keys if k in ("threshold", "zone")])
    ours = ours.copy()
    for k in keys:
        if k in ("threshold", "zone"):
            ours[k] = ours[k].astype(float)
            theirs[k] = theirs[k].astype(float).round(9)
            ours[k] = ours[k].round(9)
        else:
            ours[k] = ours[k].astype(str)
    missing = [c for c in keys + values if c not in theirs.columns]
    if missing:
        return ["%s: the exported table lacks column(s) %s" % (name, ", ".join(missing))]
    ours = ours.sort_values(keys).reset_index(drop=True)
    theirs = theirs.sort_values(keys).reset_index(drop=True)
    if len(ours) != len(theirs):
        return ["%s: %d exported rows, %d recomputed" % (name, len(theirs), len(ours))]
    out = []
    for i in range(len(ours)):
        label = ", ".join("%s=%s" % (k, theirs.at[i, k]) for k in keys)
        if any(ours.at[i, k] != theirs.at[i, k] for k in keys):
            out.append("%s: row %d is %s exported, %s recomputed" % (name, i + 1, label, ", ".join(str(ours.at[i, k]) for k in keys)))
            continue
        for v in values:
            a, b = float(theirs.at[i, v]), float(ours.at[i, v])
            if pd.isna(a) and pd.isna(b):
                continue
            if pd.isna(a) or pd.isna(b) or abs(a - b) > TOL:
                out.append("%s: %s %s exported %r, recomputed %r" % (name, label, v, a, b))
    return out


results = {"categories": categories, "depth_curve": depth_curve, "automation_split": automation_split, "job_zones": job_zones}
failed = []
for name, keys, values in COMPARED:
    diffs = differences(name, keys, values, results[name])
    for d in diffs:
        print(d)
    print("%s: %s" % (name, "match" if not diffs else "%d difference(s)" % len(diffs)))
    if diffs:
        failed.append(name)
if failed:
    print("MISMATCH in %d of %d tables: %s (tolerance %g)" % (len(failed), len(COMPARED), ", ".join(failed), TOL))
    sys.exit(1)
print("all %d tables match (tolerance %g)" % (len(COMPARED), TOL))
`;
