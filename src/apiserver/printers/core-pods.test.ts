import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KObject } from '../registry/types.js';
import { podPrinter } from './core-pods.js';

const NOW = new Date('2025-03-01T12:00:00Z');
/** RFC 3339 time `seconds` before NOW. */
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString().replace('.000Z', 'Z');

function pod(
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  meta: Partial<KObject['metadata']> = {},
): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(300), ...meta },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    status,
  };
}

const running = { running: { startedAt: ago(100) } };
const readyMain = (extra: Record<string, unknown> = {}) => ({
  name: 'c',
  ready: true,
  restartCount: 0,
  state: running,
  ...extra,
});
const two = { containers: [{ name: 'a' }, { name: 'b' }] };

/** Cells up to AGE: NAME READY STATUS RESTARTS AGE. */
const cases: { name: string; pod: KObject; want: unknown[] }[] = [
  {
    name: 'pending pod without statuses',
    pod: pod({}, { phase: 'Pending' }),
    want: ['p', '0/1', 'Pending', '0', '5m'],
  },
  {
    name: 'running and ready',
    pod: pod({}, { phase: 'Running', containerStatuses: [readyMain()] }),
    want: ['p', '1/1', 'Running', '0', '5m'],
  },
  {
    name: 'crash looping container shows restarts and when the last one was',
    pod: pod(
      {},
      {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(20) } },
          },
        ],
      },
    ),
    want: ['p', '0/1', 'CrashLoopBackOff', '3 (20s ago)', '5m'],
  },
  {
    name: 'restarts without a termination time print the bare count',
    pod: pod({}, { phase: 'Running', containerStatuses: [readyMain({ restartCount: 2 })] }),
    want: ['p', '1/1', 'Running', '2', '5m'],
  },
  {
    name: 'image being pulled',
    pod: pod(
      {},
      {
        phase: 'Pending',
        containerStatuses: [
          { name: 'c', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
    ),
    want: ['p', '0/1', 'ContainerCreating', '0', '5m'],
  },
  {
    name: 'first init container running',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i', ready: false, restartCount: 0, state: running }] },
    ),
    want: ['p', '0/1', 'Init:0/1', '0', '5m'],
  },
  {
    name: 'second of two init containers running',
    pod: pod(
      { initContainers: [{ name: 'i1' }, { name: 'i2' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'i2', ready: false, state: running },
        ],
      },
    ),
    want: ['p', '0/1', 'Init:1/2', '0', '5m'],
  },
  {
    name: 'init container crash looping',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [
          {
            name: 'i',
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, finishedAt: ago(90) } },
          },
        ],
      },
    ),
    want: ['p', '0/1', 'Init:CrashLoopBackOff', '4 (90s ago)', '5m'],
  },
  {
    name: 'init container failed with a reason',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      {
        phase: 'Pending',
        initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 1, reason: 'Error' } } }],
      },
    ),
    want: ['p', '0/1', 'Init:Error', '0', '5m'],
  },
  {
    name: 'init container failed without a reason shows the exit code',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 2 } } }] },
    ),
    want: ['p', '0/1', 'Init:ExitCode:2', '0', '5m'],
  },
  {
    name: 'init container killed by a signal',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      { phase: 'Pending', initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 137, signal: 9 } } }] },
    ),
    want: ['p', '0/1', 'Init:Signal:9', '0', '5m'],
  },
  {
    name: 'init done, main container initializing',
    pod: pod(
      { initContainers: [{ name: 'i' }] },
      {
        phase: 'Pending',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ name: 'i', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
        containerStatuses: [{ name: 'c', ready: false, state: { waiting: { reason: 'PodInitializing' } } }],
      },
    ),
    want: ['p', '0/1', 'PodInitializing', '0', '5m'],
  },
  {
    name: 'sidecar counts toward ready and total',
    pod: pod(
      { initContainers: [{ name: 's', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [
          {
            name: 's',
            ready: true,
            started: true,
            restartCount: 1,
            state: running,
            lastState: { terminated: { exitCode: 1, finishedAt: ago(600) } },
          },
        ],
        containerStatuses: [readyMain()],
      },
    ),
    want: ['p', '2/2', 'Running', '1 (10m ago)', '5m'],
  },
  {
    name: 'succeeded pod is Completed',
    pod: pod(
      {},
      {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'c', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
    ),
    want: ['p', '0/1', 'Completed', '0', '5m'],
  },
  {
    name: 'one container completed and one running, pod ready',
    pod: pod(two, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'b', ready: true, state: running },
      ],
    }),
    want: ['p', '1/2', 'Running', '0', '5m'],
  },
  {
    name: 'one container completed and one running, pod not ready',
    pod: pod(two, {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'b', ready: true, state: running },
      ],
    }),
    want: ['p', '1/2', 'NotReady', '0', '5m'],
  },
  {
    name: 'main container terminated without a reason',
    pod: pod({}, { phase: 'Failed', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 3 } } }] }),
    want: ['p', '0/1', 'ExitCode:3', '0', '5m'],
  },
  {
    name: 'main container killed by a signal',
    pod: pod(
      {},
      { phase: 'Failed', containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 143, signal: 15 } } }] },
    ),
    want: ['p', '0/1', 'Signal:15', '0', '5m'],
  },
  {
    name: 'being deleted',
    pod: pod({}, { phase: 'Running', containerStatuses: [readyMain()] }, { deletionTimestamp: ago(5) }),
    want: ['p', '1/1', 'Terminating', '0', '5m'],
  },
  {
    name: 'finished pods being deleted keep their status',
    pod: pod(
      {},
      {
        phase: 'Succeeded',
        containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      },
      { deletionTimestamp: ago(5) },
    ),
    want: ['p', '0/1', 'Completed', '0', '5m'],
  },
  {
    name: 'deleted on a lost node is Unknown',
    pod: pod(
      {},
      { phase: 'Running', reason: 'NodeLost', containerStatuses: [readyMain()] },
      { deletionTimestamp: ago(5) },
    ),
    want: ['p', '1/1', 'Unknown', '0', '5m'],
  },
  {
    name: 'lost node before deletion shows NodeLost',
    pod: pod({}, { phase: 'Running', reason: 'NodeLost', containerStatuses: [readyMain()] }),
    want: ['p', '1/1', 'NodeLost', '0', '5m'],
  },
  {
    name: 'evicted pod shows the status reason',
    pod: pod({}, { phase: 'Failed', reason: 'Evicted' }),
    want: ['p', '0/1', 'Evicted', '0', '5m'],
  },
  {
    name: 'scheduling gates',
    pod: pod(
      {},
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
    ),
    want: ['p', '0/1', 'SchedulingGated', '0', '5m'],
  },
  {
    name: 'no creation timestamp',
    pod: pod({}, { phase: 'Pending' }, { creationTimestamp: undefined }),
    want: ['p', '0/1', 'Pending', '0', '<unknown>'],
  },
];

for (const c of cases) {
  test(`pod printer: ${c.name}`, () => {
    assert.deepEqual(podPrinter.cells(c.pod, NOW).slice(0, 5), c.want);
  });
}

test('pod printer: wide cells show IP, node, nominated node and readiness gates', () => {
  const p = pod(
    { nodeName: 'node-1', readinessGates: [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }] },
    {
      phase: 'Running',
      podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }],
      nominatedNodeName: 'node-2',
      conditions: [
        { type: 'example.com/a', status: 'True' },
        { type: 'example.com/b', status: 'False' },
      ],
      containerStatuses: [readyMain()],
    },
  );
  assert.deepEqual(podPrinter.cells(p, NOW).slice(5), ['10.0.0.5', 'node-1', 'node-2', '1/2']);
  assert.deepEqual(podPrinter.cells(pod({}, {}), NOW).slice(5), ['<none>', '<none>', '<none>', '<none>']);
});

test('pod printer: columns match upstream names and priorities', () => {
  assert.deepEqual(
    podPrinter.columns.map((c) => [c.name, c.priority]),
    [
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ],
  );
  assert.equal(podPrinter.columns.length, podPrinter.cells(pod({}, {}), NOW).length);
});

test('pod printer: finished pods carry a Completed row condition', () => {
  assert.deepEqual(podPrinter.conditions?.(pod({}, { phase: 'Succeeded' })), [
    { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
  ]);
  assert.equal(podPrinter.conditions?.(pod({}, { phase: 'Failed' }))?.[0]?.reason, 'Failed');
  assert.equal(podPrinter.conditions?.(pod({}, { phase: 'Running' })), undefined);
});
