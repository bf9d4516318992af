/**
 * Sets of field paths (structured-merge-diff's fieldpath.Set): a trie where each node has *members* (paths
 * that end here) and *children* (paths that continue). A path can be both a member and a prefix of other
 * members, e.g. a list item that is owned as a whole and whose fields are owned too.
 *
 * Set operations return new sets and never share nodes with their inputs, so a result may be mutated with
 * {@link FieldSet.insert} freely. Iteration is in upstream's element order, which is also the order conflict
 * messages list paths in.
 */
import {
  comparePathElements,
  serializePathElement,
  type Path,
  type PathElement,
} from './path-element.js';

interface Child {
  readonly pe: PathElement;
  readonly set: FieldSet;
}

const byElement = (a: { pe: PathElement }, b: { pe: PathElement }) => comparePathElements(a.pe, b.pe);

/** A mutable set of field paths. */
export class FieldSet {
  // Keyed by the serialized element, which is a canonical identity.
  private readonly members = new Map<string, PathElement>();
  private readonly children = new Map<string, Child>();

  /** A set holding the given paths. */
  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Adds a path. The empty path is ignored (the root is never a member). */
  insert(path: Path): void {
    if (path.length === 0) return;
    let node: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) node = node.descend(path[i]!);
    const last = path[path.length - 1]!;
    node.members.set(serializePathElement(last), last);
  }

  /** The child set under `pe`, created when absent (for building). */
  descend(pe: PathElement): FieldSet {
    const key = serializePathElement(pe);
    let c = this.children.get(key);
    if (!c) {
      c = { pe, set: new FieldSet() };
      this.children.set(key, c);
    }
    return c.set;
  }

  /**
   * Puts `set` below `pe`, merged with what is already there. The set is adopted, not copied: the caller must
   * not use it afterwards.
   */
  attach(pe: PathElement, set: FieldSet): void {
    if (set.empty()) return;
    const key = serializePathElement(pe);
    const c = this.children.get(key);
    this.children.set(key, { pe, set: c ? c.set.union(set) : set });
  }

  /** The paths under `pe` without copying (undefined when there are none); callers must not mutate it. */
  childSet(pe: PathElement): FieldSet | undefined {
    const c = this.children.get(serializePathElement(pe));
    return c && !c.set.empty() ? c.set : undefined;
  }

  /** Marks `pe` itself as a member of this node. */
  insertMember(pe: PathElement): void {
    this.members.set(serializePathElement(pe), pe);
  }

  has(path: Path): boolean {
    if (path.length === 0) return false;
    let node: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && node; i++) node = node.children.get(serializePathElement(path[i]!))?.set;
    return node !== undefined && node.members.has(serializePathElement(path[path.length - 1]!));
  }

  hasMember(pe: PathElement): boolean {
    return this.members.has(serializePathElement(pe));
  }

  empty(): boolean {
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.set.empty()) return false;
    return true;
  }

  /** The paths under `pe`, relative to it (a copy; empty when there are none). */
  withPrefix(pe: PathElement): FieldSet {
    return this.children.get(serializePathElement(pe))?.set.clone() ?? new FieldSet();
  }

  /** Members of this node, in upstream order. */
  memberElements(): PathElement[] {
    return [...this.members.values()].sort(comparePathElements);
  }

  /** Non-empty children of this node, in upstream order. */
  childNodes(): { pe: PathElement; set: FieldSet }[] {
    return [...this.children.values()].filter((c) => !c.set.empty()).sort(byElement);
  }

  clone(): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) out.members.set(k, pe);
    for (const [k, c] of this.children) if (!c.set.empty()) out.children.set(k, { pe: c.pe, set: c.set.clone() });
    return out;
  }

  /** Paths in either set. */
  union(o: FieldSet): FieldSet {
    const out = this.clone();
    for (const [k, pe] of o.members) out.members.set(k, pe);
    for (const [k, c] of o.children) {
      if (c.set.empty()) continue;
      const mine = out.children.get(k);
      out.children.set(k, { pe: c.pe, set: mine ? mine.set.union(c.set) : c.set.clone() });
    }
    return out;
  }

  /** Paths in both sets. */
  intersection(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      const theirs = o.children.get(k);
      if (!theirs) continue;
      const both = c.set.intersection(theirs.set);
      if (!both.empty()) out.children.set(k, { pe: c.pe, set: both });
    }
    return out;
  }

  /**
   * Paths of this set that are not in `o`. Not recursive: a member of `o` removes only that exact path, not
   * the paths below it (upstream's Difference).
   */
  difference(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      const theirs = o.children.get(k);
      const rest = theirs ? c.set.difference(theirs.set) : c.set.clone();
      if (!rest.empty()) out.children.set(k, { pe: c.pe, set: rest });
    }
    return out;
  }

  /** Like {@link difference}, but a member of `o` also removes everything below it. */
  recursiveDifference(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!o.members.has(k)) out.members.set(k, pe);
    for (const [k, c] of this.children) {
      if (o.members.has(k)) continue;
      const theirs = o.children.get(k);
      const rest = theirs ? c.set.recursiveDifference(theirs.set) : c.set.clone();
      if (!rest.empty()) out.children.set(k, { pe: c.pe, set: rest });
    }
    return out;
  }

  /** Calls `fn` for every member path: this node's members first, then each child's, in upstream order. */
  iterate(fn: (path: Path) => void, prefix: Path = []): void {
    for (const pe of this.memberElements()) fn([...prefix, pe]);
    for (const c of this.childNodes()) c.set.iterate(fn, [...prefix, c.pe]);
  }

  /** All member paths, in {@link iterate} order. */
  paths(): Path[] {
    const out: Path[] = [];
    this.iterate((p) => out.push(p));
    return out;
  }

  equals(o: FieldSet): boolean {
    return this.difference(o).empty() && o.difference(this).empty();
  }
}
