import { type Fen, formatYuan } from '@dg/policy';

/** Integer fen as ¥1,234.00; a missing amount as an em dash. */
export function Money({ fen, strong }: { fen: Fen | null | undefined; strong?: boolean }) {
  if (fen === null || fen === undefined) return <span className="dg-money">—</span>;
  const text = formatYuan(fen);
  return <span className="dg-money">{strong ? <strong>{text}</strong> : text}</span>;
}
