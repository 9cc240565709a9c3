import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../../auth/access.decorators';
import { from, lastValueFrom, Observable } from 'rxjs';

/**
 * A console page read (GET) by a signed-in tenant user runs in one transaction on one
 * pooled connection (TenantTx.share): the page's queries — the worklist and its pack
 * vocabulary, the case page's panels — join it instead of each taking a connection and a
 * BEGIN/bind/COMMIT of its own (issue 15 §1). POSTs keep a transaction a command.
 */
/**
 * Downloads (a PDF printed by the browser, a spreadsheet, a recording) keep their own short
 * transactions: the shared one would hold a pooled connection while the file is made.
 */
const FILE_ROUTE = /\/(pdf|export|file|download)$|\.csv$|\/documents\//;

@Injectable()
export class SharedTxInterceptor implements NestInterceptor {
  constructor(private readonly tx: TenantTx) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const tenantId = request.principal?.tenantId;
    if (request.method !== 'GET' || !tenantId || FILE_ROUTE.test(request.path))
      return next.handle();
    return from(
      this.tx.share(tenantId, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
    );
  }
}
