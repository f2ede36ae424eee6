import { describe, expect, it } from 'vitest';
import { evaluate, yuan } from '../src/index';
import { amountOf, blockingRules, enFacts, findingsOf, item, participant } from './builders';

const investing = (amountYuan: number, nodes = 1000) =>
  enFacts({ items: [item({ amountFen: yuan(amountYuan) })], stationsServed: nodes, connectedNodes: nodes });

describe('边端智算节点部署项目 (edge compute node deployment)', () => {
  it('EN-1: only industrial enterprises deploying in production qualify', () => {
    expect(blockingRules(evaluate(enFacts({ applicant: { industrial: false } })))).toEqual(['EN-1']);
  });

  it('EN-2: service providers from outside Dongguan, Hong Kong and Macao included, may take part', () => {
    const v = evaluate(
      enFacts({
        items: [item({ amountFen: yuan(300_000) })],
        participants: [participant('澳门科技', 'macao')],
      }),
    );
    expect(v.eligible).toBe(true);
    expect(findingsOf(v, 'EN-2')[0]?.message).toContain('澳门科技');
  });

  it('EN-3: 30% of the eligible investment, at most 1,000,000 yuan per project', () => {
    expect(evaluate(investing(1_000_000)).subsidyFen).toBe(yuan(300_000));
    expect(evaluate(investing(5_000_000)).subsidyFen).toBe(yuan(1_000_000));
  });

  describe('EN-4: total investment ≥ 200,000 yuan, counted on eligible items (Reading)', () => {
    it('exactly 200,000 yuan qualifies', () => {
      const v = evaluate(investing(200_000));
      expect(v).toMatchObject({ eligible: true, subsidyFen: yuan(60_000) });
    });
    it('one fen less does not', () => {
      const v = evaluate(enFacts({ items: [item({ amountFen: yuan(200_000) - 1 })] }));
      expect(blockingRules(v)).toEqual(['EN-4']);
    });
    it('line retrofit does not make up the threshold', () => {
      const v = evaluate(
        enFacts({
          items: [
            item({ amountFen: yuan(150_000) }),
            item({ category: 'line_retrofit', amountFen: yuan(100_000) }),
          ],
        }),
      );
      expect(amountOf(v, 'eligibleInvestmentFen')).toBe(yuan(150_000));
      expect(blockingRules(v)).toEqual(['EN-4']);
    });
  });

  it('EN-5: at most 5,000 yuan per node on average', () => {
    const v = evaluate(investing(1_000_000, 10));
    expect(v.subsidyFen).toBe(yuan(50_000));
    expect(amountOf(v, 'nodeCapFen')).toBe(yuan(50_000));
  });

  describe('EN-6: newly bought compute hardware and AI software only', () => {
    it.each([
      ['compute_box', 'hardware'],
      ['industrial_pc', 'hardware'],
      ['server', 'hardware'],
      ['other_compute_device', 'hardware'],
      ['ai_software', 'software'],
    ] as const)('%s counts', (category, kind) => {
      const v = evaluate(enFacts({ items: [item({ kind, category, amountFen: yuan(200_000) } as never)] }));
      expect(v.basis.lines[0]).toMatchObject({ eligibleFen: yuan(200_000), excludedBy: [] });
    });

    it.each([
      [{ kind: 'hardware', category: 'line_retrofit', newPurchase: true }, '产线改造'],
      [{ kind: 'software', category: 'industrial_software', newPurchase: true }, '人工智能软件'],
      [{ kind: 'software', category: 'other_software', newPurchase: true }, '人工智能软件'],
      [{ kind: 'hardware', category: 'server', newPurchase: false }, '新投入购置'],
    ] as const)('%o is excluded', (patch, why) => {
      const v = evaluate(enFacts({ items: [item({ amountFen: yuan(300_000) }), item(patch as never)] }));
      expect(v.basis.lines[1]).toMatchObject({ eligibleFen: 0, excludedBy: ['EN-6'] });
      expect(findingsOf(v, 'EN-6')[0]?.message).toContain(why);
    });
  });

  describe('EN-7: node count = min(stations served, nodes connected to the platform)', () => {
    it('takes the connected nodes when fewer', () => {
      const v = evaluate(
        enFacts({ items: [item({ amountFen: yuan(1_000_000) })], stationsServed: 40, connectedNodes: 35 }),
      );
      expect(v.basis.counts).toMatchObject({ nodes: 35 });
      expect(v.subsidyFen).toBe(yuan(175_000));
      expect(findingsOf(v, 'EN-7')[0]?.severity).toBe('info');
    });
    it('takes the stations when fewer', () => {
      const v = evaluate(
        enFacts({ items: [item({ amountFen: yuan(1_000_000) })], stationsServed: 20, connectedNodes: 35 }),
      );
      expect(v.subsidyFen).toBe(yuan(100_000));
    });
    it('blocks without a connected node', () => {
      expect(blockingRules(evaluate(enFacts({ connectedNodes: 0 })))).toEqual(['EN-7']);
    });
  });

  it('rounds the subsidy down to the yuan', () => {
    const odd = evaluate(
      enFacts({ items: [item({ amountFen: 66_666_999 })], stationsServed: 100, connectedNodes: 100 }),
    );
    expect(amountOf(odd, 'rateAmountFen')).toBe(20_000_099);
    expect(odd.subsidyFen).toBe(20_000_000);
  });
});
