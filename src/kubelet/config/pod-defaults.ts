/**
 * The core/v1 Pod defaulting and create validation a static pod gets, exactly as the API server applies them
 * to a pod it stores. Upstream's kubelet imports the same code from the shared API package (pkg/apis/core);
 * k8ts keeps it beside the pod strategy, and this file is the one seam the kubelet reaches it through
 * (pure functions over plain JSON: no store, no request state).
 */
import type { FieldError } from '../../apimachinery/field-errors.js';
import { defaultPod } from '../../apiserver/registry/core/pod/defaults.js';
import { validatePodCreate } from '../../apiserver/registry/core/pod/validation.js';
import type { KObject } from '../../apiserver/registry/types.js';

/** Fills the defaults of SetDefaults_Pod/PodSpec/Container/Probe/volumes into `pod` (idempotent). */
export function applyApiPodDefaults(pod: Record<string, unknown>): void {
  defaultPod(pod);
}

/** ValidatePodCreate's field errors for `pod` (object metadata apart from annotations is not checked). */
export function validateApiPod(pod: object): FieldError[] {
  return validatePodCreate(pod as KObject);
}
