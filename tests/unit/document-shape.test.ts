import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/lib/data/load.ts';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { byOrder, documentParts } from '../../src/lib/document/chapters.ts';
import { refText, titleCase } from '../../src/lib/document/cross-refs.ts';
import { parseDate, spellDate, spellDateTime, spellTime, weekday } from '../../src/lib/document/dates.ts';
import { frontFolio } from '../../src/lib/document/front.ts';
import { coverTitleOf, coverWarningOf, draftWarningOf, stageWithholds } from '../../src/lib/document/stage.ts';
import { resolveTitle } from '../../src/lib/document/titles.ts';
import { rehypeHeadingCaps } from '../../src/lib/markdown/heading-caps.ts';
import { checkProject } from '../../src/lib/project.ts';
import { dateText, withheldDateSpellings } from '../../src/lib/render/date.ts';

/**
 * The document's shape and stages on the fictional shape fixture: front sections, titles that
 * name withheld wording, which stages withhold, and dates as data (spelling and order).
 */
const FIXTURE = resolve(import.meta.dirname, '../fixtures/documents/shape');

function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shape-'));
  for (const part of ['content', 'data']) cpSync(join(FIXTURE, part), join(dir, part), { recursive: true });
  return dir;
}

function edit(dir: string, file: string, find: string, replace: string): void {
  const text = readFileSync(join(dir, file), 'utf8');
  if (!text.includes(find)) throw new Error(`edit does not apply to ${file}: ${find}`);
  writeFileSync(join(dir, file), text.replace(find, replace));
}

const errors = (dir: string) =>
  checkProject(dir)
    .diagnostics.filter((d) => d.severity === 'error')
    .map(formatDiagnostic);

function registry() {
  const { registry } = loadRegistry(FIXTURE);
  if (!registry) throw new Error('fixture does not load');
  return registry;
}

describe('dates as each edition spells them', () => {
  const monday = parseDate('2024-12-16');
  it('computes the weekday and spells the date with it', () => {
    if (!monday) throw new Error('no date');
    expect(weekday(monday)).toBe(1);
    expect(spellDate(monday, 'zh', { weekday: true })).toBe('2024年12月16日（星期一）');
    expect(spellDate(monday, 'en', { weekday: true })).toBe('Monday, 16 December 2024');
    expect(spellDate(monday, 'zh')).toBe('2024年12月16日');
    expect(spellDate(monday, 'en')).toBe('16 December 2024');
    // A Sunday and a leap day: the weekday is computed, whatever the date.
    const leap = parseDate('2024-02-29');
    if (!leap) throw new Error('no leap day');
    expect(spellDate(leap, 'zh', { weekday: true })).toBe('2024年2月29日（星期四）');
    expect(spellDate({ year: 2024, month: 12, day: 15 }, 'en', { weekday: true })).toBe('Sunday, 15 December 2024');
  });
  it('spells times: on the hour 正, noon and midnight by name', () => {
    expect(spellTime(9 * 60, 'zh')).toBe('上午九時正');
    expect(spellTime(9 * 60, 'en')).toBe('9:00 a.m.');
    expect(spellTime(12 * 60, 'zh')).toBe('中午十二時正');
    expect(spellTime(12 * 60, 'en')).toBe('12:00 noon');
    expect(spellTime(11 * 60 + 45, 'zh')).toBe('上午十一時四十五分');
    expect(spellTime(11 * 60 + 45, 'en')).toBe('11:45 a.m.');
    expect(spellTime(17 * 60, 'zh')).toBe('下午五時正');
    expect(spellTime(17 * 60 + 30, 'en')).toBe('5:30 p.m.');
    expect(spellTime(23 * 60, 'zh')).toBe('晚上十一時正');
    expect(spellTime(0, 'zh')).toBe('午夜十二時正');
    expect(spellTime(0, 'en')).toBe('12:00 midnight');
  });
  it('joins a date and a time in each edition’s order', () => {
    if (!monday) throw new Error('no date');
    expect(spellDateTime(monday, 540, 'zh', { weekday: true })).toBe('2024年12月16日（星期一）上午九時正');
    expect(spellDateTime(monday, 540, 'en', { weekday: true })).toBe('9:00 a.m. on Monday, 16 December 2024');
  });
  it('refuses a date that is not on the calendar', () => {
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(parseDate('2024-13-01')).toBeUndefined();
  });
  it('binds the fixed dates in every stage and withholds the timetable’s in copies that withhold', () => {
    const r = registry();
    expect(dateText(r, 'latest-practicable-date', 'zh', 'publication')).toBe('2024年11月25日');
    expect(dateText(r, 'accountants-report-date', 'en', 'phip')).toBe('2 December 2024');
    expect(dateText(r, 'timetable.dealings-commence', 'zh', 'publication', { weekday: true })).toBe('[編纂]');
    expect(dateText(r, 'timetable.dealings-commence', 'en', 'phip', { time: true })).toBe('[REDACTED]');
    expect(dateText(r, 'timetable.dealings-commence', 'en', 'final', { weekday: true, time: true })).toBe(
      '9:00 a.m. on Monday, 16 December 2024',
    );
    expect(() => dateText(r, 'timetable.dealings-begin', 'zh', 'final')).toThrow(
      /did you mean "timetable.dealings-commence"/,
    );
  });
});

describe('a timetable out of order', () => {
  it('stops the check at the line of the event that comes too early, naming both events', () => {
    const dir = fixtureCopy();
    edit(dir, 'data/timetable.yaml', 'date: 2024-12-06', 'date: 2024-12-02');
    const found = errors(dir);
    expect(found).toEqual([
      expect.stringMatching(
        /^data\/timetable\.yaml:9:.*event "lists-close" \(2024-12-02 12:00\) is listed after "offer-opens" \(2024-12-03 09:00, line 5\) but happens before it.*\[timetable-order\]$/,
      ),
    ]);
  });
  it('orders events of one day by their times', () => {
    const dir = fixtureCopy();
    edit(dir, 'data/timetable.yaml', 'date: 2024-12-06\n    time: "12:00"', 'date: 2024-12-03\n    time: "08:30"');
    expect(errors(dir)).toEqual([
      expect.stringMatching(/^data\/timetable\.yaml:9:.*"lists-close".*"offer-opens".*\[timetable-order\]$/),
    ]);
  });
  it('refuses a label naming a term that is not in the redaction registry, at its line', () => {
    const dir = fixtureCopy();
    edit(dir, 'data/timetable.yaml', '{demo-offering}開始', '{demo-offer}開始');
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /^data\/timetable\.yaml:6: error: \{demo-offer\} is not a redaction term \(did you mean "demo-offering"\?\)/,
      ),
    ]);
  });
  it('refuses a date that is not a calendar date at its line', () => {
    const dir = fixtureCopy();
    edit(dir, 'data/timetable.yaml', 'date: 2024-12-16', 'date: 2024-12-32');
    expect(errors(dir)).toEqual([
      expect.stringMatching(/^data\/timetable\.yaml:16: .*"2024-12-32" is not a calendar date/),
    ]);
  });
});

describe('front sections and document order', () => {
  it('prints the timetable before the contents and the summary before the chapters', () => {
    const chapters = [
      { id: 'business', data: { title: '業務', order: 1 } },
      { id: 'report', data: { title: '會計師報告', order: 9, appendix: 'I' } },
      { id: 'summary', data: { title: '概要', order: 1, front: 'before-definitions' as const } },
      { id: 'timetable', data: { title: '預期時間表', order: 1, front: 'before-contents' as const } },
    ];
    expect(byOrder(chapters).map((c) => c.id)).toEqual(['timetable', 'summary', 'business', 'report']);
    const parts = documentParts(chapters);
    expect(parts.beforeContents.map((c) => c.id)).toEqual(['timetable']);
    expect(parts.beforeDefinitions.map((c) => c.id)).toEqual(['summary']);
    expect(parts.body.map((c) => c.id)).toEqual(['business', 'report']);
  });
  it('numbers the front matter in Roman folios', () => {
    expect([1, 2, 3, 4, 9, 14].map(frontFolio)).toEqual(['i', 'ii', 'iii', 'iv', 'ix', 'xiv']);
  });
  it('refuses an unknown front value at its frontmatter line', () => {
    const dir = fixtureCopy();
    edit(dir, 'content/chapters/summary.mdx', 'front: before-definitions', 'front: after-contents');
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/summary\.mdx:4: error: frontmatter front: expected before-contents \(printed between the cover and the contents\) or before-definitions/,
      ),
    ]);
  });
  it('counts front orders apart from the chapters, and refuses two front sections of one order', () => {
    const dir = fixtureCopy();
    edit(dir, 'content/chapters/summary.mdx', 'front: before-definitions', 'front: before-contents');
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/timetable\.mdx:3: error: order 1 is already the order of content\/chapters\/summary\.mdx:3 \(front: before-contents\)/,
      ),
    ]);
  });
});

describe('titles that name withheld wording', () => {
  it('resolves {term} per stage, in capitals where the English title is', () => {
    const r = registry();
    expect(resolveTitle('有關本文件及{demo-offering}的資料', r, 'vetting', 'zh')).toBe(
      '有關本文件及虛構示範發售的資料',
    );
    expect(resolveTitle('有關本文件及{demo-offering}的資料', r, 'publication', 'zh')).toBe('有關本文件及[編纂]的資料');
    expect(resolveTitle('有關本文件及{demo-offering}的資料', r, 'phip', 'zh')).toBe('有關本文件及[編纂]的資料');
    expect(resolveTitle('STRUCTURE OF THE {demo-offering}', r, 'final', 'en')).toBe('STRUCTURE OF THE DEMO OFFERING');
    expect(resolveTitle('STRUCTURE OF THE {demo-offering}', r, 'publication', 'en')).toBe(
      'STRUCTURE OF THE [REDACTED]',
    );
    expect(titleCase('STRUCTURE OF THE [REDACTED]')).toBe('Structure of the [REDACTED]');
  });
  it('sets withheld wording in capitals in an English heading set in capitals, or in an h2 of it alone', () => {
    const r = registry();
    expect(resolveTitle('{demo-offering}', r, 'final', 'en')).toBe('Demo Offering');
    expect(resolveTitle('{demo-offering}', r, 'final', 'en', { bareInCapitals: true })).toBe('DEMO OFFERING');
    const redact = () => ({
      type: 'mdxJsxTextElement',
      name: 'Redact',
      attributes: [{ type: 'mdxJsxAttribute', name: 'term', value: 'x' }],
    });
    const heading = (tagName: string, text: string) => ({
      type: 'element',
      tagName,
      children: [...(text ? [{ type: 'text', value: text }] : []), redact()],
    });
    const tree = {
      type: 'root',
      children: [
        heading('h2', 'CONDITIONS OF THE '),
        heading('h3', 'Conditions of the '),
        heading('h2', ''),
        heading('h3', ''),
      ],
    };
    rehypeHeadingCaps()(tree, { path: 'content/en/chapters/x.mdx' });
    const caps = tree.children.map((h) => {
      const last = h.children.at(-1);
      return last !== undefined && 'attributes' in last && last.attributes.some((a) => a.name === 'caps');
    });
    expect(caps).toEqual([true, false, true, false]);
  });
  it('refuses a title naming a term that is not in the registry, at the title line', () => {
    const dir = fixtureCopy();
    edit(dir, 'content/chapters/offering-info.mdx', '{demo-offering}', '{demo-offer}');
    expect(errors(dir)).toEqual([
      expect.stringMatching(
        /^content\/chapters\/offering-info\.mdx:2: error: title names \{demo-offer\}, which is not a redaction term \(did you mean "demo-offering"\?\)/,
      ),
    ]);
  });
  it('reads withheld wording in a section heading as the stage shows it, for references and the contents', () => {
    const section = (stage: 'vetting' | 'publication', locale: 'zh' | 'en') =>
      checkProject(FIXTURE, stage)
        .project?.structure[locale].get('offering-structure')
        ?.sections.find((x) => x.id === 'conditions')?.text;
    expect(section('vetting', 'zh')).toBe('虛構示範發售的條件');
    expect(section('publication', 'zh')).toBe('[編纂]的條件');
    expect(section('vetting', 'en')).toBe('CONDITIONS OF THE DEMO OFFERING');
    expect(section('publication', 'en')).toBe('CONDITIONS OF THE [REDACTED]');
  });
  it('names a withheld chapter alone in a reference to one of its sections', () => {
    const target = { id: 's', title: '[編纂]的架構', sections: [{ id: 'conditions', text: '條件' }] };
    const structure = { zh: new Map([['s', { ...target, withheld: true }]]), en: new Map() };
    expect(refText(structure, 'zh', { chapter: 's', section: 'conditions' })).toBe('「[編纂]的架構」一節');
    const shown = { zh: new Map([['s', target]]), en: new Map() };
    expect(refText(shown, 'zh', { chapter: 's', section: 'conditions' })).toBe('「[編纂]的架構－條件」一節');
  });
});

describe('which stages withhold', () => {
  it('is one rule: the publication copy and the PHIP withhold, vetting and final show everything', () => {
    expect(stageWithholds('publication')).toBe(true);
    expect(stageWithholds('phip')).toBe(true);
    expect(stageWithholds('vetting')).toBe(false);
    expect(stageWithholds('final')).toBe(false);
  });
});

describe('the cover and the warning line per stage', () => {
  it('boxes the Application Proof’s warning in its copies, the PHIP’s in the PHIP, none in the prospectus', () => {
    const doc = registry().document.value;
    expect(coverWarningOf(doc, 'zh', '警告', 'vetting')?.paragraphs).toEqual([
      '本虛構申請版本僅供測試刊發，並非任何要約。',
    ]);
    expect(coverWarningOf(doc, 'zh', '警告', 'publication')?.title).toBe('警告');
    expect(coverWarningOf(doc, 'en', 'WARNING', 'phip')?.paragraphs).toEqual([
      'This fictional post hearing pack is published for tests only.',
    ]);
    expect(coverWarningOf(doc, 'zh', '警告', 'final')).toBeUndefined();
    expect(draftWarningOf(doc, 'zh', 'final')).toBeUndefined();
    expect(draftWarningOf(doc, 'zh', 'phip')).toBe(doc.draftWarning);
  });
  it('names a later stage’s document by its own name, never an Application Proof', () => {
    const doc = registry().document.value;
    expect(coverTitleOf(doc, 'zh', 'publication')).toBe('結構測試文件');
    expect(coverTitleOf(doc, 'zh', 'phip')).toBe('測試文件（聆訊後）');
    expect(coverTitleOf(doc, 'en', 'final')).toBe('Test Document (final)');
  });
});

describe('the leak scan of a copy that withholds', () => {
  it('looks for every timetable date in both spellings, not for the dates every copy states', () => {
    const spellings = withheldDateSpellings(registry());
    expect(spellings).toEqual([
      '2024年12月3日',
      '3 December 2024',
      '2024年12月6日',
      '6 December 2024',
      '2024年12月16日',
      '16 December 2024',
    ]);
  });
});
