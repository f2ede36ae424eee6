/** What a CLI command produces; main.ts writes it out, so commands stay pure and testable. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const ok = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });
export const usageError = (stderr: string): CliResult => ({ code: 2, stdout: '', stderr });
