/**
 * core/v1: query options of the pod, node and service subresources (log, exec, attach, portforward, proxy).
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, int64, list, string, struct, type StructType, time } from './dsl.js';
import { TypeMeta } from './meta-v1.js';

export const PodLogOptions: StructType = struct('io.k8s.api.core.v1.PodLogOptions', 'Query options of pods/log.', {
  typeMeta: inline(undefined, TypeMeta),
  container: field(1, string, 'Container to stream logs from; defaults to the only container.'),
  follow: field(2, boolean, 'Keep streaming new log lines.'),
  previous: field(3, boolean, 'Return logs of the previous, terminated instance of the container.'),
  sinceSeconds: field(4, int64, 'Only return logs newer than this many seconds.', { pointer: true }),
  sinceTime: field(5, time, 'Only return logs after this time.', { pointer: true }),
  timestamps: field(6, boolean, 'Prefix every line with an RFC 3339 timestamp.'),
  tailLines: field(7, int64, 'Number of lines from the end of the log to show.', { pointer: true }),
  limitBytes: field(8, int64, 'Maximum number of bytes to return.', { pointer: true }),
  insecureSkipTLSVerifyBackend: field(9, boolean, "Skip verifying the kubelet's serving certificate."),
  stream: field(10, string, 'Which stream to return: Stdout, Stderr or All.', { pointer: true }),
});

export const PodExecOptions: StructType = struct('io.k8s.api.core.v1.PodExecOptions', 'Query options of pods/exec.', {
  typeMeta: inline(undefined, TypeMeta),
  stdin: field(1, boolean, 'Attach standard input.'),
  stdout: field(2, boolean, 'Attach standard output.'),
  stderr: field(3, boolean, 'Attach standard error.'),
  tty: field(4, boolean, 'Allocate a terminal.'),
  container: field(5, string, 'Container to run the command in.'),
  command: field(6, list(string), 'The command and its arguments.', { required: true, listType: 'atomic' }),
});

export const PodAttachOptions: StructType = struct(
  'io.k8s.api.core.v1.PodAttachOptions',
  'Query options of pods/attach.',
  {
    typeMeta: inline(undefined, TypeMeta),
    stdin: field(1, boolean, 'Attach standard input.'),
    stdout: field(2, boolean, 'Attach standard output.'),
    stderr: field(3, boolean, 'Attach standard error.'),
    tty: field(4, boolean, 'The stdin is a terminal.'),
    container: field(5, string, 'Container to attach to.'),
  },
);

export const PodPortForwardOptions: StructType = struct(
  'io.k8s.api.core.v1.PodPortForwardOptions',
  'Query options of pods/portforward.',
  {
    typeMeta: inline(undefined, TypeMeta),
    ports: field(1, list(int32), 'Ports to forward.', { listType: 'atomic' }),
  },
);

export const PodProxyOptions: StructType = struct(
  'io.k8s.api.core.v1.PodProxyOptions',
  'Query options of pods/proxy.',
  {
    typeMeta: inline(undefined, TypeMeta),
    path: field(1, string, 'Path to proxy to on the pod.'),
  },
);

export const NodeProxyOptions: StructType = struct(
  'io.k8s.api.core.v1.NodeProxyOptions',
  'Query options of nodes/proxy.',
  {
    typeMeta: inline(undefined, TypeMeta),
    path: field(1, string, 'Path to proxy to on the node.'),
  },
);

export const ServiceProxyOptions: StructType = struct(
  'io.k8s.api.core.v1.ServiceProxyOptions',
  'Query options of services/proxy.',
  {
    typeMeta: inline(undefined, TypeMeta),
    path: field(1, string, 'Path to proxy to on the service.'),
  },
);
