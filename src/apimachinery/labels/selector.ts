/**
 * Label selectors: the `labelSelector` query parameter syntax (`app=web,tier in (a,b),!canary`), the
 * metav1.LabelSelector of specs, and matching against an object's labels.
 *
 * Parsing follows upstream's lexer and grammar exactly, including its error messages, because clients show them
 * verbatim (the API server returns them as 400 BadRequest). Selectors are immutable values.
 */
import type { FieldPath } from '../field-errors.js';
import { compareGoStrings, goQuote } from '../go-format.js';
import type { LabelSelector } from '../meta.js';
import { parseToRequirements } from './parser.js';
import {
  LabelSelectorError,
  newRequirement,
  requirementMatches,
  requirementToString,
  type Labels,
  type Operator,
  type Requirement,
} from './requirement.js';

export {
  LabelSelectorError,
  newRequirement,
  requirementMatches,
  requirementToString,
  type Labels,
  type Operator,
  type Requirement,
} from './requirement.js';
export { parseToRequirements } from './parser.js';

/**
 * A label selector: an AND of requirements, or the special "nothing" selector. Immutable; `add` returns a new
 * selector.
 */
export interface Selector {
  /** Whether every requirement holds for `labels`. */
  matches(labels: Labels): boolean;
  /** True when the selector selects everything (no requirements). The "nothing" selector is not empty. */
  isEmpty(): boolean;
  /** Canonical text (requirements sorted by key, joined by `,`); parses back to an equal selector. */
  toString(): string;
  /** The requirements, sorted by key; undefined for the "nothing" selector, which no requirements express. */
  requirements(): readonly Requirement[] | undefined;
  /** A selector with these requirements added. */
  add(...reqs: Requirement[]): Selector;
  /** The value `label` must have, when the selector pins it to exactly one (for index lookups). */
  requiresExactMatch(label: string): string | undefined;
}

class RequirementsSelector implements Selector {
  private readonly reqs: readonly Requirement[];
  constructor(reqs: readonly Requirement[]) {
    // A stable sort keeps the parse order of requirements on the same key, so toString is deterministic.
    this.reqs = [...reqs].sort((a, b) => compareGoStrings(a.key, b.key));
  }
  matches(labels: Labels): boolean {
    return this.reqs.every((r) => requirementMatches(r, labels));
  }
  isEmpty(): boolean {
    return this.reqs.length === 0;
  }
  toString(): string {
    return this.reqs.map(requirementToString).join(',');
  }
  requirements(): readonly Requirement[] {
    return this.reqs;
  }
  add(...reqs: Requirement[]): Selector {
    return new RequirementsSelector([...this.reqs, ...reqs]);
  }
  requiresExactMatch(label: string): string | undefined {
    const r = this.reqs.find((x) => x.key === label);
    if (!r || r.values.length !== 1) return undefined;
    return r.operator === '=' || r.operator === '==' || r.operator === 'in' ? r.values[0] : undefined;
  }
}

const NOTHING: Selector = Object.freeze({
  matches: () => false,
  isEmpty: () => false,
  toString: () => '',
  requirements: () => undefined,
  add: () => NOTHING,
  requiresExactMatch: () => undefined,
});

/** The selector that matches every object. */
export const everything = (): Selector => new RequirementsSelector([]);

/** The selector that matches no object (a nil metav1.LabelSelector). */
export const nothing = (): Selector => NOTHING;

/** A selector from already-built requirements. */
export const selectorFromRequirements = (reqs: readonly Requirement[]): Selector => new RequirementsSelector(reqs);

/**
 * `key=value` for each entry, without validating them (labels.SelectorFromSet): the server rejects bad values
 * later. An empty or absent set selects everything.
 */
export function selectorFromSet(set: Labels): Selector {
  return new RequirementsSelector(
    Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })),
  );
}

/** Like {@link selectorFromSet} but validating keys and values; throws {@link LabelSelectorError}. */
export function validatedSelectorFromSet(set: Labels): Selector {
  return new RequirementsSelector(Object.entries(set ?? {}).map(([k, v]) => newRequirement(k, '=', [v])));
}

const LS_OPERATORS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * Converts a metav1.LabelSelector (metav1.LabelSelectorAsSelector): null/undefined selects nothing, an empty
 * selector selects everything. Throws {@link LabelSelectorError} on an unknown operator or invalid key/value.
 */
export function selectorFromLabelSelector(ls: LabelSelector | null | undefined): Selector {
  if (!ls) return NOTHING;
  const exprs = ls.matchExpressions ?? [];
  const reqs = Object.entries(ls.matchLabels ?? {}).map(([k, v]) => newRequirement(k, '=', [v]));
  for (const e of exprs) {
    const op = Object.hasOwn(LS_OPERATORS, e.operator) ? LS_OPERATORS[e.operator] : undefined;
    if (!op)
      throw new LabelSelectorError(`${goQuote(String(e.operator ?? ''))} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, e.values ?? []));
  }
  return new RequirementsSelector(reqs);
}

/** The canonical text of a selector (same as `selector.toString()`). */
export const selectorToString = (s: Selector): string => s.toString();

/**
 * Parses the `labelSelector` syntax (labels.Parse). Throws {@link LabelSelectorError} with upstream's message,
 * e.g. `unable to parse requirement: found '', expected: identifier`. `path` prefixes field names in validation
 * messages; without one they print as upstream's nil path (`<nil>: Invalid value: ...`).
 */
export function parseSelector(selector: string, path: FieldPath | null = null): Selector {
  return new RequirementsSelector(parseToRequirements(selector, path));
}
