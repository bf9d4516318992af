/**
 * The labels and annotations the kubelet puts on CRI sandboxes and containers so that it can find a pod's
 * runtime objects again after a restart (pkg/kubelet/types/labels.go, kuberuntime/labels.go). The key
 * names are upstream's, so tools that read them (crictl, cadvisor) keep working.
 */
export const POD_NAME_LABEL = 'io.kubernetes.pod.name';
export const POD_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
export const POD_UID_LABEL = 'io.kubernetes.pod.uid';
export const CONTAINER_NAME_LABEL = 'io.kubernetes.container.name';
export const CONTAINER_HASH_ANNOTATION = 'io.kubernetes.container.hash';
export const CONTAINER_RESTART_COUNT_ANNOTATION = 'io.kubernetes.container.restartCount';
export const TERMINATION_GRACE_ANNOTATION = 'io.kubernetes.pod.terminationGracePeriod';
/** Marks the runtime objects this kubelet manages (kubernetes.io/managed-by style). */
export const KUBELET_MANAGED_LABEL = 'io.kubernetes.k8ts.managed';

/** The identifying labels of a pod's sandbox. */
export function sandboxLabels(pod: { metadata: { name: string; namespace?: string; uid: string; labels?: Record<string, string> } }): Record<string, string> {
  return {
    ...pod.metadata.labels,
    [POD_NAME_LABEL]: pod.metadata.name,
    [POD_NAMESPACE_LABEL]: pod.metadata.namespace ?? '',
    [POD_UID_LABEL]: pod.metadata.uid,
    [KUBELET_MANAGED_LABEL]: 'true',
  };
}

/** The identifying labels of one of a pod's containers. */
export function containerLabels(pod: { metadata: { name: string; namespace?: string; uid: string } }, containerName: string): Record<string, string> {
  return {
    [POD_NAME_LABEL]: pod.metadata.name,
    [POD_NAMESPACE_LABEL]: pod.metadata.namespace ?? '',
    [POD_UID_LABEL]: pod.metadata.uid,
    [CONTAINER_NAME_LABEL]: containerName,
  };
}
