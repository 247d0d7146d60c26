import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../source/grammar/duration.js';
import { parseFailure, parseFailureList } from '../../source/grammar/failure.js';
import { attempt } from '../../source/grammar/input-error.js';
import { limits } from '../../source/grammar/limits.js';
import { parseMix } from '../../source/grammar/mix.js';
import { namesOf } from '../../source/grammar/names.js';
import { parseRate } from '../../source/grammar/rate.js';
import { parseScheduledAction } from '../../source/grammar/scheduled-action.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';

const names = namesOf(loadBuiltin('1'));
const units = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const anyDuration = { min: 0, max: Number.MAX_SAFE_INTEGER } as const;

describe('durations', () => {
  it('read every unit the same way: a whole number and a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...(Object.keys(units) as (keyof typeof units)[])), (n, unit) => {
        expect(parseDuration(`${n}${unit}`, anyDuration)).toBe(n * units[unit]);
      }),
    );
    expect(parseDuration('1.5s', anyDuration)).toBe(1500);
  });

  it('refuse anything else with one line naming the forms, and say when a bare number lacks its unit', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = attempt(() => parseDuration(text, anyDuration));
        if (!r.ok) {
          expect(r.message).not.toContain('\n');
          expect(r.message).toMatch(/500ms, 3s, 2m or 1h|no time at all|too long/);
        }
      }),
    );
    for (const bad of ['-1s', '1 h', '5', '1d', '', 's']) expect(attempt(() => parseDuration(bad, anyDuration)).ok, bad).toBe(false);
    expect(attempt(() => parseDuration('5', anyDuration))).toEqual({ ok: false, message: '"5" is not a duration: a bare number needs a unit (5s?); write a number and a unit, e.g. 500ms, 3s, 2m or 1h' });
  });

  it('hold the bounds of their use, saying the bound', () => {
    expect(parseDuration('1h', { min: 1, max: limits.advanceMs })).toBe(3_600_000);
    expect(attempt(() => parseDuration('61m', { min: 1, max: limits.advanceMs }))).toEqual({ ok: false, message: '61m is too long: at most 1h' });
    expect(attempt(() => parseDuration('0s', { min: 1, max: limits.advanceMs })).ok).toBe(false);
    expect(parseDuration('0s', { min: 0, max: limits.runMs })).toBe(0);
  });

  it('are written back the way they are read, for whole seconds, minutes and hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 59 }), fc.constantFrom(1000, 60_000, 3_600_000), (n, unit) => {
        expect(parseDuration(formatDuration(n * unit), anyDuration)).toBe(n * unit);
      }),
    );
  });
});

describe('rates and mixes', () => {
  it('accept 0 to the limit and nothing above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: limits.qps }), (n) => {
        expect(parseRate(String(n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: limits.qps + 1 }), (n) => {
        expect(attempt(() => parseRate(String(n))).ok).toBe(false);
      }),
    );
    expect(parseRate('0.5')).toBe(0.5);
    expect(attempt(() => parseRate('-5'))).toEqual({ ok: false, message: '"-5" is not a rate: write requests per second from 0 to 100000, e.g. 500' });
  });

  it('read static:read:write shares', () => {
    expect(parseMix('30:50:20')).toEqual({ static: 30, read: 50, write: 20 });
    for (const bad of ['1:2', '0:0:0', 'a:b:c', '1:2:3:4']) expect(attempt(() => parseMix(bad)).ok, bad).toBe(false);
  });
});

describe('failure specs', () => {
  it('take every id down, and hang exactly the app servers and databases', () => {
    for (const id of names.ids) {
      expect(parseFailure(id, names)).toEqual({ id, mode: 'down' });
      expect(attempt(() => parseFailure(`${id}:hang`, names)).ok, id).toBe(names.hangable.includes(id));
    }
  });

  it('refuse unknown ids and modes, with the nearest id', () => {
    expect(attempt(() => parseFailure('nginx-3', names))).toEqual({ ok: false, message: 'no component or host "nginx-3" in distributed (did you mean "nginx-1"?)' });
    expect(attempt(() => parseFailure('app-1:slow', names))).toMatchObject({ ok: false, message: expect.stringContaining('"app-1:slow" is not a failure') });
    expect(parseFailureList('app-1:hang, server-1,server-1', names)).toEqual([{ id: 'app-1', mode: 'hang' }, { id: 'server-1', mode: 'down' }]);
  });
});

describe('scheduled actions', () => {
  it('read a time and a verb the : line takes too', () => {
    expect(parseScheduledAction('5s fail app-1:hang', names)).toEqual({ at: 5000, input: { type: 'hang', id: 'app-1' }, text: 'fail app-1:hang' });
    expect(parseScheduledAction('1h heal all', names)).toMatchObject({ at: 3_600_000, input: { type: 'heal-all' } });
    expect(parseScheduledAction('2s maint haproxy-1 nginx-1 on', names).input).toEqual({ type: 'maintenance', lb: 'haproxy-1', server: 'nginx-1', on: true });
    expect(attempt(() => parseScheduledAction('5s qps 200000', names))).toMatchObject({ ok: false, message: expect.stringContaining('not a rate') });
  });
});
