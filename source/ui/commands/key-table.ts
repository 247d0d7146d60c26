import { keyLabel } from '../keys/key-name.js';
import { scopeRows } from '../keys/resolve-key.js';
import { inHelpOrder, scopes, scopeTitles, type Scope } from './command-spec.js';
import { typedCommands } from './parse-command-line.js';

/** One row of a key table: every key bound to one command in a scope, and what it does. */
export interface KeyRow {
  readonly command: string;
  readonly keys: readonly string[];
  readonly title: string;
}

/** The rows of a scope, one per command in help order, keys as people read them. */
export function keyRows(scope: Scope, ascii: boolean): readonly KeyRow[] {
  const rows = scopeRows(scope).map((row) => ({ ...row, group: row.command.group }));
  return inHelpOrder(rows).map((row) => ({ command: row.command.id, keys: compactKeys(row.keys, ascii), title: row.command.title }));
}

/** The `:` commands in help order. */
export const typedInHelpOrder = inHelpOrder(typedCommands);

const arrows = ['left', 'down', 'up', 'right'];

/**
 * Key names as people read them: the four arrows as one group, a run of digits as a range,
 * named keys before letters.
 */
export function compactKeys(keys: readonly string[], ascii: boolean): readonly string[] {
  const allArrows = arrows.every((a) => keys.includes(a));
  const digits = keys.filter((k) => /^\d$/.test(k));
  const rest = keys.filter((k) => !(allArrows && arrows.includes(k)) && !digits.includes(k));
  const named = rest.filter((k) => k.length > 1 || !/[a-z]/.test(k)).map((k) => keyLabel(k, ascii));
  const letters = rest.filter((k) => k.length === 1 && /[a-z]/.test(k));
  return [
    ...(allArrows ? [ascii ? 'arrows' : arrows.map((a) => keyLabel(a, false)).join('')] : []),
    ...(digits.length > 1 ? [`${digits[0]}-${digits[digits.length - 1]}`] : digits),
    ...named,
    ...letters,
  ];
}

/** The README's key table, in Markdown; `test/ui/readme-keys.test.ts` keeps the README in step. */
export function keyTableMarkdown(): string {
  const parts: string[] = [];
  for (const scope of scopes) {
    parts.push(`**${scopeTitles[scope]}**`, '', '| Keys | What it does |', '|---|---|');
    for (const row of keyRows(scope, false)) parts.push(`| ${row.keys.map((k) => `\`${k}\``).join(' ')} | ${row.title} |`);
    parts.push('');
  }
  parts.push('**Commands** (type `:` first; Tab completes commands and ids, ↑↓ recall earlier ones)', '', '| Command | What it does |', '|---|---|');
  for (const { typed, title } of typedInHelpOrder) parts.push(`| \`${typed.form.replace(/\|/g, '\\|')}\` | ${title} |`);
  parts.push('', 'Design numbers are the ones `infra-tui <n>` and `:goto <n>` take. Durations take a unit (`500ms`, `3s`, `2m`, `1h`).');
  return parts.join('\n');
}
