/**
 * The compare screen's state: the designs side by side (the built-ins, with the design of the
 * same id the user has open instead when there is one, then the user's own files), each one's
 * figures once computed, and the highlighted cell. The figures are computed by the reducer a
 * part of one design per action (`compare-next`), which the screen sends after each frame while
 * some lack: keys, Esc and Ctrl-C get through between two parts.
 */
import type { Topology } from '../../model/types.js';
import { compareRows, summaryStart, summaryStep, type CompareFigure, type DesignSummary, type SummaryWork } from '../../sim/index.js';
import type { AppState } from './app-state.js';

export interface CompareState {
  readonly designs: readonly Topology[];
  /** Per design, its figures, or null while they are computed. */
  readonly summaries: readonly (DesignSummary | null)[];
  /** The highlighted cell: a row of figures and a design's column. */
  readonly row: number;
  readonly column: number;
  /** The design whose figures are being worked out, and the part of them done so far. */
  readonly work?: { readonly column: number; readonly part: SummaryWork };
}

/** The topologies the user has open or kept, the one on screen first. */
function openTopologies(state: AppState): Topology[] {
  return [...(state.design ? [state.design.topology] : []), ...Object.values(state.sessions).map((d) => d.topology)];
}

/**
 * The designs to compare: each built-in (`builtins`, in number order) or the user's design of
 * the same id, then the user's other designs (files), in the order they were opened.
 */
export function compareDesigns(state: AppState, builtins: readonly Topology[]): Topology[] {
  const open = openTopologies(state);
  const byId = new Map(open.map((t) => [t.id, t]));
  const ids = new Set(builtins.map((b) => b.id));
  return [...builtins.map((b) => byId.get(b.id) ?? b), ...open.filter((t) => !ids.has(t.id))];
}

/** Opens the compare screen on `designs`, the design on screen highlighted; figures already known are kept. */
export function openCompare(state: AppState, designs: readonly Topology[]): AppState {
  const known = state.compare;
  const summaries = designs.map((t) => {
    const i = known?.designs.indexOf(t) ?? -1;
    return i >= 0 ? (known?.summaries[i] ?? null) : null;
  });
  const column = Math.max(0, designs.findIndex((t) => t.id === state.design?.topology.id));
  return { ...state, screen: 'compare', overlay: 'none', message: null, compare: { designs, summaries, row: known?.row ?? 0, column } };
}

/** Whether some design of the compare screen still lacks its figures. */
export const comparePending = (state: Pick<AppState, 'compare'>): boolean => state.compare?.summaries.includes(null) ?? false;

/**
 * One part more of the figures of a design that lacks them (the one under way, else the
 * highlighted one first), computed by the engine with the app's seed (deterministic: a replay
 * computes the same). Seconds of work for a big design, so the screen asks for one part at a
 * time, after drawing.
 */
export function computeNext(state: AppState): AppState {
  const c = state.compare;
  if (!c) return state;
  const column = c.work?.column ?? (c.summaries[c.column] === null ? c.column : c.summaries.indexOf(null));
  const topology = c.designs[column];
  if (!topology) return state;
  const { work: _, ...rest } = c;
  const step = summaryStep(topology, state.seed, c.work?.part ?? summaryStart);
  if ('work' in step) return { ...state, compare: { ...rest, work: { column, part: step.work } } };
  return { ...state, compare: { ...rest, summaries: c.summaries.map((s, i) => (i === column ? step.summary : s)) } };
}

/** Moves the highlight, staying inside `rows` rows and the designs' columns. */
export function moveCompare(state: AppState, rowDelta: number, columnDelta: number, rows: number): AppState {
  const c = state.compare;
  if (!c) return state;
  const clamp = (n: number, max: number) => Math.min(Math.max(0, n), Math.max(0, max - 1));
  return { ...state, compare: { ...c, row: clamp(c.row + rowDelta, rows), column: clamp(c.column + columnDelta, c.designs.length) } };
}

/** The highlighted cell: its design, that design's figures (null while computed), the row's figure and label. */
export function compareFigure(state: Pick<AppState, 'compare'>): { topology: Topology; summary: DesignSummary | null; figure: CompareFigure; label: string } | null {
  const c = state.compare;
  const topology = c?.designs[c.column];
  const row = c && compareRows([]).at(c.row);
  if (!c || !topology || !row) return null;
  return { topology, summary: c.summaries[c.column] ?? null, figure: row.figure, label: row.label };
}

/** Leaves the compare screen: back to the design on screen, or home. */
export function leaveCompare(state: AppState): AppState {
  return { ...state, screen: state.design ? 'design' : 'home' };
}
