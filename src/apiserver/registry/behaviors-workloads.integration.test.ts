import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApiServer, type TestApiServer } from '../../testing/api-server.js';

let api: TestApiServer;

before(async () => {
  api = await startTestApiServer();
});

after(async () => {
  await api.close();
});

const VERSIONS = [undefined, '1.27'] as const;

async function kubectl(args: string[], version?: string, input?: string): Promise<string> {
  const r = await api.kubectl(args, { version, input });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} (${version ?? 'default'}) failed: ${r.stderr}`);
  return r.stdout;
}

for (const version of VERSIONS) {
  const v = version ?? 'default';
  const sfx = version ? version.replace('.', '') : 'd';

  test(`kubectl ${v}: run gets the pod defaults`, async () => {
    const name = `p-${sfx}`;
    assert.match(await kubectl(['run', name, '--image=busybox'], version), new RegExp(`pod/${name} created`));
    const out = await kubectl(
      [
        'get',
        'pod',
        name,
        '-o',
        'jsonpath={.spec.containers[0].imagePullPolicy} {.spec.dnsPolicy} {.spec.schedulerName} {.spec.terminationGracePeriodSeconds} {.status.phase} {.status.qosClass}',
      ],
      version,
    );
    assert.equal(out, 'Always ClusterFirst default-scheduler 30 Pending BestEffort');
  });

  test(`kubectl ${v}: create deployment gets the deployment defaults and scales`, async () => {
    const name = `d-${sfx}`;
    assert.match(
      await kubectl(['create', 'deployment', name, '--image=nginx:1.27'], version),
      new RegExp(`deployment.apps/${name} created`),
    );
    const out = await kubectl(
      [
        'get',
        'deploy',
        name,
        '-o',
        'jsonpath={.spec.replicas} {.spec.strategy.type} {.spec.strategy.rollingUpdate.maxSurge} {.spec.revisionHistoryLimit} {.spec.progressDeadlineSeconds} {.spec.template.spec.containers[0].imagePullPolicy} {.metadata.generation}',
      ],
      version,
    );
    assert.equal(out, '1 RollingUpdate 25% 10 600 IfNotPresent 1');
    assert.match(
      await kubectl(['scale', 'deploy', name, '--replicas=3'], version),
      new RegExp(`deployment.apps/${name} scaled`),
    );
    assert.equal(
      await kubectl(['get', 'deploy', name, '-o', 'jsonpath={.spec.replicas} {.metadata.generation}'], version),
      '3 2',
    );
  });

  test(`kubectl ${v}: create job gets a generated selector and the job defaults`, async () => {
    const name = `j-${sfx}`;
    assert.match(
      await kubectl(['create', 'job', name, '--image=busybox', '--', 'true'], version),
      new RegExp(`job.batch/${name} created`),
    );
    const uid = await kubectl(['get', 'job', name, '-o', 'jsonpath={.metadata.uid}'], version);
    const out = await kubectl(
      [
        'get',
        'job',
        name,
        '-o',
        "jsonpath={.spec.completions} {.spec.parallelism} {.spec.backoffLimit} {.spec.completionMode} {.spec.suspend} {.spec.selector.matchLabels['batch\\.kubernetes\\.io/controller-uid']} {.spec.template.metadata.labels['job-name']} {.spec.template.spec.restartPolicy}",
      ],
      version,
    );
    assert.equal(out, `1 1 6 NonIndexed false ${uid} ${name} Never`);
  });

  test(`kubectl ${v}: create cronjob gets the cronjob defaults`, async () => {
    const name = `cj-${sfx}`;
    const created = await kubectl(
      ['create', 'cronjob', name, '--image=busybox', '--schedule=*/5 * * * *', '--', 'true'],
      version,
    );
    assert.match(created, new RegExp(`cronjob.batch/${name} created`));
    const out = await kubectl(
      [
        'get',
        'cronjob',
        name,
        '-o',
        'jsonpath={.spec.concurrencyPolicy} {.spec.suspend} {.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit}',
      ],
      version,
    );
    assert.equal(out, 'Allow false 3 1');
  });
}

test('a cronjob with a bad schedule is rejected with robfig/cron wording', async () => {
  const r = await api.kubectl(['create', 'cronjob', 'bad-cron', '--image=busybox', '--schedule=61 * * * *']);
  assert.notEqual(r.code, 0);
  assert.match(
    r.stderr,
    /is invalid: spec.schedule: Invalid value: "61 \* \* \* \*": end of range \(61\) above maximum \(59\): 61/,
  );
});

test('a deployment whose selector does not match its template is invalid', async () => {
  const manifest = JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'mismatch' },
    spec: {
      selector: { matchLabels: { app: 'a' } },
      template: { metadata: { labels: { app: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  const r = await api.kubectl(['create', '-f', '-'], { input: manifest });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /is invalid/);
  assert.match(r.stderr, /spec.template.metadata.labels: Invalid value: .*`selector` does not match template `labels`/);
});

test('a pod update may only change images', async () => {
  await kubectl(['run', 'upd', '--image=busybox']);
  const r = await api.kubectl([
    'patch',
    'pod',
    'upd',
    '-p',
    '{"spec":{"containers":[{"name":"upd","ports":[{"containerPort":80}]}]}}',
  ]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  await kubectl(['set', 'image', 'pod/upd', 'upd=busybox:1.36']);
  assert.equal(
    await kubectl(['get', 'pod', 'upd', '-o', 'jsonpath={.spec.containers[0].image} {.metadata.generation}']),
    'busybox:1.36 2',
  );
});

test('deleting an unscheduled pod removes it at once and answers with the pod', async () => {
  await kubectl(['run', 'del', '--image=busybox']);
  const res = await fetch(`${api.url}/api/v1/namespaces/default/pods/del`, {
    method: 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ propagationPolicy: 'Background' }),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { kind?: string; metadata: { name: string } };
  assert.equal(body.kind, 'Pod');
  assert.equal(body.metadata.name, 'del');
  const r = await api.kubectl(['get', 'pod', 'del']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /NotFound|not found/);
  assert.match(await kubectl(['run', 'del2', '--image=busybox']), /created/);
  assert.match(await kubectl(['delete', 'pod', 'del2']), /pod "del2" deleted/);
});

test('a scheduled pod is deleted gracefully: deletionTimestamp set, object kept', async () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'graceful' },
    spec: { nodeName: 'node1', containers: [{ name: 'c', image: 'busybox' }] },
  };
  await kubectl(['create', '-f', '-'], undefined, JSON.stringify(pod));
  const res = await fetch(`${api.url}/api/v1/namespaces/default/pods/graceful`, { method: 'DELETE' });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { metadata: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number } };
  assert.ok(body.metadata.deletionTimestamp);
  assert.equal(body.metadata.deletionGracePeriodSeconds, 30);
  assert.equal(
    await kubectl([
      'get',
      'pods',
      '--field-selector',
      'spec.nodeName=node1',
      '-o',
      'jsonpath={.items[*].metadata.name}',
    ]),
    'graceful',
  );
  const force = await fetch(`${api.url}/api/v1/namespaces/default/pods/graceful?gracePeriodSeconds=0`, {
    method: 'DELETE',
  });
  assert.equal(force.status, 200);
  assert.equal((await fetch(`${api.url}/api/v1/namespaces/default/pods/graceful`)).status, 404);
});
