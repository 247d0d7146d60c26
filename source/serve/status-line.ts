import type { AppState } from '../ui/state/app-state.js';
import type { Look } from './follower-groups.js';

/** What a session's status line says depends on: the classroom now, and the session's own part in it. */
export interface StatusContext {
  readonly mode: 'presenting' | 'following' | 'exploring';
  readonly wantsToFollow: boolean;
  readonly presenter: boolean;
  /** How many sessions follow the presenter. */
  readonly following: number;
  readonly lesson: AppState;
}

/**
 * The classroom's line on a session's bottom row: what the session is doing and the one key that
 * changes it. Plain text (the app's frames never use that row); ASCII separators under `--ascii`.
 */
export function statusOf(look: Look, c: StatusContext): string {
  const dot = look.ascii ? ' - ' : ' · ';
  const pointed = c.lesson.design?.pointed;
  switch (c.mode) {
    case 'presenting':
      return [`presenting to ${c.following} following`, pointed ? `pointing at ${pointed} (@ again stops)` : '@ points at the selection'].join(dot);
    case 'following':
      return ['following the presenter', ...(pointed ? [`look at ${pointed}`] : []), 'x explores on your own', 'q quits'].join(dot);
    case 'exploring':
      if (!c.presenter) return c.wantsToFollow ? 'no presenter now: explore on your own; you follow once one joins' : `exploring on your own${dot}Ctrl-F follows the presenter once one joins`;
      return `exploring on your own${dot}Ctrl-F follows the presenter again`;
  }
}
