import { materialChecklists, type ProgramId, requiredMaterials } from '@dg/policy';
import { demoEditions, demoForms } from '../src/seed/application-forms';
import { demoEnterprises } from '../src/seed/enterprises';
import { pdfBytes, upload } from './files-fixtures';
import type { TestApi } from './harness';

// Shared steps of the application tests: an applicant's draft made complete, its materials uploaded over HTTP and
// linked to the checklist, and its submission.

export type Client = ReturnType<TestApi['client']>;

export const CV_CLOCK = new Date('2025-09-15T02:00:00Z');

export function demoEnterprise(key: string) {
  const enterprise = demoEnterprises.find((e) => e.key === key);
  if (!enterprise) throw new Error(`no demo enterprise ${key}`);
  return enterprise;
}

let keys = 0;
export const freshKey = (label: string) => `${label}-${process.pid}-${++keys}-${Date.now()}`;

/** A complete draft of `program` for the demo enterprise, with every required material uploaded and attached. */
export async function readyDraft(
  api: TestApi,
  client: Client,
  token: string,
  enterpriseKey: string,
  program: ProgramId,
) {
  const enterprise = demoEnterprise(enterpriseKey);
  const created = await client.applications.saveDraft.mutate({
    program,
    edition: demoEditions[program],
    form: demoForms[program](enterprise),
    idempotencyKey: freshKey('draft'),
  });
  let version = created.application.version;
  const isEnterprise = !['university', 'research_institute', 'new_rnd_institution'].includes(
    enterprise.category,
  );
  for (const item of requiredMaterials(program, isEnterprise)) {
    const file = await upload(
      api.url,
      { authorization: `Bearer ${token}` },
      pdfBytes(item.title),
      `${item.key}.pdf`,
    );
    if (!file.body.id) throw new Error(`upload failed: ${JSON.stringify(file.body)}`);
    const detail = await client.applications.attachMaterial.mutate({
      id: created.application.id,
      version,
      itemKey: item.key,
      fileId: file.body.id,
    });
    version = detail.application.version;
  }
  return { id: created.application.id, version, created };
}

export const checklistKeys = (program: ProgramId) => materialChecklists[program].map((m) => m.key);
