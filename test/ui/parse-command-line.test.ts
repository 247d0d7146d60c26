import { describe, expect, it } from 'vitest';
import { completeCommandLine } from '../../source/ui/commands/complete-command-line.js';
import { commandWords, parseCommandLine } from '../../source/ui/commands/parse-command-line.js';
import { contextOf } from './command-context.js';

const context = contextOf('1');
const home = contextOf(null);
const traffic = contextOf('1', { type: 'traffic', to: 'on' });

function parsed(text: string, ctx = context) {
  const result = parseCommandLine(text, ctx);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.intent;
}
function refused(text: string, ctx = context): string {
  const result = parseCommandLine(text, ctx);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.message;
}
const engine = (input: object) => ({ type: 'engine', input });

describe('parseCommandLine', () => {
  it('parses every command of the contract into its action', () => {
    expect(parsed('send GET /')).toEqual(engine({ type: 'send', request: { kind: 'http', method: 'GET', path: '/' } }));
    expect(parsed('send TCP 8.8.8.11:3306')).toMatchObject({ input: { request: { kind: 'tcp', ip: '8.8.8.11', port: 3306 } } });
    expect(parsed('send')).toEqual({ type: 'overlay', overlay: 'composer' });
    expect(parsed('step')).toEqual({ type: 'step' });
    expect(parsed('back')).toEqual({ type: 'back' });
    expect(parsed('play')).toEqual({ type: 'play', to: 'toggle' });
    expect(parsed('fail server-1')).toEqual(engine({ type: 'fail', id: 'server-1' }));
    expect(parsed('fail app-1:hang')).toEqual(engine({ type: 'hang', id: 'app-1' }));
    expect(parsed('heal nginx-1')).toEqual(engine({ type: 'heal', id: 'nginx-1' }));
    expect(parsed('heal all')).toEqual(engine({ type: 'heal-all' }));
    expect(parsed('advance 10s')).toEqual(engine({ type: 'advance', ms: 10_000 }));
    expect(parsed('advance 1h')).toEqual(engine({ type: 'advance', ms: 3_600_000 }));
    expect(parsed('promote mysql-2')).toEqual(engine({ type: 'promote', id: 'mysql-2' }));
    expect(parsed('hang app-1')).toEqual(engine({ type: 'hang', id: 'app-1' }));
    expect(parsed('maint haproxy-1 nginx-2 on')).toEqual(engine({ type: 'maintenance', lb: 'haproxy-1', server: 'nginx-2', on: true }));
    expect(parsed('maint haproxy-1 nginx-2 off')).toEqual(engine({ type: 'maintenance', lb: 'haproxy-1', server: 'nginx-2', on: false }));
    expect(parsed('goto 2')).toEqual({ type: 'load', topology: '2' });
    expect(parsed('goto ./mine.yaml')).toEqual({ type: 'load', topology: './mine.yaml' });
    expect(parsed('speed 4x')).toEqual({ type: 'play-speed', to: 4 });
    expect(parsed('tour')).toEqual({ type: 'tour', to: 'toggle' });
    expect(parsed('spof')).toEqual({ type: 'toggle-spof' });
    expect(parsed('help')).toEqual({ type: 'overlay', overlay: 'help' });
    expect(parsed('quit')).toEqual({ type: 'quit' });
  });

  it('ignores surrounding space and the case of the command word', () => {
    expect(parsed('  FAIL   server-1 ')).toEqual(engine({ type: 'fail', id: 'server-1' }));
  });

  it('answers every mistake with one line, "<word>: <what is wrong>", instead of throwing', () => {
    const mistakes = ['', 'bogus', 'fail', 'fail nope', 'fail a b', 'heal', 'advance', 'advance soon', 'advance 0s', 'advance 2h', 'advance -1s', 'promote nginx-1', 'hang nginx-1', 'maint', 'maint haproxy-1 nginx-1', 'maint nginx-1 app-1 on', 'maint haproxy-1 app-1 on', 'goto', 'step 2', 'send FETCH /', 'send TCP 1.2.3.4:99999', 'speed 3x'];
    for (const text of mistakes) {
      const message = refused(text);
      expect(message.length).toBeGreaterThan(0);
      expect(message).not.toContain('\n');
    }
    expect(refused('bogus')).toContain('unknown command "bogus": try help, ');
    expect(refused('sned GET /')).toBe('unknown command "sned" (did you mean "send"?)');
    expect(refused('Faill server-1')).toBe('unknown command "Faill" (did you mean "fail"?)');
    expect(refused('fail nope')).toBe('fail: no component or host "nope" in distributed');
    expect(refused('fail nginx-3')).toBe('fail: no component or host "nginx-3" in distributed (did you mean "nginx-1"?)');
    expect(refused('promote nginx-1')).toContain('no database "nginx-1"');
    expect(refused('hang nginx-1')).toBe('hang: nginx-1 cannot hang: only an app server or a database can');
    expect(refused('maint nginx-1 app-1 on')).toContain('no load balancer "nginx-1"');
    expect(refused('maint haproxy-1 app-1 on')).toContain('its servers: nginx-1, nginx-2');
    expect(refused('advance 2h')).toBe('advance: 2h is too long: at most 1h');
    expect(refused('advance -1s')).toBe('advance: "-1s" is not a duration: write a number and a unit, e.g. 500ms, 3s, 2m or 1h');
    expect(refused('advance 3')).toContain('a bare number needs a unit (3s?)');
  });

  it('asks for a design before ids are used on the home screen', () => {
    expect(refused('fail server-1', home)).toContain('open a design first');
    expect(parsed('goto 1', home)).toEqual({ type: 'load', topology: '1' });
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
    expect(completeCommandLine('hang ', context).candidates).toEqual(['app-1', 'mysql-1', 'app-2', 'mysql-2']);
  });

  it('completes each word of maint from the ones before it: balancer, its servers, on|off', () => {
    expect(completeCommandLine('maint h', context).text).toBe('maint haproxy-1 ');
    expect(completeCommandLine('maint haproxy-1 ', context)).toEqual({ text: 'maint haproxy-1 nginx-', candidates: ['nginx-1', 'nginx-2'] });
    expect(completeCommandLine('maint haproxy-1 nginx-2 o', context).candidates).toEqual(['on', 'off']);
    expect(completeCommandLine('maint haproxy-1 nginx-2 on ', context).candidates).toEqual([]);
  });

  it('completes speeds, on/off, and each id of wire', () => {
    expect(completeCommandLine('speed 1', traffic).candidates).toEqual(['1x', '10x', '100x']);
    expect(completeCommandLine('speed 0', context).candidates).toEqual(['0.25x', '0.5x']);
    expect(completeCommandLine('traffic o', context).candidates).toEqual(['on', 'off']);
    expect(completeCommandLine('wire ngi', context).text).toBe('wire nginx-');
    expect(completeCommandLine('wire nginx-1 ap', context).text).toBe('wire nginx-1 app-');
    expect(completeCommandLine('wire a b c', context).candidates).toEqual([]);
  });

  it('leaves the line alone when nothing matches', () => {
    expect(completeCommandLine('fail zzz', context)).toEqual({ text: 'fail zzz', candidates: [] });
    expect(completeCommandLine('step ', context)).toEqual({ text: 'step ', candidates: [] });
  });

  it('completes every command word from its first letters', () => {
    for (const word of commandWords) expect(completeCommandLine(word.slice(0, 4), context).candidates).toContain(word);
  });
});
