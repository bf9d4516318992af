import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject, RequestContext } from '../../types.js';
import { serviceAccountStrategy } from './strategy.js';

const ctx: RequestContext = { namespace: 'd', dryRun: false, user: { name: 'admin', groups: [] }, now: new Date(0) };

test('service account secret references keep only their names', () => {
  const sa: KObject = {
    metadata: { name: 'sa', namespace: 'd' },
    secrets: [{ name: 'tok', namespace: 'd', uid: 'u' }],
  };
  serviceAccountStrategy.prepareForCreate!(sa, ctx);
  assert.deepEqual(sa.secrets, [{ name: 'tok' }]);
  const next: KObject = { ...sa, secrets: [{ name: 'tok2', kind: 'Secret' }] };
  serviceAccountStrategy.prepareForUpdate!(next, sa, ctx);
  assert.deepEqual(next.secrets, [{ name: 'tok2' }]);
});
