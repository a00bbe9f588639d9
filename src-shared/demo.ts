// Demo mode's names and labels, shared by the engine (which names and labels what a demo produces)
// and the renderer (banner, "simulated" costs). A demo runs the whole pipeline against the built-in
// fake Claude server and a random-weight stand-in embedding model: nothing it produces has meaning,
// so everything it produces says so.
import type { ProjectInfo } from './api';

/** Shown wherever a demo's results are described: reports, manifests, captions, the banner. */
export const DEMO_PROVENANCE = 'demo (simulated answers)';

/** Hierarchies and runs made in demo mode are named with this prefix. */
export const DEMO_PREFIX = 'demo-';

/** The bundled sample corpus is imported as this conversation dataset. */
export const DEMO_DATASET = 'demo-sample';

/** The bundled stand-in embedding model (resources/models/demo-tiny-bert). */
export const DEMO_EMBEDDING_MODEL = 'demo-tiny-bert';

/** The demo project's file name in the app's config folder: demo results never share a real project. */
export const DEMO_PROJECT_FILE = 'demo.sqlite';

/** `name` with the demo prefix (once). */
export function demoName(name: string): string {
  return name.startsWith(DEMO_PREFIX) ? name : `${DEMO_PREFIX}${name}`;
}

export interface DemoStatus {
  /** True while the demo project is the open project and demo mode serves its jobs. */
  active: boolean;
  /** The demo project file (where demo mode keeps everything it produces). */
  project: string;
  /** The project demo.stop returns to; null when demo mode was started with no other project open. */
  previous: string | null;
}

export interface DemoStartResult {
  project: ProjectInfo;
  previous: string | null;
  /** The sample corpus's dataset and how many conversations it holds. */
  dataset: string;
  conversations: number;
}
