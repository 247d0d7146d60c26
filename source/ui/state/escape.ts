import type { AppState, DesignState } from './app-state.js';
import { leaveCompare } from './compare.js';
import { answer, goHome } from './sessions.js';
import { closeSpof, spofRunning } from './spof-work.js';
import { cancelWork, leave } from './traffic-reducer.js';

type Peel = (design: DesignState) => { readonly design: DesignState; readonly text?: string } | undefined;

/**
 * The layers of the design screen Esc closes, innermost first: a long advance or the SPOF
 * analysis (stopped where it is), an open view, the inspector or
 * configuration page, a mode (tour, SPOF), traffic mode (what it did becomes one step of the
 * history, so failures and the clock stay), then the stepped request (put aside, kept in the
 * history at its hop).
 */
const layers: readonly Peel[] = [
  (d) => {
    const stopped = cancelWork(d);
    return stopped?.design ? { design: stopped.design, text: stopped.message?.text } : undefined;
  },
  (d) => {
    const closed = spofRunning(d) ? closeSpof(d) : undefined;
    return closed ? { design: closed.design, text: closed.message?.text } : undefined;
  },
  (d) => (d.view !== 'main' ? { design: { ...d, view: 'main' } } : undefined),
  (d) => (d.inspector === 'config' || d.panel === 'inspector' ? { design: { ...d, inspector: 'about', panel: 'trace' } } : undefined),
  (d) => (d.mode !== 'explore' ? { design: { ...d, mode: 'explore' }, text: d.mode === 'tour' ? tourLeft(d) : undefined } : undefined),
  (d) => {
    const left = d.traffic ? leave(d) : undefined;
    return left?.design ? { design: left.design, text: left.message?.text } : undefined;
  },
  (d) =>
    !d.traffic && !d.folded && d.timeline.hop > 0
      ? { design: { ...d, folded: true }, text: 'the request is put aside, kept in the history: Space shows it again, Esc goes home' }
      : undefined,
];

/** What leaving the tour says (and so replaces a stale "last slide" hint): where `t` picks it up. */
function tourLeft(d: DesignState): string {
  const count = d.topology.tour.length;
  const last = d.slide >= count - 1;
  return `tour left at slide ${d.slide + 1}/${count}: t ${last ? 'starts it again' : 'goes on from there'}`;
}

/**
 * Esc goes back one level and never discards anything: an overlay closes (a question is
 * answered no), the compare screen goes back to the screen it was opened from, then the design's layers one at a time, then the design goes home with its
 * session kept for when it is opened again.
 */
export function escape(state: AppState): AppState {
  if (state.overlay === 'confirm') return answer(state, false);
  if (state.overlay !== 'none') return { ...state, overlay: 'none' };
  if (state.screen === 'compare') return leaveCompare(state);
  const design = state.design;
  if (!design || state.screen !== 'design') return state;
  for (const peel of layers) {
    const peeled = peel(design);
    if (peeled) return { ...state, design: peeled.design, message: peeled.text ? { text: peeled.text, level: 'info' } : state.message };
  }
  return goHome(state);
}
