import { z } from 'zod';
import { MISSING } from './facts';

const zhCN = z.locales.zhCN().localeError;

/**
 * zod's Chinese messages, for every message zod writes itself (a schema's own `error` still wins): an absent field is
 * called missing rather than "expected X, received undefined". Forms, the facts CLI and the API's refusals reach
 * people who read Chinese.
 */
export const chineseZodErrors: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? MISSING : zhCN(issue);
