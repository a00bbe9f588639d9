// Entry of a task worker thread: runs the one task named in workerData and posts its result (or its
// error, as data) back. Progress goes out as it happens. The thread exits when the task is done.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { TASKS } from './registry';
import { toWireError, type TaskReply, type TaskRequest } from './wire';

const port = parentPort;
if (!port) throw new Error('task-worker must run as a worker thread');

/**
 * On Linux a nice value is per thread: this worker yields the CPU to the thread serving HTTP/IPC
 * when cores are scarce (2 cores, k-means and the embedder both busy). Only called on Linux: on
 * macOS and Windows it would lower the whole process, transport thread included.
 */
function yieldToTransport(): void {
  try {
    setPriority(0, 10);
  } catch {
    // not permitted here: run at normal priority
  }
}

async function main(request: TaskRequest): Promise<void> {
  const post = (reply: TaskReply, transfer: ArrayBuffer[] = []) => port!.postMessage(reply, transfer);
  try {
    const load = TASKS[request.task];
    if (!load) throw new Error(`unknown worker task "${request.task}"`);
    const run = await load();
    const { value, transfer } = await run(request.args as never, (progress) => post({ type: 'progress', value: progress }));
    post({ type: 'result', value }, transfer);
  } catch (err) {
    post({ type: 'error', error: toWireError(err) });
  }
}

if (process.platform === 'linux') yieldToTransport();
void main(workerData as TaskRequest);
