/**
 * Dates and times as each edition spells them, from ISO data (`2024-12-16`, `09:00`):
 * 2024年12月16日（星期一）/ Monday, 16 December 2024; 上午九時正 / 9:00 a.m.; 中午十二時正 /
 * 12:00 noon. The weekday is computed from the date, never typed.
 */
import { chineseNumeral } from '../i18n/format.ts';
import type { Locale } from '../i18n/locale.ts';
import { EN_MONTHS } from '../i18n/periods.ts';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `2024-12-16` → its parts; undefined for anything that is not a real calendar date. */
export function parseDate(text: string): CalendarDate | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return undefined;
  return { year, month, day };
}

/** `09:30` → minutes after midnight; undefined when not a 24-hour time. */
export function parseTime(text: string): number | undefined {
  const m = ISO_TIME.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** 0 = Sunday … 6 = Saturday, by the proleptic Gregorian calendar (UTC, so no time zone moves it). */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const ZH_WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const EN_WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface DateStyle {
  /** Adds the weekday: 2024年12月16日（星期一）/ Monday, 16 December 2024. */
  weekday?: boolean;
}

/** 2024年12月16日 / 16 December 2024, with the weekday when asked. */
export function spellDate(date: CalendarDate, locale: Locale, style: DateStyle = {}): string {
  const day = weekday(date);
  if (locale === 'en') {
    const plain = `${date.day} ${EN_MONTHS[date.month]} ${date.year}`;
    return style.weekday ? `${EN_WEEKDAY[day]}, ${plain}` : plain;
  }
  const plain = `${date.year}年${date.month}月${date.day}日`;
  return style.weekday ? `${plain}（星期${ZH_WEEKDAY[day]}）` : plain;
}

/**
 * 上午九時正, 上午十一時四十五分, 中午十二時正, 下午五時正, 晚上八時正, 午夜十二時正 /
 * 9:00 a.m., 11:45 a.m., 12:00 noon, 5:00 p.m., 12:00 midnight (minutes after midnight).
 */
export function spellTime(minutes: number, locale: Locale): string {
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  if (locale === 'en') {
    if (minute === 0 && hour === 12) return '12:00 noon';
    if (minute === 0 && hour === 0) return '12:00 midnight';
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    return `${h12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
  }
  const period = hour === 0 ? '午夜' : hour < 12 ? '上午' : hour === 12 ? '中午' : hour < 18 ? '下午' : '晚上';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${period}${chineseNumeral(h12)}時${minute === 0 ? '正' : `${chineseNumeral(minute)}分`}`;
}

/**
 * A date with its time as each edition joins them: 2024年12月9日（星期一）上午九時正 /
 * 9:00 a.m. on Monday, 9 December 2024.
 */
export function spellDateTime(date: CalendarDate, minutes: number, locale: Locale, style: DateStyle = {}): string {
  const d = spellDate(date, locale, style);
  const t = spellTime(minutes, locale);
  return locale === 'en' ? `${t} on ${d}` : `${d}${t}`;
}
