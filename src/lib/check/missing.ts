import type { Locale } from '../i18n/locale.ts';
import type { Project } from '../project-model.ts';
import type { Occurrence } from './content-model.ts';

/** Material the document still lacks: placeholders in chapters and unset cover details. */
export interface MissingItem {
  title: string;
  reason: string;
  file: string;
  line: number | undefined;
}

const cache = new WeakMap<Project, Map<Locale, MissingItem[]>>();

/** Once per build and edition: the home pages and the schedule list it. */
export function missingMaterial(project: Project, locale: Locale = 'zh'): MissingItem[] {
  const byLocale = cache.get(project) ?? new Map<Locale, MissingItem[]>();
  cache.set(project, byLocale);
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const items = findMissing(project, locale);
  byLocale.set(locale, items);
  return items;
}

/** The cover details' names and reasons, in each edition's words. */
const COVER: Record<Locale, Record<'company' | 'date', { title: string; reason: string }>> = {
  zh: {
    company: { title: '發行人名稱', reason: '封面及頁首所需，尚未提供' },
    date: { title: '文件日期', reason: '封面所需，尚未提供' },
  },
  en: {
    company: { title: 'Name of the issuer', reason: 'needed on the cover and in the header; not yet supplied' },
    date: { title: 'Date of the document', reason: 'needed on the cover; not yet supplied' },
  },
};

function findMissing(project: Project, locale: Locale): MissingItem[] {
  // The chapters were parsed once, by the project's check; each edition lists its own placeholders.
  const occurrences: Occurrence[] = locale === 'en' ? (project.englishOccurrences ?? []) : project.occurrences;
  // A section this build withholds whole emits none of its text, its placeholders' titles included.
  const withheld = new Set([...project.structure[locale].values()].filter((c) => c.withheld).map((c) => c.id));
  const items: MissingItem[] = occurrences
    .filter((o) => o.component === 'Placeholder' && !withheld.has(chapterIdOf(o.file)))
    .map((o) => ({ title: String(o.props['title']), reason: String(o.props['reason']), file: o.file, line: o.line }));
  const doc = project.registry.document;
  if (doc.value.company === null) {
    items.push({ ...COVER[locale].company, file: doc.file, line: doc.lineOf(['company']) });
  }
  if (doc.value.date === null) {
    items.push({ ...COVER[locale].date, file: doc.file, line: doc.lineOf(['date']) });
  }
  return items;
}

/** `content/chapters/how-to-apply.mdx` → `how-to-apply`. */
function chapterIdOf(file: string): string {
  return (file.split('/').at(-1) ?? file).replace(/\.mdx$/, '');
}
