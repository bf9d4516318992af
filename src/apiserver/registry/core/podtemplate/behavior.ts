import type { ResourceBehavior } from '../../api-registry.js';
import { podTemplateStrategy } from './strategy.js';

/** core/v1 podtemplates. */
export const podTemplateBehavior: ResourceBehavior = {
  group: '',
  version: 'v1',
  resource: 'podtemplates',
  strategy: podTemplateStrategy,
  tracksGeneration: true,
};
