import { castDraft, produce, type Draft } from 'immer';
import type { Action } from './actions.js';
import type { AppState } from './app-state.js';
import { computeNext, moveCompare, openCompare } from './compare.js';
import { reduceDesign } from './design-reducer.js';
import { escape } from './escape.js';
import { openLine } from '../commands/line-editor.js';
import { answerAsk, scenarioBeat, scenarioStep, startScenario, toggleScenario } from './scenario-play.js';
import { answer, askReset, goHome, openDesign } from './sessions.js';

/**
 * The one reducer of the app: every state change goes through it. Pure (the engine it calls is
 * pure and deterministic), so replaying a list of actions reproduces a session exactly.
 */
export function appReducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'tick':
    case 'play-hop':
      return tick(state, action);
    case 'open-design':
      return openDesign(state, action.topology);
    case 'go-home':
      return goHome(state);
    case 'escape':
      return escape(state);
    case 'reset':
      return askReset(state);
    case 'confirm':
      return answer(state, action.yes);
    case 'scroll':
      return { ...state, scroll: { ...state.scroll, [action.target]: action.spot } };
    case 'scenario-open': {
      // Played, a recording is laid out at the size it was recorded at (see the App).
      const started = startScenario(state, action.scenario, action.designs, appReducer);
      return action.scenario.size ? { ...started, size: action.scenario.size } : started;
    }
    case 'scenario-step':
      return scenarioStep(state, action.to, appReducer);
    case 'scenario-play':
      return toggleScenario(state);
    case 'scenario-beat':
      return scenarioBeat(state, appReducer);
    case 'answer':
      return answerAsk(state, action.choice);
    case 'open-compare':
      return openCompare(state, action.designs);
    case 'compare-next':
      return computeNext(state);
    case 'compare-move':
      return moveCompare(state, action.row, action.column, action.rows);
  }
  return produce(state, (draft) => {
    switch (action.type) {
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
      case 'resize':
        draft.size = { columns: action.columns, rows: action.rows };
        return;
      default:
        if (!state.design) return;
        applyDesign(draft, reduceDesign(state.design, action));
    }
  });
}

/**
 * A tick (and a hop of play) only moves the clock: an open command line stays, and the footer
 * changes only when the step has something to say. It skips immer: the traffic engine already
 * returns new objects and never mutates, and ten ticks a second of freezing a whole traffic
 * state (log, window, engine) would cost a frame's budget.
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
