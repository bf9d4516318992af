/**
 * Shared assertions for the per-group schema tests: a group-version's kinds are registered with upstream's
 * discovery metadata, get a derived list kind, and are served in the group-version's OpenAPI v3 document the way
 * kubectl apply needs (schema with x-kubernetes-group-version-kind, PATCH operation listing fieldValidation); and
 * captured kubectl protobuf bodies decode to the JSON older kubectl sends.
 */

import assert from 'node:assert/strict';
import type { KindDef } from '../dsl.js';
import { openapiV3ForGroupVersion } from '../openapi.js';
import { decodeK8sProtobuf } from '../protobuf.js';
import type { SchemaRegistry } from '../registry.js';
import type { GroupCapturedBody } from './kubectl-bodies-groups.js';

/** What upstream discovery (`kubectl api-resources`, `/apis/<group>/<version>`) says about one resource. */
export interface WantResource {
  readonly kind: string;
  readonly plural: string;
  readonly singular: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  readonly categories?: readonly string[];
  /** Subresource names, sorted. */
  readonly subresources?: readonly string[];
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON documents

/**
 * Asserts that every kind of `kinds` is registered in `registry` and that its resource matches `want` exactly
 * (no resource in `kinds` is left out of `want`).
 */
export function assertResources(registry: SchemaRegistry, kinds: readonly KindDef[], want: readonly WantResource[]) {
  const served = kinds.filter((k) => k.resource);
  assert.deepEqual(served.map((k) => k.gvk.kind).sort(), want.map((w) => w.kind).sort(), 'served kinds');
  for (const w of want) {
    const k = served.find((x) => x.gvk.kind === w.kind)!;
    assert.equal(registry.lookupGVK(k.gvk), k, `${w.kind} is registered`);
    assert.equal(registry.resource(k.gvk.group, k.gvk.version, w.plural), k, `${w.plural} resolves`);
    const r = k.resource!;
    assert.deepEqual(
      {
        plural: r.plural,
        singular: r.singular,
        namespaced: r.namespaced,
        shortNames: [...r.shortNames],
        categories: [...r.categories],
        subresources: r.subresources.map((s) => s.name).sort(),
      },
      {
        plural: w.plural,
        singular: w.singular,
        namespaced: w.namespaced,
        shortNames: [...(w.shortNames ?? [])],
        categories: [...(w.categories ?? [])],
        subresources: [...(w.subresources ?? [])],
      },
      `${w.kind} discovery metadata`,
    );
    assert.equal(registry.listKindOf(k)?.gvk.kind, `${w.kind}List`, `${w.kind} has a list kind`);
  }
}

/**
 * Asserts the group-version's OpenAPI v3 document has each served kind's schema tagged with its GVK, and a PATCH
 * operation for it whose parameters include fieldValidation (kubectl apply then validates server-side).
 */
export function assertOpenAPIServes(registry: SchemaRegistry, kinds: readonly KindDef[]) {
  const { group, version } = kinds[0]!.gvk;
  const doc = openapiV3ForGroupVersion(registry, group, version) as Obj | undefined;
  assert.ok(doc, `${group}/${version} has an OpenAPI v3 document`);
  for (const k of kinds.filter((x) => x.resource)) {
    const schema: Obj | undefined = doc.components.schemas[k.schema.name];
    assert.ok(schema, `${k.schema.name} is in components.schemas`);
    assert.deepEqual(schema['x-kubernetes-group-version-kind'], [{ group, kind: k.gvk.kind, version }]);
    const patches = Object.values(doc.paths as Obj).filter((item: Obj) => {
      const gvk = item.patch?.['x-kubernetes-group-version-kind'];
      return gvk && gvk.group === group && gvk.version === version && gvk.kind === k.gvk.kind;
    });
    assert.ok(patches.length > 0, `${k.gvk.kind} has a PATCH operation`);
    for (const item of patches) {
      const params = [...(item.parameters ?? []), ...(item.patch.parameters ?? [])].map((p: Obj) => p.name);
      assert.ok(params.includes('fieldValidation'), `${k.gvk.kind} PATCH lists fieldValidation`);
    }
  }
}

/** Asserts each captured kubectl 1.32 protobuf body of `apiVersion` decodes to exactly the kubectl 1.27 JSON. */
export function assertCapturedBodiesDecode(
  registry: SchemaRegistry,
  bodies: readonly GroupCapturedBody[],
  apiVersion: string,
): void {
  const mine = bodies.filter((b) => JSON.parse(b.json127).apiVersion === apiVersion);
  assert.ok(mine.length > 0, `fixtures exist for ${apiVersion}`);
  for (const b of mine) {
    const got = decodeK8sProtobuf(Buffer.from(b.protobufHex, 'hex'), registry);
    // Compare serializations: key order matters, since Go's encoder writes fields in declaration order.
    assert.equal(JSON.stringify(got), JSON.stringify(JSON.parse(b.json127)), b.command);
  }
}
