/**
 * Draws every `figure[data-chart]` with Chart.js into inline SVG and reports readiness for print.
 *
 * Chart.js lays out and draws as usual, but onto svgcanvas, a 2D-context look-alike that records
 * SVG elements. The page then holds no canvases: a 450-page document with 250 charts needed over
 * half a gigabyte of canvas memory, and Chromium printed canvases as vectors only when they were
 * redrawn during printing. SVG prints as paths and real text, needs no redraw, and scales.
 *
 * Print contract (read by scripts/lib/render-pdf.ts): `data-charts-ready` on <html> is set once
 * fonts are loaded and every chart has drawn ('true', or 'failed' with `window.__prospectus.errors`);
 * `window.__prospectus.charts` maps figure id → 'pending' | 'drawn' | 'failed', so a hang names
 * its figure. The PDF step loads the page with print media emulated, so charts are drawn at their
 * printed size.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  BasicPlatform,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
} from 'chart.js';
import { Context } from 'svgcanvas';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
);

// An English page draws its charts in the Latin sans of its text: with the TC face first, its
// Latin glyphs drew the labels and the English PDF embedded Chinese fonts for them.
const FONT = document.documentElement.lang.startsWith('en') ? '"Noto Sans", "Noto Sans TC"' : '"Noto Sans TC"';
Chart.defaults.font.family = FONT;
Chart.defaults.font.size = 11;
Chart.defaults.color = '#1a1a1a';

interface ProspectusOptions {
  decimals: number;
  /** Absent for the plain bars the sample draws. */
  kind?: 'bar' | 'hbar' | 'line' | 'doughnut' | 'bar-line';
  /** bar-line: the decimals of the line's values (a growth rate). */
  lineDecimals?: number;
  stacked: boolean;
  totals: (number | null)[] | null;
}

type State = 'pending' | 'drawn' | 'failed';
declare global {
  interface Window {
    __prospectus?: { charts: Record<string, State>; errors: string[] };
  }
}

const format = (value: number, decimals: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Values at the points, on the slices and beside horizontal bars, as text that prints as text. */
function otherLabels(chart: Chart, opts: ProspectusOptions): void {
  const { ctx } = chart;
  chart.data.datasets.forEach((dataset, di) => {
    const meta = chart.getDatasetMeta(di);
    const line = (dataset as { type?: string }).type === 'line' || opts.kind === 'line';
    const decimals = opts.kind === 'bar-line' && line ? (opts.lineDecimals ?? 0) : opts.decimals;
    meta.data.forEach((element, i) => {
      const value = dataset.data[i];
      if (typeof value !== 'number') return;
      ctx.fillStyle = '#1a1a1a';
      if (opts.kind === 'doughnut') {
        const { x, y } = element.tooltipPosition(true) as { x: number; y: number };
        ctx.fillStyle = i === 0 ? '#ffffff' : '#1a1a1a';
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.fillText(`${format(value, decimals)}%`, x, y);
      } else if (opts.kind === 'hbar') {
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(format(value, decimals), x + 3, y);
      } else {
        // A point's value above it; a bar's (bar-line) above the bar.
        const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(format(value, decimals), x, y - (line ? 5 : 2));
      }
    });
  });
}

/** Values on the bars and totals above the stacks, drawn as text so they print as text. */
const valueLabels: Plugin = {
  id: 'prospectusValues',
  afterDatasetsDraw(chart) {
    const opts = (chart.options.plugins as Record<string, unknown>)['prospectus'] as ProspectusOptions | undefined;
    if (!opts) return;
    const { ctx } = chart;
    ctx.save();
    ctx.textAlign = 'center';
    ctx.font = `10px ${FONT}`;
    if (opts.kind !== undefined && opts.kind !== 'bar') {
      otherLabels(chart, opts);
      ctx.restore();
      return;
    }
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

/** Scales and elements of the types other than plain bars; values are printed, axes hidden. */
function otherOptions(prospectus: ProspectusOptions, max: number): Record<string, unknown> {
  const hidden = { display: false, beginAtZero: true, suggestedMax: max * 1.1 };
  switch (prospectus.kind) {
    case 'doughnut':
      return { cutout: '50%', layout: { padding: 8 } };
    case 'hbar':
      return {
        indexAxis: 'y',
        layout: { padding: { right: 48 } },
        scales: { y: { grid: { display: false } }, x: hidden },
      };
    case 'line':
      return {
        layout: { padding: { top: 18, left: 12, right: 12 } },
        elements: { line: { tension: 0, borderWidth: 2, fill: false }, point: { radius: 3 } },
        scales: { x: { grid: { display: false } }, y: { ...hidden, beginAtZero: false, grace: '15%' } },
      };
    default:
      return {
        layout: { padding: { top: 18 } },
        elements: { line: { tension: 0, borderWidth: 2, fill: false }, point: { radius: 3 } },
        // The bars keep to the lower half and the line runs above them, so neither hides the other.
        scales: {
          x: { grid: { display: false } },
          y: { ...hidden, suggestedMax: max * 2 },
          y2: { display: false, position: 'right', beginAtZero: true, grace: '10%' },
        },
      };
  }
}

function configFor(figure: HTMLElement): ChartConfiguration {
  const json = figure.querySelector('script[type="application/json"]')?.textContent ?? '{}';
  const config = JSON.parse(json) as ChartConfiguration & { options: { prospectus: ProspectusOptions } };
  const { prospectus } = config.options;
  const max = Math.max(
    ...(prospectus.totals ?? []).filter((v): v is number => v !== null),
    ...config.data.datasets
      .filter((d) => (d as { yAxisID?: string }).yAxisID === undefined)
      .flatMap((d) => d.data.filter((v): v is number => typeof v === 'number')),
  );
  if (prospectus.kind !== undefined && prospectus.kind !== 'bar') {
    // Chart.js strokes a line through a cached Path2D, which svgcanvas cannot record; a `segment`
    // option makes it draw the path point by point, so the line lands in the SVG as a path.
    const datasets = config.data.datasets.map((d) =>
      prospectus.kind === 'line' || (d as { type?: string }).type === 'line' ? { ...d, segment: {} } : d,
    );
    return {
      ...config,
      data: { ...config.data, datasets } as ChartConfiguration['data'],
      plugins: [valueLabels],
      platform: BasicPlatform,
      options: {
        animation: false,
        responsive: false,
        devicePixelRatio: 1,
        maintainAspectRatio: false,
        ...otherOptions(prospectus, max),
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10 } },
          tooltip: { enabled: false },
          prospectus,
        } as Record<string, unknown>,
      },
    } as ChartConfiguration;
  }
  return {
    ...config,
    plugins: [valueLabels],
    // The basic platform draws into whatever context it is given and binds no DOM events.
    platform: BasicPlatform,
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
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
  // Text is measured on a canvas, which does not load web fonts; ask for the chart glyphs first.
  const text = figures.map((f) => f.querySelector('script[type="application/json"]')?.textContent ?? '').join('');
  const glyphs = [...new Set(`${text}0123456789.,()`)].join('');
  await Promise.all([document.fonts.load(`10px ${FONT}`, glyphs), document.fonts.load(`bold 10px ${FONT}`, glyphs)]);
  await document.fonts.ready;
}

/** One real context for text measurement, shared by every chart. */
let measuring: CanvasRenderingContext2D | null = null;

interface Size {
  width: number;
  height: number;
}

/**
 * The frame's size. Reading it lays the page out, so sizes are read for all charts before any
 * is drawn: reading after each drawing would lay out a 500-page document once per chart.
 */
function frameSize(figure: HTMLElement): Size {
  const frame = figure.querySelector<HTMLElement>('.chart-frame');
  return { width: Math.round(frame?.clientWidth ?? 0), height: Math.round(frame?.clientHeight ?? 0) };
}

/** Draws one chart at the given size and puts the SVG in the frame's surface. */
function draw(figure: HTMLElement, { width, height }: Size): Size {
  const surface = figure.querySelector<HTMLElement>('.chart-frame .chart-surface');
  if (!surface) throw new Error('no chart frame');
  if (width === 0 || height === 0) throw new Error(`chart frame has no size (${width}×${height})`);
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) throw new Error('no 2D context for text measurement');
  const context = new Context({ width, height, ctx: measuring });
  const surrogate = { getContext: () => context } as unknown as HTMLCanvasElement;
  const chart = new Chart(surrogate, configFor(figure));
  // destroy() clears the drawing, so keep a copy of what was drawn first.
  const svg = context.getSvg().cloneNode(true) as SVGSVGElement;
  chart.destroy();
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  // The drawing itself carries the text alternative (the surface has it too, for a page read
  // without JavaScript): Chromium tags an image that paints as a PDF Figure with that Alt text.
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', surface.dataset['label'] ?? '');
  svg.setAttribute('focusable', 'false');
  surface.removeAttribute('role');
  surface.removeAttribute('aria-label');
  surface.replaceChildren(svg);
  return { width, height };
}

function start(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
  const charts: Record<string, State> = Object.fromEntries(figures.map((f) => [f.id, 'pending' as State]));
  const errors: string[] = [];
  const drawn = new Map<HTMLElement, Size>();
  const ready = (async () => {
    await fontsFor(figures);
    const sizes = figures.map(frameSize);
    for (const [i, figure] of figures.entries()) {
      try {
        drawn.set(figure, draw(figure, sizes[i] as Size));
        charts[figure.id] = 'drawn';
        figure.dataset['chartState'] = 'drawn';
      } catch (e) {
        charts[figure.id] = 'failed';
        errors.push(`${figure.id}: ${(e as Error).message}`);
      }
    }
    document.documentElement.dataset['chartsReady'] = errors.length ? 'failed' : 'true';
  })();
  window.__prospectus = { charts, errors };

  // The SVG scales with its frame, but a frame of another shape would letterbox it and scale its
  // text; redraw at the new size instead. Sub-pixel differences (print layout) are not a change.
  const redraw = (changes: [HTMLElement, Size][]) => {
    for (const [figure, size] of changes) {
      const was = drawn.get(figure);
      if (!was || (Math.abs(size.width - was.width) < 2 && Math.abs(size.height - was.height) < 2)) continue;
      try {
        drawn.set(figure, draw(figure, size));
      } catch {
        // The drawing already shown stays; the frame may be hidden for a moment.
      }
    }
  };
  const observer = new ResizeObserver((entries) => {
    const changes: [HTMLElement, Size][] = [];
    for (const entry of entries) {
      const figure = entry.target.closest<HTMLElement>('figure[data-chart]');
      const { width, height } = entry.contentRect;
      if (figure) changes.push([figure, { width: Math.round(width), height: Math.round(height) }]);
    }
    redraw(changes);
  });
  void ready.then(() => {
    for (const figure of drawn.keys()) {
      const frame = figure.querySelector('.chart-frame');
      if (frame) observer.observe(frame);
    }
    // Printing a page from the browser switches to print media, where frames take the printed
    // size (print.css) before any page is laid out; draw for it then, and back afterwards.
    matchMedia('print').addEventListener('change', () => {
      redraw([...drawn.keys()].map((figure) => [figure, frameSize(figure)]));
    });
  });
}

start();
