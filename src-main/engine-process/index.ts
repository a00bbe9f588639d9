// The engine process entry: Electron's main forks this file as a utilityProcess, so hierarchy builds,
// k-means and aggregation never block a window. Node only, no Electron import: the one Electron thing
// it uses is `process.parentPort`, present in a utility process (typed here), which a test replaces
// with a shim over a plain Node child process channel.
import { bootEngine } from './boot';
import { EngineEndpoint } from './endpoint';
import type { FromEngine, MessagePortLike } from './protocol';

/** The slice of Electron's ParentPort this file uses: messages arrive wrapped in { data }. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('task-atlas engine: no parent port (start it through the desktop app, not directly)');
  process.exit(2);
}

const port: MessagePortLike<unknown, FromEngine> = {
  postMessage: (message) => parentPort.postMessage(message),
  onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
};

new EngineEndpoint(port, bootEngine, (code) => process.exit(code)).start();
