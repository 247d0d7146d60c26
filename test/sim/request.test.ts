import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../source/grammar/request.js';
import { formatRequest, presets } from '../../source/sim/request.js';

describe('parseRequest', () => {
  it('reads METHOD PATH (case-insensitive method) and TCP probes', () => {
    expect(parseRequest('post /signup')).toEqual({ kind: 'http', method: 'POST', path: '/signup' });
    expect(parseRequest('TCP 8.8.8.11:3306')).toEqual({ kind: 'tcp', ip: '8.8.8.11', port: 3306 });
  });

  it.each(['', 'GET', 'FETCH /', 'GET index', 'TCP 8.8.8.8', 'TCP 300.1.1.1:80', 'TCP 8.8.8.8:70000', 'GET / extra'])(
    'rejects %j with one line and an example',
    (text) => {
      expect(() => parseRequest(text)).toThrow(/e\.g\./);
    },
  );

  it('round-trips the presets', () => {
    for (const p of presets) expect(parseRequest(formatRequest(p))).toEqual(p);
  });
});
