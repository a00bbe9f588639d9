// The phases of a classification run in plain words, each weighted by its expected number of
// Claude answers (or embedded texts offline), and the lanes of the facets that run side by side.
import type { RunContext } from '../pipeline/steps';
import { COST, count, type PhaseSpec, type PhaseTracker } from '../pipeline/phases';
import type { Lane, LaneState } from '../pipeline/lanes';
import type { ClassifyConfig } from './config';

/** What one chunk of a run needs to report its phases. */
export interface ChunkPhases {
  tracker: PhaseTracker;
  /** "c2": the chunk's prefix of phase keys. */
  key: string;
  ctx: RunContext;
}

/** The Claude steps of the task lane: an optional privacy summary, then one step per hierarchy level, top first. */
function taskSteps(cfg: Pick<ClassifyConfig, 'privacySummary'>, depth: number): string[] {
  const levels = Array.from({ length: depth + 1 }, (_, k) => `classify.task.L${depth - k}`);
  return cfg.privacySummary ? ['classify.summary', ...levels] : levels;
}

export function facetLanes(
  cfg: Pick<ClassifyConfig, 'facets' | 'privacySummary'>,
  depth: number,
): { lanes: Lane[]; label: (states: LaneState[]) => string } {
  const lanes: Lane[] = [];
  if (cfg.facets.includes('task')) lanes.push({ name: 'tasks', steps: taskSteps(cfg, depth) });
  if (cfg.facets.includes('pattern')) lanes.push({ name: 'collaboration patterns', steps: ['classify.pattern'] });
  if (cfg.facets.includes('skills')) lanes.push({ name: 'skills', steps: ['classify.skills'] });
  const label = (states: LaneState[]) => {
    const task = states.find((s) => s.lane.name === 'tasks');
    const others = states.filter((s) => s !== task).map((s) => s.lane.name);
    const alongside = others.length ? ` (with ${others.join(' and ')} alongside)` : '';
    if (!task) return `Finding ${others.join(' and ')}`;
    const step = task.lane.steps[Math.max(0, task.step)]!;
    if (step === 'classify.summary') return `Summarising conversations for privacy${alongside}`;
    const level = task.lane.steps.indexOf(step) - (cfg.privacySummary ? 1 : 0) + 1;
    return `Choosing tasks, level ${level} of ${depth + 1}${alongside}`;
  };
  return { lanes, label };
}

/**
 * Every phase of the run: per chunk, screening, the optional composition question (B.7), then the
 * facets (Claude), or placement by embedding (offline); last, adding up the results. Facet weights assume every conversation passes screening,
 * so a run that screens many out moves on sooner than expected, never back.
 */
export function classifyPhases(cfg: ClassifyConfig, conversations: number, chunkSize: number, depth: number): PhaseSpec[] {
  const chunks = Math.ceil(conversations / chunkSize);
  const specs: PhaseSpec[] = [];
  const answersPer = facetLanes(cfg, depth).lanes.reduce((s, lane) => s + lane.steps.length, 0);
  for (let c = 1; c <= chunks; c++) {
    const m = Math.min(chunkSize, conversations - (c - 1) * chunkSize);
    const part = chunks > 1 ? `, part ${c} of ${chunks}` : '';
    if (cfg.method === 'offline-embedding') {
      specs.push({ key: `c${c} embed`, label: `Placing ${count(m)} conversations in the hierarchy${part}`, weight: m * COST.embedText });
      continue;
    }
    if (cfg.facets.includes('screening')) {
      specs.push({ key: `c${c} screen`, label: `Screening ${count(m)} conversations${part}`, weight: m * COST.call });
    }
    if (cfg.composition) {
      // B.7: every conversation, screened in or out, after screening (it reads screening's cached prefix).
      specs.push({ key: `c${c} composition`, label: `Asking whether ${count(m)} conversations are work, coursework or personal use${part}`, weight: m * COST.call });
    }
    specs.push({ key: `c${c} facets`, label: `Classifying conversations${part}`, weight: m * answersPer * COST.call });
  }
  specs.push({ key: 'summary', label: `Adding up the results of ${count(conversations)} conversations`, weight: conversations * COST.row });
  return specs;
}
