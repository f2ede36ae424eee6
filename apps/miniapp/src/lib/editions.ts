import { type ProgramId, programEditions } from '@dg/policy';

/** The edition new work uses: the newest one the policy core's parameter tables know for the program. */
export function currentEdition(program: ProgramId): string {
  const editions = programEditions[program];
  return editions[editions.length - 1] as string;
}
