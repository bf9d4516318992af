/**
 * Secret validation (upstream ValidateSecret/ValidateSecretUpdate): config keys, 1 MiB of data, and the keys
 * each built-in type requires.
 */
import { isDeepStrictEqual } from 'node:util';
import { forbidden, invalidValue, required, root, type FieldError } from '../../../../apimachinery/field-errors.js';
import { validateImmutableField } from '../../../../apimachinery/validation/names.js';
import type { KObject } from '../../types.js';
import { MAX_SECRET_SIZE, tooLongAt, validateConfigKeys } from '../configmap/validation.js';

/** The built-in secret types. */
export const SecretType = {
  Opaque: 'Opaque',
  ServiceAccountToken: 'kubernetes.io/service-account-token',
  Dockercfg: 'kubernetes.io/dockercfg',
  DockerConfigJSON: 'kubernetes.io/dockerconfigjson',
  BasicAuth: 'kubernetes.io/basic-auth',
  SSHAuth: 'kubernetes.io/ssh-auth',
  TLS: 'kubernetes.io/tls',
} as const;

/** The shape of a Secret as stored: data values are base64. */
export interface SecretShape {
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  immutable?: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decoded bytes of one data value, or undefined when it is not base64. */
function decoded(v: string): Buffer | undefined {
  return BASE64.test(v) && v.length % 4 === 0 ? Buffer.from(v, 'base64') : undefined;
}

function jsonError(bytes: Buffer | undefined): string | undefined {
  try {
    JSON.parse(bytes?.toString('utf8') ?? '');
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** ValidateSecret without the metadata part (the store checks metadata). */
export function validateSecret(obj: KObject): FieldError[] {
  const s = obj as KObject & SecretShape;
  const dataPath = root('data');
  const errs = validateConfigKeys(s.data, dataPath);
  let total = 0;
  const data = new Map<string, Buffer>();
  for (const [k, v] of Object.entries(s.data ?? {})) {
    const bytes = decoded(String(v));
    if (!bytes) {
      errs.push(invalidValue(dataPath.key(k), '<secret contents redacted>', 'must be a base64-encoded value'));
      continue;
    }
    data.set(k, bytes);
    total += bytes.length;
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLongAt('data', MAX_SECRET_SIZE));
  switch (s.type) {
    case SecretType.ServiceAccountToken:
      // Only the account name is required; a controller fills in the uid and token later.
      if (!obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(root('metadata', 'annotations').key('kubernetes.io/service-account.name')));
      }
      break;
    case SecretType.Dockercfg:
    case SecretType.DockerConfigJSON: {
      const key = s.type === SecretType.Dockercfg ? '.dockercfg' : '.dockerconfigjson';
      if (!data.has(key)) {
        errs.push(required(dataPath.key(key)));
        break;
      }
      const msg = jsonError(data.get(key));
      if (msg) errs.push(invalidValue(dataPath.key(key), '<secret contents redacted>', msg));
      break;
    }
    case SecretType.BasicAuth:
      // Either may be empty, but one of them must be present.
      if (!data.has('username') && !data.has('password')) {
        errs.push(required(dataPath.key('username')), required(dataPath.key('password')));
      }
      break;
    case SecretType.SSHAuth:
      if (!data.get('ssh-privatekey')?.length) errs.push(required(dataPath.key('ssh-privatekey')));
      break;
    case SecretType.TLS:
      if (!data.has('tls.crt')) errs.push(required(dataPath.key('tls.crt')));
      if (!data.has('tls.key')) errs.push(required(dataPath.key('tls.key')));
      break;
    default:
  }
  return errs;
}

/** ValidateSecretUpdate: type never changes; an immutable Secret keeps its data and stays immutable. */
export function validateSecretUpdate(obj: KObject, old: KObject): FieldError[] {
  const s = obj as KObject & SecretShape;
  const prev = old as KObject & SecretShape;
  const errs = validateImmutableField(s.type, prev.type, root('type'));
  if (prev.immutable === true) {
    const msg = 'field is immutable when `immutable` is set';
    if (s.immutable !== true) errs.push(forbidden(root('immutable'), msg));
    if (!isDeepStrictEqual(s.data ?? {}, prev.data ?? {})) errs.push(forbidden(root('data'), msg));
  }
  return [...errs, ...validateSecret(obj)];
}
