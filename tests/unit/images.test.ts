import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkFigureImage, imageInfo, ppiAt } from '../../src/lib/check/images.ts';

/** A minimal PNG header of the given size: signature, then an IHDR chunk (CRC not checked). */
function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  const view = new DataView(bytes.buffer);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

/** A JPEG's first markers: SOI, an APP0 segment, then SOF0 with the size. */
function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x01, 0, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
}

describe('image sizes from their headers', () => {
  it('reads PNG and JPEG pixel sizes, and knows SVG is vector', () => {
    expect(imageInfo(png(1200, 400))).toEqual({ format: 'png', width: 1200, height: 400 });
    expect(imageInfo(jpeg(2480, 3508))).toEqual({ format: 'jpeg', width: 2480, height: 3508 });
    expect(imageInfo(new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="…"></svg>'))).toEqual({
      format: 'svg',
    });
    expect(imageInfo(deflateSync(Buffer.from('not an image')))).toBeUndefined();
  });

  it('computes pixels per inch at the printed width', () => {
    // 2008 px across 170 mm (6.69 in) is 300 ppi.
    expect(Math.round(ppiAt(2008, 170))).toBe(300);
    expect(Math.round(ppiAt(96 * 4, 101.6))).toBe(96);
  });

  it('warns under 300 ppi at the text width, and not for an SVG', () => {
    const root = mkdtempSync(join(tmpdir(), 'img-'));
    mkdirSync(join(root, 'content/images'), { recursive: true });
    writeFileSync(join(root, 'content/images/soft.png'), png(800, 300));
    writeFileSync(join(root, 'content/images/sharp.png'), png(2100, 700));
    writeFileSync(join(root, 'content/images/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    const at = { file: 'content/chapters/a.mdx', line: 3, column: 1 };
    const soft = checkFigureImage(root, { src: 'images/soft.png' }, at);
    expect(soft.map((d) => [d.severity, d.rule])).toEqual([['warning', 'image-resolution']]);
    expect(soft[0]?.message).toMatch(/^content\/images\/soft\.png prints at 119 ppi \(800 px across 170 mm\)/);
    expect(checkFigureImage(root, { src: 'images/soft.png', width: '60mm' }, at)).toEqual([]);
    expect(checkFigureImage(root, { src: 'images/sharp.png' }, at)).toEqual([]);
    expect(checkFigureImage(root, { src: 'images/chart.svg' }, at)).toEqual([]);
    expect(checkFigureImage(root, { src: 'images/none.png' }, at)[0]?.message).toMatch(/does not exist/);
  });
});
