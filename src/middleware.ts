import { defineMiddleware } from 'astro:middleware';
import { project } from './lib/project.ts';

/**
 * Checks the project before any page renders. Components also call project(), but an error
 * thrown while MDX renders them in parallel reaches `astro dev` as an unhandled rejection: the
 * browser got HTTP 200 and a half page, the records only in the terminal. Thrown here, it is the
 * request's error, shown in Astro's error overlay.
 */
export const onRequest = defineMiddleware((_context, next) => {
  project();
  return next();
});
