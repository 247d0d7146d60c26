import type { LayoutBox } from '../../layout/index.js';
import type { Topology } from '../../model/types.js';
import type { Scenario } from '../../scenario/index.js';
import type { SessionInput, SimInput } from '../../sim/index.js';
import type { PlaySpeed } from './play.js';
import type { Direction } from './selection.js';
import type { LineState } from '../commands/line-editor.js';
import type { MainView, Message, Overlay, ScrollSpot, ScrollTarget } from './app-state.js';

/**
 * Every change the app can make to its state. A demo is a list of these; replaying it gives
 * the same screens (the engine is deterministic and the reducer pure).
 */
export type Action =
  | { readonly type: 'open-design'; readonly topology: Topology }
  /** Home, the design on screen kept for when it is opened again. */
  | { readonly type: 'go-home' }
  /** Start the design on screen afresh (asks first when that drops anything). */
  | { readonly type: 'reset' }
  /** The answer to the confirm overlay. */
  | { readonly type: 'confirm'; readonly yes: boolean }
  /** Where a panel is scrolled to (worked out from what it drew, by the key handler). */
  | { readonly type: 'scroll'; readonly target: ScrollTarget; readonly spot: ScrollSpot }
  | { readonly type: 'highlight'; readonly index: number }
  /** Apply an engine input (fail, hang, heal, advance, promote, send, maintenance) at the current point in time. */
  | { readonly type: 'engine'; readonly input: SimInput }
  /** Fail the selection if it is up (as the user left it), heal it if it is down. */
  | { readonly type: 'toggle-selected' }
  /** Hang the selection (an app server or a database) if it answers, restart it if it hangs. */
  | { readonly type: 'toggle-hang' }
  | { readonly type: 'promote'; readonly id?: string }
  /** One hop forward (pausing play); under traffic, pause and let one second pass. */
  | { readonly type: 'step' }
  | { readonly type: 'back' }
  | { readonly type: 'replay' }
  | { readonly type: 'select'; readonly id: string }
  | { readonly type: 'cycle-selection'; readonly delta: 1 | -1 }
  /** Move the selection to the nearest box in a direction, among the boxes as drawn now. */
  | { readonly type: 'move-selection'; readonly direction: Direction; readonly boxes: readonly LayoutBox[] }
  | { readonly type: 'tour'; readonly to: 'toggle' | 'next' | 'prev' }
  | { readonly type: 'toggle-spof' }
  | { readonly type: 'toggle-panel' }
  /** Switch the inspector between what the selection is and its configuration (and show it). */
  | { readonly type: 'toggle-config' }
  /** A big topology: draw alike components as one box, or every one in its own. */
  | { readonly type: 'toggle-groups' }
  /** Open or close an overlay; the command line opens holding `draft` (e.g. `send `). */
  | { readonly type: 'overlay'; readonly overlay: Overlay; readonly draft?: string }
  | { readonly type: 'line'; readonly line: LineState }
  /** Move the composer's highlight, wrapping around a list of `count` entries. */
  | { readonly type: 'composer-move'; readonly delta: 1 | -1; readonly count: number }
  /** Esc: one level back (an overlay, a view, the inspector, a mode, the stepped request, the design). */
  | { readonly type: 'escape' }
  | { readonly type: 'message'; readonly message: Message }
  /** Enter traffic mode (`on`), leave it (`leave`), pause it (`off`), or pause/resume (`toggle`). */
  | { readonly type: 'traffic'; readonly to: 'on' | 'off' | 'toggle' | 'leave' }
  /** Play the request on screen hop by hop, or pause it. */
  | { readonly type: 'play'; readonly to: 'toggle' }
  /** The play timer: one hop more of the playing request. */
  | { readonly type: 'play-hop' }
  | { readonly type: 'play-speed'; readonly delta: 1 | -1 }
  | { readonly type: 'play-speed'; readonly to: PlaySpeed }
  /**
   * Traffic inputs the engine's session takes as they are: a tick of virtual time (the clock hook
   * sends these; nothing if paused), the offered load or one notch of its 1-2-5 ladder, the mix,
   * the clock's speed, a deploy.
   */
  | Extract<SessionInput, { type: 'tick' | 'qps' | 'qps-step' | 'mix' | 'speed' | 'speed-step' | 'deploy' | 'work' }>
  /** Show a view in the main panel; asking for the one shown goes back to the main content. */
  | { readonly type: 'view'; readonly view: MainView }
  | { readonly type: 'log-filter'; readonly filter: string }
  | { readonly type: 'wire'; readonly from: string; readonly to: string }
  /** A new branch of events from here, the one left kept as it stands (`name` or what-if, what-if-2...). */
  | { readonly type: 'branch'; readonly name?: string }
  /** To another branch, exactly as it was left (the last one left, without a name). */
  | { readonly type: 'switch'; readonly name?: string }
  /** Play a scenario: its design opened afresh; `designs` holds every design it names, read beforehand. */
  | { readonly type: 'scenario-open'; readonly scenario: Scenario; readonly designs: Readonly<Record<string, Topology>> }
  /** The scenario's next step (time runs up to it), or back to the exact state before the last one. */
  | { readonly type: 'scenario-step'; readonly to: 'next' | 'back' }
  /** p while a scenario has steps left: it plays on its own (time runs, steps fall due), or stops. */
  | { readonly type: 'scenario-play' }
  /** One beat of a scenario playing on its own (its timer sends these). */
  | { readonly type: 'scenario-beat' }
  /** An answer to the scenario's question on screen: the choice's number, 0-based. */
  | { readonly type: 'answer'; readonly choice: number }
  /** A presenter points at a component or host for everyone following (null: stops pointing). */
  | { readonly type: 'point'; readonly id: string | null }
  /** The compare screen on these designs (the key handler gathers them: built-ins are read through the app's env). */
  | { readonly type: 'open-compare'; readonly designs: readonly Topology[] }
  /** Compute the figures of one more design of the compare screen (the highlighted one first). */
  | { readonly type: 'compare-next' }
  /** Move the compare screen's highlight, inside `rows` rows of figures. */
  | { readonly type: 'compare-move'; readonly row: number; readonly column: number; readonly rows: number }
  /**
   * The terminal's size, as the app saw it change outside scenarios: kept in a recording, and as
   * a recording's step, the size a replay lays the following steps out at (within the terminal's).
   */
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'quit' };
