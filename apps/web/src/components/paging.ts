import type { TablePaginationConfig } from 'antd';
import type { Dispatch, SetStateAction } from 'react';

/** Page sizes of every list, as League staff know them from 智慧团建. */
export const PAGE_SIZES = [20, 50, 100, 200, 500];

export interface Paging {
  page: number;
  pageSize: number;
}

/** A table paged on the server; a new page size starts again from the first page. */
export function serverPagination(
  paging: Paging,
  setPaging: Dispatch<SetStateAction<Paging>>,
  total: number,
  unit: string,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n) => `共 ${n} ${unit}`,
    onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
  };
}
