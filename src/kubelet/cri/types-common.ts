/**
 * TypeScript shapes of the CRI v1 messages shared by both services (see runtime-v1.proto for the wire).
 *
 * Field names stay exactly as on the wire (snake_case), because the client loads the proto with `keepCase`.
 * Every interface is the *decoded* view: the client loads with `defaults: true`, so scalars, lists and maps are
 * always present (zero values when the runtime left them out) and an unset sub-message is `null`.
 * Requests are typed with {@link CriInput}, which makes everything optional.
 */

/**
 * A protobuf int64/uint64. Decoded values are always decimal strings (`longs: String` keeps nanosecond
 * timestamps exact); requests may pass numbers or strings. Read with {@link int64ToNumber} or `BigInt`.
 */
export type Int64 = string | number;

/** The request view of a message: every field optional and nullable, recursively (proto3 has no required). */
export type CriInput<T> = T extends Buffer
  ? T
  : T extends readonly (infer U)[]
    ? CriInput<U>[]
    : T extends object
      ? { [K in keyof T]?: CriInput<T[K]> | null }
      : T;

/** A `map<string, string>` field. */
export type StringMap = Record<string, string>;

export interface Int64Value {
  value: Int64;
}

export interface UInt64Value {
  value: Int64;
}

/** An environment variable. */
export interface KeyValue {
  key: string;
  value: string;
}

/** An image reference: a name (`docker.io/library/busybox:latest`), a digest reference or an image id. */
export interface ImageSpec {
  image: string;
  annotations: StringMap;
  user_specified_image: string;
  runtime_handler: string;
}

/** Namespace sharing of a sandbox or container; `NODE` is the host's (hostNetwork, hostPID, hostIPC). */
export type NamespaceMode = 'POD' | 'CONTAINER' | 'NODE' | 'TARGET';

export interface NamespaceOption {
  network: NamespaceMode;
  pid: NamespaceMode;
  ipc: NamespaceMode;
  target_id: string;
}

/** cgroup settings of a container (or a pod's overhead); zero means "not set". */
export interface LinuxContainerResources {
  cpu_period: Int64;
  cpu_quota: Int64;
  cpu_shares: Int64;
  memory_limit_in_bytes: Int64;
  oom_score_adj: Int64;
  cpuset_cpus: string;
  cpuset_mems: string;
  unified: StringMap;
  memory_swap_limit_in_bytes: Int64;
}

export interface FilesystemIdentifier {
  mountpoint: string;
}

export interface FilesystemUsage {
  timestamp: Int64;
  fs_id: FilesystemIdentifier | null;
  used_bytes: UInt64Value | null;
  inodes_used: UInt64Value | null;
}

/** Reads an int64 field as a JS number; exact up to 2^53 (byte counts and seconds, not nanosecond sums). */
export function int64ToNumber(v: Int64 | null | undefined): number {
  if (v === null || v === undefined || v === '') return 0;
  return typeof v === 'number' ? v : Number(v);
}

/** Turns a CRI timestamp (nanoseconds since the epoch, as decoded) into a Date with millisecond precision. */
export function nanosToDate(v: Int64): Date {
  return new Date(Number(BigInt(v) / 1_000_000n));
}
