import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { ALL_QUEUES } from '@qingshou/jobs';
import { Sessions, TenancyModule } from '@qingshou/tenancy';
import type { NextFunction, Request, Response } from 'express';

/**
 * bull-board at /admin/queues for platform admins only: a bearer token, or the same token
 * in the `qs_token` cookie so a browser can open it; its session must be live (not signed out).
 */
function platformAdminOnly(sessions: Sessions) {
  return (req: Request, res: Response, next: NextFunction) => {
    void check(sessions, req, res, next).catch(next);
  };
}

async function check(sessions: Sessions, req: Request, res: Response, next: NextFunction) {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const cookie = /(?:^|;\s*)qs_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  const principal = (await sessions.authenticate(bearer ?? cookie ?? ''))?.principal;
  if (!principal) {
    res
      .status(401)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          title: 'Unauthorized',
          status: 401,
          detail: 'A platform-admin token is required',
        }),
      );
    return;
  }
  if (!principal.roles.includes('platform-admin')) {
    res
      .status(403)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          title: 'Forbidden',
          status: 403,
          detail: 'Only platform admins see the queues',
        }),
      );
    return;
  }
  next();
}

export const QueueBoardModules = [
  BullBoardModule.forRootAsync({
    imports: [TenancyModule],
    inject: [Sessions],
    useFactory: (sessions: Sessions) => ({
      route: '/admin/queues',
      adapter: ExpressAdapter,
      middleware: platformAdminOnly(sessions),
    }),
  }),
  ...ALL_QUEUES.map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
];
