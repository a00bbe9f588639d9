// The messages between Electron's main process (windows, dialogs, the keychain) and the engine
// process (the AppHost, its jobs and the project file). Plain structured-cloneable objects, so the
// same protocol runs over a utilityProcess parent port, a Node child_process channel or a test fake.
// Nothing here imports Electron or the engine: both sides and the tests share it.
import type { ApiCall, ApiErrorPayload, ApiResponse } from '../../src-shared/api';
import type { EngineEvent } from '../../src-shared/events';

/** What the engine needs at start; sent as a message, never argv or env (the key must not show in `ps`). */
export interface EngineInit {
  /** Settings, recent projects and logs (Electron's userData folder). */
  configDir: string;
  /** The bundled resources folder; null: look for it beside the bundle (development). */
  resourcesDir: string | null;
  /** Opened (created with the bundled data) when no recent project exists. */
  defaultProject: string;
  /** Open (or create, with the bundled data) this project instead of the most recent one (`serve --project`). */
  project?: string;
  /** The decrypted API key main holds in the keychain, or null. Held in the engine's memory only. */
  apiKey: string | null;
  /** Whether main can keep a key encrypted on disk (else a key set lasts the session). */
  keychainAvailable: boolean;
  /**
   * The review-bundle signing key (PKCS#8 PEM) main keeps in the keychain, held in the engine's
   * memory only. Absent or null (`serve`, no keychain): the engine keeps it in a 0600 file in configDir.
   */
  signingKey?: string | null;
}

/** main → engine */
export type ToEngine =
  | { type: 'init'; init: EngineInit }
  | { type: 'call'; id: number; call: string; args: unknown }
  /** The caller went away (a closed page, a cancelled preview or import): abort that call's signal. */
  | { type: 'cancel'; id: number }
  /** Pause every running job (closing the window): answered with a 'reply' once they stopped. */
  | { type: 'pauseAll'; id: number }
  /** Pause jobs, close the project cleanly, then exit. */
  | { type: 'shutdown' };

/** What a 'reply' carries: the call's envelope, or { ok: true, result: null } for pauseAll. */
export type EngineReply = ApiResponse<ApiCall> | { ok: true; result: null };

/** engine → main */
export type FromEngine =
  /** The engine process is up and listening: main sends 'init' and any calls that waited. */
  | { type: 'hello' }
  | { type: 'reply'; id: number; response: EngineReply }
  | { type: 'event'; event: EngineEvent }
  /** The user set or removed the API key: main persists it in the keychain. */
  | { type: 'secrets.set'; key: string }
  | { type: 'secrets.clear' };

/** Anything with postMessage and a message listener: a parent port, a child process, a fake. */
export interface MessagePortLike<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

const TO_ENGINE = new Set(['init', 'call', 'cancel', 'pauseAll', 'shutdown']);
const FROM_ENGINE = new Set(['hello', 'reply', 'event', 'secrets.set', 'secrets.clear']);

function hasType(value: unknown, types: Set<string>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && types.has(type);
}

/** Messages cross a process boundary: check the shape's tag before trusting it. */
export function isToEngine(value: unknown): value is ToEngine {
  return hasType(value, TO_ENGINE);
}

export function isFromEngine(value: unknown): value is FromEngine {
  return hasType(value, FROM_ENGINE);
}

export function unavailable(message: string): { ok: false; error: ApiErrorPayload } {
  return { ok: false, error: { kind: 'unavailable', message } };
}
