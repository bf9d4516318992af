/**
 * Lexer and recursive-descent parser for the label selector string syntax:
 *
 *   selector    ::= requirement ( "," requirement )*
 *   requirement ::= [ "!" ] KEY [ ( "in" | "notin" ) "(" VALUES ")" | ( "=" | "==" | "!=" | ">" | "<" ) VALUE ]
 *
 * It reproduces upstream's tokenisation (whitespace separates tokens, `in`/`notin` are keywords only where an
 * operator is expected) and its error messages word for word.
 */
import type { FieldPath } from '../field-errors.js';
import { compareGoStrings } from '../go-format.js';
import {
  BINARY_OPERATORS,
  LabelSelectorError,
  newRequirement,
  validateLabelKey,
  type Operator,
  type Requirement,
} from './requirement.js';

const enum Tok {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const KEYWORDS: ReadonlyMap<string, Tok> = new Map([
  [')', Tok.ClosedPar],
  [',', Tok.Comma],
  ['!', Tok.DoesNotExist],
  ['==', Tok.DoubleEquals],
  ['=', Tok.Equals],
  ['>', Tok.GreaterThan],
  ['in', Tok.In],
  ['<', Tok.LessThan],
  ['!=', Tok.NotEquals],
  ['notin', Tok.NotIn],
  ['(', Tok.OpenPar],
]);

interface Item {
  tok: Tok;
  lit: string;
}

const isWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string): boolean => '=!(),><'.includes(c) && c !== '';

/** Splits the input into tokens. Like upstream, a NUL character ends the input. */
function lex(s: string): Item[] {
  let pos = 0;
  // '' stands for Go's 0 byte: end of input.
  const read = (): string => (pos < s.length ? s[pos++]! : '');
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '' || ch === '\0') {
      items.push({ tok: Tok.EndOfString, lit: '' });
      return items;
    }
    pos--;
    if (isSpecial(ch)) {
      // Longest run of special characters that still forms an operator: "!=" but "=" then "(" in "=(".
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '' || c === '\0') break;
        if (!isSpecial(c)) {
          pos--;
          break;
        }
        buf += c;
        const t = KEYWORDS.get(buf);
        if (t !== undefined) last = { tok: t, lit: buf };
        else if (last) {
          pos--;
          break;
        }
      }
      items.push(last ?? { tok: Tok.Error, lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '' || c === '\0') break;
        if (isSpecial(c) || isWhitespace(c)) {
          pos--;
          break;
        }
        buf += c;
      }
      const t = KEYWORDS.get(buf);
      items.push({ tok: t ?? Tok.Identifier, lit: buf });
    }
  }
}

/** Where a token is read: in value position `in`/`notin` are plain identifiers. */
const enum Ctx {
  KeyAndOperator,
  Values,
}

class Parser {
  private pos = 0;
  constructor(
    private readonly items: Item[],
    private readonly path: FieldPath | null,
  ) {}

  private lookahead(ctx: Ctx): Item {
    const it = this.items[this.pos]!;
    return ctx === Ctx.Values && (it.tok === Tok.In || it.tok === Tok.NotIn)
      ? { tok: Tok.Identifier, lit: it.lit }
      : it;
  }

  private consume(ctx: Ctx): Item {
    const it = this.lookahead(ctx);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(Ctx.Values);
      if (tok === Tok.EndOfString) return reqs;
      if (tok !== Tok.Identifier && tok !== Tok.DoesNotExist) {
        throw new LabelSelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
      try {
        reqs.push(this.parseRequirement());
      } catch (e) {
        throw new LabelSelectorError(`unable to parse requirement: ${(e as Error).message}`, { cause: e });
      }
      const next = this.consume(Ctx.Values);
      if (next.tok === Tok.EndOfString) return reqs;
      if (next.tok !== Tok.Comma) throw new LabelSelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead(Ctx.Values);
      if (after.tok !== Tok.Identifier && after.tok !== Tok.DoesNotExist) {
        throw new LabelSelectorError(`found '${after.lit}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirement(): Requirement {
    const { key, operator } = this.parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, [], this.path);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // Upstream collects values in a set and passes them on sorted.
    return newRequirement(key, op, [...values].sort(compareGoStrings), this.path);
  }

  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined;
    let it = this.consume(Ctx.Values);
    if (it.tok === Tok.DoesNotExist) {
      operator = '!';
      it = this.consume(Ctx.Values);
    }
    if (it.tok !== Tok.Identifier) throw new LabelSelectorError(`found '${it.lit}', expected: identifier`);
    const keyErr = validateLabelKey(it.lit, this.path);
    if (keyErr) throw new LabelSelectorError(keyErr.toString());
    const next = this.lookahead(Ctx.Values).tok;
    if ((next === Tok.EndOfString || next === Tok.Comma) && operator !== '!') operator = 'exists';
    return { key: it.lit, operator };
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(Ctx.KeyAndOperator);
    switch (tok) {
      case Tok.In:
        return 'in';
      case Tok.Equals:
        return '=';
      case Tok.DoubleEquals:
        return '==';
      case Tok.GreaterThan:
        return 'gt';
      case Tok.LessThan:
        return 'lt';
      case Tok.NotIn:
        return 'notin';
      case Tok.NotEquals:
        return '!=';
      default:
        throw new LabelSelectorError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  private parseValues(): Set<string> {
    const open = this.consume(Ctx.Values);
    if (open.tok !== Tok.OpenPar) throw new LabelSelectorError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(Ctx.Values);
    if (tok === Tok.ClosedPar) {
      this.consume(Ctx.Values);
      return new Set(['']);
    }
    if (tok !== Tok.Identifier && tok !== Tok.Comma) {
      throw new LabelSelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    if (this.consume(Ctx.Values).tok !== Tok.ClosedPar) throw new LabelSelectorError(`found '${lit}', expected: ')'`);
    return values;
  }

  // A possibly empty, comma-separated list of possibly empty identifiers: "(a,,b)" and "(,a)" hold "".
  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(Ctx.Values);
      if (tok === Tok.Identifier) {
        s.add(lit);
        const next = this.lookahead(Ctx.Values);
        if (next.tok === Tok.Comma) continue;
        if (next.tok === Tok.ClosedPar) return s;
        throw new LabelSelectorError(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === Tok.Comma) {
        if (s.size === 0) s.add('');
        const next = this.lookahead(Ctx.Values).tok;
        if (next === Tok.ClosedPar) {
          s.add('');
          return s;
        }
        if (next === Tok.Comma) {
          this.consume(Ctx.Values);
          s.add('');
        }
      } else {
        throw new LabelSelectorError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const next = this.lookahead(Ctx.Values).tok;
    if (next === Tok.EndOfString || next === Tok.Comma) return new Set(['']);
    const { tok, lit } = this.consume(Ctx.Values);
    if (tok === Tok.Identifier) return new Set([lit]);
    throw new LabelSelectorError(`found '${lit}', expected: identifier`);
  }
}

/**
 * Parses a selector string into its requirements, sorted by key (labels.ParseToRequirements). Throws
 * {@link LabelSelectorError} with upstream's message.
 */
export function parseToRequirements(selector: string, path: FieldPath | null = null): Requirement[] {
  const reqs = new Parser(lex(selector), path).parse();
  return reqs.sort((a, b) => compareGoStrings(a.key, b.key));
}
