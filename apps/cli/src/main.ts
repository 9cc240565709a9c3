import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { ConfigError, DomainError, safeErrorMessage } from '@qingshou/core';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      // Commander's own exits (--help, a missing option) have already printed their text.
      if ((error as { code?: string }).code?.startsWith('commander.'))
        process.exit(error.message.includes('(outputHelp)') ? 0 : 2);
      report(error);
    },
    serviceErrorHandler: report,
  });
}

function report(error: Error): never {
  if (error instanceof DomainError) {
    const fields = error.problems.map((p) => `${p.path}: ${p.reason}`).join('; ');
    console.error(`error: ${error.message}${fields ? ` (${fields})` : ''}`);
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    // A driver error's message inlines the statement's values (ID numbers, names).
    console.error(`error: ${safeErrorMessage(error)}`);
  }
  process.exit(1);
}

main().catch(report);
