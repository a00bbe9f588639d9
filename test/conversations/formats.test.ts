// Each supported export/log format, from small hand-written fixtures, down to the stored messages.
import { describe, it, expect } from 'vitest';
import { importConversations } from '../../src-main/engine/ingest/conversations';
import type { Db } from '../../src-main/db/open';
import { fixture, importError, memoryDb, messagesOf } from './helpers';

function row(db: Db, id: string): Record<string, unknown> {
  return db.prepare('SELECT account_id, model, created_at, turns, chars FROM conversation WHERE id = ?').get(id) as Record<string, unknown>;
}

describe('formats', () => {
  it('claude-export: streamed JSON array, text parts joined, tool parts skipped', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('claude-export.json'));
    expect([r.format, r.conversations, r.badRows, r.dataset]).toEqual(['claude-export', 2, 0, 'claude-export']);
    expect(messagesOf(db, 'claude-export:c-1')).toEqual([
      { role: 'user', content: 'Why does arr[0] fail, {"x": [1,2]}?' },
      { role: 'assistant', content: 'Because the list is empty]\nCheck its length first.' },
    ]);
    // Empty content parts fall back to the message's `text`.
    expect(messagesOf(db, 'claude-export:c-2')[0]?.content).toBe('Write an email to my landlord about the \\\\ broken heater.');
    expect(row(db, 'claude-export:c-1')).toEqual({ account_id: 'acct-a', model: null, created_at: '2025-03-01T10:00:00Z', turns: 1, chars: 85 });
  });

  it('chatgpt-export: follows current_node up the parents, one branch only', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('chatgpt-export.json'));
    expect([r.format, r.conversations, r.badRows]).toEqual(['chatgpt-export', 2, 0]);
    // Branch B (the edited prompt) is displayed; the hidden system node and the python tool call drop out.
    expect(messagesOf(db, 'chatgpt-export:g-1')).toEqual([
      { role: 'user', content: 'Edited question: summarise the Q3 sales report in 3 bullets.' },
      { role: 'assistant', content: '- Sales up\n- Costs flat' },
    ]);
    expect(row(db, 'chatgpt-export:g-1')).toMatchObject({ model: 'gpt-4o', created_at: '2023-11-14T22:13:20.500Z', account_id: null });
    // Without default_model_slug the model comes from the assistant message metadata.
    expect(row(db, 'chatgpt-export:g-2')).toMatchObject({ model: 'gpt-4o-mini' });
  });

  it('openai-messages: system messages dropped, content part arrays flattened', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('openai-messages.jsonl'));
    expect([r.format, r.conversations, r.badRows]).toEqual(['openai-messages', 2, 0]);
    expect(messagesOf(db, 'openai-messages:o-1')).toEqual([
      { role: 'user', content: 'Write a haiku about spreadsheets.' },
      { role: 'assistant', content: 'Cells in quiet rows\nsum the day' },
    ]);
    expect(row(db, 'openai-messages:o-1')).toMatchObject({ model: 'gpt-4o' });
    const hashed = db.prepare("SELECT messages_json FROM conversation WHERE id LIKE 'openai-messages:h-%'").all();
    expect(hashed).toEqual([{ messages_json: JSON.stringify([{ role: 'user', content: 'Explain TCP slow start.' }]) }]);
  });

  it('sharegpt: human/gpt roles, system dropped, JSON array input', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('sharegpt.json'));
    expect([r.format, r.conversations]).toEqual(['sharegpt', 2]);
    expect(messagesOf(db, 'sharegpt:s-1')).toEqual([
      { role: 'user', content: 'Review my essay on remote work.' },
      { role: 'assistant', content: 'It is clear; tighten the intro.' },
      { role: 'user', content: 'Thanks!' },
    ]);
    expect(row(db, 'sharegpt:s-1')).toMatchObject({ turns: 2 });
  });

  it('csv: mapped columns, quoted multi-line text, records located by their first line', async () => {
    const db = memoryDb();
    const mapping = { id: 'chat_id', account: 'who', timestamp: 'when', text: 'question', response: 'answer', model: 'engine' };
    const r = await importConversations(db, fixture('custom-columns.csv'), { mapping, dataset: 'csv' });
    expect([r.format, r.rowsRead, r.conversations, r.badRows]).toEqual(['csv', 4, 3, 1]);
    expect(messagesOf(db, 'csv:q-1')).toEqual([
      { role: 'user', content: 'Draft a memo:\nline two, with a comma\nand "quotes"' },
      { role: 'assistant', content: 'Here is the memo.' },
    ]);
    expect(messagesOf(db, 'csv:q-2')).toEqual([{ role: 'user', content: 'Explain compound interest' }]);
    expect(messagesOf(db, 'csv:q-3')[0]?.content).toBe('Second\nmulti-line');
    expect(row(db, 'csv:q-3')).toMatchObject({ account_id: 'u-1', model: 'gpt-4', created_at: '2024-05-03' });
    expect(r.badRowSamples).toEqual([{ line: 9, reason: 'no messages with text' }]);
  });

  it('csv: guesses common column names when no mapping is given', async () => {
    const db = memoryDb();
    const r = await importConversations(db, fixture('missing-column.csv'));
    expect([r.format, r.conversations]).toEqual(['csv', 1]);
    expect(messagesOf(db, 'missing-column:1')).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'hi' },
    ]);
  });

  it('an explicit but wrong format is a file-level error, not a file full of bad rows', async () => {
    const db = memoryDb();
    const e = await importError(importConversations(db, fixture('sharegpt.json'), { format: 'jsonl' }));
    expect([e.line, e.reason]).toEqual([2, expect.stringMatching(/^2 of the first 2 rows are bad .*missing "messages" array/)]);
  });
});
