import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Size } from '../ui/hooks/use-terminal-size.js';
import type { OnWindowChange, TerminalOutput } from '../ui/terminal-screen.js';
import { serveLimits, type ServeLimits } from './serve-limits.js';

/** Where a session's output goes: the SSH channel, and what is still queued towards its client. */
export interface ChannelSink {
  write(text: string): unknown;
  /** Bytes written but not yet taken by the client (the channel's queue and the socket's). */
  readonly unsent: () => number;
}

/** One SSH session's terminal, as the app and the classroom see it. */
export interface ChannelTerminal {
  /** The app's output: this session's size, writes translated for a raw terminal. */
  readonly output: TerminalOutput;
  /** Keys for the app (Ink reads this in "raw mode": there is no line discipline to switch). */
  readonly stdin: NodeJS.ReadStream;
  readonly onWindowChange: OnWindowChange;
  readonly size: () => Size;
  /** The client's window-change: the size is clamped, then whoever draws is told. */
  readonly resize: (columns: number, rows: number) => void;
  /** Keys typed by the client, for the app this session runs. */
  readonly feed: (data: string) => void;
  /** Writes text (from this session's app or its followers' shared render) translated. */
  readonly write: (text: string) => void;
  /** The classroom's line on the bottom row, under the app's frames (which are at most rows − 1). */
  readonly setStatus: (text: string | undefined) => void;
  /** Why the client is too slow to keep (over the unsent limit, or behind too long), if it is. */
  readonly tooSlow: (now: number) => string | undefined;
}

/** Clamps a size a client sent to what the layout can take (0×0 is common from scripts). */
function clampSize(columns: number, rows: number): Size {
  const clamp = (n: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, Number.isFinite(n) ? Math.floor(n) : min));
  return { columns: clamp(columns, serveLimits.columns), rows: clamp(rows, serveLimits.rows) };
}

/** A stream Ink accepts as stdin: a TTY whose raw mode is already what the client's pty is. */
function keyStream(): NodeJS.ReadStream {
  return Object.assign(new PassThrough({ encoding: 'utf8' }), {
    isTTY: true,
    setRawMode: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
  }) as unknown as NodeJS.ReadStream;
}

/**
 * A session's terminal over an SSH channel. The client's pty is raw and the server has no line
 * discipline, so `\n` would only move down: it is written as `\r\n`. The status line is written
 * again after every write (the app's frame updates may erase the bottom row), with the cursor
 * saved and restored so the app's next diff starts where it left off.
 */
export function createChannelTerminal(sink: ChannelSink, initial: Size, limits: Pick<ServeLimits, 'unsentBytes' | 'behindMs'> = serveLimits): ChannelTerminal {
  let size = clampSize(initial.columns, initial.rows);
  let status = '';
  let behindSince: number | undefined;
  const resizes = new EventEmitter();
  const stdin = keyStream();
  const statusLine = () => (status === '' ? '' : `\x1b7\x1b[${size.rows};1H\x1b[2K${status}\x1b8`);
  const write = (text: string) => {
    sink.write(text.replace(/\n/g, '\r\n') + statusLine());
  };
  return {
    output: {
      get columns() {
        return size.columns;
      },
      get rows() {
        return size.rows;
      },
      write,
    },
    stdin,
    feed: (data) => {
      (stdin as unknown as PassThrough).write(data);
    },
    onWindowChange: (listener) => {
      resizes.on('change', listener);
      return () => resizes.off('change', listener);
    },
    size: () => size,
    resize: (columns, rows) => {
      size = clampSize(columns, rows);
      resizes.emit('change');
    },
    write,
    setStatus: (text) => {
      const next = text === undefined ? '' : text.slice(0, size.columns - 1);
      if (next === status) return;
      status = next;
      sink.write(next === '' ? `\x1b7\x1b[${size.rows};1H\x1b[2K\x1b8` : statusLine());
    },
    tooSlow: (now) => {
      const unsent = sink.unsent();
      if (unsent > limits.unsentBytes) return `over ${Math.round(limits.unsentBytes / 1024)} KB unsent`;
      if (unsent === 0) behindSince = undefined;
      else behindSince ??= now;
      return behindSince !== undefined && now - behindSince >= limits.behindMs ? `${limits.behindMs / 1000} s behind` : undefined;
    },
  };
}
