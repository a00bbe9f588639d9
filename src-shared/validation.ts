// Human validation (paper Appendix C): the files that travel between the analyst and validators.
// A packet carries only what a validator needs (the conversation, possibly redacted; the path the
// classifier took with the options it had at each level; the pattern it chose); a label file
// carries one validator's judgements. Both are plain JSON so they can be checked and archived.
import { z } from 'zod';

export const PACKET_FORMAT = 'task-atlas.validation-packet';
export const LABELS_FORMAT = 'task-atlas.validation-labels';

export const ValidationFacetSchema = z.enum(['task', 'pattern']);
export type ValidationFacet = z.infer<typeof ValidationFacetSchema>;

const MessageSchema = z.object({ role: z.enum(['user', 'assistant']), content: z.string() });

export const ValidationItemSchema = z.object({
  /** Stable across packets: a hash of run id, conversation id and facet. */
  itemId: z.string().min(1),
  facet: ValidationFacetSchema,
  conversation: z.array(MessageSchema),
  redacted: z.boolean(),
  /** Task facet: the level-by-level path, top level first, each with the options offered. */
  path: z.array(z.object({ level: z.number().int().min(0), chosen: z.string(), options: z.array(z.string()).min(1) })).optional(),
  /** Pattern facet: what the classifier chose and the options ('none' included). */
  pattern: z.object({ chosen: z.string(), options: z.array(z.string()).min(2) }).optional(),
  /** The stratum the item was drawn from (top-level task or pattern), for stratified samples. */
  stratum: z.string().optional(),
});
export type ValidationItem = z.infer<typeof ValidationItemSchema>;

export const ValidationPacketSchema = z.object({
  format: z.literal(PACKET_FORMAT),
  version: z.literal(1),
  packetId: z.string().min(1),
  runId: z.string().min(1),
  createdAt: z.string(),
  sampling: z.object({ method: z.enum(['simple', 'stratified']), seed: z.number().int(), size: z.number().int() }),
  items: z.array(ValidationItemSchema).min(1),
  /** sha256 of JSON.stringify(items): detects a truncated or edited packet. */
  checksum: z.string().length(64),
});
export type ValidationPacket = z.infer<typeof ValidationPacketSchema>;

export const LabelSchema = z.object({
  itemId: z.string().min(1),
  facet: ValidationFacetSchema,
  /** Task facet: was the classifier's choice right at each level (top level first)? */
  levels: z.array(z.object({ level: z.number().int().min(0), correct: z.boolean() })).optional(),
  /** Pattern facet: was it right, and if not, the validator's best pattern. */
  pattern: z.object({ correct: z.boolean(), best: z.string().optional() }).optional(),
  skipped: z.boolean().default(false),
  note: z.string().optional(),
  labelledAt: z.string(),
});
export type Label = z.infer<typeof LabelSchema>;

export const LabelFileSchema = z.object({
  format: z.literal(LABELS_FORMAT),
  version: z.literal(1),
  packetId: z.string().min(1),
  runId: z.string().min(1),
  validator: z.string().min(1),
  exportedAt: z.string(),
  labels: z.array(LabelSchema),
  /** sha256 of JSON.stringify(labels). */
  checksum: z.string().length(64),
});
export type LabelFile = z.infer<typeof LabelFileSchema>;

export const PATTERN_OPTIONS = ['directive', 'feedback loop', 'task iteration', 'learning', 'validation', 'none'] as const;
