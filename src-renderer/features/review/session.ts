// Review mode's state: the open bundle (kept in sessionStorage so a reload stays in review mode),
// which of its sources Explore shows, and the swap of the app's ApiClient for the read-only one.
import { useSyncExternalStore } from 'react';
import { setApiClient } from '../../transport/client';
import { createReviewClient } from '../../transport/review-client';
import { exploreStore } from '../explore/store';
import { checksumText, READABLE_VERSIONS, REVIEW_FORMAT, reviewBundleSchema, type ReviewBundle } from './schema';
import { duplicateKeyReason, findDuplicateKey } from '../../../src-shared/strict-json';

export const REVIEW_STORAGE_KEY = 'task-atlas.review-bundle';
const SOURCE_STORAGE_KEY = 'task-atlas.review-source';

/** A file that is not a usable review bundle; the message is meant for the person who opened it. */
export class ReviewBundleError extends Error {
  override name = 'ReviewBundleError';
}

export interface ReviewState {
  bundle?: ReviewBundle;
  sourceId?: string;
  /** Set when the bundle could not be kept in sessionStorage (a reload will leave review mode). */
  notPersisted?: boolean;
}

let state: ReviewState = {};
const listeners = new Set<() => void>();

function set(next: ReviewState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getReviewState(): ReviewState {
  return state;
}

export function subscribeReview(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReview(): ReviewState {
  return useSyncExternalStore(subscribeReview, getReviewState);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function issuesText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** JSON + format + schema checks, synchronous (used on reload too). Returns the raw and parsed value. */
function parseSync(text: string): { raw: Parameters<typeof checksumText>[0]; bundle: ReviewBundle } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ReviewBundleError('This file is not a Task Atlas review bundle: it is not valid JSON.');
  }
  // JSON.parse keeps the last of two equal keys: a bundle that says two things is refused.
  const dup = findDuplicateKey(text);
  if (dup) throw new ReviewBundleError(`The review bundle is damaged: line ${dup.line}, column ${dup.column}: ${duplicateKeyReason(dup)}.`);
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== REVIEW_FORMAT) {
    throw new ReviewBundleError(`This file is not a Task Atlas review bundle (expected format "${REVIEW_FORMAT}").`);
  }
  if (typeof head.version !== 'number' || !READABLE_VERSIONS.includes(head.version)) {
    throw new ReviewBundleError(
      `This review bundle has version ${String(head.version)}; this Task Atlas reads versions ${READABLE_VERSIONS.join(' and ')}.`,
    );
  }
  const parsed = reviewBundleSchema.safeParse(raw);
  if (!parsed.success) throw new ReviewBundleError(`The review bundle is damaged or incomplete: ${issuesText(parsed.error)}`);
  return { raw: raw as Parameters<typeof checksumText>[0], bundle: parsed.data };
}

/** Full validation of an opened file: schema, then the reports' sha256 against the bundle's checksum. */
export async function parseReviewBundle(text: string): Promise<ReviewBundle> {
  const { raw, bundle } = parseSync(text);
  // Hash the results exactly as written (key order included), as the engine did when exporting.
  const actual = await sha256Hex(checksumText(raw));
  if (actual !== bundle.checksum) {
    throw new ReviewBundleError('The review bundle is corrupted: its results do not match its checksum.');
  }
  return bundle;
}

/** Explore keeps its last result; make it load again through the (new) client. */
function reloadExplore(): void {
  const snapshot = exploreStore.getSnapshot();
  if (snapshot.status === 'idle') return; // loads through the current client when first shown
  if (snapshot.status !== 'loading') {
    void exploreStore.load();
    return;
  }
  // A load through the previous client is in flight: reload once it settles.
  const unsubscribe = exploreStore.subscribe(() => {
    if (exploreStore.getSnapshot().status === 'loading') return;
    unsubscribe();
    void exploreStore.load();
  });
}

function install(bundle: ReviewBundle, sourceId: string | undefined, notPersisted = false): void {
  const current = bundle.sources.some((s) => s.id === sourceId) ? sourceId : bundle.sources[0]?.id;
  set({ bundle, sourceId: current, notPersisted });
  setApiClient(createReviewClient(bundle, () => state.sourceId));
  reloadExplore();
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled (e.g. some privacy settings)
  }
}

/** Opens a validated bundle: the app becomes read-only and answers from it. */
export function enterReviewMode(bundle: ReviewBundle, text: string): void {
  let persisted = true;
  try {
    storage()?.setItem(REVIEW_STORAGE_KEY, text);
    storage()?.removeItem(SOURCE_STORAGE_KEY);
  } catch {
    persisted = false; // quota: review mode still works until the page is reloaded
  }
  install(bundle, undefined, !persisted || storage() === undefined);
}

/** Chooses which of the bundle's sources Explore shows. */
export function selectReviewSource(sourceId: string): void {
  if (!state.bundle || state.sourceId === sourceId) return;
  set({ ...state, sourceId });
  try {
    storage()?.setItem(SOURCE_STORAGE_KEY, sourceId);
  } catch {
    // not persisted; harmless
  }
  reloadExplore();
}

export function exitReviewMode(): void {
  storage()?.removeItem(REVIEW_STORAGE_KEY);
  storage()?.removeItem(SOURCE_STORAGE_KEY);
  set({});
  setApiClient(undefined);
  reloadExplore();
}

/**
 * Called once at start-up, before anything asks for the ApiClient: a reload in review mode keeps
 * answering from the bundle (validated again; its checksum was checked when it was opened).
 */
export function restoreReviewSession(): void {
  const text = storage()?.getItem(REVIEW_STORAGE_KEY);
  if (!text) return;
  try {
    install(parseSync(text).bundle, storage()?.getItem(SOURCE_STORAGE_KEY) ?? undefined);
  } catch {
    storage()?.removeItem(REVIEW_STORAGE_KEY);
  }
}
