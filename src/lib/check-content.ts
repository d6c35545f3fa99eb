import { createProcessor } from '@mdx-js/mdx';
import { CHAPTERS_DIR, chapterNames, readChapter } from './chapter-files.ts';
import { duplicateOrders } from './chapters.ts';
import { RefError } from './data/resolve.ts';
import { type Diagnostic, didYouMean } from './diagnostics.ts';
import { placements } from './markdown/passages.ts';
import { type PeriodReading, periodDiagnostic, readPeriod } from './period-check.ts';
import type { Project } from './project.ts';
import { chartModel } from './render/chart.ts';
import { redactedText } from './render/redact.ts';
import { tableModel } from './render/table.ts';
import { renderVal } from './render/val.ts';
import { COMPONENT_PROPS, type ComponentName } from './schema/props.ts';
import { REDACTION_MARKER } from './schema/redaction.ts';

/**
 * An amount, a percentage or a count with its unit, typed as text rather than bound with <Val>.
 * Years (2022年), list numbers, 5G and names such as 「十四五」 carry no unit and pass.
 */
const UNBOUND_FIGURE =
  /(?:人民幣|美元|港元|RMB|US\$|HK\$)\s*\d[\d,]*(?:\.\d+)?(?:\s*(?:億元|萬元|千元|元|億|萬))?|\d[\d,]*(?:\.\d+)?\s*(?:%|％|億元|萬元|千元|元|美元|港元|ZB|TB|PB|億台|萬台|台|倍)/gu;

/** A bound figure as it occurs in a chapter: the verification schedule is built from these. */
export interface Occurrence {
  file: string;
  line: number | undefined;
  component: ComponentName;
  props: Record<string, unknown>;
  /** A <Val> with a period: the year its clause gives it (the figure-context check). */
  period?: PeriodReading | undefined;
}

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number; column: number } };
  children?: JsxNode[];
  value?: string;
}

/**
 * Checks every chapter before Astro sees it, so authors get `file:line` records instead of a
 * compiler trace: MDX syntax, unknown components, unknown datasets, series, periods and claims.
 */
export function checkContent(root: string, project: Project): { diagnostics: Diagnostic[]; occurrences: Occurrence[] } {
  const diagnostics: Diagnostic[] = [];
  const occurrences: Occurrence[] = [];
  const files = chapterNames(root);
  if (!files) {
    diagnostics.push({
      file: CHAPTERS_DIR,
      severity: 'error',
      message: 'no chapters folder — expected MDX chapters here',
      rule: 'missing-file',
    });
  } else if (files.length === 0) {
    diagnostics.push({
      file: CHAPTERS_DIR,
      severity: 'error',
      message: 'no chapter — expected at least one .mdx file',
      rule: 'missing-file',
    });
  }
  const orders: { file: string; order: number; line: number | undefined }[] = [];
  const processor = createProcessor({ format: 'mdx' });
  const edition = project.registry.document.value.language;
  for (const name of files ?? []) {
    const chapter = readChapter(root, name);
    const { file, body, offset, frontmatter } = chapter;
    diagnostics.push(...chapter.diagnostics);
    if (frontmatter) orders.push({ file, order: frontmatter.order, line: chapter.lineOf('order') });
    let tree: JsxNode;
    try {
      tree = processor.parse(body) as unknown as JsxNode;
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
      continue;
    }
    const placed = placements(tree);
    visit(tree, (node) => {
      if (node.type === 'text' && node.value?.includes(REDACTION_MARKER)) {
        diagnostics.push({
          file,
          line: node.position ? node.position.start.line + offset : undefined,
          severity: 'error',
          message: `${REDACTION_MARKER} typed by hand — expected <Redact term="…" /> with the wording in data/redactions.yaml, so vetting and final copies can show it`,
          rule: 'redaction',
        });
        return;
      }
      // Every typed figure is its own record: fixing the first must not reveal the next one only then.
      for (const unbound of node.type === 'text' ? (node.value ?? '').matchAll(UNBOUND_FIGURE) : []) {
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
      try {
        if (component === 'Val') renderVal(project.resolver, props as never);
        if (component === 'Chart') chartModel(project, props as never);
        if (component === 'DataTable') tableModel(project, props as never);
        if (component === 'Redact') redactedText(project.registry, String(props['term']), 'vetting');
      } catch (e) {
        if (!(e instanceof RefError)) throw e;
        diagnostics.push({ ...at, severity: 'error', message: `<${component}>: ${e.message}`, rule: 'unknown-ref' });
        return;
      }
      const period = component === 'Val' ? readPeriod(project.resolver, props, placed.get(node), edition) : undefined;
      const contradiction = periodDiagnostic(period, String(props['of']), at);
      if (contradiction) diagnostics.push(contradiction);
      occurrences.push({ file, line, component, props, period });
    });
  }
  diagnostics.push(...duplicateOrders(orders));
  return { diagnostics, occurrences };
}

function visit(node: JsxNode, fn: (node: JsxNode) => void): void {
  fn(node);
  for (const child of node.children ?? []) visit(child, fn);
}
