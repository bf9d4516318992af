/**
 * The slices of core/v1 objects the volume plugins read, typed as they arrive as JSON from the API server or an
 * informer (quantities are strings, secret data is base64). Only the fields the plugins use are declared; objects
 * carry more and are treated as read-only.
 */

export type ResourceList = Readonly<Record<string, string>>;

export interface ObjectMeta {
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly deletionTimestamp?: string;
  readonly ownerReferences?: readonly {
    readonly apiVersion?: string;
    readonly kind?: string;
    readonly name?: string;
    readonly uid?: string;
    readonly controller?: boolean;
  }[];
}

export interface KeyToPath {
  readonly key: string;
  readonly path: string;
  readonly mode?: number;
}

export interface ObjectFieldSelector {
  readonly apiVersion?: string;
  readonly fieldPath: string;
}

export interface ResourceFieldSelector {
  readonly containerName?: string;
  readonly resource: string;
  /** A quantity; defaults to "1". */
  readonly divisor?: string;
}

export interface DownwardAPIVolumeFile {
  readonly path: string;
  readonly fieldRef?: ObjectFieldSelector;
  readonly resourceFieldRef?: ResourceFieldSelector;
  readonly mode?: number;
}

export interface ConfigMapVolumeSource {
  readonly name?: string;
  readonly items?: readonly KeyToPath[];
  readonly defaultMode?: number;
  readonly optional?: boolean;
}

export interface SecretVolumeSource {
  readonly secretName?: string;
  readonly items?: readonly KeyToPath[];
  readonly defaultMode?: number;
  readonly optional?: boolean;
}

export interface DownwardAPIVolumeSource {
  readonly items?: readonly DownwardAPIVolumeFile[];
  readonly defaultMode?: number;
}

export interface ServiceAccountTokenProjection {
  readonly audience?: string;
  readonly expirationSeconds?: number;
  readonly path: string;
}

export interface VolumeProjection {
  readonly secret?: { readonly name?: string; readonly items?: readonly KeyToPath[]; readonly optional?: boolean };
  readonly configMap?: { readonly name?: string; readonly items?: readonly KeyToPath[]; readonly optional?: boolean };
  readonly downwardAPI?: { readonly items?: readonly DownwardAPIVolumeFile[] };
  readonly serviceAccountToken?: ServiceAccountTokenProjection;
  readonly clusterTrustBundle?: Readonly<Record<string, unknown>>;
}

export interface ProjectedVolumeSource {
  readonly sources?: readonly VolumeProjection[];
  readonly defaultMode?: number;
}

export type HostPathType =
  '' | 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';

export interface HostPathVolumeSource {
  readonly path: string;
  readonly type?: HostPathType | string;
}

export interface EmptyDirVolumeSource {
  readonly medium?: string;
  /** A quantity. */
  readonly sizeLimit?: string;
}

export interface PersistentVolumeClaimVolumeSource {
  readonly claimName: string;
  readonly readOnly?: boolean;
}

/** A pod volume. Sources this package has no plugin for (nfs, csi, ...) are still accepted and fail to resolve. */
export interface Volume {
  readonly name: string;
  readonly emptyDir?: EmptyDirVolumeSource;
  readonly hostPath?: HostPathVolumeSource;
  readonly configMap?: ConfigMapVolumeSource;
  readonly secret?: SecretVolumeSource;
  readonly downwardAPI?: DownwardAPIVolumeSource;
  readonly projected?: ProjectedVolumeSource;
  readonly persistentVolumeClaim?: PersistentVolumeClaimVolumeSource;
  readonly ephemeral?: Readonly<Record<string, unknown>>;
  readonly [source: string]: unknown;
}

export interface VolumeMount {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
  readonly subPathExpr?: string;
  readonly mountPropagation?: string;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
}

export interface SecurityContext {
  readonly runAsUser?: number;
}

export interface Container {
  readonly name: string;
  readonly env?: readonly EnvVar[];
  readonly volumeMounts?: readonly VolumeMount[];
  readonly resources?: { readonly limits?: ResourceList; readonly requests?: ResourceList };
  readonly securityContext?: SecurityContext;
  /** Set on init containers that run as sidecars ("Always"). */
  readonly restartPolicy?: string;
}

export interface PodSecurityContext {
  readonly runAsUser?: number;
  readonly fsGroup?: number;
  readonly fsGroupChangePolicy?: string;
}

export interface PodSpec {
  readonly volumes?: readonly Volume[];
  readonly containers?: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly ephemeralContainers?: readonly Container[];
  readonly serviceAccountName?: string;
  readonly securityContext?: PodSecurityContext;
  readonly nodeName?: string;
}

export interface Pod {
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
}

export interface ConfigMap {
  readonly metadata?: ObjectMeta;
  readonly data?: Readonly<Record<string, string>>;
  /** Values are base64, as in the API's JSON. */
  readonly binaryData?: Readonly<Record<string, string>>;
}

export interface Secret {
  readonly metadata?: ObjectMeta;
  /** Values are base64, as in the API's JSON. */
  readonly data?: Readonly<Record<string, string>>;
}

export interface PersistentVolumeClaim {
  readonly metadata: ObjectMeta;
  readonly spec?: { readonly volumeName?: string; readonly volumeMode?: string };
  readonly status?: { readonly phase?: string };
}

export interface PersistentVolume {
  readonly metadata: ObjectMeta;
  readonly spec?: {
    readonly hostPath?: HostPathVolumeSource;
    readonly local?: { readonly path: string; readonly fsType?: string };
    readonly claimRef?: { readonly namespace?: string; readonly name?: string; readonly uid?: string };
    readonly mountOptions?: readonly string[];
    readonly volumeMode?: string;
    readonly [source: string]: unknown;
  };
}
