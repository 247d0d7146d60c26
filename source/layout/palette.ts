import type { Style } from './types.js';

/** The colours a terminal names, by their SGR foreground code. */
const colours = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;

/** How one style looks on a colour terminal (Ink's text props and SGR say the same things). */
export interface StyleLook {
  readonly color?: keyof typeof colours;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
}

/**
 * The one palette of the diagram, for the app and for `print` alike: states stand out (failed in
 * red, believed down in yellow, the request's path in cyan), structure stays quiet.
 */
export const palette: Readonly<Record<Style, StyleLook>> = {
  plain: {},
  frame: {},
  label: {},
  muted: { dimColor: true },
  failed: { color: 'red', bold: true },
  'believed-down': { color: 'yellow', bold: true },
  active: { color: 'cyan', bold: true, inverse: true },
  path: { color: 'cyan', bold: true },
  selected: { color: 'magenta', bold: true },
  focus: { color: 'yellow', bold: true },
  encrypted: { color: 'green' },
  plaintext: {},
  badge: { color: 'blue', bold: true },
  mark: { color: 'red', bold: true },
};

/** The SGR parameters of a style (`1;31` for failed), or undefined for one that looks plain. */
export function sgrOf(style: Style): string | undefined {
  const look = palette[style];
  const codes = [look.bold ? 1 : 0, look.dimColor ? 2 : 0, look.inverse ? 7 : 0, look.color ? colours[look.color] : 0].filter((c) => c > 0);
  return codes.length > 0 ? codes.join(';') : undefined;
}
