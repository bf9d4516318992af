/**
 * Validation of a pod spec's containers (upstream's validateContainers, validateInitContainers,
 * validateContainerCommon and what they call): names, image, ports, env, mounts, pull policy, resources,
 * probes and lifecycle handlers, and host port conflicts. Messages are upstream's.
 */
import {
  duplicate,
  forbidden,
  invalidValue,
  notFoundValue,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import { invalidEach, isValidPortNum, nameIsDNSSubdomain } from '../../../../apimachinery/validation/names.js';
import { isRecord, listOf, recordOf, recordsOf, stringOf, type JsonRecord } from './json.js';
import {
  isRelaxedEnvVarName,
  isValidID,
  isValidPortName,
  validateDNS1123Label,
  validateNonnegativeField,
  validatePortNumOrName,
} from './validation-common.js';
import { validateKeySelector, validateLocalDescendingPath } from './validation-volumes.js';
import { validateResourceRequirements } from './validation-resources.js';
import { validateEnvFieldRef, validateResourceFieldRef } from './validation-downward-api.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function validatePorts(ports: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  recordsOf(ports).forEach((port, i) => {
    const p = path.index(i);
    const name = stringOf(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) errs.push(...invalidEach(p.child('name'), name, msgs));
      else if (names.has(name)) errs.push(duplicate(p.child('name'), name));
      else names.add(name);
    }
    const containerPort = typeof port.containerPort === 'number' ? port.containerPort : 0;
    if (!containerPort) errs.push(required(p.child('containerPort'), ''));
    else errs.push(...invalidEach(p.child('containerPort'), containerPort, isValidPortNum(containerPort)));
    if (typeof port.hostPort === 'number' && port.hostPort !== 0) {
      errs.push(...invalidEach(p.child('hostPort'), port.hostPort, isValidPortNum(port.hostPort)));
    }
    const protocol = stringOf(port.protocol);
    if (!protocol) errs.push(required(p.child('protocol'), ''));
    else if (!PROTOCOLS.includes(protocol)) errs.push(notSupported(p.child('protocol'), protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnvValueFrom(env: JsonRecord, path: FieldPath): FieldError[] {
  const from = recordOf(env.valueFrom);
  if (!from) return [];
  const errs: FieldError[] = [];
  let n = 0;
  const fieldRef = recordOf(from.fieldRef);
  if (fieldRef) {
    n++;
    errs.push(...validateEnvFieldRef(fieldRef, path.child('fieldRef')));
  }
  const resourceFieldRef = recordOf(from.resourceFieldRef);
  if (resourceFieldRef) {
    n++;
    errs.push(...validateResourceFieldRef(resourceFieldRef, path.child('resourceFieldRef'), false));
  }
  for (const key of ['configMapKeyRef', 'secretKeyRef']) {
    const sel = recordOf(from[key]);
    if (!sel) continue;
    n++;
    errs.push(...validateKeySelector(sel, path.child(key), (name) => nameIsDNSSubdomain(name, false)));
  }
  if (n === 0)
    errs.push(
      invalidValue(
        path,
        '',
        'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ),
    );
  else if (stringOf(env.value)) errs.push(invalidValue(path, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

function validateEnv(env: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  recordsOf(env).forEach((e, i) => {
    const p = path.index(i);
    const name = stringOf(e.name);
    if (!name) errs.push(required(p.child('name'), ''));
    else errs.push(...invalidEach(p.child('name'), name, isRelaxedEnvVarName(name)));
    errs.push(...validateEnvValueFrom(e, p.child('valueFrom')));
  });
  return errs;
}

function validateEnvFrom(envFrom: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  recordsOf(envFrom).forEach((e, i) => {
    const p = path.index(i);
    const prefix = stringOf(e.prefix);
    if (prefix) errs.push(...invalidEach(p.child('prefix'), prefix, isRelaxedEnvVarName(prefix)));
    let n = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const ref = recordOf(e[key]);
      if (!ref) continue;
      n++;
      const name = stringOf(ref.name);
      if (!name) errs.push(required(p.child(key, 'name'), ''));
      else errs.push(...invalidEach(p.child(key, 'name'), name, nameIsDNSSubdomain(name, true)));
    }
    if (n === 0) errs.push(invalidValue(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(
  mounts: unknown,
  volumes: ReadonlyMap<string, JsonRecord>,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  recordsOf(mounts).forEach((m, i) => {
    const p = path.index(i);
    const name = stringOf(m.name);
    const mountPath = stringOf(m.mountPath);
    if (!name) errs.push(required(p.child('name'), ''));
    if (!volumes.has(name)) errs.push(notFoundValue(p.child('name'), name));
    if (!mountPath) errs.push(required(p.child('mountPath'), ''));
    if (mountPoints.has(mountPath)) errs.push(invalidValue(p.child('mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    const subPath = stringOf(m.subPath);
    const subPathExpr = stringOf(m.subPathExpr);
    // Upstream reports sub-path problems at the list's path, not the item's.
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr) {
      if (subPath)
        errs.push(invalidValue(p.child('subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    if (typeof m.mountPropagation === 'string') {
      const modes = ['Bidirectional', 'HostToContainer', 'None'];
      if (!modes.includes(m.mountPropagation))
        errs.push(notSupported(path.child('mountPropagation'), m.mountPropagation, modes));
    }
  });
  return errs;
}

/** One handler of a probe or lifecycle hook: exactly one action, each checked (validateHandler). */
function validateHandler(
  handler: JsonRecord,
  gracePeriod: number | undefined,
  path: FieldPath,
  actions: readonly string[],
): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const action of actions) {
    const a = recordOf(handler[action]);
    if (!a) continue;
    if (n > 0) {
      errs.push(forbidden(path.child(action), 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const ap = path.child(action);
    switch (action) {
      case 'exec':
        if (listOf(a.command).length === 0) errs.push(required(ap.child('command'), ''));
        break;
      case 'httpGet': {
        if (!stringOf(a.path)) errs.push(required(ap.child('path'), ''));
        errs.push(...validatePortNumOrName(a.port, ap.child('port')));
        const scheme = stringOf(a.scheme);
        if (scheme !== 'HTTP' && scheme !== 'HTTPS')
          errs.push(notSupported(ap.child('scheme'), scheme, ['HTTP', 'HTTPS']));
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(a.port, ap.child('port')));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(typeof a.port === 'number' ? a.port : 0, ap.child('port')));
        break;
      case 'sleep': {
        const seconds = typeof a.seconds === 'number' ? a.seconds : 0;
        if (gracePeriod !== undefined && (seconds < 0 || seconds > gracePeriod)) {
          errs.push(
            invalidValue(
              ap,
              seconds,
              `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
            ),
          );
        }
        break;
      }
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const PROBE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(
  probe: JsonRecord,
  gracePeriod: number | undefined,
  path: FieldPath,
  kind: 'liveness' | 'readiness' | 'startup',
): FieldError[] {
  const errs = validateHandler(probe, gracePeriod, path, PROBE_ACTIONS);
  for (const key of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errs.push(...validateNonnegativeField(probe[key], path.child(key)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0)
    errs.push(invalidValue(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  if (kind !== 'readiness' && probe.successThreshold !== 1) {
    errs.push(invalidValue(path.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  }
  if (kind === 'readiness' && tgps !== undefined && tgps !== null) {
    errs.push(invalidValue(path.child('terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  }
  return errs;
}

/** Lifecycle hooks and probes, allowed on regular containers and restartable init containers. */
function validateProbesAndLifecycle(c: JsonRecord, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const lifecycle = recordOf(c.lifecycle);
  if (lifecycle) {
    for (const hook of ['postStart', 'preStop']) {
      const h = recordOf(lifecycle[hook]);
      if (h) errs.push(...validateHandler(h, gracePeriod, path.child('lifecycle', hook), LIFECYCLE_ACTIONS));
    }
  }
  for (const kind of ['liveness', 'readiness', 'startup'] as const) {
    const probe = recordOf(c[`${kind}Probe`]);
    if (probe) errs.push(...validateProbe(probe, gracePeriod, path.child(`${kind}Probe`), kind));
  }
  return errs;
}

function validateSecurityContext(sc: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!isRecord(sc)) return errs;
  for (const key of ['runAsUser', 'runAsGroup']) {
    if (typeof sc[key] === 'number') errs.push(...invalidEach(path.child(key), sc[key], isValidID(sc[key] as number)));
  }
  if (sc.privileged === true && sc.allowPrivilegeEscalation === false) {
    errs.push(invalidValue(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
  }
  return errs;
}

/** What every kind of container must satisfy (validateContainerCommon). */
function validateContainerCommon(
  c: JsonRecord,
  volumes: ReadonlyMap<string, JsonRecord>,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = stringOf(c.name);
  if (!name) errs.push(required(path.child('name'), ''));
  else errs.push(...validateDNS1123Label(name, path.child('name')));
  if (!stringOf(c.image)) errs.push(required(path.child('image'), ''));
  const tmp = stringOf(c.terminationMessagePolicy);
  if (!tmp) errs.push(required(path.child('terminationMessagePolicy'), ''));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(tmp))
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  errs.push(
    ...validatePorts(c.ports, path.child('ports')),
    ...validateEnv(c.env, path.child('env')),
    ...validateEnvFrom(c.envFrom, path.child('envFrom')),
    ...validateVolumeMounts(c.volumeMounts, volumes, path.child('volumeMounts')),
  );
  const pull = stringOf(c.imagePullPolicy);
  if (!pull) errs.push(required(path.child('imagePullPolicy'), ''));
  else if (!PULL_POLICIES.includes(pull)) errs.push(notSupported(path.child('imagePullPolicy'), pull, PULL_POLICIES));
  errs.push(
    ...validateResourceRequirements(c.resources, path.child('resources')),
    ...validateSecurityContext(c.securityContext, path.child('securityContext')),
  );
  return errs;
}

/** Host ports must not collide among `containers` (checkHostPortConflicts). */
function checkHostPortConflicts(containers: readonly { c: JsonRecord; i: number }[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const { c, i } of containers) {
    recordsOf(c.ports).forEach((port, pi) => {
      const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
      if (!hostPort) return;
      const key = `${stringOf(port.protocol)}/${stringOf(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(i).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  }
  return errs;
}

/** The regular containers of a pod spec: at least one, unique names, probes and lifecycle allowed. */
export function validateContainers(
  containers: unknown,
  volumes: ReadonlyMap<string, JsonRecord>,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  const list = recordsOf(containers);
  if (list.length === 0) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const name = stringOf(c.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else names.add(name);
    errs.push(...validateProbesAndLifecycle(c, gracePeriod, p));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null)
      errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(
    ...checkHostPortConflicts(
      list.map((c, i) => ({ c, i })),
      path,
    ),
  );
  return errs;
}

/** Init containers: names unique across init and regular containers; probes only for restartable (sidecar) ones. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: ReadonlyMap<string, JsonRecord>,
  gracePeriod: number | undefined,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(recordsOf(containers).map((c) => stringOf(c.name)));
  recordsOf(initContainers).forEach((c, i) => {
    const p = path.index(i);
    errs.push(...validateContainerCommon(c, volumes, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy === 'Always') restartAlways = true;
      else errs.push(notSupported(p.child('restartPolicy'), c.restartPolicy, ['Always']));
    }
    const name = stringOf(c.name);
    if (names.has(name)) errs.push(duplicate(p.child('name'), name));
    else if (name) names.add(name);
    // Init containers run one by one, so their host ports only have to be unique within each container.
    errs.push(...checkHostPortConflicts([{ c, i }], path));
    if (restartAlways) {
      errs.push(...validateProbesAndLifecycle(c, gracePeriod, p));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[key] !== undefined && c[key] !== null)
          errs.push(forbidden(p.child(key), 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errs;
}
