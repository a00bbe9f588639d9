// Building the packet a validator works from (paper Appendix C): per item the conversation (optionally
// redacted), the path the classifier took with the options it had at each level, or the pattern it
// chose. The packet is stored in the project so returning label files can be checked against it.
import { sha256 } from '../base/hash';
import { InvalidInputError, NotFoundError } from '../errors';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../../db/open';
import { loadTree, type Tree } from '../classify/tree';
import {
  PACKET_FORMAT,
  PATTERN_OPTIONS,
  type ValidationFacet,
  type ValidationItem,
  type ValidationPacket,
} from '../../../src-shared/validation';
import type { SampleItem } from './types';

export interface PacketOptions {
  redact?: boolean;
  sampling: ValidationPacket['sampling'];
  /** Fixed clock for reproducible packets in tests. */
  now?: Date;
}

export { sha256 };

/** Stable across packets, so two packets holding the same classification share the item id. */
export function itemIdFor(runId: string, conversationId: string, facet: ValidationFacet): string {
  return sha256(runId + conversationId + facet).slice(0, 24);
}

export function runHierarchyId(db: Db, runId: string): string {
  const row = db.prepare('SELECT config_json FROM classify_run WHERE id = ?').get(runId) as { config_json: string } | undefined;
  if (!row) throw new NotFoundError(`no classification run "${runId}" in this project`);
  const cfg = JSON.parse(row.config_json) as { hierarchyId?: unknown };
  if (typeof cfg.hierarchyId !== 'string') throw new Error(`run "${runId}" names no hierarchy`);
  return cfg.hierarchyId;
}

export function buildPacket(db: Db, runId: string, items: readonly SampleItem[], opts: PacketOptions): ValidationPacket {
  if (items.length === 0) throw new InvalidInputError('a validation packet needs at least one item');
  const needsTree = items.some((i) => i.facet === 'task');
  const tree = needsTree ? loadTree(db, runHierarchyId(db, runId)) : null;
  const getConv = db.prepare('SELECT messages_json FROM conversation WHERE id = ?');
  const redact = opts.redact ?? false;
  const packetItems = items.map((it) => {
    const row = getConv.get(it.conversationId) as { messages_json: string } | undefined;
    if (!row) throw new NotFoundError(`conversation "${it.conversationId}" is not in this project`);
    return buildItem(runId, it, conversationOf(row.messages_json, redact), redact, tree);
  });
  const checksum = sha256(JSON.stringify(packetItems));
  const createdAt = (opts.now ?? new Date()).toISOString();
  return {
    format: PACKET_FORMAT,
    version: 1,
    packetId: 'vp-' + sha256(runId + createdAt + checksum).slice(0, 16),
    runId,
    createdAt,
    sampling: opts.sampling,
    items: packetItems,
    checksum,
  };
}

function conversationOf(messagesJson: string, redact: boolean): ValidationItem['conversation'] {
  const messages = JSON.parse(messagesJson) as { role: string; content: string }[];
  // Validators judge the exchange between user and assistant; system or tool turns are not shown.
  return messages
    .filter((m): m is { role: 'user' | 'assistant'; content: string } => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role, content: redact ? redactText(m.content) : m.content }));
}

function buildItem(
  runId: string,
  it: SampleItem,
  conversation: ValidationItem['conversation'],
  redacted: boolean,
  tree: Tree | null,
): ValidationItem {
  const base = { itemId: itemIdFor(runId, it.conversationId, it.facet), facet: it.facet, conversation, redacted };
  if (it.facet === 'pattern') {
    return { ...base, pattern: { chosen: it.value, options: [...PATTERN_OPTIONS] }, stratum: it.stratum };
  }
  return { ...base, path: pathWithOptions(tree!, it.path ?? [it.value]), stratum: it.stratum };
}

/** At each level the chosen node's name and the names offered: its siblings (top level: all tops). */
export function pathWithOptions(tree: Tree, ids: readonly string[]): NonNullable<ValidationItem['path']> {
  return ids.map((id, i) => {
    const node = tree.byId.get(id);
    if (!node) throw new NotFoundError(`node "${id}" is not in hierarchy "${tree.id}"`);
    const offered = i === 0 ? tree.top : (tree.children.get(ids[i - 1]!) ?? []);
    return { level: node.level, chosen: node.name, options: offered.map((n) => n.name) };
  });
}

/** Stores the packet with its sampling design: each item's conversation and the chance it was drawn. */
export function storePacket(db: Db, packet: ValidationPacket, items: readonly SampleItem[]): void {
  const design = db.prepare('INSERT OR REPLACE INTO validation_design (packet_id, item_id, conversation_id, population, sampled) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO validation_packet (id, run_id, created_at, packet_json) VALUES (?, ?, ?, ?)').run(
      packet.packetId,
      packet.runId,
      packet.createdAt,
      JSON.stringify(packet),
    );
    for (const it of items) {
      design.run(packet.packetId, itemIdFor(packet.runId, it.conversationId, it.facet), it.conversationId, it.drawnFrom.population, it.drawnFrom.sampled);
    }
  })();
}

/** Writes the packet next to its final name and renames it, so a crash never leaves half a file. */
export function exportPacket(
  db: Db,
  runId: string,
  items: readonly SampleItem[],
  opts: PacketOptions & { file: string },
): ValidationPacket {
  const packet = buildPacket(db, runId, items, opts);
  mkdirSync(dirname(opts.file), { recursive: true });
  const tmp = `${opts.file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(packet, null, 2) + '\n');
  renameSync(tmp, opts.file);
  storePacket(db, packet, items);
  return packet;
}

// A deliberately simple redactor for packets that leave the analyst's machine. It is a regex pass, not
// a PII detector: it catches the identifiers that are easy to spot (emails, URLs, phone numbers, long
// digit runs such as account or card numbers) and leaves names and addresses alone.
//
// Rules, applied in this order so an earlier placeholder is never re-matched by a later rule:
//   1. email  local@domain.tld                                 → [email]
//   2. url    http(s)://… or www.… up to whitespace or what closes
//             the syntax around it (quotes, also as HTML
//             entities; brackets; backticks), trailing
//             sentence punctuation left in the text            → [url]
//   3. phone  optional +, digits with space . - ( ) between,
//             9–15 digits in all and at least one separator    → [phone]
//   4. number any remaining run of 6 or more digits            → [number]

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Characters that delimit a URL in prose, code and markup: ASCII and typographic quotes, brackets,
// backticks. A quote or bracket written as an HTML entity (scraped corpora carry `&#39;`) ends it
// too, while a plain `&` in a query string does not. Balanced parentheses stay inside
// (Wikipedia-style paths), so an unbalanced `)` closes the surrounding syntax.
const URL_DELIMITERS = '\\s<>"\'`()[\\]{}‘’‚“”„«»‹›「」『』';
const DELIMITER_ENTITY = '&(?:quot|apos|lt|gt|#0*3[49]|#0*6[02]|#x0*2[27]|#x0*3[ce]);';
const URL_CHAR = `(?:(?!${DELIMITER_ENTITY})[^${URL_DELIMITERS}])`;
const URL_RE = new RegExp(`\\b(?:https?://|www\\.)(?:${URL_CHAR}|\\(${URL_CHAR}*\\))+`, 'gi');
const PHONE_CANDIDATE = /(?<![\w+])\+?\(?\d[\d\s().-]{6,}\d(?!\w)/g;
const LONG_DIGITS = /\d{6,}/g;

export function redactText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(URL_RE, (m) => '[url]' + (/[.,;:!?]+$/.exec(m)?.[0] ?? ''))
    .replace(PHONE_CANDIDATE, (m) => (isPhone(m) ? '[phone]' : m))
    .replace(LONG_DIGITS, '[number]');
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  // A separator is required so a bare digit run (an id) falls through to the [number] rule, and a
  // line break inside the match would join two unrelated numbers.
  return digits >= 9 && digits <= 15 && /[\s().-]/.test(candidate) && !/\n/.test(candidate);
}
