import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';

/**
 * Form.Item props that keep an ISO date string ('YYYY-MM-DD') in the form — what the API and the zod
 * contract expect — while the DatePicker shows and edits a dayjs value.
 */
export const isoDateItem = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** The same for a RangePicker over two ISO dates. */
export const isoRangeItem = {
  getValueProps: (value?: [string, string] | null) => ({
    value: value ? [dayjs(value[0]), dayjs(value[1])] : undefined,
  }),
  normalize: (value?: [Dayjs, Dayjs] | null) =>
    value ? [value[0].format('YYYY-MM-DD'), value[1].format('YYYY-MM-DD')] : undefined,
};
