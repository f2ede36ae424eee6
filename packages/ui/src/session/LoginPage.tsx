import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { ErrorAlert } from '../feedback/ErrorAlert';
import { useLogin } from './session';

interface LoginPageProps {
  /** e.g. 政策兑现审核系统 */
  system: string;
  /** e.g. 东莞市“人工智能+制造”政策兑现与边端智算平台 */
  platform: string;
}

export function LoginPage({ system, platform }: LoginPageProps) {
  const login = useLogin();
  return (
    <div className="dg-login">
      <div className="dg-login__banner">
        <div className="dg-login__emblem">莞</div>
        <div>
          <div className="dg-login__platform">{platform}</div>
          <div className="dg-login__system">{system}</div>
        </div>
      </div>
      <Card className="dg-login__card" title="工作人员登录" bordered={false}>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { login: string; password: string }) => login.mutate(values)}
          autoComplete="on"
        >
          <Form.Item label="账号" name="login" rules={[{ required: true, message: '请输入账号' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <ErrorAlert error={login.error} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          仅限授权工作人员使用，所有操作均记入审计日志。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
