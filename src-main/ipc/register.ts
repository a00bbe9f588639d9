// The only place that touches ipcMain. One channel carries every contract call; main does not run
// them: it relays each to the engine process, whose dispatch() validates the call name and arguments
// with the shared zod schemas before any handler runs. Engine events go out to every window on the
// event channel. Arguments are never logged (settings.setApiKey carries the API key).
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiCall, ApiResponse } from '../../src-shared/api';
import { API_CHANNEL, EVENT_CHANNEL, type EngineEvent } from '../../src-shared/events';
import type { Logger } from '../engine/log';
import { isTrustedPage, type TrustedPages } from './trust';

export interface CallRelay {
  call(call: string, args: unknown): Promise<ApiResponse<ApiCall>>;
}

export function registerIpc(relay: CallRelay, pages: TrustedPages, logger?: Logger): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, call: unknown, args: unknown) => {
    if (!isTrustedSender(event, pages)) {
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

/** Only our own renderer's top frame may call the engine (an iframe inside it may not). */
function isTrustedSender(event: IpcMainInvokeEvent, pages: TrustedPages): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedPage(frame.url, pages);
}
