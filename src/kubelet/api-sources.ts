/**
 * ConfigMaps, Secrets, Services and claims (PVC → PV) read straight from the API for env resolution and
 * volumes: a GET per use, so a configMap edit is seen at the next volume refresh without a watch per object.
 */
import { isNotFound } from '../apimachinery/errors.js';
import type { RestClient } from '../client/rest/rest-client.js';
import { CONFIGMAPS, PERSISTENTVOLUMECLAIMS, PERSISTENTVOLUMES, SECRETS, SERVICEACCOUNTS, SERVICES } from '../client/rest/resources.js';
import type { KubeObject } from '../client/rest/types.js';
import type { EnvSources, ServiceLike } from './kuberuntime/env.js';
import type { ObjectSource } from './volumes/plugin.js';
import type { PersistentVolumeLookup } from './volumes/volume-spec.js';
import type { TokenRequester } from './token/token-manager.js';

interface DataObject extends KubeObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

async function getOrUndefined<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** The source interfaces over one client. Stateless; safe for concurrent use. */
export function apiObjectSources(client: RestClient): EnvSources & ObjectSource & PersistentVolumeLookup {
  const configMap = (ns: string, name: string) => getOrUndefined(client.resource<DataObject>(CONFIGMAPS, ns).get(name));
  const secret = (ns: string, name: string) => getOrUndefined(client.resource<DataObject>(SECRETS, ns).get(name));
  return {
    configMap,
    secret,
    getConfigMap: configMap as ObjectSource['getConfigMap'],
    getSecret: secret as ObjectSource['getSecret'],
    getPersistentVolumeClaim: (ns, name) => getOrUndefined(client.resource(PERSISTENTVOLUMECLAIMS, ns).get(name)) as never,
    getPersistentVolume: (name) => getOrUndefined(client.resource(PERSISTENTVOLUMES).get(name)) as never,
    async services(ns: string): Promise<ServiceLike[]> {
      const own = (await client.resource<ServiceLike & KubeObject>(SERVICES, ns).list()).items;
      if (ns === 'default') return own;
      const master = await getOrUndefined(client.resource<ServiceLike & KubeObject>(SERVICES, 'default').get('kubernetes'));
      return master ? [...own, master] : own;
    },
  };
}

interface TokenRequestObject extends KubeObject {
  spec: { audiences: string[]; expirationSeconds: number; boundObjectRef: { kind: string; apiVersion: string; name: string; uid: string } };
  status?: { token: string; expirationTimestamp: string };
}

/** TokenRequest (POST serviceaccounts/{name}/token) bound to the pod, as the kubelet's token manager asks it. */
export function tokenRequester(client: RestClient): TokenRequester {
  return async (r) => {
    const got = await client.resource<TokenRequestObject>(SERVICEACCOUNTS, r.namespace).create(
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        metadata: { name: r.serviceAccountName },
        spec: {
          audiences: [...r.audiences],
          expirationSeconds: r.expirationSeconds,
          boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: r.boundPod.name, uid: r.boundPod.uid },
        },
      },
      { subresource: 'token' },
    );
    if (!got.status?.token) throw new Error(`TokenRequest for ${r.namespace}/${r.serviceAccountName} returned no token`);
    return got.status;
  };
}
