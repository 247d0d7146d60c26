import { PassThrough } from 'node:stream';
import type { AppEnv } from '../ui/app-context.js';
import type { Action } from '../ui/state/actions.js';
import type { AppState } from '../ui/state/app-state.js';
import type { Store } from '../ui/state/store.js';
import { startApp, type RunningApp } from '../ui/start-app.js';
import { makeTheme } from '../ui/theme.js';
import type { Size } from '../ui/hooks/use-terminal-size.js';

/** What a follower's screen looks like beyond its size: colour and character set. */
export interface Look {
  readonly color: boolean;
  readonly ascii: boolean;
}

/** A session following the presenter: where its share of the render goes. */
export interface Follower {
  readonly size: () => Size;
  readonly look: Look;
  readonly write: (text: string) => void;
}

export interface FollowerGroups {
  /** Joins the render of the follower's size and look (made if new), and draws its frame at once. */
  readonly add: (follower: Follower) => void;
  readonly remove: (follower: Follower) => void;
  /** Draws the follower's frame whole again, on its screen only (Ctrl-L, after a resize). */
  readonly repaint: (follower: Follower) => void;
  /** How many renders run now: one per distinct size and look. */
  readonly renders: () => number;
  readonly dispose: () => void;
}

interface Group {
  app: RunningApp | undefined;
  readonly members: Set<Follower>;
  /** While a late joiner is drawn, the frame goes to it alone. */
  solo: Follower | undefined;
}

const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/** Input that never comes: followers' keys go to the classroom, not to the shared render. */
function silentStdin(): NodeJS.ReadStream {
  return Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined, ref: () => undefined, unref: () => undefined }) as unknown as NodeJS.ReadStream;
}

/**
 * The followers' screens: one app renders the lesson for each distinct terminal size and look,
 * and its output goes to every follower of that size, so fifty followers on three sizes cost
 * three renders, not fifty. The renders read the lesson's store but never change it: their
 * dispatch does nothing (their clocks and key handlers would otherwise act a second time on
 * what the presenter's app already does).
 */
export function createFollowerGroups(lesson: Store<AppState, Action>, env: AppEnv, log: (line: string) => void): FollowerGroups {
  const groups = new Map<string, Group>();
  const readOnly: Store<AppState, Action> = { getState: lesson.getState, subscribe: lesson.subscribe, dispatch: () => undefined };
  const keyOf = (f: Follower) => `${f.size().columns}x${f.size().rows}:${f.look.color ? 'c' : 'm'}:${f.look.ascii ? 'a' : 'u'}`;
  const groupOf = (f: Follower) => [...groups.values()].find((g) => g.members.has(f));

  const open = (key: string, first: Follower): Group => {
    const { columns, rows } = first.size();
    const group: Group = { members: new Set([first]), solo: undefined, app: undefined };
    const output = {
      columns,
      rows,
      write: (text: string) => {
        if (group.solo) group.solo.write(text);
        else for (const m of group.members) m.write(text);
      },
    };
    first.write(CLEAR_SCREEN);
    groups.set(key, group);
    // The size is the group's for good: a follower whose window changes moves to another group.
    const app = startApp({ store: readOnly, theme: makeTheme(first.look), env, terminal: { stdin: silentStdin(), output, onWindowChange: () => () => undefined } });
    group.app = app;
    app.done.catch((error: unknown) => {
      log(`follower render ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
      close(key, group);
    });
    return group;
  };
  const close = (key: string, group: Group) => {
    if (groups.get(key) === group) groups.delete(key);
    group.app?.unmount();
  };
  const repaintFor = (group: Group, f: Follower) => {
    group.solo = f;
    try {
      group.app?.repaint();
    } finally {
      group.solo = undefined;
    }
  };
  const remove = (f: Follower) => {
    for (const [key, group] of groups) {
      if (!group.members.delete(f)) continue;
      if (group.members.size === 0) close(key, group);
    }
  };
  return {
    add: (f) => {
      remove(f);
      const key = keyOf(f);
      const group = groups.get(key);
      if (!group) return void open(key, f);
      group.members.add(f);
      repaintFor(group, f);
    },
    remove,
    repaint: (f) => {
      const group = groupOf(f);
      if (group) repaintFor(group, f);
    },
    renders: () => groups.size,
    dispose: () => {
      for (const [key, group] of groups) close(key, group);
    },
  };
}
