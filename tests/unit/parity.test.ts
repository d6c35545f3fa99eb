import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { escapeSectionIds, splitSectionId } from '../../src/lib/markdown/section-ids.ts';
import { checkProject } from '../../src/lib/project.ts';
import { editFile, fixtureDocument, sampleCopy } from '../sample-copy.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ZH = 'content/chapters/industry-overview.mdx';
const EN = 'content/en/chapters/industry-overview.mdx';

const records = (dir: string) => checkProject(dir).diagnostics.map(formatDiagnostic);
const parity = (dir: string) => records(dir).filter((r) => r.endsWith('[parity]'));

describe('parity of the two editions', () => {
  it('the sample: both editions bind the same figures, charts and tables in every section', () => {
    const result = checkProject(ROOT);
    expect(result.diagnostics).toEqual([]);
    const project = result.project;
    if (!project) throw new Error('no project');
    const { chapters } = checkContent(ROOT, project, 'publication');
    const zh = chapters.find((c) => c.locale === 'zh' && c.id === 'industry-overview');
    const en = chapters.find((c) => c.locale === 'en' && c.id === 'industry-overview');
    expect(en?.id).toBe(zh?.id);
    expect(en?.sections.map((s) => s.id)).toEqual(zh?.sections.map((s) => s.id));
    const keys = (c: typeof zh) =>
      (c?.occurrences ?? []).map((o) => `${o.section}|${o.component}|${String(o.props['of'] ?? o.props['dataset'])}`);
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    expect(keys(en).filter((k) => k.includes('|Chart|'))).toHaveLength(5);
  });

  it('a figure bound twice in a section must be bound twice in the other edition', () => {
    const dir = sampleCopy();
    // The English section {#global-edge-size} binds claim.global-edge-cagr once, as the Chinese does.
    editFile(
      dir,
      EN,
      'China is therefore expected',
      'At <Val of="claim.global-edge-cagr" />, China is therefore expected',
    );
    expect(parity(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${EN}:\\d+: error: section \\{#global-edge-size\\}: <Val of="claim\\.global-edge-cagr"> is bound in the English edition but not in the Chinese edition \\(${ZH}:\\d+\\)`,
        ),
      ),
    ]);
  });

  it('a chart with other series in one edition is a different chart', () => {
    const dir = sampleCopy();
    editFile(
      dir,
      EN,
      'dataset="china-edge" series="network,security,computing"',
      'dataset="china-edge" series="network,computing"',
    );
    const found = parity(dir);
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toMatch(
      /<Chart dataset="china-edge" series="network,computing"> is bound in the English edition but not in the Chinese/,
    );
  });

  it('an English chapter without a Chinese counterpart is an error naming the file', () => {
    // The one-chapter sample: 行業概覽 (order 7) alone, so order 2 is free.
    const dir = fixtureDocument('industry');
    writeFileSync(join(dir, 'content/en/chapters/glossary.mdx'), '---\ntitle: GLOSSARY\norder: 2\n---\n\nText.\n');
    expect(parity(dir)).toEqual([
      'content/en/chapters/glossary.mdx:1: error: chapter "glossary" has no Chinese edition — expected content/chapters/glossary.mdx, or singleEdition: true in its frontmatter if it exists in one edition only on purpose [parity]',
    ]);
  });

  it('unless its frontmatter says it exists in one edition only', () => {
    const dir = fixtureDocument('industry');
    writeFileSync(
      join(dir, 'content/en/chapters/glossary.mdx'),
      '---\ntitle: GLOSSARY\norder: 2\nsingleEdition: true\n---\n\nText.\n',
    );
    expect(records(dir)).toEqual([]);
  });

  it('a Chinese chapter without its English, when there is an English edition', () => {
    const dir = sampleCopy();
    // 行業概覽 alone, so no other chapter's cross-reference to it is what fails.
    for (const folder of ['content/chapters', 'content/en/chapters']) {
      for (const file of readdirSync(join(dir, folder))) {
        if (file !== 'industry-overview.mdx') rmSync(join(dir, folder, file));
      }
    }
    rmSync(join(dir, EN));
    writeFileSync(
      join(dir, 'content/en/chapters/other.mdx'),
      '---\ntitle: OTHER\norder: 2\nsingleEdition: true\n---\n',
    );
    expect(parity(dir)).toEqual([
      `${ZH}:1: error: chapter "industry-overview" has no English edition — expected ${EN}, or singleEdition: true in its frontmatter if it exists in one edition only on purpose [parity]`,
    ]);
  });

  it('a project with no English edition is not held to parity', () => {
    const dir = sampleCopy();
    rmSync(join(dir, 'content/en'), { recursive: true });
    expect(records(dir)).toEqual([]);
  });

  it('a section id that is not short ASCII is refused', () => {
    const dir = sampleCopy();
    editFile(dir, ZH, '## 董事確認 {#directors-confirmation}', '## 董事確認 {#董事確認}');
    expect(records(dir)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^${ZH}:\\d+: error: section id "董事確認" — expected short lower-case ASCII.*\\[section-id\\]$`),
      ),
    );
  });
});

describe('section ids in headings', () => {
  it('escapes {#id} on heading lines only, keeping every line where it was', () => {
    const source = '## 董事確認 {#directors}\n\ntext {#not-a-heading}\n#### a {#b}  \n';
    const escaped = escapeSectionIds(source);
    expect(escaped).toBe('## 董事確認 \\{#directors\\}\n\ntext {#not-a-heading}\n#### a \\{#b\\}\n');
    expect(escaped.split('\n')).toHaveLength(source.split('\n').length);
  });
  it('splits the id off the heading text', () => {
    expect(splitSectionId('全球及中國雲服務行業 {#cloud-market}')).toEqual({
      text: '全球及中國雲服務行業',
      id: 'cloud-market',
    });
    expect(splitSectionId('no id')).toEqual({ text: 'no id', id: undefined });
  });
  it('every heading of both sample editions carries a section id', () => {
    for (const file of [ZH, EN]) {
      const headings = readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => /^#{2,6} /.test(l));
      expect(headings.length).toBeGreaterThan(20);
      for (const h of headings) expect(h, `${file}: ${h}`).toMatch(/ \{#[a-z][a-z0-9-]*\}$/);
    }
  });
});
