/**
 * Turns a probe's or hook's `port` (a number, or the name of a container port) into a port number, with the
 * kubelet's fallbacks and error texts (pkg/probe.ResolveContainerPort).
 */
import type { Container, IntOrString } from './types.js';

/**
 * Resolves `port` against `container.ports`. A string is first looked up as a port name and, failing that,
 * parsed as a decimal number ("8080" stored as a string). Throws an Error whose message matches upstream's
 * (`strconv.Atoi: parsing "web": invalid syntax`, `invalid port number: 0`).
 */
export function resolveContainerPort(port: IntOrString, container: Pick<Container, 'ports'>): number {
  let resolved: number;
  if (typeof port === 'number') {
    resolved = port;
  } else {
    const named = container.ports?.find((p) => p.name === port);
    if (named) {
      resolved = named.containerPort;
    } else if (/^[+-]?\d+$/.test(port)) {
      resolved = Number(port);
    } else {
      throw new Error(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    }
  }
  if (Number.isInteger(resolved) && resolved > 0 && resolved < 65536) return resolved;
  throw new Error(`invalid port number: ${resolved}`);
}
