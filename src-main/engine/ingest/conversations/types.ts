// Public types of the conversation importer, plus the small internal vocabulary the format
// readers share (an Item is either a parsed conversation or a bad row with its line).

import { CONVERSATION_FORMATS } from '../../../../src-shared/jobs';

// One list for the importer, the CLI and the app's import job (whose arguments the contract checks).
export { CONVERSATION_FORMATS };
export type ConversationFormat = (typeof CONVERSATION_FORMATS)[number];

export interface ColumnMapping {
  id?: string;
  account?: string;
  model?: string;
  timestamp?: string;
  /** One text column = a single user message. */
  text?: string;
  /** Or a column holding a JSON array of messages. */
  messages?: string;
  /** Optional second column = the assistant reply to `text`. */
  response?: string;
}

export interface ImportProgressEvent {
  rowsRead: number;
  added: number;
  duplicates: number;
  badRows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ConversationImportOptions {
  format?: ConversationFormat;
  /** Default: the file name without its extension. */
  dataset?: string;
  mapping?: ColumnMapping;
  /** oasst only: every branch of a message tree (default), or only each tree's longest branch. */
  oasstMode?: OasstMode;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgressEvent) => void;
  /**
   * Worker threads: a JSON file is read and parsed in one while this thread writes, and the
   * write-ahead log is checkpointed in another. Default: for files of 16 MiB or more. Tests and
   * benchmarks set it to run either way on any file.
   */
  workerThreads?: boolean;
}

/**
 * An oasst message tree has many branches (each reply to a message starts one): 'branches' imports
 * each root-to-leaf branch as a conversation, 'longest' one conversation per tree, its longest branch.
 */
export type OasstMode = 'branches' | 'longest';

export interface BadRowSample {
  line: number;
  reason: string;
}

export interface ConversationImportResult {
  importId: string;
  dataset: string;
  /** The format actually used ('auto' is resolved). */
  format: ConversationFormat;
  rowsRead: number;
  /** Conversations parsed from this file (added + duplicates). */
  conversations: number;
  added: number;
  duplicates: number;
  badRows: number;
  badRowSamples: BadRowSample[];
  /** oasst only: message trees seen and leaf-to-root threads built (threads = conversations + bad threads). */
  trees?: number;
  threads?: number;
}

export type Role = 'user' | 'assistant';

export interface Message {
  role: Role;
  content: string;
}

export interface ConversationRecord {
  sourceId: string | null;
  accountId: string | null;
  model: string | null;
  createdAt: string | null;
  messages: Message[];
}

/** What every format reader yields, in file order. */
export type Item = { line: number; record: ConversationRecord } | { line: number; bad: string };

/** Thrown by record parsers for a row-level problem; the importer turns it into a bad row. */
export class BadRow extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'BadRow';
  }
}

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
