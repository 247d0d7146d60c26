import { EventEmitter } from 'node:events';
import type { Size } from './hooks/use-terminal-size.js';

/** Clears the whole (alternate) screen and puts the cursor top left. */
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/**
 * Synchronized output (DEC private mode 2026): a terminal that knows it shows everything written
 * between these two at once, so the room never sees half a frame (a slow SSH link delivers a
 * frame in pieces); a terminal that does not know it ignores both.
 */
const BEGIN_FRAME = '\x1b[?2026h';
const END_FRAME = '\x1b[?2026l';

/** How long a burst of resize events (a window being dragged) is gathered before one repaint. */
const RESIZE_SETTLE_MS = 25;

/**
 * The real terminal output: its size (kept current by Node on SIGWINCH, or by an SSH client's
 * window-change requests) and writes.
 */
export interface TerminalOutput {
  readonly columns: number;
  readonly rows: number;
  write(text: string): unknown;
  /**
   * Asks the terminal its size now, for a terminal that can say it before its window-change
   * signal is handled (a key and SIGWINCH read in the same turn of the event loop come in
   * either order); without it, `columns` and `rows` are the size.
   */
  readonly measure?: () => Size;
}

/**
 * Calls `listener` whenever the terminal's window may have changed size (SIGWINCH for the
 * process's own terminal, window-change for an SSH session); returns the unsubscribe.
 */
export type OnWindowChange = (listener: () => void) => () => void;

/**
 * The stream Ink is given as its stdout: it writes through to the terminal, but reports the size
 * the app was last laid out for and says 'resize' only when the screen applies a new one.
 */
interface InkStdout extends EventEmitter {
  readonly columns: number;
  readonly rows: number;
  readonly isTTY: true;
  write(text: string): boolean;
}

export interface TerminalScreen {
  readonly stream: InkStdout;
  /** The size the app is laid out for now. */
  readonly size: () => Size;
  /**
   * Connects the screen to Ink: `inkWrite` is Ink's own `write` (`useStdout().write`), which
   * erases Ink's frame, writes the text, then writes the last frame again whole; `render` renders
   * the app at a size synchronously (Ink's `rerender`). Returns the disconnect.
   */
  readonly attach: (inkWrite: (text: string) => void) => () => void;
  readonly renderWith: (render: (size: Size) => void) => void;
  /** Clears the screen and draws the current frame from scratch, at the terminal's size now. */
  readonly repaint: () => void;
  /**
   * Applies at once a window change still being gathered (a repaint now instead of at the end of
   * the burst), or one the terminal measures though its signal is not handled yet; nothing when
   * the size is the one applied. Called before keys are handed over, so a key typed
   * after the window changed acts on the screen at its new size, however soon it came.
   */
  readonly settle: () => void;
  /** Stops listening to the terminal (a pending repaint is dropped). */
  readonly dispose: () => void;
}

/**
 * Owns what is on the terminal between Ink and the user's window.
 *
 * Why: Ink (6.6) draws each frame as a diff against the previous one, moving the cursor up by
 * the previous frame's LOGICAL line count. That assumes the terminal still holds the previous
 * frame line for line. A resize breaks it: terminals reflow wrapped lines when the width
 * changes and clip or scroll when the height does, so after any resize the screen no longer
 * matches Ink's memory, and the next diff (or Ink's own erase-on-shrink, which counts lines the
 * same way) leaves residue: a lost title row, duplicated rows. No diff can be right against a
 * screen whose contents are unknown, so the root fix is not to diff after a resize at all.
 *
 * How: Ink never sees the terminal's resize events. The screen listens to the window change itself (SIGWINCH), not
 * to the stream's 'resize': Node only emits that when the size differs from the last one it
 * read, but a drag that ends where it began (80 → 81 → 80) still reflowed and clipped the
 * screen. A burst of signals is gathered for
 * `RESIZE_SETTLE_MS` (always applying the size read at the end, so the last event is never
 * lost), then the new size is applied with Ink's writes held back, all synchronously: the app
 * is rendered for it (`render`: React commits at once, unlike a state update, which it
 * schedules), then Ink hears 'resize' and renders that tree at the new width at once, so its
 * last frame is the new one. Then the screen is cleared and Ink is made to forget what it drew
 * and write the last frame whole (`inkWrite('')`): the screen, Ink's memory and the size agree
 * again, and later diffs are right. In the alternate screen
 * with frames of at most rows − 1 lines, a frame written from the top left never scrolls, so
 * it is exactly what a fresh launch at that size draws. Ctrl-L and coming back from a suspend
 * use the same repaint.
 *
 * Keys: a key read while a burst is being gathered would otherwise act on the screen of the old
 * size (below the smallest usable size, most keys do nothing), so whether it acted would depend
 * on how soon after the window change it came. The app calls `settle` before it hands keys over,
 * which applies the pending size first: a key acts at the size the terminal had when it was read.
 */
export function createTerminalScreen(output: TerminalOutput, onWindowChange: OnWindowChange): TerminalScreen {
  let held = false;
  /** Whether a repaint has opened one synchronized update for all its writes. */
  let inFrame = false;
  let applied = { columns: output.columns, rows: output.rows };
  let inkWrite: ((text: string) => void) | undefined;
  let render: ((size: Size) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Getters on the emitter itself: `Object.assign` would copy their values once, and Ink would
  // lay every later frame out for the size at launch.
  const stream = Object.defineProperties(new EventEmitter(), {
    columns: { get: () => applied.columns },
    rows: { get: () => applied.rows },
    isTTY: { value: true },
    write: {
      value: (text: string) => {
        if (held || text === '') return true;
        output.write(inFrame ? text : BEGIN_FRAME + text + END_FRAME);
        return true;
      },
    },
  }) as InkStdout;

  const measured = (): Size => output.measure?.() ?? { columns: output.columns, rows: output.rows };
  const repaint = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    applied = measured();
    // What Ink writes while it catches up with the size is a diff against a screen that is not
    // there any more: hold it back; the repaint below writes the whole frame.
    held = true;
    try {
      render?.(applied);
      stream.emit('resize');
    } finally {
      held = false;
    }
    // One update from the clear to the last line: the room sees the old frame, then the new one.
    output.write(BEGIN_FRAME + CLEAR_SCREEN);
    inFrame = true;
    try {
      inkWrite?.('');
    } finally {
      inFrame = false;
      output.write(END_FRAME);
    }
  };
  const onResize = () => {
    timer ??= setTimeout(repaint, RESIZE_SETTLE_MS);
  };
  const unsubscribe = onWindowChange(onResize);

  return {
    stream,
    size: () => applied,
    renderWith: (fn) => {
      render = fn;
    },
    attach: (write) => {
      inkWrite = write;
      return () => {
        if (inkWrite === write) inkWrite = undefined;
      };
    },
    repaint,
    settle: () => {
      if (timer !== undefined) return repaint();
      const now = measured();
      if (now.columns !== applied.columns || now.rows !== applied.rows) repaint();
    },
    dispose: () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
