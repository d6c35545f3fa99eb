import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pdfMetadata } from '../../scripts/lib/print/metadata.ts';
import { DocumentSchema } from '../../src/lib/schema/document.ts';
import { editFile, fixtureDocument } from '../sample-copy.ts';

describe('PDF keywords', () => {
  it('are the document title, its stage and the chapter titles in document order — nothing typed in code', () => {
    // The one-chapter sample (行業概覽, order 7) with chapters written here, so the expected
    // keywords are these files' titles and not a list copied from the growing sample.
    const dir = fixtureDocument('industry');
    editFile(dir, 'content/chapters/industry-overview.mdx', 'title: 行業概覽', 'title: 市場概況');
    const chapter = (name: string, frontmatter: string) =>
      writeFileSync(join(dir, 'content/chapters', name), `---\n${frontmatter}\nsingleEdition: true\n---\n\n正文。\n`);
    // Sorted by name this file comes first; by `order` it comes second.
    chapter('a-directors.mdx', 'title: 董事及高級管理層\norder: 13');
    // A title naming withheld wording.
    chapter('b-structure.mdx', 'title: "{global-offering}的架構"\norder: 19');
    // A front section prints before every chapter, whatever its name or order.
    chapter('z-timetable.mdx', 'title: 預期時間表\norder: 1\nfront: before-contents');
    const yaml = parse(readFileSync(join(dir, 'content/document.yaml'), 'utf8')) as {
      title: string;
      stage: 'vetting' | 'publication' | 'phip' | 'final';
      stageLabel: Record<string, string>;
    };
    const doc = DocumentSchema.parse(yaml);
    const { keywords } = pdfMetadata(doc, new Date(0), dir);
    // A title naming withheld wording is a keyword as the stage shows it (the fixture's is publication).
    expect(keywords).toEqual([
      yaml.title,
      yaml.stageLabel[yaml.stage],
      '預期時間表',
      '市場概況',
      '董事及高級管理層',
      '[編纂]的架構',
    ]);
    expect(keywords).not.toContain('行業概覽');
  });
});
