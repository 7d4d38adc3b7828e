import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import type { LoginBody } from '../../../shared/contracts/auth';
import { isApiError } from '../../api/client';
import { setLanguage, type Language } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { issueMessage } from '../../lib/issue-message';
import { useLogin } from './use-login';
import { useSession } from './use-session';

type Field = keyof LoginBody;

// The API's schema comes with zod (23 KB): fetched when the person starts typing, not with the page.
const loadSchema = () => import('../../../shared/contracts/auth').then((m) => m.loginBody);
type FieldErrors = Partial<Record<Field, string>>;
const fields: Field[] = ['username', 'password'];

/**
 * The first page everyone loads, so it is kept light: native elements styled like the rest of the app (styles.css,
 * `.login-*`), validated with the API's own zod schema (`loginBody`); no antd component, so none of antd's
 * component code is fetched before the person has logged in.
 */
export default function LoginPage() {
  const { t, i18n } = useTranslation();
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

  // also the way out after a successful login, which stores the session user. The form stays on screen meanwhile:
  // the router moves in a transition, so the login page shows until the app's frame is ready (no blank frame)
  const leave = user ? <Navigate to={from} replace /> : null;

  const change = (field: Field, value: string) => {
    void loadSchema();
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (login.isError) login.reset();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = (await loadSchema()).safeParse(values);
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        next[field] ??= issueMessage(t, issue);
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
    className: errors[field] ? 'login-input login-input-error' : 'login-input',
    value: values[field],
    onChange: (e: { target: { value: string } }) => change(field, e.target.value),
    'aria-invalid': !!errors[field],
    'aria-describedby': errors[field] ? `login_${field}_error` : undefined,
  });
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const fieldError = (field: Field) =>
    errors[field] && (
      <div id={`login_${field}_error`} className="login-field-error" role="alert">
        {errors[field]}
      </div>
    );

  return (
    <main className="login-screen">
      {leave}
      <div className="login-language" role="group" aria-label={t('language.label')}>
        {(['vi', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={language === l}
            title={t(`language.${l}`)}
            onClick={() => void setLanguage(l)}
          >
            {t(`language.${l}Short`)}
          </button>
        ))}
      </div>
      <section className="login-card">
        <h1 className="login-app-name">
          {t('app.shortName')} <span className="login-program">{t('app.program')}</span>
        </h1>
        <p className="login-tagline">{t('app.tagline')}</p>
        <h2 className="login-title">{title}</h2>
        {login.isError && (
          <div className="login-error" role="alert">
            {errorMessage(t, login.error)}
          </div>
        )}
        <form name="login" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div className="login-field">
            <label htmlFor="login_username">{t('auth.username')}</label>
            <input {...input('username')} type="text" autoComplete="username" autoFocus />
            {fieldError('username')}
          </div>
          <div className="login-field">
            <label htmlFor="login_password">{t('auth.password')}</label>
            <input {...input('password')} type="password" autoComplete="current-password" />
            {fieldError('password')}
          </div>
          <button type="submit" className="login-submit" disabled={login.isPending} aria-busy={login.isPending}>
            {t('auth.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
