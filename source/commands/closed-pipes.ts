/** The parts of `process` this needs, so a test can hand in a fake. */
export interface PipeHost {
  readonly stdout: NodeJS.EventEmitter;
  readonly stderr: NodeJS.EventEmitter;
  exit(code: number): void;
}

/**
 * A reader that stops reading is not a failure of this program: `infra-tui list | head -1` or
 * `| true` closes the pipe early and the next write fails with EPIPE (Node ignores SIGPIPE, so the
 * error arrives as an event that would otherwise end the process with a stack trace). Exit 0 at
 * once, silently, as `cat` and `ls` do when killed by SIGPIPE under a shell that ignores it,
 * and stop computing output nobody will read. Any other error writing stdout (EIO: the
 * terminal is gone) ends the run with exit 1, also silently: there is nowhere left to say it.
 * A closed stderr is ignored, so that losing it never ends a run that still has work to do.
 */
export function exitOnClosedPipes(host: PipeHost): void {
  host.stdout.on('error', (error: NodeJS.ErrnoException) => host.exit(error.code === 'EPIPE' ? 0 : 1));
  host.stderr.on('error', () => undefined);
}
