import { describe, expect, it } from 'vitest';
import { configSnippets } from '../../source/export/config-snippet.js';
import { toMermaid } from '../../source/export/mermaid.js';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { edges, entryPoints } from '../../source/model/edges.js';
import { canFail, forwardsOf, kindSpecs, kindsThatCan } from '../../source/model/kinds.js';
import { references } from '../../source/model/references.js';
import { handlers } from '../../source/sim/handlers.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { componentKinds } from '../../source/model/types.js';
import { createSim, step } from '../../source/sim/index.js';
import { topologyIndex } from '../../source/sim/topology-index.js';

const designs = builtinIds.map((id) => loadBuiltin(id));
const components = designs.flatMap((topology) => topology.components.map((component) => ({ topology, component })));

describe('the kind table', () => {
  it('is what the built-in designs exercise: every kind appears in them', () => {
    expect(new Set(components.map((c) => c.component.kind))).toEqual(new Set(componentKinds));
  });

  it('says which components the engine lets hang, and the messages name them', () => {
    for (const { topology, component } of components.filter((c) => c.component.kind !== 'client')) {
      const attempt = () => step(createSim(topology), { type: 'hang', id: component.id });
      if (canFail(component.kind, 'hung')) expect(attempt().state.hung).toEqual([component.id]);
      else expect(attempt).toThrow(`only an app server or a database can`);
    }
    expect(kindsThatCan('hung')).toBe('an app server or a database');
  });

  it('says which components can fail: all but the client', () => {
    for (const topology of designs) {
      const failable = topologyIndex(topology).failable;
      for (const c of topology.components) expect(failable.includes(c.id)).toBe(c.kind !== 'client');
    }
  });

  it('routes requests by its forwarding fields: a handler at both ends, the edges and the checked references follow them', () => {
    for (const [kind, spec] of Object.entries(kindSpecs)) {
      const k = kind as keyof typeof kindSpecs;
      if (spec.forwards.length > 0 || spec.front !== null) expect(handlers[k], kind).not.toBeNull();
      for (const f of spec.forwards) for (const to of f.to) expect([handlers[to] !== null, kindSpecs[to].port !== null], `${kind} → ${to}`).toEqual([true, true]);
    }
    const design = loadBuiltin('distributed');
    const requestEdges = edges(design).filter((e) => e.kind === 'request' && e.from !== 'browser');
    expect(requestEdges.map((e) => `${e.from}>${e.to}`)).toEqual(design.components.flatMap((c) => forwardsOf(c).map((to) => `${c.id}>${to}`)));
    expect(requestEdges.map((e) => `${e.from}>${e.to}`)).toEqual(['haproxy-1>nginx-1', 'haproxy-1>nginx-2', 'nginx-1>app-1', 'nginx-2>app-2']);
    expect(entryPoints(design).map((c) => c.id)).toEqual(['haproxy-1']);
    expect(entryPoints(loadBuiltin('simple')).map((c) => c.id)).toEqual(['nginx-1']);
    const file = { components: [{ id: 'lb', kind: 'load-balancer', host: 'h', backends: ['w'] }] } as unknown as Parameters<typeof references>[0];
    expect(references(file).map((r) => [r.field, r.id, r.role])).toEqual([['host', 'h', 'host'], ['backends', 'w', 'a backend']]);
    expect(references(file)[1]?.kinds).toEqual(expect.arrayContaining(['web-server', 'app-server']));
  });

  it('gives the default port of each kind that listens', () => {
    for (const { component } of components) {
      if ('port' in component && !(component.kind === 'load-balancer' && component.tls)) expect(component.port).toBe(kindSpecs[component.kind].port);
    }
  });

  it('names a configuration generator exactly for the kinds that have configuration of their own', () => {
    for (const { topology, component } of components) {
      expect(configSnippets(topology, component.id).length > 0, component.id).toBe(kindSpecs[component.kind].config !== null);
    }
  });

  it('gives the Mermaid shape of each kind', () => {
    const text = toMermaid(loadBuiltin('high-availability'));
    expect(text).toContain('n_mysql_1[("');
    expect(text).toContain('n_browser(["');
  });
});
