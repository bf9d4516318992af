import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatBoolPtr,
  formatIntOrString,
  formatKindName,
  formatLabelSelector,
  formatLabels,
  formatQuantity,
  formatQuantityPtr,
  joinHostPort,
  labelSelectorString,
  layoutContainerCells,
  listWithMore,
  timestampMs,
  timestampSince,
} from './format.js';

const NOW = new Date('2025-03-01T12:00:00Z');

const cases: { name: string; got: () => unknown; want: unknown }[] = [
  { name: 'age of a timestamp', got: () => timestampSince('2025-03-01T11:54:30Z', NOW), want: '5m30s' },
  { name: 'age of a micro time', got: () => timestampSince('2025-03-01T11:59:59.500000Z', NOW), want: '0s' },
  { name: 'age of an unset time', got: () => timestampSince(undefined, NOW), want: '<unknown>' },
  { name: 'age of Go zero time', got: () => timestampSince('0001-01-01T00:00:00Z', NOW), want: '<unknown>' },
  { name: 'age in the future beyond skew', got: () => timestampSince('2025-03-01T12:00:10Z', NOW), want: '<invalid>' },
  { name: 'null time is unset', got: () => timestampMs(null), want: undefined },
  {
    name: 'labels sorted',
    got: () => formatLabels({ b: '2', a: '1', 'app.kubernetes.io/name': 'x' }),
    want: 'a=1,app.kubernetes.io/name=x,b=2',
  },
  { name: 'no labels', got: () => formatLabels(undefined), want: '<none>' },
  {
    name: 'selector with expressions',
    got: () =>
      formatLabelSelector({
        matchLabels: { app: 'a' },
        matchExpressions: [
          { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    want: 'app=a,!canary,env notin (dev,prod)',
  },
  { name: 'empty selector', got: () => formatLabelSelector({}), want: '<none>' },
  { name: 'nil selector', got: () => formatLabelSelector(undefined), want: '<none>' },
  {
    name: 'invalid selector',
    got: () => formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Around' }] }),
    want: '<error>',
  },
  {
    name: 'invalid selector string',
    got: () => labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'Around' }] }),
    want: undefined,
  },
  {
    name: 'containers',
    got: () =>
      layoutContainerCells([
        { name: 'a', image: 'x:1' },
        { name: 'b', image: 'y' },
      ]),
    want: ['a,b', 'x:1,y'],
  },
  { name: 'no containers', got: () => layoutContainerCells(undefined), want: ['', ''] },
  { name: 'quantity canonical', got: () => formatQuantity('1024Mi'), want: '1Gi' },
  { name: 'quantity number', got: () => formatQuantity(2), want: '2' },
  { name: 'quantity absent', got: () => formatQuantity(undefined), want: '0' },
  { name: 'quantity unparseable kept', got: () => formatQuantity('lots'), want: 'lots' },
  { name: 'nil quantity pointer', got: () => formatQuantityPtr(undefined), want: '<nil>' },
  { name: 'int or string int', got: () => formatIntOrString(3), want: '3' },
  { name: 'int or string percent', got: () => formatIntOrString('30%'), want: '30%' },
  { name: 'bool pointer unset', got: () => formatBoolPtr(undefined), want: '<unset>' },
  { name: 'bool pointer true', got: () => formatBoolPtr(true), want: 'True' },
  { name: 'list with more', got: () => listWithMore(['a', 'b', 'c'], true, 5, 3), want: 'a,b,c + 2 more...' },
  { name: 'empty list', got: () => listWithMore([], false, 0, 3), want: '<unset>' },
  { name: 'IPv4 host port', got: () => joinHostPort('10.0.0.1', 80), want: '10.0.0.1:80' },
  { name: 'IPv6 host port', got: () => joinHostPort('::1', 80), want: '[::1]:80' },
  { name: 'grouped kind name', got: () => formatKindName('apps/v1', 'DaemonSet', 'ds'), want: 'daemonset.apps/ds' },
  { name: 'core kind name', got: () => formatKindName('v1', 'Pod', 'p'), want: 'pod/p' },
  { name: 'no kind', got: () => formatKindName('', '', 'n'), want: 'n' },
];

for (const c of cases) {
  test(`format: ${c.name}`, () => {
    assert.deepEqual(c.got(), c.want);
  });
}
