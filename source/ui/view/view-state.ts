import type { LayoutBox, Link, ViewState } from '../../layout/index.js';
import { believedDown, failureStateOf, type Impact } from '../../sim/index.js';
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

/** The request being stepped: its path so far and the hop shown (none under traffic). */
function stepped(design: DesignState): Pick<ViewState, 'path' | 'active'> {
  const { timeline } = design;
  const frame = currentFrame(timeline);
  const hops = design.folded ? [] : (frame.trace?.hops.slice(0, timeline.hop) ?? []);
  const path: Link[] = hops.map((h) => ({ from: h.from, to: h.to }));
  const last = hops[hops.length - 1];
  return { path, ...(last ? { active: { from: last.from, to: last.to, direction: last.direction } } : {}) };
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
