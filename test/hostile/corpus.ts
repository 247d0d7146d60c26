/**
 * A corpus of hostile topology files, written into a folder at test time: terminal escapes,
 * text-direction overrides, wide and invisible characters, YAML bombs, deep nesting, huge and
 * binary files, broken encodings, and special files (FIFOs, sockets, device links, folders,
 * symbolic-link loops). Each entry says whether a command may accept it (exit 0) or must refuse
 * it as a bad file (exit 2), and whether it is a special file (refused in exactly one line).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export interface HostileFile {
  /** The file's name in the corpus folder. */
  readonly name: string;
  /** 0: a usable topology (however odd); 2: a bad file. */
  readonly exit: 0 | 2;
  /** Refused from what it is (not from its content), in exactly one line. */
  readonly special?: boolean;
}

const ESC = '\u001b';
const RLO = '\u202e';

/** A small valid topology; `patch` replaces one of its lines (by its start) with others. */
const base = [
  'id: my-site',
  'title: My site',
  'summary: One HAProxy in front of two web servers.',
  'domain: example.com',
  'dns:',
  '  - { name: www.example.com, type: A, value: 203.0.113.10, ttl: 300 }',
  'hosts:',
  '  - { id: lb-1, ip: 203.0.113.10 }',
  '  - { id: web-1, ip: 203.0.113.11 }',
  '  - { id: web-2, ip: 203.0.113.12 }',
  'components:',
  '  - { id: browser, kind: client }',
  '  - { id: dns, kind: dns }',
  '  - { id: haproxy-1, kind: load-balancer, host: lb-1, software: HAProxy, balance: roundrobin, backends: [nginx-1, nginx-2] }',
  '  - { id: nginx-1, kind: web-server, host: web-1, upstream: [app-1] }',
  '  - { id: nginx-2, kind: web-server, host: web-2, upstream: [app-2] }',
  '  - { id: app-1, kind: app-server, host: web-1, database: { writes: db-1, reads: [db-1] } }',
  '  - { id: app-2, kind: app-server, host: web-2, database: { writes: db-1, reads: [db-1] } }',
  '  - { id: db-1, kind: database, host: web-1, role: primary }',
];

function patched(start: string, ...lines: string[]): string {
  const at = base.findIndex((l) => l.startsWith(start));
  if (at < 0) throw new Error(`no line starts with ${start}`);
  return [...base.slice(0, at), ...lines, ...base.slice(at + 1)].join('\n') + '\n';
}
const withTitle = (title: string) => patched('title:', `title: ${JSON.stringify(title)}`);
const withSummary = (summary: string) => patched('summary:', `summary: ${JSON.stringify(summary)}`);
const withHostLabel = (label: string) => patched('  - { id: web-1', `  - { id: web-1, ip: 203.0.113.11, label: ${JSON.stringify(label)} }`);
const withExplain = (text: string) => patched('  - { id: dns', `  - { id: dns, kind: dns, explain: ${JSON.stringify(text)} }`);
const withComponentId = (id: string) => patched('  - { id: db-1', `  - { id: ${JSON.stringify(id)}, kind: database, host: web-1, role: primary }`);
const extra = (...lines: string[]) => base.join('\n') + '\n' + lines.join('\n') + '\n';

/** Text-like files: name, content (string or bytes), expected exit. */
const texts: readonly (readonly [string, string | Uint8Array, 0 | 2])[] = [
  // Terminal escapes in every kind of text a file carries.
  ['esc-title-clear.yaml', withTitle(`${ESC}[2J${ESC}[Hcleared`), 2],
  ['esc-title-osc.yaml', withTitle(`${ESC}]0;pwned\u0007site`), 2],
  ['esc-summary-colour.yaml', withSummary(`${ESC}[31mred${ESC}[0m`), 2],
  ['esc-host-label.yaml', withHostLabel(`web${ESC}[1A`), 2],
  ['esc-explain.yaml', withExplain(`line${ESC}[K\nnext`), 2],
  ['esc-id.yaml', withComponentId(`db${ESC}[0m`), 2],
  ['esc-raw-byte-in-plain.yaml', patched('title:', `title: raw ${ESC}[5m blink`), 2],
  ['c1-csi.yaml', withTitle('c1 \u009b2J here'), 2],
  ['bell-backspace.yaml', withSummary('ring \u0007\u0008\u0008 back'), 2],
  ['carriage-return.yaml', withTitle('safe\rEVIL'), 2],
  ['tab-in-id.yaml', withComponentId('db\t1'), 2],
  ['del-char.yaml', withTitle('del \u007f char'), 2],
  ['esc-in-key.yaml', extra(`"x${ESC}[2J": 1`), 2],
  ['esc-in-comment.yaml', `# ${ESC}[2J a comment with an escape\n${base.join('\n')}\n`, 0],
  // An anchor's name is never shown: the file is usable.
  ['esc-in-anchor-name.yaml', patched('title:', `title: &a${ESC} t`), 0],
  // Text-direction overrides and isolates.
  ['bidi-rlo-title.yaml', withTitle(`admin ${RLO}gnp.exe`), 2],
  ['bidi-lri-summary.yaml', withSummary('a \u2066hidden\u2069 b'), 2],
  ['bidi-in-id.yaml', withComponentId(`db-${RLO}1`), 2],
  ['bidi-in-label.yaml', withHostLabel(`web ${RLO}1`), 2],
  ['bidi-pdf-explain.yaml', withExplain('x \u202c y'), 2],
  // Wide, combining and invisible characters: usable text that must not break alignment.
  ['wide-cjk-title.yaml', withTitle('我的网站 — 高可用'), 0],
  ['wide-emoji-summary.yaml', withSummary('🚀🔥 servers 👨‍👩‍👧‍👦 and flags 🇫🇷'), 0],
  ['wide-label.yaml', withHostLabel('ウェブサーバー１'), 0],
  ['combining-marks.yaml', withTitle('Z\u0351\u0352\u0353\u0354a\u0355\u0356l\u0357g\u0358o'), 0],
  ['zero-width.yaml', withSummary('zero\u200bwidth\u200djoiner\ufeffbom'), 0],
  ['wide-long-title.yaml', withTitle('网'.repeat(200)), 2],
  ['fullwidth-id.yaml', withComponentId('ｄｂ－１'), 2],
  ['lookalike-id.yaml', withComponentId('db-\u0430'), 2],
  ['wide-explain-long.yaml', withExplain('服务器 '.repeat(150)), 0],
  // YAML bombs and tricks.
  ['alias-bomb.yaml', extra('a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)), 2],
  ['alias-bomb-maps.yaml', extra('a: &a {x: 1, y: 2, z: 3}', ...'bcdefghijklmnopqrstuv'.split('').map((k, i) => `${k}: &${k} {p: *${String.fromCharCode(97 + i)}, q: *${String.fromCharCode(97 + i)}}`)), 2],
  ['merge-key.yaml', extra('defaults: &d { kind: web-server }', 'other: { <<: *d }'), 2],
  ['alias-as-key.yaml', extra('k: &k key', '*k : value'), 2],
  ['undefined-alias.yaml', patched('title:', 'title: *nowhere'), 2],
  ['anchor-self.yaml', extra('self: &s [*s]'), 2],
  ['custom-tag.yaml', patched('title:', 'title: !!js/function "function(){}"'), 2],
  ['binary-tag.yaml', patched('title:', 'title: !!binary aGVsbG8='), 2],
  ['proto-key.yaml', extra('__proto__: { polluted: true }'), 2],
  ['constructor-key.yaml', patched('hosts:', 'hosts:', '  - { id: x-1, ip: 203.0.113.99, constructor: { prototype: 1 } }'), 2],
  // YAML 1.2: `yes` is text, not true.
  ['yaml-1-1-bool.yaml', patched('title:', 'title: yes'), 0],
  ['huge-number.yaml', patched('  - { name:', '  - { name: www.example.com, type: A, value: 203.0.113.10, ttl: 1e400 }'), 2],
  ['nan-number.yaml', patched('  - { name:', '  - { name: www.example.com, type: A, value: 203.0.113.10, ttl: .nan }'), 2],
  ['negative-ttl.yaml', patched('  - { name:', '  - { name: www.example.com, type: A, value: 203.0.113.10, ttl: -1 }'), 2],
  // Written out as U+FFFD by the encoder: harmless.
  ['lone-surrogate.yaml', patched('title:', 'title: "\\ud800 alone"'), 0],
  ['multi-document.yaml', `${base.join('\n')}\n---\n${base.join('\n')}\n`, 2],
  ['duplicate-keys.yaml', extra('title: again'), 2],
  ['thousands-of-keys.yaml', extra(...Array.from({ length: 3_000 }, (_, i) => `k${i}: ${i}`)), 2],
  // Nesting.
  ['deep-flow-lists.yaml', extra(`deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}`), 2],
  ['deep-flow-maps.yaml', extra(`deep: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}`), 2],
  ['deep-block-maps.yaml', extra(...Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`), `${' '.repeat(2_000)}v`), 2],
  ['deep-block-lists.yaml', extra('deep:', ...Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 1)}-`)), 2],
  // Size, encoding, shape.
  ['huge-over-limit.yaml', `${base.join('\n')}\n# ${'x'.repeat(1024 * 1024)}\n`, 2],
  ['huge-one-line.yaml', withSummary('s'.repeat(900_000)), 2],
  ['many-hosts.yaml', patched('hosts:', 'hosts:', ...Array.from({ length: 1_000 }, (_, i) => `  - { id: h-${i}, ip: 10.${(i >> 8) & 255}.${i & 255}.1 }`)), 0],
  ['nul-byte.yaml', `${base.slice(0, 3).join('\n')}\0\n${base.slice(3).join('\n')}\n`, 2],
  ['invalid-utf8.yaml', new Uint8Array([...Buffer.from('id: x\ntitle: '), 0xc3, 0x28, 0x0a]), 2],
  ['utf16.yaml', new Uint8Array([0xff, 0xfe, ...Buffer.from(base.join('\n'), 'utf16le')]), 2],
  ['bom-valid.yaml', `\ufeff${base.join('\n')}\n`, 0],
  ['crlf-valid.yaml', `${base.join('\r\n')}\r\n`, 0],
  ['empty.yaml', '', 2],
  ['only-bom.yaml', '\ufeff', 2],
  ['only-spaces.yaml', ' \n\n   \n', 2],
  ['top-level-string.yaml', '"just a string"\n', 2],
  ['json-array.yaml', '[1, 2, 3]\n', 2],
  ['truncated.yaml', base.join('\n').slice(0, 300), 2],
  ['tabs-indent.yaml', base.join('\n').replace(/^ {2}- /gm, '\t- ') + '\n', 2],
  ['weird-name-\u001b[31m.yaml', base.join('\n') + '\n', 0],
];

/** Files refused from what they are; created here because a repository cannot hold them. */
interface Special {
  readonly name: string;
  readonly make: (path: string, dir: string) => void;
}

const specials: readonly Special[] = [
  { name: 'fifo.yaml', make: (p) => mkfifoSync(p) },
  { name: 'dev-zero.yaml', make: (p) => symlinkSync('/dev/zero', p) },
  { name: 'dev-null.yaml', make: (p) => symlinkSync('/dev/null', p) },
  { name: 'dev-urandom.yaml', make: (p) => symlinkSync('/dev/urandom', p) },
  { name: 'dev-tty.yaml', make: (p) => symlinkSync('/dev/tty', p) },
  { name: 'dev-stdin.yaml', make: (p) => symlinkSync('/dev/stdin', p) },
  { name: 'folder.yaml', make: (p) => mkdirSync(p) },
  { name: 'loop.yaml', make: (p, dir) => (symlinkSync(join(dir, 'loop-b.yaml'), p), symlinkSync(p, join(dir, 'loop-b.yaml'))) },
  { name: 'dangling-link.yaml', make: (p, dir) => symlinkSync(join(dir, 'nothing-here.yaml'), p) },
  { name: 'missing.yaml', make: () => undefined },
  { name: 'not-a-folder.yaml/x.yaml', make: (_, dir) => writeFileSync(join(dir, 'not-a-folder.yaml'), 'x') },
  { name: `${'n'.repeat(300)}.yaml`, make: () => undefined },
];

/** Makes a named pipe (Node has no call for it). */
function mkfifoSync(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** A Unix socket file, listening while the corpus is in use: `close` removes it. */
export function listenOnSocket(path: string): Promise<Server> {
  const server = createServer();
  return new Promise((resolve) => server.listen(path, () => resolve(server)));
}

/** Writes the corpus into `dir` and lists it; the socket (`socket.yaml`) is the caller's to start. */
export function writeCorpus(dir: string): readonly HostileFile[] {
  for (const [name, content] of texts) writeFileSync(join(dir, name), content);
  for (const s of specials) s.make(join(dir, s.name), dir);
  return [
    ...texts.map(([name, , exit]) => ({ name, exit })),
    ...specials.map((s) => ({ name: s.name, exit: 2 as const, special: true })),
    { name: 'socket.yaml', exit: 2, special: true },
  ];
}
