import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { appendixFolio, appendixHead, appendixLabel, romanValue } from '../../src/lib/document/appendix.ts';
import { byOrder } from '../../src/lib/document/chapters.ts';
import { parseTarget, refText, type Structure, titleCase } from '../../src/lib/document/cross-refs.ts';
import { checkProject } from '../../src/lib/project.ts';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/documents/structure');

/** The fictional structure fixture's content and data in a scratch folder, to break. */
function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'structure-'));
  for (const part of ['content', 'data']) cpSync(join(FIXTURE, part), join(dir, part), { recursive: true });
  return dir;
}

function edit(dir: string, file: string, find: string, replace: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(find)) throw new Error(`edit does not apply to ${file}: ${find}`);
  writeFileSync(join(dir, file), text.replace(find, replace));
}

const structure: Structure = {
  zh: new Map([
    [
      'risk-factors',
      { id: 'risk-factors', title: '風險因素', sections: [{ id: 'competition', text: '與競爭有關的風險' }] },
    ],
    ['report', { id: 'report', title: '會計師報告', appendix: 'II', sections: [{ id: 'notes', text: '附註' }] }],
  ]),
  en: new Map([
    [
      'risk-factors',
      {
        id: 'risk-factors',
        title: 'RISK FACTORS',
        sections: [{ id: 'competition', text: 'RISKS RELATING TO COMPETITION' }],
      },
    ],
    ['report', { id: 'report', title: "ACCOUNTANTS' REPORT", appendix: 'II', sections: [] }],
  ]),
};

describe('cross-reference text', () => {
  it('names a section with its chapter in each edition’s convention', () => {
    expect(refText(structure, 'zh', { chapter: 'risk-factors', section: 'competition' })).toBe(
      '「風險因素－與競爭有關的風險」一節',
    );
    expect(refText(structure, 'en', { chapter: 'risk-factors', section: 'competition' })).toBe(
      '“Risk Factors — Risks Relating to Competition”',
    );
    expect(refText(structure, 'zh', { chapter: 'risk-factors' })).toBe('「風險因素」一節');
  });

  it('names an appendix by its number', () => {
    expect(refText(structure, 'zh', { chapter: 'report', section: 'notes' })).toBe('附錄二「會計師報告－附註」');
    expect(refText(structure, 'en', { chapter: 'report' })).toBe("Appendix II “Accountants' Report”");
  });

  it('title-cases English headings set in capitals and keeps mixed case', () => {
    expect(titleCase('GLOBAL AND CHINA CLOUD SERVICES INDUSTRY')).toBe('Global and China Cloud Services Industry');
    expect(titleCase('Competitive Landscape of the Industry')).toBe('Competitive Landscape of the Industry');
  });

  it('reads chapter, chapter#section and #section targets, and leaves URLs alone', () => {
    expect(parseTarget('risk-factors#competition')).toEqual({ chapter: 'risk-factors', section: 'competition' });
    expect(parseTarget('risk-factors')).toEqual({ chapter: 'risk-factors', section: undefined });
    expect(parseTarget('#competition', 'business')).toEqual({ chapter: 'business', section: 'competition' });
    expect(parseTarget('https://example.com/x')).toBeUndefined();
    expect(parseTarget('#competition')).toBeUndefined();
  });
});

describe('appendices', () => {
  it('reads Roman numerals and refuses what is not one', () => {
    expect(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XX'].map(romanValue)).toEqual([1, 2, 3, 4, 5, 9, 14, 20]);
    for (const bad of ['', 'IIII', 'IL', 'i', '1', 'VV']) expect(romanValue(bad), bad).toBeUndefined();
  });

  it('labels, running heads and folios in both editions', () => {
    expect(appendixLabel('III', 'zh')).toBe('附錄三');
    expect(appendixLabel('III', 'en')).toBe('APPENDIX III');
    expect(appendixHead('I', '會計師報告', 'zh')).toBe('附錄一\u3000會計師報告');
    // No Chinese character in an English head: its gap is two en spaces, which the Latin face has.
    expect(appendixHead('I', "Accountants' Report", 'en')).toBe("APPENDIX I\u2002\u2002ACCOUNTANTS' REPORT");
    expect(appendixFolio('II', 3)).toBe('II-3');
  });

  it('print after the main chapters, in the order of their numbers', () => {
    const chapters = [
      { id: 'b', data: { title: 'b', order: 1, appendix: 'II' } },
      { id: 'a', data: { title: 'a', order: 9, appendix: 'I' } },
      { id: 'main-late', data: { title: 'm', order: 5 } },
      { id: 'main-early', data: { title: 'm', order: 2 } },
    ];
    expect(byOrder(chapters).map((c) => c.id)).toEqual(['main-early', 'main-late', 'a', 'b']);
  });
});

describe('the structure fixture is checked as a whole document', () => {
  it('has no error as it stands, and resolves every reference', () => {
    const check = checkProject(FIXTURE);
    expect(check.diagnostics.map(formatDiagnostic)).toEqual([]);
    const refs = check.project?.crossRefs ?? [];
    expect(refs.map((r) => `${r.locale} ${r.kind} ${r.to}`)).toContain('zh ref risk-factors#competition');
    expect(refs.map((r) => `${r.locale} ${r.kind} ${r.to}`)).toContain('en link #production');
  });

  it('an appendix number used twice names both files', () => {
    const dir = fixtureCopy();
    edit(dir, 'content/chapters/statutory-information.mdx', 'appendix: II', 'appendix: I');
    const records = checkProject(dir).diagnostics.map(formatDiagnostic);
    expect(records).toContainEqual(
      expect.stringMatching(
        /^content\/chapters\/statutory-information\.mdx:4: error: appendix I is already the number of content\/chapters\/accountants-report\.mdx:4 — expected each appendix its own number \[appendix\]$/,
      ),
    );
  });

  it('a reference to a deleted section names its line and the nearest section', () => {
    const dir = fixtureCopy();
    edit(dir, 'content/chapters/risk-factors.mdx', '## 與競爭有關的風險 {#competition}', '## 與競爭有關的風險');
    const records = checkProject(dir).diagnostics.map(formatDiagnostic);
    expect(records).toContainEqual(
      expect.stringMatching(
        /^content\/chapters\/business\.mdx:10:\d+: error: <Ref to="risk-factors#competition" \/>: chapter "risk-factors" has no section \{#competition\}.*\[cross-ref\]$/,
      ),
    );
    // The Markdown link to the same section is its own record.
    expect(records).toContainEqual(
      expect.stringMatching(/^content\/chapters\/business\.mdx:12:\d+: error: the link to "risk-factors#competition"/),
    );
  });
});
