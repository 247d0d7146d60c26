import { globalKeys } from '../keys/global-keys.js';
import { homeKeys } from '../keys/home-keys.js';
import { keyLabel } from '../keys/key-name.js';
import type { KeyMap } from '../keys/key-map.js';
import { topologyKeys, tourKeys } from '../keys/topology-keys.js';
import { readingKeys } from '../keys/reading-keys.js';
import { trafficKeys } from '../keys/traffic-keys.js';
import { commandInfo, typedCommands, type CommandId } from './catalogue.js';

/** A key map with the heading it has in help and in the README. */
export interface KeySection {
  readonly title: string;
  readonly map: KeyMap;
}

/** Every key map of the app, in the order the README lists them. */
export const keySections: readonly KeySection[] = [
  { title: 'Everywhere', map: globalKeys },
  { title: 'Home screen', map: homeKeys },
  { title: 'Design screen', map: topologyKeys },
  { title: 'Tour mode', map: tourKeys },
  { title: 'Traffic mode (T starts it)', map: trafficKeys },
  { title: 'Reading (help, tour, SPOF, log, config)', map: readingKeys },
];

/** One row of a key table: every key bound to one command, and what it does. */
export interface KeyRow {
  readonly command: CommandId;
  readonly keys: readonly string[];
  readonly title: string;
}

/**
 * The rows of a key map, one per command (bindings of the same command merged, so `move`
 * is one row), named keys before letters, in the map's order.
 */
export function keyRows(map: KeyMap, ascii: boolean): readonly KeyRow[] {
  const rows = new Map<CommandId, string[]>();
  for (const binding of map) {
    const keys = rows.get(binding.command) ?? [];
    keys.push(...binding.keys);
    rows.set(binding.command, keys);
  }
  return [...rows].map(([command, keys]) => ({ command, keys: compactKeys(keys, ascii), title: commandInfo(command).title }));
}

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
  for (const section of keySections) {
    parts.push(`**${section.title}**`, '', '| Keys | What it does |', '|---|---|');
    for (const row of keyRows(section.map, false)) {
      parts.push(`| ${row.keys.map((k) => `\`${k}\``).join(' ')} | ${row.title} |`);
    }
    parts.push('');
  }
  parts.push('**Command line** (`:`, Tab completes commands and ids)', '', '| Command | What it does |', '|---|---|');
  for (const info of typedCommands()) parts.push(`| \`${(info.syntax ?? '').replace(/\|/g, '\\|')}\` | ${info.title} |`);
  parts.push('', 'Design numbers are the ones `infra-tui <n>` and `:goto <n>` take.');
  return parts.join('\n');
}
