/**
 * Search with Pagefind's own API (no third-party UI): results link to the chapter with an excerpt.
 * The index is loaded from this site at /pagefind/ — nothing leaves the origin.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

const form = document.querySelector<HTMLFormElement>('.search-form');
const input = document.querySelector<HTMLInputElement>('#q');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
let engine: Promise<Pagefind> | undefined;

// The page's edition: Pagefind picks its index by <html lang>, the status line speaks the same.
const english = document.documentElement.lang === 'en';
const say = english
  ? { busy: 'Searching…', found: (term: string, n: number) => `“${term}”: ${n} ${n === 1 ? 'result' : 'results'}` }
  : { busy: '搜尋中…', found: (term: string, n: number) => `「${term}」：${n} 項結果` };

async function load(): Promise<Pagefind> {
  const url = new URL(form?.dataset['pagefind'] ?? '/pagefind/pagefind.js', window.location.href).href;
  engine ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return engine;
}

async function run(term: string): Promise<void> {
  if (!status || !list) return;
  list.replaceChildren();
  if (!term.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = say.busy;
  const pagefind = await load();
  const { results } = await pagefind.search(term);
  const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
  for (const item of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.meta.title ?? item.url;
    const p = document.createElement('p');
    // Pagefind's excerpt marks hits with <mark>; it is built from our own pages.
    p.innerHTML = item.excerpt;
    li.append(a, p);
    list.append(li);
  }
  status.textContent = say.found(term, results.length);
}

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  const term = input?.value ?? '';
  history.replaceState(null, '', `?q=${encodeURIComponent(term)}`);
  void run(term);
});

const initial = new URLSearchParams(window.location.search).get('q');
if (initial && input) {
  input.value = initial;
  void run(initial);
}

export {};
