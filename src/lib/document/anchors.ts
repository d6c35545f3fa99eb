/**
 * Stable anchors on /verification/, named by what they list rather than by position, so a link
 * to a row survives a rebuild: a figure's schedule row by its reference (a figure shown twice
 * gets `~2` on its second row), a claim's row by its id.
 */
export function scheduleRowId(ref: string, occurrence = 1): string {
  return occurrence === 1 ? `row-${ref}` : `row-${ref}~${occurrence}`;
}

export function claimRowId(id: string): string {
  return `claim-${id}`;
}
