// electron-builder.yml is validated by scripts/check-builder-config.mjs (no electron-builder needed).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/check-builder-config.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'task-atlas-builder-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(file?: string) {
  return spawnSync(process.execPath, [SCRIPT, ...(file ? [file] : [])], { encoding: 'utf8' });
}

describe('electron-builder.yml', () => {
  it('passes the checker', () => {
    const out = execFileSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(out).toContain('ok');
  });

  it('fails on a missing target, a missing resource source and a broken line', () => {
    const original = readFileSync('electron-builder.yml', 'utf8');
    const broken = original
      .replace('    - nsis\n', '    - portable\n')
      .replace('  - from: resources\n', '  - from: no-such-dir\n')
      .concat('this line has no colon\n');
    // Relative sources resolve against the YAML's directory: from tmp, out/ and resources/ are missing too.
    const file = path.join(tmp, 'broken.yml');
    writeFileSync(file, broken.replace('this line has no colon\n', ''));
    const res1 = check(file);
    expect(res1.status).not.toBe(0);
    expect(res1.stderr).toContain('win.target must include nsis');
    expect(res1.stderr).toContain('extraResources: "no-such-dir" does not exist');
    expect(res1.stderr).toContain('files: "out/**"');
    const garbage = path.join(tmp, 'garbage.yml');
    writeFileSync(garbage, broken);
    const res = check(garbage);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/line \d+/);
  });
  it('requires the security fuses, spelled as electron-builder spells them', () => {
    const original = readFileSync('electron-builder.yml', 'utf8');
    const file = path.resolve('electron-builder.fuses-test.yml');
    try {
      writeFileSync(file, original.replace('  runAsNode: false\n', '  runAsNode: true\n').replace('  onlyLoadAppFromAsar: true\n', '  onlyLoadAppFromAsr: true\n'));
      const res = check(file);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('electronFuses.runAsNode must be false');
      expect(res.stderr).toContain('electronFuses.onlyLoadAppFromAsar must be true');
      expect(res.stderr).toContain('electronFuses.onlyLoadAppFromAsr is not a fuse electron-builder knows');
    } finally {
      rmSync(file, { force: true });
    }
  });
});
