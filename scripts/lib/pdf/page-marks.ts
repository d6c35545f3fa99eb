import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, type PDFDocument, PDFName, type PDFPage, PDFRawStream, PDFRef } from 'pdf-lib';
import { type Operation, operandText, readOperations } from './content-stream.ts';

/**
 * Two corrections to what Chromium writes into each page's content stream, made in one pass:
 *
 * - **Soft hyphens out of the text.** The English edition is hyphenated at build time with
 *   U+00AD (src/lib/markdown/hyphenate.ts). Where a line did not break at one, Chromium still
 *   draws it: a blank glyph of no width, wrapped in `/Span <</ActualText <FEFF00AD>>> BDC … EMC`,
 *   so every reader's text says "in­form­a­tion" and search misses the word. The span goes; its
 *   positioning stays, so the page looks the same. Where the line did break, Chromium drew a
 *   real hyphen after the span, which stays: a hyphen at a line end, as readers expect.
 * - **Page furniture as artifacts.** What the page draws outside any marked content — the
 *   running warning line, running head, folio (CSS margin boxes), a draft stamp, the page's
 *   background — is not part of the tagged document. Each such run of text or painting is
 *   wrapped in `/Artifact <</Type /Pagination>> BDC … EMC` (`/Layout` where it shows no text),
 *   so that no content is left outside marked content (what a PDF/UA checker requires of every
 *   page).
 *
 * Wrappers never cross `q`/`Q`, a text object's bounds or other marked content; the output depends
 * only on the input bytes (reproducible builds).
 */

export interface MarkCounts {
  /** Zero-width soft-hyphen spans removed. */
  softHyphens: number;
  /** Artifact sequences added. */
  artifacts: number;
}

/** Furniture that shows text (warning line, running head, folio, stamp) is pagination… */
const PAGINATION_OPEN = new TextEncoder().encode('/Artifact <</Type /Pagination>> BDC\n');
/** …what only paints (the page's background, rules, the contents' dot leaders) is layout. */
const LAYOUT_OPEN = new TextEncoder().encode('/Artifact <</Type /Layout>> BDC\n');
const ARTIFACT_CLOSE = new TextEncoder().encode('\nEMC');

/** Text-showing operators. */
const SHOW = new Set(['Tj', 'TJ', "'", '"']);
/** Operators that only move the text position. */
const POSITION = new Set(['Td', 'TD', 'Tm', 'T*']);
/** Path construction: the start of a path object. */
const CONSTRUCT = new Set(['m', 're']);
/** Path painting that leaves marks (`n` ends a path that only clips). */
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
/** Painted in one operator: a shading, an XObject, an inline image. */
const SINGLE = new Set(['sh', 'Do', 'BI']);
/** Operators a wrapper around several units must not enclose. */
const FENCE = new Set(['q', 'Q', 'BDC', 'BMC', 'EMC']);

const SOFT_HYPHEN_SPAN = /^\/Span ?<< ?\/ActualText ?<FEFF00AD> ?>>$/i;
const ONE_GLYPH = /^<[0-9A-Fa-f]{4}>$/;

/** Every page of `doc` corrected in place. */
export function markPages(doc: PDFDocument): MarkCounts {
  const total: MarkCounts = { softHyphens: 0, artifacts: 0 };
  for (const page of doc.getPages()) {
    const counts = markPage(page);
    total.softHyphens += counts.softHyphens;
    total.artifacts += counts.artifacts;
  }
  return total;
}

function markPage(page: PDFPage): MarkCounts {
  const { context } = page.doc;
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFRef[] = [];
  if (contents instanceof PDFRef) refs.push(contents);
  else if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const ref = contents.get(i);
      if (ref instanceof PDFRef) refs.push(ref);
    }
  }
  const parts: Uint8Array[] = [];
  for (const ref of refs) {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return { softHyphens: 0, artifacts: 0 };
    const filter = stream.dict.get(PDFName.of('Filter'));
    if (filter === undefined) parts.push(stream.contents);
    else if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms')))
      parts.push(inflateSync(stream.contents));
    // A filter Chromium does not write: the page is left as it is.
    else return { softHyphens: 0, artifacts: 0 };
  }
  const first = refs[0];
  if (!first) return { softHyphens: 0, artifacts: 0 };
  // The page's content is its streams one after another (a stream may end mid-operation).
  const source = parts.length === 1 ? (parts[0] as Uint8Array) : joinParts(parts);
  const { bytes, counts } = markContent(source);
  if (counts.softHyphens === 0 && counts.artifacts === 0) return counts;
  const stream = PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(bytes));
  context.assign(first, stream);
  if (refs.length > 1) {
    page.node.set(PDFName.of('Contents'), first);
    for (const ref of refs.slice(1)) context.delete(ref);
  }
  return counts;
}

function joinParts(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    out[at++] = 0x0a;
  }
  return out;
}

interface Unit {
  from: number;
  to: number;
  /** Inside a text object that also holds marked content: never joined with another unit. */
  alone: boolean;
  /** Shows text. */
  text: boolean;
}

/** One content stream corrected (see the module comment); the input when nothing changes. */
export function markContent(source: Uint8Array): { bytes: Uint8Array; counts: MarkCounts } {
  const all = readOperations(source);
  const dropped = softHyphenSpans(source, all);
  const ops = dropped.size ? all.filter((_, i) => !dropped.has(i)) : all;
  const units = joinUnits(ops, depthZeroUnits(ops));
  const counts = { softHyphens: dropped.size / 3, artifacts: units.length };
  if (dropped.size === 0 && units.length === 0) return { bytes: source, counts };

  // Edits by position: cut the dropped operations, open and close each artifact.
  const edits: { at: number; cutTo?: number; insert?: Uint8Array }[] = [];
  for (const i of dropped) {
    const op = all[i] as Operation;
    edits.push({ at: op.start, cutTo: op.end });
  }
  for (const unit of units) {
    edits.push({ at: (ops[unit.from] as Operation).start, insert: unit.text ? PAGINATION_OPEN : LAYOUT_OPEN });
    edits.push({ at: (ops[unit.to] as Operation).end, insert: ARTIFACT_CLOSE });
  }
  // At one position a close comes before an open, and both before a cut starting there.
  const rank = (e: (typeof edits)[number]) => (e.insert === ARTIFACT_CLOSE ? 0 : e.insert ? 1 : 2);
  edits.sort((a, b) => a.at - b.at || rank(a) - rank(b));
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const edit of edits) {
    chunks.push(source.subarray(at, edit.at));
    at = edit.at;
    if (edit.insert) chunks.push(edit.insert);
    if (edit.cutTo !== undefined) at = edit.cutTo;
  }
  chunks.push(source.subarray(at));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let to = 0;
  for (const chunk of chunks) {
    out.set(chunk, to);
    to += chunk.length;
  }
  return { bytes: out, counts };
}

/**
 * The indexes of the operations that make up Chromium's unbroken soft hyphens: the BDC, the one
 * glyph shown and the EMC of each `/Span <</ActualText <FEFF00AD>>>` that holds nothing but text
 * positioning and that one glyph, and after which the text position is set anew (so the glyph's
 * advance, gone with it, moved nothing that follows).
 */
function softHyphenSpans(source: Uint8Array, ops: readonly Operation[]): Set<number> {
  const dropped = new Set<number>();
  for (let i = 0; i < ops.length; i++) {
    if (ops[i]?.op !== 'BDC' || !SOFT_HYPHEN_SPAN.test(operandText(source, ops[i] as Operation))) continue;
    let shown = -1;
    let j = i + 1;
    for (; j < ops.length; j++) {
      const op = ops[j] as Operation;
      if (op.op === 'EMC') break;
      if (op.op === 'Tj' && shown < 0 && ONE_GLYPH.test(operandText(source, op))) shown = j;
      else if (!POSITION.has(op.op)) {
        shown = -2;
        break;
      }
    }
    const next = ops[j + 1]?.op;
    if (shown >= 0 && ops[j]?.op === 'EMC' && next !== undefined && (POSITION.has(next) || next === 'ET')) {
      dropped.add(i).add(shown).add(j);
      i = j;
    }
  }
  return dropped;
}

/** Runs of painting at marked-content depth 0, each as the range of operations to wrap. */
function depthZeroUnits(ops: readonly Operation[]): Unit[] {
  const units: Unit[] = [];
  let depth = 0;
  let path = -1;
  for (let k = 0; k < ops.length; k++) {
    const op = (ops[k] as Operation).op;
    if (op === 'BDC' || op === 'BMC') depth++;
    else if (op === 'EMC') depth = Math.max(0, depth - 1);
    else if (op === 'BT') {
      const end = textObjectEnd(ops, k);
      if (depth === 0) units.push(...textUnits(ops, k, end));
      else for (let m = k + 1; m < end; m++) depth += markDelta(ops[m] as Operation);
      k = end;
    } else if (depth === 0) {
      if (CONSTRUCT.has(op) && path < 0) path = k;
      else if (PAINT.has(op) && path >= 0) {
        units.push({ from: path, to: k, alone: false, text: false });
        path = -1;
      } else if (op === 'n') path = -1;
      else if (SINGLE.has(op)) units.push({ from: k, to: k, alone: false, text: false });
    }
  }
  return units;
}

const markDelta = (op: Operation) => (op.op === 'BDC' || op.op === 'BMC' ? 1 : op.op === 'EMC' ? -1 : 0);

function textObjectEnd(ops: readonly Operation[], bt: number): number {
  for (let k = bt + 1; k < ops.length; k++) if ((ops[k] as Operation).op === 'ET') return k;
  return ops.length - 1;
}

/**
 * A text object that starts outside marked content: the whole object when nothing in it is
 * marked, else each stretch between its marked sequences that shows text.
 */
function textUnits(ops: readonly Operation[], bt: number, et: number): Unit[] {
  const shows = (from: number, to: number) => ops.slice(from, to + 1).some((o) => SHOW.has(o.op));
  const marked = ops.slice(bt + 1, et).some((o) => markDelta(o) !== 0);
  if (!marked) return shows(bt, et) ? [{ from: bt, to: et, alone: false, text: true }] : [];
  const units: Unit[] = [];
  let depth = 0;
  let stretch = -1;
  for (let k = bt + 1; k <= et; k++) {
    const op = ops[k] as Operation;
    const delta = markDelta(op);
    if (depth === 0 && (delta > 0 || k === et)) {
      if (stretch >= 0 && shows(stretch, k - 1)) units.push({ from: stretch, to: k - 1, alone: true, text: true });
      stretch = -1;
    }
    depth = Math.max(0, depth + delta);
    if (depth === 0 && delta === 0 && stretch < 0 && k < et) stretch = k;
  }
  return units;
}

/** Neighbouring units with only state changes between them become one wrapper. */
function joinUnits(ops: readonly Operation[], units: readonly Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const last = out[out.length - 1];
    const fenced = !last || last.alone || unit.alone || ops.slice(last.to + 1, unit.from).some((o) => FENCE.has(o.op));
    if (fenced) out.push({ ...unit });
    else {
      last.to = unit.to;
      last.text ||= unit.text;
    }
  }
  return out;
}
