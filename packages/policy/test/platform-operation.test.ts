import { describe, expect, it } from 'vitest';
import { countConnected, OP1, OP2, ruleById } from '../src/index';

const at = (iso: string) => new Date(iso);
const period = { from: '2026-01-01', to: '2026-12-31' };

describe('边端智算网络平台运营 (platform operation)', () => {
  it('OP-1: one procured operator runs the platform (a rule of the catalogue, cited to 细则 21–22)', () => {
    expect(ruleById('OP-1')).toBe(OP1);
    expect(OP1.article).toBe('细则 21, 22');
  });

  describe('OP-2 (Reading): a node counts when onboarded and heard from within the period', () => {
    it('counts distinct nodes and enterprises, once each', () => {
      const onboardings = [
        { nodeId: 'n1', enterpriseId: 'e1', approvedAt: at('2025-12-01T00:00:00+08:00') },
        { nodeId: 'n2', enterpriseId: 'e1', approvedAt: at('2026-03-01T00:00:00+08:00') },
        { nodeId: 'n3', enterpriseId: 'e2', approvedAt: at('2026-03-01T00:00:00+08:00') },
      ];
      const heartbeats = [
        { nodeId: 'n1', from: at('2026-01-05T08:00:00+08:00'), to: at('2026-01-05T09:00:00+08:00') },
        { nodeId: 'n1', from: at('2026-02-05T08:00:00+08:00'), to: at('2026-02-05T09:00:00+08:00') },
        { nodeId: 'n2', from: at('2026-04-05T08:00:00+08:00'), to: at('2026-04-06T08:00:00+08:00') },
        { nodeId: 'n3', from: at('2026-02-01T08:00:00+08:00'), to: at('2026-02-02T08:00:00+08:00') },
      ];
      expect(countConnected(period, onboardings, heartbeats)).toEqual({
        enterprises: 1,
        nodes: 2,
        enterpriseIds: ['e1'],
        nodeIds: ['n1', 'n2'],
      });
      expect(OP2.article).toBe('细则 23');
    });

    it('uses Shanghai calendar days for the period’s ends', () => {
      const onboardings = [{ nodeId: 'n1', enterpriseId: 'e1', approvedAt: at('2025-01-01T00:00:00Z') }];
      const lastMinute = [{ nodeId: 'n1', from: at('2026-12-31T15:59:00Z'), to: at('2026-12-31T15:59:30Z') }];
      expect(countConnected(period, onboardings, lastMinute).nodes).toBe(1);
      const nextDay = [{ nodeId: 'n1', from: at('2026-12-31T16:00:00Z'), to: at('2026-12-31T17:00:00Z') }];
      expect(countConnected(period, onboardings, nextDay).nodes).toBe(0);
    });

    it('ignores heartbeats after the node was revoked', () => {
      const onboardings = [
        {
          nodeId: 'n1',
          enterpriseId: 'e1',
          approvedAt: at('2025-01-01T00:00:00+08:00'),
          revokedAt: at('2026-01-31T00:00:00+08:00'),
        },
      ];
      const beats = [
        { nodeId: 'n1', from: at('2026-02-01T00:00:00+08:00'), to: at('2026-02-01T01:00:00+08:00') },
      ];
      expect(countConnected(period, onboardings, beats)).toMatchObject({ nodes: 0, enterprises: 0 });
    });
  });
});
