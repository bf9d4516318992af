import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelector } from '../../apimachinery/labels/selector.js';
import type { KubeObject } from '../rest/types.js';
import { CacheLister } from './lister.js';
import { CacheIndexer, metaNamespaceIndexFunc, metaNamespaceKeyFunc, NAMESPACE_INDEX } from './store.js';

const o = (ns: string, name: string, labels: Record<string, string> = {}): KubeObject => ({
  metadata: { namespace: ns, name, labels },
});

test('lister filters by namespace and label selector', () => {
  const idx = new CacheIndexer<KubeObject>(metaNamespaceKeyFunc, { [NAMESPACE_INDEX]: metaNamespaceIndexFunc });
  for (const x of [o('a', 'web-1', { app: 'web' }), o('a', 'db', { app: 'db' }), o('b', 'web-2', { app: 'web' })])
    idx.add(x);
  const lister = new CacheLister<KubeObject>(idx);
  const names = (xs: readonly KubeObject[]) => xs.map((x) => x.metadata!.name).sort();
  const cases: { name: string; got: () => readonly KubeObject[]; want: string[] }[] = [
    { name: 'all', got: () => lister.list(), want: ['db', 'web-1', 'web-2'] },
    { name: 'selector text', got: () => lister.list('app=web'), want: ['web-1', 'web-2'] },
    { name: 'parsed selector', got: () => lister.list(parseSelector('app!=web')), want: ['db'] },
    { name: 'namespace', got: () => lister.byNamespace('a').list(), want: ['db', 'web-1'] },
    { name: 'namespace and selector', got: () => lister.byNamespace('a').list('app=web'), want: ['web-1'] },
    { name: 'NamespaceAll', got: () => lister.byNamespace('').list('app=web'), want: ['web-1', 'web-2'] },
  ];
  for (const c of cases) assert.deepEqual(names(c.got()), c.want, c.name);
  assert.equal(lister.get('b/web-2')?.metadata?.name, 'web-2');
  assert.equal(lister.byNamespace('b').get('web-2')?.metadata?.name, 'web-2');
  assert.equal(lister.byNamespace('a').get('web-2'), undefined);
});
