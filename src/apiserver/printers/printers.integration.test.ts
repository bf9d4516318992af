import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';

/** What `kubectl get` prints from our server-side tables, with the default kubectl and the oldest supported one. */
describe('server-side tables as kubectl prints them', () => {
  let server: TestApiServer;

  before(async () => {
    server = await startTestApiServer();
    for (const args of [
      ['create', 'deployment', 'web', '--image=nginx:1.21', '--replicas=2'],
      ['run', 'p', '--image=nginx'],
      ['create', 'role', 'pod-reader', '--verb=get', '--resource=pods'],
    ]) {
      const r = await server.kubectl(args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
    }
  });

  after(async () => {
    await server?.close();
  });

  /** Runs kubectl, asserts success, returns stdout lines. */
  async function get(args: string[], version?: string): Promise<string[]> {
    const r = await server.kubectl(args, { version });
    assert.equal(r.code, 0, `kubectl ${args.join(' ')} (${version ?? 'default'}): ${r.stderr}`);
    return r.stdout.trimEnd().split('\n');
  }

  const cases: { name: string; args: string[]; header: RegExp; row: RegExp }[] = [
    {
      name: 'deployments',
      args: ['get', 'deploy'],
      header: /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE$/,
      row: /^web +0\/2 +0 +0 +\S+$/,
    },
    {
      name: 'deployments wide',
      args: ['get', 'deploy', '-o', 'wide'],
      header: /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE +CONTAINERS +IMAGES +SELECTOR$/,
      row: /^web +0\/2 +0 +0 +\S+ +nginx +nginx:1\.21 +app=web$/,
    },
    {
      name: 'one deployment',
      args: ['get', 'deploy', 'web'],
      header: /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE$/,
      row: /^web +0\/2 /,
    },
    { name: 'pods', args: ['get', 'pods'], header: /^NAME +READY +STATUS +RESTARTS +AGE$/, row: /^p +0\/1 +/ },
    {
      name: 'pods wide',
      args: ['get', 'pods', '-o', 'wide'],
      header: /^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/,
      row: /^p +0\/1 .* <none> +<none> +<none> +<none>$/,
    },
    { name: 'namespaces', args: ['get', 'ns'], header: /^NAME +STATUS +AGE$/, row: /^kube-system +/ },
    {
      name: 'services',
      args: ['get', 'svc', '-n', 'default'],
      header: /^NAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE$/,
      row: /^kubernetes +ClusterIP +\S+ +<none> +443\/TCP +\S+$/,
    },
    {
      name: 'all namespaces adds NAMESPACE from the row metadata',
      args: ['get', 'deploy', '-A'],
      header: /^NAMESPACE +NAME +READY/,
      row: /^default +web +0\/2 /,
    },
    {
      name: 'roles print their creation time',
      args: ['get', 'roles'],
      header: /^NAME +CREATED AT$/,
      row: /^pod-reader +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    },
  ];

  for (const version of [undefined, '1.27']) {
    for (const c of cases) {
      test(`${c.name} (kubectl ${version ?? 'default'})`, async () => {
        const lines = await get(c.args, version);
        assert.match(lines[0], c.header);
        assert.ok(
          lines.slice(1).some((l) => c.row.test(l)),
          `no row matches ${c.row}:\n${lines.join('\n')}`,
        );
      });
    }
  }
});
