/**
 * Content negotiation. Responses are JSON (or YAML when asked); a Table or PartialObjectMetadata rendering is
 * chosen from the Accept parameters (`application/json;as=Table;v=v1;g=meta.k8s.io`). Protobuf is accepted on
 * requests but never produced: clients that offer protobuf also offer JSON. Never answer 406 for discovery
 * (kubectl treats that as fatal): fall back to JSON.
 */
export type Rendering = 'object' | 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';

export interface OutputFormat {
  mediaType: 'application/json' | 'application/yaml';
  rendering: Rendering;
}

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [type, ...params] = part.split(';').map((s) => s.trim());
      const p: Record<string, string> = {};
      for (const kv of params) {
        const i = kv.indexOf('=');
        if (i > 0) p[kv.slice(0, i).trim().toLowerCase()] = kv.slice(i + 1).trim().replace(/^"|"$/g, '');
      }
      return { type: (type ?? '').toLowerCase(), params: p };
    })
    .filter((m) => m.type);
}

/**
 * Picks the response format for an object/list request. Returns undefined when nothing acceptable is offered
 * (the caller answers 406).
 */
export function negotiateOutput(accept: string | undefined): OutputFormat | undefined {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { mediaType: 'application/json', rendering: 'object' };
  for (const r of ranges) {
    const json = r.type === 'application/json' || r.type === 'application/*' || r.type === '*/*';
    const yaml = r.type === 'application/yaml';
    const proto = r.type === 'application/vnd.kubernetes.protobuf';
    if (!json && !yaml && !proto) continue;
    if (r.params.as) {
      const g = r.params.g;
      const v = r.params.v;
      if (g !== 'meta.k8s.io' || (v !== 'v1' && v !== 'v1beta1')) continue;
      if (r.params.as === 'Table') return { mediaType: 'application/json', rendering: 'Table' };
      if (r.params.as === 'PartialObjectMetadata') return { mediaType: 'application/json', rendering: 'PartialObjectMetadata' };
      if (r.params.as === 'PartialObjectMetadataList') return { mediaType: 'application/json', rendering: 'PartialObjectMetadataList' };
      continue;
    }
    if (proto) continue; // we answer protobuf-preferring clients in JSON, which they always accept too
    return { mediaType: yaml ? 'application/yaml' : 'application/json', rendering: 'object' };
  }
  // Only protobuf (or only unknown `as=`) was offered: JSON is what every Kubernetes client can read.
  if (ranges.some((r) => r.type === 'application/vnd.kubernetes.protobuf')) return { mediaType: 'application/json', rendering: 'object' };
  return undefined;
}

/** Whether the client asked for aggregated discovery (`as=APIGroupDiscoveryList;g=apidiscovery.k8s.io`). */
export function wantsAggregatedDiscovery(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  for (const r of parseAccept(accept)) {
    if (r.type !== 'application/json' || r.params.g !== 'apidiscovery.k8s.io' || r.params.as !== 'APIGroupDiscoveryList') continue;
    if (r.params.v === 'v2' || r.params.v === 'v2beta1') return r.params.v;
  }
  return undefined;
}

/** Request body media types. */
export type BodyType = 'json' | 'yaml' | 'protobuf' | 'json-patch' | 'merge-patch' | 'strategic-merge-patch' | 'apply-patch';

export function bodyTypeOf(contentType: string | undefined): BodyType | undefined {
  const t = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  switch (t) {
    case '':
    case 'application/json':
      return 'json';
    case 'application/yaml':
      return 'yaml';
    case 'application/vnd.kubernetes.protobuf':
      return 'protobuf';
    case 'application/json-patch+json':
      return 'json-patch';
    case 'application/merge-patch+json':
      return 'merge-patch';
    case 'application/strategic-merge-patch+json':
      return 'strategic-merge-patch';
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+cbor':
      return t === 'application/apply-patch+yaml' ? 'apply-patch' : undefined;
    default:
      return undefined;
  }
}
