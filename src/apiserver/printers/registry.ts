import type { TablePrinter } from './table.js';
import { createdAtPrinter } from './columns.js';
import { podPrinter } from './core-pods.js';
import { endpointsPrinter, servicePrinter } from './core-services.js';
import { componentStatusPrinter, nodePrinter } from './core-nodes.js';
import {
  configMapPrinter,
  namespacePrinter,
  resourceQuotaPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './core-config.js';
import { podTemplatePrinter, replicationControllerPrinter } from './core-workloads.js';
import { persistentVolumeClaimPrinter, persistentVolumePrinter } from './core-volumes.js';
import { eventPrinter, eventsV1Printer } from './events.js';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './apps.js';
import { cronJobPrinter, jobPrinter } from './batch.js';
import { horizontalPodAutoscalerPrinter, podDisruptionBudgetPrinter } from './autoscaling-policy.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.js';
import {
  endpointSlicePrinter,
  ingressClassPrinter,
  ingressPrinter,
  ipAddressPrinter,
  networkPolicyPrinter,
  serviceCIDRPrinter,
} from './networking.js';
import {
  csiDriverPrinter,
  csiNodePrinter,
  csiStorageCapacityPrinter,
  storageClassPrinter,
  volumeAttachmentPrinter,
  volumeAttributesClassPrinter,
} from './storage.js';
import {
  certificateSigningRequestPrinter,
  flowSchemaPrinter,
  leasePrinter,
  mutatingWebhookConfigurationPrinter,
  priorityClassPrinter,
  priorityLevelConfigurationPrinter,
  runtimeClassPrinter,
  validatingWebhookConfigurationPrinter,
} from './cluster.js';

/**
 * Table printers by `group/resource` (`/pods`, `apps/deployments`): the columns `kubectl get` prints. One printer
 * serves every version of a resource (autoscaling/v1 and v2 horizontalpodautoscalers share one). Kinds upstream
 * leaves without a printer (roles, clusterroles, limitranges) get its NAME / CREATED AT table; kinds missing here
 * fall back to the handler's default printer. Returns a fresh map on each call.
 */
export function builtinPrinters(): Map<string, TablePrinter> {
  const entries: [string, TablePrinter][] = [
    // core
    ['/pods', podPrinter],
    ['/podtemplates', podTemplatePrinter],
    ['/replicationcontrollers', replicationControllerPrinter],
    ['/services', servicePrinter],
    ['/endpoints', endpointsPrinter],
    ['/nodes', nodePrinter],
    ['/namespaces', namespacePrinter],
    ['/events', eventPrinter],
    ['/limitranges', createdAtPrinter],
    ['/resourcequotas', resourceQuotaPrinter],
    ['/secrets', secretPrinter],
    ['/serviceaccounts', serviceAccountPrinter],
    ['/configmaps', configMapPrinter],
    ['/persistentvolumes', persistentVolumePrinter],
    ['/persistentvolumeclaims', persistentVolumeClaimPrinter],
    ['/componentstatuses', componentStatusPrinter],
    // apps
    ['apps/deployments', deploymentPrinter],
    ['apps/replicasets', replicaSetPrinter],
    ['apps/statefulsets', statefulSetPrinter],
    ['apps/daemonsets', daemonSetPrinter],
    ['apps/controllerrevisions', controllerRevisionPrinter],
    // batch, autoscaling, policy
    ['batch/jobs', jobPrinter],
    ['batch/cronjobs', cronJobPrinter],
    ['autoscaling/horizontalpodautoscalers', horizontalPodAutoscalerPrinter],
    ['policy/poddisruptionbudgets', podDisruptionBudgetPrinter],
    // rbac
    ['rbac.authorization.k8s.io/roles', createdAtPrinter],
    ['rbac.authorization.k8s.io/clusterroles', createdAtPrinter],
    ['rbac.authorization.k8s.io/rolebindings', roleBindingPrinter],
    ['rbac.authorization.k8s.io/clusterrolebindings', clusterRoleBindingPrinter],
    // networking, discovery, events
    ['networking.k8s.io/networkpolicies', networkPolicyPrinter],
    ['networking.k8s.io/ingresses', ingressPrinter],
    ['networking.k8s.io/ingressclasses', ingressClassPrinter],
    ['networking.k8s.io/servicecidrs', serviceCIDRPrinter],
    ['networking.k8s.io/ipaddresses', ipAddressPrinter],
    ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
    ['events.k8s.io/events', eventsV1Printer],
    // storage
    ['storage.k8s.io/storageclasses', storageClassPrinter],
    ['storage.k8s.io/volumeattributesclasses', volumeAttributesClassPrinter],
    ['storage.k8s.io/csidrivers', csiDriverPrinter],
    ['storage.k8s.io/csinodes', csiNodePrinter],
    ['storage.k8s.io/csistoragecapacities', csiStorageCapacityPrinter],
    ['storage.k8s.io/volumeattachments', volumeAttachmentPrinter],
    // cluster-wide kinds of other groups
    ['scheduling.k8s.io/priorityclasses', priorityClassPrinter],
    ['coordination.k8s.io/leases', leasePrinter],
    ['node.k8s.io/runtimeclasses', runtimeClassPrinter],
    ['certificates.k8s.io/certificatesigningrequests', certificateSigningRequestPrinter],
    ['admissionregistration.k8s.io/mutatingwebhookconfigurations', mutatingWebhookConfigurationPrinter],
    ['admissionregistration.k8s.io/validatingwebhookconfigurations', validatingWebhookConfigurationPrinter],
    ['flowcontrol.apiserver.k8s.io/flowschemas', flowSchemaPrinter],
    ['flowcontrol.apiserver.k8s.io/prioritylevelconfigurations', priorityLevelConfigurationPrinter],
  ];
  const printers = new Map<string, TablePrinter>();
  for (const [key, printer] of entries) {
    if (printers.has(key)) throw new Error(`table printer for ${key} registered twice`);
    printers.set(key, printer);
  }
  return printers;
}
