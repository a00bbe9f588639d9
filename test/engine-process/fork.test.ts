// The real engine-process entry in a child process (Node's fork with a parentPort shim standing in
// for Electron's utility process), driven by the real relay: it reopens the most recent project,
// answers calls, hands API key changes to main, and comes back after being killed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppHost } from '../../src-main/engine/host';
import { EngineRelay, type EngineChild } from '../../src-main/engine-process/relay';
import type { EngineEvent } from '../../src-shared/events';
import { ROOT } from '../jobs/support';
import { until } from './fakes';

let dir: string;
let projectPath: string;

function forkEngine(pids: number[]): EngineChild {
  // No key from the developer's environment: the test checks where the key comes from.
  const env: NodeJS.ProcessEnv = { ...process.env, TASK_ATLAS_RESOURCES: join(ROOT, 'resources') };
  delete env.ANTHROPIC_API_KEY;
  const child = fork(join(__dirname, 'parent-port-shim.ts'), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (child.pid) pids.push(child.pid);
  return {
    postMessage: (message) => void child.send(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code ?? 1)),
    kill: () => void child.kill(),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-engine-process-'));
  // An existing recent project, so the engine reopens it instead of importing the bundled data.
  const seed = new AppHost({ configDir: join(dir, 'config'), resourcesDir: join(ROOT, 'resources'), env: {} });
  projectPath = seed.createProject(join(dir, 'study.sqlite')).path;
  await seed.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('engine process entry', () => {
  it('serves calls from a child process, persists key changes, and is restarted after a kill', async () => {
    const pids: number[] = [];
    const events: EngineEvent[] = [];
    const persisted: (string | null)[] = [];
    const relay = new EngineRelay({
      spawn: () => forkEngine(pids),
      init: () => ({ configDir: join(dir, 'config'), resourcesDir: null, defaultProject: join(dir, 'default.sqlite'), apiKey: null, keychainAvailable: false }),
      onEvent: (e) => events.push(e),
      persistSecret: (key) => persisted.push(key),
    });
    relay.start();
    expect(await relay.call('project.current', {})).toMatchObject({ ok: true, result: { path: projectPath } });
    expect(await relay.call('sources.list', {})).toMatchObject({ ok: true, result: expect.any(Array) });

    const status = await relay.call('settings.setApiKey', { key: 'sk-ant-engine-process-9876' });
    expect(status).toMatchObject({ ok: true, result: { present: true, source: 'session', hint: '9876' } });
    await until(() => persisted.length === 1, 'the key to reach main');
    expect(persisted).toEqual(['sk-ant-engine-process-9876']);

    process.kill(pids[0]!, 'SIGKILL');
    await until(() => events.some((e) => e.type === 'engine'), 'the restart event');
    expect(await relay.call('project.current', {})).toMatchObject({ ok: true, result: { path: projectPath } });
    expect(pids).toHaveLength(2);

    await relay.shutdown(10_000);
    expect(await relay.call('sources.list', {})).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });
});
