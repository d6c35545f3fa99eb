import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ChapterFrontmatterSchema } from './lib/schema/chapter.ts';

// Chapters live at the top level in content/, where authors expect them, not under src/.
const chapters = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/chapters' }),
  schema: ChapterFrontmatterSchema,
});

// The English edition: the same chapter ids, paired with the Chinese by file name.
const chaptersEn = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/en/chapters' }),
  schema: ChapterFrontmatterSchema,
});

export const collections = { chapters, chaptersEn };
