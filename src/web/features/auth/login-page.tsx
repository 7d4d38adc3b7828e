import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { loginBody, type LoginBody } from '../../../shared/contracts/auth';
import { applyFieldErrors } from '../../api/form-errors';
import { LanguageSwitch } from '../../components/language-switch';
import { errorMessage } from '../../i18n/error-message';
import { zodRule } from '../../lib/zod-rule';
import { useLogin } from './use-login';
import { useSession } from './use-session';

const usernameRule = zodRule(loginBody.shape.username);
const passwordRule = zodRule(loginBody.shape.password);

export default function LoginPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const login = useLogin();
  const [form] = Form.useForm<LoginBody>();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const title = t('auth.loginTitle');
  const appName = t('app.shortName');

  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);

  // also the way out after a successful login, which stores the session user
  if (user) return <Navigate to={from} replace />;

  const onFinish = (values: LoginBody) => login.mutate(values, { onError: (error) => applyFieldErrors(form, error) });

  return (
    <main className="login-screen">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <Typography.Title level={1} className="login-app-name">
          {t('app.shortName')} <span className="login-program">{t('app.program')}</span>
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-tagline">
          {t('app.tagline')}
        </Typography.Paragraph>
        <Typography.Title level={2} className="login-title">
          {title}
        </Typography.Title>
        {login.isError && (
          <Alert className="login-error" type="error" showIcon title={errorMessage(t, login.error)} role="alert" />
        )}
        <Form<LoginBody>
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => login.isError && login.reset()}
        >
          <Form.Item name="username" label={t('auth.username')} rules={[usernameRule]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[passwordRule]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
