/**
 * `<Date of="…" />` and `<Timetable />`: the document's dates from data/timetable.yaml, spelt in
 * each edition's way (dates.ts). The offer's dates (every timetable event) are withheld in a copy
 * that withholds, as Application Proofs print them: [編纂]. The Latest Practicable Date and the
 * accountants' report date are stated in every copy.
 */
import { RefError } from '../data/figure.ts';
import type { Registry } from '../data/registry.ts';
import { didYouMean } from '../diagnostics.ts';
import { type CalendarDate, parseDate, parseTime, spellDate, spellDateTime } from '../document/dates.ts';
import { stageWithholds } from '../document/stage.ts';
import { FIXED_DATES } from '../document/timetable.ts';
import { resolveTitle } from '../document/titles.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Stage } from '../schema/document.ts';
import { REDACTION_MARKER, REDACTION_MARKER_EN } from '../schema/redaction.ts';
import type { TimetableEvent } from '../schema/timetable.ts';

export interface DateOptions {
  /** Adds the weekday: 2024年12月16日（星期一）/ Monday, 16 December 2024. */
  weekday?: boolean | undefined;
  /** Adds the event's time: 上午九時正 / 9:00 a.m. on …; an event without a time is an error. */
  time?: boolean | undefined;
}

const FIXED: Record<(typeof FIXED_DATES)[number], 'latestPracticableDate' | 'accountantsReportDate'> = {
  'latest-practicable-date': 'latestPracticableDate',
  'accountants-report-date': 'accountantsReportDate',
};

const EVENT_PREFIX = 'timetable.';

function marker(locale: Locale): string {
  return locale === 'en' ? REDACTION_MARKER_EN : REDACTION_MARKER;
}

/** Every id `<Date of>` accepts: the fixed dates and `timetable.<event id>`. */
export function dateIds(registry: Registry): string[] {
  const events = registry.timetable?.value.events ?? [];
  return [...FIXED_DATES, ...events.map((e) => `${EVENT_PREFIX}${e.id}`)];
}

function eventOf(registry: Registry, of: string): TimetableEvent | undefined {
  if (!of.startsWith(EVENT_PREFIX)) return undefined;
  return registry.timetable?.value.events.find((e) => e.id === of.slice(EVENT_PREFIX.length));
}

/** A date (and time) as `<Date of>` renders it; throws a RefError for an unknown id or a missing time. */
export function dateText(
  registry: Registry,
  of: string,
  locale: Locale,
  stage: Stage,
  options: DateOptions = {},
): string {
  const timetable = registry.timetable?.value;
  if (!timetable)
    throw new RefError(`<Date of="${of}">: there is no data/timetable.yaml — expected the document's dates there`);
  if (of in FIXED) {
    if (options.time)
      throw new RefError(`<Date of="${of}" time>: a fixed date has no time — expected no time attribute`);
    const date = parseDate(timetable[FIXED[of as keyof typeof FIXED]]) as CalendarDate;
    return spellDate(date, locale, { weekday: options.weekday === true });
  }
  const event = eventOf(registry, of);
  if (!event)
    throw new RefError(
      `unknown date "${of}"${didYouMean(of, dateIds(registry))} — expected latest-practicable-date, accountants-report-date or timetable.<event id> of data/timetable.yaml`,
    );
  if (options.time && event.time === undefined)
    throw new RefError(
      `<Date of="${of}" time>: event "${event.id}" has no time in data/timetable.yaml — expected time: "HH:MM" on the event, or no time attribute`,
    );
  if (stageWithholds(stage)) return marker(locale);
  return eventWhen(event, locale, { weekday: options.weekday === true, time: options.time === true });
}

/** An event's date (and time), spelt. */
function eventWhen(event: TimetableEvent, locale: Locale, options: { weekday: boolean; time: boolean }): string {
  const date = parseDate(event.date) as CalendarDate;
  const minutes = event.time !== undefined ? parseTime(event.time) : undefined;
  if (options.time && minutes !== undefined) return spellDateTime(date, minutes, locale, { weekday: options.weekday });
  return spellDate(date, locale, { weekday: options.weekday });
}

export interface TimetableRow {
  id: string;
  label: string;
  when: string;
  /** The numbers of its notes: (1), (2) … */
  notes: number[];
}

export interface TimetableModel {
  rows: TimetableRow[];
  notes: { number: number; text: string }[];
}

/**
 * The expected timetable as a table: each event's label and its date with weekday and time, as
 * the timetable of a Hong Kong prospectus prints them (2024年12月9日（星期一）上午九時正 /
 * 9:00 a.m. on Monday, 9 December 2024; 「或之前」 / "on or before"). Undefined in a copy that
 * withholds: the table is the offer's dates.
 */
export function timetableModel(registry: Registry, locale: Locale, stage: Stage): TimetableModel | undefined {
  const timetable = registry.timetable?.value;
  if (!timetable)
    throw new RefError('<Timetable>: there is no data/timetable.yaml — expected the expected timetable there');
  if (stageWithholds(stage)) return undefined;
  const numbers = new Map(timetable.notes.map((n, i) => [n.id, i + 1]));
  const rows = timetable.events.map((event) => {
    const when = eventWhen(event, locale, { weekday: true, time: true });
    const before = event.onOrBefore ? (locale === 'en' ? `on or before ${when}` : `${when}或之前`) : when;
    return {
      id: event.id,
      label: resolveTitle(event.label[locale], registry, stage, locale),
      when: before,
      notes: (event.notes ?? []).map((n) => numbers.get(n) ?? 0),
    };
  });
  const notes = timetable.notes.map((n, i) => ({
    number: i + 1,
    text: resolveTitle(n.text[locale], registry, stage, locale),
  }));
  return { rows, notes };
}

/**
 * The timetable's dates as a copy that withholds must not show them, in each edition's plain
 * spelling (2024年12月16日, 16 December 2024): the leak scan looks for each in every output, and
 * the weekday and time forms contain them. The fixed dates are stated in every copy.
 */
export function withheldDateSpellings(registry: Registry): string[] {
  const events = registry.timetable?.value.events ?? [];
  const spellings = events.flatMap((e) => {
    const date = parseDate(e.date) as CalendarDate;
    return [spellDate(date, 'zh'), spellDate(date, 'en')];
  });
  return [...new Set(spellings)];
}
