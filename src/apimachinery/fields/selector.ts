/**
 * Field selectors: the `fieldSelector` query parameter (`metadata.name=web,status.phase!=Running`).
 *
 * Only `=`, `==` and `!=` exist; values may escape `\`, `,` and `=` with a backslash. A field an object does not
 * have reads as the empty string. Which field names a resource supports is the registry's business: it checks
 * {@link FieldSelector.requirements} and rejects others with {@link fieldLabelNotSupported}. Selectors are
 * immutable values.
 */
import { compareGoStrings } from '../go-format.js';

/** A field selector that could not be parsed or is not supported; `message` is upstream's text (400). */
export class FieldSelectorError extends Error {
  override readonly name = 'FieldSelectorError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** One term. `==` parses to `=`, as upstream normalises it. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** The selectable fields of an object, e.g. `{ 'metadata.name': 'web', 'status.phase': 'Running' }`. */
export type Fields = Readonly<Record<string, string>>;

/**
 * Rewrites one term (field label conversion: a versioned field name to the internal one, or a value to its
 * canonical form). Returning an empty field and value drops the term. Throwing rejects the selector.
 */
export type TransformFunc = (field: string, value: string) => [field: string, value: string];

const get = (fields: Fields, f: string): string => (Object.hasOwn(fields, f) ? fields[f]! : '');

/** A parsed field selector: an AND of terms, or the special "nothing" selector. */
export class FieldSelector {
  private constructor(
    private readonly terms: readonly FieldRequirement[],
    private readonly none: boolean,
  ) {}

  /** @internal Use {@link parseFieldSelector} and the other constructors below. */
  static of(terms: readonly FieldRequirement[], none = false): FieldSelector {
    return new FieldSelector(terms, none);
  }

  /** Whether every term holds for `fields`. */
  matches(fields: Fields): boolean {
    if (this.none) return false;
    return this.terms.every((t) => (get(fields, t.field) === t.value) === (t.operator === '='));
  }

  /** True when the selector selects everything. The "nothing" selector is not empty. */
  isEmpty(): boolean {
    return !this.none && this.terms.length === 0;
  }

  /** True only for the selector that matches nothing ({@link nothing}). */
  selectsNothing(): boolean {
    return this.none;
  }

  /** The terms in order (sorted by their text when parsed). Empty for the "nothing" selector. */
  requirements(): readonly FieldRequirement[] {
    return this.terms;
  }

  /** The value `field` must equal, when an `=` term pins it (for index lookups such as `spec.nodeName`). */
  requiresExactMatch(field: string): string | undefined {
    return this.terms.find((t) => t.field === field && t.operator === '=')?.value;
  }

  /** A selector with every term passed through `fn`; terms it maps to an empty field and value are dropped. */
  transform(fn: TransformFunc): FieldSelector {
    if (this.none) return this;
    const out: FieldRequirement[] = [];
    for (const t of this.terms) {
      const [field, value] = fn(t.field, t.value);
      if (field !== '' || value !== '') out.push({ field, operator: t.operator, value });
    }
    return new FieldSelector(out, false);
  }

  /** Canonical text, values escaped: `a=b,c!=d`. */
  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeValue(t.value)}`).join(',');
  }
}

/** The selector that matches everything. */
export const everything = (): FieldSelector => FieldSelector.of([]);

/** The selector that matches nothing. */
export const nothing = (): FieldSelector => FieldSelector.of([], true);

/** A single `field=value` term. */
export const oneTermEqualSelector = (field: string, value: string): FieldSelector =>
  FieldSelector.of([{ field, operator: '=', value }]);

/** A single `field!=value` term. */
export const oneTermNotEqualSelector = (field: string, value: string): FieldSelector =>
  FieldSelector.of([{ field, operator: '!=', value }]);

/** `field=value` for each entry. */
export const selectorFromSet = (set: Fields): FieldSelector =>
  FieldSelector.of(Object.entries(set).map(([field, value]) => ({ field, operator: '=' as const, value })));

/** The AND of several selectors. */
export function andSelectors(...selectors: FieldSelector[]): FieldSelector {
  if (selectors.some((s) => s.selectsNothing())) return nothing();
  return FieldSelector.of(selectors.flatMap((s) => s.requirements()));
}

/** Escapes `\`, `,` and `=` in a value so it can be embedded in selector text. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c);
}

/** Reverses {@link escapeValue}; throws {@link FieldSelectorError} on a bad escape or an unescaped `,`/`=`. */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Upstream prints the rune with %v, i.e. as its code point number.
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

// Splits on commas that are not escaped; the escape itself stays for unescapeValue.
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

// The first operator occurrence wins; at one position "!=" and "==" are tried before "=".
function splitTerm(term: string): { lhs: string; op: '=' | '==' | '!='; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/**
 * Parses field selector text (fields.ParseSelector). Terms are sorted by their text, empty terms skipped, and
 * no whitespace is trimmed. Throws {@link FieldSelectorError} with upstream's message.
 */
export function parseFieldSelector(selector: string, transform?: TransformFunc): FieldSelector {
  const terms: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort(compareGoStrings)) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    terms.push({ field: t.lhs, operator: t.op === '!=' ? '!=' : '=', value: unescapeValue(t.rhs) });
  }
  const sel = FieldSelector.of(terms);
  return transform ? sel.transform(transform) : sel;
}

/** Upstream's error for a field name a resource does not support: `field label not supported: x`. */
export function fieldLabelNotSupported(field: string): FieldSelectorError {
  return new FieldSelectorError(`field label not supported: ${field}`);
}

/** Throws {@link fieldLabelNotSupported} for the first term whose field is not in `supported`. */
export function checkSupportedFields(selector: FieldSelector, supported: Iterable<string>): void {
  const ok = new Set(supported);
  const bad = selector.requirements().find((r) => !ok.has(r.field));
  if (bad) throw fieldLabelNotSupported(bad.field);
}
