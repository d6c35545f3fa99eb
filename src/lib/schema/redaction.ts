import { z } from 'zod';
import { IdSchema } from './common.ts';

/** The marker that replaces redacted wording in publication copies. */
export const REDACTION_MARKER = '[編纂]';
/** The English edition's marker (guidance letters GL56-13 and GL57-13). */
export const REDACTION_MARKER_EN = '[REDACTED]';

export const RedactionSchema = z.strictObject({
  id: IdSchema,
  /** The real wording: shown in vetting and final copies only. */
  text: z.string().min(1),
  /** The English wording, withheld the same way. */
  en: z.strictObject({ text: z.string().min(1) }).optional(),
});

export const RedactionRegistrySchema = z.array(RedactionSchema);

export type Redaction = z.infer<typeof RedactionSchema>;
