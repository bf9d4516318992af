import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from '../../apimachinery/errors.js';
import { decodeK8sProtobuf, isProtobufDecodeError } from '../../api/schema/protobuf.js';
import type { SchemaRegistry } from '../../api/schema/registry.js';
import { bodyTypeOf, type BodyType } from './negotiation.js';

/** Upstream's cap on request bodies (3 MiB); larger bodies get 413 without being buffered. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the whole body, failing with 413 once it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw requestEntityTooLarge(`limit is ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw requestEntityTooLarge(`limit is ${limit}`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const OBJECT_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const PATCH_MEDIA_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

/** Parses JSON text, turning syntax errors into upstream-like 400s. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`the object provided is unrecognized: json parse error: ${(err as Error).message}`);
  }
}

function parseYamlDoc(text: string): unknown {
  try {
    return parseYaml(text, { uniqueKeys: true });
  } catch (err) {
    throw badRequest(`error converting YAML to JSON: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Decodes an object body (create, update) in JSON, YAML or Kubernetes protobuf. */
export function decodeObjectBody(contentType: string | undefined, body: Buffer, schema: SchemaRegistry): unknown {
  const t = bodyTypeOf(contentType);
  if (t !== 'json' && t !== 'yaml' && t !== 'protobuf') throw unsupportedMediaType(OBJECT_MEDIA_TYPES);
  if (body.length === 0) throw badRequest('the request body is empty: an object was expected');
  if (t === 'protobuf') {
    try {
      return decodeK8sProtobuf(body, schema);
    } catch (err) {
      if (isProtobufDecodeError(err)) throw badRequest(`the body could not be decoded as protobuf: ${err.message}`);
      throw err;
    }
  }
  return t === 'yaml' ? parseYamlDoc(body.toString('utf8')) : parseJson(body.toString('utf8'));
}

/** Decodes a PATCH body; returns the patch type and the parsed patch document. */
export function decodePatchBody(contentType: string | undefined, body: Buffer): { type: BodyType; patch: unknown } {
  const t = bodyTypeOf(contentType);
  if (t !== 'json-patch' && t !== 'merge-patch' && t !== 'strategic-merge-patch' && t !== 'apply-patch') {
    throw unsupportedMediaType(PATCH_MEDIA_TYPES);
  }
  if (body.length === 0) throw badRequest('the request body is empty: a patch was expected');
  const text = body.toString('utf8');
  // Apply patches are YAML (kubectl sends JSON, which is YAML too).
  return { type: t, patch: t === 'apply-patch' ? parseYamlDoc(text) : parseJson(text) };
}
