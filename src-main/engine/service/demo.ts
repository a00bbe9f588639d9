// Demo mode: start it (the demo project, with the bundled data and sample corpus, served by the
// built-in fake Claude server and the bundled tiny model), stop it (back to the previous project),
// and ask whether it is on (the renderer's banner).
import type { AppHost } from '../host';
import { startDemo, stopDemo } from '../demo/prepare';
import type { HandlerGroup } from './types';

export function demoHandlers(host: AppHost): HandlerGroup<'demo.start' | 'demo.stop' | 'demo.status'> {
  return {
    'demo.start': async (args) => startDemo(host, args.path),
    'demo.stop': async () => stopDemo(host),
    'demo.status': async () => host.demo.status(host.hasProject ? host.project.path : null),
  };
}
