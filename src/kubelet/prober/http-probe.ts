/**
 * The httpGet probe: builds the request from an HTTPGetAction (URL, canonical headers, User-Agent/Accept
 * defaults) and judges the response as the kubelet does — 200–399 succeed, 3xx left unfollowed succeed with a
 * warning, anything else fails with `HTTP probe failed with statuscode: N` (never the body, which may hold
 * secrets), and a failed exchange fails with Go's error text.
 */
import type { Clock } from '../../util/clock.js';
import { httpGet, HttpGetError, type HttpGetRequest } from './http-client.js';
import { joinHostPort, MAX_PROBE_OUTPUT_BYTES, PROBE_USER_AGENT, type ProbeAttempt } from './probe-result.js';
import { resolveContainerPort } from './resolve-port.js';
import type { Container, HTTPGetAction } from './types.js';

/**
 * Go's textproto.CanonicalMIMEHeaderKey: `user-agent` → `User-Agent`. Keys with characters outside the
 * token set are left alone, as Go does.
 */
export function canonicalHeaderKey(key: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key)) return key;
  return key
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('-');
}

/** The URL string Go builds from scheme, host, port and path (probe/http formatURL + url.URL.String). */
export function formatProbeURL(scheme: string, host: string, port: number, path: string | undefined): string {
  const p = path ?? '';
  const slash = p !== '' && !p.startsWith('/') ? '/' : '';
  return `${scheme}://${joinHostPort(host, port)}${slash}${p}`;
}

/**
 * Builds the GET for an httpGet action (probe/http.NewRequestForHTTPGetAction). `host` defaults to the pod
 * IP; `userAgent` is `kube-probe/1.33` for probes and `kube-lifecycle/1.33` for hooks. A user-given
 * User-Agent or Accept wins; an Accept given empty is dropped; a Host header becomes the request's Host.
 * Throws when the port cannot be resolved or there is no host to talk to.
 */
export function newRequestForHTTPGetAction(
  action: HTTPGetAction,
  container: Pick<Container, 'ports'>,
  podIP: string | undefined,
  userAgent: string = PROBE_USER_AGENT,
): HttpGetRequest {
  const scheme = (action.scheme || 'HTTP').toLowerCase();
  const host = action.host || podIP;
  // Upstream would dial the node itself for an empty host; k8ts never probes an address it did not create.
  if (!host) throw new Error('pod has no IP address to probe');
  const port = resolveContainerPort(action.port, container);
  const headers: [string, string][] = [];
  for (const h of action.httpHeaders ?? []) headers.push([canonicalHeaderKey(h.name), h.value]);
  const has = (k: string) => headers.some(([name]) => name === k);
  const first = (k: string) => headers.find(([name]) => name === k)?.[1] ?? '';
  const hostOverride = first('Host');
  // Go sends req.Host, not a Host entry of the header map: keep the first value only, and only if non-empty.
  // An Accept given with an empty value means "send no Accept at all".
  const dropAccept = has('Accept') && first('Accept') === '';
  const out = headers.filter(([k]) => k !== 'Host' && !(dropAccept && k === 'Accept'));
  if (!has('User-Agent')) out.push(['User-Agent', userAgent]);
  if (!has('Accept')) out.push(['Accept', '*/*']);
  if (hostOverride) out.push(['Host', hostOverride]);
  return { url: formatProbeURL(scheme, host, port, action.path), headers: out };
}

/** Options for {@link doHttpProbe}. */
export interface HttpProbeOptions {
  clock: Clock;
  /** timeoutSeconds of the probe, in milliseconds. */
  timeoutMs: number;
}

/**
 * Sends the request and judges the response (probe/http.DoHTTPProbe). Never rejects: a failed exchange is a
 * `failure` whose output is Go's error text; a body that breaks off mid-read is a `failure` with an `error`,
 * which the prober treats as "could not probe" and retries.
 */
export async function doHttpProbe(request: HttpGetRequest, options: HttpProbeOptions): Promise<ProbeAttempt> {
  try {
    const res = await httpGet(request, {
      clock: options.clock,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: MAX_PROBE_OUTPUT_BYTES,
    });
    if (res.statusCode >= 200 && res.statusCode < 400) {
      if (res.statusCode >= 300) {
        return { result: 'warning', output: `Probe terminated redirects, Response body: ${res.body}` };
      }
      return { result: 'success', output: res.body };
    }
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.statusCode}` };
  } catch (err) {
    if (err instanceof HttpGetError && err.phase === 'body') return { result: 'failure', output: '', error: err };
    return { result: 'failure', output: err instanceof Error ? err.message : String(err) };
  }
}
