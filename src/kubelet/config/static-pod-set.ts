/**
 * The kubelet's bookkeeping of static pods between a source's updates and the pod workers: which version of
 * each static pod should run (by `ns/name` key, the key API pods and their mirror pods use too), and which
 * older versions were replaced or removed and still have to be killed. A static pod whose manifest changed
 * gets a new UID, so its old version must stop before the new one starts (as upstream's pod workers only
 * start a static pod once the previous pod of that full name terminated).
 */
import type { ApiPod } from '../kuberuntime/pod-types.js';

/** The work-queue key of a pod. */
export function podKey(pod: Readonly<ApiPod>): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/**
 * See the module comment. Not safe for concurrent mutation; the kubelet calls `update` from the source's
 * handler and the rest from workers, which never work on one key at once.
 */
export class StaticPodSet {
  private readonly desired = new Map<string, ApiPod>();
  private readonly terminating = new Map<string, ApiPod[]>();

  /** Replaces the whole set; returns the keys whose desired pod changed (added, edited or removed). */
  update(pods: readonly ApiPod[]): string[] {
    const next = new Map(pods.map((p) => [podKey(p), p]));
    const changed: string[] = [];
    for (const [key, old] of this.desired) {
      const now = next.get(key);
      if (now?.metadata.uid === old.metadata.uid) continue;
      const list = this.terminating.get(key) ?? [];
      list.push(old);
      this.terminating.set(key, list);
      changed.push(key);
    }
    for (const key of next.keys()) if (!this.desired.has(key)) changed.push(key);
    // A version that comes back (an edit reverted quickly) is desired again, not terminating.
    for (const [key, p] of next) this.terminated(key, p.metadata.uid);
    this.desired.clear();
    for (const [key, p] of next) this.desired.set(key, p);
    return changed;
  }

  /** The version that should run under `key`, if any. */
  get(key: string): Readonly<ApiPod> | undefined {
    return this.desired.get(key);
  }

  /** Old versions under `key` still to be killed, oldest first. */
  terminatingUnder(key: string): readonly Readonly<ApiPod>[] {
    return this.terminating.get(key) ?? [];
  }

  /** Marks an old version killed. */
  terminated(key: string, uid: string): void {
    const rest = (this.terminating.get(key) ?? []).filter((p) => p.metadata.uid !== uid);
    if (rest.length) this.terminating.set(key, rest);
    else this.terminating.delete(key);
  }

  /** Every pod the runtime may legitimately hold: desired and still-terminating versions. */
  byUid(uid: string): Readonly<ApiPod> | undefined {
    for (const p of this.desired.values()) if (p.metadata.uid === uid) return p;
    for (const list of this.terminating.values()) for (const p of list) if (p.metadata.uid === uid) return p;
    return undefined;
  }

  /** The keys of every desired static pod. */
  keys(): string[] {
    return [...this.desired.keys()];
  }
}
