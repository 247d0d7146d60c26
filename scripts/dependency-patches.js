// Build-time edits of dependencies, each kept because a bench figure pays for it (the figure is
// named on each). Every patched package is pinned to an exact version in package.json, and every
// edit fails the build when the code it edits is not found, so an upgrade cannot drop one silently.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Ink's writer of frames, which two edits below change. */
const inkLogUpdate = /[\\/]ink[\\/]build[\\/]log-update\.js$/;
/** Ink's Output: the screen as cells, turned back into text on every frame (three edits below). */
const inkOutput = /[\\/]ink[\\/]build[\\/]output\.js$/;

/**
 * One edit of one dependency file: replaces `before` (which must be there) by `after`, and
 * appends `append`.
 */
function patchDependency(name, file, before, after, append = '') {
  return {
    name,
    file,
    apply(source, path) {
      if (!source.includes(before)) throw new Error(`${path} changed: "${before.split('\n')[0]}" not found; update ${name} in scripts/dependency-patches.js`);
      return `${source.replace(before, after)}\n${append}\n`;
    },
  };
}

/**
 * An esbuild plugin making `edits`, those of one file in the order given: esbuild loads a file
 * with the first plugin that answers for it, so the edits of one file must be made by one plugin.
 */
function editsPlugin(name, edits) {
  return {
    name,
    setup(b) {
      for (const filter of new Set(edits.map((e) => e.file))) {
        const mine = edits.filter((e) => e.file === filter);
        b.onLoad({ filter }, async (args) => ({ contents: mine.reduce((source, e) => e.apply(source, args.path), await readFile(args.path, 'utf8')), loader: 'js' }));
      }
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
 * ink 6.6.0: Ink re-tokenizes every line of text into styled cells on every frame, though most
 * lines are the same as in the frame before. Remember the cells of each line (they are only read
 * afterwards, so sharing them is safe), in two generations of at most 10,000 cells each (two
 * screens of 120×40): when the newer one is full it becomes the older one, and a line found
 * there moves back to the newer. Each cell is an object of about 150 bytes, so the bound is on
 * cells, not lines: 2,000 lines of a changing traffic screen held 35 MB and grew the live heap
 * without end. Buys CPU per frame: key → frame and frames/s in the ui bench; and traffic RSS.
 */
const cachedLineCells = patchDependency(
  'cached-line-cells',
  inkOutput,
  'styledCharsFromTokens(tokenize(line))',
  'cellsOf(line)',
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
  ].join('\n'),
);

/**
 * ink 6.6.0: Ink makes a new object for every empty cell of the screen on every frame (4,800 at
 * 120×40). They all share one blank cell instead, frozen: cells are only read. Buys traffic RSS
 * (memory bench: garbage per traffic frame).
 */
const sharedBlankCell = patchDependency(
  'shared-blank-cell',
  inkOutput,
  "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
  'row.push(blankCell);',
  "const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });",
);

/**
 * ink 6.6.0: a row of cells is turned into text run by run of cells with the same styles, not
 * cell by cell: ansi-tokenize computes the escape codes between two cells with three Sets and
 * four arrays, even when both have the same styles (the codes between those are always none),
 * which was 70 MB a second of garbage at 12.5 traffic frames a second. The text is the same.
 * And a row made of the very same cells as that row in the frame before (cells are shared and
 * read only, so the same cells make the same text) reuses its text: one row kept per screen
 * row. Buys traffic RSS (memory bench) and CPU per frame (ui bench).
 */
const textByStyleRuns = patchDependency(
  'text-by-style-runs',
  inkOutput,
  [
    '.map(line => {',
    '            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742',
    '            const lineWithoutEmptyItems = line.filter(item => item !== undefined);',
    '            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
    '        })',
  ].join('\n'),
  '.map(rowText)',
  [
    'function sameStyles(a, b) {',
    '  if (a === b) return true;',
    '  if (a.length !== b.length) return false;',
    '  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;',
    '  return true;',
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
  file: inkLogUpdate,
  apply(source, path) {
    const calls = source.match(/cliCursor\.(hide|show)\(\)/g) ?? [];
    if (calls.length !== 4) throw new Error(`${path} changed: 4 cursor calls expected, ${calls.length} found; update cursor-on-own-stream in scripts/dependency-patches.js`);
    return source.replace(/cliCursor\.(hide|show)\(\)/g, 'cliCursor.$1(stream)');
  },
};

/**
 * ink 6.6.0: Ink's incremental rendering rewrites a changed line whole, and steps over each
 * unchanged one with its own escape sequence; a step that changes one number in a ruled title
 * rewrote the rule. Write only what changed in a line, and step over unchanged lines at once
 * (source/ui/line-update.ts). Buys bytes per forward step and per traffic frame in the ui bench.
 */
const changedPartsOnly = patchDependency(
  'changed-parts-only',
  inkLogUpdate,
  [
    '        for (let i = 0; i < visibleCount; i++) {',
    '            // We do not write lines if the contents are the same. This prevents flickering during renders.',
    '            if (nextLines[i] === previousLines[i]) {',
    '                buffer.push(ansiEscapes.cursorNextLine);',
    '                continue;',
    '            }',
    '            buffer.push(ansiEscapes.cursorTo(0) +',
    '                nextLines[i] +',
    '                ansiEscapes.eraseEndLine +',
    "                '\\n');",
    '        }',
  ].join('\n'),
  '        buffer.push(lineUpdate(previousLines, nextLines, visibleCount));',
  `import { lineUpdate } from ${JSON.stringify(fileURLToPath(new URL('../source/ui/line-update.ts', import.meta.url)))};`,
);

const inkEdits = [cachedLineCells, sharedBlankCell, textByStyleRuns, changedPartsOnly, yogaWithoutFetch];

/** The patches any Ink app bundled here gets: the CLI, and the bench's bare Ink baseline. */
export const inkPatches = [cachedStringWidth, editsPlugin('ink-edits', inkEdits)];

/** The CLI's own: Ink's, meow's and ssh2's. */
export const cliPatches = [cachedStringWidth, editsPlugin('cli-edits', [...inkEdits, cursorOnOwnStream, lazyPackageNormalizer, ssh2SessionCheck])];
