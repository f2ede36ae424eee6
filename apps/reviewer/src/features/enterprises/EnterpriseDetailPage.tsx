import { applicantCategoryLabels } from '@dg/policy';
import { api, DateText, ErrorAlert, Page, regionName, StatusTag, useSession } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Skeleton } from 'antd';
import { useParams } from 'react-router';

import { CreditCheckForm } from './CreditCheckForm';

/** Roles the API lets record a GEN-2 credit check (apps/api authz CREDIT_CHECKERS); it refuses everyone else. */
const CREDIT_CHECKERS = ['city_reviewer', 'admin'];

export function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const enterprise = useQuery({
    queryKey: ['enterprises.get', id],
    queryFn: () => api.enterprises.get.query({ id }),
  });
  const e = enterprise.data;

  return (
    <Page title={e?.name ?? '申报单位'} trail={[{ label: '申报单位', to: '/enterprises' }]}>
      <ErrorAlert error={enterprise.error} />
      {enterprise.isPending && <Skeleton active />}
      {e && (
        <>
          <div className="dg-panel">
            <Descriptions title="基本信息" column={2} size="small" bordered>
              <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
              <Descriptions.Item label="单位类别">{applicantCategoryLabels[e.category]}</Descriptions.Item>
              <Descriptions.Item label="所属镇街（园区）">{regionName(e.townCode)}</Descriptions.Item>
              <Descriptions.Item label="工业企业">{e.industrial ? '是' : '否'}</Descriptions.Item>
              <Descriptions.Item label="法定代表人">{e.legalRepName}</Descriptions.Item>
              <Descriptions.Item label="法定代表人手机">{e.legalRepMobile}</Descriptions.Item>
              <Descriptions.Item label="注册地址" span={2}>
                {e.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="开户名称">{e.bankAccountName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="开户银行">{e.bankName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="银行账号" span={2}>
                {e.bankAccountNumber ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </div>
          <div className="dg-panel">
            <Descriptions title="信用核查（GEN-2）" column={2} size="small" bordered>
              <Descriptions.Item label="经营异常名录">
                <StatusTag
                  label={e.abnormalOperationListed ? '已列入' : '未列入'}
                  tone={e.abnormalOperationListed ? 'error' : 'success'}
                />
              </Descriptions.Item>
              <Descriptions.Item label="严重违法失信名单">
                <StatusTag
                  label={e.seriousDishonestyListed ? '已列入' : '未列入'}
                  tone={e.seriousDishonestyListed ? 'error' : 'success'}
                />
              </Descriptions.Item>
              <Descriptions.Item label="核查时间">
                <DateText value={e.creditCheckedAt} format="time" />
              </Descriptions.Item>
              <Descriptions.Item label="核查来源">{e.creditSource ?? '—'}</Descriptions.Item>
            </Descriptions>
            {CREDIT_CHECKERS.includes(user.role) && <CreditCheckForm enterprise={e} />}
          </div>
        </>
      )}
    </Page>
  );
}
