import * as z from 'zod';
import { componentKinds } from './types.js';
import { describeValue, quote, safeLinePattern, safeTextPattern, unsafeTextReason } from './plain-text.js';
import { durationPattern, idPattern } from './limits.js';

/**
 * The topology FILE format (DESIGN §4), keys exactly as written in YAML. This one schema
 * validates files and generates `topologies/schema.json`, so the editor's help and the loader
 * can never disagree. Defaults are applied later by `normalize`, not here, so the schema
 * describes what a person may write rather than what the engine receives.
 */

const hostnamePattern = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** One line of plain text (no control or bidi characters), 1 to `max` characters. */
export const line = (max: number, description: string) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, { error: (iss) => `is ${String((iss.input as string).length)} characters long; at most ${max} are allowed here` })
    .regex(safeLinePattern, { error: (iss) => unsafeTextReason(iss.input as string, false) })
    .describe(description);

/** Plain text that may span lines, at most `max` characters. */
export const text = (max: number, description: string) =>
  z
    .string()
    .max(max, { error: (iss) => `is ${String((iss.input as string).length)} characters long; at most ${max} are allowed here` })
    .regex(safeTextPattern, { error: (iss) => unsafeTextReason(iss.input as string, true) })
    .describe(description);

const id = (description: string) =>
  z
    .string()
    .max(40, 'ids are at most 40 characters long')
    .regex(idPattern, 'ids use lowercase letters, digits and hyphens, and start with a letter')
    .describe(description);

const idList = (description: string) => z.array(id('An id.')).describe(description);

const port = (description = 'A TCP port (1-65535).') => z.int().min(1).max(65535).describe(description);
const durationHelp = 'expected a duration with a unit, like 500ms, 2s, 1m or 1h';
/** A duration as written in a file, with its unit (`500ms`, `2s`). */
export const duration = z
  // A missing duration is left to the common message, which names the key.
  .string({ error: (iss) => (iss.input === undefined ? undefined : `${durationHelp}, found ${typeof iss.input === 'number' ? `the bare number ${String(iss.input)}` : 'another value'}`) })
  .regex(durationPattern, { error: (iss) => `${durationHelp}, found ${quote(String(iss.input))}` })
  .describe('A duration with a unit: 500ms, 2s, 1m.');
const ipv4 = z.ipv4({ error: 'expected an IPv4 address like 8.8.8.8' }).describe('An IPv4 address.');

const componentId = id('Unique among components, hosts and clusters; what users type (`--fail nginx-1`).');
const common = {
  label: line(40, 'The name drawn in the diagram (defaults to the id).').optional(),
  host: id('The host it runs on; failing the host fails it too.').optional(),
  software: line(40, 'The product, e.g. HAProxy, Nginx, Gunicorn, MySQL.').optional(),
  capacity: z.int().min(1).max(10_000_000).describe('Requests per second it serves before latency grows (a default per kind when absent; an app server\'s follows from its workers and service time).').optional(),
  explain: text(4000, 'What this component is and why it is here, in plain words.').optional(),
};

const component = <K extends (typeof componentKinds)[number], S extends z.ZodRawShape>(kind: K, description: string, shape: S) =>
  // id and kind first: the order an unknown-key message lists the allowed keys in.
  z.strictObject({ id: componentId, kind: z.literal(kind), ...common, ...shape }).describe(description);

const firewallRule = z
  .strictObject({
    allow: z
      .union([port(), z.literal('vrrp')], { error: (iss) => `expected a port number (1-65535) or vrrp, found ${describeValue(iss.input)}` })
      .describe('The TCP port let through, or `vrrp` for keepalived adverts (IP protocol 112).'),
    from: z
      .union([z.literal('any'), id('A host.'), idList('Hosts.')], { error: (iss) => `expected any, a host id or a list of host ids, found ${describeValue(iss.input)}` })
      .describe('Who may send: `any` (default), a host id, or a list of host ids.')
      .optional(),
  })
  .describe('Lets traffic to one port through.');

const health = z
  .strictObject({
    check: z.enum(['tcp', 'http']).describe('`tcp`: a connect succeeds (HAProxy default); `http`: `option httpchk`, a 2xx/3xx answer.').optional(),
    inter: duration.describe('Time between checks (HAProxy default 2s).').optional(),
    fall: z.int().min(1).max(100).describe('Failed checks in a row before a server is marked down (default 3).').optional(),
    rise: z.int().min(1).max(100).describe('Good checks in a row before a server is marked up again (default 2).').optional(),
  })
  .describe('Health checks of the backends.');

const timeouts = z
  .strictObject({
    connect: duration.describe('`timeout connect`: how long a connection to a server may take (default 5s).').optional(),
    client: duration.describe('`timeout client`: how long the client may stay silent (default 50s).').optional(),
    server: duration.describe('`timeout server`: how long a server may stay silent once it has the request (default 50s).').optional(),
  })
  .describe("HAProxy's time-outs (unset in haproxy.cfg they are infinite; defaults: Debian's haproxy.cfg).");

const componentSchema = z.discriminatedUnion('kind', [
  component('client', 'The browser, on the internet.', {}),
  component('dns', 'The authoritative DNS server; it serves the top-level `dns` records.', {
    port: port('The TCP and UDP port it answers on (default 53).').optional(),
  }),
  component('firewall', 'A packet filter in front of one host.', {
    protects: id('The host whose inbound traffic it filters.'),
    rules: z.array(firewallRule).describe('What is let through; everything else meets the default.').optional(),
    default: z.enum(['drop', 'reject']).describe('What happens to other packets: `drop` (silence, the client times out; default) or `reject` (refused at once).').optional(),
    type: z
      .enum(['host', 'network'])
      .describe('`host` (default): rules on the protected machine itself (iptables/nftables); stopping it or flushing its rules lets everything in, an exposure rather than an outage. `network`: an appliance in front of it; when it dies nothing passes either way.')
      .optional(),
  }),
  component('load-balancer', 'A load balancer such as HAProxy.', {
    backends: idList('The web or app servers it spreads requests over.').min(1, 'a load balancer needs at least one backend'),
    balance: z.enum(['roundrobin', 'leastconn', 'source']).describe('How a backend is picked (default roundrobin).').optional(),
    health: health.optional(),
    retries: z.int().min(0).max(10).describe('New connection attempts after a failed one (HAProxy default 3).').optional(),
    redispatch: z.boolean().describe('`option redispatch`: a retry may go to another server (default false).').optional(),
    timeouts: timeouts.optional(),
    maxconn: z
      .int()
      .min(1)
      .max(100_000)
      .describe('`maxconn` on each server line: requests sent to a server at once; the rest wait in HAProxy\'s queue for `timeout queue` (default: no limit, no queue).')
      .optional(),
    tls: z.strictObject({ certificate: line(100, 'The certificate name, e.g. www.foobar.com.') }).describe('Terminates HTTPS here.').optional(),
    port: port('The frontend port (default 443 with tls, else 80).').optional(),
  }),
  component('web-server', 'A web server such as Nginx: serves static files, proxies the rest.', {
    upstream: idList('The app servers it proxies dynamic requests to.').optional(),
    static: z.array(line(100, 'A path prefix.')).describe('Path prefixes served from disk (default [/static/]).').optional(),
    port: port('The port it listens on (default 80).').optional(),
  }),
  component('app-server', 'An application server such as Gunicorn: runs the code.', {
    code: id('The code component it runs.').optional(),
    database: z
      .strictObject({
        writes: id('The primary database that takes writes.').optional(),
        reads: idList('Databases to read from, in order of preference.').optional(),
      })
      .describe('Where it reads and writes.')
      .optional(),
    port: port('The port it listens on (default 8000).').optional(),
    workers: z
      .int()
      .min(1)
      .max(1000)
      .describe('Gunicorn sync workers (`--workers`): the requests it works on at once (default 3, (2 × cores) + 1 for one core).')
      .optional(),
  }),
  component('code', 'The application files.', {}),
  component('database', 'A database server such as MySQL.', {
    role: z.enum(['primary', 'replica']).describe('`primary` takes writes; a `replica` copies it and is read-only (default primary).').optional(),
    replicates: id('The primary a replica copies.').optional(),
    port: port('The port it listens on (default 3306).').optional(),
  }),
  component('monitoring-agent', 'A collector on a host that ships logs and metrics out.', {
    'ships-to': id('The monitoring service it sends data to.'),
  }),
  component('monitoring-service', 'An external monitoring service, e.g. Sumo Logic.', {}),
]);

const dnsRecord = z
  .strictObject({
    name: z.string().regex(hostnamePattern, 'expected a host name like www.foobar.com').describe('The name looked up.'),
    type: z.enum(['A', 'AAAA', 'CNAME']).describe('A: an IPv4 address; AAAA: IPv6; CNAME: another name.'),
    value: line(253, 'The answer: an address (A, AAAA) or a name (CNAME).'),
    ttl: z.int().min(0).max(604_800).describe('Seconds resolvers may cache the answer (default 300).').optional(),
  })
  .describe('One record served by the DNS component.');

const hostSchema = z
  .strictObject({
    id: id('Unique; failing it fails everything on it.'),
    label: line(40, 'The name drawn in the diagram (defaults to the id).').optional(),
    ip: ipv4,
  })
  .describe('A machine.');

const trackScript = z
  .strictObject({
    interval: duration.describe('Time between two runs of the check (keepalived default 1s).').optional(),
    fall: z.int().min(1).max(100).describe('Failed runs in a row before the member gives up the address (keepalived default 1).').optional(),
    rise: z.int().min(1).max(100).describe('Good runs in a row before the member may hold the address again (keepalived default 1).').optional(),
  })
  .describe(
    "keepalived's `vrrp_script` + `track_script`: each member checks that its load balancer process runs (`pidof haproxy`) and gives up the address when it does not. Without it a stopped HAProxy keeps the address and clients are refused.",
  );

const clusterSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      id: id('Unique.'),
      kind: z.literal('vip'),
      members: idList('The load balancers sharing the address (keepalived/VRRP).').min(2, 'a VIP cluster needs at least two members'),
      vip: ipv4.describe('The floating address the active member holds.'),
      mode: z.literal('active-passive').describe('One member holds the VIP; the other takes it over.').optional(),
      'track-script': trackScript.optional(),
    })
    .describe('Load balancers sharing a virtual IP.'),
  z
    .strictObject({
      id: id('Unique.'),
      kind: z.literal('replication'),
      primary: id('The primary database.'),
      replicas: idList('Its replicas.').min(1, 'a replication cluster needs at least one replica'),
      failover: z.enum(['manual', 'automatic']).describe('Who promotes a replica when the primary dies (default manual).').optional(),
    })
    .describe('A primary database and its replicas.'),
]);

const note = (description: string) =>
  z
    .strictObject({
      title: line(80, 'A short heading.'),
      focus: idList('Components or hosts to highlight.').optional(),
      text: text(4000, 'The explanation, in plain words.'),
    })
    .describe(description);

/** The whole file. */
export const topologyFileSchema = z
  .strictObject({
    id: id('The topology id (`infra-tui print <id>`).'),
    title: line(80, 'Shown in menus and headers.'),
    summary: line(200, 'One line shown in `infra-tui list`.'),
    domain: z.string().regex(hostnamePattern, 'expected a domain name like foobar.com').describe('The site; the browser asks for www.<domain>.'),
    dns: z.array(dnsRecord).describe('What the authoritative DNS serves.').optional(),
    hosts: z.array(hostSchema).describe('Machines; failing a host fails everything on it.').optional(),
    components: z.array(componentSchema).min(1, 'a topology needs at least one component').describe('What runs, and how it is wired.'),
    clusters: z.array(clusterSchema).describe('VIP pairs of load balancers and database replication groups.').optional(),
    tour: z.array(note('A slide of the classroom walkthrough.')).describe('The walkthrough, in order.').optional(),
    issues: z.array(note('A weakness of this design.')).describe('Weaknesses of this design.').optional(),
  })
  .describe('An infra-tui topology: machines, components and how requests flow between them.');

export type TopologyFile = z.output<typeof topologyFileSchema>;
export type ComponentFile = z.output<typeof componentSchema>;
export type ClusterFile = z.output<typeof clusterSchema>;
