import { Grid, Table, type TableColumnsType, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

export interface DataTableProps<T> extends TableProps<T> {
  /**
   * The keys (`key`, or a string `dataIndex`) of the columns a phone shows, in that order: what identifies the row
   * and what a person acts on (status, deadline). Below antd's `md` breakpoint the other columns are left out and the
   * table no longer scrolls sideways. Without it the phone gets every column in a horizontally scrolling table.
   */
  phoneColumns?: string[];
}

const columnId = (column: TableColumnsType<unknown>[number]): string | undefined =>
  column.key != null
    ? String(column.key)
    : 'dataIndex' in column && typeof column.dataIndex === 'string'
      ? column.dataIndex
      : undefined;

/**
 * The key columns first, in the order given; every other column dropped. Their desktop widths and fixed sides go too:
 * summed they are wider than a phone, and the few columns left share its width instead.
 */
export function keyColumnsFirst<T>(columns: TableColumnsType<T>, keys: string[]): TableColumnsType<T> {
  const byId = new Map(columns.map((c) => [columnId(c as TableColumnsType<unknown>[number]), c]));
  return keys
    .map((k) => byId.get(k))
    .filter((c) => c !== undefined)
    .map((c) => ({ ...c, width: undefined, fixed: undefined }));
}

/**
 * Scroll containers antd renders for a wide table. A region that scrolls must be reachable by keyboard (WCAG 2.1.1,
 * axe `scrollable-region-focusable`): one that overflows gets `tabindex=0`, so arrow keys scroll it once focused;
 * one that fits stays out of the tab order.
 */
function markScrollRegions(root: HTMLElement | null) {
  if (!root) return;
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls) el.setAttribute('tabindex', '0');
    else el.removeAttribute('tabindex');
  }
}

/**
 * antd's Table, as every list of the app uses it: on a phone only the key columns (see `phoneColumns`), and a table
 * wider than its place can be scrolled from the keyboard.
 */
export function DataTable<T extends object>({ phoneColumns, columns, scroll, ...rest }: DataTableProps<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const phone = Grid.useBreakpoint().md === false && !!phoneColumns && !!columns;

  // after every render (rows, columns or the breakpoint change what overflows) and on resizes
  useEffect(() => markScrollRegions(ref.current));
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => markScrollRegions(el));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} className={phone ? 'data-table data-table-phone' : 'data-table'}>
      <Table<T>
        {...rest}
        size={phone ? 'small' : rest.size}
        columns={phone ? keyColumnsFirst(columns, phoneColumns) : columns}
        scroll={phone ? (scroll?.y ? { y: scroll.y } : undefined) : scroll}
      />
    </div>
  );
}
