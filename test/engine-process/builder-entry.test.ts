// A packaged app whose bundle lacks the engine-process entry could not start its engine: the
// electron-builder check refuses such an out/ folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/check-builder-config.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-engine-entry-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('builder check and the engine-process entry', () => {
  it('fails without out/main/engine-process.js and passes with it', () => {
    mkdirSync(path.join(tmp, 'out', 'main'), { recursive: true });
    mkdirSync(path.join(tmp, 'resources'));
    copyFileSync('electron-builder.yml', path.join(tmp, 'electron-builder.yml'));
    copyFileSync('package.json', path.join(tmp, 'package.json'));
    const run = () => spawnSync(process.execPath, [SCRIPT, path.join(tmp, 'electron-builder.yml')], { encoding: 'utf8' });
    const missing = run();
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('out/main/engine-process.js (the engine process) is missing');
    writeFileSync(path.join(tmp, 'out', 'main', 'engine-process.js'), '');
    const present = run();
    expect(present.stderr).toBe('');
    expect(present.status).toBe(0);
  });
});
