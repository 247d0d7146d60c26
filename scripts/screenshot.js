// `npm run screenshot`: runs the built app in a pseudo-terminal (design 3 at 110×32, a request
// sent and stepped to its fourth hop, lb-1 failed first), reads the screen a terminal shows
// (xterm), and writes it as an SVG picture, colours included, to docs/screenshot.svg.
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { mkdirSync, writeFileSync } from 'node:fs';

const COLUMNS = 110;
const ROWS = 32;
const OUT = 'docs/screenshot.svg';
/** The keys a user presses, in order, each given time to draw. */
const KEYS = [':fail lb-1\r', ':advance 5s\r', 's', '\r', ' ', ' ', ' '];

/** xterm's 16 colours (a dark theme), then the 6×6×6 cube and the grey ramp of 256-colour mode. */
const base = ['#1d1f21', '#cc6666', '#b5bd68', '#f0c674', '#81a2be', '#b294bb', '#8abeb7', '#c5c8c6', '#666666', '#d54e53', '#b9ca4a', '#e7c547', '#7aa6da', '#c397d8', '#70c0b1', '#eaeaea'];
const hex = (n) => n.toString(16).padStart(2, '0');
const palette = [...base, ...Array.from({ length: 216 }, (_, i) => [Math.floor(i / 36), Math.floor(i / 6) % 6, i % 6].map((v) => (v ? v * 40 + 55 : 0))).map((c) => `#${c.map(hex).join('')}`), ...Array.from({ length: 24 }, (_, i) => `#${hex(8 + i * 10).repeat(3)}`)];

function colour(cell, fg) {
  const mode = fg ? (cell.isFgRGB() ? 'rgb' : cell.isFgPalette() ? 'palette' : 'default') : cell.isBgRGB() ? 'rgb' : cell.isBgPalette() ? 'palette' : 'default';
  const value = fg ? cell.getFgColor() : cell.getBgColor();
  if (mode === 'rgb') return `#${hex(value >> 16)}${hex((value >> 8) & 255)}${hex(value & 255)}`;
  if (mode === 'palette') return palette[value] ?? base[7];
  return fg ? base[7] : undefined;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The screen as SVG: one text line per row, one tspan per run of cells with the same look. */
function toSvg(terminal) {
  const cw = 8.4;
  const ch = 17;
  const buffer = terminal.buffer.active;
  const rows = [];
  const backs = [];
  for (let y = 0; y < ROWS; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    let spans = '';
    let run = { text: '', key: '' };
    const flush = () => {
      if (run.text) spans += `<tspan${run.key}>${escape(run.text)}</tspan>`;
      run = { text: '', key: '' };
    };
    for (let x = 0; x < COLUMNS; x++) {
      const cell = line?.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      const bg = colour(cell, false);
      if (bg) backs.push(`<rect x="${(x * cw).toFixed(1)}" y="${y * ch}" width="${(cw * cell.getWidth()).toFixed(1)}" height="${ch}" fill="${bg}"/>`);
      const key = ` fill="${colour(cell, true)}"${cell.isBold() ? ' font-weight="bold"' : ''}${cell.isDim() ? ' opacity="0.6"' : ''}`;
      if (key !== run.key) flush();
      run.key = key;
      run.text += cell.getChars() || ' ';
    }
    flush();
    rows.push(`<text x="0" y="${y * ch + 13}" xml:space="preserve">${spans}</text>`);
  }
  const width = Math.ceil(COLUMNS * cw);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${ROWS * ch}" viewBox="0 0 ${width} ${ROWS * ch}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">`,
    `<rect width="100%" height="100%" fill="${base[0]}"/>`,
    ...backs,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const env = { ...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', FORCE_COLOR: '2' };
delete env.CI;
delete env.NO_COLOR;
const terminal = new xterm.Terminal({ cols: COLUMNS, rows: ROWS, allowProposedApi: true });
const child = pty.spawn(process.execPath, ['dist/cli.js', '3'], { cols: COLUMNS, rows: ROWS, env, name: 'xterm-256color' });
child.onData((data) => terminal.write(data));
await pause(2000);
for (const key of KEYS) {
  for (const ch of key) {
    child.write(ch);
    await pause(30);
  }
  await pause(400);
}
await pause(500);
mkdirSync('docs', { recursive: true });
writeFileSync(OUT, toSvg(terminal));
child.kill();
console.log(`wrote ${OUT} (${COLUMNS}×${ROWS})`);
process.exit(0);
