import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { logIn, logOut, refreshMe, switchEnterprise, useMe } from '../../api/account';
import { Btn, Card, Cell, Field, SectionTitle, Tag } from '../../components/ui';
import { routes } from '../../lib/routes';
import { toastError } from '../../lib/toast';
import { useBusy } from '../../lib/use-busy';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

export default function MePage() {
  const me = useMe();
  const { busy, run } = useBusy();
  const [browserCode, setBrowserCode] = useState('');
  useDidShow(() => {
    refreshMe().catch(toastError);
  });

  if (!me) {
    return (
      <View className="dg-page">
        <View className="dg-hero">
          <Text className="dg-hero__title">欢迎使用莞企政策通</Text>
          <Text className="dg-hero__sub">东莞“人工智能+制造”政策在线申报、材料上传、进度查询</Text>
        </View>
        <Card>
          {!IS_WEAPP && (
            <Field
              label="演示账号代码"
              value={browserCode}
              placeholder="如 zhang（浏览器演示版使用开发登录）"
              hint="浏览器中没有微信，输入演示账号代码即可体验；新代码将创建新用户"
              onInput={setBrowserCode}
            />
          )}
          <Btn loading={busy} onClick={() => run(() => logIn(browserCode.trim()), '登录成功')}>
            微信一键登录
          </Btn>
          <Text className="dg-muted">登录即表示同意平台依法处理申报所需的企业与个人信息</Text>
        </Card>
      </View>
    );
  }

  return (
    <View className="dg-page">
      <View className="dg-hero">
        <Text className="dg-hero__title" data-testid="me-name">
          {me.displayName}
        </Text>
        <Text className="dg-hero__sub">
          {me.enterprises.find((e) => e.enterpriseId === me.activeEnterpriseId)?.name ?? '尚未绑定企业'}
        </Text>
      </View>

      <SectionTitle>我的企业</SectionTitle>
      <Card>
        {me.enterprises.length === 0 && <Text className="dg-muted">绑定企业后即可在线申报</Text>}
        {me.enterprises.map((e) => (
          <Cell
            key={e.enterpriseId}
            label={e.name}
            value={
              e.enterpriseId === me.activeEnterpriseId ? (
                <Tag tone="ok">当前</Tag>
              ) : (
                <Text className="dg-muted">{e.memberRole === 'owner' ? '管理员 · 切换' : '成员 · 切换'}</Text>
              )
            }
            onClick={
              e.enterpriseId === me.activeEnterpriseId
                ? undefined
                : () => run(() => switchEnterprise(e.enterpriseId), `已切换到${e.name}`)
            }
          />
        ))}
        <Btn ghost onClick={() => Taro.navigateTo({ url: routes.bindEnterprise })}>
          绑定企业 / 加入企业
        </Btn>
      </Card>

      <SectionTitle>项目管理</SectionTitle>
      <Card>
        <Cell label="边端智算节点" value="查看" onClick={() => Taro.navigateTo({ url: routes.edgeNodes })} />
        <Cell
          label="垂直领域模型研发项目"
          value="查看"
          onClick={() => Taro.navigateTo({ url: routes.rdProjects })}
        />
      </Card>

      <Btn ghost loading={busy} onClick={() => run(logOut, '已退出登录')}>
        退出登录
      </Btn>
    </View>
  );
}
