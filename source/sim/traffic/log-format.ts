/**
 * Log lines in the formats the real software writes (realism notes §2.1, §2.2, §2.7): HAProxy's
 * HTTP log with its timers and termination flags, Nginx's `combined` access log and error log,
 * keepalived's state changes and an iptables LOG line. The virtual clock is shown as a time of
 * day on a fixed first day, so a run always prints the same lines.
 */
import { HAPROXY_BACKEND } from '../messages.js';
import type { Ms } from '../types.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar parts of virtual time `ms`, the clock having started at 2026-01-01 00:00:00 UTC. */
function parts(ms: Ms): { day: number; month: number; year: number; h: number; m: number; s: number; ms: number } {
  let days = Math.floor(ms / 86_400_000);
  let month = 0;
  let year = 2026;
  while (days >= (monthDays[month] ?? 31)) {
    days -= monthDays[month] ?? 31;
    month = (month + 1) % 12;
    if (month === 0) year += 1;
  }
  const rest = ms % 86_400_000;
  return { day: days + 1, month, year, h: Math.floor(rest / 3_600_000), m: Math.floor(rest / 60_000) % 60, s: Math.floor(rest / 1000) % 60, ms: rest % 1000 };
}

/** `01/Jan/2026:00:00:05.100` (HAProxy's accept date). */
function haproxyDate(ms: Ms): string {
  const p = parts(ms);
  return `${pad(p.day)}/${months[p.month]}/${p.year}:${pad(p.h)}:${pad(p.m)}:${pad(p.s)}.${pad(p.ms, 3)}`;
}

/** `01/Jan/2026:00:00:05 +0000` (Nginx's `$time_local`). */
function nginxDate(ms: Ms): string {
  const p = parts(ms);
  return `${pad(p.day)}/${months[p.month]}/${p.year}:${pad(p.h)}:${pad(p.m)}:${pad(p.s)} +0000`;
}

/** `2026/01/01 00:00:05` (Nginx's error log). */
function errorLogDate(ms: Ms): string {
  const p = parts(ms);
  return `${p.year}/${pad(p.month + 1)}/${pad(p.day)} ${pad(p.h)}:${pad(p.m)}:${pad(p.s)}`;
}

/** `00:00:05.100`: the virtual clock as a time of day, for lines whose software prints a syslog prefix. */
function clockTime(ms: Ms): string {
  const p = parts(ms);
  return `${pad(p.h)}:${pad(p.m)}:${pad(p.s)}.${pad(p.ms, 3)}`;
}

export interface HaproxyLogFields {
  readonly client: string;
  readonly server: string;
  /** Total time (Ta) in ms; the connect and response times are derived from it. */
  readonly total: Ms;
  readonly status: number;
  readonly bytes: number;
  /** Four termination-state characters, `----` for a normal end. */
  readonly flags: string;
  readonly request: string;
}

/**
 * The body of one HAProxy HTTP log line (option httplog), without its `{date}`:
 * `203.0.113.7:40312 [{date}] www web/nginx-1 0/0/1/35/36 200 612 - - ---- "GET / HTTP/1.1"`.
 * No server selected: `web/<NOSRV>` and -1 for the timers that never started; expired in the
 * queue (sQ): the whole time in Tw, -1 for the connect and response.
 */
export function haproxyLine(f: HaproxyLogFields): string {
  const total = Math.round(f.total);
  // Expired in the queue (sQ): all the time is Tw, the connect and response never started.
  const timers = f.server === '<NOSRV>' ? `0/-1/-1/-1/${total}` : f.flags.startsWith('sQ') ? `0/${total}/-1/-1/${total}` : `0/0/1/${Math.max(0, total - 1)}/${total}`;
  return `${f.client} [{date}] www ${HAPROXY_BACKEND}/${f.server} ${timers} ${f.status} ${f.bytes} - - ${f.flags} "${f.request} HTTP/1.1"`;
}

/** A combined-format access line without its date: `8.8.8.8 - - [{date}] "GET / HTTP/1.1" 200 612 "-" "Mozilla/5.0 ..."`. */
export function nginxAccessLine(remote: string, request: string, status: number, bytes: number): string {
  return `${remote} - - [{date}] "${request} HTTP/1.1" ${status} ${bytes} "-" "${USER_AGENT}"`;
}

/** An Nginx error-log line without its date: `{date} [error] 1201#1201: *1 connect() failed ...`. */
export function nginxErrorLine(text: string, request: string): string {
  return `{date} [error] 1201#1201: ${text}, request: "${request} HTTP/1.1"`;
}

/** An iptables LOG line for a dropped packet (kernel log). */
export function iptablesLine(verdict: 'DROP' | 'REJECT', src: string, dst: string, dport: number): string {
  return `kernel: [{date}] ${verdict} IN=eth0 OUT= SRC=${src} DST=${dst} PROTO=TCP SPT=40312 DPT=${dport} SYN`;
}

/** The User-Agent of the simulated visitors. */
export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** Fills the `{date}` placeholder of a line template in the format its stream uses. */
export function stampLine(template: string, stream: string, at: Ms): string {
  if (!template.includes('{date}')) return template;
  const date = stream === 'haproxy' ? haproxyDate(at) : stream === 'nginx-access' ? nginxDate(at) : stream === 'nginx-error' ? errorLogDate(at) : clockTime(at);
  return template.replace('{date}', date);
}
