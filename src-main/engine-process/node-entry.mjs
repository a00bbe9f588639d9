// The engine process outside Electron (`task-atlas serve`): a plain Node child process whose IPC
// channel stands in for Electron's `process.parentPort` (messages wrapped in { data } as Electron
// delivers them), so the same entry and protocol serve the desktop app and the browser build. Plain
// .mjs: it registers tsx itself, since a forked child does not inherit the parent's loader. The
// prebuilt CLI bundle (scripts/cli-bundle.mjs) bundles this very file, with tsx's register a no-op.
import { register } from 'tsx/esm/api';

const parentPort = {
  on(event, listener) {
    process.on(event, (data) => listener({ data }));
    return parentPort;
  },
  postMessage(message) {
    process.send?.(message);
  },
};
Object.assign(process, { parentPort });
// The parent going away (Ctrl+C on serve, a crash) must not leave an orphaned engine holding the project.
process.on('disconnect', () => process.exit(0));
// Ctrl+C in a terminal signals the whole process group. The parent pauses the jobs and shuts this
// process down over the channel; dying at once here would skip the pause.
process.on('SIGINT', () => {});

register();
await import('./index.ts');
