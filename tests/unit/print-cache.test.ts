import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PrintCache } from '../../scripts/lib/units/print-cache.ts';

const RECORD = { pages: 3, headings: { business: 1 }, anchors: { business: 0 }, stubs: ['risk-factors'] };
const BYTES = new TextEncoder().encode('%PDF-1.7 a unit print');

describe('the print cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'print-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was put under a key, and nothing under another', async () => {
    const cache = new PrintCache(dir);
    await cache.put('k1', BYTES, RECORD);
    const hit = await cache.get('k1');
    expect(hit?.bytes).toEqual(BYTES);
    expect(hit?.record).toMatchObject(RECORD);
    expect(await cache.get('k2')).toBeUndefined();
    // Written under temporary names and renamed: none is left behind.
    expect(readdirSync(dir).sort()).toEqual(['k1.json', 'k1.pdf']);
  });

  it('does not trust a PDF cut short or changed, and drops that entry', async () => {
    const cache = new PrintCache(dir);
    await cache.put('k1', BYTES, RECORD);
    writeFileSync(join(dir, 'k1.pdf'), BYTES.slice(0, 5));
    expect(await cache.get('k1')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not trust a PDF without its record, nor a record that is not whole', async () => {
    const cache = new PrintCache(dir);
    writeFileSync(join(dir, 'k1.pdf'), BYTES);
    expect(await cache.get('k1')).toBeUndefined();
    await cache.put('k2', BYTES, RECORD);
    const record = readFileSync(join(dir, 'k2.json'), 'utf8');
    writeFileSync(join(dir, 'k2.json'), record.slice(0, record.length / 2));
    expect(await cache.get('k2')).toBeUndefined();
  });
});
