import { DomainError, FieldProblem } from '@qingshou/core';
import { ConsoleRedirect } from '../http/console-redirect';
import { FormSpec, FormState, formWithProblems } from './form-state';

/** One form of a case-page panel: its spec, what was posted, what is already wrong with it. */
export interface PanelFormRun {
  readonly spec: FormSpec;
  readonly values: Record<string, string>;
  /** Problems the controller found before dispatching (required fields…): nothing is sent. */
  readonly problems: readonly FieldProblem[];
  /** Where a success goes (303) and the flash it shows there. */
  readonly redirect: string;
  readonly flash: string;
}

/**
 * The case-page panels' one way to run a form (actions, disputes, plans): bad input or a
 * command's refusal (a DomainError under 500, not a 404 — a case the viewer may not see stays
 * the 404 page) re-renders the panel with the message at the field, status 422, and saves
 * nothing; a success answers 303 to the case with a flash.
 */
export async function runPanelForm(
  run: PanelFormRun,
  act: () => Promise<unknown>,
  rerender: (form: FormState) => Promise<string>,
): Promise<string> {
  if (run.problems.length) {
    return rerender(formWithProblems(run.spec, run.values, run.problems, null, null));
  }
  try {
    await act();
  } catch (error) {
    if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) {
      throw error;
    }
    return rerender(
      formWithProblems(run.spec, run.values, error.problems, error.message, error.code),
    );
  }
  throw new ConsoleRedirect(run.redirect, run.flash);
}
