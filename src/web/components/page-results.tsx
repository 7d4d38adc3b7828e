import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export function NotFoundResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('pages.notFoundTitle')}
      subTitle={t('pages.notFoundText')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('pages.backHome')}
        </Button>
      }
    />
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  return <Result status="403" title={t('pages.forbiddenTitle')} subTitle={t('pages.forbiddenText')} />;
}
