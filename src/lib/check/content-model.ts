import type { Locale } from '../i18n/locale.ts';
import type { ComponentName } from '../schema/props.ts';
import type { PeriodReading } from './period-check.ts';

/*
 * What the chapter check finds in the MDX — bound components, section marks, each edition's
 * chapters — apart from the check itself (check-content.ts and check-edition.ts): the project
 * model, the parity check and the stage gates read these, and the check calls them.
 */

/** A bound figure as it occurs in a chapter: the verification schedule is built from these. */
export interface Occurrence {
  file: string;
  line: number | undefined;
  component: ComponentName;
  props: Record<string, unknown>;
  /** The section (its `{#id}`) the component sits in; undefined before the first such heading. */
  section?: string | undefined;
  /** A <Val> with a period: the year its clause gives it (the figure-context check). */
  period?: PeriodReading | undefined;
}

/** A heading's section id where the author wrote it. */
export interface SectionMark {
  id: string;
  line: number | undefined;
  text: string;
  /** The heading's level: 2 for `##`. */
  depth?: number | undefined;
}

/** One chapter file of one edition, as the parity check compares it. */
export interface EditionChapter {
  locale: Locale;
  /** The chapter id both editions share: the file name without `.mdx`. */
  id: string;
  file: string;
  /** Frontmatter says the chapter exists in this edition only, on purpose. */
  singleEdition: boolean;
  /** Frontmatter title (as written, `{term}`s unresolved) and appendix number, when the frontmatter is valid. */
  title?: string | undefined;
  appendix?: string | undefined;
  /** Frontmatter says the section is withheld whole from copies that withhold. */
  withheld?: boolean | undefined;
  /** The chapter's MDX did not parse (reported as mdx-syntax): its sections are not known. */
  unparsed?: boolean | undefined;
  sections: SectionMark[];
  occurrences: Occurrence[];
}
