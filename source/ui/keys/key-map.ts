import type { CommandId } from '../commands/catalogue.js';

/**
 * One line of a key map: the keys (canonical names from `keyName`) that run a command.
 * `arg` is handed to the command (a direction for `move`); `footer` puts it in the footer hints;
 * `native` marks keys that the focused widget (the home list) handles itself, listed so that
 * help and the README show them, but never dispatched.
 */
export interface KeyBinding {
  readonly keys: readonly string[];
  readonly command: CommandId;
  readonly arg?: string;
  readonly footer?: boolean;
  readonly native?: boolean;
}

export type KeyMap = readonly KeyBinding[];

/**
 * The binding a key runs, looking through the maps in order (the most specific first), so a
 * mode can override a screen key and every screen falls back to the global keys.
 */
export function resolveKey(maps: readonly KeyMap[], name: string): KeyBinding | undefined {
  for (const map of maps) {
    const hit = map.find((b) => b.keys.includes(name));
    if (hit) return hit;
  }
  return undefined;
}
