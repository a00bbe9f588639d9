// Every contract call through dispatch() with arguments the schemas must refuse: unknown keys on
// every call (the schemas are strict), and a wrong type or value per call. Handlers never run.
import { describe, expect, it } from 'vitest';
import { API_CALL_NAMES, type ApiCall } from '../../src-shared/api';
import type { ApiHandlers } from '../../src-main/engine/service';
import { callError } from './helpers';

// Valid arguments per call (unknown keys are added to these) and one invalid variant.
const CASES: Record<ApiCall, { valid: Record<string, unknown>; invalid: unknown }> = {
  'app.info': { valid: {}, invalid: [] },
  'sources.list': { valid: {}, invalid: 'x' },
  'reference.status': { valid: {}, invalid: 1 },
  'reference.importFile': { valid: { kind: 'wages', path: 'a.csv' }, invalid: { kind: 'wages', path: '' } },
  'reference.importRelease': { valid: { dir: 'd' }, invalid: { dir: 3 } },
  'analysis.reproduce': { valid: {}, invalid: { sourceId: '' } },
  'paper.reference': { valid: {}, invalid: 7 },
  'project.current': { valid: {}, invalid: 'now' },
  'project.open': { valid: { path: 'p.sqlite' }, invalid: {} },
  'project.create': { valid: { path: 'p' }, invalid: { path: '' } },
  'project.recent': { valid: {}, invalid: [1] },
  'project.steps': { valid: {}, invalid: true },
  'reference.importBundled': { valid: {}, invalid: 'all' },
  'reference.preview': { valid: { kind: 'wages', path: 'w.csv' }, invalid: { kind: 'salaries', path: 'w.csv' } },
  'hierarchy.list': { valid: {}, invalid: 0 },
  'hierarchy.estimate': { valid: { config: {} }, invalid: { config: { sampleSize: 10 } } },
  'hierarchy.nodes': { valid: { id: 'h' }, invalid: { id: 'h', limit: 0 } },
  'hierarchy.import': { valid: { path: 'h.json' }, invalid: { path: 1 } },
  'hierarchy.export': { valid: { id: 'h', path: 'h.json' }, invalid: { id: 'h' } },
  'conversations.preview': { valid: { path: 'c.jsonl' }, invalid: { path: 'c.jsonl', format: '' } },
  'conversations.datasets': { valid: {}, invalid: 'x' },
  'classify.estimate': {
    valid: { config: { name: 'r', datasets: ['d'], hierarchyId: 'h' } },
    invalid: { config: { name: 'bad name!', datasets: ['d'], hierarchyId: 'h' } },
  },
  'classify.runs': { valid: {}, invalid: 2 },
  'analysis.runReport': { valid: { run: 'r' }, invalid: { run: '' } },
  'analysis.compare': { valid: { a: 'x', b: 'y' }, invalid: { a: 'x' } },
  'analysis.reconstruction': { valid: { run: 'r' }, invalid: { run: '' } },
  'analysis.sensitivity': { valid: { run: 'r', conversations: [1, 15] }, invalid: { run: 'r', accounts: [0] } },
  'reconstruct.estimate': { valid: { config: { run: 'r', levels: [10, 100] } }, invalid: { config: { run: 'r', levels: [1] } } },
  'review.bundle': { valid: {}, invalid: 'b' },
  'validate.sample': { valid: { run: 'r', facet: 'task' }, invalid: { run: 'r', facet: 'skills' } },
  'validate.importLabels': { valid: { paths: ['labels.json'] }, invalid: { paths: [] } },
  'validate.importLabelsContent': { valid: { files: [{ name: 'l.json', text: '{}' }] }, invalid: { files: [{ name: '', text: '{}' }] } },
  'validate.report': { valid: { run: 'r' }, invalid: { run: '' } },
  'jobs.start': {
    valid: { kind: 'export.run', args: { run: 'r', outDir: 'out' } },
    invalid: { kind: 'export.run', args: { run: 'r', source: 's', outDir: 'out' } },
  },
  'jobs.list': { valid: {}, invalid: 'all' },
  'jobs.cancel': { valid: { id: 'j', mode: 'pause' }, invalid: { id: 'j', mode: 'stop' } },
  'jobs.resume': { valid: { id: 'j' }, invalid: { id: '' } },
  'jobs.dismiss': { valid: { id: 'j' }, invalid: {} },
  'settings.get': { valid: {}, invalid: 'k' },
  'settings.update': { valid: { theme: 'dark' }, invalid: { models: { task: '' } } },
  'settings.setApiKey': { valid: { key: 'sk-ant-0123456789' }, invalid: { key: 'short' } },
  'demo.start': { valid: {}, invalid: { path: '' } },
  'demo.stop': { valid: {}, invalid: { path: 'x' } },
  'demo.status': { valid: {}, invalid: { on: true } },
  'settings.installModel': { valid: { path: '/models/x' }, invalid: { path: '' } },
};

// Any handler running would be a bug in validation: make that loud.
const handlers = new Proxy({} as ApiHandlers, {
  get: (_t, name) => () => Promise.reject(new Error(`handler ${String(name)} ran on invalid arguments`)),
});

describe('argument validation through dispatch()', () => {
  it('has a case for every call of the contract', () => {
    expect(Object.keys(CASES).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it.each(API_CALL_NAMES.map((c) => [c]))('%s rejects unknown keys and bad values', async (name) => {
    const { valid, invalid } = CASES[name];
    const unknownKey = await callError(handlers, name, { ...valid, surplus: 1 });
    expect(unknownKey.kind).toBe('invalid-args');
    expect(unknownKey.message).toContain(name);
    const bad = await callError(handlers, name, invalid);
    expect(bad.kind).toBe('invalid-args');
  });

  it('rejects unknown keys nested in job arguments, settings models and column mappings', async () => {
    for (const [name, args] of [
      ['jobs.start', { kind: 'classify.run', args: { name: 'r', datasets: ['d'], hierarchyId: 'h', colour: 'red' } }],
      ['jobs.start', { kind: 'conversations.import', args: { path: 'c.csv', mapping: { text: 'q', extra: 'x' } } }],
      ['settings.update', { models: { task: 'claude-x', planner: 'y' } }],
      ['hierarchy.estimate', { config: { levels: 3, depth: 2 } }],
    ] as const) {
      expect((await callError(handlers, name, args)).kind).toBe('invalid-args');
    }
  });

  it('never echoes the rejected value of an API key', async () => {
    const e = await callError(handlers, 'settings.setApiKey', { key: 'sk-tiny', note: 'sk-ant-should-not-echo' });
    expect(e.message).not.toContain('sk-tiny');
    expect(e.message).not.toContain('sk-ant-should-not-echo');
  });
});
