import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { releaseFirstView } from '../first-view';

/** Plain markup on purpose: it must show even when a chunk failed to load, so it loads nothing of its own. */
function CrashResult() {
  const { t } = useTranslation();
  return (
    <div className="crash-result" role="alert">
      <h1>{t('pages.errorTitle')}</h1>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('pages.reload')}
      </Button>
    </div>
  );
}

/**
 * Catches render errors and failed page-chunk loads (e.g. after a deploy) so one page cannot blank the app.
 * Error boundaries must be class components. Give it a `key` to reset it on navigation.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
    releaseFirstView(); // else the crash would stay hidden behind the server's first view
  }

  override render() {
    return this.state.failed ? <CrashResult /> : this.props.children;
  }
}
