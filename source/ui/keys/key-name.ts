import type { Key } from 'ink';

/**
 * The canonical name of a key press, as key maps spell it: `up`, `shift-tab`, `enter`, `esc`,
 * `space`, `ctrl-c`, or the character typed (`q`, `?`, `+`). Undefined for input that is not
 * one key (a paste) or that no map can bind.
 */
export function keyName(input: string, key: Key): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  // Terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.ctrl) return input.length === 1 ? `ctrl-${input}` : undefined;
  if (input === ' ') return 'space';
  return [...input].length === 1 ? input : undefined;
}

const unicodeLabels: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  enter: 'Enter',
  esc: 'Esc',
  space: 'Space',
  backspace: 'Bksp',
  tab: 'Tab',
  'shift-tab': 'S-Tab',
  'ctrl-c': 'Ctrl-C',
  'ctrl-l': 'Ctrl-L',
  'ctrl-z': 'Ctrl-Z',
  pageup: 'PgUp',
  pagedown: 'PgDn',
};

/** How a key is written on screen: arrows as symbols (or words under `--ascii`). */
export function keyLabel(name: string, ascii: boolean): string {
  if (ascii && ['up', 'down', 'left', 'right'].includes(name)) return name;
  return unicodeLabels[name] ?? name;
}

/** The up and down arrows as one label: `↑↓`, or `up/down` under `--ascii` (never run together). */
export function upDownLabel(ascii: boolean): string {
  return ascii ? 'up/down' : '↑↓';
}
