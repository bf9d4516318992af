/**
 * Resolving a pod volume to what gets mounted (the kubelet's desired-state populator, createVolumeSpec):
 * inline volumes as they are; claims, and generic ephemeral volumes' claims, to the PersistentVolume they are
 * bound to, checked the way upstream checks them and failing with its messages
 * ("error processing PVC default/data: PVC is not bound").
 */
import { goQuote } from '../../apimachinery/go-format.js';
import { isNotFound } from '../../apimachinery/errors.js';
import { VolumeError } from './errors.js';
import type { VolumeSpec } from './plugin.js';
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from './types.js';

/**
 * Reads claims and volumes; the kubelet backs it with its informers or client. Resolves undefined when the
 * object does not exist (a thrown NotFound StatusError means the same). May be called concurrently.
 */
export interface PersistentVolumeLookup {
  getPersistentVolumeClaim(namespace: string, name: string): Promise<PersistentVolumeClaim | undefined>;
  getPersistentVolume(name: string): Promise<PersistentVolume | undefined>;
}

async function lookup<T>(get: () => Promise<T | undefined>, notFound: string): Promise<T> {
  let obj: T | undefined;
  try {
    obj = await get();
  } catch (err) {
    if (!isNotFound(err)) throw new Error(err instanceof Error ? err.message : String(err));
  }
  if (obj === undefined) throw new Error(notFound);
  return obj;
}

async function claimedVolume(
  pod: Pod,
  claimName: string,
  ephemeral: boolean,
  claims: PersistentVolumeLookup | undefined,
): Promise<PersistentVolume> {
  const ns = pod.metadata.namespace ?? '';
  if (!claims) throw new Error('failed to fetch PVC from API server: no claim lookup is configured');
  let pvc: PersistentVolumeClaim;
  try {
    pvc = await lookup(
      () => claims.getPersistentVolumeClaim(ns, claimName),
      `persistentvolumeclaims ${goQuote(claimName)} not found`,
    );
  } catch (err) {
    throw new Error(`failed to fetch PVC from API server: ${(err as Error).message}`);
  }
  if (ephemeral) {
    const owner = pvc.metadata.ownerReferences?.find((r) => r.controller);
    if (!owner || owner.uid !== pod.metadata.uid) {
      throw new Error(
        `PVC ${ns}/${claimName} was not created for pod ${ns}/${pod.metadata.name ?? ''} (pod is not owner)`,
      );
    }
  }
  if (pvc.metadata.deletionTimestamp) throw new Error('PVC is being deleted');
  if (pvc.status?.phase !== 'Bound') throw new Error('PVC is not bound');
  const pvName = pvc.spec?.volumeName ?? '';
  if (!pvName) throw new Error('PVC has empty pvc.Spec.VolumeName');
  let pv: PersistentVolume;
  try {
    pv = await lookup(() => claims.getPersistentVolume(pvName), `persistentvolumes ${goQuote(pvName)} not found`);
  } catch (err) {
    throw new Error(`failed to fetch PV ${pvName} from API server: ${(err as Error).message}`);
  }
  const claimRef = pv.spec?.claimRef;
  if (!claimRef) {
    throw new Error(
      `found PV object ${pvName} but it has a nil pv.Spec.ClaimRef indicating it is not yet bound to the claim`,
    );
  }
  if ((claimRef.uid ?? '') !== (pvc.metadata.uid ?? '')) {
    throw new Error(
      `found PV object ${pvName} but its pv.Spec.ClaimRef.UID ${claimRef.uid ?? ''} does not point to claim.UID ${pvc.metadata.uid ?? ''}`,
    );
  }
  return pv;
}

/** The VolumeSpec of one pod volume. Claim problems throw a VolumeError with operation "process". */
export async function resolveVolumeSpec(
  pod: Pod,
  volume: Volume,
  claims: PersistentVolumeLookup | undefined,
): Promise<VolumeSpec> {
  const pvcSource = volume.persistentVolumeClaim;
  const ephemeral = !pvcSource && volume.ephemeral !== undefined && volume.ephemeral !== null;
  if (!pvcSource && !ephemeral) return { name: volume.name, podVolumeName: volume.name, volume, readOnly: false };

  // A generic ephemeral volume's claim is named <pod>-<volume> (ephemeral.VolumeClaimName).
  const claimName = pvcSource ? pvcSource.claimName : `${pod.metadata.name ?? ''}-${volume.name}`;
  try {
    const pv = await claimedVolume(pod, claimName, ephemeral, claims);
    return {
      name: pv.metadata.name ?? '',
      podVolumeName: volume.name,
      persistentVolume: pv,
      readOnly: pvcSource?.readOnly === true,
    };
  } catch (err) {
    throw new VolumeError(
      'ClaimNotReady',
      `error processing PVC ${pod.metadata.namespace ?? ''}/${claimName}: ${(err as Error).message}`,
      { cause: err, volumeName: volume.name, operation: 'process' },
    );
  }
}
