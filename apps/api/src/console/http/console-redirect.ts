/**
 * Console handlers return HTML strings (200). The two other answers a page gives are
 * thrown and sent by ConsoleErrorFilter, since Nest fixes a route's status in advance:
 * a redirect (303, or HX-Redirect for htmx) and HTML with another status (422 for a form
 * shown again with its errors).
 */
export class ConsoleRedirect extends Error {
  constructor(
    readonly location: string,
    /** A message key shown once on the next page. */
    readonly flash?: string,
  ) {
    super(`redirect to ${location}`);
  }
}

export class ConsoleHtml extends Error {
  constructor(
    readonly html: string,
    readonly status: number,
  ) {
    super(`HTML answer ${status}`);
  }
}
