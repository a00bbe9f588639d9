// Validate's state: the open packet, the validator and their labelling session. A tiny external
// store (like Explore's) so the work survives navigating between steps; every label change is also
// written to localStorage at once, so closing the tab loses nothing. No server calls: validators
// may work offline on a machine that is not the analyst's.
import { useSyncExternalStore } from 'react';
import type { Label, LabelFile, ValidationPacket } from '../../../src-shared/validation';
import {
  applyAction,
  buildLabelFile,
  createSession,
  goTo,
  labelledCount,
  parsePacket,
  storageKey,
  undo,
  VALIDATOR_KEY,
  type Action,
  type Session,
} from './labelling';

export type ValidateStatus = 'empty' | 'checking' | 'error' | 'needs-name' | 'labelling';

export interface ValidateState {
  status: ValidateStatus;
  fileName?: string;
  error?: string;
  packet?: ValidationPacket;
  session?: Session;
  /** How many finished labels were restored from an earlier sitting (for the status line). */
  restored?: number;
  /** The last validator name used on this machine (to ask for it only once). */
  rememberedValidator: string;
  /** Set when saving to localStorage failed (private mode, quota): labels then live only here. */
  saveError?: string;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface ValidateStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ValidateState;
  openText(text: string, fileName: string): Promise<void>;
  openFile(file: File): Promise<void>;
  setValidator(name: string): void;
  changeValidator(): void;
  dispatch(action: Action): void;
  undo(): void;
  goTo(index: number): void;
  exportLabels(): Promise<LabelFile | undefined>;
}

function loadSaved(storage: KeyValueStorage | undefined, key: string): Label[] {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return [];
    const parsed = JSON.parse(raw) as { labels?: unknown };
    return Array.isArray(parsed.labels) ? (parsed.labels as Label[]) : [];
  } catch {
    return [];
  }
}

export function createValidateStore(storage: KeyValueStorage | undefined, clock: () => Date = () => new Date()): ValidateStore {
  let remembered = '';
  try {
    remembered = storage?.getItem(VALIDATOR_KEY) ?? '';
  } catch {
    remembered = '';
  }
  let state: ValidateState = { status: 'empty', rememberedValidator: remembered };
  const listeners = new Set<() => void>();
  let openSeq = 0;

  const set = (next: ValidateState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const save = (session: Session): string | undefined => {
    try {
      const payload = { version: 1, savedAt: clock().toISOString(), labels: Object.values(session.labels) };
      storage?.setItem(storageKey(session.packet.packetId, session.validator), JSON.stringify(payload));
      return undefined;
    } catch (err) {
      return `Labels could not be saved in this browser (${err instanceof Error ? err.message : String(err)}); export them before closing.`;
    }
  };

  const start = (packet: ValidationPacket, validator: string, fileName?: string) => {
    const name = validator.trim();
    try {
      storage?.setItem(VALIDATOR_KEY, name);
    } catch {
      // Remembering the name is a convenience only.
    }
    const session = createSession(packet, name, loadSaved(storage, storageKey(packet.packetId, name)));
    set({ status: 'labelling', packet, session, fileName, rememberedValidator: name, restored: labelledCount(session) });
  };

  const update = (next: Session) => {
    if (!state.session || next === state.session) return;
    const labelsChanged = next.labels !== state.session.labels;
    const saveError = labelsChanged ? save(next) : state.saveError;
    set({ ...state, session: next, saveError });
  };

  const store: ValidateStore = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    async openText(text, fileName) {
      const seq = ++openSeq;
      // A new file replaces whatever was open; a bad one leaves nothing loaded.
      set({ status: 'checking', fileName, rememberedValidator: state.rememberedValidator });
      const result = await parsePacket(text);
      if (seq !== openSeq) return;
      if (!result.ok) {
        set({ status: 'error', fileName, error: result.error, rememberedValidator: state.rememberedValidator });
        return;
      }
      if (state.rememberedValidator) start(result.packet, state.rememberedValidator, fileName);
      else set({ status: 'needs-name', packet: result.packet, fileName, rememberedValidator: '' });
    },
    async openFile(file) {
      let text: string;
      try {
        text = await file.text();
      } catch (err) {
        set({
          status: 'error',
          fileName: file.name,
          error: `The file could not be read: ${err instanceof Error ? err.message : String(err)}`,
          rememberedValidator: state.rememberedValidator,
        });
        return;
      }
      await store.openText(text, file.name);
    },
    setValidator(name) {
      if (!state.packet || !name.trim()) return;
      start(state.packet, name, state.fileName);
    },
    changeValidator() {
      if (!state.packet) return;
      set({ status: 'needs-name', packet: state.packet, fileName: state.fileName, rememberedValidator: state.rememberedValidator });
    },
    dispatch(action) {
      if (state.session) update(applyAction(state.session, action, clock().toISOString()));
    },
    undo() {
      if (state.session) update(undo(state.session));
    },
    goTo(index) {
      if (state.session) update(goTo(state.session, index));
    },
    async exportLabels() {
      return state.session ? buildLabelFile(state.session, clock().toISOString()) : undefined;
    },
  };
  return store;
}

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export const validateStore = createValidateStore(browserStorage());

export function useValidate(store: ValidateStore = validateStore): ValidateState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
