import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from './use-debounced-value';

/**
 * List filters kept in the URL (so a link can share them): the search box text (debounced into `q`),
 * the page number, and `set()` which changes some parameters and goes back to page 1 unless told otherwise.
 * Parameters named in `keepPage` (e.g. an open drawer's `id`) do not reset the page.
 */
export function useUrlFilters(keepPage: string[] = []) {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 300);
  const page = Number(params.get('page') ?? '1') || 1;
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes) && !keepPage.some((k) => k in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { params, text, setText, q, page, set };
}
