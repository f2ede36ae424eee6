import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { type CurrentEnterprise, currentEnterprise } from '../../api/session';
import { Btn, Card, SectionTitle, Tag } from '../../components/ui';
import { programSummaries } from '../../lib/programs';
import { routes } from '../../lib/routes';

export default function Home() {
  const today = shanghaiDate(new Date());
  const [enterprise, setEnterprise] = useState<CurrentEnterprise | null>(currentEnterprise);
  useDidShow(() => setEnterprise(currentEnterprise()));
  const programs = programSummaries(today);

  return (
    <View className='dg-page'>
      <View className='dg-hero'>
        <Text className='dg-hero__title'>{enterprise ? enterprise.name : '东莞“人工智能+制造”政策兑现'}</Text>
        <Text className='dg-hero__sub'>
          {enterprise ? '以下是贵单位可以关注的扶持项目' : '登录并绑定企业后，可在线申报、上传材料、查看进度'}
        </Text>
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
              <Tag tone='ok'>{p.daysLeft !== null ? `剩 ${p.daysLeft} 天` : '可申报'}</Tag>
            ) : (
              <Tag tone='muted'>{p.state === 'closed' ? '本批已截止' : '暂未开放'}</Tag>
            )
          }
        >
          {p.offer && <Text className='dg-card__desc'>{p.offer}</Text>}
          <Text className='dg-muted' style={{ display: 'block', marginTop: '8px' }}>
            {p.window}
          </Text>
          <View className='dg-row' style={{ marginTop: '16px' }}>
            <Btn small ghost onClick={() => Taro.navigateTo({ url: routes.selfCheck(p.id) })}>
              免费自测
            </Btn>
            {p.id === 'compute-voucher' && (
              <Btn small onClick={() => Taro.navigateTo({ url: routes.applyComputeVoucher() })}>
                在线申报
              </Btn>
            )}
          </View>
        </Card>
      ))}
    </View>
  );
}
