import { contactRoleLabels, orgFieldLabels, type TOverContacted } from '@lianxin/contracts';
import { Alert, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { PAGE_SIZES } from '../../components/paging.ts';
import { useLoad } from '../../components/useLoad.ts';

type Person = TOverContacted['items'][number];

/** The 团干部 page's tab of these people, linkable as `/people?tab=over-contacted`. */
export const OVER_CONTACTED_TAB = 'over-contacted';

/**
 * mz2016.no_over_contact (不要反复联系少数青年): the people kept by 3 or more cadres of the
 * organization's subtree, most kept first, phones masked as everywhere outside a reveal.
 */
export function OverContactedList({ orgId }: { orgId: string }) {
  const list = useLoad(() => api.contacts.overContacted(orgId), [orgId]);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const columns: TableColumnsType<Person> = [
    {
      title: '序号',
      key: 'index',
      width: 70,
      render: (_, __, i) => (paging.page - 1) * paging.pageSize + i + 1,
    },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '身份', dataIndex: 'role', width: 110, render: (r: Person['role']) => contactRoleLabels[r] },
    {
      title: '领域',
      dataIndex: 'field',
      width: 120,
      render: (f: Person['field']) => (f ? orgFieldLabels[f] : '—'),
    },
    { title: '手机', dataIndex: 'phoneMasked', width: 130, render: (m: string | null) => m ?? '—' },
    { title: '联系人数', dataIndex: 'keeperCount', width: 90, align: 'right' },
    {
      title: '联系的团干部',
      key: 'keepers',
      render: (_, c) => (
        <Flex wrap gap={4}>
          {c.keepers.map((k) => (
            <Tag key={k.cadreId}>{k.cadreName}</Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        title="同一名青年被本组织及下级组织的 3 名及以上团干部联系。请协调分工，把联系面扩大到更多青年，避免反复联系少数人。"
      />
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: '没有被 3 名及以上团干部联系的青年' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (page, pageSize) =>
            setPaging((q) => ({ page: pageSize === q.pageSize ? page : 1, pageSize })),
        }}
      />
    </Flex>
  );
}
