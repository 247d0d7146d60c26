/**
 * Who answers a request at each kind of component: the hop handler of its software. A kind that
 * requests reach or pass through is one row here (the compiler asks for every kind); the rest
 * are null. Handed to every exchange, so handlers pass requests on without importing each other.
 */
import { handleApp } from './app-server.js';
import type { Handlers } from './exchange.js';
import { handleLb } from './load-balancer.js';
import { handleWeb } from './web-server.js';

export const handlers: Handlers = {
  client: null,
  dns: null,
  firewall: null,
  'load-balancer': handleLb,
  'web-server': handleWeb,
  'app-server': handleApp,
  code: null,
  database: null,
  'monitoring-agent': null,
  'monitoring-service': null,
};
