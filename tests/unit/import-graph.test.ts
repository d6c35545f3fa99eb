import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCircles, importGraph } from '../import-graph.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('import graph', () => {
  it('has no circle among the modules of src/, scripts/ and components/ (type imports included)', () => {
    const graph = importGraph(ROOT, ['src', 'scripts', 'components']);
    // The walk found the code it is meant to guard, including an .astro file's frontmatter imports.
    expect(graph.get('src/lib/project.ts')).toContain('src/lib/check/check-content.ts');
    expect(graph.get('src/layouts/DocumentPage.astro')).toContain('src/partials/PrintChapter.astro');
    expect(importCircles(graph)).toEqual([]);
  });

  it("imports between scripts/lib's stage folders go one way: no folder imports one that imports it", () => {
    const graph = importGraph(ROOT, ['scripts/lib']);
    // scripts/lib/print/serve.ts → print; a file directly in scripts/lib (the PDF step's entry) → lib.
    const folderOf = (file: string) => file.split('/').slice(0, -1).join('/');
    const folders: ImportGraph = new Map();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      const to = targets.map(folderOf).filter((folder) => folder !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(folders.get('scripts/lib/units')).toContain('scripts/lib/print');
    expect(importCircles(folders)).toEqual([]);
  });

  it('finds a circle, through a type import and an .astro file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graph-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.ts'), "import { b } from './b.ts';\nexport const a = b;\n");
    writeFileSync(
      join(dir, 'src', 'b.ts'),
      "import type { C } from './c.astro';\nexport const b = 1 as unknown as C;\n",
    );
    writeFileSync(join(dir, 'src', 'c.astro'), "---\nimport { a } from './a.ts';\n---\n<p>{a}</p>\n");
    writeFileSync(join(dir, 'src', 'd.ts'), "import { a } from './a.ts';\nexport const d = a;\n");
    expect(importCircles(importGraph(dir, ['src']))).toEqual([['src/a.ts', 'src/b.ts', 'src/c.astro']]);
  });
});
