import type { Located } from '../data/registry.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Redaction } from '../schema/redaction.ts';
import type { Term } from '../schema/term.ts';

/**
 * A defined term whose wording is withheld (發售價 / Offer Price) cannot be an entry of
 * data/terms.yaml: 釋義 / DEFINITIONS prints every entry, so a publication copy would print the
 * wording it withholds everywhere else. Such wording lives in data/redactions.yaml only and reaches
 * prose through <Redact>. An entry that names it, in either language, is refused at its line.
 */
export function withheldTermDiagnostics(
  terms: ReadonlyMap<string, Located<Term>>,
  redactions: ReadonlyMap<string, Located<Redaction>>,
): Diagnostic[] {
  const withheld = [...redactions.values()].flatMap((r) => [
    { id: r.value.id, text: r.value.text },
    ...(r.value.en ? [{ id: r.value.id, text: r.value.en.text }] : []),
  ]);
  const diagnostics: Diagnostic[] = [];
  for (const entry of terms.values()) {
    const t = entry.value;
    const forms = [t.zh, t.en, ...(t.aliases?.zh ?? []), ...(t.aliases?.en ?? []), t.full?.zh, t.full?.en];
    const words = forms.filter((f): f is string => f !== undefined).map((f) => f.toLowerCase());
    const hit = withheld.find((w) => words.some((f) => f.includes(w.text.toLowerCase())));
    if (!hit) continue;
    diagnostics.push({
      file: entry.file,
      line: entry.line,
      severity: 'error',
      message: `term "${t.id}" defines withheld wording 「${hit.text}」 (redaction "${hit.id}"), which 釋義 / DEFINITIONS would print in a publication copy — expected the wording in data/redactions.yaml only, used as <Redact term="${hit.id}" />`,
      rule: 'term-withheld',
    });
  }
  return diagnostics;
}
