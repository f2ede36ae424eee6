import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { formatYuan, shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { api } from '../../api/client';
import { type CurrentEnterprise, currentEnterprise } from '../../api/session';
import { Btn, Card, SectionTitle, Tag } from '../../components/ui';
import { programSummaries } from '../../lib/programs';
import { routes } from '../../lib/routes';

type Match = RouterOutputs['matching']['forMyEnterprise'][number];

/** The edition to show for a program: one the enterprise can apply to now, else the best of the rest. */
function matchFor(matches: readonly Match[] | null, program: string): Match | undefined {
  const mine = matches?.filter((m) => m.programId === program) ?? [];
  return mine.find((m) => m.canApplyNow) ?? mine[0];
}

export default function Home() {
  const today = shanghaiDate(new Date());
  const [enterprise, setEnterprise] = useState<CurrentEnterprise | null>(currentEnterprise);
  const [matches, setMatches] = useState<Match[] | null>(null);
  useDidShow(() => {
    const current = currentEnterprise();
    setEnterprise(current);
    // The platform's own matching (免申即享): without it the page still shows every program from the policy core.
    if (current) api.matching.forMyEnterprise.query().then(setMatches, () => setMatches(null));
    else setMatches(null);
  });
  const programs = programSummaries(today);
  const claimable = (matches ?? []).filter((m) => m.canApplyNow);
  const potential = PROGRAM_ORDER.reduce(
    (sum, id) => sum + (claimable.find((m) => m.programId === id)?.estimatedCeilingFen ?? 0),
    0,
  );

  return (
    <View className="dg-page">
      <View className="dg-hero">
        <Text className="dg-hero__title">{enterprise ? enterprise.name : '东莞“人工智能+制造”政策兑现'}</Text>
        <Text className="dg-hero__sub">
          {enterprise ? '以下是贵单位可以关注的扶持项目' : '登录并绑定企业后，可在线申报、上传材料、查看进度'}
        </Text>
        {matches && (
          <>
            <Text className="dg-hero__amount" data-testid="potential">
              {formatYuan(potential)}
            </Text>
            <Text className="dg-hero__sub">
              {claimable.length > 0
                ? `按平台已有数据测算，现可申报 ${claimable.length} 个项目的最高资助合计`
                : '按平台已有数据，目前暂无可直接申报的项目'}
            </Text>
          </>
        )}
        {!enterprise && (
          <View style={{ marginTop: '16px' }}>
            <Btn small ghost onClick={() => Taro.switchTab({ url: routes.me })}>
              微信登录
            </Btn>
          </View>
        )}
      </View>

      <SectionTitle>扶持项目</SectionTitle>
      {programs.map((p) => (
        <Card
          key={p.id}
          title={p.label}
          extra={
            p.state === 'open' ? (
              <Tag tone="ok">{p.daysLeft !== null ? `剩 ${p.daysLeft} 天` : '可申报'}</Tag>
            ) : (
              <Tag tone="muted">{p.state === 'closed' ? '本批已截止' : '暂未开放'}</Tag>
            )
          }
        >
          {p.offer && <Text className="dg-card__desc">{p.offer}</Text>}
          <MatchView match={matchFor(matches, p.id)} />
          <Text className="dg-muted" style={{ display: 'block', marginTop: '8px' }}>
            {p.window}
          </Text>
          <View className="dg-row" style={{ marginTop: '16px' }}>
            <Btn small ghost onClick={() => Taro.navigateTo({ url: routes.selfCheck(p.id) })}>
              免费自测
            </Btn>
            <Btn
              small
              onClick={() =>
                enterprise ? Taro.navigateTo({ url: routes.apply(p.id) }) : Taro.switchTab({ url: routes.me })
              }
            >
              在线申报
            </Btn>
          </View>
        </Card>
      ))}
    </View>
  );
}

const PROGRAM_ORDER = ['compute-voucher', 'vertical-model-rd', 'edge-node-deployment'] as const;

function MatchView({ match }: { match: Match | undefined }) {
  if (!match) return null;
  return (
    <View className="dg-match" data-match={match.programId}>
      <View className="dg-amount-row">
        <Text>{match.canApplyNow ? '贵单位预计最高可获' : '贵单位暂不符合条件'}</Text>
        <Text className="dg-amount-row__fen">
          {match.canApplyNow ? formatYuan(match.estimatedCeilingFen) : ''}
        </Text>
      </View>
      {match.reasons.map((r) => (
        <Text key={r} className="dg-field__error">
          · {r}
        </Text>
      ))}
      {match.assumptions.map((a) => (
        <Text key={a} className="dg-field__hint">
          {a}
        </Text>
      ))}
    </View>
  );
}
