/**
 * The eviction manager's vocabulary (pkg/kubelet/eviction/api/types.go, eviction/types.go): signals,
 * thresholds over them, observations of them, and the resource and node condition each signal maps to.
 */

/** Eviction signals, spelled as in the kubelet flags. */
export const Signal = {
  MemoryAvailable: 'memory.available',
  AllocatableMemoryAvailable: 'allocatableMemory.available',
  NodeFsAvailable: 'nodefs.available',
  NodeFsInodesFree: 'nodefs.inodesFree',
  ImageFsAvailable: 'imagefs.available',
  ImageFsInodesFree: 'imagefs.inodesFree',
  ContainerFsAvailable: 'containerfs.available',
  ContainerFsInodesFree: 'containerfs.inodesFree',
  PIDAvailable: 'pid.available',
} as const;
export type Signal = (typeof Signal)[keyof typeof Signal];

/** The resource a signal measures (`inodes` and `pids` are internal to eviction). */
export type ReclaimResource = 'memory' | 'ephemeral-storage' | 'inodes' | 'pids';

export const signalToResource: Readonly<Record<Signal, ReclaimResource>> = {
  'memory.available': 'memory',
  'allocatableMemory.available': 'memory',
  'nodefs.available': 'ephemeral-storage',
  'nodefs.inodesFree': 'inodes',
  'imagefs.available': 'ephemeral-storage',
  'imagefs.inodesFree': 'inodes',
  'containerfs.available': 'ephemeral-storage',
  'containerfs.inodesFree': 'inodes',
  'pid.available': 'pids',
};

export type PressureCondition = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

export const signalToNodeCondition: Readonly<Record<Signal, PressureCondition>> = {
  'memory.available': 'MemoryPressure',
  'allocatableMemory.available': 'MemoryPressure',
  'nodefs.available': 'DiskPressure',
  'nodefs.inodesFree': 'DiskPressure',
  'imagefs.available': 'DiskPressure',
  'imagefs.inodesFree': 'DiskPressure',
  'containerfs.available': 'DiskPressure',
  'containerfs.inodesFree': 'DiskPressure',
  'pid.available': 'PIDPressure',
};

export function isSignal(s: string): s is Signal {
  return Object.prototype.hasOwnProperty.call(signalToResource, s);
}

/** Signals counted in bytes (formatted BinarySI in messages); the others count inodes or pids (DecimalSI). */
export function isByteSignal(s: Signal): boolean {
  const r = signalToResource[s];
  return r === 'memory' || r === 'ephemeral-storage';
}

/**
 * An absolute quantity or a fraction of capacity. Exactly one is set; `quantity` keeps the flag's text
 * (canonicalized) because eviction messages print it.
 */
export interface ThresholdValue {
  /** Bytes, inodes or pids. */
  quantity?: { value: number; text: string };
  /** 0..1, float32-rounded as upstream stores it. */
  percentage?: number;
}

/** "Evict when `signal` < `value`" (LessThan is the only operator upstream has). */
export interface Threshold {
  signal: Signal;
  operator: 'LessThan';
  value: ThresholdValue;
  /** 0 for a hard threshold; soft thresholds must be met this long before they drive eviction. */
  gracePeriodMs: number;
  /** Once met, the threshold stays met until available exceeds value + minReclaim. */
  minReclaim?: ThresholdValue;
}

/** One observed signal. */
export interface Observation {
  available: number;
  capacity: number;
  /** When the underlying stats were taken (ms since the epoch); undefined: "now". */
  time?: number;
}

export type Observations = ReadonlyMap<Signal, Observation>;
