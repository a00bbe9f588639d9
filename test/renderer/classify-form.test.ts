// Issue #12, bug 6: the Classify form reset the run name as soon as a run started. The form's
// draft goes through draftReducer (src-renderer/features/classify/draft.ts); these are the events
// the form sees around a start: typing, the run list loading, the start, the list reloading.
import { describe, expect, it } from 'vitest';
import { classifyArgs, defaultDraft, type ClassifyDraft } from '../../src-renderer/features/classify/classify-args';
import { draftReducer, nameNote, type DraftEvent } from '../../src-renderer/features/classify/draft';

const play = (events: DraftEvent[], from: ClassifyDraft = defaultDraft()): ClassifyDraft => events.reduce(draftReducer, from);

function filled(name: string): ClassifyDraft {
  return play([{ type: 'set', patch: { name, datasets: ['wildchat'], hierarchyId: 'h1' } }]);
}

function started(draft: ClassifyDraft): DraftEvent {
  const parsed = classifyArgs(draft);
  if (!parsed.ok) throw new Error(parsed.error);
  return { type: 'started', args: parsed.args };
}

describe('Classify form: the run name', () => {
  it('keeps the name the user typed when the run starts', () => {
    const draft = filled('my-first-run');
    const after = play([started(draft)], draft);
    expect(after.name).toBe('my-first-run');
    expect(after).toEqual(draft);
  });

  it('keeps it when the run list reloads as the run settles', () => {
    const draft = filled('my-first-run');
    const after = play([{ type: 'runs-loaded', runs: ['run-1'] }, started(draft), { type: 'runs-loaded', runs: ['run-1', 'my-first-run'] }], draft);
    expect(after.name).toBe('my-first-run');
  });

  it('keeps a suggested name too, once a run with it starts', () => {
    const suggested = play([{ type: 'runs-loaded', runs: ['run-1'] }, { type: 'set', patch: { datasets: ['d'], hierarchyId: 'h' } }]);
    expect(suggested.name).toBe('run-2');
    expect(play([started(suggested)], suggested).name).toBe('run-2');
  });

  it('suggests a free name only while the field is empty', () => {
    expect(play([{ type: 'runs-loaded', runs: ['run-1', 'run-2'] }]).name).toBe('run-3');
    expect(play([{ type: 'set', patch: { name: 'mine' } }, { type: 'runs-loaded', runs: [] }]).name).toBe('mine');
  });

  it('says when the name is an existing run’s, without changing it', () => {
    expect(nameNote('my-first-run', ['run-1', 'my-first-run'])).toMatch(/“my-first-run” already exists.*another name/);
    expect(nameNote(' my-first-run ', ['my-first-run'])).toBeDefined();
    expect(nameNote('new-run', ['run-1'])).toBeUndefined();
    expect(nameNote('new-run', undefined)).toBeUndefined();
  });
});

describe('Classify form: time window and intervals', () => {
  const base = filled('dec');

  it('passes the window and the bootstrap settings to the run', () => {
    const parsed = classifyArgs({ ...base, from: '2024-12-01', to: '2024-12-31', replicates: '2000', bootstrapSeed: '7' });
    expect(parsed.ok && parsed.args).toMatchObject({ window: { from: '2024-12-01', to: '2024-12-31' }, replicates: 2000, bootstrapSeed: 7 });
    const open = classifyArgs({ ...base, to: '2024-12-31' });
    expect(open.ok && open.args.window).toEqual({ to: '2024-12-31' });
    const none = classifyArgs(base);
    expect(none.ok && none.args.window).toBeUndefined();
    expect(none.ok && none.args.replicates).toBe(1000);
  });

  it('says what is wrong with a bad window or replicate count', () => {
    expect(classifyArgs({ ...base, from: '2024-02-30' })).toEqual({ ok: false, error: 'From must be a date YYYY-MM-DD (got “2024-02-30”)' });
    expect(classifyArgs({ ...base, from: '2024-12-31', to: '2024-12-01' })).toEqual({ ok: false, error: 'The time window starts (2024-12-31) after it ends (2024-12-01)' });
    expect(classifyArgs({ ...base, replicates: '-1' })).toEqual({ ok: false, error: 'Bootstrap replicates must be at least 0' });
  });
});
