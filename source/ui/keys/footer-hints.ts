import { commandInfo, type CommandId } from '../commands/catalogue.js';
import { keyLabel } from './key-name.js';
import type { KeyMap } from './key-map.js';

export interface Hint {
  readonly key: string;
  readonly hint: string;
}

/**
 * The footer's hints for the maps in force: the bindings marked `footer`, most specific map
 * first, one per command (a mode's key hides the screen's for the same command), shown with
 * their first key.
 */
export function footerHints(maps: readonly KeyMap[], ascii: boolean): readonly Hint[] {
  const seen = new Set<CommandId>();
  const taken = new Set<string>();
  const hints: Hint[] = [];
  for (const map of maps) {
    for (const binding of map) {
      const key = binding.keys[0];
      if (!binding.footer || key === undefined || seen.has(binding.command) || taken.has(key)) continue;
      seen.add(binding.command);
      binding.keys.forEach((k) => taken.add(k));
      hints.push({ key: keyLabel(key, ascii), hint: commandInfo(binding.command).hint });
    }
  }
  return hints;
}
