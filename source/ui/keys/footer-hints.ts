import type { Scope } from '../commands/command-spec.js';
import { keyLabel } from './key-name.js';
import { scopeRows } from './resolve-key.js';

export interface Hint {
  readonly key: string;
  readonly hint: string;
}

/**
 * The footer's hints for the scopes in force: the commands marked `footer`, most specific scope
 * first, one per command (a mode's key hides the screen's for the same command), shown with
 * their first key; a key a more specific scope took over is not offered again.
 */
export function footerHints(scopes: readonly Scope[], ascii: boolean): readonly Hint[] {
  const seen = new Set<string>();
  const taken = new Set<string>();
  const hints: Hint[] = [];
  for (const scope of scopes) {
    for (const row of scopeRows(scope)) {
      const key = row.keys[0];
      if (row.footer && key !== undefined && !seen.has(row.command.id) && !taken.has(key)) {
        seen.add(row.command.id);
        hints.push({ key: keyLabel(key, ascii), hint: row.command.hint });
      }
    }
    for (const row of scopeRows(scope)) row.keys.forEach((k) => taken.add(k));
  }
  return hints;
}
