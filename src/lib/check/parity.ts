import type { Diagnostic } from '../diagnostics.ts';
import { EDITION_NAME, type Locale } from '../i18n/locale.ts';
import type { EditionChapter, Occurrence } from './content-model.ts';

/**
 * The two editions state the same figures: for each chapter, paired by id, every section (paired
 * by its `{#id}`) binds the same figures, charts, tables, placeholders and redactions, as many
 * times each. Reviewers compare the editions figure by figure; this does it on every build.
 */

/** The bucket of everything before a chapter's first section heading (its opening paragraph). */
const OPENING = '';

export function parityDiagnostics(chapters: readonly EditionChapter[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const zh = chapters.filter((c) => c.locale === 'zh');
  const en = chapters.filter((c) => c.locale === 'en');
  // A project without an English edition has nothing to pair.
  if (en.length === 0) return diagnostics;
  for (const [mine, theirs] of [
    [zh, en],
    [en, zh],
  ] as const) {
    for (const chapter of mine) {
      if (chapter.singleEdition || theirs.some((c) => c.id === chapter.id)) continue;
      const other = chapter.locale === 'zh' ? 'en' : 'zh';
      diagnostics.push({
        file: chapter.file,
        line: 1,
        severity: 'error',
        message: `chapter "${chapter.id}" has no ${EDITION_NAME[other]} edition — expected ${expectedPath(chapter, other)}, or singleEdition: true in its frontmatter if it exists in one edition only on purpose`,
        rule: 'parity',
      });
    }
  }
  for (const a of zh) {
    const b = en.find((c) => c.id === a.id);
    if (b) diagnostics.push(...compareChapter(a, b));
  }
  return diagnostics;
}

function expectedPath(chapter: EditionChapter, locale: Locale): string {
  return locale === 'en' ? `content/en/chapters/${chapter.id}.mdx` : `content/chapters/${chapter.id}.mdx`;
}

function compareChapter(zh: EditionChapter, en: EditionChapter): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [mine, theirs] of [
    [zh, en],
    [en, zh],
  ] as const) {
    for (const section of mine.sections) {
      if (theirs.sections.some((s) => s.id === section.id)) continue;
      diagnostics.push({
        file: mine.file,
        line: section.line,
        severity: 'error',
        message: `section {#${section.id}} is in the ${EDITION_NAME[mine.locale]} edition only — expected a heading with {#${section.id}} in ${theirs.file} too`,
        rule: 'parity',
      });
    }
  }
  const ids = new Set([OPENING, ...zh.sections.map((s) => s.id), ...en.sections.map((s) => s.id)]);
  for (const id of ids) {
    if (id !== OPENING && !(zh.sections.some((s) => s.id === id) && en.sections.some((s) => s.id === id))) continue;
    diagnostics.push(...compareSection(id, zh, en));
  }
  return diagnostics;
}

interface Bound {
  key: string;
  shown: string;
  occurrence: Occurrence;
}

/** What must agree across editions: the data a component binds, not its wording. */
function bound(o: Occurrence): Bound {
  const p = o.props;
  switch (o.component) {
    case 'Val':
      return { key: `Val ${p['of']}`, shown: `<Val of="${p['of']}">`, occurrence: o };
    case 'Chart': {
      const fields = ['dataset', 'series', 'total', 'stacked', 'unit', 'cagr'];
      const attrs = fields.filter((f) => p[f] !== undefined).map((f) => `${f}="${String(p[f])}"`);
      return { key: `Chart ${attrs.join(' ')}`, shown: `<Chart ${attrs.slice(0, 2).join(' ')}>`, occurrence: o };
    }
    case 'DataTable':
      return { key: `DataTable ${p['dataset']}`, shown: `<DataTable dataset="${p['dataset']}">`, occurrence: o };
    case 'Placeholder':
      return { key: `Placeholder ${p['sources']}`, shown: `<Placeholder sources="${p['sources']}">`, occurrence: o };
    case 'Redact':
      return { key: `Redact ${p['term']}`, shown: `<Redact term="${p['term']}">`, occurrence: o };
    case 'Ref':
      return { key: `Ref ${p['to']}`, shown: `<Ref to="${p['to']}">`, occurrence: o };
    case 'Figure':
      return { key: `Figure ${p['src']}`, shown: `<Figure src="${p['src']}">`, occurrence: o };
    case 'Date':
      return { key: `Date ${p['of']}`, shown: `<Date of="${p['of']}">`, occurrence: o };
    case 'Timetable':
      return { key: 'Timetable', shown: '<Timetable>', occurrence: o };
  }
}

/** Components of one side not matched, one for one, by the same key on the other side. */
function unmatched(mine: Bound[], theirs: Bound[]): Bound[] {
  const left = [...theirs];
  return mine.filter((b) => {
    const i = left.findIndex((t) => t.key === b.key);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

function compareSection(id: string, zh: EditionChapter, en: EditionChapter): Diagnostic[] {
  const inSection = (c: EditionChapter) => c.occurrences.filter((o) => (o.section ?? OPENING) === id).map(bound);
  const a = inSection(zh);
  const b = inSection(en);
  const onlyZh = unmatched(a, b);
  const onlyEn = unmatched(b, a);
  const name = id === OPENING ? 'the opening (before the first section)' : `section {#${id}}`;
  const sectionLine = (c: EditionChapter) =>
    id === OPENING ? `${c.file}` : `${c.file}:${c.sections.find((s) => s.id === id)?.line ?? '?'}`;
  const diagnostics: Diagnostic[] = [];
  // A figure bound to one id in one edition and another id in the other, at the same place in
  // the section's sequence of figures: one record naming both.
  const differentVals = Math.min(
    onlyZh.filter((x) => x.occurrence.component === 'Val').length,
    onlyEn.filter((x) => x.occurrence.component === 'Val').length,
  );
  const zhVals = onlyZh.filter((x) => x.occurrence.component === 'Val').slice(0, differentVals);
  const enVals = onlyEn.filter((x) => x.occurrence.component === 'Val').slice(0, differentVals);
  zhVals.forEach((z, i) => {
    const e = enVals[i] as Bound;
    diagnostics.push({
      file: e.occurrence.file,
      line: e.occurrence.line,
      severity: 'error',
      message: `${name}: the English edition binds ${e.shown} where the Chinese edition binds ${z.shown} (${z.occurrence.file}:${z.occurrence.line ?? '?'}) — expected both editions to bind the same figure`,
      rule: 'parity',
    });
  });
  const paired = new Set([...zhVals, ...enVals]);
  for (const [extra, mine, theirs] of [
    [onlyZh, zh, en],
    [onlyEn, en, zh],
  ] as const) {
    for (const x of extra) {
      if (paired.has(x)) continue;
      diagnostics.push({
        file: x.occurrence.file,
        line: x.occurrence.line,
        severity: 'error',
        message: `${name}: ${x.shown} is bound in the ${EDITION_NAME[mine.locale]} edition but not in the ${EDITION_NAME[theirs.locale]} edition (${sectionLine(theirs)}) — expected both editions to bind the same figures, charts and tables in each section`,
        rule: 'parity',
      });
    }
  }
  return diagnostics;
}
