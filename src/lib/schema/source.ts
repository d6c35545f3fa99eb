import { z } from 'zod';
import { IdSchema } from './common.ts';

/** One entry of the source registry: who said a figure. Shown in every 資料來源 line. */
export const SourceSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  description: z.string().optional(),
  /** Its established English name (the "CIC Report", Gartner, CAICT). */
  en: z.strictObject({ name: z.string().min(1), description: z.string().optional() }).optional(),
});

export const SourceRegistrySchema = z.array(SourceSchema).min(1);

export type Source = z.infer<typeof SourceSchema>;
