import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorToString, root } from '../../../../apimachinery/field-errors.js';
import type { KObject } from '../../types.js';
import { defaultPod, defaultPodTemplateSpec } from './defaults.js';
import type { JsonRecord } from './json.js';
import { validatePodCreate, validatePodTemplateSpec } from './validation.js';

const LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** A defaulted pod with one valid container; `edit` changes the spec before defaulting. */
function pod(edit: (spec: JsonRecord) => void = () => {}): KObject {
  const spec: JsonRecord = { containers: [{ name: 'c', image: 'busybox' }] };
  edit(spec);
  const p: KObject = { metadata: { name: 'p', namespace: 'default' }, spec };
  defaultPod(p);
  return p;
}

const messages = (p: KObject): string[] => validatePodCreate(p).map(errorToString);

test('a defaulted pod with a container is valid', () => {
  assert.deepEqual(messages(pod()), []);
});

test('pod create validation reports upstream messages', () => {
  const cases: { name: string; edit: (s: JsonRecord) => void; want: string[] }[] = [
    { name: 'no containers', edit: (s) => (s.containers = []), want: ['spec.containers: Required value'] },
    {
      name: 'container name required and image required',
      edit: (s) => (s.containers = [{}]),
      want: ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value'],
    },
    {
      name: 'container name not a DNS label',
      edit: (s) => (s.containers = [{ name: 'Web_1', image: 'x' }]),
      want: [`spec.containers[0].name: Invalid value: "Web_1": ${LABEL_ERR}`],
    },
    {
      name: 'duplicate names across init and regular containers',
      edit: (s) => {
        s.containers = [
          { name: 'a', image: 'x' },
          { name: 'a', image: 'x' },
        ];
        s.initContainers = [{ name: 'a', image: 'x' }];
      },
      want: ['spec.containers[1].name: Duplicate value: "a"', 'spec.initContainers[0].name: Duplicate value: "a"'],
    },
    {
      name: 'ports out of range, bad protocol, bad and duplicate names',
      edit: (s) =>
        (s.containers = [
          {
            name: 'c',
            image: 'x',
            ports: [
              { containerPort: 0 },
              { containerPort: 70000, protocol: 'HTTP' },
              { name: 'web', containerPort: 80 },
              { name: 'web', containerPort: 81 },
              { name: 'Web--', containerPort: 82, hostPort: 65536 },
            ],
          },
        ]),
      want: [
        'spec.containers[0].ports[0].containerPort: Required value',
        'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        'spec.containers[0].ports[3].name: Duplicate value: "web"',
        'spec.containers[0].ports[4].name: Invalid value: "Web--": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[4].name: Invalid value: "Web--": must not contain consecutive hyphens',
        'spec.containers[0].ports[4].name: Invalid value: "Web--": must not begin or end with a hyphen',
        'spec.containers[0].ports[4].hostPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
      ],
    },
    {
      name: 'env names and sources',
      edit: (s) =>
        (s.containers = [
          {
            name: 'c',
            image: 'x',
            env: [
              { value: 'v' },
              { name: 'A=B' },
              { name: 'C', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
              { name: 'D', valueFrom: {} },
              { name: 'E', valueFrom: { fieldRef: { fieldPath: 'spec.restartPolicy' } } },
            ],
          },
        ]),
      want: [
        'spec.containers[0].env[0].name: Required value',
        `spec.containers[0].env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
        'spec.containers[0].env[2].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[3].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        'spec.containers[0].env[4].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    },
    {
      name: 'volumes: names, one source, mounts',
      edit: (s) => {
        s.volumes = [
          { name: 'data', emptyDir: {} },
          { name: 'data', emptyDir: {} },
          { name: 'two', emptyDir: {}, secret: { secretName: 's' } },
          { name: 'cm', configMap: {} },
        ];
        s.containers = [
          {
            name: 'c',
            image: 'x',
            volumeMounts: [
              { name: 'data', mountPath: '/d' },
              { name: 'missing', mountPath: '/d' },
            ],
          },
        ];
      },
      want: [
        'spec.volumes[1].name: Duplicate value: "data"',
        'spec.volumes[2].secret: Forbidden: may not specify more than 1 volume type',
        'spec.volumes[3].configMap.name: Required value',
        'spec.containers[0].volumeMounts[1].name: Not found: "missing"',
        'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique',
      ],
    },
    {
      name: 'policies',
      edit: (s) => {
        s.restartPolicy = 'Sometimes';
        s.dnsPolicy = 'Google';
      },
      want: [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      name: 'resources',
      edit: (s) =>
        (s.containers = [
          {
            name: 'c',
            image: 'x',
            resources: { limits: { cpu: '1', gpu: '1' }, requests: { cpu: '2', memory: '-1' } },
          },
        ]),
      want: [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1": must be greater than or equal to 0',
        // Requests were defaulted from the limits, so the bad name shows up there too, as upstream.
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    },
    {
      name: 'probes',
      edit: (s) =>
        (s.containers = [
          {
            name: 'c',
            image: 'x',
            livenessProbe: { successThreshold: 2, exec: { command: ['true'] } },
            readinessProbe: { tcpSocket: { port: 0 }, initialDelaySeconds: -1 },
            startupProbe: {},
          },
        ]),
      want: [
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
        'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.containers[0].startupProbe: Required value: must specify a handler type',
      ],
    },
    {
      name: 'probes on plain init containers are forbidden',
      edit: (s) => (s.initContainers = [{ name: 'i', image: 'x', readinessProbe: { exec: { command: ['true'] } } }]),
      want: [
        'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    },
    {
      name: 'host ports collide across containers; host network needs matching ports',
      edit: (s) => {
        s.containers = [
          { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] },
          { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] },
        ];
        s.hostNetwork = true;
      },
      want: [
        'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
        'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
        'spec.containers[1].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
      ],
    },
    {
      name: 'nodeName, activeDeadlineSeconds, hostname',
      edit: (s) => {
        s.nodeName = 'Node_1';
        s.activeDeadlineSeconds = 0;
        s.hostname = 'a.b';
      },
      want: [
        `spec.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive',
        'spec.hostname: Invalid value: "a.b": must not contain dots',
      ],
    },
    {
      name: 'tolerations',
      edit: (s) =>
        (s.tolerations = [
          { operator: 'Equal', value: 'x' },
          { key: 'k', operator: 'Exists', value: 'v' },
          { key: 'k', tolerationSeconds: 5, effect: 'NoSchedule' },
        ]),
      want: [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        'spec.tolerations[1].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
        'spec.tolerations[2].effect: Invalid value: "NoSchedule": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      ],
    },
    {
      name: 'image whitespace and ephemeral containers on create',
      edit: (s) => {
        s.containers = [{ name: 'c', image: ' busybox' }];
        s.ephemeralContainers = [{ name: 'e', image: 'x' }];
      },
      want: [
        'spec.containers[0].image: Invalid value: " busybox": must not have leading or trailing whitespace',
        'spec.ephemeralContainers: Forbidden: cannot be set on create',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(messages(pod(c.edit)), c.want, c.name);
});

test('pod templates are validated at the template path, labels without metadata', () => {
  const template: JsonRecord = { metadata: { labels: { 'bad key!': 'v' } }, spec: { containers: [] } };
  defaultPodTemplateSpec(template);
  const msgs = validatePodTemplateSpec(template, root('spec', 'template')).map(errorToString);
  assert.equal(msgs.length, 2);
  assert.match(
    msgs[0]!,
    /^spec\.template\.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters/,
  );
  assert.equal(msgs[1], 'spec.template.spec.containers: Required value');
});
