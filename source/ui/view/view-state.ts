import type { Link, ViewState } from '../../layout/types.js';
import { believedDown, isDown } from '../../sim/engine.js';
import type { Impact } from '../../sim/types.js';
import type { DesignState } from '../state/app-state.js';
import { selectableIds } from '../state/selection.js';
import { currentFrame } from '../state/timeline.js';

/** The letter the SPOF overlay writes on a box (the panel's legend spells them out). */
export const impactMarks: Readonly<Record<Impact, string>> = {
  outage: 'S',
  writes: 'W',
  partial: 'P',
  degraded: 'D',
  none: '',
};

/**
 * What the diagram shows for the design as it stands: reality (failed) next to the load
 * balancers' belief, the request's path up to the hop being shown, the selection, the tour
 * slide's focus and the SPOF marks. Pure: the same design state always gives the same view.
 */
export function viewStateOf(design: DesignState): ViewState {
  const { timeline, topology } = design;
  const frame = currentFrame(timeline);
  const hops = frame.trace?.hops.slice(0, timeline.hop) ?? [];
  const path: Link[] = hops.map((h) => ({ from: h.from, to: h.to }));
  const last = hops[hops.length - 1];
  const view: ViewState = {
    failed: selectableIds(topology).filter((id) => isDown(frame.sim, id)),
    believedDown: believedDown(frame.sim),
    path,
    ...(last ? { active: { from: last.from, to: last.to, direction: last.direction } } : {}),
    selected: design.selected,
  };
  if (design.mode === 'tour') return { ...view, focus: topology.tour[design.slide]?.focus ?? [] };
  if (design.mode === 'spof' && design.spof) {
    const marks = Object.fromEntries(design.spof.filter((r) => r.impact !== 'none').map((r) => [r.id, impactMarks[r.impact]]));
    return { ...view, marks };
  }
  return view;
}
