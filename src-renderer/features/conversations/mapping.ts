// CSV column mapping: which header column holds each conversation field. Prefilled from the
// engine's guess (suggestedMapping), edited by the user, sent with the import. Pure functions.
import type { ConversationPreview } from '../../../src-shared/api';
import { CONVERSATION_FORMATS, type JobArgs } from '../../../src-shared/jobs';

export type ColumnMapping = NonNullable<JobArgs<'conversations.import'>['mapping']>;
export type MappingField = keyof ColumnMapping;

export const MAPPING_FIELDS: { field: MappingField; label: string }[] = [
  { field: 'id', label: 'Conversation id' },
  { field: 'account', label: 'Account (user) id' },
  { field: 'model', label: 'Model' },
  { field: 'timestamp', label: 'Timestamp' },
  { field: 'text', label: 'User text (one message)' },
  { field: 'response', label: 'Assistant response' },
  { field: 'messages', label: 'Messages (JSON list of turns)' },
];

/** Form state: every field present, '' = not mapped. */
export type MappingDraft = Record<MappingField, string>;

const EMPTY: MappingDraft = { id: '', account: '', model: '', timestamp: '', text: '', response: '', messages: '' };

/** The engine's guess, kept only where it names a real column of this file. */
export function initialMapping(preview: Pick<ConversationPreview, 'columns' | 'suggestedMapping'>): MappingDraft {
  const columns = new Set(preview.columns ?? []);
  const draft = { ...EMPTY };
  for (const { field } of MAPPING_FIELDS) {
    const column = preview.suggestedMapping?.[field];
    if (column !== undefined && columns.has(column)) draft[field] = column;
  }
  return draft;
}

/** Why the mapping cannot import anything, or undefined when it can. */
export function mappingProblem(draft: MappingDraft): string | undefined {
  if (!draft.text && !draft.messages) return 'Map the user text column or a messages column: without one there is nothing to classify.';
  const used = Object.values(draft).filter(Boolean);
  const twice = used.find((column, i) => used.indexOf(column) !== i);
  if (twice) return `Column "${twice}" is mapped to two fields.`;
  return undefined;
}

/** The import's mapping argument: mapped fields only. */
export function mappingArgs(draft: MappingDraft): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const { field } of MAPPING_FIELDS) if (draft[field]) mapping[field] = draft[field];
  return mapping;
}

type Format = (typeof CONVERSATION_FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (CONVERSATION_FORMATS as readonly string[]).includes(value);
}

/**
 * The import's arguments. 'auto' is replaced by what the preview detected, so the import reads the
 * file exactly as the preview showed it.
 */
/** oasst message trees: every branch is a conversation, or one per tree (its longest branch). */
export type OasstMode = NonNullable<JobArgs<'conversations.import'>['oasstMode']>;

export function importArgs(
  path: string,
  chosen: Format,
  preview: Pick<ConversationPreview, 'format' | 'columns'>,
  dataset: string,
  mapping: MappingDraft | undefined,
  oasstMode: OasstMode = 'branches',
): JobArgs<'conversations.import'> {
  const format = chosen === 'auto' && isFormat(preview.format) ? preview.format : chosen;
  const args: JobArgs<'conversations.import'> = { path, format };
  if (dataset.trim()) args.dataset = dataset.trim();
  if (preview.columns && mapping) args.mapping = mappingArgs(mapping);
  // Branches is the engine's default: only the other choice travels, and only for oasst files.
  if (format === 'oasst' && oasstMode === 'longest') args.oasstMode = 'longest';
  return args;
}
