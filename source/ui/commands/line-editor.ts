/**
 * The command line being typed: its text, the cursor, the candidates of the last Tab, and the
 * commands run before (kept while the line is closed, recalled with ↑↓).
 */
export interface LineState {
  readonly text: string;
  /** 0..text.length */
  readonly cursor: number;
  readonly candidates: readonly string[];
  /** Commands run, oldest first. */
  readonly history: readonly string[];
  /** The entry of `history` shown (null: the line being typed). */
  readonly recall: number | null;
  /** What was typed before ↑ started recalling, restored by ↓ past the newest entry. */
  readonly typed: string;
}

/** How many commands the history keeps. */
const HISTORY = 100;

export const emptyLine: LineState = { text: '', cursor: 0, candidates: [], history: [], recall: null, typed: '' };

/** A line holding `text` with the cursor at its end. */
export function lineWith(text: string): LineState {
  return { ...emptyLine, text, cursor: text.length };
}

/** The line opened afresh holding `draft`, keeping the history of `previous`. */
export function openLine(previous: LineState, draft: string): LineState {
  return { ...lineWith(draft), history: previous.history };
}

/** The line with its text added to the history (blank lines and repeats of the last entry are not). */
export function remember(line: LineState): LineState {
  const text = line.text.trim();
  if (text === '' || line.history.at(-1) === text) return line;
  return { ...line, history: [...line.history, text].slice(-HISTORY), recall: null };
}

/** ↑ (`-1`, older) or ↓ (`1`, newer) through the history; past the newest entry, back to what was typed. */
export function recall(line: LineState, delta: -1 | 1): LineState {
  const { history } = line;
  const from = line.recall ?? history.length;
  const to = Math.max(0, Math.min(history.length, from + delta));
  if (to === from) return line;
  const typed = line.recall === null ? line.text : line.typed;
  const text = to === history.length ? typed : (history[to] ?? '');
  return { ...line, text, cursor: text.length, candidates: [], recall: to === history.length ? null : to, typed };
}

/** The editing keys the command line understands (canonical key names, or typed text). */
export type LineKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'ctrl-u' | 'ctrl-w' | { readonly text: string };

/**
 * Applies one key to the line. Pure, so keys typed faster than the screen redraws are applied
 * in order to the latest line. Control characters in pasted text are dropped.
 */
export function editLine(line: LineState, key: LineKey): LineState {
  const { text, cursor } = line;
  const at = (t: string, c: number): LineState => ({ ...line, text: t, cursor: Math.max(0, Math.min(c, t.length)), candidates: [] });
  if (typeof key === 'object') {
    const clean = [...key.text].filter((ch) => ch >= ' ' && ch !== '\u007f').join('');
    return at(text.slice(0, cursor) + clean + text.slice(cursor), cursor + clean.length);
  }
  switch (key) {
    case 'left':
      return at(text, cursor - 1);
    case 'right':
      return at(text, cursor + 1);
    case 'home':
      return at(text, 0);
    case 'end':
      return at(text, text.length);
    case 'backspace':
      return cursor === 0 ? line : at(text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case 'delete':
      return at(text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case 'ctrl-u':
      return at(text.slice(cursor), 0);
    case 'ctrl-w': {
      const start = text.slice(0, cursor).replace(/\S+\s*$/, '').length;
      return at(text.slice(0, start) + text.slice(cursor), start);
    }
  }
}
