import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

/*
 * The web benchmark's yardstick (not a benchmark itself: bench.js runs only *.bench.ts): a
 * bare Nest app on Express, one GET route answering a small JSON body with no guard, no
 * database, no template. `node web-bare.js <port>`; prints `listening` when ready.
 */
@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: true; at: string } {
    return { ok: true, at: new Date().toISOString() };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.argv[2]), '127.0.0.1');
  console.log('listening');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
