import type { PseudoTtyInfo, ServerChannel, Session } from 'ssh2';
import { acceptsEnv } from './session-env.js';

/** What a client asked for before its shell: its terminal (if any) and the accepted variables. */
export interface ShellRequest {
  readonly channel: ServerChannel;
  readonly pty: PseudoTtyInfo | undefined;
  /** TERM from the pty request, and the `env` requests that were accepted. */
  readonly env: Readonly<Record<string, string>>;
}

export interface SessionHandlers {
  readonly onShell: (request: ShellRequest) => void;
  /** A window-change after the shell started. */
  readonly onResize: (columns: number, rows: number) => void;
  /** A request that was refused, for the log. */
  readonly onRefused: (what: string) => void;
}

/**
 * Listens to one SSH session channel for exactly what a terminal app needs: `pty`,
 * `window-change`, allow-listed `env` and `shell`. ssh2 refuses any request nobody listens to, so
 * `exec`, `subsystem` (sftp), `x11`, `auth-agent` and `signal` are refused without a word of ours.
 */
export function listenToSession(session: Session, handlers: SessionHandlers): void {
  let pty: PseudoTtyInfo | undefined;
  let started = false;
  const env: Record<string, string> = {};
  session.on('pty', (accept, _reject, info) => {
    pty = info;
    env['TERM'] = info.term;
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    accept?.();
    if (started) handlers.onResize(info.cols, info.rows);
    else if (pty) pty = { ...pty, cols: info.cols, rows: info.rows };
  });
  session.on('env', (accept, reject, info) => {
    if (!acceptsEnv(info.key)) {
      handlers.onRefused(`env ${info.key}`);
      return reject?.();
    }
    env[info.key] = info.val;
    accept?.();
  });
  session.on('shell', (accept) => {
    started = true;
    handlers.onShell({ channel: accept(), pty, env: { ...env } });
  });
}
