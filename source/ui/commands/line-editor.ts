/** The command line being typed: its text, the cursor, and the candidates of the last Tab. */
export interface LineState {
  readonly text: string;
  /** 0..text.length */
  readonly cursor: number;
  readonly candidates: readonly string[];
}

export const emptyLine: LineState = { text: '', cursor: 0, candidates: [] };

/** A line holding `text` with the cursor at its end. */
export function lineWith(text: string): LineState {
  return { text, cursor: text.length, candidates: [] };
}

/** The editing keys the command line understands (canonical key names, or typed text). */
export type LineKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'ctrl-u' | 'ctrl-w' | { readonly text: string };

/**
 * Applies one key to the line. Pure, so keys typed faster than the screen redraws are applied
 * in order to the latest line. Control characters in pasted text are dropped.
 */
export function editLine(line: LineState, key: LineKey): LineState {
  const { text, cursor } = line;
  const at = (t: string, c: number): LineState => ({ text: t, cursor: Math.max(0, Math.min(c, t.length)), candidates: [] });
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
