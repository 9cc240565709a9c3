import type {} from 'handlebars';
import type { FieldProblem } from '@qingshou/core';
import { BLOCK_BUILTINS, HelperSpec } from './helpers';
import { forbiddenSegment } from './path-rules';

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

export interface GuardContext {
  /** How problems name the file: 'template', 'partials/letterhead'. */
  readonly unit: string;
  /** Front matter lines above the body, so positions are file positions. */
  readonly lineOffset: number;
  readonly helpers: Readonly<Record<string, HelperSpec>>;
  readonly partials: ReadonlySet<string>;
}

export interface GuardResult {
  readonly problems: FieldProblem[];
  /** Partials the template calls directly. */
  readonly partials: Set<string>;
}

/**
 * Markup that turns a document into a program. Data is always escaped, but a template's own
 * text is not, and templates come from packs that tenant admins install; the preview route
 * also serves HTML from our origin.
 */
const ACTIVE_CONTENT = [
  { pattern: /<\s*(script|iframe|frame|object|embed|base)\b/i, what: 'an active element' },
  { pattern: /\son[a-z]+\s*=/i, what: 'an inline event handler' },
  { pattern: /javascript\s*:/i, what: 'a javascript: URL' },
];

/**
 * Reads a parsed template and lists everything we refuse, before handlebars compiles it:
 * unescaped output (`{{{x}}}`, `{{&x}}`), decorators, helpers outside the registry or with
 * the wrong number of arguments, built-ins used outside a block, dynamic or unknown
 * partials, paths into prototypes, and active HTML. Handlebars' own knownHelpersOnly check
 * runs afterwards as a second lock; this one exists to name the line and the reason.
 */
export function guardTemplate(ast: hbs.AST.Program, ctx: GuardContext): GuardResult {
  const problems: FieldProblem[] = [];
  const partials = new Set<string>();
  const at = (node: Node) =>
    `${ctx.unit}:${node.loc.start.line + ctx.lineOffset}:${node.loc.start.column + 1}`;
  const refuse = (node: Node, reason: string): void => {
    problems.push({ path: at(node), reason });
  };

  const path = (node: hbs.AST.PathExpression) => {
    const bad = forbiddenSegment(node.parts);
    if (bad) refuse(node, `${node.original} reaches ${bad}, which templates may not read`);
  };

  const helperCall = (
    node: Node,
    name: string,
    params: Expression[],
    hash: hbs.AST.Hash | undefined,
  ) => {
    const spec = ctx.helpers[name];
    if (!spec) {
      const known = Object.keys(ctx.helpers).join(', ');
      refuse(node, `calls unknown helper ${name}; the helpers are ${known}`);
    } else if (params.length !== spec.arity) {
      refuse(node, `${name} takes ${spec.arity} argument(s), got ${params.length}`);
    }
    if (hash && hash.pairs.length > 0) refuse(node, `${name} takes no name=value arguments`);
    params.forEach(expression);
  };

  const expression = (node: Expression): void => {
    switch (node.type) {
      case 'PathExpression':
        return path(node as hbs.AST.PathExpression);
      case 'SubExpression': {
        const sub = node as hbs.AST.SubExpression;
        return helperCall(sub, sub.path.original, sub.params, sub.hash);
      }
      default:
        return; // string, number, boolean, null and undefined literals
    }
  };

  const mustache = (node: hbs.AST.MustacheStatement) => {
    if (!node.escaped) {
      return refuse(node, 'prints without HTML escaping ({{{ }}} or {{& }}); use {{ }}');
    }
    if (node.path.type !== 'PathExpression') {
      return refuse(node, 'prints a literal as if it were a field; write the text directly');
    }
    const target = node.path as hbs.AST.PathExpression;
    const simple = target.parts.length === 1 && target.depth === 0 && !target.data;
    const name = target.original;
    if (simple && BLOCK_BUILTINS.has(name)) {
      return refuse(node, `${name} is a block helper: write {{#${name} …}}…{{/${name}}}`);
    }
    if (node.params.length > 0 || node.hash?.pairs.length > 0 || (simple && ctx.helpers[name])) {
      return helperCall(node, name, node.params, node.hash);
    }
    path(target);
  };

  const block = (node: hbs.AST.BlockStatement) => {
    const name = node.path.original;
    if (!BLOCK_BUILTINS.has(name)) {
      refuse(
        node,
        `{{#${name}}} is not a block helper; blocks are ${[...BLOCK_BUILTINS].join(', ')}`,
      );
    } else if (node.params.length !== 1) {
      refuse(node, `{{#${name}}} takes exactly one argument`);
    }
    if (node.hash?.pairs.length > 0) refuse(node, `{{#${name}}} takes no name=value arguments`);
    node.params.forEach(expression);
    if (node.program) program(node.program);
    if (node.inverse) program(node.inverse);
  };

  const partial = (node: hbs.AST.PartialStatement) => {
    if (node.name.type !== 'PathExpression') {
      return refuse(node, 'chooses a partial at render time; name it directly');
    }
    const name = (node.name as hbs.AST.PathExpression).original;
    if (!ctx.partials.has(name)) {
      const known = [...ctx.partials].join(', ') || 'none';
      return refuse(node, `calls unknown partial ${name}; the partials are ${known}`);
    }
    partials.add(name);
    if (node.params.length > 1) refuse(node, `partial ${name} takes at most one context`);
    node.params.forEach(expression);
    node.hash?.pairs.forEach((pair) => expression(pair.value));
  };

  const statement = (node: Node): void => {
    switch (node.type) {
      case 'MustacheStatement':
        return mustache(node as hbs.AST.MustacheStatement);
      case 'BlockStatement':
        return block(node as hbs.AST.BlockStatement);
      case 'PartialStatement':
        return partial(node as hbs.AST.PartialStatement);
      case 'ContentStatement': {
        const text = (node as hbs.AST.ContentStatement).value;
        for (const { pattern, what } of ACTIVE_CONTENT) {
          if (pattern.test(text)) refuse(node, `contains ${what}; notices are documents`);
        }
        return;
      }
      case 'CommentStatement':
        return;
      case 'PartialBlockStatement':
        return refuse(node, 'partial blocks ({{#> }}) are not used in notices');
      default:
        // Decorator, DecoratorBlock and anything a future handlebars adds.
        return refuse(node, `${node.type} is not allowed in notice templates`);
    }
  };

  const program = (node: hbs.AST.Program) => node.body.forEach(statement);

  program(ast);
  return { problems, partials };
}
