import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { endpointSliceStrategy, validateEndpointSlice } from './strategy.js';

const ctx: RequestContext = { namespace: 'd', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };
const es = (fields: Record<string, unknown>): KObject => ({ metadata: { name: 'web-abc', namespace: 'd' }, ...fields });

test('endpoint slice validation', () => {
  const cases: { name: string; obj: KObject; want: string[] }[] = [
    {
      name: 'valid',
      obj: es({
        addressType: 'IPv4',
        endpoints: [{ addresses: ['10.42.0.5'] }],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      }),
      want: [],
    },
    { name: 'addressType required', obj: es({}), want: ['addressType: Required value'] },
    {
      name: 'addresses of the wrong type',
      obj: es({ addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }, { addresses: [] }] }),
      want: [
        'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
        'endpoints[1].addresses: Required value: must contain at least 1 address',
      ],
    },
    {
      name: 'unknown address type',
      obj: es({ addressType: 'IP' }),
      want: ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"'],
    },
  ];
  for (const c of cases) assert.deepEqual(validateEndpointSlice(c.obj).map(String), c.want, c.name);
});

test('ports default to TCP; addressType is immutable', () => {
  const obj = es({ addressType: 'IPv4', ports: [{ port: 80 }] });
  endpointSliceStrategy.defaults!(obj);
  assert.deepEqual(obj.ports, [{ port: 80, name: '', protocol: 'TCP' }]);
  assert.deepEqual(
    endpointSliceStrategy.validateUpdate!(es({ addressType: 'IPv6' }), es({ addressType: 'IPv4' }), ctx).map(String),
    ['addressType: Invalid value: "IPv6": field is immutable'],
  );
});
