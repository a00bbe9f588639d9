// Table 2: usage by Job Zone. Conv. % is the share of usage in a zone; Base. % the share of the
// tasks appearing in the data (each counted once) in it; Rep. ratio their quotient. That baseline
// is what reproduces the paper's published column; the share of all occupations is given beside it.
// The zone of a task row comes from one of three sources (scripts/jobzone-variants.py compares
// these and more against the paper): the release's wage_data.csv JobZone column; current O*NET Job
// Zones reached through the 2010 -> 2019 crosswalk (an occupation that maps to several 2019 codes is
// split evenly across them); or current O*NET Job Zones reached through the task text itself, i.e.
// the zones of the occupations that list the same statement in current O*NET. The last comes
// closest to the paper (every zone's Conv. % within 2 points, zones 1, 4 and 5 within 0.15), but
// only for the ~80% of usage whose task text current O*NET still holds.
import type { JobZoneTable, JobZoneVariant } from '../../../src-shared/report';
import { JOB_ZONES } from '../../../src-shared/taxonomy';
import type { AnalysisInputs } from './inputs';
import { normaliseTask, type TaskOccupationRow } from './occupations';

/**
 * A task row's Job Zone(s), with weights summing to 1; empty when unknown. `taskKey` is the row's
 * normalised task text (normaliseTask); without it, the answer is for the occupation as a whole.
 * The code-based lookups ignore it.
 */
export type ZoneLookup = (code: string, taskKey?: string) => readonly ZoneWeight[];
interface ZoneWeight {
  zone: number;
  weight: number;
}

/** One Table 2 variant: what reproduce and the bootstrap model both iterate, in this order. */
export interface ZoneVariant {
  variant: JobZoneVariant;
  label: string;
  lookup: ZoneLookup;
}

const NO_ZONES: readonly ZoneWeight[] = [];

/** Every Table 2 variant the inputs allow: the release wage file always, the O*NET ones when imported. */
export function zoneVariants(inputs: AnalysisInputs): ZoneVariant[] {
  const out: ZoneVariant[] = [
    { variant: 'release-wage-data', label: 'Job Zone from the release wage file', lookup: zonesFromWages(inputs.wages) },
  ];
  const onet = inputs.onetDataset;
  if (onet === null) return out;
  if (inputs.crosswalk.length > 0) {
    out.push({
      variant: 'onet-crosswalk',
      label: `Job Zone from ${onet} via the 2010→2019 crosswalk`,
      lookup: zonesViaCrosswalk(inputs.crosswalk, inputs.onetJobZones),
    });
  }
  if (inputs.onetTasks.length > 0) {
    out.push({
      variant: 'onet-task-text',
      label: `Job Zone from ${onet} via the task text (statements ${onet} still lists)`,
      lookup: zonesViaTaskText(inputs.tasks, inputs.onetTasks, inputs.onetJobZones),
    });
  }
  return out;
}

export function zonesFromWages(wages: AnalysisInputs['wages']): ZoneLookup {
  // Built once per code: the tables look every task row up, and the answers never change.
  const byCode = new Map<string, readonly ZoneWeight[]>();
  for (const w of wages) byCode.set(w.code, w.jobZone === null ? [] : [{ zone: w.jobZone, weight: 1 }]);
  return (code) => byCode.get(code) ?? NO_ZONES;
}

export function zonesViaCrosswalk(
  crosswalk: AnalysisInputs['crosswalk'],
  onetJobZones: AnalysisInputs['onetJobZones'],
): ZoneLookup {
  const zoneOf = new Map(onetJobZones.map((j) => [j.code, j.zone]));
  const targets = new Map<string, number[]>();
  for (const c of crosswalk) {
    const zone = zoneOf.get(c.codeTo);
    if (zone === undefined) continue;
    const list = targets.get(c.codeFrom) ?? [];
    list.push(zone);
    targets.set(c.codeFrom, list);
  }
  const byCode = new Map([...targets].map(([code, zones]) => [code, zones.map((zone) => ({ zone, weight: 1 / zones.length }))]));
  return (code) => byCode.get(code) ?? NO_ZONES;
}

/**
 * Zones through the task text: a row takes the zone mix of the current O*NET rows with the same
 * normalised statement (2 of 3 such rows in zone 4 -> weight 2/3 on zone 4), so its usage lands where
 * current O*NET files that task; a text current O*NET no longer lists has no zone. Per occupation
 * (no task given): the mean mix over its statements that current O*NET still lists.
 */
export function zonesViaTaskText(
  tasks: AnalysisInputs['tasks'],
  onetTasks: AnalysisInputs['onetTasks'],
  onetJobZones: AnalysisInputs['onetJobZones'],
): ZoneLookup {
  const zoneOf = new Map(onetJobZones.map((j) => [j.code, j.zone]));
  const counts = new Map<string, Map<number, number>>();
  for (const t of onetTasks) {
    // As the crosswalk lookup does with a 2019 code lacking a zone, a row without one is left out.
    const zone = zoneOf.get(t.code);
    if (zone === undefined) continue;
    const key = normaliseTask(t.task);
    const byZone = counts.get(key) ?? new Map<number, number>();
    byZone.set(zone, (byZone.get(zone) ?? 0) + 1);
    counts.set(key, byZone);
  }
  const byText = new Map<string, readonly ZoneWeight[]>();
  for (const [key, byZone] of counts) {
    const n = [...byZone.values()].reduce((a, b) => a + b, 0);
    byText.set(key, [...byZone].map(([zone, c]) => ({ zone, weight: c / n })));
  }
  const byCode = occupationMixes(tasks, byText);
  return (code, taskKey) => (taskKey === undefined ? byCode.get(code) : byText.get(taskKey)) ?? NO_ZONES;
}

/** Mean zone mix over each code's task rows that have one. */
function occupationMixes(tasks: AnalysisInputs['tasks'], byText: Map<string, readonly ZoneWeight[]>) {
  const sums = new Map<string, { rows: number; zones: Map<number, number> }>();
  for (const t of tasks) {
    const mix = byText.get(normaliseTask(t.task));
    if (mix === undefined) continue;
    const acc = sums.get(t.code) ?? { rows: 0, zones: new Map<number, number>() };
    acc.rows++;
    for (const { zone, weight } of mix) acc.zones.set(zone, (acc.zones.get(zone) ?? 0) + weight);
    sums.set(t.code, acc);
  }
  return new Map([...sums].map(([code, { rows, zones }]) => [code, [...zones].map(([zone, w]) => ({ zone, weight: w / rows }))]));
}

export function jobZoneTable(
  rows: readonly TaskOccupationRow[],
  lookup: ZoneLookup,
  variant: JobZoneVariant,
  label: string,
): JobZoneTable {
  const conv = new Map<number, number>();
  const appearing = new Map<number, number>();
  let matchedUsage = 0;
  let matchedTasks = 0;
  let tasksWithUsage = 0;
  let tasksMatched = 0;
  for (const r of rows) {
    if (!r.hasUsage) continue;
    tasksWithUsage++;
    const zones = lookup(r.code, normaliseTask(r.task));
    if (zones.length > 0) tasksMatched++;
    for (const { zone, weight } of zones) {
      conv.set(zone, (conv.get(zone) ?? 0) + r.usagePct * weight);
      appearing.set(zone, (appearing.get(zone) ?? 0) + weight);
      matchedUsage += r.usagePct * weight;
      matchedTasks += weight;
    }
  }
  const codes = [...new Set(rows.map((r) => r.code))];
  const occupations = new Map<number, number>();
  let occupationsMatched = 0;
  for (const code of codes) {
    const zones = lookup(code);
    if (zones.length > 0) occupationsMatched++;
    for (const { zone, weight } of zones) occupations.set(zone, (occupations.get(zone) ?? 0) + weight);
  }
  const share = (part: number | undefined, whole: number) => (whole > 0 ? (100 * (part ?? 0)) / whole : 0);
  const tableRows = JOB_ZONES.map((zone) => {
    const convPct = share(conv.get(zone), matchedUsage);
    const basePct = share(appearing.get(zone), matchedTasks);
    return {
      zone,
      convPct,
      basePct,
      repRatio: basePct > 0 ? convPct / basePct : 0,
      occupationPct: share(occupations.get(zone), occupationsMatched),
      occupations: occupations.get(zone) ?? 0,
    };
  });
  return {
    variant,
    label,
    rows: tableRows,
    coverage: {
      tasksMatched,
      tasksWithUsage,
      usageMatchedPct: matchedUsage,
      occupationsMatched,
      occupationsTotal: codes.length,
    },
  };
}
