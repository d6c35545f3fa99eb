/** Filters the verification schedule by chapter, source and tie-out status. */
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
      return s.value === '' || (key === 'sources' ? value.split('，').includes(s.value) : value === s.value);
    });
    row.hidden = !visible;
    if (visible) shown++;
  }
  if (count) count.textContent = `顯示 ${shown} / ${rows.length} 項`;
}

form?.addEventListener('change', apply);
apply();

export {};
