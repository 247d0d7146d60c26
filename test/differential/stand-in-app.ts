/**
 * A stand-in for an app server (Gunicorn): a small Node HTTP server in a child process of its
 * own, so the test can stop it, freeze it with SIGSTOP (it still accepts connections, as the
 * kernel completes handshakes, but never answers) or make it slow or failing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** How the stand-in answers: as the simulation's app does, with a 500, or too late. */
export type AppMode = { readonly kind: 'ok' } | { readonly kind: 'error'; readonly body: string } | { readonly kind: 'slow'; readonly ms: number };

// The page template is the simulation's contract for a served page (sim/app-server.ts).
const script = `
const http = require('node:http');
const { id, port, domain, mode } = JSON.parse(process.env.STAND_IN);
http.createServer((req, res) => {
  const answer = () => {
    if (mode.kind === 'error') { res.writeHead(500, { 'content-type': 'text/html' }); res.end(mode.body); return; }
    const read = ['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    const what = read ? 'the page for ' + req.url : 'the result of ' + req.method + ' ' + req.url;
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html>\\n<title>' + domain + '</title>\\n<p>' + what + ', built by ' + id + '.</p>\\n');
  };
  if (mode.kind === 'slow') setTimeout(answer, mode.ms); else answer();
}).listen(port, '127.0.0.1', () => process.stdout.write('ready\\n'));
`;

export interface StandIn {
  readonly child: ChildProcess;
  stop(): void;
}

/** Starts the stand-in on 127.0.0.1:`port`; resolves once it listens. */
export async function startApp(id: string, port: number, domain: string, mode: AppMode): Promise<StandIn> {
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, STAND_IN: JSON.stringify({ id, port, domain, mode }) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  return {
    child,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGKILL');
      }
    },
  };
}
