import { chineseZodErrors } from '@dg/policy';
import { z } from 'zod';

// Whatever loads these schemas (the API, the mini-program, the web apps) shows zod's own messages to people: the draft
// warnings of a half-filled form, a refused input's issues. common.ts, which every schema file imports, and the tRPC
// setup import this module, so those messages are Chinese whichever module loads first.
z.config({ localeError: chineseZodErrors });
