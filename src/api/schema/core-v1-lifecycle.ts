/**
 * core/v1: probes, lifecycle hooks and container security contexts.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import { boolean, field, inline, int32, int64, intOrString, list, string, struct, type StructType } from './dsl.js';

/** Signals a container may be stopped with (Lifecycle.stopSignal, ContainerStatus.stopSignal). */
export const STOP_SIGNALS = [
  'SIGABRT',
  'SIGALRM',
  'SIGBUS',
  'SIGCHLD',
  'SIGCLD',
  'SIGCONT',
  'SIGFPE',
  'SIGHUP',
  'SIGILL',
  'SIGINT',
  'SIGIO',
  'SIGIOT',
  'SIGKILL',
  'SIGPIPE',
  'SIGPOLL',
  'SIGPROF',
  'SIGPWR',
  'SIGQUIT',
  'SIGRTMAX',
  'SIGRTMAX-1',
  'SIGRTMAX-10',
  'SIGRTMAX-11',
  'SIGRTMAX-12',
  'SIGRTMAX-13',
  'SIGRTMAX-14',
  'SIGRTMAX-2',
  'SIGRTMAX-3',
  'SIGRTMAX-4',
  'SIGRTMAX-5',
  'SIGRTMAX-6',
  'SIGRTMAX-7',
  'SIGRTMAX-8',
  'SIGRTMAX-9',
  'SIGRTMIN',
  'SIGRTMIN+1',
  'SIGRTMIN+10',
  'SIGRTMIN+11',
  'SIGRTMIN+12',
  'SIGRTMIN+13',
  'SIGRTMIN+14',
  'SIGRTMIN+15',
  'SIGRTMIN+2',
  'SIGRTMIN+3',
  'SIGRTMIN+4',
  'SIGRTMIN+5',
  'SIGRTMIN+6',
  'SIGRTMIN+7',
  'SIGRTMIN+8',
  'SIGRTMIN+9',
  'SIGSEGV',
  'SIGSTKFLT',
  'SIGSTOP',
  'SIGSYS',
  'SIGTERM',
  'SIGTRAP',
  'SIGTSTP',
  'SIGTTIN',
  'SIGTTOU',
  'SIGURG',
  'SIGUSR1',
  'SIGUSR2',
  'SIGVTALRM',
  'SIGWINCH',
  'SIGXCPU',
  'SIGXFSZ',
];

export const Probe: StructType = struct('io.k8s.api.core.v1.Probe', 'A health check run against a container.', {
  probeHandler: inline(1, () => ProbeHandler),
  initialDelaySeconds: field(2, int32, 'Seconds after start before probes begin.'),
  timeoutSeconds: field(3, int32, 'Seconds after which a probe attempt times out.'),
  periodSeconds: field(4, int32, 'Seconds between probe attempts.'),
  successThreshold: field(5, int32, 'Consecutive successes needed after a failure.'),
  failureThreshold: field(6, int32, 'Consecutive failures needed to count as failed.'),
  terminationGracePeriodSeconds: field(7, int64, 'Grace period used when a failed probe kills the container.', {
    pointer: true,
  }),
});

export const ProbeHandler: StructType = struct(
  'io.k8s.api.core.v1.ProbeHandler',
  'The action a probe runs; exactly one is set.',
  {
    exec: field(1, () => ExecAction, 'Run a command in the container.', { pointer: true }),
    httpGet: field(2, () => HTTPGetAction, 'Send an HTTP GET request.', { pointer: true }),
    tcpSocket: field(3, () => TCPSocketAction, 'Open a TCP connection.', { pointer: true }),
    grpc: field(4, () => GRPCAction, 'Call the gRPC health checking protocol.', { pointer: true }),
  },
);

export const ExecAction: StructType = struct('io.k8s.api.core.v1.ExecAction', 'Runs a command in the container.', {
  command: field(1, list(string), 'Command and arguments, run without a shell; exit status 0 is success.', {
    listType: 'atomic',
  }),
});

export const HTTPGetAction: StructType = struct('io.k8s.api.core.v1.HTTPGetAction', 'Sends an HTTP GET request.', {
  path: field(1, string, 'Path to request.'),
  port: field(2, intOrString, 'Port number or name to connect to.', { required: true }),
  host: field(3, string, 'Host to connect to; defaults to the pod IP.'),
  scheme: field(4, string, 'HTTP or HTTPS.', { enum: ['HTTP', 'HTTPS'] }),
  httpHeaders: field(
    5,
    list(() => HTTPHeader),
    'Custom headers to send.',
    { listType: 'atomic' },
  ),
});

export const HTTPHeader: StructType = struct('io.k8s.api.core.v1.HTTPHeader', 'A custom HTTP header.', {
  name: field(1, string, 'Header name.', { required: true }),
  value: field(2, string, 'Header value.', { required: true }),
});

export const TCPSocketAction: StructType = struct('io.k8s.api.core.v1.TCPSocketAction', 'Opens a TCP connection.', {
  port: field(1, intOrString, 'Port number or name to connect to.', { required: true }),
  host: field(2, string, 'Host to connect to; defaults to the pod IP.'),
});

export const GRPCAction: StructType = struct(
  'io.k8s.api.core.v1.GRPCAction',
  'Calls the gRPC health checking service.',
  {
    port: field(1, int32, 'Port number of the gRPC service.', { required: true }),
    service: field(2, string, 'Service name sent in the health check request.', {
      pointer: true,
      omitempty: false,
      default: '',
    }),
  },
);

export const Lifecycle: StructType = struct(
  'io.k8s.api.core.v1.Lifecycle',
  'Actions run at container lifecycle events.',
  {
    postStart: field(1, () => LifecycleHandler, 'Run right after the container is created.', { pointer: true }),
    preStop: field(2, () => LifecycleHandler, 'Run before the container is terminated.', { pointer: true }),
    stopSignal: field(3, string, 'Signal sent to stop the container.', {
      pointer: true,
      enum: STOP_SIGNALS,
    }),
  },
);

export const LifecycleHandler: StructType = struct(
  'io.k8s.api.core.v1.LifecycleHandler',
  'An action run at a lifecycle event; exactly one is set.',
  {
    exec: field(1, () => ExecAction, 'Run a command in the container.', { pointer: true }),
    httpGet: field(2, () => HTTPGetAction, 'Send an HTTP GET request.', { pointer: true }),
    tcpSocket: field(3, () => TCPSocketAction, 'Deprecated; accepted for compatibility only.', { pointer: true }),
    sleep: field(4, () => SleepAction, 'Sleep for a while.', { pointer: true }),
  },
);

export const SleepAction: StructType = struct('io.k8s.api.core.v1.SleepAction', 'Sleeps for a while.', {
  seconds: field(1, int64, 'Number of seconds to sleep.', { required: true }),
});

export const SecurityContext: StructType = struct(
  'io.k8s.api.core.v1.SecurityContext',
  "Security options of a container; override the pod's.",
  {
    capabilities: field(1, () => Capabilities, 'Linux capabilities to add or drop.', { pointer: true }),
    privileged: field(2, boolean, 'Run as privileged, like root on the host.', { pointer: true }),
    seLinuxOptions: field(3, () => SELinuxOptions, 'SELinux context of the container.', { pointer: true }),
    windowsOptions: field(10, () => WindowsSecurityContextOptions, 'Windows-specific settings.', { pointer: true }),
    runAsUser: field(4, int64, 'UID the container process runs as.', { pointer: true }),
    runAsGroup: field(8, int64, 'GID the container process runs as.', { pointer: true }),
    runAsNonRoot: field(5, boolean, 'Refuse to start when the user would be root.', { pointer: true }),
    readOnlyRootFilesystem: field(6, boolean, 'Mount the root filesystem read-only.', { pointer: true }),
    allowPrivilegeEscalation: field(7, boolean, 'Whether a process may gain more privileges than its parent.', {
      pointer: true,
    }),
    procMount: field(9, string, 'Default or Unmasked /proc mount.', { pointer: true, enum: ['Default', 'Unmasked'] }),
    seccompProfile: field(11, () => SeccompProfile, 'Seccomp profile of the container.', { pointer: true }),
    appArmorProfile: field(12, () => AppArmorProfile, 'AppArmor profile of the container.', { pointer: true }),
  },
);

export const Capabilities: StructType = struct(
  'io.k8s.api.core.v1.Capabilities',
  'Linux capabilities to add and drop.',
  {
    add: field(1, list(string), 'Capabilities to add.', { listType: 'atomic' }),
    drop: field(2, list(string), 'Capabilities to drop.', { listType: 'atomic' }),
  },
);

export const SELinuxOptions: StructType = struct('io.k8s.api.core.v1.SELinuxOptions', 'An SELinux label.', {
  user: field(1, string, 'SELinux user.'),
  role: field(2, string, 'SELinux role.'),
  type: field(3, string, 'SELinux type.'),
  level: field(4, string, 'SELinux level.'),
});

export const WindowsSecurityContextOptions: StructType = struct(
  'io.k8s.api.core.v1.WindowsSecurityContextOptions',
  'Windows-specific security settings.',
  {
    gmsaCredentialSpecName: field(1, string, 'Name of the GMSA credential spec to use.', { pointer: true }),
    gmsaCredentialSpec: field(2, string, 'Inline GMSA credential spec.', { pointer: true }),
    runAsUserName: field(3, string, 'Windows user name to run as.', { pointer: true }),
    hostProcess: field(4, boolean, 'Run as a host process container.', { pointer: true }),
  },
);

export const SeccompProfile: StructType = struct('io.k8s.api.core.v1.SeccompProfile', 'A seccomp profile.', {
  type: field(1, string, 'RuntimeDefault, Unconfined or Localhost.', {
    required: true,
    enum: ['Localhost', 'RuntimeDefault', 'Unconfined'],
  }),
  localhostProfile: field(2, string, 'Path of a profile on the node, for type Localhost.', { pointer: true }),
});

export const AppArmorProfile: StructType = struct('io.k8s.api.core.v1.AppArmorProfile', 'An AppArmor profile.', {
  type: field(1, string, 'RuntimeDefault, Unconfined or Localhost.', {
    required: true,
    enum: ['Localhost', 'RuntimeDefault', 'Unconfined'],
  }),
  localhostProfile: field(2, string, 'Name of a profile loaded on the node, for type Localhost.', { pointer: true }),
});
