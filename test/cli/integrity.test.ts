// Other content under an id the project already has (#13 item 3), from the command line: refused
// with exit 2 and the way out named (--as for a hierarchy, --replace or another --dataset for a
// reference file); the same content again changes nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-capture';
import { closeProject, openProject } from '../../src-main/engine/project';
import { importHierarchy } from '../../src-main/engine/hierarchy/store';
import { TINY_HIERARCHY } from '../fixtures/tiny-hierarchy';

const MINI = resolve(__dirname, '../fixtures/mini-release');
let dir: string;
let project: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-integrity-'));
  project = join(dir, 'p.sqlite');
  const p = openProject(project);
  importHierarchy(p.db, 'h.json', TINY_HIERARCHY);
  closeProject(p);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import under an existing id', () => {
  it('hierarchy: same content is a no-op, other content is refused, --as imports it beside', async () => {
    const same = join(dir, 'same.json');
    writeFileSync(same, JSON.stringify(TINY_HIERARCHY));
    const again = await cli(['hierarchy', 'import', '--project', project, '--file', same]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(new RegExp(`^already had hierarchy ${TINY_HIERARCHY.id} `));

    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...TINY_HIERARCHY, name: 'x', nodes: TINY_HIERARCHY.nodes.map((n, i) => (i === 0 ? { ...n, name: 'Renamed task.' } : n)) }));
    const refused = await cli(['hierarchy', 'import', '--project', project, '--file', other]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/^error: the project already has a hierarchy "[^"]+" with different content .*--as NEW_ID/);
    const beside = await cli(['hierarchy', 'import', '--project', project, '--file', other, '--as', 'tiny-edited']);
    expect(beside.code, beside.err).toBe(0);
    expect(beside.out).toMatch(/^imported hierarchy tiny-edited \(\d+ nodes, content [0-9a-f]{12}\)/);
  });

  it('reference file: a different file under the same dataset needs --replace', async () => {
    const wages = join(dir, 'wage_data.csv');
    const lines = readFileSync(join(MINI, 'wage_data.csv'), 'utf8').trim().split('\n');
    const first = await cli(['import', '--project', project, '--kind', 'wages', '--file', join(MINI, 'wage_data.csv'), '--dataset', 'w']);
    expect(first.code, first.err).toBe(0);
    writeFileSync(wages, lines.slice(0, -1).join('\n') + '\n');
    const refused = await cli(['import', '--project', project, '--kind', 'wages', '--file', wages, '--dataset', 'w']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('dataset "w" already holds a different wages file');
    const replaced = await cli(['import', '--project', project, '--kind', 'wages', '--file', wages, '--dataset', 'w', '--replace']);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toContain(`imported ${lines.length - 2} rows of wages into dataset "w"`);
  });
});
