import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { typedCommands } from '../../source/ui/commands/parse-command-line.js';
import { renderApp } from './render-app.js';

afterEach(() => cleanup());

const ENTER = '\r';
const ESC = '\x1b';
const PAGE_DOWN = '\x1b[6~';

describe('home screen', () => {
  it('lists the designs by number and opens one with its digit', async () => {
    const { waitFor, press } = renderApp();
    const home = await waitFor('distributed');
    for (const id of ['0  simple', '1  distributed', '4  high-availability']) expect(home).toContain(id);
    await press('1');
    await waitFor('Distributed web infrastructure (distributed)');
  });

  it('opens the highlighted design with Enter', async () => {
    const { waitFor, press } = renderApp();
    await waitFor('simple');
    await press('j');
    await waitFor((f) => f.includes('❯ 1'));
    await press(ENTER);
    await waitFor('(distributed)');
  });
});

describe('design screen', () => {
  it('draws the header, diagram, panels and footer hints within the frame', async () => {
    const { waitFor } = renderApp({ design: '1' });
    const frame = await waitFor('haproxy-1');
    expect(frame).toContain('EXPLORE');
    expect(frame).toContain('Nothing has happened yet');
    expect(frame).toContain('s send');
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
  });

  it('sends a preset from the composer and steps through it', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('s');
    await waitFor('Send a request');
    await press(ENTER);
    await waitFor('GET / · hop 1 of');
    await press(' ');
    await waitFor('hop 2 of');
    await press('b');
    await waitFor('hop 1 of');
  });

  it('runs typed commands and answers mistakes in the footer', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press(':', ...'fail server-1', ENTER);
    await waitFor('down: server-1');
    await press(':', ...'bogus', ENTER);
    await waitFor('unknown command "bogus"');
    await press(':', ...'fail nope', ENTER);
    await waitFor('no component or host "nope"');
  });

  it('hangs an app server with H: marked on the diagram and in the header, restarted with H again', async () => {
    const { waitFor, press, store } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    store.dispatch({ type: 'select', id: 'app-1' });
    await press('H');
    const hung = await waitFor('H hung: app-1');
    expect(hung).toContain('app-1 hangs');
    // The mark: before a one-row box, or on the top edge of a tall one.
    expect(hung).toMatch(/H[«[{]app-1|[─━]H[┐┓]/);
    await press('H');
    await waitFor((f) => f.includes('app-1 restarted') && !f.includes('H hung'));
  });

  it('completes ids with Tab and lists the candidates', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press(':', ...'fail ser', '\t');
    await waitFor((f) => f.includes(':fail server-') && f.includes('server-1  server-2'));
    await press('2', ENTER);
    await waitFor('down: server-2');
  });

  it('shows every key of the screen with ?, and closes it with Esc', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('?');
    const help = await waitFor('Keys (Esc or ? closes)');
    for (const text of ['Design screen', 'Send a request', 'Act on the selection: down / up']) expect(help).toContain(text);
    // What does not fit scrolls, and the title says where the window is.
    expect(help).toMatch(/lines 1–\d+ of \d+ ↑↓/);
    await press(PAGE_DOWN);
    await waitFor('Everywhere');
    await press(PAGE_DOWN, PAGE_DOWN);
    // At the end: the last of the commands typed after `:`.
    const last = typedCommands.at(-1)?.typed.form ?? '';
    await waitFor((f) => f.includes(`:${last}`) && /lines \d+–(\d+) of \1 /.test(f));
    await press(ESC);
    await waitFor((f) => !f.includes('Keys (Esc'));
  });

  it('walks the tour and shows the SPOF overlay', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('t');
    await waitFor('TOUR 1/');
    await press('n');
    await waitFor('TOUR 2/');
    await press(ESC, 'x');
    const spof = await waitFor('Single points of failure');
    expect(spof).toContain('SPOF');
    expect(spof).toContain('haproxy-1');
  });

  it('inspects the selection and shows its real configuration', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('c');
    const config = await waitFor('/etc/haproxy/haproxy.cfg');
    // The file `infra-tui config` writes, from its top: the global section, then the defaults.
    expect(config).toMatch(/global[\s\S]*chroot \/var\/lib\/haproxy/);
  });

  it('quits with q', async () => {
    const { waitFor, press, store } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('q');
    expect(store.getState().quitting).toBe(true);
  });
});

describe('display options', () => {
  it('uses only ASCII under --ascii', async () => {
    const { waitFor, press } = renderApp({ design: '1', ascii: true });
    await waitFor('haproxy-1');
    await press('s', ENTER);
    const frame = await waitFor('hop 1 of');
    expect(stripVTControlCharacters(frame)).toMatch(/^[ -~\n]*$/);
  });

  it('keeps the words of the help footer apart under --ascii', async () => {
    const { waitFor, press } = renderApp({ design: '1', ascii: true });
    await waitFor('haproxy-1');
    await press('?');
    const frame = stripVTControlCharacters(await waitFor('close help'));
    expect(frame).toContain('up/down scroll');
    expect(frame).not.toMatch(/updown/);
  });

  it('says the terminal is too small instead of drawing a broken frame', async () => {
    const { app, waitFor } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    Object.defineProperty(app.stdout, 'columns', { value: 50, configurable: true });
    app.stdout.emit('resize');
    await waitFor('terminal too small (needs 60×18)');
  });

  it('wraps the too-small notice to a narrow terminal, so all of it can be read', async () => {
    const { app, waitFor } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    Object.defineProperty(app.stdout, 'columns', { value: 30, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 8, configurable: true });
    app.stdout.emit('resize');
    const frame = stripVTControlCharacters(await waitFor('q to quit'));
    expect(frame).toMatch(/needs\s+60×18\)/);
    expect(frame.split('\n').every((l) => l.trimEnd().length <= 30)).toBe(true);
  });

  it('fits the too-small notice in one line on a terminal of two rows', async () => {
    const { app, waitFor } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    Object.defineProperty(app.stdout, 'rows', { value: 2, configurable: true });
    app.stdout.emit('resize');
    const frame = stripVTControlCharacters(await waitFor('enlarge the window'));
    expect(frame.trimEnd().split('\n')).toHaveLength(1);
    expect(frame).toContain('terminal too small');
  });
});
