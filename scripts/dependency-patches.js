// Build-time edits of dependencies, each kept because a bench figure pays for it (the figure is
// named on each). Every patched package is pinned to an exact version in package.json, and every
// edit fails the build when the code it edits is not found, so an upgrade cannot drop one silently.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * An esbuild plugin that edits one dependency file: replaces `before` (which must be there) by
 * `after` — or each of a list of `before`s by the `after` at the same place — and appends `append`.
 */
function patchDependency(name, file, before, after, append = '') {
  const edits = [before].flat().map((text, i) => [text, [after].flat()[i]]);
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of edits) {
          if (!source.includes(from)) throw new Error(`${args.path} changed: "${from.split('\n')[0]}" not found; update ${name} in scripts/dependency-patches.js`);
          source = source.replace(from, to);
        }
        return { contents: `${source}\n${append}\n`, loader: 'js' };
      });
    },
  };
}

/**
 * string-width 8.3.0: every import of it goes through a bounded cache of the widths of the texts
 * it measured (scripts/string-width-cache.js). Buys CPU per frame: key → frame and frames/s in
 * the ui bench; and traffic RSS (memory bench), as the garbage of measuring each line is gone.
 */
const cachedStringWidth = {
  name: 'cached-string-width',
  setup(b) {
    const wrapper = fileURLToPath(new URL('./string-width-cache.js', import.meta.url));
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === wrapper ? undefined : { path: wrapper }));
  },
};

/**
 * ink 6.6.0, three edits of its Output (the screen as cells, turned back into text each frame):
 * - Ink re-tokenizes every line of text into styled cells on every frame, though most lines are
 *   the same as in the frame before. Remember the cells of each line (they are only read
 *   afterwards, so sharing them is safe), in two generations of at most 10,000 cells each (two
 *   screens of 120×40): when the newer one is full it becomes the older one, and a line found
 *   there moves back to the newer. Each cell is an object of about 150 bytes, so the bound is on
 *   cells, not lines: 2,000 lines of a changing traffic screen held 35 MB and grew the live heap
 *   without end.
 * - Every empty cell of the screen is one shared blank cell (read only), not a new object each.
 * - A row is turned into text run by run of cells with the same styles, not cell by cell:
 *   ansi-tokenize computes the escape codes between two cells with three Sets and four arrays,
 *   even when both cells have the same styles (the codes between those are always none), which
 *   was 70 MB a second of garbage at 12.5 traffic frames a second. The text is the same. And a
 *   row made of the very same cells as that row in the frame before (cells are shared and read
 *   only, so the same cells make the same text) reuses its text: one row kept per screen row.
 * Buys CPU per frame: key → frame and frames/s in the ui bench; and traffic RSS (memory bench).
 */
const cachedLineCells = patchDependency(
  'cached-line-cells',
  /[\\/]ink[\\/]build[\\/]output\.js$/,
  [
    'styledCharsFromTokens(tokenize(line))',
    "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
    [
      '.map(line => {',
      '            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
      '            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
      '            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
      '        })',
    ].join('\n'),
  ],
  ['cellsOf(line)', 'row.push(blankCell);', '.map(rowText)'],
  [
    'let newerCells = new Map();',
    'let olderCells = new Map();',
    'let newerSize = 0;',
    'function cellsOf(line) {',
    '  let cells = newerCells.get(line);',
    '  if (cells !== undefined) return cells;',
    '  cells = olderCells.get(line) ?? styledCharsFromTokens(tokenize(line));',
    '  if (newerSize + cells.length > 10000) {',
    '    olderCells = newerCells;',
    '    newerCells = new Map();',
    '    newerSize = 0;',
    '  }',
    '  newerCells.set(line, cells);',
    '  newerSize += cells.length;',
    '  return cells;',
    '}',
    "const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
    'function sameStyles(a, b) {',
    '  if (a === b) return true;',
    '  if (a.length !== b.length) return false;',
    '  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;',
    '  return true;',
    '}',
    'const lastRows = [];',
    'function rowText(line, y) {',
    '  const last = lastRows[y];',
    '  if (last !== undefined && last.cells.length === line.length) {',
    '    let x = 0;',
    '    while (x < line.length && line[x] === last.cells[x]) x++;',
    '    if (x === line.length) return last.text;',
    '  }',
    '  const text = styledCharsToString(styleRuns(line.filter((item) => item !== undefined))).trimEnd();',
    '  lastRows[y] = { cells: line, text };',
    '  return text;',
    '}',
    'function styleRuns(cells) {',
    '  const runs = [];',
    '  for (const cell of cells) {',
    '    const run = runs[runs.length - 1];',
    '    if (run !== undefined && sameStyles(run.styles, cell.styles)) run.value += cell.value;',
    "    else runs.push({ type: 'char', value: cell.value, fullWidth: false, styles: cell.styles });",
    '  }',
    '  return runs;',
    '}',
  ].join('\n'),
);

/**
 * yoga-layout 3.2.1: Yoga (Ink's layout engine) loads its embedded WebAssembly through `fetch`
 * of a data: URL whenever fetch exists; on Node 20 that first touch of fetch loads undici. It
 * decodes the same bytes directly instead. Buys the app's launch time (launch → first frame).
 */
const yogaWithoutFetch = patchDependency(
  'yoga-without-fetch',
  /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
  'function ya(){return w||"function"!=typeof fetch?',
  'function ya(){return true?',
);

/**
 * meow 14.1.0: meow evaluates normalize-package-data (and its SPDX tables) when it is imported,
 * though it only needs it if a program reads `cli.pkg`, which this one never does. Defer it to
 * first use. Buys the start-up of every command (launch → first frame; `list`, `print`...).
 */
const lazyPackageNormalizer = patchDependency(
  'lazy-package-normalizer',
  /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
  'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
  'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
);

/**
 * ssh2 1.17.0: not a speed-up but what minifying it breaks. When a connection closes, ssh2 tells a
 * session channel that never started a shell from a data channel by its class's name
 * (`constructor.name === 'Session'`), which minification renames: the check fails and the whole
 * server throws. A session is the one channel with a `_chanInfo` (set in its constructor).
 */
const ssh2SessionCheck = patchDependency(
  'ssh2-session-check',
  /[\\/]ssh2[\\/]lib[\\/]utils\.js$/,
  "if (channel.server && channel.constructor.name === 'Session')",
  'if (channel.server && channel._chanInfo !== undefined)',
);

/**
 * ink 6.6.0: Ink hides and shows the cursor on `process.stderr` whatever stream it draws on. In
 * `serve` every session draws on its own SSH channel (which hides its own cursor), so each session's
 * first frame hid the operator console's cursor and each session's end showed it again. Each call
 * gets the stream the frames go to. Not a speed-up: what the classroom server's console needs.
 */
const cursorOnOwnStream = {
  name: 'cursor-on-own-stream',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const calls = source.match(/cliCursor\.(hide|show)\(\)/g) ?? [];
      if (calls.length !== 4) throw new Error(`${args.path} changed: 4 cursor calls expected, ${calls.length} found; update cursor-on-own-stream in scripts/dependency-patches.js`);
      return { contents: source.replace(/cliCursor\.(hide|show)\(\)/g, 'cliCursor.$1(stream)'), loader: 'js' };
    });
  },
};

/** The patches any Ink app bundled here gets: the CLI, and the bench's bare Ink baseline. */
export const inkPatches = [cachedStringWidth, cachedLineCells, yogaWithoutFetch];

/** The CLI's own: Ink's, meow's and ssh2's. */
export const cliPatches = [...inkPatches, cursorOnOwnStream, lazyPackageNormalizer, ssh2SessionCheck];
