import type { Component, ComponentKind } from './types.js';

/**
 * What can go wrong with a component itself. Every component on a host also goes down with its
 * host; these are the ways one component fails on its own:
 * - `stopped`: its process is gone, so the host answers connections to its port with a refusal;
 * - `hung`: it still accepts connections (the kernel completes the handshake) but never answers.
 */
export type FailureMode = 'stopped' | 'hung';

/** The generators of export/ that write a kind's real configuration (see `configGenerators` there). */
type ConfigGenerator = 'haproxy' | 'nginx' | 'gunicorn' | 'mysql' | 'iptables' | 'zone' | 'collector';

/** How a kind is drawn: in the terminal diagram and in the Mermaid and DOT exports. */
interface KindLook {
  /**
   * `box`: on the request's way; `gate`: at the door of the host it guards (on a dense frame, a
   * small box on its top border); `tag`: a small box on a dense frame's bottom border, out of the
   * way; `apart`: out of the flow, drawn beside it.
   */
  readonly placement: 'box' | 'gate' | 'tag' | 'apart';
  /** The least column of the request flow it may take; null when it has no column of its own. */
  readonly column: number | null;
  /** Mermaid's node brackets. */
  readonly mermaid: readonly [string, string];
  /** Graphviz's node shape. */
  readonly dot: string;
}

/** The kinds whose components listen on a port (their type has a `port` field). */
type Listening = Extract<Component, { port: number }>['kind'];

/** The fields of a kind's components that list ids. */
type IdList<K extends ComponentKind> = { [F in keyof Extract<Component, { kind: K }>]: Extract<Component, { kind: K }>[F] extends readonly string[] ? F : never }[keyof Extract<Component, { kind: K }>];

/** A field through which requests pass on (HAProxy's `backends`, Nginx's `upstream`). */
interface Forward<K extends ComponentKind> {
  /** The field, the same in the file and in the topology. */
  readonly field: IdList<K> & string;
  /** The kinds it may name. */
  readonly to: readonly ComponentKind[];
  /** How a sentence calls one of them: "a backend". */
  readonly role: string;
}

/** Everything the program knows about one kind of component, apart from its fields in the file. */
export interface KindSpec<K extends ComponentKind = ComponentKind> {
  /** What it is called in a sentence, with its article: "an app server". */
  readonly called: string;
  /** A process or files on a machine, so the file must give its `host` (the client, DNS, firewalls and external services have none). */
  readonly onHost: boolean;
  /** The port it listens on when the file gives none (behind TLS a load balancer takes 443), or null when it listens on none. */
  readonly port: K extends Listening ? number : null;
  /** How it can fail on its own (the client cannot fail: it is the one asking). */
  readonly fails: readonly FailureMode[];
  /**
   * Requests per second it serves before latency grows, when the file gives no `capacity`.
   * Orders of magnitude, not benchmarks: an event-driven proxy handles far more than the
   * application, and the client, the files of the code and external services are never meant to
   * be the limit. The app server has none: a sync worker serves one request at a time, so its
   * capacity is workers ÷ the time a request holds one, measured by the engine.
   */
  readonly capacity: number | undefined;
  /**
   * Its listen queue: how many connections wait for it once it is saturated. Gunicorn's `backlog`
   * defaults to 2048; Nginx's `listen ... backlog` to 511 on Linux (HAProxy's follows it); MySQL's
   * `back_log` is 151 in MySQL 8. 511 (the Linux default) for the rest.
   */
  readonly backlog: number;
  readonly look: KindLook;
  /** The generator of its configuration file, or null when it has none of its own. */
  readonly config: ConfigGenerator | null;
  /** The panels that show it beyond the inspector: `checks` (its health checks of its servers), `traffic` (its access log counts in the monitoring view). */
  readonly panels: readonly ('checks' | 'traffic')[];
  /** Where requests go on from it: the file's references to check and the diagram's request edges come from these. */
  readonly forwards: readonly Forward<K>[];
  /**
   * Whether it takes the site's traffic on the host `www` resolves to, and before which others
   * (lowest first: a load balancer there is the entry, else the web server); null when never.
   */
  readonly front: number | null;
}

const look = (placement: KindLook['placement'], column: number | null, mermaid: readonly [string, string], dot: string): KindLook => ({ placement, column, mermaid, dot });
const box = ['[', ']'] as const;
const none = { forwards: [], front: null } as const;

/** One spec per kind; the compiler checks there is one for every kind, and a port exactly for those that listen. */
export const kindSpecs: { readonly [K in ComponentKind]: KindSpec<K> } = {
  client: {
    called: 'the client', onHost: false, port: null, fails: [], capacity: 1_000_000, backlog: 511,
    look: look('box', 0, ['([', '])'], 'oval'), config: null, panels: [], ...none,
  },
  dns: {
    called: 'a DNS server', onHost: false, port: 53, fails: ['stopped'], capacity: 50_000, backlog: 511,
    look: look('box', 0, ['[/', '/]'], 'parallelogram'), config: 'zone', panels: [], ...none,
  },
  firewall: {
    called: 'a firewall', onHost: false, port: null, fails: ['stopped'], capacity: 50_000, backlog: 511,
    look: look('gate', null, ['{{', '}}'], 'hexagon'), config: 'iptables', panels: [], ...none,
  },
  'load-balancer': {
    called: 'a load balancer', onHost: true, port: 80, fails: ['stopped'], capacity: 20_000, backlog: 511,
    look: look('box', 1, box, 'box'), config: 'haproxy', panels: ['checks', 'traffic'],
    forwards: [{ field: 'backends', to: ['web-server', 'app-server'], role: 'a backend' }], front: 1,
  },
  'web-server': {
    called: 'a web server', onHost: true, port: 80, fails: ['stopped'], capacity: 10_000, backlog: 511,
    look: look('box', 2, box, 'box'), config: 'nginx', panels: ['traffic'],
    forwards: [{ field: 'upstream', to: ['app-server'], role: 'an upstream' }], front: 2,
  },
  'app-server': {
    called: 'an app server', onHost: true, port: 8000, fails: ['stopped', 'hung'], capacity: undefined, backlog: 2_048,
    look: look('box', 3, box, 'box'), config: 'gunicorn', panels: [], ...none,
  },
  code: {
    called: 'a code component', onHost: true, port: null, fails: ['stopped'], capacity: 1_000_000, backlog: 511,
    look: look('tag', 4, ['[[', ']]'], 'note'), config: null, panels: [], ...none,
  },
  database: {
    called: 'a database', onHost: true, port: 3306, fails: ['stopped', 'hung'], capacity: 2_000, backlog: 151,
    look: look('box', 4, ['[(', ')]'], 'cylinder'), config: 'mysql', panels: [], ...none,
  },
  'monitoring-agent': {
    called: 'a monitoring agent', onHost: true, port: null, fails: ['stopped'], capacity: 1_000_000, backlog: 511,
    look: look('tag', null, box, 'box'), config: 'collector', panels: [], ...none,
  },
  'monitoring-service': {
    called: 'a monitoring service', onHost: false, port: null, fails: ['stopped'], capacity: 1_000_000, backlog: 511,
    look: look('apart', null, ['>', ']'], 'cds'), config: null, panels: [], ...none,
  },
};

/** The ids `c` sends requests on to, field by field of its kind's `forwards`, in order. */
export function forwardsOf(c: Component): readonly string[] {
  const spec = kindSpecs[c.kind] as KindSpec;
  return spec.forwards.flatMap((f) => (c as unknown as Record<string, readonly string[]>)[f.field] ?? []);
}

/** Whether a component of `kind` can fail as `mode`. */
export const canFail = (kind: ComponentKind | undefined, mode: FailureMode): boolean => kind !== undefined && kindSpecs[kind].fails.includes(mode);

/** The kinds that can fail as `mode`, as a sentence names them: "an app server or a database". */
export function kindsThatCan(mode: FailureMode): string {
  const names = Object.values(kindSpecs).filter((s) => s.fails.includes(mode)).map((s) => s.called);
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
