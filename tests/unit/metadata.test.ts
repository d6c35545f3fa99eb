import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pdfMetadata } from '../../scripts/lib/metadata.ts';
import { DocumentSchema } from '../../src/lib/schema/document.ts';
import { editFile, sampleCopy } from '../sample-copy.ts';

describe('PDF keywords', () => {
  it('are the document title, its stage and the chapter titles in document order — nothing typed in code', () => {
    const dir = sampleCopy();
    editFile(dir, 'content/chapters/industry-overview.mdx', 'title: 行業概覽', 'title: 市場概況');
    // Sorted by name this file comes first; by `order` it comes second.
    writeFileSync(
      join(dir, 'content/chapters/a-directors.mdx'),
      '---\ntitle: 董事及高級管理層\norder: 13\nsingleEdition: true\n---\n\n董事名單。\n',
    );
    const yaml = parse(readFileSync(join(dir, 'content/document.yaml'), 'utf8')) as {
      title: string;
      stage: 'vetting' | 'publication' | 'phip' | 'final';
      stageLabel: Record<string, string>;
    };
    const doc = DocumentSchema.parse(yaml);
    const { keywords } = pdfMetadata(doc, new Date(0), dir);
    // A title naming withheld wording is a keyword as the stage shows it (the sample's is publication).
    expect(keywords).toEqual([
      yaml.title,
      yaml.stageLabel[yaml.stage],
      '預期時間表',
      '市場概況',
      '董事及高級管理層',
      '包銷',
      '[編纂]的架構',
      '如何申請[編纂]',
    ]);
    expect(keywords).not.toContain('行業概覽');
  });
});
