import { describe, expect, it } from 'vitest';
import { commandGroups, inHelpOrder, scopes, type Scope } from '../../source/ui/commands/command-spec.js';
import { commandTable } from '../../source/ui/commands/command-table.js';
import { compactKeys, keyRows, keyTableMarkdown, typedInHelpOrder } from '../../source/ui/commands/key-table.js';
import { commandWords } from '../../source/ui/commands/parse-command-line.js';
import { footerHints } from '../../source/ui/keys/footer-hints.js';
import { activeScopes, resolveKey } from '../../source/ui/keys/resolve-key.js';
import { contextOf } from './command-context.js';

const bound = (scope: readonly Scope[], key: string) => resolveKey(scope, key)?.command.id;

describe('the command table', () => {
  it('has one entry per id, each with a title, a hint, and a key or a : form', () => {
    const ids = commandTable.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of commandTable) {
      expect(c.title.length, c.id).toBeGreaterThan(0);
      expect(c.title.length, `${c.id}: a title stays a few words`).toBeLessThanOrEqual(36);
      expect((c.keys?.length ?? 0) + (c.typed ? 1 : 0), c.id).toBeGreaterThan(0);
    }
  });

  it('never binds one key twice within a scope', () => {
    for (const scope of scopes) {
      const keys = commandTable.flatMap((c) => (c.keys ?? []).filter((b) => b.scope === scope).flatMap((b) => b.keys));
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('gives every key that is not a widget key something to do', () => {
    for (const c of commandTable) {
      const dispatched = (c.keys ?? []).filter((b) => !b.native);
      if (dispatched.length > 0) expect(c.onKey, c.id).toBeDefined();
    }
  });

  it('turns every key of the design screen into an action or a message, never a throw', () => {
    for (const traffic of [false, true]) {
      const context = contextOf('1', ...(traffic ? [{ type: 'traffic', to: 'on' } as const] : []));
      for (const c of commandTable) {
        for (const binding of (c.keys ?? []).filter((b) => !b.native && ['design', 'traffic', 'everywhere'].includes(b.scope))) {
          for (const key of binding.keys) expect(() => c.onKey?.({ ...context, key }), `${key} → ${c.id}`).not.toThrow();
        }
      }
    }
  });

  it('gives Space and Enter one meaning in every mode: step, and act on the selection', () => {
    const tour = activeScopes(contextOf('1', { type: 'tour', to: 'toggle' }).state);
    const traffic = activeScopes(contextOf('1', { type: 'traffic', to: 'on' }).state);
    const design = activeScopes(contextOf('1').state);
    for (const active of [design, tour, traffic]) {
      expect(bound(active, 'space')).toBe('step');
      expect(bound(active, 'enter')).toBe('toggle');
    }
    expect(bound(activeScopes(contextOf(null).state), 'enter')).toBe('open');
    expect(bound(activeScopes(contextOf(null).state), 'space')).toBeUndefined();
  });

  it('lets a mode take a key over and falls back to the keys of every screen', () => {
    expect(bound(['tour', 'design', 'everywhere'], 'n')).toBe('tour-next');
    expect(bound(['design', 'everywhere'], 'n')).toBe('step');
    expect(bound(['traffic', 'design', 'everywhere'], '+')).toBe('qps-up');
    expect(bound(['design', 'everywhere'], '+')).toBe('advance');
    expect(bound(['design', 'everywhere'], 'q')).toBe('quit');
    expect(bound(['design', 'everywhere'], 'Z')).toBeUndefined();
  });

  it('follows the conventions: ? help, : command line, Esc back, q quit, hjkl and arrows, 0-4 designs', () => {
    const design: Scope[] = ['design', 'everywhere'];
    expect(['?', ':', 'esc', 'q'].map((k) => bound(design, k))).toEqual(['help', 'command-line', 'escape', 'quit']);
    for (const key of ['h', 'j', 'k', 'l', 'left', 'down', 'up', 'right']) expect(bound(design, key)).toBe('move');
    for (const key of ['0', '1', '2', '3', '4']) expect(bound(design, key)).toBe('open-design');
  });

  it('makes entering traffic mode explicit: d, m and e outside it say how, T enters and leaves', () => {
    const context = contextOf('1');
    for (const key of ['d', 'm', 'e']) {
      const c = resolveKey(['design'], key)?.command;
      expect(c?.onKey?.({ ...context, key })).toMatchObject({ type: 'message', message: { text: expect.stringContaining('T (or :traffic on) enters traffic mode') } });
    }
    const t = resolveKey(['design'], 'T')?.command;
    expect(t?.onKey?.({ ...context, key: 'T' })).toEqual({ type: 'traffic', to: 'on' });
    const inTraffic = contextOf('1', { type: 'traffic', to: 'on' });
    expect(t?.onKey?.({ ...inTraffic, key: 'T' })).toEqual({ type: 'traffic', to: 'leave' });
  });

  it('plays a request with p and changes the play speed with < >, the traffic clock in traffic mode', () => {
    const play = (key: string, traffic: boolean) => {
      const context = contextOf('1', ...(traffic ? [{ type: 'traffic', to: 'on' } as const] : []));
      return resolveKey(activeScopes(context.state), key)?.command.onKey?.({ ...context, key });
    };
    expect(play('p', false)).toEqual({ type: 'play', to: 'toggle' });
    expect(play('>', false)).toEqual({ type: 'play-speed', delta: 1 });
    expect(play('<', false)).toEqual({ type: 'play-speed', delta: -1 });
    expect(play('p', true)).toEqual({ type: 'traffic', to: 'toggle' });
    expect(play('>', true)).toEqual({ type: 'speed-step', delta: 1 });
  });
});

describe('help, footer and README generated from the table', () => {
  it('merges the keys of one command into one row with compact key names', () => {
    expect(keyRows('design', false).find((r) => r.command === 'move')?.keys).toEqual(['←↓↑→', 'h', 'j', 'k', 'l']);
    expect(compactKeys(['0', '1', '2', '3', '4'], true)).toEqual(['0-4']);
    expect(keyRows('design', true).find((r) => r.command === 'move')?.keys[0]).toBe('arrows');
  });

  it('puts the most specific hint first in the footer, once per command and key', () => {
    const hints = footerHints(['tour', 'design', 'everywhere'], false);
    expect(hints[0]).toEqual({ key: '→', hint: 'next slide' });
    expect(hints.map((h) => h.hint)).toContain('step');
    expect(new Set(hints.map((h) => h.key)).size).toBe(hints.length);
  });

  it('orders help and the README by help group, table order within a group', () => {
    const rows = [{ id: 1, group: 'views' }, { id: 2, group: 'app' }, { id: 3, group: 'views' }, { id: 4, group: 'designs' }] as const;
    expect(inHelpOrder(rows).map((r) => r.id)).toEqual([2, 4, 1, 3]);
    const groupOf = new Map(commandTable.map((c) => [c.id, commandGroups.indexOf(c.group)]));
    const ordered = (ids: readonly string[]) => ids.map((id) => groupOf.get(id) ?? -1).every((g, i, all) => g >= 0 && (i === 0 || g >= (all[i - 1] ?? 0)));
    for (const scope of scopes) expect(ordered(keyRows(scope, false).map((r) => r.command)), scope).toBe(true);
    expect(ordered(typedInHelpOrder.map((c) => c.id))).toBe(true);
    const table = keyTableMarkdown();
    const at = (title: string) => table.indexOf(`| ${title} |`);
    // Typed commands: help (app) before goto (designs) before fail (failures), whatever the table's order.
    expect(at('Show every key here')).toBeLessThan(at('Open a design or a file'));
    expect(at('Open a design or a file')).toBeLessThan(at('Take a component/host down'));
  });

  it('lists every key and every command-line form in the README table', () => {
    const table = keyTableMarkdown();
    for (const scope of scopes) for (const row of keyRows(scope, false)) expect(table).toContain(row.title);
    for (const word of commandWords) expect(table).toContain(`\`${word}`);
  });
});
