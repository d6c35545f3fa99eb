import { createProcessor } from '@mdx-js/mdx';
import { RefError } from '../data/resolve.ts';
import { type Diagnostic, didYouMean } from '../diagnostics.ts';
import { CHAPTERS_DIR, chapterNames, EN_CHAPTERS_DIR, readChapter } from '../document/chapter-files.ts';
import { duplicateAppendices, duplicateOrders } from '../document/chapters.ts';
import {
  type CrossRef,
  isInternalTarget,
  type ResolvedRef,
  resolveRefs,
  type Structure,
} from '../document/cross-refs.ts';
import { stageWithholds } from '../document/stage.ts';
import { abbreviationsOf } from '../document/title-case.ts';
import { resolveTitle, titleTerms } from '../document/titles.ts';
import { MissingEnglishError, redactionIn } from '../i18n/labels.ts';
import { LANGUAGE_TAG, type Locale } from '../i18n/locale.ts';
import { placements } from '../markdown/passages.ts';
import { escapeSectionIds, SECTION_ID, splitSectionId } from '../markdown/section-ids.ts';
import { rangeEndDiagnostic } from '../offer/range-end.ts';
import { typedWithheld, withheldSpellings } from '../offer/withhold.ts';
import type { Project } from '../project-model.ts';
import { ProseFigureError } from '../render/prose-figure.ts';
import type { Stage } from '../schema/document.ts';
import { COMPONENT_PROPS, type ComponentName } from '../schema/props.ts';
import { REDACTION_MARKER, REDACTION_MARKER_EN } from '../schema/redaction.ts';
import { checkTerms, type ProseText } from '../terms/check.ts';
import type { EditionChapter, Occurrence, SectionMark } from './content-model.ts';
import { checkFigureImage } from './images.ts';
import { memoByText } from './parse-memo.ts';
import { periodDiagnostic, readPeriod } from './period-check.ts';
import { renderForCheck } from './render-check.ts';
import { typedFigures } from './typed-figures.ts';

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
  /** A heading's level. */
  depth?: number;
  children?: JsxNode[];
  value?: string;
  url?: string;
  /** A Markdown image's alt text. */
  alt?: string | null;
}

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

/** One MDX parse per chapter text for the life of the process (parse-memo.ts); the tree is only read. */
const parseMdx = memoByText((text: string) => createProcessor({ format: 'mdx' }).parse(text) as unknown as JsxNode);

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

/** A title's `{term}`s: each must be a redaction term, with English wording for an English title. */
function titleDiagnostics(
  project: Project,
  locale: Locale,
  file: string,
  fields: { field: string; text: string | undefined; line: number | undefined }[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { field, text, line } of fields) {
    for (const term of titleTerms(text ?? '')) {
      const at = { file, line, severity: 'error' as const, rule: 'title-redaction' };
      if (!project.registry.redactions.has(term)) {
        diagnostics.push({
          ...at,
          message: `${field} names {${term}}, which is not a redaction term${didYouMean(term, project.registry.redactions.keys())} — expected {id} with an id of data/redactions.yaml`,
        });
        continue;
      }
      try {
        redactionIn(project.registry, term, 'vetting', locale);
      } catch (e) {
        if (!(e instanceof MissingEnglishError)) throw e;
        diagnostics.push({
          ...at,
          file: e.file ?? file,
          line: e.line,
          message: `${e.message} (named by the ${field} of ${file})`,
          rule: 'missing-english',
        });
      }
    }
  }
  return diagnostics;
}

function checkEdition(
  root: string,
  project: Project,
  locale: Locale,
  dir: string,
  required: boolean,
): {
  diagnostics: Diagnostic[];
  chapters: EditionChapter[];
  rendered: Occurrence[];
  texts: ProseText[];
  refs: CrossRef[];
} {
  const diagnostics: Diagnostic[] = [];
  /** Every spelling of every withheld figure: none may be typed into a chapter. */
  const withheld = withheldSpellings(project.resolver);
  /** The edition's words, for the defined-term checks. */
  const texts: ProseText[] = [];
  const chapters: EditionChapter[] = [];
  /** Components whose references all resolved: what the verification schedule lists. */
  const rendered: Occurrence[] = [];
  const refs: CrossRef[] = [];
  const files = chapterNames(root, dir);
  if (!files) {
    if (required) {
      diagnostics.push({
        file: dir,
        severity: 'error',
        message: 'no chapters folder — expected MDX chapters here',
        rule: 'missing-file',
      });
    }
  } else if (required && files.length === 0) {
    diagnostics.push({
      file: dir,
      severity: 'error',
      message: 'no chapter — expected at least one .mdx file',
      rule: 'missing-file',
    });
  }
  const orders: { file: string; order: number; front: string | undefined; line: number | undefined }[] = [];
  const appendices: { file: string; appendix: string | undefined; line: number | undefined }[] = [];
  const edition = locale === 'zh' ? project.registry.document.value.language : LANGUAGE_TAG[locale];
  const marker = locale === 'zh' ? REDACTION_MARKER : REDACTION_MARKER_EN;
  for (const name of files ?? []) {
    const read = readChapter(root, name, dir);
    const { file, body, offset, frontmatter } = read;
    diagnostics.push(...read.diagnostics);
    if (frontmatter)
      orders.push({ file, order: frontmatter.order, front: frontmatter.front, line: read.lineOf('order') });
    if (frontmatter) appendices.push({ file, appendix: frontmatter.appendix, line: read.lineOf('appendix') });
    if (frontmatter) {
      diagnostics.push(
        ...titleDiagnostics(project, locale, file, [
          { field: 'title', text: frontmatter.title, line: read.lineOf('title') },
          { field: 'runningHead', text: frontmatter.runningHead, line: read.lineOf('runningHead') },
        ]),
      );
    }
    const singleEdition = frontmatter?.singleEdition === true;
    const occurrences: Occurrence[] = [];
    const sections: SectionMark[] = [];
    const chapter: EditionChapter = {
      locale,
      id: name.replace(/\.mdx$/, ''),
      file,
      singleEdition,
      title: frontmatter?.title,
      appendix: frontmatter?.appendix,
      withheld: frontmatter?.withheld,
      sections,
      occurrences,
    };
    chapters.push(chapter);
    let section: string | undefined;
    let tree: JsxNode;
    try {
      tree = parseMdx(escapeSectionIds(body));
    } catch (e) {
      const err = e as { reason?: string; message: string };
      // micromark puts the position in the reason text: "… (114:1-114:46)".
      const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec((err.reason ?? err.message).split('\n')[0] ?? '');
      const place = m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
      diagnostics.push({
        file,
        line: place?.line !== undefined ? place.line + offset : undefined,
        column: place?.column,
        severity: 'error',
        message: `${(err.reason ?? err.message).split('\n')[0]?.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)\s*$/, '')} — expected well-formed MDX (every tag closed, e.g. <Val of="…" />)`,
        rule: 'mdx-syntax',
      });
      chapter.unparsed = true;
      continue;
    }
    const placed = placements(tree);
    const headingTexts = new Set<JsxNode>();
    visit(tree, (node) => {
      if (node.type === 'text' && node.value) {
        const kind = headingTexts.has(node) ? 'heading' : 'prose';
        texts.push({
          locale,
          file,
          line: node.position ? node.position.start.line + offset : undefined,
          text: node.value,
          kind,
        });
      }
      if (node.type === 'heading') {
        for (const child of node.children ?? []) headingTexts.add(child);
        const mark = headingSection(node, file, offset, diagnostics);
        if (mark) {
          const previous = sections.find((s) => s.id === mark.id);
          if (previous) {
            diagnostics.push({
              file,
              line: mark.line,
              severity: 'error',
              message: `section id "${mark.id}" is used twice in this chapter — first at ${file}:${previous.line ?? '?'}; expected each section id once`,
              rule: 'section-id',
            });
          } else sections.push(mark);
          section = mark.id;
        }
      }
      if (node.type === 'link' && isInternalTarget(node.url ?? '')) {
        refs.push({
          kind: 'link',
          locale,
          file,
          line: node.position ? node.position.start.line + offset : undefined,
          column: node.position?.start.column,
          chapter: chapter.id,
          to: node.url ?? '',
        });
      }
      if (node.type === 'image' && !node.alt?.trim()) {
        const start = node.position?.start;
        diagnostics.push({
          file,
          line: start ? start.line + offset : undefined,
          column: start?.column,
          severity: 'error',
          message:
            'a Markdown image without alt text — expected ![what it shows](…), or <Figure src="images/…" alt="…" /> for an image the PDF prints',
          rule: 'image-alt',
        });
        return;
      }
      if (node.type === 'text' && node.value?.includes(marker)) {
        diagnostics.push({
          file,
          line: node.position ? node.position.start.line + offset : undefined,
          severity: 'error',
          message: `${marker} typed by hand — expected <Redact term="…" /> with the wording in data/redactions.yaml, so vetting and final copies can show it`,
          rule: 'redaction',
        });
        return;
      }
      // Every typed figure is its own record: fixing the first must not reveal the next one only then.
      for (const unbound of node.type === 'text' ? typedFigures(node.value ?? '', locale) : []) {
        const before = (node.value ?? '').slice(0, unbound.index).split('\n');
        const start = node.position?.start;
        const lastLine = before.at(-1) ?? '';
        diagnostics.push({
          file,
          line: start ? start.line + offset + before.length - 1 : undefined,
          column: start ? (before.length === 1 ? start.column : 1) + lastLine.length : undefined,
          severity: 'error',
          message: `the figure "${unbound[0].trim()}" is typed into the text — expected <Val of="…" /> bound to a dataset, fact or claim, so it is sourced, checked and listed in the verification schedule`,
          rule: 'unbound-figure',
        });
      }
      // A withheld figure typed by hand would print in every copy: refused in every stage.
      for (const typed of node.type === 'text' ? typedWithheld(node.value ?? '', withheld) : []) {
        const before = (node.value ?? '').slice(0, typed.index).split('\n');
        const start = node.position?.start;
        diagnostics.push({
          file,
          line: start ? start.line + offset + before.length - 1 : undefined,
          column: start ? (before.length === 1 ? start.column : 1) + (before.at(-1) ?? '').length : undefined,
          severity: 'error',
          message: `"${typed.spelling}" is the value of a withheld figure typed into the text — expected <Val of="…" /> bound to data/offer.yaml, so publication copies withhold it and a change to the offer changes it`,
          rule: 'withheld-typed',
        });
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const line = node.position ? node.position.start.line + offset : undefined;
      const column = node.position?.start.column;
      const at = { file, line, column };
      const componentName = node.name ?? '';
      if (!/^[A-Z]/.test(componentName)) return; // plain HTML elements are allowed
      if (!(componentName in COMPONENT_PROPS)) {
        diagnostics.push({
          ...at,
          severity: 'error',
          message: `unknown component <${componentName}>${didYouMean(componentName, Object.keys(COMPONENT_PROPS))} — expected one of ${Object.keys(
            COMPONENT_PROPS,
          )
            .map((c) => `<${c}>`)
            .join(', ')}`,
          rule: 'unknown-component',
        });
        return;
      }
      const component = componentName as ComponentName;
      const props: Record<string, unknown> = {};
      for (const attr of node.attributes ?? []) {
        if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
          diagnostics.push({
            ...at,
            severity: 'error',
            message: `<${component}> takes plain attributes only — expected name="value"`,
            rule: 'props',
          });
          continue;
        }
        if (attr.value === null || attr.value === undefined) props[attr.name] = true;
        else if (typeof attr.value === 'string') props[attr.name] = attr.value;
        else {
          diagnostics.push({
            ...at,
            severity: 'error',
            message: `<${component} ${attr.name}={…}>: expressions are not checked — expected ${attr.name}="…"`,
            rule: 'props',
          });
        }
      }
      const parsed = COMPONENT_PROPS[component].safeParse(props);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          diagnostics.push({
            ...at,
            severity: 'error',
            message: `<${component}> ${issue.path.join('.') || 'props'}: ${issue.message}`,
            rule: 'props',
          });
        }
        return;
      }
      if (component === 'Ref') {
        refs.push({ kind: 'ref', locale, ...at, chapter: chapter.id, to: String(props['to']) });
        return;
      }
      if (component === 'Figure')
        diagnostics.push(...checkFigureImage(project.registry.root, parsed.data as never, at));
      // The parity check compares what each edition binds, whether or not it renders.
      const bound: Occurrence = { file, line, component, props, section };
      occurrences.push(bound);
      try {
        const shown = renderForCheck(project, component, props, locale);
        if (shown !== undefined) texts.push({ locale, file, line, text: shown, kind: 'figure' });
      } catch (e) {
        if (e instanceof MissingEnglishError) {
          diagnostics.push({
            file: e.file ?? file,
            line: e.line,
            severity: 'error',
            message: `${e.message} (shown by <${component}> at ${file}:${line ?? '?'})`,
            rule: 'missing-english',
          });
          return;
        }
        if (!(e instanceof RefError)) throw e;
        const rule = e instanceof ProseFigureError ? e.rule : 'unknown-ref';
        diagnostics.push({ ...at, severity: 'error', message: `<${component}>: ${e.message}`, rule });
        return;
      }
      const period = component === 'Val' ? readPeriod(project.resolver, props, placed.get(node), edition) : undefined;
      const contradiction = periodDiagnostic(period, String(props['of']), at);
      if (contradiction) diagnostics.push(contradiction);
      const wrongEnd =
        component === 'Val' ? rangeEndDiagnostic(project.resolver, props, placed.get(node), edition, at) : undefined;
      if (wrongEnd) diagnostics.push(wrongEnd);
      bound.period = period;
      rendered.push(bound);
    });
  }
  diagnostics.push(...duplicateOrders(orders), ...duplicateAppendices(appendices));
  return { diagnostics, chapters, rendered, texts, refs };
}

/** The `{#id}` of a heading, checked; undefined for a heading without one. */
function headingSection(
  node: JsxNode,
  file: string,
  offset: number,
  diagnostics: Diagnostic[],
): SectionMark | undefined {
  const last = node.children?.at(-1);
  if (last?.type !== 'text') return undefined;
  const { text, id } = splitSectionId(last.value ?? '');
  if (id === undefined) return undefined;
  const line = node.position ? node.position.start.line + offset : undefined;
  if (!SECTION_ID.test(id) || id.length > 40) {
    diagnostics.push({
      file,
      line,
      severity: 'error',
      message: `section id "${id}" — expected short lower-case ASCII: a letter, then letters, digits or hyphens, e.g. {#cloud-market}`,
      rule: 'section-id',
    });
    return undefined;
  }
  // Withheld wording in a heading is kept as `{term}`, resolved per stage and edition with the
  // titles (titles.ts): a reference and the contents then read it as the page does.
  const before = (node.children ?? []).slice(0, -1).map((c) => {
    if (c.type === 'mdxJsxTextElement' && c.name === 'Redact') {
      const term = c.attributes?.find((a) => a.name === 'term')?.value;
      return typeof term === 'string' ? `{${term}}` : '';
    }
    return c.value ?? '';
  });
  return { id, line, text: [...before, text].join('').trim(), depth: node.depth };
}

function visit(node: JsxNode, fn: (node: JsxNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}
