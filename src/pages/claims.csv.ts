import type { APIRoute } from 'astro';
import { printsPdf } from '../lib/document/outputs.ts';
import { project } from '../lib/project.ts';
import { claimRows, claimsCsv } from '../lib/tieout/tieout-claims.ts';

/**
 * claims.csv: the claims table of /verification/, one row per claim. Written by Astro with the
 * site, from the tie-out result, so it exists with or without the PDF.
 */
export const GET: APIRoute = () =>
  // Bytes, not a string: a string body would be decoded again on the way out and lose its BOM.
  new Response(new TextEncoder().encode(claimsCsv(claimRows(project(), { scheduleRows: printsPdf() }))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
