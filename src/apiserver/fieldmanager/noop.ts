import type { FieldManager } from './interface.js';
import { badRequest } from '../../apimachinery/errors.js';

/**
 * A FieldManager that records nothing and refuses server-side apply: the placeholder until the real field
 * manager lands, so that every write path already calls through the interface.
 */
export const noopFieldManager: FieldManager = {
  update() {},
  apply() {
    throw badRequest('server-side apply is not implemented yet');
  },
};
