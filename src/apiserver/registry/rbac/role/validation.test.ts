import { test } from 'node:test';
import assert from 'node:assert/strict';
import { root } from '../../../../apimachinery/field-errors.js';
import { validatePolicyRule, type PolicyRule } from './validation.js';
import { validateClusterRole } from '../clusterrole/strategy.js';

test('policy rule validation', () => {
  const cases: { name: string; rule: PolicyRule; namespaced: boolean; want: string[] }[] = [
    {
      name: "seed 000's pod-reader rule",
      rule: { apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] },
      namespaced: true,
      want: [],
    },
    {
      name: 'nothing set',
      rule: {},
      namespaced: true,
      want: [
        'rules[0].verbs: Required value: verbs must contain at least one value',
        'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
        'rules[0].resources: Required value: resource rules must supply at least one resource',
      ],
    },
    {
      name: 'non-resource URLs in a Role',
      rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      namespaced: true,
      want: [
        'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
      ],
    },
    {
      name: 'non-resource URLs in a ClusterRole',
      rule: { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      namespaced: false,
      want: [],
    },
    {
      name: 'resource names with several resources',
      rule: { verbs: ['get'], apiGroups: [''], resources: ['pods', 'services'], resourceNames: ['a'] },
      namespaced: true,
      want: ['rules[0].resourceNames: Required value: resource names cannot apply to multiple resources'],
    },
  ];
  for (const c of cases)
    assert.deepEqual(validatePolicyRule(c.rule, c.namespaced, root('rules').index(0)).map(String), c.want, c.name);
});

test('cluster role aggregation rules need selectors', () => {
  assert.deepEqual(validateClusterRole({ metadata: { name: 'agg' }, aggregationRule: {} }).map(String), [
    'aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil',
  ]);
});
