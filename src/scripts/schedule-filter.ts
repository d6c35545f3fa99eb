/**
 * Filters the verification schedule by chapter, source, tie-out status and the editions a figure
 * appears in (one-edition-only matches a figure in either edition only).
 */
import { ONE_EDITION } from '../lib/pair-editions.ts';

const form = document.querySelector<HTMLFormElement>('.schedule-filters');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('table[data-schedule] tbody tr')];
const count = document.querySelector<HTMLOutputElement>('[data-filter-count]');

function apply(): void {
  if (!form) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  let shown = 0;
  for (const row of rows) {
    const visible = selects.every((s) => {
      const key = s.dataset['filter'] ?? '';
      const value = row.dataset[key] ?? '';
      if (s.value === '') return true;
      if (key === 'sources') return value.split('，').includes(s.value);
      if (key === 'editions' && s.value === ONE_EDITION.value) return value !== 'both';
      return value === s.value;
    });
    row.hidden = !visible;
    if (visible) shown++;
  }
  if (count) count.textContent = `顯示 ${shown} / ${rows.length} 項`;
}

form?.addEventListener('change', apply);
apply();
