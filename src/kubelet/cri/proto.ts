/**
 * Finds and loads k8ts' CRI v1 proto (runtime-v1.proto) with the loader options every CRI user here relies
 * on: snake_case field names as on the wire, int64 as decimal strings, enums as their names, and defaults
 * filled in on decode.
 */
import { existsSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as protoLoader from '@grpc/proto-loader';
import type { MethodDefinition } from '@grpc/proto-loader';

/** The file name of our CRI proto. */
export const CRI_PROTO_FILE = 'runtime-v1.proto';

/** proto-loader options for CRI: `keepCase`, `longs: String`, `enums: String`, `defaults: true`. */
export const criLoaderOptions: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
};

/**
 * Locates runtime-v1.proto. tsc does not copy .proto files into the build output, so besides the directory
 * of this module it looks for `src/kubelet/cri/runtime-v1.proto` in every ancestor directory (the project
 * root of a `dist/` or `.build/x/` tree).
 */
export function findCriProto(moduleDir: string = dirname(fileURLToPath(import.meta.url))): string {
  const beside = join(moduleDir, CRI_PROTO_FILE);
  if (existsSync(beside)) return beside;
  const { root } = parse(moduleDir);
  for (let dir = moduleDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'src', 'kubelet', 'cri', CRI_PROTO_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === root) break;
  }
  throw new Error(`CRI proto ${CRI_PROTO_FILE} not found beside ${moduleDir} or under any ancestor's src/kubelet/cri`);
}

/** A loaded CRI service: method definitions keyed by wire method name (`RunPodSandbox`). */
export type CriServiceDefinition = Record<string, MethodDefinition<object, object>>;

/** Both CRI services, loaded. */
export interface CriDefinition {
  runtime: CriServiceDefinition;
  image: CriServiceDefinition;
}

/** Loads the CRI proto synchronously (a few ms); throws if the file is missing or does not parse. */
export function loadCriDefinition(protoPath: string = findCriProto()): CriDefinition {
  const pkg = protoLoader.loadSync(protoPath, criLoaderOptions);
  const service = (name: string): CriServiceDefinition => {
    const def = pkg[name];
    if (!def || !isServiceDefinition(def)) throw new Error(`${protoPath} does not define service ${name}`);
    return def as CriServiceDefinition;
  };
  return { runtime: service('runtime.v1.RuntimeService'), image: service('runtime.v1.ImageService') };
}

function isServiceDefinition(def: object): boolean {
  // Message and enum definitions carry a `format` field; service definitions are plain method maps.
  return !('format' in def);
}
