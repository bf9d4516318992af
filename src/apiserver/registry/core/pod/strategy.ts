/**
 * The pod strategies (upstream's pkg/registry/core/pod/strategy.go): defaulting, the status a new pod starts
 * with (Pending plus its QoS class), create/update validation, the status subresource, graceful deletion and
 * the fields `--field-selector` can use on pods.
 */
import { isDNS1123Label } from '../../../../apimachinery/validation/names.js';
import type { DeleteOptions } from '../../generic/delete-options.js';
import type { FieldsOf, KObject, Strategy } from '../../types.js';
import { defaultPod } from './defaults.js';
import { recordOf, recordsOf, stringOf, type JsonRecord } from './json.js';
import { computePodQOS } from './qos.js';
import { goList } from './validation-common.js';
import { validatePodCreate } from './validation.js';
import { validatePodStatusUpdate, validatePodUpdate } from './validation-update.js';

const specOf = (obj: KObject): JsonRecord => recordOf(obj.spec) ?? {};
const statusOf = (obj: KObject): JsonRecord => recordOf(obj.status) ?? {};

/** The initial status of a pod: Pending, its QoS class, and PodScheduled=False while scheduling gates remain. */
export function initialPodStatus(spec: JsonRecord): JsonRecord {
  const status: JsonRecord = { phase: 'Pending', qosClass: computePodQOS(spec) };
  if (recordsOf(spec.schedulingGates).length > 0) {
    status.conditions = [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ];
  }
  return status;
}

/** Pods through the main resource. */
export const podStrategy: Strategy = {
  defaults: (obj) => defaultPod(obj),
  prepareForCreate(obj) {
    obj.status = initialPodStatus(specOf(obj));
  },
  prepareForUpdate(obj, old) {
    // The status belongs to the kubelet and the scheduler; a spec update never changes it.
    if (old.status === undefined) delete obj.status;
    else obj.status = structuredClone(old.status);
  },
  validate: (obj) => validatePodCreate(obj),
  validateUpdate: (obj, old) => validatePodUpdate(obj, old),
  warnings(obj, old) {
    if (old) return [];
    const msgs = isDNS1123Label(obj.metadata.name ?? '');
    return msgs.length
      ? [
          `metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: ${goList(msgs)}`,
        ]
      : [];
  },
  allowUnconditionalUpdate: true,
};

/** `pods/status`: only the status changes; the QoS class is kept when a client leaves it out. */
export const podStatusStrategy: Strategy = {
  prepareForUpdate(obj, old) {
    obj.spec = structuredClone(old.spec);
    // Old kubelets corrupted owner references through this endpoint, so upstream never takes them from it.
    if (old.metadata.ownerReferences === undefined) delete obj.metadata.ownerReferences;
    else obj.metadata.ownerReferences = structuredClone(old.metadata.ownerReferences);
    const status = recordOf(obj.status);
    const oldQos = statusOf(old).qosClass;
    if (status && !status.qosClass && oldQos) status.qosClass = oldQos;
  },
  validateUpdate: (obj, old) => validatePodStatusUpdate(obj, old),
  allowUnconditionalUpdate: true,
};

/** The pod fields a field selector can test (PodToSelectableFields). */
export const podFields: FieldsOf = (obj) => {
  const spec = specOf(obj);
  const status = statusOf(obj);
  const podIPs = recordsOf(status.podIPs);
  return {
    'spec.nodeName': stringOf(spec.nodeName),
    'spec.restartPolicy': stringOf(spec.restartPolicy),
    'spec.schedulerName': stringOf(spec.schedulerName),
    'spec.serviceAccountName': stringOf(spec.serviceAccountName),
    'spec.hostNetwork': String(spec.hostNetwork === true),
    'status.phase': stringOf(status.phase),
    'status.podIP': podIPs.length ? stringOf(podIPs[0]!.ip) : '',
    'status.nominatedNodeName': stringOf(status.nominatedNodeName),
  };
};

/**
 * The grace period of a pod delete (CheckGracefulDelete): the request's, else the pod's
 * terminationGracePeriodSeconds; 0 for pods never scheduled or already finished; a negative period becomes 1.
 */
export function podGracePeriod(obj: KObject, options: DeleteOptions): number {
  const spec = specOf(obj);
  let period = 0;
  if (typeof options.gracePeriodSeconds === 'number') period = options.gracePeriodSeconds;
  else if (typeof spec.terminationGracePeriodSeconds === 'number') period = spec.terminationGracePeriodSeconds;
  if (!stringOf(spec.nodeName)) period = 0;
  const phase = statusOf(obj).phase;
  if (phase === 'Failed' || phase === 'Succeeded') period = 0;
  if (period < 0) period = 1;
  return period;
}
