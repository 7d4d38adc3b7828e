import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../lib/use-debounced-value';

export interface RemoteOption {
  value: string;
  label: string;
  /** a second, smaller line in the dropdown (code, position…) */
  description?: string;
}

type Value = string | string[] | null | undefined;

export type EntitySelectProps = Omit<
  SelectProps<Value, RemoteOption>,
  'options' | 'showSearch' | 'filterOption' | 'loading' | 'notFoundContent' | 'optionRender' | 'labelInValue'
>;

export interface RemoteSelectProps extends EntitySelectProps {
  /** first element of the TanStack query keys, e.g. `org-units`; invalidating it refreshes the options */
  resource: string;
  search: (text: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  /** loads the label of a selected id that is not among the search results (e.g. when editing) */
  fetchOne: (id: string, signal: AbortSignal) => Promise<RemoteOption>;
}

const asList = (value: Value): string[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** A Select searching on the server, which matches without diacritics, so no filtering here. */
export function RemoteSelect({
  resource,
  search,
  fetchOne,
  value,
  onChange,
  onOpenChange,
  ...rest
}: RemoteSelectProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 300);
  const [picked, setPicked] = useState<RemoteOption[]>([]);

  const results = useQuery({
    queryKey: [resource, 'options', query],
    queryFn: ({ signal }) => search(query, signal),
    enabled: open,
    placeholderData: keepPreviousData,
  });

  // labels for selected ids the user did not pick in this session (a form being edited)
  const pickedIds = new Set(picked.map((o) => o.value));
  const loaded = useQueries({
    queries: asList(value)
      .filter((id) => !pickedIds.has(id))
      .map((id) => ({
        queryKey: [resource, 'option', id],
        queryFn: ({ signal }: { signal: AbortSignal }) => fetchOne(id, signal),
        staleTime: Infinity,
      })),
  });

  // selected values stay labelled even when the current search does not return them
  const fromSearch = results.data ?? [];
  const labelled = new Map([...loaded.map((q) => q.data), ...picked].filter((o) => !!o).map((o) => [o.value, o]));
  const selectedExtra = asList(value)
    .filter((id) => !fromSearch.some((o) => o.value === id))
    .map((id) => labelled.get(id))
    .filter((o): o is RemoteOption => !!o);
  const options = [...fromSearch, ...selectedExtra];

  return (
    <Select<Value, RemoteOption>
      // outside a Form.Item (which links its label through the id), a filter is named by its placeholder
      aria-label={!rest.id && typeof rest.placeholder === 'string' ? rest.placeholder : undefined}
      {...rest}
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('pickers.noMatch')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          {option.data.description && (
            <Typography.Text type="secondary" className="option-description">
              {option.data.description}
            </Typography.Text>
          )}
        </div>
      )}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setText('');
        onOpenChange?.(next);
      }}
      onChange={(next, option) => {
        const chosen = Array.isArray(option) ? option : option ? [option] : [];
        setPicked((prev) => [...prev.filter((p) => !chosen.some((c) => c.value === p.value)), ...chosen]);
        setText('');
        onChange?.(next, option);
      }}
    />
  );
}
