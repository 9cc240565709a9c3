import Handlebars from 'handlebars';

/** The compiler stages handlebars' own compile() runs after parsing (not in its typings). */
interface Compilers {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: CompileOptions): unknown };
  JavaScriptCompiler: new () => {
    compile(
      environment: unknown,
      options: CompileOptions,
      context: undefined,
      asObject: true,
    ): TemplateSpecification;
  };
}

/** `{{@body}}`: where a layout prints the rendered body. */
function isBodySlot(node: hbs.AST.Statement): boolean {
  if (node.type !== 'MustacheStatement') return false;
  const mustache = node as hbs.AST.MustacheStatement;
  const path = mustache.path as hbs.AST.PathExpression;
  return (
    path.type === 'PathExpression' &&
    path.data &&
    path.parts.length === 1 &&
    path.parts[0] === 'body' &&
    mustache.params.length === 0 &&
    !mustache.hash
  );
}

/** How many paths anywhere in `node` read `@body` (or a member of it). */
function bodyReads(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  if (Array.isArray(node)) return node.reduce((n: number, item) => n + bodyReads(item), 0);
  const record = node as Record<string, unknown>;
  if (record.type === 'PathExpression') {
    const path = node as hbs.AST.PathExpression;
    return path.data && path.parts[0] === 'body' ? 1 : 0;
  }
  let reads = 0;
  for (const key of Object.keys(record)) if (key !== 'loc') reads += bodyReads(record[key]);
  return reads;
}

/**
 * The layout with the template's body in place of its `{{@body}}`, as one template: a letter
 * is then one handlebars call instead of two, and each top-level call sets up the helpers,
 * partials and prototype-access control anew (~1 µs, measured). Both sources are parsed (and
 * their whitespace control applied) separately, exactly as for two calls; the spliced tree
 * goes straight to handlebars' compiler stages — compile() would apply whitespace control
 * again across the seam — so the HTML is byte for byte that of the body rendered and then
 * printed by the layout. Same compile options (strict, knownHelpersOnly, escaping).
 *
 * Only when the layout reads `@body` exactly once, as a plain `{{@body}}` at its top level
 * (so the body runs in the root context, as it does on its own); otherwise undefined, and
 * the engine renders body and layout one after the other. (A shared partial that read
 * `@body` would fail in the spliced template and every letter would be re-rendered in two
 * calls: correct, only slower. None does.)
 */
export function pageOf(
  env: typeof Handlebars,
  options: CompileOptions,
  body: string,
  layout: string,
): Handlebars.TemplateDelegate | undefined {
  const layoutAst = env.parse(layout);
  const slot = layoutAst.body.findIndex(isBodySlot);
  if (slot < 0 || bodyReads(layoutAst) !== 1) return undefined;
  const bodyAst = env.parse(body);
  const page: hbs.AST.Program = {
    ...layoutAst,
    body: [...layoutAst.body.slice(0, slot), ...bodyAst.body, ...layoutAst.body.slice(slot + 1)],
  };
  // As handlebars' compile() prepares them; a fresh object, the compiler writes into it.
  const compileOptions: CompileOptions = { ...options, data: true };
  const { Compiler, JavaScriptCompiler } = env as unknown as Compilers;
  try {
    const environment = new Compiler().compile(page, compileOptions);
    const spec = new JavaScriptCompiler().compile(environment, compileOptions, undefined, true);
    return env.template(spec);
  } catch {
    // Both parts compiled on their own already; should the splice not, two calls still work.
    return undefined;
  }
}
