import type { Diagnostic } from '../diagnostics.ts';
import { CHAPTERS_DIR, EN_CHAPTERS_DIR } from '../document/chapter-files.ts';
import { type ResolvedRef, resolveRefs, type Structure } from '../document/cross-refs.ts';
import { stageWithholds } from '../document/stage.ts';
import { abbreviationsOf } from '../document/title-case.ts';
import { resolveTitle } from '../document/titles.ts';
import type { Project } from '../project-model.ts';
import type { Stage } from '../schema/document.ts';
import { checkTerms } from '../terms/check.ts';
import { checkEdition } from './check-edition.ts';
import type { EditionChapter, Occurrence, SectionMark } from './content-model.ts';

export interface ContentCheck {
  diagnostics: Diagnostic[];
  /** The Chinese edition's bound components: the verification schedule and the PDF read these. */
  occurrences: Occurrence[];
  /** The English edition's, the same way. */
  englishOccurrences: Occurrence[];
  /** Every chapter of every edition, for the parity check. */
  chapters: EditionChapter[];
  /** Each edition's chapters and sections, by id: what cross-references render from. */
  structure: Structure;
  /** Every `<Ref>` and internal Markdown link that resolved, both editions. */
  crossRefs: ResolvedRef[];
}

/**
 * Checks every chapter before Astro sees it, so authors get `file:line` records instead of a
 * compiler trace: MDX syntax, unknown components, unknown datasets, series, periods and claims.
 * The English edition (content/en/chapters, when there is one) is checked the same way, and each
 * label it shows must have its English.
 */
export function checkContent(root: string, project: Project, stage: Stage): ContentCheck {
  const zh = checkEdition(root, project, 'zh', CHAPTERS_DIR, true);
  const en = checkEdition(root, project, 'en', EN_CHAPTERS_DIR, false);
  const titled = (chapters: readonly EditionChapter[]) => targets(chapters, project, stage);
  // A document without a terms registry is not held to one.
  const terms = project.registry.terms.size > 0 ? checkTerms(project.registry.terms, [...zh.texts, ...en.texts]) : [];
  const structure: Structure = {
    zh: titled(zh.chapters),
    en: titled(en.chapters),
    abbreviations: abbreviationsOf([...project.registry.terms.values()].map((t) => t.value)),
  };
  const refs = resolveRefs(structure, [...zh.refs, ...en.refs]);
  return {
    diagnostics: [...zh.diagnostics, ...en.diagnostics, ...terms, ...refs.diagnostics],
    occurrences: zh.rendered,
    englishOccurrences: en.rendered,
    chapters: [...zh.chapters, ...en.chapters],
    structure,
    crossRefs: refs.resolved,
  };
}

/**
 * Each chapter as references see it in this build: its title as the stage shows it (a title
 * whose `{term}` the check rejected keeps its id), and whether the stage withholds it whole.
 */
function targets(chapters: readonly EditionChapter[], project: Project, stage: Stage): Structure['zh'] {
  const title = (c: EditionChapter) => {
    if (c.title === undefined) return c.id;
    try {
      return resolveTitle(c.title, project.registry, stage, c.locale);
    } catch {
      return c.id;
    }
  };
  const resolved = (c: EditionChapter, s: SectionMark) => {
    try {
      return resolveTitle(s.text, project.registry, stage, c.locale, { bareInCapitals: (s.depth ?? 2) <= 2 });
    } catch {
      return s.text;
    }
  };
  return new Map(
    chapters.map((c) => [
      c.id,
      {
        id: c.id,
        title: title(c),
        appendix: c.appendix,
        sections: c.sections.map((s) => ({ id: s.id, text: resolved(c, s) })),
        withheld: c.withheld === true && stageWithholds(stage),
        unparsed: c.unparsed,
      },
    ]),
  );
}
