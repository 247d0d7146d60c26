import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFiles, configFilesOf, configHostsOf } from '../../source/export/config-files.js';
import { configSnippets } from '../../source/export/config-snippet.js';
import { rebasePaths } from '../../source/export/config-paths.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { HAPROXY_BACKEND } from '../../source/sim/messages.js';
import { expectGolden } from '../golden.js';

/** The text of the file at `path` on `host`. */
function file(topology: Topology, host: string, path: string): string {
  const found = configFiles(topology).find((f) => f.host === host && f.path === path);
  if (!found) throw new Error(`no ${path} on ${host}`);
  return found.lines.join('\n');
}

describe('configFiles', () => {
  it('writes haproxy.cfg in http mode, in defaults and backend, with every time-out and balance written out', () => {
    const cfg = file(loadBuiltin('1'), 'lb-1', '/etc/haproxy/haproxy.cfg');
    expect(cfg).toMatch(/defaults[\s\S]*mode http[\s\S]*timeout connect 5s\n\s+timeout client 50s\n\s+timeout server 50s/);
    expect(cfg).toMatch(new RegExp(`backend ${HAPROXY_BACKEND}\\n\\s+mode http\\n\\s+balance roundrobin`));
    expect(cfg).toContain('server nginx-1 8.8.8.11:80 check inter 2s fall 3 rise 2');
    expect(cfg).not.toContain('option httpchk');
    expect(cfg).not.toContain('option redispatch');
  });

  it('terminates TLS on 443 and redirects port 80 to HTTPS where the design says so (design 2)', () => {
    const cfg = file(loadBuiltin('2'), 'lb-1', '/etc/haproxy/haproxy.cfg');
    expect(cfg).toMatch(/bind :443 ssl crt \/etc\/haproxy\/certs\/www\.foobar\.com\.pem/);
    expect(cfg).toMatch(/bind :80\n/);
    expect(cfg).toContain('http-request redirect scheme https code 301 unless { ssl_fc }');
    expect(cfg).toContain('option httpchk');
    expect(file(loadBuiltin('4'), 'lb-1', '/etc/haproxy/haproxy.cfg')).toContain('option redispatch');
  });

  it('starts Gunicorn with the workers the design gives each app server and a 30 s --timeout', () => {
    const design = loadBuiltin('1');
    const app = design.components.find((c) => c.id === 'app-1');
    if (app?.kind !== 'app-server') throw new Error('design 1 has no app-1');
    const withFive = { ...design, components: design.components.map((c) => (c === app ? { ...app, workers: 5 } : c)) };
    expect(file(design, 'server-1', '/etc/systemd/system/gunicorn.service')).toContain(`--workers ${app.workers} --timeout 30 `);
    expect(file(withFive, 'server-1', '/etc/systemd/system/gunicorn.service')).toContain('--workers 5 --timeout 30 ');
  });

  it('writes a complete nginx.conf and a site with static locations, the upstream and its proxy time-outs', () => {
    const design = loadBuiltin('1');
    expect(file(design, 'server-1', '/etc/nginx/nginx.conf')).toMatch(/events \{[\s\S]*http \{[\s\S]*include \/etc\/nginx\/conf\.d\/\*\.conf;/);
    const site = file(design, 'server-1', '/etc/nginx/conf.d/foobar.com.conf');
    expect(site).toContain('location /static/ {');
    expect(site).toContain('server 127.0.0.1:8000 max_fails=1 fail_timeout=10s;');
    expect(site).toMatch(/proxy_connect_timeout 60s;[\s\S]*proxy_read_timeout 60s;/);
  });

  it('writes my.cnf with GTIDs on, read-only replicas, and the MySQL 8 replication statements', () => {
    const design = loadBuiltin('1');
    const primary = file(design, 'server-1', '/etc/mysql/mysql.conf.d/mysqld.cnf');
    expect(primary).toMatch(/server-id\s+= 1/);
    expect(primary).toMatch(/gtid_mode\s+= ON\n\s*enforce_gtid_consistency\s+= ON/);
    expect(primary).not.toContain('read_only');
    const replica = file(design, 'server-2', '/etc/mysql/mysql.conf.d/mysqld.cnf');
    expect(replica).toMatch(/server-id\s+= 2/);
    expect(replica).toMatch(/super_read_only\s+= ON/);
    expect(file(design, 'server-1', '/root/replication-accounts.sql')).toContain("GRANT REPLICATION SLAVE ON *.* TO 'replica'@'8.8.8.12';");
    const start = file(design, 'server-2', '/root/replication-start.sql');
    expect(start).toMatch(/CHANGE REPLICATION SOURCE TO[\s\S]*SOURCE_HOST = '8\.8\.8\.11'[\s\S]*SOURCE_AUTO_POSITION = 1/);
    expect(start).toContain('START REPLICA;');
  });

  it('writes keepalived.conf with a vrrp_script tracking HAProxy where the cluster has a track-script', () => {
    const scaled = loadBuiltin('3');
    const master = file(scaled, 'lb-1', '/etc/keepalived/keepalived.conf');
    expect(master).toMatch(/vrrp_script chk_haproxy \{\n\s+script "\/usr\/bin\/pidof haproxy"\n\s+interval 1\n\s+fall 2\n\s+rise 2/);
    expect(master).toMatch(/state MASTER[\s\S]*priority 101[\s\S]*advert_int 1[\s\S]*8\.8\.8\.8[\s\S]*track_script \{\n\s+chk_haproxy/);
    expect(file(scaled, 'lb-2', '/etc/keepalived/keepalived.conf')).toMatch(/state BACKUP[\s\S]*priority 100/);
    const untracked: Topology = { ...scaled, clusters: scaled.clusters.map((c) => (c.kind === 'vip' ? { ...c, trackScript: undefined } : c)) };
    expect(file(untracked, 'lb-1', '/etc/keepalived/keepalived.conf')).not.toContain('track_script');
  });

  it('writes iptables-restore rules: SSH for administrators, established replies, the design rules, outbound 443 for the agent', () => {
    const rules = file(loadBuiltin('2'), 'server-1', '/etc/iptables/rules.v4');
    expect(rules).toMatch(/^\*filter$/m);
    expect(rules).toContain('-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT');
    expect(rules).toMatch(/-A INPUT -p tcp -s \S+ --dport 22 -j ACCEPT/);
    expect(rules).toContain('-A INPUT -p tcp -s 8.8.8.8 --dport 80 -j ACCEPT');
    expect(rules).toContain('-A OUTPUT -p tcp --dport 443 -j ACCEPT');
    // app-1 reads mysql-2 on server-2.
    expect(rules).toContain('-A OUTPUT -p tcp -d 8.8.8.12 --dport 3306 -j ACCEPT');
    expect(rules.trim().endsWith('COMMIT')).toBe(true);
  });

  it("lets an agent follow Nginx's log only on a host where Nginx runs", () => {
    const design = loadBuiltin('2');
    expect(file(design, 'server-1', '/opt/SumoCollector/config/sources.json')).toContain('/var/log/nginx/access.log');
    const lb = file(design, 'lb-1', '/opt/SumoCollector/config/sources.json');
    expect(lb).not.toContain('nginx');
    expect(lb).toContain('/var/log/haproxy.log');
  });

  it('gives an id its own files, and a component the host(s) its files live on', () => {
    const design = loadBuiltin('2');
    expect(configFilesOf(design, 'haproxy-1').map((f) => f.path)).toEqual(['/etc/haproxy/haproxy.cfg']);
    expect(configHostsOf(design, 'fw-2')).toEqual(['server-1']);
    expect(configHostsOf(design, 'server-2')).toEqual(['server-2']);
    expect(configHostsOf(design, 'nope')).toBeUndefined();
    expect(configFilesOf(design, 'browser')).toEqual([]);
  });

  it('shows in the inspector exactly the files the command writes', () => {
    const design = loadBuiltin('4');
    for (const id of ['haproxy-1', 'nginx-2', 'mysql-2', 'fw-7', 'agent-3', 'db-1']) {
      const shown = configSnippets(design, id).map((s) => [s.file, s.lines]);
      expect(shown, id).toEqual(configFilesOf(design, id).map((f) => [f.path, f.lines]));
    }
    expect(configSnippets(loadBuiltin('1'), 'server-1')[0]?.file).toBe('no firewall on server-1');
  });

  it('moves absolute paths under a root, leaving programs and devices in place', () => {
    expect(rebasePaths('pid /run/nginx.pid;\n    script "/usr/bin/pidof haproxy"\n log /dev/log local0', '/tmp/x')).toBe(
      'pid /tmp/x/run/nginx.pid;\n    script "/usr/bin/pidof haproxy"\n log /dev/log local0',
    );
  });

  it('matches the golden files for every built-in design (UPDATE_GOLDEN=1 rewrites them)', () => {
    for (const entry of builtins()) {
      const text = configFiles(loadBuiltin(entry.id)).map((f) => `== ${f.host}${f.path} (${f.owner})\n${f.lines.join('\n')}\n`).join('\n');
      expectGolden(join(import.meta.dirname, '..', 'fixtures', 'config-files', `${entry.id}.txt`), text);
    }
  });
});
