// The only place that touches ipcMain. One channel carries every contract call; dispatch() validates
// the call name and arguments with the shared zod schemas before any handler runs. Arguments are
// never logged (settings.setApiKey carries the API key).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../engine/dispatch';
import type { ApiHandlers } from '../engine/service';
import type { Logger } from '../engine/log';

export const API_CHANNEL = 'task-atlas:api';

export function registerIpc(handlers: ApiHandlers, logger?: Logger): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, call: unknown, args: unknown) => {
    if (!isTrustedSender(event)) {
      logger?.warn('ipc.untrusted-sender', { url: event.senderFrame?.url ?? '' });
      return { ok: false, error: { kind: 'internal', message: 'untrusted sender' } };
    }
    return dispatch(handlers, String(call), args, { transport: 'ipc', logger });
  });
}

/** Only our own renderer (file:// build or the local dev server) may call the engine. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith('file://') || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL));
}
