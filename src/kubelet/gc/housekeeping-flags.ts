/**
 * The kubelet flags of garbage collection and eviction, with upstream's names and defaults: a `parseArgs`
 * option spec to merge into `k8ts kubelet`'s, its usage text, and the conversion of the parsed values into
 * a {@link HousekeepingConfig}. Every error names its flag.
 */
import type { ContainerGCPolicy } from './container-gc.js';
import type { ImageGCPolicy } from './image-gc.js';
import { validateImageGCPolicy, defaultImageGCPolicy } from './image-gc.js';
import { DEFAULT_EVICTION_HARD, FlagValueError, parseGoDuration, parseThresholdConfig } from '../eviction/thresholds.js';
import type { Threshold } from '../eviction/types.js';

/** Everything GC and eviction are configured with. */
export interface HousekeepingConfig {
  thresholds: Threshold[];
  pressureTransitionPeriodMs: number;
  maxPodGracePeriodSeconds: number;
  imageGC: ImageGCPolicy;
  containerGC: ContainerGCPolicy;
  /** `--node-status-max-images`. */
  nodeStatusMaxImages: number;
}

/** `node:util` parseArgs options of the flags (all strings, parsed by {@link housekeepingConfigFromFlags}). */
export const housekeepingFlagOptions = {
  'eviction-hard': { type: 'string' },
  'eviction-soft': { type: 'string' },
  'eviction-soft-grace-period': { type: 'string' },
  'eviction-minimum-reclaim': { type: 'string' },
  'eviction-pressure-transition-period': { type: 'string' },
  'eviction-max-pod-grace-period': { type: 'string' },
  'image-gc-high-threshold': { type: 'string' },
  'image-gc-low-threshold': { type: 'string' },
  'minimum-image-gc-age': { type: 'string' },
  'image-maximum-gc-age': { type: 'string' },
  'maximum-dead-containers-per-container': { type: 'string' },
  'maximum-dead-containers': { type: 'string' },
  'minimum-container-ttl-duration': { type: 'string' },
  'node-status-max-images': { type: 'string' },
} as const;

export type HousekeepingFlagName = keyof typeof housekeepingFlagOptions;

/** Lines for `k8ts kubelet --help`. */
export const housekeepingUsage = `  --eviction-hard SIGNAL<VALUE,...     hard eviction thresholds; '' disables them
                                       (default ${DEFAULT_EVICTION_HARD})
  --eviction-soft SIGNAL<VALUE,...     soft eviction thresholds (each needs a grace period)
  --eviction-soft-grace-period SIGNAL=DURATION,...
  --eviction-minimum-reclaim SIGNAL=VALUE,...
  --eviction-pressure-transition-period DURATION   (default 5m0s)
  --eviction-max-pod-grace-period SECONDS          grace of pods evicted by a soft threshold (default 0)
  --image-gc-high-threshold PERCENT    image GC starts at this disk usage; 100 disables it (default 85)
  --image-gc-low-threshold PERCENT     image GC frees down to this usage (default 80)
  --minimum-image-gc-age DURATION      (default 2m0s)
  --image-maximum-gc-age DURATION      unused images older than this are removed; 0 disables (default 0s)
  --maximum-dead-containers-per-container N        (default 1)
  --maximum-dead-containers N          -1: no limit (default -1)
  --minimum-container-ttl-duration DURATION        (default 0s)
  --node-status-max-images N           -1: no limit (default 50)
`;

function integer(flag: HousekeepingFlagName, value: string | undefined, def: number, min: number): number {
  if (value === undefined) return def;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || n < min) {
    throw new FlagValueError(flag, value, min === 0 ? 'must be a non-negative integer' : `must be an integer >= ${min}`);
  }
  return n;
}

function duration(flag: HousekeepingFlagName, value: string | undefined, defMs: number): number {
  if (value === undefined) return defMs;
  const ms = parseGoDuration(value);
  if (ms === undefined) throw new FlagValueError(flag, value, `time: invalid duration ${JSON.stringify(value)}`);
  if (ms < 0) throw new FlagValueError(flag, value, 'must not be negative');
  return ms;
}

/** Builds the configuration from parsed flag values (undefined: the flag was not given). */
export function housekeepingConfigFromFlags(values: Partial<Record<HousekeepingFlagName, string | undefined>>): HousekeepingConfig {
  const thresholds = parseThresholdConfig({
    evictionHard: values['eviction-hard'],
    evictionSoft: values['eviction-soft'],
    evictionSoftGracePeriod: values['eviction-soft-grace-period'],
    evictionMinimumReclaim: values['eviction-minimum-reclaim'],
  });
  const imageGC: ImageGCPolicy = {
    highThresholdPercent: integer('image-gc-high-threshold', values['image-gc-high-threshold'], defaultImageGCPolicy.highThresholdPercent, 0),
    lowThresholdPercent: integer('image-gc-low-threshold', values['image-gc-low-threshold'], defaultImageGCPolicy.lowThresholdPercent, 0),
    minAgeMs: duration('minimum-image-gc-age', values['minimum-image-gc-age'], defaultImageGCPolicy.minAgeMs),
    maxAgeMs: duration('image-maximum-gc-age', values['image-maximum-gc-age'], 0),
  };
  // Its messages name the flags (`invalid --image-gc-high-threshold 101, must be in range [0-100]`).
  validateImageGCPolicy(imageGC);
  return {
    thresholds,
    pressureTransitionPeriodMs: duration('eviction-pressure-transition-period', values['eviction-pressure-transition-period'], 5 * 60_000),
    maxPodGracePeriodSeconds: integer('eviction-max-pod-grace-period', values['eviction-max-pod-grace-period'], 0, 0),
    imageGC,
    containerGC: {
      maxPerPodContainer: integer('maximum-dead-containers-per-container', values['maximum-dead-containers-per-container'], 1, -1),
      maxContainers: integer('maximum-dead-containers', values['maximum-dead-containers'], -1, -1),
      minAgeMs: duration('minimum-container-ttl-duration', values['minimum-container-ttl-duration'], 0),
    },
    nodeStatusMaxImages: integer('node-status-max-images', values['node-status-max-images'], 50, -1),
  };
}
