import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DIST } from '../build-once.ts';
import { checkHtml, describeErrors, findJava, htmlFiles } from '../html-check.ts';

/**
 * Every page the build writes is valid HTML by the W3C Nu Html Checker: a reviewer's browser,
 * a screen reader and any tool that reads the site get the document as written, not as a
 * browser repaired it. Errors only; warnings are advice.
 */
describe('the built site is valid HTML', () => {
  it('every .html file of the sample passes the Nu Html Checker with no error', () => {
    // The reviewer's pages, both editions' documents and the verification schedule among them.
    const files = htmlFiles(TEST_DIST).map((f) => f.slice(TEST_DIST.length + 1));
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'document/index.html',
        'en/document/index.html',
        'verification/index.html',
        'chapters/industry-overview/index.html',
        'en/chapters/industry-overview/index.html',
      ]),
    );
    const errors = checkHtml(TEST_DIST);
    expect(errors, describeErrors(errors)).toEqual([]);
  });

  it('reports each error with its file, line and message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'html-check-'));
    try {
      // The two faults the site had: a name on a <sup>, a <style> below the start of its parent.
      writeFileSync(
        join(dir, 'page.html'),
        '<!doctype html><html lang="en"><head><title>t</title></head><body>\n<p>1.0<sup aria-label="derived">†</sup></p>\n<main><p>x</p><style>main p { color: red }</style></main></body></html>\n',
      );
      writeFileSync(
        join(dir, 'fine.html'),
        '<!doctype html><html lang="en"><head><title>t</title></head><body><p>1.0<sup role="img" aria-label="derived">†</sup></p></body></html>\n',
      );
      const errors = checkHtml(dir);
      expect(errors.map((e) => [e.file, e.line])).toEqual([
        ['page.html', 2],
        ['page.html', 3],
      ]);
      expect(errors[0]?.message).toMatch(/aria-label.*must not be specified on any “sup” element/);
      expect(errors[1]?.message).toMatch(/“style” element in “body” must be the first child/);
      expect(describeErrors(errors)).toMatch(/^page\.html:2:\d+ The “aria-label” attribute/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without Java, says to run npm run setup', () => {
    expect(() => findJava({ PATH: '/nonexistent' })).toThrow(/needs Java.*no java is on PATH.*`npm run setup`/);
  });
});
