import { abandonOverdueReturns } from '../services/reviews/abandon-overdue';
import type { Job } from './runner';

/** CV-13: every few minutes, returned applications past their resubmission deadline are deemed abandoned. */
export const abandonOverdueReturnsJob: Job = {
  name: 'applications.abandon-overdue-returns',
  intervalMs: 5 * 60 * 1000,
  async run({ db, now, log }) {
    const abandoned = await abandonOverdueReturns(db, now, log);
    if (abandoned) log.info({ abandoned }, 'returned applications deemed abandoned (CV-13)');
  },
};
