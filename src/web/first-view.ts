import type { QueryClient } from '@tanstack/react-query';

/**
 * The server may have drawn the opened page's first view into the document, with the API answer it drew it from
 * (src/server/http/first-view.ts): the person sees the page's figures while the scripts still arrive. Here the
 * answer goes into the query cache, so the page renders at once and does not ask again; once the web app has drawn
 * its own page (or an error, or another address), the first view gives way.
 */
export function seedFromFirstView(queryClient: QueryClient, path = window.location.pathname): boolean {
  const el = document.getElementById('first-view-data');
  if (!el) return false;
  el.remove();
  try {
    const seed = JSON.parse(el.textContent ?? '') as { path?: unknown; queryKey?: unknown; data?: unknown };
    if (seed.path !== path || !Array.isArray(seed.queryKey)) return false;
    queryClient.setQueryData(seed.queryKey, seed.data);
    return true;
  } catch {
    return false; // a damaged seed: the page asks for its data itself
  }
}

export function releaseFirstView(): void {
  document.getElementById('first-view')?.remove();
}
