// Exposes one async function per contract call on window.taskAtlas, and a subscription to the
// events the engine pushes on window.taskAtlasEvents; the renderer never sees ipcRenderer itself.
// Each call resolves to the ApiResponse envelope.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_CALL_NAMES, type ApiCall } from '../../src-shared/calls';
import { API_CHANNEL, EVENT_CHANNEL, type EngineEventListener } from '../../src-shared/events';

const api = Object.fromEntries(
  API_CALL_NAMES.map((call: ApiCall) => [call, (args: unknown) => ipcRenderer.invoke(API_CHANNEL, call, args)]),
);

const events = {
  /** Calls `listener` with every EngineEvent until the returned function is called. */
  subscribe(listener: EngineEventListener): () => void {
    const forward = (_event: IpcRendererEvent, payload: Parameters<EngineEventListener>[0]) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('taskAtlas', api);
contextBridge.exposeInMainWorld('taskAtlasEvents', events);
