import { palette, type Style } from '../layout/index.js';
import { failureLooks, failureStates, type FailureState } from '../model/failure-looks.js';

/** The Ink text props a style turns into. */
interface Look {
  readonly color?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
}

export type Tone = 'info' | 'warn' | 'error' | 'ok' | 'muted' | 'title' | 'key';

/** Symbols the app prints outside the diagram; ASCII-only under `--ascii`. */
export interface Symbols {
  readonly up: string;
  readonly down: string;
  readonly believedDown: string;
  readonly pointer: string;
  readonly arrow: string;
  readonly back: string;
  readonly dot: string;
  /** Each failure state's symbol (see model/failure-looks.ts). */
  readonly failure: Readonly<Record<FailureState, string>>;
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  readonly border: 'round' | 'classic';
  readonly symbols: Symbols;
  readonly style: (style: Style) => Look;
  readonly tone: (tone: Tone) => Look;
}

/** The diagram's palette, shared with `print`. */
const colourStyles: Readonly<Record<Style, Look>> = palette;

/**
 * Without colour only attributes remain (bold, inverse, dim are not colours, and NO_COLOR is
 * about colour): every state is still told apart by the diagram's symbols, these only help.
 */
const monoStyles: Readonly<Record<Style, Look>> = {
  ...Object.fromEntries(Object.keys(colourStyles).map((k) => [k, {}])),
  muted: { dimColor: true },
  failed: { bold: true },
  active: { bold: true, inverse: true },
  path: { bold: true },
  selected: { bold: true },
} as Record<Style, Look>;

const colourTones: Readonly<Record<Tone, Look>> = {
  info: {},
  warn: { color: 'yellow' },
  error: { color: 'red', bold: true },
  ok: { color: 'green' },
  muted: { dimColor: true },
  title: { bold: true },
  key: { color: 'cyan', bold: true },
};

const monoTones: Readonly<Record<Tone, Look>> = {
  info: {},
  warn: { bold: true },
  error: { bold: true },
  ok: {},
  muted: { dimColor: true },
  title: { bold: true },
  key: { bold: true },
};

const failureSymbols = (ascii: boolean) => Object.fromEntries(failureStates.map(([state, look]) => [state, ascii ? look.ascii : look.symbol])) as Record<FailureState, string>;
const unicodeSymbols: Symbols = { up: '✓', down: failureLooks.down.symbol, believedDown: '?', pointer: '❯', arrow: '→', back: '←', dot: '·', failure: failureSymbols(false) };
const asciiSymbols: Symbols = { up: '+', down: failureLooks.down.ascii, believedDown: '?', pointer: '>', arrow: '->', back: '<-', dot: '-', failure: failureSymbols(true) };

/** The theme for `--no-color`/NO_COLOR (`color` false) and `--ascii`. */
export function makeTheme(options: { color: boolean; ascii: boolean }): Theme {
  const styles = options.color ? colourStyles : monoStyles;
  const tones = options.color ? colourTones : monoTones;
  return {
    ...options,
    border: options.ascii ? 'classic' : 'round',
    symbols: options.ascii ? asciiSymbols : unicodeSymbols,
    style: (style) => styles[style],
    tone: (tone) => tones[tone],
  };
}
