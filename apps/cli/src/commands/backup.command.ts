import { AppConfig } from '@qingshou/core';
import { Command, CommandRunner } from 'nest-commander';
import { writeBackup } from '../backup/backup-archive';
import { restoreBackup, RestoreRefused } from '../backup/restore-archive';

@Command({
  name: 'backup',
  arguments: '<file>',
  description:
    'Write one archive: a pg_dump of the database (as the owner) and the stored files, with a sha256 manifest',
})
export class BackupCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const manifest = await writeBackup(this.config, file);
    const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
    console.log(
      `Backup of ${manifest.database} written to ${file}: database dump ${manifest.dump.size} bytes, ${manifest.files.length} stored files (${bytes} bytes), manifest with sha256`,
    );
  }
}

@Command({
  name: 'restore',
  arguments: '<file>',
  description:
    'Restore an archive into an EMPTY database (refuses one with tables) and the file store; checks every sha256',
})
export class RestoreCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    try {
      const report = await restoreBackup(this.config, file);
      console.log(
        `Restored ${file} into ${report.database}: ${report.files} stored files, ${report.verified} sha256 match the manifest`,
      );
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error;
      console.error(`Restore refused: ${error.message}`);
      process.exitCode = 2;
    }
  }
}
