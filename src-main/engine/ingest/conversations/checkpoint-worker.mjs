// The checkpointer thread of a large conversation import (see checkpointer.ts): a second SQLite
// connection to the project file that checkpoints the write-ahead log PASSIVE every `everyMs` until
// told to stop. Plain .mjs on purpose, like embed/embed-worker.mjs: it needs no TypeScript loader,
// so the thread is only a small isolate and SQLite, under tsx, vitest and the bundles alike.
//
// Protocol: workerData = { path, everyMs }; main -> worker: any message = stop (close and exit);
// worker -> main: { name, message } when a checkpoint failed (the thread then stops).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.mjs must run as a worker thread');

const db = new Database(workerData.path, { fileMustExist: true });
let timer;

function stop() {
  clearTimeout(timer);
  db.close();
  port.close();
}

function tick() {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    port.postMessage({ name: err.name, message: err.message });
    stop();
    return;
  }
  timer = setTimeout(tick, workerData.everyMs);
}

port.once('message', stop);
tick();
