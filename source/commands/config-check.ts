/**
 * `config --check`: the real programs judge the generated files. Each host's files are copied
 * into a throwaway folder with their absolute paths moved under it (logs, pid files, temp
 * folders, includes, certificates), a self-signed certificate is made with openssl where TLS
 * needs one, and `haproxy -c`, `nginx -t`, `keepalived --config-test`, `iptables-restore --test`
 * and `named-checkzone` run on the copies. A warning counts as a failure, and so does a program
 * that is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { ConfigFile } from '../export/config-files.js';
import { pathsIn, rebasePaths } from '../export/config-paths.js';

export interface CheckResult {
  /** `<host>/<path>`, as under the output folder. */
  readonly file: string;
  /** The command that judged it. */
  readonly how: string;
  readonly ok: boolean;
  /** What the program said when it objected. */
  readonly output: readonly string[];
}

interface Checker {
  /** The files it judges, by their path on the host. */
  readonly path: RegExp;
  readonly how: string;
  readonly install: string;
  /** The program and its arguments for the rebased file at `path`, whose root is `root`. */
  readonly run: (path: string, root: string) => readonly string[];
  /** Whether a line of its output is a complaint (warnings included). */
  readonly complaint: (line: string) => boolean;
}

const checkers: readonly Checker[] = [
  {
    path: /^\/etc\/haproxy\/haproxy\.cfg$/,
    how: 'haproxy -c',
    install: 'apt-get install haproxy',
    run: (path) => ['haproxy', '-c', '-f', path],
    complaint: (line) => /\[(WARNING|ALERT|NOTICE)\]/.test(line),
  },
  {
    path: /^\/etc\/nginx\/nginx\.conf$/,
    how: 'nginx -t',
    install: 'apt-get install nginx',
    run: (path, root) => ['nginx', '-t', '-c', path, '-p', `${root}/`, '-e', `${root}/var/log/nginx/error.log`],
    complaint: (line) => /\[(warn|error|crit|alert|emerg)\]/.test(line),
  },
  {
    path: /^\/etc\/keepalived\/keepalived\.conf$/,
    how: 'keepalived --config-test',
    install: 'apt-get install keepalived',
    run: (path) => ['keepalived', '--config-test', '-f', path],
    complaint: (line) => line.trim() !== '',
  },
  {
    // Parses every rule and asks the kernel to accept the table, without installing it (needs root).
    path: /^\/etc\/iptables\/rules\.v4$/,
    how: 'iptables-restore --test',
    install: 'apt-get install iptables',
    run: (path) => ['iptables-restore', '--test', path],
    complaint: (line) => line.trim() !== '',
  },
  {
    // The zone's origin is the file's name; any check that only warns by default fails here.
    path: /^\/zones\/[^/]+\.zone$/,
    how: 'named-checkzone',
    install: 'apt-get install bind9-utils',
    run: (path) => ['named-checkzone', '-k', 'fail', '-n', 'fail', '-m', 'fail', '-M', 'fail', '-S', 'fail', basename(path, '.zone'), path],
    complaint: (line) => !/: loaded serial \d+$|^OK$/.test(line),
  },
];

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

function runChecker(checker: Checker, path: string, root: string): { ok: boolean; output: string[] } {
  const [command = '', ...args] = checker.run(path, root);
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return { ok: false, output: [`cannot run ${command}: ${r.error.message} (${checker.install})`] };
  const output = lines(`${r.stdout}\n${r.stderr}`);
  const complaints = output.filter(checker.complaint);
  return { ok: r.status === 0 && complaints.length === 0, output: r.status === 0 ? complaints : output };
}

/** A self-signed certificate and its key in one PEM at `pem`, as HAProxy's `crt` wants. */
function makeCertificate(pem: string): string | null {
  const name = pem.replace(/^.*\//, '').replace(/\.pem$/, '');
  mkdirSync(dirname(pem), { recursive: true });
  const key = `${pem}.key`;
  const crt = `${pem}.crt`;
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', crt, '-days', '2', '-subj', `/CN=${name}`], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return `openssl could not make a throwaway certificate: ${r.error?.message ?? r.stderr.trim()} (apt-get install openssl)`;
  spawnSync('sh', ['-c', 'cat "$1" "$2" > "$3"', 'sh', crt, key, pem]);
  return null;
}

/** Writes one host's files rebased under `root`, with the folders and certificates they name. */
function stage(files: readonly ConfigFile[], root: string): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const text = `${file.lines.join('\n')}\n`;
    const target = join(root, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, rebasePaths(text, root));
    for (const path of pathsIn(text)) mkdirSync(dirname(join(root, path)), { recursive: true });
    for (const m of text.matchAll(/\bcrt (\S+)/g)) {
      const problem = makeCertificate(join(root, m[1] as string));
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

function checkJson(file: ConfigFile): CheckResult {
  const where = `${file.host}${file.path}`;
  try {
    JSON.parse(file.lines.join('\n'));
    return { file: where, how: 'JSON.parse', ok: true, output: [] };
  } catch (error) {
    return { file: where, how: 'JSON.parse', ok: false, output: [String(error)] };
  }
}

/**
 * Checks every file that has a checker, host by host, in a throwaway folder that is removed
 * afterwards. Guaranteed: one result per checked file, in the order of `files`.
 */
export function checkConfigs(_dir: string, files: readonly ConfigFile[]): CheckResult[] {
  const scratch = mkdtempSync(join(tmpdir(), 'infra-tui-check-'));
  try {
    const results: CheckResult[] = [];
    const hosts = [...new Set(files.map((f) => f.host))];
    for (const host of hosts) {
      const own = files.filter((f) => f.host === host);
      const root = join(scratch, host);
      const problems = stage(own, root);
      for (const file of own) {
        if (file.path.endsWith('.json')) results.push(checkJson(file));
        const checker = checkers.find((c) => c.path.test(file.path));
        if (!checker) continue;
        const r = problems.length > 0 ? { ok: false, output: problems } : runChecker(checker, join(root, file.path), root);
        results.push({ file: `${host}${file.path}`, how: checker.how, ...r });
      }
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
