/**
 * The periods a prospectus reports: calendar years of a market (`2022`, `2027E`), the issuer's
 * financial years (`FY2023`, `FY2025E`), interim periods (`6M-2024-06-30`: six months ended
 * 30 June 2024) and balance-sheet dates (`2023-12-31`: as at 31 December 2023). The id is what
 * data and references use (`revenue@FY2023`); each edition spells it its own way.
 */
export type PeriodKind = 'year' | 'financial-year' | 'interim' | 'as-at';

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  forecast: boolean;
  /** The last day of a financial year or interim period, or the date of an as-at figure. */
  month?: number;
  day?: number;
  /** Length of an interim period in months. */
  months?: number;
}

/** The issuer's year end (`12-31`) from content/document.yaml; a calendar year when absent. */
export type YearEnd = string;
export const DEFAULT_YEAR_END: YearEnd = '12-31';

export const PERIOD_FORMS =
  'a year ("2022", "2027E" for a forecast), a financial year ("FY2023", "FY2025E"), ' +
  'an interim period ("6M-2024-06-30": six months ended 30 June 2024) or a date ("2023-12-31": as at)';

const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The period an id names, or undefined for an id of no known form. */
export function parsePeriodId(id: string): Period | undefined {
  let m = /^(\d{4})(E)?$/.exec(id);
  if (m) return { id, kind: 'year', year: Number(m[1]), forecast: m[2] === 'E' };
  m = /^FY(\d{4})(E)?$/.exec(id);
  if (m) return { id, kind: 'financial-year', year: Number(m[1]), forecast: m[2] === 'E' };
  m = new RegExp(`^(\\d{1,2})M-${DATE}$`).exec(id);
  if (m) {
    const [months, year, month, day] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (months < 1 || months > 11 || !validDate(year, month, day)) return undefined;
    return { id, kind: 'interim', year, forecast: false, month, day, months };
  }
  m = new RegExp(`^${DATE}$`).exec(id);
  if (m) {
    const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
    if (!validDate(year, month, day)) return undefined;
    return { id, kind: 'as-at', year, forecast: false, month, day };
  }
  return undefined;
}

export function isAnnual(period: Period): boolean {
  return period.kind === 'year' || period.kind === 'financial-year';
}

function endOf(period: Period, yearEnd: YearEnd): { month: number; day: number } {
  if (period.month !== undefined && period.day !== undefined) return { month: period.month, day: period.day };
  const [month = 12, day = 31] = yearEnd.split('-').map(Number);
  return { month, day };
}

const ZH_MONTHS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
/** English month names, indexed by month number (1 = January). */
export const EN_MONTHS = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_COUNTS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];

/** `2027年(預計)`, `截至2023年12月31日止年度`, `截至2024年6月30日止六個月`, `於2023年12月31日`. */
export function spellPeriodZh(id: string, yearEnd: YearEnd = DEFAULT_YEAR_END): string {
  const p = parsePeriodId(id);
  if (!p) throw new RangeError(`unknown period "${id}" — expected ${PERIOD_FORMS}`);
  const forecast = p.forecast ? '(預計)' : '';
  if (p.kind === 'year') return `${p.year}年${forecast}`;
  const { month, day } = endOf(p, yearEnd);
  const date = `${p.year}年${month}月${day}日`;
  if (p.kind === 'financial-year') return `截至${date}止年度${forecast}`;
  if (p.kind === 'interim') return `截至${date}止${ZH_MONTHS[p.months ?? 0]}個月`;
  return `於${date}`;
}

/** `2027E`, `year ended 31 December 2023`, `six months ended 30 June 2024`, `as at 31 December 2023`. */
export function spellPeriodEn(id: string, yearEnd: YearEnd = DEFAULT_YEAR_END): string {
  const p = parsePeriodId(id);
  if (!p) throw new RangeError(`unknown period "${id}" — expected ${PERIOD_FORMS}`);
  if (p.kind === 'year') return id;
  const { month, day } = endOf(p, yearEnd);
  const date = `${day} ${EN_MONTHS[month]} ${p.year}`;
  if (p.kind === 'financial-year') return p.forecast ? `year ending ${date} (forecast)` : `year ended ${date}`;
  if (p.kind === 'interim') return `${EN_COUNTS[p.months ?? 0]} months ended ${date}`;
  return `as at ${date}`;
}

/**
 * A financial table's header: periods of one kind and end date share a spanning group
 * (截至12月31日止年度 / Year ended 31 December) above their years. A calendar year has no group.
 */
export function periodHeader(
  id: string,
  locale: 'zh' | 'en',
  yearEnd: YearEnd = DEFAULT_YEAR_END,
): { group: string | undefined; label: string } {
  const p = parsePeriodId(id);
  if (!p) throw new RangeError(`unknown period "${id}" — expected ${PERIOD_FORMS}`);
  const year = `${p.year}${p.forecast ? (locale === 'zh' ? '(預計)' : 'E') : ''}`;
  if (p.kind === 'year')
    return { group: undefined, label: locale === 'zh' ? `${p.year}年${p.forecast ? '(預計)' : ''}` : id };
  const { month, day } = endOf(p, yearEnd);
  if (locale === 'zh') {
    const date = `${month}月${day}日`;
    if (p.kind === 'financial-year') return { group: `截至${date}止年度`, label: `${year}年` };
    if (p.kind === 'interim') return { group: `截至${date}止${ZH_MONTHS[p.months ?? 0]}個月`, label: `${year}年` };
    return { group: `於${date}`, label: `${year}年` };
  }
  const date = `${day} ${EN_MONTHS[month]}`;
  const count = EN_COUNTS[p.months ?? 0] ?? '';
  if (p.kind === 'financial-year') return { group: `Year ended ${date}`, label: year };
  if (p.kind === 'interim')
    return { group: `${count.charAt(0).toUpperCase()}${count.slice(1)} months ended ${date}`, label: year };
  return { group: `As at ${date}`, label: year };
}
