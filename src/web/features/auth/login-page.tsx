import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { loginBody, type LoginBody } from '../../../shared/contracts/auth';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/language-switch';
import { errorMessage } from '../../i18n/error-message';
import { issueMessage } from '../../lib/issue-message';
import { useLogin } from './use-login';
import { useSession } from './use-session';

type Field = keyof LoginBody;
type FieldErrors = Partial<Record<Field, string>>;
const fields: Field[] = ['username', 'password'];

/**
 * The first page everyone loads, so it is kept light: a plain form validated with the API's own zod schema
 * (`loginBody`), without antd's Form machinery, Card or Typography.
 */
export default function LoginPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const login = useLogin();
  const [values, setValues] = useState<LoginBody>({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const title = t('auth.loginTitle');
  const appName = t('app.shortName');

  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);

  // also the way out after a successful login, which stores the session user
  if (user) return <Navigate to={from} replace />;

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (login.isError) login.reset();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginBody.safeParse(values);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= issueMessage(t, issue as Parameters<typeof issueMessage>[1]);
      }
      setErrors(next);
      return;
    }
    login.mutate(parsed.data, {
      onError: (error) => {
        if (!isApiError(error)) return;
        const next: FieldErrors = {};
        for (const issue of error.issues) {
          const field = fields.find((f) => issue.field === `body.${f}`);
          if (field) next[field] ??= issueMessage(t, issue);
        }
        setErrors(next);
      },
    });
  };

  const input = (field: Field) => ({
    id: `login_${field}`,
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) => change(field, e.target.value),
    status: errors[field] ? ('error' as const) : undefined,
    'aria-invalid': !!errors[field],
    'aria-describedby': errors[field] ? `login_${field}_error` : undefined,
    size: 'large' as const,
  });
  const fieldError = (field: Field) =>
    errors[field] && (
      <div id={`login_${field}_error`} className="login-field-error" role="alert">
        {errors[field]}
      </div>
    );

  return (
    <main className="login-screen">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <section className="login-card">
        <h1 className="login-app-name">
          {t('app.shortName')} <span className="login-program">{t('app.program')}</span>
        </h1>
        <p className="login-tagline">{t('app.tagline')}</p>
        <h2 className="login-title">{title}</h2>
        {login.isError && (
          <Alert className="login-error" type="error" showIcon title={errorMessage(t, login.error)} role="alert" />
        )}
        <form name="login" noValidate onSubmit={onSubmit}>
          <div className="login-field">
            <label htmlFor="login_username">{t('auth.username')}</label>
            <Input {...input('username')} prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            {fieldError('username')}
          </div>
          <div className="login-field">
            <label htmlFor="login_password">{t('auth.password')}</label>
            <Input.Password
              {...input('password')}
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
            />
            {fieldError('password')}
          </div>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </form>
      </section>
    </main>
  );
}
