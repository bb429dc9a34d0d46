/** The timeline: events per month, a draggable from/to range (two sliders over the chart) and Play. */
import { dayToIso, isoPeriod, isoToDay, type DayRange } from '../core/dates';
import { monthHistogram, timeAxis, type MonthBin, type TimeIndex } from '../core/time';
import { byId } from './dom';

/** Year label steps, and the least room between two labels (a year is ~25 px at 10 px). */
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100];
const MIN_TICK_GAP = 34;

export class Timeline {
  private readonly root = byId('timeline');
  private readonly canvas = byId<HTMLCanvasElement>('timeline-chart');
  private readonly from = byId<HTMLInputElement>('time-from');
  private readonly to = byId<HTMLInputElement>('time-to');
  private readonly play = byId<HTMLButtonElement>('play');
  private readonly label = byId<HTMLOutputElement>('time-label');
  private readonly earlierEl = byId('time-earlier');
  /** Dated events before the axis (counted in the range while the from-thumb is at its start). */
  private earlier = 0;
  private bins: MonthBin[] = [];
  private domain: DayRange | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly onRange: (from: string | null, to: string | null) => void) {
    for (const input of [this.from, this.to]) {
      input.addEventListener('input', () => this.fromInputs(input));
      input.addEventListener('change', () => this.fromInputs(input));
    }
    this.play.addEventListener('click', () => (this.timer ? this.stop() : this.start()));
    new ResizeObserver(() => this.drawSoon()).observe(this.canvas);
  }

  setData(index: TimeIndex): void {
    this.stop();
    const axis = timeAxis(index);
    this.earlier = axis?.earlier ?? 0;
    this.bins = monthHistogram(index, axis?.start ?? null);
    const first = this.bins[0];
    const last = this.bins[this.bins.length - 1];
    this.domain = first && last ? { start: isoPeriod(first.month)!.start, end: isoPeriod(last.month)!.end } : null;
    const span = this.domain ? this.domain.end - this.domain.start : 0;
    this.root.classList.toggle('empty', !this.domain);
    for (const input of [this.from, this.to]) {
      input.min = '0';
      input.max = String(span);
      input.disabled = !this.domain;
    }
    this.play.disabled = !this.domain;
    this.root.dataset.minDate = this.domain ? dayToIso(this.domain.start) : '';
    this.root.dataset.maxDate = this.domain ? dayToIso(this.domain.end) : '';
    this.setRange(null, null);
  }

  /** Show a range (ISO days or null for the domain's ends) without reporting it back. */
  setRange(from: string | null, to: string | null): void {
    const d = this.domain;
    const span = d ? d.end - d.start : 0;
    const clampOffset = (iso: string | null, fallback: number): number => {
      const day = isoToDay(iso);
      return d && day !== null ? Math.max(0, Math.min(span, day - d.start)) : fallback;
    };
    this.from.value = String(clampOffset(from, 0));
    this.to.value = String(clampOffset(to, span));
    this.syncLabels();
  }

  /** The range the sliders show, in days, or null when they cover everything. */
  range(): DayRange | null {
    const d = this.domain;
    if (!d) return null;
    const a = d.start + Number(this.from.value);
    const b = d.start + Number(this.to.value);
    return { start: Math.min(a, b), end: Math.max(a, b) };
  }

  private fromInputs(moved: HTMLInputElement): void {
    const d = this.domain;
    if (!d) return;
    let a = Number(this.from.value);
    let b = Number(this.to.value);
    if (a > b) {
      // Dragging one thumb past the other pushes it along.
      if (moved === this.from) b = a;
      else a = b;
      this.from.value = String(a);
      this.to.value = String(b);
    }
    this.syncLabels();
    const span = d.end - d.start;
    this.onRange(a <= 0 ? null : dayToIso(d.start + a), b >= span ? null : dayToIso(d.start + b));
  }

  private syncLabels(): void {
    const r = this.range();
    if (!r || !this.domain) {
      this.label.textContent = 'No dated events';
      this.from.removeAttribute('data-date');
      this.to.removeAttribute('data-date');
      this.drawSoon();
      return;
    }
    // When the thumbs meet, the one nearer the middle must stay grabbable.
    const span = this.domain.end - this.domain.start;
    this.from.style.zIndex = Number(this.from.value) > span / 2 ? '3' : '1';
    this.to.style.zIndex = '2';
    const fromIso = dayToIso(r.start);
    const toIso = dayToIso(r.end);
    this.from.dataset.date = fromIso;
    this.to.dataset.date = toIso;
    this.from.setAttribute('aria-valuetext', fromIso);
    this.to.setAttribute('aria-valuetext', toIso);
    const open = Number(this.from.value) <= 0;
    this.label.textContent = `${open && this.earlier > 0 ? 'earlier + ' : ''}${fromIso} → ${toIso}`;
    this.earlierEl.hidden = this.earlier === 0;
    this.earlierEl.textContent = `${this.earlier} earlier`;
    this.earlierEl.title = `${this.earlier} dated events before ${dayToIso(this.domain.start)}: shown while the range starts at the beginning`;
    this.earlierEl.classList.toggle('included', open);
    this.drawSoon();
  }

  private start(): void {
    const d = this.domain;
    if (!d) return;
    const span = d.end - d.start;
    let width = Number(this.to.value) - Number(this.from.value);
    if (width >= span || width <= 0) width = Math.max(31, Math.round(span / 6));
    let offset = Number(this.from.value);
    if (offset + width >= span) offset = 0;
    const step = Math.max(1, Math.round(span / 150));
    this.play.setAttribute('aria-pressed', 'true');
    this.play.textContent = '❚❚ Pause';
    const tick = (): void => {
      this.from.value = String(offset);
      this.to.value = String(Math.min(span, offset + width));
      this.fromInputs(this.from);
      if (offset + width >= span) this.stop();
      offset += step;
    };
    tick();
    this.timer = setInterval(tick, 90);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.play.setAttribute('aria-pressed', 'false');
    this.play.textContent = '▶ Play';
  }

  private frame = 0;

  /** One chart redraw per frame, however many range changes it saw. */
  private drawSoon(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (w === 0 || h === 0) return;
    // (resizing a canvas reallocates it: only when its size changed)
    if (canvas.width !== Math.round(w * ratio)) canvas.width = Math.round(w * ratio);
    if (canvas.height !== Math.round(h * ratio)) canvas.height = Math.round(h * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const d = this.domain;
    if (!d || this.bins.length === 0) return;
    const r = this.range()!;
    const max = Math.max(1, ...this.bins.map((b) => b.count));
    const n = this.bins.length;
    const barW = w / n;
    const chartH = h - 14;
    ctx.font = '10px Inter, system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    // Year labels every `step` years, so that they stay at least MIN_TICK_GAP px apart.
    const step = YEAR_STEPS.find((y) => y * 12 * barW >= MIN_TICK_GAP) ?? YEAR_STEPS[YEAR_STEPS.length - 1]!;
    const ticks: { year: number; x: number }[] = [];
    this.bins.forEach((bin, i) => {
      const period = isoPeriod(bin.month)!;
      const inside = period.end >= r.start && period.start <= r.end;
      const bh = bin.count === 0 ? 0 : Math.max(2, (bin.count / max) * (chartH - 4));
      ctx.fillStyle = inside ? '#d1495b' : '#c8ccd2';
      ctx.fillRect(i * barW + (barW > 3 ? 1 : 0), chartH - bh, Math.max(1, barW - (barW > 3 ? 2 : 0)), bh);
      const year = Number(bin.month.slice(0, 4));
      if (bin.month.endsWith('-01') && year % step === 0) ticks.push({ year, x: i * barW });
    });
    // The first month gets a label too when it is not crowded by the first tick.
    const firstYear = Number(this.bins[0]!.month.slice(0, 4));
    if (!this.bins[0]!.month.endsWith('-01') && (ticks[0]?.x ?? Infinity) >= MIN_TICK_GAP) ticks.unshift({ year: firstYear, x: 0 });
    ctx.fillStyle = '#6b7280';
    for (const t of ticks) {
      ctx.fillText(String(t.year), t.x + 2, h);
      ctx.fillRect(t.x, chartH, 1, 4);
    }
    const tickData = JSON.stringify(ticks.map((t) => ({ year: t.year, x: Math.round(t.x) })));
    if (canvas.dataset.ticks !== tickData) canvas.dataset.ticks = tickData;
    // Shade what lies outside the range.
    const span = d.end - d.start + 1;
    const x0 = ((r.start - d.start) / span) * w;
    const x1 = ((r.end + 1 - d.start) / span) * w;
    ctx.fillStyle = 'rgba(247,248,250,0.65)';
    ctx.fillRect(0, 0, x0, chartH);
    ctx.fillRect(x1, 0, w - x1, chartH);
  }
}
