// Exposes one async function per contract call on window.taskAtlas; the renderer never sees
// ipcRenderer itself. Each function resolves to the ApiResponse envelope.
import { contextBridge, ipcRenderer } from 'electron';
import { API_CALL_NAMES, type ApiCall } from '../../src-shared/calls';

const API_CHANNEL = 'task-atlas:api';

const api = Object.fromEntries(
  API_CALL_NAMES.map((call: ApiCall) => [call, (args: unknown) => ipcRenderer.invoke(API_CHANNEL, call, args)]),
);

contextBridge.exposeInMainWorld('taskAtlas', api);
