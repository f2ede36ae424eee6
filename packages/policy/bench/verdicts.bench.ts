/**
 * Verdicts per second for each program on realistic facts, beside the cost of schema validation of the same facts
 * and a baseline measured in the same run: a bare loop building a verdict-shaped object of the same size, which
 * is the least any evaluation must cost. Run: pnpm --filter @dg/policy bench
 */
import { availableParallelism, loadavg } from 'node:os';
import { evaluate, type Facts, factsSchema, type Verdict } from '../src/index';

const applicant = {
  uscc: '91441900MA4UJ8XX5J',
  category: 'manufacturing',
  industrial: true,
  registeredInDongguan: true,
  operatingInDongguan: true,
  independentLegalPerson: true,
  abnormalOperationListed: false,
  seriousDishonestyListed: false,
  fiscalFundingExcluded: false,
  researchDishonestyRecorded: false,
};

// A year of monthly invoices, the first straddling the window's start, the last running past its end, one paid
// to the wrong account and one with only a deduction copy.
const monthStarts = [
  '2024-04',
  '2024-06',
  '2024-08',
  '2024-10',
  '2024-12',
  '2025-02',
  '2025-03',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-09',
  '2025-10',
];
const payments = monthStarts.map((m, i) => ({
  id: `DG-${2024_0001 + i}`,
  viaPlatform: true,
  paidOn: `${m}-05`,
  serviceStart: `${m}-01`,
  serviceEnd: i === 11 ? '2025-11-30' : `${m}-28`,
  amountFen: 1_200_000 + i * 37_500,
  toDesignatedAccount: i !== 4,
  invoice: i === 7 ? 'deduction_copy' : 'invoice_copy',
}));

const rawFacts: Record<string, unknown> = {
  'compute-voucher': {
    program: 'compute-voucher',
    edition: '2025-1',
    asOf: '2025-11-10',
    applicant,
    relatedToPlatformOrProvider: false,
    fundedByOtherFiscalFunds: false,
    grantedThisYearFen: 0,
    payments,
  },
  'vertical-model-rd': {
    program: 'vertical-model-rd',
    edition: '2025',
    asOf: '2025-07-15',
    applicant,
    participants: [
      {
        name: '香港某大学',
        region: 'hongkong',
        abnormalOperationListed: false,
        seriousDishonestyListed: false,
      },
      {
        name: '松山湖某研究院',
        region: 'dongguan',
        abnormalOperationListed: false,
        seriousDishonestyListed: false,
      },
    ],
    baseModelFiled: true,
    ipRetainedInDongguan: true,
    totalInvestmentFen: 300_000_000,
    requestedFen: 90_000_000,
    plannedStart: '2025-07-01',
    plannedEnd: '2027-06-30',
    guidePublishedOn: '2025-06-01',
    contractSignedOn: '2025-07-01',
  },
  'edge-node-deployment': {
    program: 'edge-node-deployment',
    edition: '2025',
    asOf: '2025-09-01',
    applicant,
    participants: [
      {
        name: '深圳某科技公司',
        region: 'guangdong',
        abnormalOperationListed: false,
        seriousDishonestyListed: false,
      },
    ],
    items: [
      { kind: 'hardware', category: 'compute_box', newPurchase: true, amountFen: 12_000_000 },
      { kind: 'hardware', category: 'industrial_pc', newPurchase: true, amountFen: 8_000_000 },
      { kind: 'hardware', category: 'server', newPurchase: true, amountFen: 15_000_000 },
      { kind: 'hardware', category: 'line_retrofit', newPurchase: true, amountFen: 9_000_000 },
      { kind: 'software', category: 'ai_software', newPurchase: true, amountFen: 6_000_000 },
      { kind: 'software', category: 'industrial_software', newPurchase: true, amountFen: 3_000_000 },
    ],
    stationsServed: 40,
    connectedNodes: 35,
  },
};

/**
 * Runs `fn` in batches for `ms` milliseconds of this process's CPU time; returns operations per CPU second. CPU
 * time rather than wall time, because the machine is shared: time spent waiting for a core is not ours.
 */
function run(fn: () => unknown, ms: number): number {
  let sink: unknown;
  let ops = 0;
  const start = process.cpuUsage();
  let elapsedUs = 0;
  while (elapsedUs < ms * 1000) {
    for (let i = 0; i < 500; i++) sink = fn();
    ops += 500;
    const used = process.cpuUsage(start);
    elapsedUs = used.user + used.system;
  }
  if (sink === undefined) throw new Error('nothing computed');
  return (ops / elapsedUs) * 1e6;
}

/** The best of three 400 ms runs after a 400 ms warm-up (the JIT needs it; a shared machine adds noise). */
function rate(fn: () => unknown): number {
  run(fn, 400);
  return Math.max(run(fn, 400), run(fn, 400), run(fn, 400));
}

/** A verdict-shaped object with as many findings, lines, amounts and parameter rows as `like`, built bare. */
function baselineFor(like: Verdict): () => unknown {
  const { findings, basis } = like;
  return () => ({
    program: like.program,
    eligible: true,
    subsidyFen: like.subsidyFen,
    phase1Fen: like.phase1Fen,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      article: f.article,
      message: `${f.message}`,
    })),
    basis: {
      asOf: basis.asOf,
      edition: basis.edition,
      parameters: basis.parameters.map((p) => ({ ...p })),
      lines: basis.lines.map((l) => ({ ...l, excludedBy: [...l.excludedBy], reasons: [...l.reasons] })),
      amounts: basis.amounts.map((a) => ({ ...a })),
    },
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (perSecond: number) => (1e6 / perSecond).toFixed(2);

const rows = Object.entries(rawFacts).map(([program, raw]) => {
  const facts = factsSchema.parse(raw) as Facts;
  const verdict = evaluate(facts);
  const evaluateRate = rate(() => evaluate(facts));
  const zodRate = rate(() => factsSchema.parse(raw));
  const baselineRate = rate(baselineFor(verdict));
  return {
    program,
    size: `${verdict.findings.length} findings, ${verdict.basis.lines.length} lines`,
    evaluateRate,
    zodRate,
    baselineRate,
  };
});

const header = [
  'program',
  'verdict size',
  'verdicts/s',
  'µs/verdict',
  'zod parse/s',
  'µs/parse',
  'baseline/s',
  'verdict ÷ baseline',
];
const table = rows.map((r) => [
  r.program,
  r.size,
  fmt(r.evaluateRate),
  us(r.evaluateRate),
  fmt(r.zodRate),
  us(r.zodRate),
  fmt(r.baselineRate),
  `${(r.baselineRate / r.evaluateRate).toFixed(1)}× slower`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(
  `Node ${process.version}, per CPU second of one thread, best of 3 × 0.4 s after a 0.4 s warm-up; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores. Aim: ≥ 100,000 verdicts/s.\n`,
);
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
const slowest = Math.min(...rows.map((r) => r.evaluateRate));
console.log(
  `\nslowest program: ${fmt(slowest)} verdicts/s — ${slowest >= 100_000 ? 'meets' : 'BELOW'} the 100,000/s aim`,
);
