/**
 * What the policy core answers (shared/POLICY.md, "Verdict"): every finding cites a rule id and its article, and
 * `basis` lets a reviewer retrace the computation — each parameter read, each line counted, each amount.
 */
import type { IsoDate } from './dates';
import type { ProgramId } from './facts';
import type { Fen } from './money';
import type { ParameterRead } from './params/table';

export type Severity = 'blocking' | 'warning' | 'info';

/** The programs a rule belongs to: the three evaluated ones, the shared GEN rules and platform operation (OP). */
export type RuleProgram = ProgramId | 'general' | 'platform-operation';

/** A rule of POLICY.md as a named unit: its id, the article it implements and a Chinese title. */
export interface Rule {
  readonly id: string;
  readonly program: RuleProgram;
  readonly article: string;
  readonly title: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  article: string;
  message: string;
}

/** One payment (CV) or investment item (EN) as counted: what was claimed, what counts, and why not the rest. */
export interface BasisLine {
  ref: string;
  amountFen: Fen;
  eligibleFen: Fen;
  /** Rules that exclude the line, in article order; empty when it counts (possibly in part, see the days). */
  excludedBy: string[];
  reasons: string[];
  serviceDays?: number;
  daysInWindow?: number;
}

/** An intermediate or final amount, in the order the computation produces them. */
export interface BasisAmount {
  name: string;
  rule: string;
  fen: Fen;
  label: string;
}

export interface Basis {
  asOf: IsoDate;
  edition: string;
  parameters: ParameterRead[];
  lines: BasisLine[];
  amounts: BasisAmount[];
  /** Counts that are not money (node counts for EN-7). */
  counts?: Record<string, number>;
  /** Dates the rules derived (the latest end of an R&D implementation period). */
  dates?: Record<string, IsoDate>;
}

export interface Verdict {
  program: ProgramId;
  /** True when no finding is blocking. */
  eligible: boolean;
  /** The ceiling this program grants on these facts; 0 when not eligible. Reviewers decide within it. */
  subsidyFen: Fen;
  /** vertical-model-rd: the phase-1 payment (RD-4); null elsewhere. */
  phase1Fen: Fen | null;
  findings: Finding[];
  basis: Basis;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A finding of `rule`; `article` narrows a shared rule to the article of the program at hand (GEN-1 → 细则 4(一)). */
export function finding(
  rule: Rule,
  severity: Severity,
  message: string,
  article: string = rule.article,
): Finding {
  return { rule: rule.id, severity, article, message };
}

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'blocking');
}

export function amount(rule: Rule, name: string, fen: Fen, label: string): BasisAmount {
  return { name, rule: rule.id, fen, label };
}
