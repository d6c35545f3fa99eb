/**
 * The dates of the document as data (data/timetable.yaml): the expected timetable, the Latest
 * Practicable Date and the accountants' report date. Bound in prose with `<Date of="…" />`:
 * `timetable.<event id>`, `latest-practicable-date`, `accountants-report-date`.
 */
import type { Located } from '../data/registry.ts';
import { type Diagnostic, didYouMean } from '../diagnostics.ts';
import type { Timetable, TimetableEvent } from '../schema/timetable.ts';
import { type CalendarDate, parseDate, parseTime } from './dates.ts';
import { titleTerms } from './titles.ts';

export const TIMETABLE_FILE = 'data/timetable.yaml';

/** Dates the document states outright; an Application Proof withholds none of them. */
export const FIXED_DATES = ['latest-practicable-date', 'accountants-report-date'] as const;

/** When an event happens, for ordering: its day, and its time when it has one. */
function instant(event: TimetableEvent): { day: number; minutes: number | undefined } {
  const d = parseDate(event.date) as CalendarDate;
  return { day: Date.UTC(d.year, d.month - 1, d.day), minutes: event.time ? parseTime(event.time) : undefined };
}

/**
 * Each event that happens before the one listed above it: a record at its line naming both.
 * Events of one day without a time keep their written order (announcements of one day are
 * listed as they will be made).
 */
export function timetableOrder(entry: Located<Timetable>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const events = entry.value.events;
  for (let i = 1; i < events.length; i++) {
    const before = events[i - 1] as TimetableEvent;
    const event = events[i] as TimetableEvent;
    const a = instant(before);
    const b = instant(event);
    const earlier =
      b.day < a.day || (b.day === a.day && a.minutes !== undefined && b.minutes !== undefined && b.minutes < a.minutes);
    if (!earlier) continue;
    const when = (e: TimetableEvent) => `${e.date}${e.time ? ` ${e.time}` : ''}`;
    diagnostics.push({
      file: entry.file,
      line: entry.lineOf(['events', i]),
      severity: 'error',
      message: `event "${event.id}" (${when(event)}) is listed after "${before.id}" (${when(before)}, line ${entry.lineOf(['events', i - 1]) ?? '?'}) but happens before it — expected the events in the order they happen`,
      rule: 'timetable-order',
    });
  }
  const notes = new Set(entry.value.notes.map((n) => n.id));
  events.forEach((event, i) => {
    for (const [k, note] of (event.notes ?? []).entries()) {
      if (notes.has(note)) continue;
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf(['events', i, 'notes', k]),
        severity: 'error',
        message: `event "${event.id}" refers to note "${note}", which is not in notes — expected one of ${[...notes].join(', ') || '(no notes)'}`,
        rule: 'timetable-note',
      });
    }
  });
  const seen = new Map<string, number>();
  events.forEach((event, i) => {
    const first = seen.get(event.id);
    if (first !== undefined || (FIXED_DATES as readonly string[]).includes(event.id)) {
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf(['events', i, 'id']),
        severity: 'error',
        message: `event id "${event.id}" is ${first !== undefined ? `already used at line ${entry.lineOf(['events', first]) ?? '?'}` : 'the name of a fixed date'} — expected each event its own id`,
        rule: 'duplicate-id',
      });
    } else seen.set(event.id, i);
  });
  return diagnostics;
}

/** Each `{term}` in an event's label or a note that is not a redaction term: a record at its line. */
export function timetableTerms(entry: Located<Timetable>, terms: ReadonlySet<string>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const check = (text: string, path: PropertyKey[]) => {
    for (const term of titleTerms(text)) {
      if (terms.has(term)) continue;
      diagnostics.push({
        file: entry.file,
        line: entry.lineOf(path),
        severity: 'error',
        message: `{${term}} is not a redaction term${didYouMean(term, terms)} — expected {id} with an id of data/redactions.yaml`,
        rule: 'title-redaction',
      });
    }
  };
  entry.value.events.forEach((e, i) => {
    check(e.label.zh, ['events', i, 'label', 'zh']);
    check(e.label.en, ['events', i, 'label', 'en']);
  });
  entry.value.notes.forEach((n, i) => {
    check(n.text.zh, ['notes', i, 'text', 'zh']);
    check(n.text.en, ['notes', i, 'text', 'en']);
  });
  return diagnostics;
}
