import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvText, parseCsv } from '../../src/lib/csv.ts';
import { leastSigned, SIGNOFF_STATE_LABEL, scheduleRowKeys } from '../../src/lib/review/schedule-state.ts';
import { signoffStatus } from '../../src/lib/review/status.ts';
import type { ServedCopy } from './copy.ts';
import { HttpError } from './http.ts';
import type { Signoff, Store } from './store/store.ts';

/**
 * Text a reviewer typed, made inert for spreadsheet software: a cell starting with = + - @ or a
 * control character would be read as a formula, so it gets a leading apostrophe (OWASP's advice).
 */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const SIGNOFF_COLUMNS = ['簽核項目', '簽核狀態', '簽核人', '簽核時間', '簽核說明', '佐證文件'];

/** GET /_review/schedule.csv: the copy's verification.csv with each row's sign-off state after its columns. */
export function scheduleCsv(store: Store, copy: ServedCopy): string {
  const path = join(copy.dir, 'verification.csv');
  if (!existsSync(path)) throw new HttpError(404, 'the served copy has no verification.csv');
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (!header) throw new HttpError(500, 'the served copy has an empty verification.csv');
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new HttpError(500, `the served copy's verification.csv has no column ${name}`);
    return i;
  };
  const [chapter, location, ref] = [column('章節'), column('位置'), column('數據編號')];
  const places = rows.map((r) => ({ chapter: r[chapter] ?? '', location: r[location] ?? '', ref: r[ref] ?? '' }));
  const keys = scheduleRowKeys(places, [...copy.items.values()]);
  const statuses = signoffStatus([...copy.items.values()], store.signoffs());
  const lines = rows.map((row, i) => {
    const rowKeys = keys[i] ?? [];
    const states = rowKeys.map((k) => statuses.get(k));
    const state = leastSigned(states.map((s) => s?.status ?? 'none'));
    const newest = states
      .flatMap((s) => s?.signoffs ?? [])
      .reduce<Signoff | undefined>((a, s) => (a === undefined || s.at > a.at ? s : a), undefined);
    return [
      ...row,
      rowKeys.join(' '),
      SIGNOFF_STATE_LABEL[state],
      inertCell(newest?.by ?? ''),
      newest?.at ?? '',
      inertCell(newest?.note ?? ''),
      inertCell(newest?.evidence ?? ''),
    ];
  });
  return csvText([[...header, ...SIGNOFF_COLUMNS], ...lines]);
}

const QUERY_STATUS = { open: '待回覆', answered: '已回覆', closed: '已結束' } as const;

/** GET /_review/queries.csv: every query with its answers, oldest first. */
export function queriesCsv(store: Store, copy: ServedCopy): string {
  const header = ['編號', '項目', '位置', '狀態', '提出人', '提出時間', '查詢', '回覆', '結束人', '結束時間'];
  const lines = store
    .queries()
    .map((q) => [
      String(q.id),
      q.key,
      copy.items.get(q.key)?.label ?? '（不在此版本）',
      QUERY_STATUS[q.status],
      inertCell(q.by),
      q.at,
      inertCell(q.text),
      inertCell(q.answers.map((a) => `${a.by}（${a.at}）：${a.text}`).join('\n')),
      inertCell(q.closedBy ?? ''),
      q.closedAt ?? '',
    ]);
  return csvText([header, ...lines]);
}
