import type { Database } from '@dg/db';
import type { ProgramId } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { FileStore } from '../files/store';
import { applicationFormSchema } from '../../schemas/applications';
import { badRequest } from '../../errors';
import { applicationBundle, type BundleFile } from './bundle-pdf';

async function bytesOf(store: FileStore, key: string): Promise<Uint8Array> {
  const stream = await store.get(key);
  if (!stream) throw new Error(`stored file ${key} is missing`);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The bundle of one application (access already checked): its submitted form and its materials, oldest first. */
export async function bundleOf(db: Kysely<Database>, store: FileStore, applicationId: string, now: Date) {
  const app = await db
    .selectFrom('applications')
    .select(['id', 'program_id', 'form', 'tracking_number'])
    .where('id', '=', applicationId)
    .executeTakeFirstOrThrow();
  const form = applicationFormSchema.safeParse(app.form);
  if (!form.success) throw badRequest('申报表尚未填写完整，无法生成申报材料');
  const materials = await db
    .selectFrom('application_materials as m')
    .innerJoin('files as f', 'f.id', 'm.file_id')
    .select(['m.item_key', 'f.mime', 'f.original_name', 'f.storage_key'])
    .where('m.application_id', '=', applicationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  const files: BundleFile[] = [];
  for (const m of materials)
    files.push({
      itemKey: m.item_key,
      mime: m.mime,
      name: m.original_name,
      bytes: await bytesOf(store, m.storage_key),
    });
  const pdf = await applicationBundle({
    programId: app.program_id as ProgramId,
    form: form.data,
    files,
    preparedOn: now,
  });
  return { pdf, fileName: `${app.tracking_number ?? app.id}-申报材料.pdf` };
}
