import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../../types.js';
import { endpointsStrategy, validateEndpoints } from './strategy.js';

const ep = (subsets: unknown[]): KObject => ({ metadata: { name: 'web', namespace: 'd' }, subsets });

test('endpoints validation', () => {
  const cases: { name: string; subsets: unknown[]; want: string[] }[] = [
    {
      name: 'valid',
      subsets: [{ addresses: [{ ip: '10.42.0.5' }], ports: [{ port: 80, protocol: 'TCP' }] }],
      want: [],
    },
    {
      name: 'no addresses',
      subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }],
      want: ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'],
    },
    {
      name: 'loopback address; unnamed ports',
      subsets: [
        {
          addresses: [{ ip: '127.0.0.1' }],
          ports: [
            { port: 80, protocol: 'TCP' },
            { port: 81, protocol: 'TCP' },
          ],
        },
      ],
      want: [
        'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'subsets[0].ports[0].name: Required value',
        'subsets[0].ports[1].name: Required value',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(validateEndpoints(ep(c.subsets)).map(String), c.want, c.name);
});

test('endpoint ports default to TCP', () => {
  const obj = ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }]);
  endpointsStrategy.defaults!(obj);
  assert.deepEqual(obj.subsets, [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
});
