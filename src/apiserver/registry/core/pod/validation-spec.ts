/**
 * Validation of a PodSpec wherever it appears (upstream's ValidatePodSpec): volumes, containers, policies,
 * scheduling fields, DNS settings and tolerations. The spec is expected to be defaulted already, as upstream
 * validates after defaulting. Messages are upstream's.
 */
import {
  duplicate,
  forbidden,
  invalidValue,
  notSupported,
  required,
  type FieldError,
  type FieldPath,
} from '../../../../apimachinery/field-errors.js';
import {
  inclusiveRangeError,
  invalidEach,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSSubdomain,
  validateLabelName,
  validateLabels,
} from '../../../../apimachinery/validation/names.js';
import { isRecord, listOf, recordOf, recordsOf, stringMapOf, stringOf, type JsonRecord } from './json.js';
import { isValidID, validateDNS1123Label, validateDNS1123Subdomain } from './validation-common.js';
import { validateVolumes } from './validation-volumes.js';
import { validateContainers, validateInitContainers } from './validation-containers.js';

/** How a PodSpec is validated: as part of a real pod, or of a template embedded in another object. */
export interface PodSpecValidationOptions {
  /** The spec belongs to a Pod (stricter host-network port rules apply). */
  resourceIsPod?: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const MAX_INT32 = 2147483647;

function validateEnum(value: unknown, valid: readonly string[], path: FieldPath): FieldError[] {
  const v = stringOf(value);
  if (!v) return [required(path, '')];
  return valid.includes(v) ? [] : [notSupported(path, v, valid)];
}

/** Tolerations of a pod or template (ValidateTolerations). */
export function validateTolerations(tolerations: unknown, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  recordsOf(tolerations).forEach((t, i) => {
    const p = path.index(i);
    const key = stringOf(t.key);
    const operator = stringOf(t.operator);
    const value = stringOf(t.value);
    const effect = stringOf(t.effect);
    if (key) errs.push(...validateLabelName(key, p.child('key')));
    if (!key && operator !== 'Exists') {
      errs.push(
        invalidValue(
          p.child('operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalidValue(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalidValue(p.child('operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalidValue(p.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(p.child('operator'), operator, ['Equal', 'Exists']));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) errs.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateDNSConfig(config: unknown, dnsPolicy: string, path: FieldPath): FieldError[] {
  const dns = recordOf(config);
  if (dnsPolicy === 'None') {
    if (!dns) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (listOf(dns.nameservers).length === 0) {
      return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!dns) return [];
  const errs: FieldError[] = [];
  const nameservers = listOf(dns.nameservers);
  if (nameservers.length > 3)
    errs.push(invalidValue(path.child('nameservers'), nameservers, 'must not have more than 3 nameservers'));
  const searches = listOf(dns.searches).map(stringOf);
  if (searches.length > 32)
    errs.push(invalidValue(path.child('searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalidValue(
        path.child('searches'),
        searches,
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  recordsOf(dns.options).forEach((o, i) => {
    if (!stringOf(o.name)) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validatePodSecurityContext(sc: unknown, spec: JsonRecord, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!isRecord(sc)) return errs;
  for (const key of ['fsGroup', 'runAsUser', 'runAsGroup']) {
    if (typeof sc[key] === 'number') errs.push(...invalidEach(path.child(key), sc[key], isValidID(sc[key] as number)));
  }
  listOf(sc.supplementalGroups).forEach((g, i) => {
    if (typeof g === 'number') errs.push(...invalidEach(path.child('supplementalGroups').index(i), g, isValidID(g)));
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(
      invalidValue(
        path.child('shareProcessNamespace'),
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  }
  return errs;
}

function validateHostNetworkPorts(spec: JsonRecord, path: FieldPath, opts: PodSpecValidationOptions): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  recordsOf(spec.containers).forEach((c, i) => {
    recordsOf(c.ports).forEach((port, j) => {
      const hp = typeof port.hostPort === 'number' ? port.hostPort : 0;
      const cp = typeof port.containerPort === 'number' ? port.containerPort : 0;
      // Templates may leave hostPort unset: it is defaulted when the pod itself is created.
      if ((opts.resourceIsPod || hp !== 0) && hp !== cp) {
        errs.push(
          invalidValue(
            path.child('containers').index(i).child('ports').index(j).child('hostPort'),
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
      }
    });
  });
  return errs;
}

function validateNameField(spec: JsonRecord, key: string, path: FieldPath): FieldError[] {
  const v = stringOf(spec[key]);
  return v ? invalidEach(path.child(key), v, nameIsDNSSubdomain(v, false)) : [];
}

/** A PodSpec (ValidatePodSpec). */
export function validatePodSpec(spec: JsonRecord, path: FieldPath, opts: PodSpecValidationOptions = {}): FieldError[] {
  const errs: FieldError[] = [];
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  if (grace === undefined) errs.push(required(path.child('terminationGracePeriodSeconds'), ''));
  const volumes = validateVolumes(spec.volumes, path.child('volumes'));
  errs.push(
    ...volumes.errs,
    ...validateContainers(spec.containers, volumes.byName, grace, path.child('containers')),
    ...validateInitContainers(
      spec.initContainers,
      spec.containers,
      volumes.byName,
      grace,
      path.child('initContainers'),
    ),
    ...validateHostNetworkPorts(spec, path, opts),
    ...validateEnum(spec.restartPolicy, RESTART_POLICIES, path.child('restartPolicy')),
    ...validateEnum(spec.dnsPolicy, DNS_POLICIES, path.child('dnsPolicy')),
    ...validateLabels(stringMapOf(spec.nodeSelector), path.child('nodeSelector')),
    ...validatePodSecurityContext(spec.securityContext, spec, path.child('securityContext')),
  );
  recordsOf(spec.imagePullSecrets).forEach((s, i) => {
    if (Object.keys(s).some((k) => k !== 'name'))
      errs.push(invalidValue(path.child('imagePullSecrets').index(i), s, 'only name may be set'));
  });
  errs.push(...validateDNSConfig(spec.dnsConfig, stringOf(spec.dnsPolicy), path.child('dnsConfig')));
  recordsOf(spec.readinessGates).forEach((g, i) => {
    const t = stringOf(g.conditionType);
    errs.push(...invalidEach(path.child('readinessGates').index(i).child('conditionType'), t, isQualifiedName(t)));
  });
  const gates = new Set<string>();
  recordsOf(spec.schedulingGates).forEach((g, i) => {
    const name = stringOf(g.name);
    errs.push(...invalidEach(path.child('schedulingGates').index(i), name, isQualifiedName(name)));
    if (gates.has(name)) errs.push(duplicate(path.child('schedulingGates').index(i), name));
    gates.add(name);
  });
  errs.push(...validateNameField(spec, 'serviceAccountName', path), ...validateNameField(spec, 'nodeName', path));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalidValue(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const key of ['hostname', 'subdomain']) {
    const v = stringOf(spec[key]);
    if (v) errs.push(...validateDNS1123Label(v, path.child(key)));
  }
  errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  recordsOf(spec.hostAliases).forEach((a, i) => {
    listOf(a.hostnames).forEach((h, j) =>
      errs.push(
        ...validateDNS1123Subdomain(stringOf(h), path.child('hostAliases').index(i).child('hostnames').index(j)),
      ),
    );
  });
  errs.push(...validateNameField(spec, 'priorityClassName', path));
  if (typeof spec.runtimeClassName === 'string')
    errs.push(
      ...invalidEach(
        path.child('runtimeClassName'),
        spec.runtimeClassName,
        nameIsDNSSubdomain(spec.runtimeClassName, false),
      ),
    );
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    errs.push(...validateEnum(spec.preemptionPolicy, PREEMPTION_POLICIES, path.child('preemptionPolicy')));
  }
  const os = recordOf(spec.os);
  if (os) {
    const name = stringOf(os.name);
    if (!name) errs.push(required(path.child('os', 'name'), ''));
    else if (name !== 'linux' && name !== 'windows')
      errs.push(notSupported(path.child('os'), name, ['linux', 'windows']));
  }
  return errs;
}

/** Ephemeral containers are added through their own subresource only. */
export function forbidEphemeralContainers(spec: JsonRecord, path: FieldPath, detail: string): FieldError[] {
  return listOf(spec.ephemeralContainers).length > 0 ? [forbidden(path.child('ephemeralContainers'), detail)] : [];
}
