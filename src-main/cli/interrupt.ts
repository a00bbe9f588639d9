// Long commands (hierarchy build, classify) stop cleanly on Ctrl+C: the signal reaches every step,
// requests already sent are allowed to finish and are recorded, and the same command resumes.
import { setMaxListeners } from 'node:events';
import { isCancelled } from '../engine/pipeline/cancel';

export async function interruptible(run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  // Every in-flight request listens on the one signal; that is expected, not a leak.
  setMaxListeners(0, controller.signal);
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await run(controller.signal);
  } catch (err) {
    if (!isCancelled(err)) throw err;
    process.stderr.write('\ncancelled: run the same command again to resume where it stopped\n');
    return 130;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
