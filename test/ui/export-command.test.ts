import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fileSaver } from '../../source/commands/save-file.js';
import { stateFormats } from '../../source/export/state-export.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import type { AppEnv } from '../../source/ui/app-context.js';
import { parseCommandLine } from '../../source/ui/commands/parse-command-line.js';
import { snapshotOf } from '../../source/ui/commands/export-state.js';
import { commandContext, runIntent } from '../../source/ui/commands/run-command.js';
import { commandTable } from '../../source/ui/commands/command-table.js';
import type { Action } from '../../source/ui/state/actions.js';
import { initialAppState } from '../../source/ui/state/app-state.js';
import { createAppStore } from '../../source/ui/state/app-store.js';

const GET = { type: 'engine', input: { type: 'send', request: { kind: 'http', method: 'GET', path: '/' } } } as const;

/** Design 1 with server-1 down and GET / stepped `steps` hops. */
function storeWith(topology: Topology, steps: number) {
  const store = createAppStore(initialAppState(1));
  const actions: Action[] = [{ type: 'open-design', topology }, { type: 'engine', input: { type: 'fail', id: 'server-1' } }, { type: 'engine', input: { type: 'advance', ms: 15_000 } }, GET, ...Array.from({ length: steps }, (): Action => ({ type: 'step' }))];
  for (const a of actions) store.dispatch(a);
  return store;
}

const exportSpec = commandTable.find((c) => c.id === 'export');

/** Runs a typed line as the command line does, and waits for the footer's answer. */
async function typed(store: ReturnType<typeof storeWith>, env: AppEnv, line: string): Promise<string> {
  const parsed = parseCommandLine(line, commandContext(store.getState(), { boxes: [] }));
  if (!parsed.ok) return parsed.message;
  runIntent(parsed.command, parsed.intent, { store, env, boxes: [] });
  for (let i = 0; i < 100 && !store.getState().message?.text.includes('export'); i++) await new Promise((r) => setTimeout(r, 10));
  return store.getState().message?.text ?? '';
}

const envWith = (saveFile?: AppEnv['saveFile']): AppEnv => ({ loadTopology: loadBuiltin, designs: () => [], ...(saveFile ? { saveFile } : {}) });

describe(':export writes the design as it stands', () => {
  it('is a command of the one table, with its formats for Tab; a wrong format is one line', async () => {
    expect(exportSpec?.typed?.form).toBe('export text|markdown|mermaid [file]');
    expect(exportSpec?.typed?.complete?.(0, [], {} as never)).toEqual(['text', 'markdown', 'mermaid']);
    expect(await typed(storeWith(loadBuiltin('1'), 0), envWith(), 'export pdf')).toBe('export: usage: export text|markdown|mermaid [file]');
  });

  it('text: what is down, the path so far and the diagram with the failure marked', () => {
    const store = storeWith(loadBuiltin('1'), 3);
    const design = store.getState().design;
    if (!design) throw new Error('no design');
    const text = stateFormats.text.write(snapshotOf(design));
    // The machine first, then what runs on it.
    expect(text).toMatch(/^down: server-1, nginx-1, app-1, code-1, mysql-1$/m);
    expect(text).toMatch(/^request: GET \/$/m);
    expect(text).toMatch(/^path so far: browser → ISP resolver → dns → ISP resolver → browser$/m);
    expect(text).toContain('✗');
    const done = storeWith(loadBuiltin('1'), 40).getState().design;
    if (!done) throw new Error('no design');
    expect(stateFormats.text.write(snapshotOf(done))).toMatch(/^request: GET \/: 200 OK served by nginx-2$/m);
  });

  it('text: a hung part gets its own line, worded as everywhere else', () => {
    const store = createAppStore(initialAppState(1));
    for (const a of [{ type: 'open-design', topology: loadBuiltin('1') }, { type: 'engine', input: { type: 'hang', id: 'app-1' } }] as const) store.dispatch(a);
    const design = store.getState().design;
    if (!design) throw new Error('no design open');
    const text = stateFormats.text.write(snapshotOf(design));
    expect(text).toMatch(/^hung: app-1$/m);
    expect(text).not.toMatch(/^down:/m);
  });

  it('Mermaid: the machine down marks what runs on it, the path is drawn thick', () => {
    const design = storeWith(loadBuiltin('1'), 40).getState().design;
    if (!design) throw new Error('no design');
    const text = stateFormats.mermaid.write(snapshotOf(design));
    expect(text).toMatch(/^ {2}class (n_[a-z0-9_]+,)*n_nginx_1(,n_[a-z0-9_]+)* down$/m);
    expect(text).toMatch(/^ {2}class .*n_mysql_1.* down$/m);
    expect(text).not.toMatch(/^ {2}class .*n_nginx_2.* down$/m);
    const links = text.split('\n').filter((l) => /^\s+n_\w+ (-->|==>|-\.->)/.test(l));
    const styled = /^ {2}linkStyle ([\d,]+) /m.exec(text)?.[1]?.split(',').map(Number) ?? [];
    expect(styled.length).toBeGreaterThan(2);
    expect(styled.map((i) => links[i]).some((l) => /n_haproxy_1 \S+ n_nginx_2/.test(l ?? ''))).toBe(true);
  });

  it('Markdown from a hostile file stays text when rendered', () => {
    const t = loadBuiltin('1');
    const design = storeWith({ ...t, title: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }, 5).getState().design;
    if (!design) throw new Error('no design');
    const html = new MarkdownIt({ html: true }).render(stateFormats.markdown.write(snapshotOf(design)));
    expect([...html.matchAll(/<([a-z][\w-]*)/g)].map((m) => m[1]).filter((e) => !['h1', 'p', 'em', 'ul', 'li', 'strong', 'code', 'pre'].includes(e ?? ''))).toEqual([]);
  });

  it('says the path it wrote; a file of the same default name is kept and the next gets a number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-export-'));
    const store = storeWith(loadBuiltin('1'), 3);
    const env = envWith(fileSaver(dir));
    expect(await typed(store, env, 'export markdown')).toBe(`markdown export written to ${join(dir, 'infra-tui-distributed.md')}`);
    store.dispatch({ type: 'message', message: { text: '', level: 'info' } });
    expect(await typed(store, env, 'export markdown')).toBe(`markdown export written to ${join(dir, 'infra-tui-distributed-2.md')}`);
    const design = store.getState().design;
    if (!design) throw new Error('no design');
    expect(readFileSync(join(dir, 'infra-tui-distributed.md'), 'utf8')).toBe(stateFormats.markdown.write(snapshotOf(design)));
    store.dispatch({ type: 'message', message: { text: '', level: 'info' } });
    expect(await typed(store, env, 'export mermaid my slide.mmd')).toBe(`mermaid export written to ${join(dir, 'my slide.mmd')}`);
    expect(readFileSync(join(dir, 'my slide.mmd'), 'utf8')).toMatch(/^flowchart LR/);
  });

  it('refuses a name that is not a regular file, in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-export-'));
    mkdirSync(join(dir, 'folder'));
    const said = await typed(storeWith(loadBuiltin('1'), 0), envWith(fileSaver(dir)), 'export text folder');
    expect(said).toBe(`export not written: ${join(dir, 'folder')} is not a regular file: not written`);
  });

  it('is refused with one line where the session may not write files', async () => {
    const said = await typed(storeWith(loadBuiltin('1'), 0), envWith(), 'export text');
    expect(said).toBe('export is switched off in this session: it writes no files here');
    expect(said).not.toContain('\n');
  });
});
