import type { KObject, Strategy } from '../../types.js';
import { SecretType, validateSecret, validateSecretUpdate, type SecretShape } from './validation.js';

/**
 * Type defaults to Opaque, and the write-only stringData is merged into data (base64) and dropped, as
 * upstream's v1 conversion does before anything else sees the object; stringData wins over data.
 */
export function defaultSecret(obj: KObject): void {
  const s = obj as KObject & SecretShape;
  if (!s.type) s.type = SecretType.Opaque;
  if (s.stringData !== undefined) {
    const entries = Object.entries(s.stringData ?? {});
    if (entries.length) {
      s.data = { ...(s.data ?? {}) };
      for (const [k, v] of entries) s.data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    }
    delete s.stringData;
  }
}

/** Secrets (upstream pkg/registry/core/secret). */
export const secretStrategy: Strategy = {
  defaults: defaultSecret,
  validate: (obj) => validateSecret(obj),
  validateUpdate: (obj, old) => validateSecretUpdate(obj, old),
  allowUnconditionalUpdate: true,
};
