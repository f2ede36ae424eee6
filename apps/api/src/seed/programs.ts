import { PROGRAM_IDS, programEditions, programLabels } from '@dg/policy';
import type { SeedStep } from './context';

/** The programs and the editions the policy core has parameters for. */
export const seedPrograms: SeedStep = {
  name: 'programs and editions',
  async run({ trx, refs }) {
    for (const programId of PROGRAM_IDS) {
      await trx.insertInto('programs').values({ id: programId, name: programLabels[programId] }).execute();
      for (const code of programEditions[programId]) {
        const edition = await trx
          .insertInto('editions')
          .values({ program_id: programId, code, title: `${programLabels[programId]}（${code}）` })
          .returning('id')
          .executeTakeFirstOrThrow();
        refs.editions.set(`${programId}:${code}`, edition.id);
      }
    }
  },
};
