import type { Project } from './project.ts';

/** Material the document still lacks: placeholders in chapters and unset cover details. */
export interface MissingItem {
  title: string;
  reason: string;
  file: string;
  line: number | undefined;
}

const cache = new WeakMap<Project, MissingItem[]>();

/** Once per build: the home page and the schedule both list it. */
export function missingMaterial(project: Project): MissingItem[] {
  const cached = cache.get(project);
  if (cached) return cached;
  const items = findMissing(project);
  cache.set(project, items);
  return items;
}

function findMissing(project: Project): MissingItem[] {
  // The chapters were parsed once, by the project's check.
  const items: MissingItem[] = project.occurrences
    .filter((o) => o.component === 'Placeholder')
    .map((o) => ({ title: String(o.props['title']), reason: String(o.props['reason']), file: o.file, line: o.line }));
  const doc = project.registry.document;
  if (doc.value.company === null) {
    items.push({
      title: '發行人名稱',
      reason: '封面及頁首所需，尚未提供',
      file: doc.file,
      line: doc.lineOf(['company']),
    });
  }
  if (doc.value.date === null) {
    items.push({ title: '文件日期', reason: '封面所需，尚未提供', file: doc.file, line: doc.lineOf(['date']) });
  }
  return items;
}
