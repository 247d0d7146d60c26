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
  /** The question on screen: how many chose each answer, and this session's answer. */
  readonly ask: { readonly counts: readonly number[]; readonly mine: number | undefined } | undefined;
}

/**
 * The classroom's line on a session's bottom row: what the session is doing and the one key that
 * changes it. Plain text (the app's frames never use that row); ASCII separators under `--ascii`.
 */
export function statusOf(look: Look, c: StatusContext): string {
  const dot = look.ascii ? ' - ' : ' · ';
  const pointed = c.lesson.design?.pointed;
  const choices = c.ask?.counts.length ?? 0;
  switch (c.mode) {
    case 'presenting': {
      const answered = c.ask ? c.ask.counts.reduce((a, b) => a + b, 0) : 0;
      const tally = c.ask ? [`answers ${c.ask.counts.map((n, i) => `${i + 1}:${n}`).join(' ')} (${answered} of ${c.following})`] : [];
      return [`presenting to ${c.following} following`, ...tally, pointed ? `pointing at ${pointed} (@ again stops)` : '@ points at the selection'].join(dot);
    }
    case 'following': {
      const question = c.ask ? [c.ask.mine === undefined ? `answer with 1-${choices}` : `you answered ${c.ask.mine + 1} (1-${choices} changes it)`] : [];
      return ['following the presenter', ...question, ...(pointed ? [`look at ${pointed}`] : []), 'x explores on your own', 'q quits'].join(dot);
    }
    case 'exploring':
      if (!c.presenter) return c.wantsToFollow ? 'no presenter now: explore on your own; you follow once one joins' : `exploring on your own${dot}Ctrl-F follows the presenter once one joins`;
      return `exploring on your own${dot}Ctrl-F follows the presenter again`;
  }
}
