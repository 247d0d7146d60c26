import { createContext, useContext, type ReactNode } from 'react';
import type { LayoutBox } from '../layout/index.js';
import type { Topology } from '../model/types.js';
import type { Scenario } from '../scenario/index.js';
import type { Action } from './state/actions.js';
import type { AppState, ScrollTarget } from './state/app-state.js';
import type { Store } from './state/store.js';
import type { Theme } from './theme.js';
import type { ScrollMetrics } from './view/scroll-window.js';

/** A built-in design as the home screen lists it. */
interface DesignEntry {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

/** The app's effects, injected so tests can run the app without files or a terminal. */
export interface AppEnv {
  /**
   * A topology by number, id or file path, failing with a `TopologyError` of readable lines. A
   * built-in comes back at once; a file is read and parsed on demand, so it comes as a promise.
   */
  readonly loadTopology: (arg: string) => Topology | Promise<Topology>;
  /** The built-in designs for the home screen, in number order (read when first shown). */
  readonly designs: () => readonly DesignEntry[];
  /**
   * Whether the app may use the file system for the user: open a topology by path, export or
   * record to a file. False in a classroom session over SSH (a student may touch no file on the
   * server); absent means allowed, as on the command line.
   */
  readonly fileAccess?: boolean;
  /**
   * Writes `text` to the file `name` (relative to where the app started) and resolves to the
   * path written; with `replace` false an existing file is kept and a numbered name used.
   * Absent where the session may not write files (a classroom over SSH): `:export` is refused.
   */
  readonly saveFile?: (name: string, text: string, options: { readonly replace: boolean }) => Promise<string>;
  /**
   * False where the screen is shown to an audience following a presenter: a scenario's `note:`
   * steps are for the presenter's eyes only, so they are not drawn. Absent means shown.
   */
  readonly presenterNotes?: boolean;
  /** The built-in scenarios, each with the designs it opens (read once); absent where none are offered. */
  readonly builtinScenarios?: () => Promise<readonly BuiltinScenario[]>;
  /** The terminal the app draws on; absent where there is none (the test renderer). */
  readonly terminal?: TerminalControls;
}

/** A built-in scenario by name (`3-scaled-failover`), ready to play. */
export interface BuiltinScenario {
  readonly name: string;
  readonly scenario: Scenario;
  readonly designs: Readonly<Record<string, Topology>>;
}

/** What the user can ask of the terminal itself, from any screen. */
interface TerminalControls {
  /** Clear the screen and draw everything again (Ctrl-L). */
  readonly redraw: () => void;
  /** Give the terminal back and stop, as Ctrl-Z does; `fg` comes back to the same screen. */
  readonly suspend: () => void;
}

/**
 * What the last render drew that key handling needs: the boxes (for moving the selection
 * spatially), what the scrolling panels hold, and whether the terminal is big enough to use. Written by the screens as they
 * render; a cache of the view, not app state.
 */
export interface ViewCache {
  boxes: readonly LayoutBox[];
  usable: boolean;
  /** What each scrolling panel drew last, for the scroll keys. */
  scroll?: Partial<Record<ScrollTarget, ScrollMetrics>>;
}

export interface AppContextValue {
  readonly store: Store<AppState, Action>;
  readonly theme: Theme;
  readonly env: AppEnv;
  readonly view: ViewCache;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Provides the store, theme and effects to every component below. */
export function AppProvider({ value, children }: { value: AppContextValue; children: ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

/** The app context; components are only ever rendered inside `AppProvider`. */
export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside AppProvider');
  return value;
}
