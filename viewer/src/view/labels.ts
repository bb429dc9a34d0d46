/**
 * Node labels drawn by importance without overlaps (core/labels.ts), on a canvas above sigma's own
 * label layer (sigma's grid keeps one label per cell but lets neighbouring cells' labels collide,
 * and orders them by position rather than importance). Redrawn after every sigma render.
 */
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import { placeLabels, type LabelCandidate, type PlacedLabel } from '../core/labels';
import { fitCanvas } from './canvas';

export interface LabelSource {
  /** Keys drawn first whatever their size (selection, hovered neighbourhood), in order. */
  forced(): readonly string[];
  /** Every key, most important first. */
  order(): readonly string[];
  /** While a node is hovered, the only nodes that keep labels (it and its drawn neighbours). */
  focus?(): ReadonlySet<string> | null;
}

/** Smallest on-screen radius that earns a label unless forced (keeps specks unlabelled). */
const MIN_LABELLED_RADIUS = 2.5;
/** A readable screen holds a few dozen labels; more is noise. */
const MAX_LABELS = 120;
/** Above this many drawn nodes labels wait for the camera to rest, as edges do (hideEdgesOnMove). */
const LARGE_GRAPH = 5000;

/** True while the camera animates or the user drags or wheels (sigma's own test for hiding edges). */
function moving(sigma: Sigma<any, any>): boolean {
  const mouse = sigma.getMouseCaptor();
  return sigma.getCamera().isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
}

export interface LabelLayer {
  /** The labels of the last frame (screen boxes), for tests and the PNG export. */
  placed(): readonly PlacedLabel[];
  /** Redraws the labels of the current frame (after a hover, which does not re-render sigma). */
  draw(): void;
}

export function attachLabelLayer(sigma: Sigma<any, any>, source: LabelSource): LabelLayer {
  const canvas = sigma.createCanvas('ngLabels', { afterLayer: 'labels', style: { pointerEvents: 'none' } });
  canvas.setAttribute('aria-hidden', 'true');
  const widths = new Map<string, number>();
  let placed: PlacedLabel[] = [];
  const draw = (): void => {
    const fitted = fitCanvas(canvas, sigma);
    if (!fitted) return;
    const { ctx, width, height, ratio } = fitted;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    if (source.order().length > LARGE_GRAPH && moving(sigma)) {
      placed = [];
      return;
    }
    const settings = sigma.getSettings() as Settings;
    const fontSize = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
    const measure = (label: string): number => {
      let wd = widths.get(label);
      if (wd === undefined) widths.set(label, (wd = ctx.measureText(label).width));
      return wd;
    };
    const forced = source.forced();
    const forcedSet = new Set(forced);
    // A hovered neighbourhood keeps its labels, small nodes included; the rest lose theirs.
    const focus = source.focus?.() ?? null;
    function* candidates(): Generator<LabelCandidate> {
      for (const [list, isForced] of [[forced, true], [source.order(), false]] as const) {
        for (const key of list) {
          if (!isForced && (forcedSet.has(key) || (focus !== null && !focus.has(key)))) continue;
          const d = sigma.getNodeDisplayData(key);
          if (!d || d.hidden) continue;
          // a ghost has no label of its own, but the selected or hovered one is named
          const label = d.label ?? (isForced ? (sigma.getGraph().getNodeAttribute(key, 'label') as string | undefined) : null);
          if (!label) continue;
          const radius = sigma.scaleSize(d.size);
          if (!isForced && focus === null && !d.forceLabel && radius < MIN_LABELLED_RADIUS) continue;
          const p = sigma.framedGraphToViewport(d);
          // a label starts right of its node and must fit on screen: skip the rest before measuring
          // (a label may go left of its node near the right edge: core/labels.ts)
          if (p.x + radius < 0 || p.x - radius > width || p.y - 0.6 * fontSize < 0 || p.y + 0.6 * fontSize > height) continue;
          yield { key, label, x: p.x, y: p.y, radius };
        }
      }
    }
    placed = placeLabels(candidates(), { fontSize, measure, width, height, limit: MAX_LABELS });
    ctx.fillStyle = settings.labelColor.color ?? '#000';
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    for (const p of placed) {
      // a white halo keeps a label readable over edges
      ctx.strokeText(p.label, p.left, p.baseline);
      ctx.fillText(p.label, p.left, p.baseline);
    }
  };
  sigma.on('afterRender', draw);
  return { placed: () => placed, draw };
}
