// Review mode's state: the open bundle (kept in sessionStorage so a reload stays in review mode),
// whether its signature holds, which of its sources Explore shows, and the swap of the app's
// ApiClient for the read-only one.
import { useSyncExternalStore } from 'react';
import { setApiClient } from '../../transport/client';
import { createReviewClient } from '../../transport/review-client';
import { exploreStore } from '../explore/store';
import { READABLE_VERSIONS, REVIEW_FORMAT, reviewBundleSchema, type ReviewBundle } from './schema';
import { duplicateKeyReason, findDuplicateKey } from '../../../src-shared/strict-json';
import type { BundleIntegrity } from '../../../src-shared/review-integrity';
import { verifyBundle } from './verify';

export const REVIEW_STORAGE_KEY = 'task-atlas.review-bundle';
const SOURCE_STORAGE_KEY = 'task-atlas.review-source';

/** A file that is not a usable review bundle; the message is meant for the person who opened it. */
export class ReviewBundleError extends Error {
  override name = 'ReviewBundleError';
}

export interface ReviewState {
  bundle?: ReviewBundle;
  /** Signed, unsigned or modified; undefined while a restored bundle is being checked again. */
  integrity?: BundleIntegrity;
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

function issuesText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const shown = error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

/** JSON + format + schema checks, synchronous (used on reload too). Returns the raw and parsed value. */
function parseSync(text: string): { raw: unknown; bundle: ReviewBundle } {
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
      `This review bundle has version ${String(head.version)}; this Task Atlas reads versions ${READABLE_VERSIONS.join(', ')}.`,
    );
  }
  const parsed = reviewBundleSchema.safeParse(raw);
  if (!parsed.success) throw new ReviewBundleError(`The review bundle is damaged or incomplete: ${issuesText(parsed.error)}`);
  return { raw, bundle: parsed.data };
}

export interface OpenedBundle {
  bundle: ReviewBundle;
  integrity: BundleIntegrity;
}

/**
 * Full validation of an opened file: schema, then checksum and signature over the content exactly
 * as written. A bundle that fails its own checksum is damaged and refused; one whose checksum was
 * recomputed after an edit opens, marked as modified, so the reviewer sees what was sent and why
 * not to trust it.
 */
export async function parseReviewBundle(text: string): Promise<OpenedBundle> {
  const { raw, bundle } = parseSync(text);
  const integrity = await verifyBundle(raw, bundle);
  if (integrity.status === 'modified' && integrity.reason === 'checksum') {
    throw new ReviewBundleError('The review bundle is corrupted: its results do not match its checksum.');
  }
  return { bundle, integrity };
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

function install(opened: { bundle: ReviewBundle; integrity?: BundleIntegrity }, sourceId: string | undefined, notPersisted = false): void {
  const { bundle, integrity } = opened;
  const current = bundle.sources.some((s) => s.id === sourceId) ? sourceId : bundle.sources[0]?.id;
  set({ bundle, integrity, sourceId: current, notPersisted });
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
export function enterReviewMode(opened: OpenedBundle, text: string): void {
  let persisted = true;
  try {
    storage()?.setItem(REVIEW_STORAGE_KEY, text);
    storage()?.removeItem(SOURCE_STORAGE_KEY);
  } catch {
    persisted = false; // quota: review mode still works until the page is reloaded
  }
  install(opened, undefined, !persisted || storage() === undefined);
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
  forgetStoredBundle();
  set({});
  setApiClient(undefined);
  reloadExplore();
}

function forgetStoredBundle(): void {
  storage()?.removeItem(REVIEW_STORAGE_KEY);
  storage()?.removeItem(SOURCE_STORAGE_KEY);
}

/**
 * Called once at start-up, before anything asks for the ApiClient: a reload in review mode keeps
 * answering from the bundle, validated again synchronously; its signature is checked again right
 * after (WebCrypto is asynchronous). A stored bundle this version refuses (e.g. a source id
 * "__proto__" accepted by an older one) is dropped, so a reload cannot reopen it forever.
 */
export function restoreReviewSession(): void {
  const text = storage()?.getItem(REVIEW_STORAGE_KEY);
  if (!text) return;
  let parsed: ReturnType<typeof parseSync>;
  try {
    parsed = parseSync(text);
    install({ bundle: parsed.bundle }, storage()?.getItem(SOURCE_STORAGE_KEY) ?? undefined);
  } catch {
    forgetStoredBundle();
    return;
  }
  void verifyBundle(parsed.raw, parsed.bundle).then((integrity) => {
    if (state.bundle === parsed.bundle) set({ ...state, integrity });
  });
}
