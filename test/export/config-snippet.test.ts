import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSnippets } from '../../source/export/config-snippet.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { HAPROXY_BACKEND } from '../../source/sim/messages.js';
import { expectGolden } from '../golden.js';

const text = (topology: Topology, id: string) => configSnippets(topology, id).flatMap((s) => [`# ${s.file}`, ...s.lines]).join('\n');

/** Every snippet of a design, component by component: the golden file's content. */
function allSnippets(topology: Topology): string {
  const ids = [...topology.components.map((c) => c.id), ...topology.hosts.map((h) => h.id)];
  return ids.map((id) => `== ${id}\n${text(topology, id)}`).join('\n\n') + '\n';
}

describe('configSnippets', () => {
  it('writes the HAProxy backend with the balance and the health-check timings of the file', () => {
    const haproxy = text(loadBuiltin('1'), 'haproxy-1');
    expect(haproxy).toContain('balance roundrobin');
    expect(haproxy).toContain('server nginx-1 8.8.8.11:80 check inter 2s fall 3 rise 2');
    expect(haproxy).not.toContain('option httpchk');
    expect(text(loadBuiltin('2'), 'haproxy-1')).toContain('option httpchk');
    expect(text(loadBuiltin('2'), 'haproxy-1')).toMatch(/bind \*:443 ssl crt /);
  });

  it("names the backend as the engine's HAProxy log lines do (Server web/nginx-1 is DOWN)", () => {
    const haproxy = text(loadBuiltin('1'), 'haproxy-1');
    expect(haproxy).toContain(`default_backend ${HAPROXY_BACKEND}`);
    expect(haproxy).toContain(`backend ${HAPROXY_BACKEND}\n`);
  });

  it('writes keepalived for both members of a VIP pair, one MASTER and one BACKUP', () => {
    const scaled = loadBuiltin('3');
    expect(text(scaled, 'haproxy-1')).toMatch(/state MASTER[\s\S]*priority 101[\s\S]*advert_int 1[\s\S]*8\.8\.8\.8/);
    expect(text(scaled, 'haproxy-2')).toMatch(/state BACKUP[\s\S]*priority 100/);
  });

  it('writes Nginx with its static locations and the upstream it proxies to', () => {
    const nginx = text(loadBuiltin('1'), 'nginx-1');
    expect(nginx).toContain('location /static/ {');
    expect(nginx).toContain('server 127.0.0.1:8000;');
    expect(nginx).toContain('proxy_pass http://app;');
  });

  it('writes my.cnf: binary log on every server, read-only replicas that point at their primary', () => {
    const design = loadBuiltin('1');
    expect(text(design, 'mysql-1')).toContain('log_bin');
    expect(text(design, 'mysql-1')).not.toContain('read_only');
    expect(text(design, 'mysql-2')).toMatch(/super_read_only\s+= ON/);
    expect(text(design, 'mysql-2')).toContain("SOURCE_HOST='8.8.8.11'");
  });

  it('writes firewall rules for a protected host and says so for an open one', () => {
    expect(text(loadBuiltin('2'), 'fw-1')).toMatch(/iptables -A INPUT -p tcp --dport 443 -j ACCEPT/);
    expect(text(loadBuiltin('1'), 'server-1')).toContain('every listening port is reachable');
  });

  it('returns nothing for parts without a configuration, and for unknown ids', () => {
    expect(configSnippets(loadBuiltin('1'), 'browser')).toEqual([]);
    expect(configSnippets(loadBuiltin('1'), 'nope')).toEqual([]);
  });

  it('matches the golden files for every built-in design (UPDATE_GOLDEN=1 rewrites them)', () => {
    for (const entry of builtins()) {
      const file = fileURLToPath(new URL(`../fixtures/config/${entry.id}/expected.txt`, import.meta.url));
      expectGolden(file, allSnippets(loadBuiltin(entry.id)), entry.id);
    }
  });
});
