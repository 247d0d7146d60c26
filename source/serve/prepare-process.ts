/**
 * Prepares this process for Ink in a server; must run before Ink is first imported. Ink decides
 * at its import whether it runs under CI (and then writes nothing until exit), and its colours'
 * level from this process's own output, which is not the sessions' terminals. Each session's
 * theme decides whether it gets colour, so Ink must be able to write the 8 basic ones.
 */
export function prepareProcessForSessions(env: NodeJS.ProcessEnv = process.env): void {
  delete env['CI'];
  env['FORCE_COLOR'] = '1';
}
