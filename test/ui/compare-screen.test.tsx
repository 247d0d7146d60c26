import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { loadTopology } from '../../source/model/load-topology.js';
import { renderApp } from './render-app.js';

type Doc = { id: string; components: Record<string, unknown>[]; clusters: Record<string, unknown>[] };

function writeMyFile(file: string, edit: (doc: Doc) => void = () => {}): void {
  const doc = parse(readFileSync('topologies/1-distributed.yaml', 'utf8')) as Doc;
  doc.id = 'my-site';
  edit(doc);
  writeFileSync(file, stringify(doc));
}

/** The app with files read from `cwd`. */
const renderWith = (cwd: string) => renderApp({ env: { loadTopology: (arg: string) => (/^\d$/.test(arg) ? loadBuiltin(arg) : loadTopology(arg, cwd)) } });

/** Waits up to a minute: the figures of a design take the engine a few seconds on a loaded machine. */
const LONG = 60_000;

/** A row of the table as the screen shows it: its label, then the cells, the highlight's brackets dropped. */
function row(frame: string, label: string): string[] {
  const text = frame.split('\n').find((l) => l.startsWith(label)) ?? '';
  return text.slice(label.length).replace(/[[\]]/g, ' ').trim().split(/\s{2,}/);
}
const header = (frame: string) => (frame.split('\n')[1] ?? '').trim().split(/\s+/);
/** The cell of `label` in the column of design `id`. */
const cellOf = (frame: string, label: string, id: string) => row(frame, label)[header(frame).indexOf(id)];
const computed = (id: string, label: string) => (frame: string) => header(frame).includes(id) && /\d/.test(cellOf(frame, label, id) ?? '');

describe('the compare screen', () => {
  it('shows the open file beside the built-ins; its numbers change when the file changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-compare-screen-'));
    const file = join(dir, 'my.yaml');
    writeMyFile(file);
    const { store, waitFor, press, app } = renderWith(dir);
    store.dispatch({ type: 'open-design', topology: await loadTopology(file, dir) });
    await press('C');
    const before = await waitFor(computed('my-site', 'max qps'), LONG);
    expect(cellOf(before, 'max qps', 'my-site')).toBe('244');
    expect(cellOf(before, 'DB dies: gap', 'my-site')).toBe('never');
    // Twice the workers, a replica promoted automatically; the file is opened again, then C.
    writeMyFile(file, (doc) => {
      for (const c of doc.components) if (c['kind'] === 'app-server') c['workers'] = 6;
      for (const c of doc.clusters) if (c['kind'] === 'replication') c['failover'] = 'automatic';
    });
    await press('\u001b', ':');
    await press(...`goto ${file}`, '\r');
    await waitFor((f) => f.includes('the file changed, so it starts afresh'), LONG);
    await press('C');
    const after = await waitFor((f) => computed('my-site', 'max qps')(f) && cellOf(f, 'max qps', 'my-site') !== '244', LONG);
    expect(Number(cellOf(after, 'max qps', 'my-site'))).toBeGreaterThan(400);
    expect(cellOf(after, 'DB dies: gap', 'my-site')).toMatch(/^\d+(\.\d+)? s$/);
    app.unmount();
  }, 120_000);

  it('moves through figures and designs, names what the figure counts, opens the design on Enter, Esc goes back', async () => {
    const { store, waitFor, press, app } = renderWith(process.cwd());
    store.dispatch({ type: 'open-design', topology: loadBuiltin('1') });
    await press('C');
    await waitFor(computed('distributed', 'SPOFs (outage)'), LONG);
    // Down to the SPOF row (the ninth), right to design 2.
    await press(...'jjjjjjjj', 'l');
    const frame = await waitFor((f) => f.includes('secured), SPOFs (outage):'), LONG);
    expect(frame).toMatch(/single points of failure \(alone, an outage\): dns, haproxy-1, lb-1/);
    await press('\r');
    await waitFor((f) => f.includes('Secured and monitored web infrastructure'), LONG);
    expect(store.getState()).toMatchObject({ screen: 'design', design: { topology: { id: 'secured' } } });
    await press('C');
    await waitFor((f) => f.includes('side by side'));
    await press('\u001b');
    await waitFor((f) => !f.includes('side by side'));
    expect(store.getState().screen).toBe('design');
    app.unmount();
  }, 120_000);
});
