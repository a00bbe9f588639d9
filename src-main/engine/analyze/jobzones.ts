// Table 2: usage by Job Zone. Conv. % is the share of usage in a zone; Base. % the share of the
// tasks appearing in the data (each counted once) in it; Rep. ratio their quotient. That baseline
// is what reproduces the paper's published column; the share of all occupations is given beside it. The zone of an occupation comes from one of two
// sources: the release's wage_data.csv JobZone column, or current O*NET Job Zones reached through the
// 2010 -> 2019 crosswalk (an occupation that maps to several 2019 codes is split evenly across them).
import type { JobZoneTable, JobZoneVariant } from '../../../src-shared/report';
import { JOB_ZONES } from '../../../src-shared/taxonomy';
import type { AnalysisInputs } from './inputs';
import type { TaskOccupationRow } from './occupations';

/** An occupation's Job Zone(s) with weights summing to 1; empty when unknown. */
export type ZoneLookup = (code: string) => readonly ZoneWeight[];
interface ZoneWeight {
  zone: number;
  weight: number;
}

const NO_ZONES: readonly ZoneWeight[] = [];

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
    const zones = lookup(r.code);
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
