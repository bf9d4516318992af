/**
 * TypeScript shapes of the CRI v1 container stats messages (ContainerStats, ListContainerStats). Decoded
 * views; see types-common.ts for the conventions.
 */
import type { FilesystemUsage, Int64, StringMap, UInt64Value } from './types-common.js';
import type { ContainerMetadata } from './types-runtime.js';

export interface CpuUsage {
  timestamp: Int64;
  usage_core_nano_seconds: UInt64Value | null;
  usage_nano_cores: UInt64Value | null;
}

export interface MemoryUsage {
  timestamp: Int64;
  working_set_bytes: UInt64Value | null;
  available_bytes: UInt64Value | null;
  usage_bytes: UInt64Value | null;
  rss_bytes: UInt64Value | null;
  page_faults: UInt64Value | null;
  major_page_faults: UInt64Value | null;
}

export interface ContainerStats {
  attributes: { id: string; metadata: ContainerMetadata | null; labels: StringMap; annotations: StringMap } | null;
  cpu: CpuUsage | null;
  memory: MemoryUsage | null;
  writable_layer: FilesystemUsage | null;
}

export interface ContainerStatsResponse {
  stats: ContainerStats | null;
}

export interface ListContainerStatsRequest {
  filter: { id: string; pod_sandbox_id: string; label_selector: StringMap } | null;
}

export interface ListContainerStatsResponse {
  stats: ContainerStats[];
}
