import { plainToInstance } from 'class-transformer';
import Handlebars from 'handlebars';
import { TemplateFrontMatter } from '../schema/template.schema';
import { parseYaml, splitFrontMatter } from './pack-files';
import { PackProblem } from './problem';
import type { ResolvedTemplate } from './resolved-pack';
import { validateInstance } from './validate-tree';

/**
 * Reads one template: its front matter (title, channel, required fields) validated, its
 * body parsed by handlebars so a syntax error surfaces at validation, not at first send.
 */
export function readTemplate(
  name: string,
  pack: string,
  text: string,
  out: PackProblem[],
): ResolvedTemplate | null {
  const file = `templates/${name}.hbs`;
  const { frontMatter, body } = splitFrontMatter(text);
  if (frontMatter === null) {
    out.push({
      path: file,
      reason: 'needs front matter between --- lines: title, channel, required',
    });
    return null;
  }
  const parsed = parseYaml(frontMatter, file);
  out.push(...parsed.problems);
  if (parsed.problems.length) return null;
  const meta = plainToInstance(TemplateFrontMatter, parsed.value ?? {});
  const problems = validateInstance(meta, '').map((p) => ({
    path: `${file}:${p.path}`,
    reason: p.reason,
  }));
  out.push(...problems);
  try {
    Handlebars.parse(body);
  } catch (error) {
    out.push({ path: file, reason: `template body: ${(error as Error).message.split('\n')[0]}` });
    return null;
  }
  if (problems.length) return null;
  return {
    name,
    pack,
    title: meta.title,
    channel: meta.channel,
    required: meta.required,
    replySlip: meta.replySlip,
    ...(meta.layout ? { layout: meta.layout } : {}),
    body,
  };
}
