import { describe, expect, it } from 'vitest';
import { completeCommandLine } from '../../source/ui/commands/complete-command-line.js';
import { commandWords, parseCommandLine, type CommandLineContext } from '../../source/ui/commands/parse-command-line.js';
import { formatDuration, parseDuration } from '../../source/ui/commands/parse-duration.js';

const context: CommandLineContext = {
  ids: ['browser', 'dns', 'lb-1', 'haproxy-1', 'server-1', 'nginx-1', 'app-1', 'server-2', 'nginx-2', 'app-2', 'mysql-1', 'mysql-2'],
  databases: ['mysql-1', 'mysql-2'],
  hangable: ['app-1', 'app-2', 'mysql-1', 'mysql-2'],
  backends: { 'haproxy-1': ['nginx-1', 'nginx-2'] },
  designs: ['0', '1', 'simple', 'distributed'],
  presets: ['GET /', 'GET /static/logo.png', 'POST /signup'],
};
const home: CommandLineContext = { ...context, ids: [], databases: [], hangable: [], backends: {} };

function parsed(text: string, ctx = context) {
  const result = parseCommandLine(text, ctx);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.invocation;
}
function refused(text: string, ctx = context): string {
  const result = parseCommandLine(text, ctx);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.message;
}

describe('parseCommandLine', () => {
  it('parses every command of the contract', () => {
    expect(parsed('send GET /')).toEqual({ command: 'send', request: { kind: 'http', method: 'GET', path: '/' }, text: 'GET /' });
    expect(parsed('send TCP 8.8.8.11:3306')).toMatchObject({ request: { kind: 'tcp', ip: '8.8.8.11', port: 3306 } });
    expect(parsed('send')).toEqual({ command: 'send' });
    expect(parsed('step')).toEqual({ command: 'step' });
    expect(parsed('back')).toEqual({ command: 'back' });
    expect(parsed('fail server-1')).toEqual({ command: 'fail', target: 'server-1' });
    expect(parsed('heal nginx-1')).toEqual({ command: 'heal', target: 'nginx-1' });
    expect(parsed('heal all')).toEqual({ command: 'heal-all' });
    expect(parsed('advance 10s')).toEqual({ command: 'advance', ms: 10_000 });
    expect(parsed('promote mysql-2')).toEqual({ command: 'promote', target: 'mysql-2' });
    expect(parsed('hang app-1')).toEqual({ command: 'hang', target: 'app-1' });
    expect(parsed('maint haproxy-1 nginx-2 on')).toEqual({ command: 'maint', lb: 'haproxy-1', server: 'nginx-2', on: true });
    expect(parsed('maint haproxy-1 nginx-2 off')).toEqual({ command: 'maint', lb: 'haproxy-1', server: 'nginx-2', on: false });
    expect(parsed('goto 2')).toEqual({ command: 'goto', topology: '2' });
    expect(parsed('goto ./mine.yaml')).toEqual({ command: 'goto', topology: './mine.yaml' });
    for (const word of ['tour', 'spof', 'help', 'quit'] as const) expect(parsed(word)).toEqual({ command: word });
  });

  it('ignores surrounding space and the case of the command word', () => {
    expect(parsed('  FAIL   server-1 ')).toEqual({ command: 'fail', target: 'server-1' });
  });

  it('answers every mistake with one line instead of throwing', () => {
    const mistakes = ['', 'bogus', 'fail', 'fail nope', 'fail a b', 'heal', 'advance', 'advance soon', 'advance 0s', 'promote nginx-1', 'hang nginx-1', 'maint', 'maint haproxy-1 nginx-1', 'maint nginx-1 app-1 on', 'maint haproxy-1 app-1 on', 'goto', 'step 2', 'send FETCH /', 'send TCP 1.2.3.4:99999'];
    for (const text of mistakes) {
      const message = refused(text);
      expect(message.length).toBeGreaterThan(0);
      expect(message).not.toContain('\n');
    }
    expect(refused('bogus')).toContain('unknown command "bogus"');
    expect(refused('fail nope')).toContain('no component or host "nope"');
    expect(refused('promote nginx-1')).toContain('no database "nginx-1"');
    expect(refused('hang nginx-1')).toContain('no app server or database "nginx-1"');
    expect(refused('maint nginx-1 app-1 on')).toContain('no load balancer "nginx-1"');
    expect(refused('maint haproxy-1 app-1 on')).toContain('its servers: nginx-1, nginx-2');
  });

  it('asks for a design before ids are used on the home screen', () => {
    expect(refused('fail server-1', home)).toContain('open a design first');
    expect(parsed('goto 1', home)).toEqual({ command: 'goto', topology: '1' });
  });
});

describe('completeCommandLine', () => {
  it('completes a unique command word and adds a space', () => {
    expect(completeCommandLine('adv', context)).toEqual({ text: 'advance ', candidates: ['advance'] });
  });

  it('extends ids to their common prefix and lists the candidates', () => {
    expect(completeCommandLine('fail ser', context)).toEqual({ text: 'fail server-', candidates: ['server-1', 'server-2'] });
    expect(completeCommandLine('fail server-2', context).text).toBe('fail server-2 ');
  });

  it('offers only what each command accepts', () => {
    expect(completeCommandLine('heal al', context).candidates).toEqual(['all']);
    expect(completeCommandLine('promote ', context).candidates).toEqual(['mysql-1', 'mysql-2']);
    expect(completeCommandLine('goto d', context).text).toBe('goto distributed ');
    expect(completeCommandLine('send GET /s', context).text).toBe('send GET /static/logo.png ');
    expect(completeCommandLine('hang ', context).candidates).toEqual(['app-1', 'app-2', 'mysql-1', 'mysql-2']);
  });

  it('completes each word of maint from the ones before it: balancer, its servers, on|off', () => {
    expect(completeCommandLine('maint h', context).text).toBe('maint haproxy-1 ');
    expect(completeCommandLine('maint haproxy-1 ', context)).toEqual({ text: 'maint haproxy-1 nginx-', candidates: ['nginx-1', 'nginx-2'] });
    expect(completeCommandLine('maint haproxy-1 nginx-2 o', context).candidates).toEqual(['on', 'off']);
    expect(completeCommandLine('maint haproxy-1 nginx-2 on ', context).candidates).toEqual([]);
  });

  it('leaves the line alone when nothing matches', () => {
    expect(completeCommandLine('fail zzz', context)).toEqual({ text: 'fail zzz', candidates: [] });
    expect(completeCommandLine('step ', context)).toEqual({ text: 'step ', candidates: [] });
  });

  it('completes every command word from its first letters', () => {
    for (const word of commandWords) {
      const result = completeCommandLine(word.slice(0, 4), context);
      expect(result.candidates).toContain(word);
    }
  });
});

describe('parseDuration', () => {
  it('reads the units people type, bare numbers as seconds', () => {
    expect([parseDuration('500ms'), parseDuration('10s'), parseDuration('1.5s'), parseDuration('2m'), parseDuration('3')]).toEqual([500, 10_000, 1500, 120_000, 3000]);
    expect([parseDuration(''), parseDuration('0'), parseDuration('-1s'), parseDuration('5h')]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('formats durations back for people', () => {
    expect([formatDuration(800), formatDuration(5000), formatDuration(12_500), formatDuration(125_000)]).toEqual(['800ms', '5s', '12.5s', '2m 5s']);
  });
});
