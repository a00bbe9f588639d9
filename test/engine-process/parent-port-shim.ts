// Runs the engine-process entry in a plain Node child process: Electron's utility process offers
// `process.parentPort`; here it is built over Node's IPC channel (messages wrapped in { data } the
// way Electron delivers them), then the real entry file is loaded.
const parentPort = {
  on(event: 'message', listener: (event: { data: unknown }) => void) {
    process.on(event, (data: unknown) => listener({ data }));
    return parentPort;
  },
  postMessage(message: unknown) {
    process.send?.(message);
  },
};
Object.assign(process, { parentPort });
await import('../../src-main/engine-process/index');

export {};
