import type { ComputeProduct, Database } from '@dg/db';
import { maskBankAccount } from '@dg/policy';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { notFound } from '../../errors';
import type {
  computeProductInput,
  computeProductSchema,
  updateComputeProductInput,
} from '../../schemas/compute';
import { appendAudit } from '../audit/append';
import type { ComputeContext } from './context';
import { inTransaction } from '../applications/transaction';

// The marketplace (算力广场): products with their billing and price, and the provider's designated payee account
// (CV-6) that payments are checked against. Enterprises see published products only.

export function presentProduct(p: ComputeProduct, unmasked: boolean): z.infer<typeof computeProductSchema> {
  return {
    id: p.id,
    name: p.name,
    spec: p.spec,
    billing: p.billing,
    priceFen: p.price_fen,
    priceUnit: p.price_unit,
    productType: p.product_type,
    resourceType: p.resource_type,
    providerName: p.provider_name,
    payeeAccountName: p.payee_account_name,
    payeeBank: p.payee_bank,
    payeeAccountNumber: unmasked ? p.payee_account_number : maskBankAccount(p.payee_account_number),
    published: p.published_at !== null,
    publishedAt: p.published_at?.toISOString() ?? null,
  };
}

const priceUnitOf = (billing: ComputeProduct['billing']): ComputeProduct['price_unit'] =>
  billing === 'subscription' ? 'month' : 'hour';

export async function listProducts(
  db: Kysely<Database>,
  options: { includeUnpublished: boolean; billing?: ComputeProduct['billing'] | undefined },
): Promise<ComputeProduct[]> {
  let query = db.selectFrom('compute_products').selectAll();
  if (!options.includeUnpublished) query = query.where('published_at', 'is not', null);
  if (options.billing) query = query.where('billing', '=', options.billing);
  return query.orderBy('name').orderBy('id').execute();
}

export async function getProduct(
  db: Kysely<Database>,
  id: string,
  includeUnpublished: boolean,
): Promise<ComputeProduct> {
  let query = db.selectFrom('compute_products').selectAll().where('id', '=', id);
  if (!includeUnpublished) query = query.where('published_at', 'is not', null);
  const product = await query.executeTakeFirst();
  if (!product) throw notFound('产品不存在或未上架');
  return product;
}

export async function createProduct(
  ctx: ComputeContext,
  input: z.infer<typeof computeProductInput>,
): Promise<ComputeProduct> {
  return inTransaction(ctx.db, async (trx) => {
    const product = await trx
      .insertInto('compute_products')
      .values({
        name: input.name,
        spec: input.spec,
        billing: input.billing,
        price_fen: input.priceFen,
        price_unit: priceUnitOf(input.billing),
        product_type: input.productType,
        resource_type: input.resourceType,
        provider_name: input.providerName,
        payee_account_name: input.payeeAccountName,
        payee_bank: input.payeeBank,
        payee_account_number: input.payeeAccountNumber,
        created_by: ctx.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.origin, {
      action: 'compute.product.create',
      entityType: 'compute_product',
      entityId: product.id,
      data: { name: input.name, billing: input.billing, priceFen: input.priceFen },
    });
    return product;
  });
}

export async function updateProduct(
  ctx: ComputeContext,
  input: z.infer<typeof updateComputeProductInput> & { published?: boolean },
): Promise<ComputeProduct> {
  return inTransaction(ctx.db, async (trx) => {
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.spec !== undefined && { spec: input.spec }),
      ...(input.billing !== undefined && { billing: input.billing, price_unit: priceUnitOf(input.billing) }),
      ...(input.priceFen !== undefined && { price_fen: input.priceFen }),
      ...(input.productType !== undefined && { product_type: input.productType }),
      ...(input.resourceType !== undefined && { resource_type: input.resourceType }),
      ...(input.providerName !== undefined && { provider_name: input.providerName }),
      ...(input.payeeAccountName !== undefined && { payee_account_name: input.payeeAccountName }),
      ...(input.payeeBank !== undefined && { payee_bank: input.payeeBank }),
      ...(input.payeeAccountNumber !== undefined && { payee_account_number: input.payeeAccountNumber }),
      ...(input.published !== undefined && { published_at: input.published ? ctx.now() : null }),
    };
    const product = await trx
      .updateTable('compute_products')
      .set((eb) => ({ ...changes, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirst();
    if (!product) throw notFound('产品不存在');
    const action = input.published === true ? 'publish' : input.published === false ? 'unpublish' : 'update';
    await appendAudit(trx, ctx.origin, {
      action: `compute.product.${action}`,
      entityType: 'compute_product',
      entityId: input.id,
      data: {
        ...changes,
        ...(changes.payee_account_number && {
          payee_account_number: maskBankAccount(changes.payee_account_number),
        }),
        published_at: undefined,
      },
    });
    return product;
  });
}
