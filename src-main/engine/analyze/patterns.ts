// Figure 7: automation vs augmentation (paper section 3.4; release notebook step 6).
import type { AutomationSplit, PatternShare } from '../../../src-shared/report';
import { AUTOMATION_PATTERNS, COLLABORATION_PATTERNS, type CollaborationPattern } from '../../../src-shared/taxonomy';

const isPattern = (p: string): p is CollaborationPattern => (COLLABORATION_PATTERNS as readonly string[]).includes(p);

/** What automationSplit does with "none", in words for the export manifest (method). */
export const PATTERN_NONE_RULE = 'Figure 7: "none" (and any answer that is not one of the five patterns) is left out and the rest renormalised to 100%; its share is reported as excludedPct';

/** Drops "none" (and anything that is not one of the five patterns) and renormalises to 100. */
export function automationSplit(patterns: readonly { pattern: string; pct: number }[]): AutomationSplit | null {
  const total = patterns.reduce((s, p) => s + p.pct, 0);
  const kept = patterns
    .map((p) => ({ ...p, pattern: p.pattern.trim().toLowerCase() }))
    .filter((p) => isPattern(p.pattern));
  const keptTotal = kept.reduce((s, p) => s + p.pct, 0);
  if (kept.length === 0 || keptTotal === 0) return null;
  const shares: PatternShare[] = COLLABORATION_PATTERNS.map((pattern) => ({
    pattern,
    pct: (100 * kept.filter((p) => p.pattern === pattern).reduce((s, p) => s + p.pct, 0)) / keptTotal,
    mode: AUTOMATION_PATTERNS.includes(pattern) ? 'automation' : 'augmentation',
  }));
  const automationPct = shares.filter((s) => s.mode === 'automation').reduce((s, p) => s + p.pct, 0);
  return {
    patterns: shares,
    automationPct,
    augmentationPct: 100 - automationPct,
    excludedPct: total === 0 ? 0 : (100 * (total - keptTotal)) / total,
  };
}
