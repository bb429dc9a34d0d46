/**
 * The whole view state in the URL fragment, e.g.
 *   #sel=palmyra&from=2016-01-01&to=2017-12-31&map=1&hide=type:capture,kind:actor,mod:claimed,rel:source,com:3&doc=a.txt&min=2&imp=50&top=600&iso=1&color=community&size=mentions&cam=0.5,0.5,1
 * Parsing is forgiving: unknown or malformed parts are ignored, never thrown on.
 */
import { isoPeriod } from './dates';
import { HIDDEN_KEY } from './filters';
import { COLOUR_MODES, SIZE_MODES, type ColourMode, type SizeMode } from './legend';

export interface CameraSnapshot {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** Hidden legend keys ("kind:actor", "type:capture", "mod:claimed", "rel:source", "com:3"), sorted. */
  hidden: string[];
  document: string | null;
  minMentions: number;
  /** The least important nodes hidden, as a percentile of the graph's nodes (0 = none). */
  importance: number;
  /** ISO days, inclusive; null = open. */
  from: string | null;
  to: string | null;
  selected: string | null;
  camera: CameraSnapshot | null;
  map: boolean;
  /** Overview budget: null = the default, 0 = every node. */
  limit: number | null;
  /** Draw nodes that have no edge at all. */
  unconnected: boolean;
  /** What node colours mean. */
  colour: ColourMode;
  /** What node sizes mean. */
  size: SizeMode;
  /** How far from the selected node its neighbourhood reaches (1 or 2 steps). */
  depth: 1 | 2;
}

export function defaultViewState(): ViewState {
  return { hidden: [], document: null, minMentions: 0, importance: 0, from: null, to: null, selected: null, camera: null, map: false, limit: null, unconnected: false, colour: 'type', size: 'importance', depth: 1 };
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (v: string | null): string | null => (v && ISO_DAY.test(v) && isoPeriod(v) ? v : null);

/** Parse "#a=b&c=d" (or "?a=b", or "a=b"). */
export function parseViewState(fragment: string): ViewState {
  const state = defaultViewState();
  const text = fragment.replace(/^[#?]/, '');
  if (!text) return state;
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    const raw = eq === -1 ? '' : pair.slice(eq + 1);
    switch (name) {
      case 'hide': {
        const items = raw.split(',').map(decode).filter((v): v is string => !!v && HIDDEN_KEY.test(v));
        state.hidden = [...new Set(items)].sort();
        break;
      }
      case 'doc':
        state.document = decode(raw) || null;
        break;
      case 'min': {
        const n = Number(decode(raw));
        state.minMentions = Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
        break;
      }
      case 'imp': {
        const n = Number(decode(raw));
        state.importance = Number.isInteger(n) && n > 0 && n < 100 ? n : 0;
        break;
      }
      case 'from':
        state.from = validDay(decode(raw));
        break;
      case 'to':
        state.to = validDay(decode(raw));
        break;
      case 'sel':
        state.selected = decode(raw) || null;
        break;
      case 'map':
        state.map = raw === '1' || raw === 'true';
        break;
      case 'top': {
        const n = raw === 'all' ? 0 : Number(decode(raw));
        state.limit = Number.isInteger(n) && n >= 0 ? n : null;
        break;
      }
      case 'color': {
        const mode = COLOUR_MODES.find((m) => m === raw);
        if (mode) state.colour = mode;
        break;
      }
      case 'size': {
        const mode = SIZE_MODES.find((m) => m === raw);
        if (mode) state.size = mode;
        break;
      }
      case 'depth':
        if (raw === '2') state.depth = 2;
        break;
      case 'iso':
        state.unconnected = raw === '1' || raw === 'true';
        break;
      case 'cam': {
        const parts = (decode(raw) ?? '').split(',').map(Number);
        const [x, y, ratio] = parts;
        if (parts.length === 3 && [x, y, ratio].every((v) => Number.isFinite(v)) && ratio! > 0) {
          state.camera = { x: x!, y: y!, ratio: ratio! };
        }
        break;
      }
      default:
        break;
    }
  }
  return state;
}

const round = (v: number): string => String(Math.round(v * 10000) / 10000);

/** Serialise in a fixed order, defaults omitted; "" for the default state. */
export function serialiseViewState(state: ViewState): string {
  const parts: string[] = [];
  if (state.selected) parts.push(`sel=${encodeURIComponent(state.selected)}`);
  if (state.from) parts.push(`from=${state.from}`);
  if (state.to) parts.push(`to=${state.to}`);
  if (state.map) parts.push('map=1');
  if (state.hidden.length) parts.push(`hide=${[...state.hidden].sort().map(encodeURIComponent).join(',').replace(/%3A/g, ':')}`);
  if (state.document) parts.push(`doc=${encodeURIComponent(state.document)}`);
  if (state.minMentions > 0) parts.push(`min=${state.minMentions}`);
  if (state.importance > 0) parts.push(`imp=${state.importance}`);
  if (state.limit !== null) parts.push(`top=${state.limit === 0 ? 'all' : state.limit}`);
  if (state.unconnected) parts.push('iso=1');
  if (state.colour !== 'type') parts.push(`color=${state.colour}`);
  if (state.size !== 'importance') parts.push(`size=${state.size}`);
  if (state.depth === 2) parts.push('depth=2');
  if (state.camera) parts.push(`cam=${[state.camera.x, state.camera.y, state.camera.ratio].map(round).join(',')}`);
  return parts.join('&');
}
