/**
 * Parses remembered by their input text. `astro dev` checks the whole project again after every
 * save (project.ts), and in a long document almost every chapter and dataset is unchanged: their
 * parse is reused instead of repeated. Results are shared, so callers must not change them.
 */
export function memoByText<T>(parse: (text: string) => T, limit = 2000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined) {
      // Most recently used last: the oldest entries go first when the limit is reached.
      seen.delete(text);
      seen.set(text, hit);
      return hit;
    }
    const result = parse(text);
    seen.set(text, result);
    if (seen.size > limit) seen.delete(seen.keys().next().value as string);
    return result;
  };
}
