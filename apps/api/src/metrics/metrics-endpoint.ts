import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@qingshou/core';
import type { Application, NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { PrometheusRegistry } from './prometheus-registry';

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * GET /metrics (outside /api/v1, where Prometheus expects it), a plain Express route so
 * neither the prefix nor the JWT guard applies, and the HTTP timing of every request. With METRICS_TOKEN set,
 * the scrape must send `Authorization: Bearer <token>`; without it the endpoint is open in
 * development (a private network only) and refused in production (403, warned at boot).
 */
@Injectable()
export class MetricsEndpoint implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: PrometheusRegistry,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<Application>();
    if (!app || typeof app.use !== 'function') return;
    if (this.closed) {
      new Logger(MetricsEndpoint.name).warn(
        'GET /metrics is refused: NODE_ENV=production and METRICS_TOKEN is not set',
      );
    }
    app.get('/metrics', (req: Request, res: Response) => void this.scrape(req, res));
  }

  /** Mounted as Nest middleware (MetricsModule) so it runs before every route, guards too. */
  time(req: Request, res: Response, next: NextFunction): void {
    const end = this.metrics.http.startTimer();
    res.on('finish', () => {
      // The route pattern, never the raw path: ids in paths would explode the series.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }

  /** Production without a token: queue names and volumes are not for anyone who asks. */
  private get closed(): boolean {
    return this.config.isProduction && !this.config.METRICS_TOKEN;
  }

  private async scrape(req: Request, res: Response): Promise<void> {
    if (this.closed) {
      res.status(403).type('text/plain').send('metrics need METRICS_TOKEN in production');
      return;
    }
    const token = this.config.METRICS_TOKEN;
    if (token) {
      const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, token)) {
        res
          .status(401)
          .setHeader('WWW-Authenticate', 'Bearer')
          .type('text/plain')
          .send('unauthorised');
        return;
      }
    }
    try {
      const body = await this.metrics.text();
      res.status(200).setHeader('Content-Type', this.metrics.contentType()).send(body);
    } catch (error) {
      res
        .status(500)
        .type('text/plain')
        .send(`metrics unavailable: ${(error as Error).message}`);
    }
  }
}
