import type { Basis, Figure } from '../data/figure.ts';
import type { Project } from '../project-model.ts';
import type { TieOutStatus } from './tieout.ts';

/**
 * A figure's tie-out status, derived from the claims it is or feeds: it ties out when every claim
 * that uses it agrees; a mismatch anywhere is a mismatch; a stated claim the document cannot
 * check leaves its own figure unchecked. A figure no claim uses says so, stated or derived.
 *
 * Labels live here only: the popover, the schedule, both CSVs and the filters read them. This
 * module is also bundled into the page's script, so it imports types and nothing else.
 */
export const FIGURE_STATUSES = ['pass', 'fail', 'unchecked', 'stated-only', 'derived-only'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const STATUS_LABEL: Record<FigureStatus, string> = {
  pass: '相符',
  fail: '不符',
  unchecked: '無法核對',
  'stated-only': '明載，未用於核對',
  'derived-only': '推算，未用於核對',
};

/** The English edition's words for the same statuses. */
export const STATUS_LABEL_EN: Record<FigureStatus, string> = {
  pass: 'agrees',
  fail: 'does not agree',
  unchecked: 'not checkable',
  'stated-only': 'stated, not used in any claim',
  'derived-only': 'derived, not used in any claim',
};

export const STATUS_DESCRIPTION_EN: Record<FigureStatus, string> = {
  pass: 'every claim that uses this figure was recomputed and agrees',
  fail: 'a claim that uses this figure does not agree when recomputed',
  unchecked: 'a stated claim; the document does not state the figures needed to recompute it',
  'stated-only': 'a figure stated by the source that no claim uses',
  'derived-only': 'a figure derived by formula that no claim uses',
};

/** What each status means, after its label: the popover and the schedule's legend. */
export const STATUS_DESCRIPTION: Record<FigureStatus, string> = {
  pass: '用到此數字的每項陳述均已重新計算並相符',
  fail: '用到此數字的陳述中，有重新計算後不符者',
  unchecked: '此為明載的陳述，文件未載列重新計算所需的數字',
  'stated-only': '資料來源明載的數字，沒有任何陳述用到它',
  'derived-only': '按公式推算的數字，沒有任何陳述用到它',
};

export interface FigureTie {
  status: FigureStatus;
  /** Ids of the claims behind the status: its own claim first, then those it feeds. */
  claims: string[];
}

/** The rule itself, on statuses alone, so it can be tested without a project. */
export function deriveStatus(basis: Basis, statuses: readonly TieOutStatus[]): FigureStatus {
  if (statuses.length === 0) return basis === 'derived' ? 'derived-only' : 'stated-only';
  if (statuses.includes('fail')) return 'fail';
  if (statuses.includes('unchecked')) return 'unchecked';
  return 'pass';
}

const feedsCache = new WeakMap<Project, Map<string, string[]>>();

/**
 * For every figure, the claims it feeds: a claim's inputs, and the inputs of derived inputs, all
 * the way down. A claim's own figure (`claim.x`) is a stated number, so what it was computed from
 * does not feed the claims that quote it.
 */
export function claimsFed(project: Project): Map<string, string[]> {
  const cached = feedsCache.get(project);
  if (cached) return cached;
  const feeds = new Map<string, string[]>();
  for (const result of project.tieOut) {
    const seen = new Set<string>();
    const pending = [...result.inputs];
    for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      feeds.set(ref, [...(feeds.get(ref) ?? []), result.id]);
      if (ref.startsWith('claim.')) continue;
      const figure = safeFigure(project, ref);
      if (figure?.basis === 'derived') pending.push(...figure.inputs);
    }
  }
  feedsCache.set(project, feeds);
  return feeds;
}

/** A claim that failed may name a figure that does not resolve; it feeds nothing then. */
function safeFigure(project: Project, ref: string): Figure | undefined {
  try {
    return project.resolver.figure(ref);
  } catch {
    return undefined;
  }
}

/** Claims by id, once per project: every bound figure asks, thousands of times in a long document. */
const byIdCache = new WeakMap<Project, Map<string, Project['tieOut'][number]>>();

function claimsById(project: Project): Map<string, Project['tieOut'][number]> {
  let byId = byIdCache.get(project);
  if (!byId) {
    byId = new Map(project.tieOut.map((r) => [r.id, r]));
    byIdCache.set(project, byId);
  }
  return byId;
}

export function figureTie(project: Project, figure: Pick<Figure, 'ref' | 'basis'>): FigureTie {
  const byId = claimsById(project);
  const own = figure.ref.startsWith('claim.') ? figure.ref.slice('claim.'.length) : undefined;
  const claims = [
    ...new Set([...(own !== undefined && byId.has(own) ? [own] : []), ...(claimsFed(project).get(figure.ref) ?? [])]),
  ];
  const statuses = claims.flatMap((id) => {
    const status = byId.get(id)?.status;
    return status === undefined ? [] : [status];
  });
  return { status: deriveStatus(figure.basis, statuses), claims };
}
