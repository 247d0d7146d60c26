import { castDraft, produce, type Draft } from 'immer';
import { builtinIds } from '../../model/builtin-ids.js';
import type { Action } from './actions.js';
import type { AppState, DesignState } from './app-state.js';
import { reduceDesign } from './design-reducer.js';
import { openLine } from '../commands/line-editor.js';
import { initialSelection } from './selection.js';
import { startTimeline } from './timeline.js';
import { initialPlay } from './play.js';
import { leave } from './traffic-reducer.js';

/**
 * The one reducer of the app: every state change goes through it. Pure (the engine it calls is
 * pure and deterministic), so replaying a list of actions reproduces a session exactly.
 */
export function appReducer(state: AppState, action: Action): AppState {
  if (action.type === 'tick' || action.type === 'play-hop') return tick(state, action);
  return produce(state, (draft) => {
    switch (action.type) {
      case 'open-design': {
        const design: DesignState = {
          topology: action.topology,
          timeline: startTimeline(action.topology, state.seed),
          selected: initialSelection(action.topology),
          mode: 'explore',
          slide: 0,
          spof: null,
          panel: 'trace',
          inspector: 'about',
          traffic: null,
          view: 'main',
          logFilter: '',
          wire: null,
          play: initialPlay,
        };
        draft.design = castDraft(design);
        draft.screen = 'design';
        draft.overlay = 'none';
        draft.message = { text: `${action.topology.title}: s sends a request, ? shows every key`, level: 'info' };
        const listed = (builtinIds as readonly string[]).indexOf(action.topology.id);
        if (listed >= 0) draft.highlighted = listed;
        return;
      }
      case 'go-home':
        draft.screen = 'home';
        draft.design = null;
        draft.overlay = 'none';
        draft.message = null;
        return;
      case 'highlight':
        draft.highlighted = action.index;
        return;
      case 'overlay':
        draft.overlay = action.overlay;
        draft.line = castDraft(openLine(state.line, action.draft ?? ''));
        draft.composer = 0;
        return;
      case 'line':
        draft.line = castDraft(action.line);
        return;
      case 'composer-move':
        draft.composer = (state.composer + action.delta + action.count) % action.count;
        return;
      case 'message':
        draft.message = action.message;
        return;
      case 'quit':
        draft.quitting = true;
        return;
      case 'escape':
        escape(draft, state);
        return;
      default:
        if (!state.design) return;
        applyDesign(draft, reduceDesign(state.design, action));
    }
  });
}

/**
 * A tick (and a hop of play) only moves the clock: the footer message and an open command line stay. It skips
 * immer: the traffic engine already returns new objects and never mutates, and ten ticks a
 * second of freezing a whole traffic state (log, window, engine) would cost a frame's budget.
 */
function tick(state: AppState, action: Action & { type: 'tick' | 'play-hop' }): AppState {
  const update = state.design && (action.type === 'play-hop' || state.design.traffic) ? reduceDesign(state.design, action) : {};
  if (!update.design) return state;
  return { ...state, design: update.design, message: update.message ?? state.message };
}

function applyDesign(draft: Draft<AppState>, update: ReturnType<typeof reduceDesign>): void {
  if (update.design) draft.design = castDraft(update.design);
  draft.message = update.message ?? null;
  draft.overlay = 'none';
}

/**
 * Esc peels one layer: an overlay, then a view (log, monitoring, wire), then a mode (tour,
 * SPOF), then traffic mode, then the design itself.
 */
function escape(draft: Draft<AppState>, state: AppState): void {
  if (state.overlay !== 'none') {
    draft.overlay = 'none';
    return;
  }
  const design = state.design;
  if (design && design.view !== 'main') {
    draft.design = castDraft({ ...design, view: 'main' as const });
    return;
  }
  if (design && design.mode !== 'explore') {
    draft.design = castDraft({ ...design, mode: 'explore' as const });
    return;
  }
  if (design?.traffic) {
    const left = leave(design);
    draft.design = castDraft(left.design ?? design);
    draft.message = left.message ?? null;
    return;
  }
  if (state.screen === 'design') {
    draft.screen = 'home';
    draft.design = null;
    draft.message = null;
  }
}
