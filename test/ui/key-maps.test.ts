import { describe, expect, it } from 'vitest';
import { catalogue, commandIds, commandInfo } from '../../source/ui/commands/catalogue.js';
import { keyInvocation } from '../../source/ui/commands/key-invocation.js';
import { compactKeys, keyRows, keySections, keyTableMarkdown } from '../../source/ui/commands/key-table.js';
import { commandWords } from '../../source/ui/commands/parse-command-line.js';
import { footerHints } from '../../source/ui/keys/footer-hints.js';
import { globalKeys } from '../../source/ui/keys/global-keys.js';
import { resolveKey } from '../../source/ui/keys/key-map.js';
import { topologyKeys, tourKeys } from '../../source/ui/keys/topology-keys.js';

describe('the command catalogue', () => {
  it('describes every command exactly once', () => {
    expect(catalogue.map((c) => c.id).sort()).toEqual([...commandIds].sort());
    for (const id of commandIds) expect(commandInfo(id).title.length).toBeGreaterThan(0);
  });

  it('gives every word of the command line a syntax, and nothing else', () => {
    const typed = catalogue.filter((c) => c.syntax).map((c) => c.syntax?.split(' ')[0]);
    expect(typed.sort()).toEqual([...commandWords].sort());
  });
});

describe('key maps', () => {
  it('never binds one key twice within a map', () => {
    for (const { title, map } of keySections) {
      const keys = map.flatMap((b) => b.keys);
      expect(new Set(keys).size, title).toBe(keys.length);
    }
  });

  it('binds every key to something a key can run', () => {
    for (const { map } of keySections) {
      for (const binding of map.filter((b) => !b.native)) {
        for (const key of binding.keys) expect(keyInvocation(binding, key), `${key} → ${binding.command}`).toBeDefined();
      }
    }
  });

  it('lets a mode take a key over and falls back to the global keys', () => {
    expect(resolveKey([tourKeys, topologyKeys, globalKeys], 'space')?.command).toBe('tour-next');
    expect(resolveKey([topologyKeys, globalKeys], 'space')?.command).toBe('step');
    expect(resolveKey([topologyKeys, globalKeys], 'q')?.command).toBe('quit');
    expect(resolveKey([topologyKeys, globalKeys], 'Z')).toBeUndefined();
  });

  it('follows the conventions: ? help, : command line, Esc back, q quit, hjkl and arrows, 0-4 designs', () => {
    const maps = [topologyKeys, globalKeys];
    const command = (key: string) => resolveKey(maps, key)?.command;
    expect([command('?'), command(':'), command('esc'), command('q')]).toEqual(['help', 'command-line', 'escape', 'quit']);
    for (const key of ['h', 'j', 'k', 'l', 'left', 'down', 'up', 'right']) expect(command(key)).toBe('move');
    for (const key of ['0', '1', '2', '3', '4']) expect(command(key)).toBe('open-design');
  });
});

describe('generated help', () => {
  it('merges the bindings of one command into one row with compact key names', () => {
    const move = keyRows(topologyKeys, false).find((r) => r.command === 'move');
    expect(move?.keys).toEqual(['←↓↑→', 'h', 'j', 'k', 'l']);
    expect(compactKeys(['0', '1', '2', '3', '4'], true)).toEqual(['0-4']);
    expect(keyRows(topologyKeys, true).find((r) => r.command === 'move')?.keys[0]).toBe('arrows');
  });

  it('puts the most specific hint first in the footer, once per command', () => {
    const hints = footerHints([tourKeys, topologyKeys, globalKeys], false);
    expect(hints[0]).toEqual({ key: 'Space', hint: 'next' });
    expect(hints.map((h) => h.hint)).not.toContain('step');
    expect(new Set(hints.map((h) => h.key)).size).toBe(hints.length);
  });

  it('lists every key and every command-line form in the README table', () => {
    const table = keyTableMarkdown();
    for (const { map } of keySections) for (const row of keyRows(map, false)) expect(table).toContain(row.title);
    for (const word of commandWords) expect(table).toContain(`\`${word}`);
  });
});
