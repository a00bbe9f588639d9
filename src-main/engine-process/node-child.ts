// Forks the engine as a plain Node child process (the browser build's `task-atlas serve`), the
// counterpart of Electron's utilityProcess in ipc/engine-child.ts: hierarchy builds, k-means and
// aggregation run there, so the HTTP thread only relays and always answers.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { EngineChild } from './relay';

const ENTRY = fileURLToPath(new URL('./node-entry.mjs', import.meta.url));

export function forkNodeEngine(env: NodeJS.ProcessEnv = process.env): EngineChild {
  const child = fork(ENTRY, [], {
    // Structured clone, as Electron's ports: Float32Arrays and Maps survive the trip.
    serialization: 'advanced',
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    // After the child died (its exit listener reports that) a message has no one to go to: the
    // callback takes the send error that would otherwise crash `serve` as an unhandled 'error'.
    postMessage: (message) => void (child.connected && child.send(message, () => {})),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code ?? (signal ? 128 : 1))),
    kill: () => void child.kill('SIGKILL'),
  };
}
