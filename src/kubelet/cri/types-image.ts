/**
 * TypeScript shapes of the CRI v1 ImageService messages k8ts uses. Decoded views; see types-common.ts for the
 * conventions.
 */
import type { FilesystemUsage, ImageSpec, Int64, Int64Value, StringMap } from './types-common.js';
import type { PodSandboxConfig } from './types-runtime.js';

export interface ImageFilter {
  image: ImageSpec | null;
}

export interface ListImagesRequest {
  filter: ImageFilter | null;
}

/** An image in the runtime's store. `id` is the config digest (`sha256:…`). */
export interface Image {
  id: string;
  repo_tags: string[];
  repo_digests: string[];
  size: Int64;
  uid: Int64Value | null;
  username: string;
  spec: ImageSpec | null;
  pinned: boolean;
}

export interface ListImagesResponse {
  images: Image[];
}

export interface ImageStatusRequest {
  image: ImageSpec | null;
  verbose: boolean;
}

/** `image` is null when the runtime does not have the image; that is an answer, not an error. */
export interface ImageStatusResponse {
  image: Image | null;
  info: StringMap;
}

export interface AuthConfig {
  username: string;
  password: string;
  auth: string;
  server_address: string;
  identity_token: string;
  registry_token: string;
}

export interface PullImageRequest {
  image: ImageSpec | null;
  auth: AuthConfig | null;
  sandbox_config: PodSandboxConfig | null;
}

export interface PullImageResponse {
  /** The digest reference or id of the pulled image. */
  image_ref: string;
}

export interface RemoveImageRequest {
  image: ImageSpec | null;
}

export interface ImageFsInfoResponse {
  image_filesystems: FilesystemUsage[];
  container_filesystems: FilesystemUsage[];
}
