import { z } from 'zod';
import { IdSchema } from './common.ts';

/** The marker that replaces redacted wording in publication copies. */
export const REDACTION_MARKER = '[編纂]';

export const RedactionSchema = z.strictObject({
  id: IdSchema,
  /** The real wording: shown in vetting and final copies only. */
  text: z.string().min(1),
});

export const RedactionRegistrySchema = z.array(RedactionSchema);

export type Redaction = z.infer<typeof RedactionSchema>;
