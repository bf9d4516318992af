import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import { validateLocalNonReservedPath, validateVolumes } from './validation-volumes.js';

const messages = (volumes: unknown[]): string[] =>
  validateVolumes(volumes, root('spec', 'volumes')).errs.map(errorToString);

test('volume sources are checked as upstream', () => {
  const cases: { name: string; volumes: unknown[]; want: string[] }[] = [
    {
      name: 'valid',
      volumes: [
        { name: 'a', emptyDir: {} },
        { name: 'b', secret: { secretName: 's', items: [{ key: 'k', path: 'p' }] } },
      ],
      want: [],
    },
    {
      name: 'no source',
      volumes: [{ name: 'a' }],
      want: ['spec.volumes[0]: Required value: must specify a volume type'],
    },
    { name: 'name required', volumes: [{ emptyDir: {} }], want: ['spec.volumes[0].name: Required value'] },
    {
      name: 'downward API typo kept',
      volumes: [{ name: 'a', emptyDir: {}, downwardAPI: {} }],
      want: ['spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'hostPath',
      volumes: [{ name: 'a', hostPath: { path: '/a/../b', type: 'Pipe' } }],
      want: [
        `spec.volumes[0].hostPath.path: Invalid value: "/a/../b": must not contain '..'`,
        'spec.volumes[0].hostPath.type: Unsupported value: "Pipe": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    },
    {
      name: 'pvc',
      volumes: [{ name: 'a', persistentVolumeClaim: {} }],
      want: ['spec.volumes[0].persistentVolumeClaim.claimName: Required value'],
    },
    {
      name: 'nfs',
      volumes: [{ name: 'a', nfs: { server: 's', path: 'rel' } }],
      want: ['spec.volumes[0].nfs.path: Invalid value: "rel": must be an absolute path'],
    },
    { name: 'gce path quirk', volumes: [{ name: 'a', gcePersistentDisk: {} }], want: [] },
    {
      name: 'file modes and items',
      volumes: [{ name: 'a', configMap: { name: 'c', defaultMode: 1000, items: [{ key: '', path: '/abs' }] } }],
      want: [
        'spec.volumes[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
        'spec.volumes[0].configMap.items[0].key: Required value',
        'spec.volumes[0].configMap.items[0].path: Invalid value: "/abs": must be a relative path',
      ],
    },
    {
      name: 'projected token too short',
      volumes: [{ name: 'a', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] } }],
      want: [
        'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(messages(c.volumes), c.want, c.name);
  assert.deepEqual(
    [...validateVolumes([{ name: 'ok', emptyDir: {} }, { name: 'bad' }], root('v')).byName.keys()],
    ['ok'],
  );
});

test('local paths', () => {
  assert.deepEqual(validateLocalNonReservedPath('a/b', root('p')), []);
  assert.deepEqual(validateLocalNonReservedPath('..a', root('p')).map(errorToString), [
    `p: Invalid value: "..a": must not start with '..'`,
  ]);
});
