import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../source/model/load-builtins.js';
import { createSim } from '../../../source/sim/engine.js';
import { parseRequest } from '../../../source/grammar/request.js';
import { wire } from '../../../source/sim/traffic/wire.js';

const signup = parseRequest('POST /signup');

describe('on the wire', () => {
  it('design 1 is plaintext from the browser on: the password is readable', () => {
    const view = wire(createSim(loadBuiltin('1')), 'browser', 'haproxy-1', signup);
    expect(view.hop?.encrypted).toBe(false);
    expect(view.lines[0]).toBe('POST /signup HTTP/1.1');
    expect(view.lines).toContain('Host: www.foobar.com');
    expect(view.lines.join('\n')).toContain('password=');
    expect(view.note).toMatch(/password/);
  });

  it('design 2 encrypts browser to HAProxy: only TLS records and the SNI', () => {
    const sim = createSim(loadBuiltin('2'));
    const view = wire(sim, 'browser', 'haproxy-1', signup);
    expect(view.hop?.encrypted).toBe(true);
    expect(view.lines.join('\n')).toMatch(/TLS 1\.3 Application Data, \d+ bytes/);
    expect(view.lines.join('\n')).toContain('SNI: www.foobar.com');
    expect(view.lines.join('\n')).not.toContain('password');
    // Behind the terminating load balancer the same request is plaintext again.
    const inside = wire(sim, 'haproxy-1', 'nginx-1', signup);
    expect(inside.hop?.encrypted).toBe(false);
    expect(inside.lines).toContain('X-Forwarded-Proto: https');
    expect(inside.lines.join('\n')).toContain('password=');
  });

  it('a MySQL hop shows the query; Nginx proxies with HTTP/1.0', () => {
    const sim = createSim(loadBuiltin('1'));
    expect(wire(sim, 'app-1', 'mysql-1', signup).lines.join('\n')).toContain('INSERT INTO users');
    expect(wire(sim, 'nginx-1', 'app-1', parseRequest('GET /')).lines[0]).toBe('GET / HTTP/1.0');
  });

  it('says so when the request never crosses the link', () => {
    const view = wire(createSim(loadBuiltin('1')), 'app-1', 'mysql-1', parseRequest('GET /static/logo.png'));
    expect(view.hop).toBeNull();
    expect(view.note).toMatch(/never crosses/);
  });
});
