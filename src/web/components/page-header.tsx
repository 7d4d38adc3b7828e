import { Breadcrumb, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export interface Crumb {
  title: string;
  /** a link when set; the current page has none */
  to?: string;
}

export interface PageHeaderProps {
  title: string;
  breadcrumbs?: Crumb[];
  /** action buttons, on the right (below the title on a phone) */
  extra?: ReactNode;
}

export function PageHeader({ title, breadcrumbs, extra }: PageHeaderProps) {
  const { t } = useTranslation();
  const appName = t('app.shortName');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);

  return (
    <header className="page-header">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <Breadcrumb items={breadcrumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))} />
      )}
      <div className="page-header-row">
        <Typography.Title level={1} className="page-header-title">
          {title}
        </Typography.Title>
        {extra && <Space wrap>{extra}</Space>}
      </div>
    </header>
  );
}
