import { RefError } from '../data/figure.ts';
import { type Diagnostic, didYouMean } from '../diagnostics.ts';
import type { CrossRef } from '../document/cross-refs.ts';
import { MissingEnglishError } from '../i18n/labels.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Placement } from '../markdown/passages.ts';
import { rangeEndDiagnostic } from '../offer/range-end.ts';
import type { Project } from '../project-model.ts';
import { ProseFigureError } from '../render/prose-figure.ts';
import { COMPONENT_PROPS, type ComponentName } from '../schema/props.ts';
import type { ProseText } from '../terms/check.ts';
import type { Occurrence } from './content-model.ts';
import { checkFigureImage } from './images.ts';
import type { JsxNode } from './mdx-tree.ts';
import { periodDiagnostic, readPeriod } from './period-check.ts';
import { renderForCheck } from './render-check.ts';

/** Where a component sits in its chapter, and the edition it is checked for. */
export interface ComponentSite {
  project: Project;
  locale: Locale;
  /** The edition's language tag, for the figure-context checks. */
  edition: string;
  file: string;
  /** The frontmatter's lines, before the MDX the node's position counts from. */
  offset: number;
  /** The chapter's id. */
  chapter: string;
  /** The `{#id}` of the section it sits in, if any. */
  section: string | undefined;
  /** Its place in the passage's text (placements in passages.ts); none on a line of its own. */
  placement: Placement | undefined;
}

/** What one component contributes to its edition's check. */
export interface ComponentCheck {
  diagnostics: Diagnostic[];
  /** A `<Ref>`: resolved once both editions' chapters and sections are known. */
  ref?: CrossRef;
  /** A bound component whose props are valid. */
  bound?: Occurrence;
  /** Its words as shown, for the defined-term checks. */
  shown?: ProseText;
  /** Every reference it makes resolved: the verification schedule lists it. */
  rendered: boolean;
}

/**
 * An MDX element: a plain HTML element passes; a component must be known, take plain attributes
 * its props schema accepts, and render in this edition with every reference resolved.
 */
export function checkComponent(node: JsxNode, site: ComponentSite): ComponentCheck {
  const { project, locale, file, offset } = site;
  const diagnostics: Diagnostic[] = [];
  const result: ComponentCheck = { diagnostics, rendered: false };
  const line = node.position ? node.position.start.line + offset : undefined;
  const column = node.position?.start.column;
  const at = { file, line, column };
  const componentName = node.name ?? '';
  if (!/^[A-Z]/.test(componentName)) return result; // plain HTML elements are allowed
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
    return result;
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
    return result;
  }
  if (component === 'Ref') {
    result.ref = { kind: 'ref', locale, ...at, chapter: site.chapter, to: String(props['to']) };
    return result;
  }
  if (component === 'Figure') diagnostics.push(...checkFigureImage(project.registry.root, parsed.data as never, at));
  // The parity check compares what each edition binds, whether or not it renders.
  const bound: Occurrence = { file, line, component, props, section: site.section };
  result.bound = bound;
  try {
    const shown = renderForCheck(project, component, props, locale);
    if (shown !== undefined) result.shown = { locale, file, line, text: shown, kind: 'figure' };
  } catch (e) {
    if (e instanceof MissingEnglishError) {
      diagnostics.push({
        file: e.file ?? file,
        line: e.line,
        severity: 'error',
        message: `${e.message} (shown by <${component}> at ${file}:${line ?? '?'})`,
        rule: 'missing-english',
      });
      return result;
    }
    if (!(e instanceof RefError)) throw e;
    const rule = e instanceof ProseFigureError ? e.rule : 'unknown-ref';
    diagnostics.push({ ...at, severity: 'error', message: `<${component}>: ${e.message}`, rule });
    return result;
  }
  const period = component === 'Val' ? readPeriod(project.resolver, props, site.placement, site.edition) : undefined;
  const contradiction = periodDiagnostic(period, String(props['of']), at);
  if (contradiction) diagnostics.push(contradiction);
  const wrongEnd =
    component === 'Val' ? rangeEndDiagnostic(project.resolver, props, site.placement, site.edition, at) : undefined;
  if (wrongEnd) diagnostics.push(wrongEnd);
  bound.period = period;
  result.rendered = true;
  return result;
}
