import { type Diagnostic, didYouMean } from '../diagnostics.ts';
import { chapterNames, readChapter } from '../document/chapter-files.ts';
import { duplicateAppendices, duplicateOrders } from '../document/chapters.ts';
import { type CrossRef, isInternalTarget } from '../document/cross-refs.ts';
import { titleTerms } from '../document/titles.ts';
import { MissingEnglishError, redactionIn } from '../i18n/labels.ts';
import { LANGUAGE_TAG, type Locale } from '../i18n/locale.ts';
import { placements } from '../markdown/passages.ts';
import { escapeSectionIds } from '../markdown/section-ids.ts';
import { withheldSpellings } from '../offer/withhold.ts';
import type { Project } from '../project-model.ts';
import type { ProseText } from '../terms/check.ts';
import { checkComponent } from './component-check.ts';
import type { EditionChapter, Occurrence, SectionMark } from './content-model.ts';
import { headingSection, type JsxNode, mdxSyntaxDiagnostic, parseMdx, visit } from './mdx-tree.ts';
import { typedTextDiagnostics } from './typed-figures.ts';

/** One edition's chapters as the check found them, before the editions are put together (check-content.ts). */
export interface EditionCheck {
  diagnostics: Diagnostic[];
  chapters: EditionChapter[];
  /** Components whose references all resolved: what the verification schedule lists. */
  rendered: Occurrence[];
  /** The edition's words, for the defined-term checks. */
  texts: ProseText[];
  /** Its `<Ref>`s and internal links, resolved against both editions' structure. */
  refs: CrossRef[];
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

/**
 * Every chapter of one edition (`dir`): the folder (`required` for the Chinese), each chapter's
 * frontmatter, its MDX parsed and walked: headings, links, images, typed text and components.
 */
export function checkEdition(
  root: string,
  project: Project,
  locale: Locale,
  dir: string,
  required: boolean,
): EditionCheck {
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
      diagnostics.push(mdxSyntaxDiagnostic(e, file, offset));
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
      if (node.type === 'text') {
        diagnostics.push(
          ...typedTextDiagnostics(node.value ?? '', node.position?.start, { file, offset, locale, withheld }),
        );
        return;
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const found = checkComponent(node, {
        project,
        locale,
        edition,
        file,
        offset,
        chapter: chapter.id,
        section,
        placement: placed.get(node),
      });
      diagnostics.push(...found.diagnostics);
      if (found.ref) refs.push(found.ref);
      if (found.bound) occurrences.push(found.bound);
      if (found.shown) texts.push(found.shown);
      if (found.rendered && found.bound) rendered.push(found.bound);
    });
  }
  diagnostics.push(...duplicateOrders(orders), ...duplicateAppendices(appendices));
  return { diagnostics, chapters, rendered, texts, refs };
}
