/**
 * 不重复享受 (GEN-4, CV-10): whether two applications claim the same project — the same compute rental payments, or
 * the same investment items, or (R&D) the same project — so a reviewer sees the earlier one before funding again.
 * **Reading:** a payment is the same when it has the same payment reference, or the same day, amount and service
 * period; an investment item is the same when it has the same category, amount and description (spaces ignored); an
 * R&D project is the same when the name is the same (spaces and punctuation ignored). Pure: the API loads the claims.
 */
import type { ProgramId } from './facts';
import { formatYuan } from './money';
import { CV10 } from './programs/compute-voucher';
import { GEN4 } from './programs/general';
import { type Finding, finding } from './verdict';

export interface ClaimedPayment {
  id: string;
  paidOn: string;
  amountFen: number;
  serviceStart: string;
  serviceEnd: string;
}

export interface ClaimedItem {
  category: string;
  amountFen: number;
  description: string;
}

export interface ProjectClaims {
  applicationId: string;
  /** How people refer to it: the tracking number, else a short id. */
  reference: string;
  program: ProgramId;
  projectName?: string;
  payments?: readonly ClaimedPayment[];
  items?: readonly ClaimedItem[];
}

export interface Overlap {
  otherApplicationId: string;
  finding: Finding;
}

const normalise = (text: string) => text.replace(/[\s\p{P}]/gu, '').toLowerCase();

const samePayment = (a: ClaimedPayment, b: ClaimedPayment) =>
  a.id === b.id ||
  (a.paidOn === b.paidOn &&
    a.amountFen === b.amountFen &&
    a.serviceStart === b.serviceStart &&
    a.serviceEnd === b.serviceEnd);

const sameItem = (a: ClaimedItem, b: ClaimedItem) =>
  a.category === b.category &&
  a.amountFen === b.amountFen &&
  normalise(a.description) === normalise(b.description);

/** The earlier or parallel applications that claim part of the same project as `subject`, one finding each. */
export function findOverlaps(subject: ProjectClaims, others: readonly ProjectClaims[]): Overlap[] {
  const overlaps: Overlap[] = [];
  for (const other of others) {
    if (other.applicationId === subject.applicationId) continue;
    const payments = (subject.payments ?? []).filter((p) =>
      (other.payments ?? []).some((q) => samePayment(p, q)),
    );
    if (payments.length) {
      const total = payments.reduce((sum, p) => sum + p.amountFen, 0);
      overlaps.push({
        otherApplicationId: other.applicationId,
        finding: finding(
          CV10,
          'warning',
          `${payments.length} 笔算力租赁付款（合计 ${formatYuan(total)}，付款编号 ${payments.map((p) => p.id).join('、')}）已在申报 ${other.reference} 中申报，同一租用项目不得重复资助。`,
        ),
      });
    }
    const items = (subject.items ?? []).filter((i) => (other.items ?? []).some((j) => sameItem(i, j)));
    if (items.length) {
      overlaps.push({
        otherApplicationId: other.applicationId,
        finding: finding(
          GEN4,
          'warning',
          `${items.length} 项软硬件投入（${items.map((i) => `${i.description} ${formatYuan(i.amountFen)}`).join('；')}）已在申报 ${other.reference} 中申报，同一项目不重复享受财政资金资助。`,
        ),
      });
    }
    if (
      subject.projectName &&
      other.projectName &&
      subject.program === other.program &&
      normalise(subject.projectName) === normalise(other.projectName)
    ) {
      overlaps.push({
        otherApplicationId: other.applicationId,
        finding: finding(
          GEN4,
          'warning',
          `项目“${subject.projectName}”与申报 ${other.reference} 名称相同，请核实是否为同一项目（不重复享受）。`,
        ),
      });
    }
  }
  return overlaps;
}
