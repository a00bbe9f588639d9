// Validate's pure helpers and store, without a DOM: packet checks, labelling actions, undo, resume
// and the exported label file.
import { describe, expect, it } from 'vitest';
import {
  LabelFileSchema,
  PACKET_FORMAT,
  PATTERN_OPTIONS,
  type Label,
  type ValidationItem,
  type ValidationPacket,
} from '../../src-shared/validation';
import {
  applyAction,
  buildLabelFile,
  createSession,
  currentLevel,
  firstUnlabelled,
  goTo,
  isComplete,
  labelFileName,
  labelledCount,
  levelName,
  parsePacket,
  sha256Hex,
  storageKey,
  undo,
  type Session,
} from '../../src-renderer/features/validate/labelling';
import { parseInline, parseMarkdown } from '../../src-renderer/features/validate/markdown';
import { createValidateStore } from '../../src-renderer/features/validate/store';

const NOW = '2025-02-03T04:05:06.000Z';
const PATH = [
  { level: 0, chosen: 'A', options: ['A', 'B'] },
  { level: 1, chosen: 'A1', options: ['A1', 'A2'] },
  { level: 2, chosen: 'A1x', options: ['A1x', 'A1y'] },
];
const task = (id: string): ValidationItem => ({
  itemId: id,
  facet: 'task',
  conversation: [{ role: 'user', content: 'hi' }],
  redacted: false,
  path: PATH,
});
const pattern = (id: string, chosen = 'directive'): ValidationItem => ({
  itemId: id,
  facet: 'pattern',
  conversation: [{ role: 'user', content: 'hi' }],
  redacted: false,
  pattern: { chosen, options: [...PATTERN_OPTIONS] },
});

async function makePacket(items: ValidationItem[] = [task('t1'), pattern('p1'), task('t2')]): Promise<ValidationPacket> {
  return {
    format: PACKET_FORMAT,
    version: 1,
    packetId: 'pkt',
    runId: 'run',
    createdAt: NOW,
    sampling: { method: 'simple', seed: 1, size: items.length },
    items,
    checksum: await sha256Hex(JSON.stringify(items)),
  };
}

describe('sha256Hex', () => {
  it('matches the known digest of "abc"', async () => {
    await expect(sha256Hex('abc')).resolves.toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('parsePacket', () => {
  it('accepts a well-formed packet', async () => {
    const packet = await makePacket();
    const result = await parsePacket(JSON.stringify(packet));
    expect(result.ok).toBe(true);
  });

  it('refuses non-JSON, foreign files, label files, malformed packets and a wrong checksum', async () => {
    const packet = await makePacket();
    const cases: [string, RegExp][] = [
      ['{"format": "task-atlas.validation-pack', /not valid JSON/],
      [JSON.stringify({ hello: 'world' }), /not a Task Atlas validation packet/],
      [JSON.stringify({ format: 'task-atlas.validation-labels' }), /label file/],
      [JSON.stringify({ ...packet, items: [] }), /malformed at items/],
      [JSON.stringify({ ...packet, items: [{ ...task('t1'), path: undefined }] }), /has no path/],
      [JSON.stringify({ ...packet, items: [task('t1'), task('t1')] }), /appears twice/],
      [JSON.stringify({ ...packet, items: [...packet.items].reverse() }), /checksum does not match/],
    ];
    for (const [text, message] of cases) {
      const result = await parsePacket(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });
});

describe('labelling actions', () => {
  it('judges a task path level by level and moves on after the last level', async () => {
    let s = createSession(await makePacket(), 'Ada');
    const t1 = s.packet.items[0]!;
    expect(currentLevel(t1, s.labels.t1)).toBe(0);
    s = applyAction(s, { type: 'level', correct: true }, NOW);
    expect(currentLevel(t1, s.labels.t1)).toBe(1);
    expect(s.index).toBe(0);
    expect(isComplete(t1, s.labels.t1)).toBe(false);
    s = applyAction(s, { type: 'level', correct: true }, NOW);
    s = applyAction(s, { type: 'level', correct: true }, NOW);
    expect(s.labels.t1?.levels).toEqual([
      { level: 0, correct: true },
      { level: 1, correct: true },
      { level: 2, correct: true },
    ]);
    expect(s.index).toBe(1);
    expect(labelledCount(s)).toBe(1);
  });

  it('stops at the first incorrect level: lower levels are not judged', async () => {
    let s = createSession(await makePacket(), 'Ada');
    s = applyAction(s, { type: 'level', correct: false }, NOW);
    expect(s.labels.t1?.levels).toEqual([{ level: 0, correct: false }]);
    expect(isComplete(s.packet.items[0]!, s.labels.t1)).toBe(true);
    expect(s.index).toBe(1);
  });

  it('judges patterns: y is correct, a pick is incorrect unless it equals the chosen one', async () => {
    let s = goTo(createSession(await makePacket(), 'Ada'), 1);
    s = applyAction(s, { type: 'level', correct: true }, NOW); // not a task item: ignored
    expect(s.labels.p1).toBeUndefined();
    s = applyAction(s, { type: 'pattern-pick', best: 'learning' }, NOW);
    expect(s.labels.p1?.pattern).toEqual({ correct: false, best: 'learning' });
    s = applyAction(goTo(s, 1), { type: 'pattern-pick', best: 'directive' }, NOW);
    expect(s.labels.p1?.pattern).toEqual({ correct: true });
    s = applyAction(goTo(s, 1), { type: 'pattern-correct' }, NOW);
    expect(s.labels.p1?.pattern).toEqual({ correct: true });
  });

  it('skips, keeps notes, and re-judging a finished task item starts it over', async () => {
    let s = createSession(await makePacket(), 'Ada');
    s = applyAction(s, { type: 'note', text: '  odd one  ' }, NOW);
    expect(s.labels.t1).toMatchObject({ note: 'odd one', skipped: false });
    expect(labelledCount(s)).toBe(0);
    s = applyAction(s, { type: 'skip' }, NOW);
    expect(s.labels.t1).toMatchObject({ skipped: true, note: 'odd one' });
    expect(s.index).toBe(1);
    s = applyAction(goTo(s, 0), { type: 'level', correct: true }, NOW);
    expect(s.labels.t1).toMatchObject({ skipped: false, levels: [{ level: 0, correct: true }], note: 'odd one' });
    // Clearing the only content of a note-only label removes the label.
    s = applyAction(goTo(s, 2), { type: 'note', text: 'x' }, NOW);
    s = applyAction(s, { type: 'note', text: '' }, NOW);
    expect(s.labels.t2).toBeUndefined();
  });

  it('undoes actions one by one, restoring the item shown', async () => {
    const start = createSession(await makePacket(), 'Ada');
    let s = applyAction(start, { type: 'level', correct: true }, NOW);
    s = applyAction(s, { type: 'level', correct: false }, NOW);
    expect(s.index).toBe(1);
    s = undo(s);
    expect(s.index).toBe(0);
    expect(s.labels.t1?.levels).toEqual([{ level: 0, correct: true }]);
    s = undo(s);
    expect(s.labels.t1).toBeUndefined();
    expect(undo(s)).toBe(s);
  });

  it('finds the first unlabelled item, wrapping around', async () => {
    let s = createSession(await makePacket(), 'Ada');
    s = applyAction(s, { type: 'skip' }, NOW);
    expect(firstUnlabelled(s.packet, s.labels)).toBe(1);
    expect(firstUnlabelled(s.packet, s.labels, 2)).toBe(2);
    s = applyAction(s, { type: 'pattern-correct' }, NOW);
    s = applyAction(s, { type: 'skip' }, NOW);
    expect(firstUnlabelled(s.packet, s.labels)).toBeUndefined();
  });

  it('restores saved labels for this packet only and resumes at the first unlabelled item', async () => {
    const packet = await makePacket();
    const saved: unknown[] = [
      { itemId: 't1', facet: 'task', levels: [{ level: 0, correct: false }], skipped: false, labelledAt: NOW },
      { itemId: 'p1', facet: 'task', skipped: true, labelledAt: NOW }, // wrong facet: dropped
      { itemId: 'gone', facet: 'task', skipped: true, labelledAt: NOW }, // not in packet: dropped
      { nonsense: true },
    ];
    const s = createSession(packet, 'Ada', saved as Label[]);
    expect(Object.keys(s.labels)).toEqual(['t1']);
    expect(s.index).toBe(1);
  });
});

describe('label file', () => {
  it('holds finished labels in packet order with a checksum of JSON.stringify(labels)', async () => {
    let s: Session = createSession(await makePacket(), 'Ada Lovelace');
    s = applyAction(s, { type: 'level', correct: true }, NOW); // t1 unfinished
    s = applyAction(goTo(s, 2), { type: 'skip' }, NOW);
    s = applyAction(goTo(s, 1), { type: 'pattern-pick', best: 'none' }, NOW);
    const file = await buildLabelFile(s, NOW);
    expect(LabelFileSchema.parse(file)).toEqual(file);
    expect(file.labels.map((l) => l.itemId)).toEqual(['p1', 't2']);
    const roundTrip = JSON.parse(JSON.stringify(file)) as { labels: unknown[]; checksum: string };
    expect(roundTrip.checksum).toBe(await sha256Hex(JSON.stringify(roundTrip.labels)));
    expect(file).toMatchObject({ packetId: 'pkt', runId: 'run', validator: 'Ada Lovelace', exportedAt: NOW });
    expect(labelFileName(file.packetId, file.validator)).toBe('labels-pkt-Ada_Lovelace.json');
  });

  it('names levels top, middle and base', () => {
    expect([0, 1, 2].map((i) => levelName(i, 3))).toEqual(['Top level', 'Middle level', 'Base level']);
    expect(levelName(1, 4)).toBe('Level 2');
  });
});

describe('markdown', () => {
  it('parses paragraphs, line breaks, bold, inline code and fenced code', () => {
    const blocks = parseMarkdown('Hello **big** `x<y>`\nnext line\n\n```js\nconst a = "**not bold**";\n```\nafter');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        lines: [
          [
            { kind: 'text', text: 'Hello ' },
            { kind: 'bold', children: [{ kind: 'text', text: 'big' }] },
            { kind: 'text', text: ' ' },
            { kind: 'code', text: 'x<y>' },
          ],
          [{ kind: 'text', text: 'next line' }],
        ],
      },
      { kind: 'code', lang: 'js', text: 'const a = "**not bold**";' },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'after' }]] },
    ]);
  });

  it('keeps code inside bold and leaves stray markers as text', () => {
    expect(parseInline('**use `ls`** and 2 ** 3')).toEqual([
      { kind: 'bold', children: [{ kind: 'text', text: 'use ' }, { kind: 'code', text: 'ls' }] },
      { kind: 'text', text: ' and 2 ** 3' },
    ]);
    expect(parseMarkdown('```\nunterminated')).toEqual([{ kind: 'code', lang: undefined, text: 'unterminated' }]);
  });
});

describe('validate store', () => {
  function memoryStorage() {
    const map = new Map<string, string>();
    return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  }

  it('asks for a name once, saves every change and resumes from storage', async () => {
    const storage = memoryStorage();
    const packet = await makePacket();
    const store = createValidateStore(storage, () => new Date(NOW));
    await store.openText(JSON.stringify(packet), 'p.json');
    expect(store.getSnapshot().status).toBe('needs-name');
    store.setValidator(' Ada ');
    expect(store.getSnapshot().status).toBe('labelling');
    store.dispatch({ type: 'level', correct: false });
    expect(JSON.parse(storage.map.get(storageKey('pkt', 'Ada'))!).labels).toHaveLength(1);

    const again = createValidateStore(storage, () => new Date(NOW));
    await again.openText(JSON.stringify(packet), 'p.json');
    const state = again.getSnapshot();
    expect(state.status).toBe('labelling');
    expect(state.session?.validator).toBe('Ada');
    expect(state.session?.index).toBe(1);
    expect(state.restored).toBe(1);
    await expect(again.exportLabels()).resolves.toMatchObject({ labels: [{ itemId: 't1' }] });
  });

  it('loads nothing from a bad file', async () => {
    const store = createValidateStore(memoryStorage());
    await store.openText(JSON.stringify({ ...(await makePacket()), checksum: 'f'.repeat(64) }), 'bad.json');
    const state = store.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.error).toMatch(/checksum/);
    expect(state.packet).toBeUndefined();
    expect(state.session).toBeUndefined();
  });
});
