import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { checkProject } from '../../src/lib/project.ts';
import type { Stage } from '../../src/lib/schema/document.ts';
import { editFile, fixtureDocument, sampleCopy } from '../sample-copy.ts';

/**
 * tests/fixtures/broken/*.yaml: each case edits a copy of the sample and names the error record
 * the check must print. An edit that no longer applies fails the case, so the corpus cannot rot
 * silently when the sample changes.
 */
interface BrokenCase {
  description: string;
  /** A fictional fixture document (tests/fixtures/documents/<name>) to edit instead of the sample. */
  document?: string;
  stage?: Stage;
  edits: { file: string; find: string; replace: string }[];
  /** A pattern each record must match; a list when one mistake gives several records. */
  expect: string | string[];
}

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'tests/fixtures/broken');

describe('broken inputs give one clear record each', () => {
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'))) {
    const c = parse(readFileSync(join(CORPUS, name), 'utf8')) as BrokenCase;
    it(`${name}: ${c.description}`, () => {
      const dir = c.document ? fixtureDocument(c.document) : sampleCopy();
      for (const edit of c.edits) editFile(dir, edit.file, edit.find, edit.replace);
      const records = checkProject(dir, c.stage).diagnostics.map(formatDiagnostic);
      expect(records.length, 'at least one error').toBeGreaterThan(0);
      for (const pattern of [c.expect].flat()) {
        expect(records, records.join('\n')).toContainEqual(expect.stringMatching(new RegExp(pattern)));
      }
    });
  }

  it('the unedited sample has no error', () => {
    expect(checkProject(ROOT).diagnostics).toEqual([]);
  });

  it('the unedited finance fixture has no error', () => {
    expect(checkProject(fixtureDocument('finance')).diagnostics.map(formatDiagnostic)).toEqual([]);
  });
});
