import type { LayoutBox, Link, ViewState } from '../../layout/index.js';
import { believedDown, failureStateOf, RESOLVER, topologyIndex, type Hop, type Impact } from '../../sim/index.js';
import { failureView } from './failure-view.js';
import type { DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { spofShown } from '../state/spof-work.js';
import { selectableIds } from '../state/selection.js';
import { currentFrame } from '../state/timeline.js';
import { trafficBadges } from './traffic-badges.js';

/** The letter the SPOF overlay writes on a box (the panel's legend spells them out). */
export const impactMarks: Readonly<Record<Impact, string>> = {
  outage: 'S',
  writes: 'W',
  partial: 'P',
  degraded: 'D',
  none: '',
};

/**
 * The SPOF overlay's impact letters after the failure marks (a one-row box shows only the first
 * letter, so the live state wins over the what-if).
 */
function withImpacts(design: DesignState, marks: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const rows = design.mode === 'spof' ? spofShown(design) : null;
  if (!rows) return marks;
  const out = { ...marks };
  for (const r of rows) if (r.impact !== 'none') out[r.id] = `${out[r.id] ?? ''}${impactMarks[r.impact]}`;
  return out;
}

/**
 * The line a hop is drawn on. The client's resolver is no component: its exchanges are drawn on
 * the client's line to the name server the lookup asks (the nearest such hop of the trace), the
 * resolver's end standing at the client; an answer from its cache, which asks nobody, is not drawn.
 */
function drawnLink(hops: readonly Hop[], i: number, client: string): Link | null {
  const h = hops[i] as Hop;
  if (h.from !== RESOLVER && h.to !== RESOLVER) return { from: h.from, to: h.to };
  const far = h.from === RESOLVER ? h.to : h.from;
  // Talking to a name server, the resolver stands at the client; talking to the client, at the server it asks.
  const stand = far !== client ? client : nearestServer(hops, i, client);
  if (stand === undefined) return null;
  return { from: h.from === RESOLVER ? stand : h.from, to: h.to === RESOLVER ? stand : h.to };
}

/** The name server the lookup around hop `i` asks: the resolver's nearest exchange with something other than the client. */
function nearestServer(hops: readonly Hop[], i: number, client: string): string | undefined {
  let best: { server: string; distance: number } | undefined;
  hops.forEach((h, k) => {
    const server = h.from === RESOLVER ? h.to : h.to === RESOLVER ? h.from : client;
    if (server !== client && (!best || Math.abs(k - i) < best.distance)) best = { server, distance: Math.abs(k - i) };
  });
  return best?.server;
}

/** The request being stepped: its path so far and the hop shown (none under traffic). */
function stepped(design: DesignState): Pick<ViewState, 'path' | 'active'> {
  const { timeline } = design;
  const frame = currentFrame(timeline);
  const all = frame.trace?.hops ?? [];
  const client = topologyIndex(design.topology).client.id;
  const shown = design.folded ? 0 : Math.min(timeline.hop, all.length);
  const path: Link[] = [];
  for (let i = 0; i < shown; i++) {
    const link = drawnLink(all, i, client);
    if (link) path.push(link);
  }
  const last = shown > 0 ? drawnLink(all, shown - 1, client) : null;
  return { path, ...(last ? { active: { ...last, direction: (all[shown - 1] as Hop).direction } } : {}) };
}

/**
 * What the diagram shows for the design as it stands: reality (failed, hung) next to the load
 * balancers' belief, the selection, the tour slide's focus and the SPOF marks; in step mode the
 * request's path up to the hop shown, under traffic the links carrying it and each component's
 * load as a badge that fits its box in `boxes`. Pure: the same design state always gives the
 * same view.
 */
export function viewStateOf(design: DesignState, boxes: readonly LayoutBox[] = []): ViewState {
  const { topology, traffic } = design;
  const sim = liveSim(design);
  const ids = selectableIds(topology);
  const states = ids.flatMap((id) => {
    const state = failureStateOf(sim, id);
    return state ? [[id, state] as const] : [];
  });
  const { failed, marks: failureMarks } = failureView(states);
  const marks = withImpacts(design, failureMarks);
  const view: ViewState = {
    failed,
    believedDown: believedDown(sim),
    ...(traffic
      ? { path: traffic.state.current.links.map((l) => ({ from: l.from, to: l.to })), badges: trafficBadges(traffic.state.current, boxes) }
      : stepped(design)),
    selected: design.selected,
    ...(Object.keys(marks).length > 0 ? { marks } : {}),
  };
  const focus = [...(design.mode === 'tour' ? (topology.tour[design.slide]?.focus ?? []) : []), ...(design.pointed ? [design.pointed] : [])];
  return design.mode === 'tour' || focus.length > 0 ? { ...view, focus } : view;
}
