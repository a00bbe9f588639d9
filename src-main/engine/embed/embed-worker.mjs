// Worker thread that owns the transformers.js pipeline. Tokenising and ONNX inference of ~20K task
// statements takes seconds to minutes; doing it here keeps the main process (IPC, HTTP server,
// UI progress) responsive. Plain .mjs on purpose: it runs without a TypeScript loader under tsx,
// vitest and a bundled app alike.
//
// Protocol: workerData = { modelId, modelPath?, localModelPath, cacheDir, allowRemote, dtype }; modelPath
// (an absolute model folder found on disk) is loaded instead of looking modelId up.
//   worker -> main: { type: 'ready', dim, threadId } | { type: 'fatal', message }
//   main -> worker: { type: 'embed', id, texts } -> { type: 'result', id, data: Float32Array, dim }
//                                                  | { type: 'error', id, message }
//   main -> worker: { type: 'close' } -> the worker frees the ONNX session and exits.
import { setPriority } from 'node:os';
import { parentPort, threadId, workerData } from 'node:worker_threads';

// On Linux a thread has its own nice value and ONNX's compute threads inherit it: lowered before the
// model loads, inference gives way to the thread that serves the window or the HTTP transport.
if (process.platform === 'linux') {
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted in some sandboxes: inference then competes at normal priority.
  }
}

const port = parentPort;
if (!port) throw new Error('embed-worker.mjs must run as a worker thread');

/** @returns {Promise<(texts: string[]) => Promise<{ data: Float32Array, dims: number[] }>>} */
async function loadPipeline() {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowLocalModels = true;
  env.allowRemoteModels = workerData.allowRemote;
  env.localModelPath = workerData.localModelPath;
  env.cacheDir = workerData.cacheDir;
  const extractor = await pipeline('feature-extraction', workerData.modelPath ?? workerData.modelId, {
    dtype: workerData.dtype,
    device: 'cpu',
    local_files_only: !workerData.allowRemote,
  });
  const run = async (texts) => {
    // Mean pooling over real tokens + L2 norm: the sentence-transformers recipe for these models.
    const out = await extractor(texts, { pooling: 'mean', normalize: true });
    return { data: out.data, dims: out.dims };
  };
  run.dispose = () => extractor.dispose();
  return run;
}

function message(err) {
  return err instanceof Error ? err.message : String(err);
}

async function main() {
  let run;
  try {
    run = await loadPipeline();
    // One probe tells the dimension even for models whose config names it differently.
    const probe = await run(['dimension probe']);
    port.postMessage({ type: 'ready', dim: probe.dims[1], threadId });
  } catch (err) {
    port.postMessage({ type: 'fatal', message: message(err) });
    port.close();
    return;
  }
  // Requests run one at a time, in arrival order, so ONNX never sees concurrent runs.
  let queue = Promise.resolve();
  port.on('message', (msg) => {
    queue = queue.then(() => handle(run, msg));
  });
}

async function handle(run, msg) {
  if (msg.type === 'close') {
    await run.dispose();
    port.close();
    return;
  }
  try {
    const { data } = await run(msg.texts);
    // Copy into a fresh buffer we can transfer (the tensor's may be a view over a larger one).
    const copy = Float32Array.from(data);
    port.postMessage({ type: 'result', id: msg.id, data: copy }, [copy.buffer]);
  } catch (err) {
    port.postMessage({ type: 'error', id: msg.id, message: message(err) });
  }
}

void main();
