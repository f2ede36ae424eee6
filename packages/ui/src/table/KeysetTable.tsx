import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType } from 'antd';
import { ErrorAlert } from '../feedback/ErrorAlert';

/** One page of a keyset-paginated list, as the API returns it. */
export interface KeysetPage<T, C> {
  items: T[];
  nextCursor: C | null;
}

interface KeysetTableProps<T, C> {
  /** Cache key; include every filter so a filter change starts from the first page. */
  queryKey: readonly unknown[];
  fetchPage: (cursor: C | null) => Promise<KeysetPage<T, C>>;
  columns: TableColumnsType<T>;
  rowKey: keyof T & string;
  onRowClick?: (row: T) => void;
  emptyText?: string;
}

/**
 * A list that loads "more" by cursor instead of page numbers: the API never counts or offsets, so the list stays
 * fast however many rows lie behind it, and rows inserted meanwhile do not shift what was already shown.
 */
export function KeysetTable<T extends object, C>({
  queryKey,
  fetchPage,
  columns,
  rowKey,
  onRowClick,
  emptyText = '暂无数据',
}: KeysetTableProps<T, C>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam as C | null),
    initialPageParam: null as C | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <ErrorAlert error={query.error} style={{ marginBottom: 12 }} />
      <Table<T>
        size="middle"
        rowKey={rowKey}
        columns={columns}
        dataSource={rows}
        loading={query.isPending}
        pagination={false}
        locale={{ emptyText }}
        scroll={{ x: 'max-content' }}
        onRow={
          onRowClick ? (row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' } }) : undefined
        }
      />
      <div className="dg-load-more">
        {query.hasNextPage ? (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            加载更多
          </Button>
        ) : (
          rows.length > 0 && <span>已显示全部 {rows.length} 条</span>
        )}
      </div>
    </>
  );
}
