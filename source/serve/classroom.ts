import type { Action } from '../ui/state/actions.js';
import type { AppState } from '../ui/state/app-state.js';
import { createAppStore } from '../ui/state/app-store.js';
import { initialAppState } from '../ui/state/app-state.js';
import type { Store } from '../ui/state/store.js';
import { startApp, type RunningApp } from '../ui/start-app.js';
import { makeTheme } from '../ui/theme.js';
import { createAskTally } from './ask-tally.js';
import type { ChannelTerminal } from './channel-terminal.js';
import { createFollowerGroups, type Follower, type Look } from './follower-groups.js';
import type { AppEnv } from '../ui/app-context.js';
import { sessionEnv } from './session-env.js';
import { statusOf } from './status-line.js';

/** A session in the classroom. */
export interface Member {
  readonly terminal: ChannelTerminal;
  readonly look: Look;
  readonly presenter: boolean;
  /** Ends the SSH session (the channel closes); the classroom hears of it through `leave`. */
  readonly end: (reason: string) => void;
}

type Mode = 'presenting' | 'following' | 'exploring';

interface Seat {
  mode: Mode;
  /** A student's wish: follow whenever there is a presenter (x drops it, Ctrl-F takes it back). */
  wantsToFollow: boolean;
  /** The app this session runs itself (presenting or exploring). */
  app: RunningApp | undefined;
  store: Store<AppState, Action> | undefined;
  readonly follower: Follower;
}

export interface Classroom {
  readonly join: (member: Member) => void;
  readonly leave: (member: Member) => void;
  /** Keys from the member's client. */
  readonly input: (member: Member, data: string) => void;
  /** The member's terminal changed size (already applied to its terminal). */
  readonly resized: (member: Member) => void;
  readonly hasPresenter: () => boolean;
  /** The lesson every follower sees: the presenter's app state. */
  readonly lesson: Store<AppState, Action>;
  /** How many follower renders run (one per distinct size and look). */
  readonly renders: () => number;
  readonly dispose: () => void;
}

export interface ClassroomOptions {
  readonly seed: number;
  /** With a presenter everyone follows; without, every session is on its own. */
  readonly presenterMode: boolean;
  readonly log: (line: string) => void;
  /** The built-in scenarios a presenter may play (the shipped ones only: no file a client names). */
  readonly builtinScenarios?: AppEnv['builtinScenarios'];
}

const CLEAR_SCREEN = '\x1b[2J\x1b[H';
const CTRL_C = '\x03';
const CTRL_F = '\x06';
const CTRL_L = '\x0c';

/**
 * The sessions of one server and who follows whom. The lesson is one store, driven by the
 * presenter's app; followers render it at their own size (`createFollowerGroups`) and never
 * change it; a student exploring gets a store of its own, started from the lesson as it is.
 */
export function createClassroom(options: ClassroomOptions): Classroom {
  const lesson = createAppStore(initialAppState(options.seed));
  const seats = new Map<Member, Seat>();
  const env: AppEnv = { ...sessionEnv, ...(options.builtinScenarios ? { builtinScenarios: options.builtinScenarios } : {}) };
  // Students never see the presenter's notes: neither following nor exploring a copy of the lesson.
  const audience: AppEnv = { ...env, presenterNotes: !options.presenterMode };
  const groups = createFollowerGroups(lesson, audience, options.log);
  const tally = createAskTally();
  let presenter: Member | undefined;

  const refresh = () => {
    if (!options.presenterMode) return;
    const shared = { presenter: presenter !== undefined, following: [...seats.values()].filter((s) => s.mode === 'following').length, lesson: lesson.getState() };
    const counts = tally.counts();
    for (const [member, seat] of seats) {
      const ask = counts.length > 0 ? { counts, mine: tally.chosen(member) } : undefined;
      member.terminal.setStatus(statusOf(member.look, { ...shared, mode: seat.mode, wantsToFollow: seat.wantsToFollow, ask }));
    }
  };
  // The status lines follow what the presenter points at and the question on screen.
  let lastPointed: string | undefined;
  lesson.subscribe(() => {
    const state = lesson.getState();
    const asked = tally.ask(state.scenario?.shown.ask ? { key: `${state.scenario.next}:${state.scenario.shown.ask.question}`, choices: state.scenario.shown.ask.choices } : undefined);
    if (asked || state.design?.pointed !== lastPointed) refresh();
    lastPointed = state.design?.pointed;
  });

  const stopOwnApp = (seat: Seat) => {
    const app = seat.app;
    seat.app = undefined;
    seat.store = undefined;
    app?.unmount();
  };
  const runOwnApp = (member: Member, seat: Seat, store: Store<AppState, Action>, appEnv: AppEnv) => {
    member.terminal.write(CLEAR_SCREEN);
    const app = startApp({
      store,
      theme: makeTheme(member.look),
      env: appEnv,
      terminal: member.terminal,
      suspend: () => store.dispatch({ type: 'message', message: { text: 'Ctrl-Z does nothing over SSH: q quits', level: 'info' } }),
    });
    seat.app = app;
    seat.store = store;
    app.done.then(
      () => seat.app === app && member.end('quit'),
      (error: unknown) => {
        options.log(`session app failed: ${error instanceof Error ? error.message : String(error)}`);
        member.end('error');
      },
    );
  };
  const explore = (member: Member, seat: Seat) => {
    groups.remove(seat.follower);
    stopOwnApp(seat);
    seat.mode = 'exploring';
    // The lesson as it is now, without the presenter's half-typed command line.
    runOwnApp(member, seat, createAppStore({ ...lesson.getState(), overlay: 'none', quitting: false }), audience);
  };
  const follow = (seat: Seat) => {
    stopOwnApp(seat);
    seat.mode = 'following';
    groups.add(seat.follower);
  };
  const present = (member: Member, seat: Seat) => {
    presenter = member;
    seat.mode = 'presenting';
    // The presenter's app drives the lesson; quitting ends the presenter's session, not the lesson.
    const store: Store<AppState, Action> = { ...lesson, dispatch: (action) => (action.type === 'quit' ? member.end('quit') : lesson.dispatch(action)) };
    runOwnApp(member, seat, store, env);
    for (const s of seats.values()) if (s.mode === 'exploring' && s.wantsToFollow) follow(s);
    options.log('the presenter joined');
  };

  return {
    lesson,
    join: (member) => {
      const follower: Follower = { size: member.terminal.size, look: member.look, write: member.terminal.write };
      const seat: Seat = { mode: 'exploring', wantsToFollow: true, app: undefined, store: undefined, follower };
      seats.set(member, seat);
      if (member.presenter && options.presenterMode) present(member, seat);
      else if (presenter) follow(seat);
      else explore(member, seat);
      refresh();
    },
    leave: (member) => {
      const seat = seats.get(member);
      if (!seat) return;
      seats.delete(member);
      tally.forget(member);
      groups.remove(seat.follower);
      stopOwnApp(seat);
      if (member === presenter) {
        presenter = undefined;
        options.log('the presenter left');
        for (const [m, s] of seats) if (s.mode === 'following') explore(m, s);
      }
      refresh();
    },
    input: (member, data) => {
      const seat = seats.get(member);
      if (!seat) return;
      if (seat.mode === 'following') return followerKey(member, seat, data);
      if (seat.mode === 'presenting' && data === '@') return point();
      if (seat.mode === 'exploring' && data === CTRL_F && options.presenterMode) {
        seat.wantsToFollow = true;
        if (presenter) follow(seat);
        refresh();
        return;
      }
      member.terminal.feed(data);
    },
    resized: (member) => {
      const seat = seats.get(member);
      if (seat?.mode === 'following') groups.add(seat.follower);
      refresh();
    },
    hasPresenter: () => presenter !== undefined,
    renders: groups.renders,
    dispose: () => {
      for (const seat of seats.values()) stopOwnApp(seat);
      seats.clear();
      groups.dispose();
    },
  };

  /** `@`: point at the selection for everyone, or stop pointing when it is already pointed at. */
  function point() {
    const design = lesson.getState().design;
    if (!design || lesson.getState().overlay !== 'none') return void presenterKeys('@');
    lesson.dispatch({ type: 'point', id: design.pointed === design.selected ? null : design.selected });
  }
  function presenterKeys(data: string) {
    presenter?.terminal.feed(data);
  }
  function followerKey(member: Member, seat: Seat, data: string) {
    if (data === 'q' || data === CTRL_C) return member.end('quit');
    if (data === CTRL_L) return groups.repaint(seat.follower);
    if (tally.answer(member, data) !== undefined) return refresh();
    if (data === 'x') {
      seat.wantsToFollow = false;
      explore(member, seat);
      refresh();
    }
  }
}
