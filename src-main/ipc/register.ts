// The only place that touches ipcMain. One channel carries every contract call; main does not run
// them: it relays each to the engine process, whose dispatch() validates the call name and arguments
// with the shared zod schemas before any handler runs. Engine events go out to every window on the
// event channel. Arguments are never logged (settings.setApiKey carries the API key).
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiCall, ApiResponse } from '../../src-shared/api';
import { API_CHANNEL, EVENT_CHANNEL, type EngineEvent } from '../../src-shared/events';
import type { Logger } from '../engine/log';

export interface CallRelay {
  call(call: string, args: unknown): Promise<ApiResponse<ApiCall>>;
}

export function registerIpc(relay: CallRelay, logger?: Logger): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, call: unknown, args: unknown) => {
    if (!isTrustedSender(event)) {
      logger?.warn('ipc.untrusted-sender', { url: event.senderFrame?.url ?? '' });
      return { ok: false, error: { kind: 'internal', message: 'untrusted sender' } };
    }
    return relay.call(String(call), args);
  });
}

/** Pushes an engine event to every open window (the renderer subscribes through the preload). */
export function broadcast(event: EngineEvent): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  }
}

/** Only our own renderer (file:// build or the local dev server) may call the engine. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith('file://') || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL));
}
