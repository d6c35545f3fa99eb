/**
 * Draws every `figure[data-chart]` with Chart.js and reports readiness for print.
 *
 * Print contract (read by scripts/pdf): `window.__prospectus.ready` resolves once fonts are loaded
 * and every chart has drawn; `window.__prospectus.charts` maps figure id → 'pending' | 'drawn' |
 * 'failed', so a hang names its figure. Charts are redrawn in `beforeprint`, which makes Chromium
 * record them as vector paths and text in the PDF instead of a bitmap.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

const FONT = '"Noto Sans TC"';
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 11;
Chart.defaults.color = '#1a1a1a';

interface ProspectusOptions {
  decimals: number;
  stacked: boolean;
  totals: (number | null)[] | null;
}

type State = 'pending' | 'drawn' | 'failed';
declare global {
  interface Window {
    __prospectus?: { ready: Promise<void>; charts: Record<string, State>; errors: string[] };
  }
}

const format = (value: number, decimals: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Values on the bars and totals above the stacks, drawn as text so they print as text. */
const valueLabels: Plugin<'bar'> = {
  id: 'prospectusValues',
  afterDatasetsDraw(chart) {
    const opts = (chart.options.plugins as Record<string, unknown>)['prospectus'] as ProspectusOptions | undefined;
    if (!opts) return;
    const { ctx } = chart;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.font = `10px ${FONT}`;
    const tops: number[] = [];
    chart.data.datasets.forEach((dataset, di) => {
      const meta = chart.getDatasetMeta(di);
      meta.data.forEach((bar, i) => {
        const value = dataset.data[i];
        if (typeof value !== 'number') return;
        const { x, y, base } = bar.getProps(['x', 'y', 'base'], true) as { x: number; y: number; base: number };
        tops[i] = Math.min(tops[i] ?? Number.POSITIVE_INFINITY, y);
        const height = Math.abs(base - y);
        if (opts.stacked) {
          // A lone segment equal to its total would print the same number twice.
          const alone = chart.data.datasets.filter((d) => typeof d.data[i] === 'number').length === 1;
          if (height < 12 || (alone && opts.totals?.[i] === value)) return;
          ctx.fillStyle = di === 0 ? '#ffffff' : '#1a1a1a';
          ctx.textBaseline = 'middle';
          ctx.fillText(format(value, opts.decimals), x, (y + base) / 2);
        } else {
          ctx.fillStyle = '#1a1a1a';
          ctx.textBaseline = 'bottom';
          ctx.fillText(format(value, opts.decimals), x, y - 2);
        }
      });
    });
    if (opts.totals) {
      ctx.font = `bold 10px ${FONT}`;
      ctx.fillStyle = '#1a1a1a';
      ctx.textBaseline = 'bottom';
      const meta = chart.getDatasetMeta(0);
      opts.totals.forEach((total, i) => {
        const bar = meta.data[i];
        if (total === null || !bar) return;
        const x = (bar.getProps(['x'], true) as { x: number }).x;
        const top = tops[i] ?? chart.scales['y']?.getPixelForValue(total) ?? 0;
        ctx.fillText(format(total, opts.decimals), x, top - 3);
      });
    }
    ctx.restore();
  },
};

function configFor(figure: HTMLElement): ChartConfiguration<'bar'> {
  const json = figure.querySelector('script[type="application/json"]')?.textContent ?? '{}';
  const config = JSON.parse(json) as ChartConfiguration<'bar'> & { options: { prospectus: ProspectusOptions } };
  const { prospectus } = config.options;
  const max = Math.max(
    ...(prospectus.totals ?? []).filter((v): v is number => v !== null),
    ...config.data.datasets.flatMap((d) => d.data.filter((v): v is number => typeof v === 'number')),
  );
  return {
    ...config,
    plugins: [valueLabels],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 18 } },
      scales: {
        x: { stacked: prospectus.stacked, grid: { display: false }, ticks: { autoSkip: false } },
        // Values are printed on the bars; an axis would only repeat them less precisely.
        y: { stacked: prospectus.stacked, display: false, beginAtZero: true, suggestedMax: max * 1.08 },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10 } },
        tooltip: { enabled: false },
        prospectus,
      } as Record<string, unknown>,
    },
  };
}

async function fontsFor(figures: HTMLElement[]): Promise<void> {
  // Canvas text does not trigger web-font loading; ask for the glyphs the charts will use.
  const text = figures.map((f) => f.querySelector('script[type="application/json"]')?.textContent ?? '').join('');
  const glyphs = [...new Set(`${text}0123456789.,()`)].join('');
  await Promise.all([document.fonts.load(`10px ${FONT}`, glyphs), document.fonts.load(`bold 10px ${FONT}`, glyphs)]);
  await document.fonts.ready;
}

function start(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
  const charts: Record<string, State> = Object.fromEntries(figures.map((f) => [f.id, 'pending' as State]));
  const errors: string[] = [];
  const instances: Chart<'bar'>[] = [];
  const ready = (async () => {
    await fontsFor(figures);
    for (const figure of figures) {
      try {
        const canvas = figure.querySelector('canvas');
        if (!canvas) throw new Error('no canvas');
        instances.push(new Chart(canvas, configFor(figure)));
        charts[figure.id] = 'drawn';
        figure.dataset['chartState'] = 'drawn';
      } catch (e) {
        charts[figure.id] = 'failed';
        errors.push(`${figure.id}: ${(e as Error).message}`);
      }
    }
    document.documentElement.dataset['chartsReady'] = errors.length ? 'failed' : 'true';
  })();
  window.__prospectus = { ready, charts, errors };
  window.addEventListener('beforeprint', () => {
    for (const chart of instances) {
      chart.resize();
      chart.update('none');
    }
  });
}

start();
