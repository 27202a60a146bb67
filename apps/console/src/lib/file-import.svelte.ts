/**
 * A file import in two steps, as the catalogue and the dossier imports share them: check the file (a
 * dry run: nothing is stored), then apply the same file. Choosing another file forgets both
 * results; a file the server refuses whole (`import_invalid`) brings the issues of its lines.
 */
import { z } from 'zod';
import { ImportIssue } from '@hailong/contracts';
import { ApiError } from './api.ts';
import { Submission } from './submission.svelte.ts';

const Issues = z.array(ImportIssue);

export class FileImport<T> {
  file = $state<File | null>(null);
  /** The dry run of `file`; applying is offered only after one. */
  checked = $state<T | null>(null);
  applied = $state<T | null>(null);
  readonly check = new Submission();
  readonly apply = new Submission();
  readonly #send: (file: File, apply: boolean) => Promise<T>;

  constructor(send: (file: File, apply: boolean) => Promise<T>) {
    this.#send = send;
  }

  get error(): unknown {
    return this.apply.error ?? this.check.error;
  }

  /** The lines at fault of a file refused whole. */
  get refused(): ImportIssue[] {
    const error = this.error;
    if (!(error instanceof ApiError) || error.code !== 'import_invalid') return [];
    const parsed = Issues.safeParse(error.details);
    return parsed.success ? parsed.data : [];
  }

  choose(file: File | null) {
    this.file = file;
    this.checked = this.applied = null;
    this.check.error = this.apply.error = null;
  }

  async runCheck() {
    const chosen = this.file;
    if (!chosen) return;
    this.applied = null;
    this.apply.error = null;
    await this.check.run(async () => {
      this.checked = null;
      this.checked = await this.#send(chosen, false);
    });
  }

  /** Applies the file; true when it was. */
  async runApply(): Promise<boolean> {
    const chosen = this.file;
    if (!chosen) return false;
    const done = await this.apply.run(async () => {
      this.applied = await this.#send(chosen, true);
    });
    if (done) this.checked = null;
    return done;
  }
}
