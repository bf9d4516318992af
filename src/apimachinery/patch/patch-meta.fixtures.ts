/**
 * Hand-built patch metadata for the Pod/Deployment/Service subset the patch tests use. The strategies and
 * merge keys are those of the v1.33 API types (`patchStrategy`/`patchMergeKey` struct tags); test-only.
 */
import { metaFromTable, type MetaTable } from './patch-meta.js';

const container: MetaTable = {
  ports: { strategy: 'merge', mergeKey: 'containerPort', list: true, fields: {} },
  env: { strategy: 'merge', mergeKey: 'name', list: true, fields: { valueFrom: { fields: {} } } },
  volumeMounts: { strategy: 'merge', mergeKey: 'mountPath', list: true, fields: {} },
  resources: { fields: {} },
  command: { list: true },
  args: { list: true },
};

const volumeSource: MetaTable = {
  emptyDir: { fields: {} },
  configMap: { fields: { items: { list: true, fields: {} } } },
  secret: { fields: { items: { list: true, fields: {} } } },
  hostPath: { fields: {} },
};

export const podSpecTable: MetaTable = {
  containers: { strategy: 'merge', mergeKey: 'name', list: true, fields: container },
  initContainers: { strategy: 'merge', mergeKey: 'name', list: true, fields: container },
  ephemeralContainers: { strategy: 'merge', mergeKey: 'name', list: true, fields: container },
  volumes: { strategy: 'merge,retainKeys', mergeKey: 'name', list: true, fields: volumeSource },
  imagePullSecrets: { strategy: 'merge', mergeKey: 'name', list: true, fields: {} },
  tolerations: { list: true, fields: {} },
  nodeSelector: {},
  securityContext: { fields: {} },
};

export const objectMetaTable: MetaTable = {
  labels: {},
  annotations: {},
  finalizers: { strategy: 'merge', list: true },
  ownerReferences: { strategy: 'merge', mergeKey: 'uid', list: true, fields: {} },
};

const conditions = { strategy: 'merge', mergeKey: 'type', list: true, fields: {} } as const;

export const POD_META = metaFromTable({
  metadata: { fields: objectMetaTable },
  spec: { fields: podSpecTable },
  status: { fields: { conditions } },
});

export const DEPLOYMENT_META = metaFromTable({
  metadata: { fields: objectMetaTable },
  spec: {
    fields: {
      selector: { fields: {} },
      strategy: { strategy: 'retainKeys', fields: { rollingUpdate: { fields: {} } } },
      template: { fields: { metadata: { fields: objectMetaTable }, spec: { fields: podSpecTable } } },
    },
  },
  status: { fields: { conditions } },
});

export const SERVICE_META = metaFromTable({
  metadata: { fields: objectMetaTable },
  spec: {
    fields: {
      ports: { strategy: 'merge', mergeKey: 'port', list: true, fields: {} },
      selector: {},
    },
  },
  status: { fields: { conditions } },
});

/** Freezes a value deeply so a test fails (TypeError in strict mode) if the code under test mutates it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    for (const e of Object.values(v)) deepFreeze(e);
    Object.freeze(v);
  }
  return v;
}
