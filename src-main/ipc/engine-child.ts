// Forks the engine as an Electron utility process: a Chromium-managed Node child whose parent port
// carries the relay's messages, so the engine's CPU work never blocks a window or an IPC answer.
import { utilityProcess } from 'electron';
import type { EngineChild } from '../engine-process/relay';

export function forkEngine(modulePath: string): EngineChild {
  const child = utilityProcess.fork(modulePath, [], { serviceName: 'Task Atlas engine', stdio: 'inherit' });
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
