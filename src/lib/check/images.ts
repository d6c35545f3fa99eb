import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';

/**
 * Images in print: a raster image needs 300 pixels per inch at the size it prints, or it looks
 * soft on paper. The size is read from the file's own header (PNG IHDR, JPEG SOF), so nothing is
 * decoded; SVG is vector and prints sharp at any size.
 */
export const PRINT_PPI = 300;
/** The A4 text block the print stylesheet leaves between 20 mm margins. */
export const TEXT_WIDTH_MM = 170;

export interface ImageInfo {
  format: 'png' | 'jpeg' | 'svg';
  /** Pixel size; undefined for vector images. */
  width?: number;
  height?: number;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && view.getUint16(0) === 0xffd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] as number;
      const length = view.getUint16(at + 2);
      // Start-of-frame markers carry the size; C4, C8 and CC are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      at += 2 + length;
    }
    return undefined;
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  if (/<svg[\s>]/.test(head)) return { format: 'svg' };
  return undefined;
}

/** Pixels per inch of an image `widthPx` wide printed `mm` wide. */
export function ppiAt(widthPx: number, mm: number): number {
  return widthPx / (mm / 25.4);
}

/** A `<Figure>`'s file checked: it exists and is an image; a raster under 300 ppi is a warning. */
export function checkFigureImage(
  root: string,
  props: { src: string; width?: string | undefined },
  at: { file: string; line: number | undefined; column: number | undefined },
): Diagnostic[] {
  const path = `content/${props.src}`;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(root, path));
  } catch {
    return [
      {
        ...at,
        severity: 'error',
        message: `<Figure> src: ${path} does not exist — expected the image there`,
        rule: 'image',
      },
    ];
  }
  const info = imageInfo(bytes);
  if (!info)
    return [
      { ...at, severity: 'error', message: `<Figure> src: ${path} is not a PNG, JPEG or SVG image`, rule: 'image' },
    ];
  if (info.width === undefined) return [];
  const mm = props.width ? Number.parseFloat(props.width) : TEXT_WIDTH_MM;
  const ppi = ppiAt(info.width, mm);
  if (ppi >= PRINT_PPI) return [];
  const needed = Math.ceil((PRINT_PPI * mm) / 25.4);
  return [
    {
      ...at,
      severity: 'warning',
      message: `${path} prints at ${Math.floor(ppi)} ppi (${info.width} px across ${mm} mm) — expected at least ${PRINT_PPI} ppi: ${needed} px wide or more, a narrower width="…mm", or an SVG`,
      rule: 'image-resolution',
    },
  ];
}

/** The image as a data: URL, so the page and the PDF need no file beside them. */
export function imageDataUrl(root: string, src: string): string {
  const bytes = readFileSync(join(root, 'content', src));
  const info = imageInfo(bytes);
  const type = info?.format === 'svg' ? 'image/svg+xml' : info?.format === 'jpeg' ? 'image/jpeg' : 'image/png';
  return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** One image as the verification schedule lists it: material a reviewer checks against its source. */
export interface ScheduledImage {
  src: string;
  alt: string;
  file: string;
  line: number | undefined;
  /** `SVG (vector)` or `1,200 × 400 px, 179 ppi at 170 mm`. */
  resolution: string;
  lowResolution: boolean;
}

export function imageSchedule(
  root: string,
  occurrences: readonly { component: string; props: Record<string, unknown>; file: string; line: number | undefined }[],
): ScheduledImage[] {
  return occurrences
    .filter((o) => o.component === 'Figure')
    .map((o) => {
      const src = String(o.props['src']);
      const info = imageInfo(readFileSync(join(root, 'content', src)));
      const mm = typeof o.props['width'] === 'string' ? Number.parseFloat(o.props['width']) : TEXT_WIDTH_MM;
      const ppi = info?.width === undefined ? undefined : Math.floor(ppiAt(info.width, mm));
      return {
        src: `content/${src}`,
        alt: String(o.props['alt']),
        file: o.file,
        line: o.line,
        resolution: ppi === undefined ? 'SVG (vector)' : `${info?.width} × ${info?.height} px, ${ppi} ppi at ${mm} mm`,
        lowResolution: ppi !== undefined && ppi < PRINT_PPI,
      };
    });
}
