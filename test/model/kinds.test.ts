import { describe, expect, it } from 'vitest';
import { configSnippets } from '../../source/export/config-snippet.js';
import { toMermaid } from '../../source/export/mermaid.js';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { canFail, kindSpecs, kindsThatCan } from '../../source/model/kinds.js';
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
