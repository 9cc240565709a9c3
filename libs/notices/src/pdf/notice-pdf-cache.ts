import { Injectable } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Printed letters kept under STORAGE_DIR/notice-pdfs/<tenant>/<notice>/<sha256 of the html>.pdf
 * (the stored files a backup takes). The key is the notice's stored HTML, so a second
 * download serves the same bytes without Chromium, and HTML that ever changed prints anew.
 * Files are written to a temp name and renamed: a reader never sees half a PDF.
 */
@Injectable()
export class NoticePdfCache {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.STORAGE_DIR, 'notice-pdfs');
  }

  /** The cache key of this notice's letter as stored now. */
  static versionOf(html: string): string {
    return createHash('sha256').update(html, 'utf8').digest('hex');
  }

  async get(tenantId: string, noticeId: string, version: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(tenantId, noticeId, version));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(tenantId: string, noticeId: string, version: string, pdf: Buffer): Promise<void> {
    const path = this.pathOf(tenantId, noticeId, version);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomUUID()}.part`;
    await writeFile(temp, pdf, { mode: 0o640 });
    await rename(temp, path);
  }

  private pathOf(tenantId: string, noticeId: string, version: string): string {
    // Ids come from the database and the hash from us; checked anyway so no path escapes root.
    if (!UUID.test(tenantId) || !UUID.test(noticeId) || !/^[0-9a-f]{64}$/.test(version)) {
      throw new Error('notice PDF cache key is not tenant uuid / notice uuid / sha256');
    }
    return join(this.root, tenantId, noticeId, `${version}.pdf`);
  }
}
