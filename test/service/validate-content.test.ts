// Label files chosen or dropped in the app arrive as contents, not server paths
// (validate.importLabelsContent): the same checks and merge as the path variant, and errors name the
// file as the user knows it, with the line of a JSON mistake.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeProject, type Project } from '../../src-main/engine/project';
import { createService, type ApiHandlers } from '../../src-main/engine/service';
import type { Label, ValidationPacket } from '../../src-shared/validation';
import { RUN, labelFile } from '../validate/helpers';
import { call, callError } from './helpers';
import { validationProject } from './validate-fixture';

let project: Project;
let api: ApiHandlers;
let packet: ValidationPacket;

beforeAll(async () => {
  ({ project } = validationProject());
  api = createService(project);
  packet = (await call(api, 'validate.sample', { run: RUN, facet: 'pattern', size: 5, method: 'simple' })).packet;
});
afterAll(() => closeProject(project));

const labels = (): Label[] =>
  packet.items.map((it) => ({ itemId: it.itemId, facet: 'pattern', pattern: { correct: true }, skipped: false, labelledAt: '2025-02-01T10:00:00Z' }));
const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('task-atlas-labels-'));

describe('validate.importLabelsContent', () => {
  it('merges label files sent as contents and leaves no temporary file behind', async () => {
    const before = leftovers().length;
    const text = JSON.stringify(labelFile(packet, 'carol', labels()));
    expect(await call(api, 'validate.importLabelsContent', { files: [{ name: 'carol.json', text }] })).toEqual({
      files: 1,
      added: 5,
      replaced: 0,
      keptExisting: 0,
    });
    expect(await call(api, 'validate.importLabelsContent', { files: [{ name: 'carol.json', text }] })).toMatchObject({ added: 0, keptExisting: 5 });
    expect(leftovers().length).toBe(before);
  });

  it('names the chosen file and the line of a JSON mistake, and writes nothing', async () => {
    const count = () => project.db.prepare('SELECT COUNT(*) FROM validation_label').pluck().get();
    const before = count();
    const good = JSON.stringify(labelFile(packet, 'dave', labels()));
    const e = await callError(api, 'validate.importLabelsContent', {
      files: [
        { name: 'dave.json', text: good },
        { name: 'C:\\Users\\eve\\broken labels.json', text: '{\n  "format": "task-atlas.validation-labels",\n  "labels": [1 2]\n}\n' },
      ],
    });
    expect(e).toMatchObject({ kind: 'import', file: 'C:\\Users\\eve\\broken labels.json', line: 3 });
    expect(e.message).not.toContain('task-atlas-labels-');
    expect(count()).toBe(before);
  });
});
