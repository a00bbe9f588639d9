// The classify form's draft as a reducer over what happens to it (the user types, the run list
// loads, a run starts), so the rules for the run name are pure and tested without a DOM.
import type { JobArgs } from '../../../src-shared/jobs';
import { suggestRunName, type ClassifyDraft } from './classify-args';

export type DraftEvent =
  | { type: 'set'; patch: Partial<ClassifyDraft> }
  | { type: 'runs-loaded'; runs: readonly string[] }
  | { type: 'started'; args: JobArgs<'classify.run'> };

export function draftReducer(draft: ClassifyDraft, event: DraftEvent): ClassifyDraft {
  switch (event.type) {
    case 'set':
      return { ...draft, ...event.patch };
    case 'runs-loaded':
      // Suggest a free run name once the existing runs are known, never over a typed one.
      return draft.name ? draft : { ...draft, name: suggestRunName(event.runs) };
    case 'started':
      // The form keeps saying which run is running: replacing the name the moment the run
      // starts read as the form resetting. A later run gets its name from the user (nameNote).
      return draft;
  }
}

/** A note beside the name when a run already has it: starting again would continue that run. */
export function nameNote(name: string, runs: readonly string[] | undefined): string | undefined {
  const trimmed = name.trim();
  if (!trimmed || !runs?.includes(trimmed)) return undefined;
  return `A run named “${trimmed}” already exists: Run continues it (with the same settings only); give a new run another name.`;
}
