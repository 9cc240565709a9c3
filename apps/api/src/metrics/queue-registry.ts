import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ALL_QUEUES } from '@qingshou/jobs';
import type { Queue } from 'bullmq';

/** Every registered BullMQ queue by name (QueuesModule registers them all, globally). */
@Injectable()
export class QueueRegistry {
  constructor(private readonly moduleRef: ModuleRef) {}

  all(): Queue[] {
    return ALL_QUEUES.map((name) => this.get(name)).filter((q): q is Queue => q !== null);
  }

  get(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null;
    }
  }
}
