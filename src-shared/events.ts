// Events the engine pushes to every front door (Electron IPC events, Server-Sent Events over HTTP,
// the CLI's terminal printer), so no one polls. One channel name per transport, defined once here.
import type { JobInfo } from './jobs';

/** The Electron channel that carries every contract call (ipcRenderer.invoke / ipcMain.handle). */
export const API_CHANNEL = 'task-atlas:api';
/** The Electron channel main uses to push EngineEvents to the window (webContents.send). */
export const EVENT_CHANNEL = 'task-atlas:event';
/** The HTTP transport's Server-Sent Events stream (GET, same token as the API calls). */
export const EVENTS_PATH = '/api/events';

export type EngineEvent =
  /** A job started, progressed, changed status or ended: the whole JobInfo, latest state. */
  | { type: 'job'; job: JobInfo }
  /** Progress of a call that reports it (reference imports: ApiProgress in api.ts), for whoever shows it. */
  | { type: 'progress'; call: string; progress: unknown }
  /** The engine process (desktop) died and was restarted: jobs it ran are offered for resume. */
  | { type: 'engine'; status: 'restarted'; message: string }
  /** The server was restarted (the browser tab's token is stale): the page must reload. */
  | { type: 'engine'; status: 'stale'; message: string };

export type EngineEventListener = (event: EngineEvent) => void;
