import Handlebars from 'handlebars';
import { NoticeFrontMatter, readFrontMatter, TemplateRefusedError } from '@qingshou/notices';
import { splitFrontMatter } from './pack-files';
import { PackProblem } from './problem';
import type { ResolvedTemplate } from './resolved-pack';

/**
 * Reads one template: its front matter validated by the notices lib's own schema (the one
 * that renders it, so a pack can never declare a template the renderer would refuse), its
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
  let meta: NoticeFrontMatter;
  try {
    meta = readFrontMatter(NoticeFrontMatter, frontMatter, file);
  } catch (error) {
    if (!(error instanceof TemplateRefusedError)) throw error;
    out.push(
      ...error.problems.map((p) => ({
        path: `${file}:${p.path.replace(/^frontMatter\.?/, '')}`,
        reason: p.reason,
      })),
    );
    return null;
  }
  try {
    Handlebars.parse(body);
  } catch (error) {
    out.push({ path: file, reason: `template body: ${(error as Error).message.split('\n')[0]}` });
    return null;
  }
  return {
    name,
    pack,
    title: meta.title,
    channel: meta.channel,
    required: meta.required,
    replySlip: meta.replySlip ?? false,
    ...(meta.layout ? { layout: meta.layout } : {}),
    body,
    ...(meta.input?.length ? { input: meta.input.map((field) => ({ ...field })) } : {}),
    ...(meta.purpose && meta.purpose !== 'case-letter' ? { purpose: meta.purpose } : {}),
  };
}
