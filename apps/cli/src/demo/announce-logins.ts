import { DemoLogin, formatLogins } from './credentials-file';

/**
 * What `demo` prints about the logins it created. The passwords go to a person at a terminal
 * once, on plain stdout (never through a logger), and always into the git-ignored file. When
 * stdout is a pipe or a file — a container or a service whose output a log store collects —
 * the text names the file and holds no password (issue 14, "a readable first screen").
 */
export function loginAnnouncement(
  created: readonly DemoLogin[],
  file: string,
  stdoutIsTerminal: boolean,
): string {
  if (created.length === 0) return `Demo tenants are ready; their passwords are in ${file}`;
  if (!stdoutIsTerminal) {
    return (
      `${created.length} demo users created; their passwords are in ${file}` +
      ' (not printed: stdout is not a terminal)'
    );
  }
  return `Demo users created (also saved to ${file}):\n${formatLogins(created)}`;
}
