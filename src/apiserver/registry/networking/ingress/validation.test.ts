import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { validateIngress } from './validation.js';

const ing = (spec: Record<string, unknown>, annotations?: Record<string, string>): KObject => ({
  metadata: { name: 'i', namespace: 'd', ...(annotations ? { annotations } : {}) },
  spec,
});
const backend = { service: { name: 'web', port: { number: 80 } } };

test('ingress validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    {
      name: 'valid',
      obj: ing({
        ingressClassName: 'nginx',
        rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
      }),
      want: [],
    },
    {
      name: 'nothing to route',
      obj: ing({}),
      want: ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified'],
    },
    {
      name: 'pathType required',
      obj: ing({ rules: [{ http: { paths: [{ path: '/', backend }] } }] }),
      want: ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'],
    },
    {
      name: 'bad paths',
      obj: ing({
        rules: [
          {
            http: {
              paths: [
                { path: 'api', pathType: 'Exact', backend },
                { path: '/a//b', pathType: 'Prefix', backend },
              ],
            },
          },
        ],
      }),
      want: [
        'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
        'spec.rules[0].http.paths[1].path: Invalid value: "/a//b": must not contain \'//\'',
      ],
    },
    {
      name: 'backend port missing; IP host',
      obj: ing({
        rules: [
          {
            host: '10.0.0.1',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } }] },
          },
        ],
      }),
      want: [
        'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
        'spec.rules[0].http.paths[0].backend: Required value: port name or number is required',
      ],
    },
    {
      name: 'class annotation and field disagree',
      obj: ing({ ingressClassName: 'nginx', defaultBackend: backend }, { 'kubernetes.io/ingress.class': 'traefik' }),
      want: [
        'annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateIngress(c.obj, true).map(String), c.want, c.name);
});
