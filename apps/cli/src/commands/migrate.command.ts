import { AppConfig } from '@qingshou/core';
import { migrate } from '@qingshou/db';
import { Command, CommandRunner } from 'nest-commander';

@Command({
  name: 'migrate',
  description: 'Create the database if missing and apply pending migrations (as the owner)',
})
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const applied = await migrate(this.config.DATABASE_URL);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
        : 'Database is up to date',
    );
  }
}
