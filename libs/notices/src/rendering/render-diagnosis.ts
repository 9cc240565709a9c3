import type {} from 'handlebars';
import type { FieldProblem } from '@qingshou/core';
import { HelperArgumentError } from './template-errors';

type Node = hbs.AST.Node;
type PathNode = hbs.AST.PathExpression;

/** One compiled unit (the template body, a layout or a partial) as the diagnosis sees it. */
export interface UnitSource {
  readonly unit: string;
  readonly ast: hbs.AST.Program;
  readonly lineOffset: number;
}

interface Frame {
  /** Absolute data path of this context ('' at the root, 'statement.lines[]' in an each). */
  readonly prefix: string;
  readonly params: Readonly<Record<string, string>>;
}

interface Visit {
  readonly node: Node;
  readonly stack: readonly Frame[];
  /** Inside an each/with: the context is not the root data. */
  readonly scoped: boolean;
}

const join = (prefix: string, rest: string) =>
  prefix && rest ? `${prefix}.${rest}` : prefix || rest;

/** A template path as a data path: `amount` inside `{{#each statement.lines}}` → 'statement.lines[].amount'. */
function resolve(path: PathNode, stack: readonly Frame[]): string {
  if (path.data) {
    return path.parts[0] === 'root' ? path.parts.slice(1).join('.') : `@${path.original}`;
  }
  const [head, ...rest] = path.parts;
  if (path.depth === 0 && head !== undefined) {
    for (let i = stack.length - 1; i >= 0; i--) {
      const param = stack[i].params[head];
      if (param !== undefined) return join(param, rest.join('.'));
    }
  }
  const frame = stack[Math.max(0, stack.length - 1 - path.depth)];
  return join(frame.prefix, path.parts.join('.'));
}

/** Every node of a unit, with the context stack it runs in. */
function walk(ast: hbs.AST.Program): Visit[] {
  const visits: Visit[] = [];
  const expression = (node: Node, stack: readonly Frame[], scoped: boolean): void => {
    visits.push({ node, stack, scoped });
    const call = node as Partial<hbs.AST.SubExpression>;
    if (node.type === 'SubExpression') {
      call.params?.forEach((p) => expression(p, stack, scoped));
    }
  };
  const program = (node: hbs.AST.Program, stack: readonly Frame[], scoped: boolean): void => {
    for (const statement of node.body) {
      visits.push({ node: statement, stack, scoped });
      const call = statement as Partial<hbs.AST.BlockStatement>;
      if (call.path) expression(call.path, stack, scoped);
      call.params?.forEach((p) => expression(p, stack, scoped));
      if (statement.type !== 'BlockStatement') continue;
      const block = statement as hbs.AST.BlockStatement;
      const name = block.path.original;
      const first = block.params[0];
      let inner = stack;
      if ((name === 'each' || name === 'with') && first?.type === 'PathExpression') {
        const base = resolve(first as PathNode, stack);
        const prefix = name === 'each' ? `${base}[]` : base;
        const [item, index] = block.program.blockParams ?? [];
        const params: Record<string, string> = {};
        if (item) params[item] = prefix;
        if (index) params[index] = `${base}#index`;
        inner = [...stack, { prefix, params }];
      }
      const innerScoped = scoped || inner !== stack;
      program(block.program, inner, innerScoped);
      if (block.inverse) program(block.inverse, stack, scoped);
    }
  };
  program(ast, [{ prefix: '', params: {} }], false);
  return visits;
}

const at = (source: UnitSource, node: Node) =>
  `${source.unit} line ${node.loc.start.line + source.lineOffset}`;

function atLocation(visits: Visit[], line: number, column: number, types: string[]): Visit[] {
  return visits.filter(
    (v) =>
      types.includes(v.node.type) &&
      v.node.loc.start.line === line &&
      v.node.loc.start.column === column,
  );
}

/** The first own-property segment of `path` that is absent in `data`, or -1. */
function missingSegment(data: unknown, parts: readonly string[]): number {
  let current: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || typeof current !== 'object') return i;
    if (!Object.prototype.hasOwnProperty.call(current, parts[i])) return i;
    current = (current as Record<string, unknown>)[parts[i]];
  }
  return current === undefined || current === null ? parts.length - 1 : -1;
}

/**
 * Turns a failure inside handlebars into problems that name the data path. Strict-mode
 * lookups and our helpers report a location; a missing parent object in a helper argument
 * (`{{money amounts.total}}` without `amounts`) fails with a bare TypeError, so for those we
 * re-read the template's root-context paths against the data.
 */
export function diagnose(error: unknown, source: UnitSource, data: unknown): FieldProblem[] {
  const visits = walk(source.ast);
  if (error instanceof HelperArgumentError && error.loc) {
    const { line, column } = error.loc.start;
    const types = ['MustacheStatement', 'SubExpression', 'BlockStatement'];
    for (const visit of atLocation(visits, line, column, types)) {
      const call = visit.node as hbs.AST.SubExpression;
      if (call.path?.original !== error.helper) continue;
      const argument = call.params[error.argument];
      const where = `(${error.helper}, ${at(source, visit.node)})`;
      if (argument?.type === 'PathExpression') {
        const path = resolve(argument as PathNode, visit.stack);
        return [{ path: `data.${path}`, reason: `${error.reason} ${where}` }];
      }
      return [{ path: at(source, visit.node), reason: `${error.helper}: ${error.reason}` }];
    }
    return [{ path: source.unit, reason: error.message }];
  }
  const located = error as { message?: string; lineNumber?: number; column?: number };
  if (typeof located.lineNumber === 'number' && typeof located.column === 'number') {
    const hits = atLocation(visits, located.lineNumber, located.column, ['PathExpression']);
    if (hits.length > 0) {
      return hits.map((v) => ({
        path: `data.${resolve(v.node as PathNode, v.stack)}`,
        reason: `is missing (${at(source, v.node)})`,
      }));
    }
  }
  const message = String(located.message ?? error);
  const reading = /reading '([^']+)'/.exec(message)?.[1];
  const suspects = visits.filter((v) => {
    if (v.node.type !== 'PathExpression' || v.scoped) return false;
    const path = v.node as PathNode;
    if (path.data || path.parts.length < 2) return false;
    const gap = missingSegment(data, path.parts);
    return gap >= 0 && gap < path.parts.length - 1 && (!reading || path.parts[gap + 1] === reading);
  });
  if (suspects.length > 0) {
    const seen = new Set<string>();
    return suspects.flatMap((v) => {
      const path = v.node as PathNode;
      const missing = path.parts.slice(0, missingSegment(data, path.parts) + 1).join('.');
      if (seen.has(missing)) return [];
      seen.add(missing);
      return [
        {
          path: `data.${missing}`,
          reason: `is missing, so ${path.original} cannot be read (${at(source, v.node)})`,
        },
      ];
    });
  }
  return [{ path: source.unit, reason: message }];
}
