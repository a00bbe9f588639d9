// Pure labelling logic for the validator's page (paper Appendix C): packet checks, applying a
// judgement to the current item, undo, progress, resume and the exported label file. No DOM and no
// React here, so all of it is unit-tested directly (test/renderer/validate.test.ts).
// Must come first: schemas are built jitless only if zod is configured before they are created.
import '../../zod-config';
import {
  LABELS_FORMAT,
  LabelFileSchema,
  LabelSchema,
  PACKET_FORMAT,
  PATTERN_OPTIONS,
  ValidationPacketSchema,
  type Label,
  type LabelFile,
  type ValidationItem,
  type ValidationPacket,
} from '../../../src-shared/validation';

/** Lowercase hex sha256 of a string, via WebCrypto (browsers in a secure context, and Node). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type PacketResult = { ok: true; packet: ValidationPacket } | { ok: false; error: string };

/**
 * Reads a packet file's text: JSON, the packet schema, each item carrying what its facet needs, unique
 * item ids, and the checksum (sha256 of JSON.stringify(items) as written in the file). Any failure
 * is a message for the validator; nothing partial is ever returned.
 */
export async function parsePacket(text: string): Promise<PacketResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it cannot be a validation packet (is it truncated?).' };
  }
  const format = typeof raw === 'object' && raw !== null ? (raw as { format?: unknown }).format : undefined;
  if (format === LABELS_FORMAT) {
    return { ok: false, error: 'This is a label file (validators’ answers), not a validation packet. Open the packet you were sent.' };
  }
  if (format !== PACKET_FORMAT) {
    return { ok: false, error: 'This file is not a Task Atlas validation packet (its "format" field is missing or different).' };
  }
  const parsed = ValidationPacketSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, error: `The packet is malformed${where}: ${issue?.message ?? 'unknown problem'}.` };
  }
  const packet = parsed.data;
  const seen = new Set<string>();
  for (const [i, item] of packet.items.entries()) {
    if (seen.has(item.itemId)) return { ok: false, error: `The packet is malformed: item ${item.itemId} appears twice.` };
    seen.add(item.itemId);
    if (item.facet === 'task' && (!item.path || item.path.length === 0)) {
      return { ok: false, error: `The packet is malformed: task item ${i + 1} (${item.itemId}) has no path to judge.` };
    }
    if (item.facet === 'pattern' && !item.pattern) {
      return { ok: false, error: `The packet is malformed: pattern item ${i + 1} (${item.itemId}) has no pattern to judge.` };
    }
  }
  const rawItems = (raw as { items: unknown }).items;
  if ((await sha256Hex(JSON.stringify(rawItems))) !== packet.checksum) {
    return {
      ok: false,
      error: 'The packet’s checksum does not match its items: the file is corrupted or was edited. Ask the analyst for a fresh copy.',
    };
  }
  return { ok: true, packet };
}

/** The pattern options a pattern item offers (the packet's own list, else the paper's six). */
export function patternOptions(item: ValidationItem): readonly string[] {
  return item.pattern?.options ?? PATTERN_OPTIONS;
}

/**
 * An item is labelled when it was skipped, when its pattern was judged, or when its task path was
 * judged down to the first incorrect level (or to the bottom). Levels below an incorrect one are
 * not judged: the deeper choices were made under a wrong parent, so they are left out of `levels`.
 */
export function isComplete(item: ValidationItem, label: Label | undefined): boolean {
  if (!label) return false;
  if (label.skipped) return true;
  if (item.facet === 'pattern') return label.pattern !== undefined;
  const levels = label.levels ?? [];
  return levels.some((l) => !l.correct) || levels.length >= (item.path?.length ?? 0);
}

/** The task level (index into item.path) awaiting a judgement, or undefined when none is. */
export function currentLevel(item: ValidationItem, label: Label | undefined): number | undefined {
  if (item.facet !== 'task' || isComplete(item, label)) return undefined;
  return label?.levels?.length ?? 0;
}

export interface HistoryEntry {
  itemId: string;
  /** The item's label before the action (undefined: it had none). */
  prev: Label | undefined;
  /** The item index shown before the action. */
  index: number;
}

export interface Session {
  packet: ValidationPacket;
  validator: string;
  /** By itemId; may hold unfinished labels (a task path judged part way, a note only). */
  labels: Record<string, Label>;
  index: number;
  history: HistoryEntry[];
}

export type Action =
  | { type: 'level'; correct: boolean }
  | { type: 'pattern-correct' }
  | { type: 'pattern-pick'; best: string }
  | { type: 'skip' }
  | { type: 'note'; text: string };

export function createSession(packet: ValidationPacket, validator: string, saved: Label[] = []): Session {
  const labels = restoreLabels(packet, saved);
  return { packet, validator, labels, index: firstUnlabelled(packet, labels) ?? 0, history: [] };
}

/** Keeps saved labels that still belong to the packet (same item id and facet), validated. */
export function restoreLabels(packet: ValidationPacket, saved: unknown[]): Record<string, Label> {
  const facets = new Map(packet.items.map((item) => [item.itemId, item.facet]));
  const labels: Record<string, Label> = {};
  for (const entry of saved) {
    const parsed = LabelSchema.safeParse(entry);
    if (parsed.success && facets.get(parsed.data.itemId) === parsed.data.facet) labels[parsed.data.itemId] = parsed.data;
  }
  return labels;
}

export function labelledCount(session: Pick<Session, 'packet' | 'labels'>): number {
  return session.packet.items.filter((item) => isComplete(item, session.labels[item.itemId])).length;
}

/** First unlabelled item at or after `from`, wrapping around; undefined when all are labelled. */
export function firstUnlabelled(packet: ValidationPacket, labels: Record<string, Label>, from = 0): number | undefined {
  const n = packet.items.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    const item = packet.items[i]!;
    if (!isComplete(item, labels[item.itemId])) return i;
  }
  return undefined;
}

function stripEmpty(label: Label): Label | undefined {
  const empty = !label.skipped && !label.levels?.length && !label.pattern && !label.note;
  return empty ? undefined : label;
}

/**
 * Applies one action to the current item. Finishing an item (last level, first incorrect level, a
 * pattern judgement, a skip) moves to the next item. Judging an already finished item starts it over.
 * Returns the same session when the action does not apply (e.g. `y` on nothing).
 */
export function applyAction(session: Session, action: Action, now: string): Session {
  const item = session.packet.items[session.index];
  if (!item) return session;
  const prev = session.labels[item.itemId];
  const done = isComplete(item, prev);
  const base = { itemId: item.itemId, facet: item.facet, note: prev?.note, labelledAt: now };
  let next: Label | undefined;
  switch (action.type) {
    case 'level': {
      if (item.facet !== 'task' || !item.path) return session;
      const levels = done ? [] : [...(prev?.levels ?? [])];
      const step = item.path[levels.length];
      if (!step) return session;
      levels.push({ level: step.level, correct: action.correct });
      next = { ...base, levels, skipped: false };
      break;
    }
    case 'pattern-correct':
      if (item.facet !== 'pattern') return session;
      next = { ...base, pattern: { correct: true }, skipped: false };
      break;
    case 'pattern-pick': {
      if (item.facet !== 'pattern' || !item.pattern) return session;
      const correct = action.best === item.pattern.chosen;
      next = { ...base, pattern: correct ? { correct } : { correct, best: action.best }, skipped: false };
      break;
    }
    case 'skip':
      next = { ...base, skipped: true };
      break;
    case 'note': {
      const note = action.text.trim() || undefined;
      if (note === prev?.note) return session;
      next = stripEmpty(prev ? { ...prev, note } : { ...base, note, skipped: false });
      break;
    }
  }
  if (next && next.note === undefined) delete next.note;
  const labels = { ...session.labels };
  if (next) labels[item.itemId] = next;
  else delete labels[item.itemId];
  const finished = action.type !== 'note' && next !== undefined && isComplete(item, next);
  const index = finished ? Math.min(session.index + 1, session.packet.items.length - 1) : session.index;
  return { ...session, labels, index, history: [...session.history, { itemId: item.itemId, prev, index: session.index }] };
}

/** Reverts the last action (label and the item shown); navigation is not an action. */
export function undo(session: Session): Session {
  const last = session.history[session.history.length - 1];
  if (!last) return session;
  const labels = { ...session.labels };
  if (last.prev) labels[last.itemId] = last.prev;
  else delete labels[last.itemId];
  return { ...session, labels, index: last.index, history: session.history.slice(0, -1) };
}

export function goTo(session: Session, index: number): Session {
  const clamped = Math.max(0, Math.min(index, session.packet.items.length - 1));
  return clamped === session.index ? session : { ...session, index: clamped };
}

/** Finished labels in packet order, normalised by the schema (so key order is stable). */
export function finishedLabels(session: Pick<Session, 'packet' | 'labels'>): Label[] {
  return session.packet.items
    .filter((item) => isComplete(item, session.labels[item.itemId]))
    .map((item) => LabelSchema.parse(session.labels[item.itemId]));
}

/** The label file for export: finished labels only, checksum = sha256(JSON.stringify(labels)). */
export async function buildLabelFile(session: Session, exportedAt: string): Promise<LabelFile> {
  const labels = finishedLabels(session);
  return LabelFileSchema.parse({
    format: LABELS_FORMAT,
    version: 1,
    packetId: session.packet.packetId,
    runId: session.packet.runId,
    validator: session.validator,
    exportedAt,
    labels,
    checksum: await sha256Hex(JSON.stringify(labels)),
  });
}

/** File-name-safe version of a name (spaces and path characters become _). */
export function safeFilePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.trim().replace(/[\s/\\:*?"<>|\u0000-\u001f]+/g, '_') || 'unnamed';
}

export function labelFileName(packetId: string, validator: string): string {
  return `labels-${safeFilePart(packetId)}-${safeFilePart(validator)}.json`;
}

/** localStorage key of one validator's work on one packet. */
export function storageKey(packetId: string, validator: string): string {
  return `task-atlas.validate.v1:${packetId}:${validator.trim()}`;
}

export const VALIDATOR_KEY = 'task-atlas.validate.validator';

/** Human names of a task path's levels, top first. */
export function levelName(position: number, depth: number): string {
  if (position === 0) return 'Top level';
  if (position === depth - 1) return 'Base level';
  return depth === 3 ? 'Middle level' : `Level ${position + 1}`;
}
