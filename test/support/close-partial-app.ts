import { STATIC_CONTEXT } from '@nestjs/core/injector/constants';
import type { NestContainer } from '@nestjs/core/injector/container';
import type { TestingModuleBuilder } from '@nestjs/testing';

const HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'] as const;
type Hooked = Partial<Record<(typeof HOOKS)[number], () => unknown>>;

/**
 * After `builder.compile()` threw (a provider that cannot be resolved, a factory that failed),
 * there is no module to close, yet the providers built before the failure hold the ORM's
 * pool and Redis connections, and jest would wait for them until its timeout. This runs
 * their shutdown hooks as `app.close()` would (deepest modules first), on the instances that
 * were built only, once those still being built have settled; a failing hook is skipped.
 */
export async function closePartialApp(builder: TestingModuleBuilder): Promise<void> {
  const container = (builder as unknown as { container?: NestContainer }).container;
  if (!container) return;
  const modules = [...container.getModules().values()].sort((a, b) => b.distance - a.distance);
  const hosts = modules.flatMap((m) =>
    [...m.providers.values()]
      .filter((wrapper) => !wrapper.isTransient)
      .map((wrapper) => wrapper.getInstanceByContextId(STATIC_CONTEXT)),
  );
  // Promise.all gave up at the first rejection; its siblings may still be opening connections.
  await Promise.race([
    Promise.allSettled(hosts.map((host) => host.donePromise)),
    new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
  ]);
  const built = hosts
    .filter((host) => host.isResolved && host.instance)
    .map((host) => host.instance as Hooked);
  for (const hook of HOOKS) {
    for (const instance of built) {
      if (typeof instance[hook] !== 'function') continue;
      await Promise.resolve()
        .then(() => instance[hook]?.())
        .catch(() => undefined);
    }
  }
}
