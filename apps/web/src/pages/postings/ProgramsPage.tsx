import type { TPostingProgram, TPostingProgramKind } from '@lianxin/contracts';
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { NewProgramModal } from './NewProgramModal.tsx';
import { kindLabels, postingsApi } from './postingsApi.ts';

/** 下沉计划: the programs the current scope runs, and a new one sending the current organization's cadres. */
export function ProgramsPage() {
  const { account } = useSignedIn();
  const { currentOrg } = useCurrentOrg();
  const programs = useLoad(() => postingsApi.programs(), []);
  const [creating, setCreating] = useState(false);
  const editor = canEdit(account.role);
  const suggestions = useLoad(
    () => (editor && currentOrg ? postingsApi.suggestions(currentOrg.id) : Promise.resolve({ items: [] })),
    [editor, currentOrg?.id],
  );
  const offered = suggestions.data?.items ?? [];

  const columns: TableColumnsType<TPostingProgram> = [
    {
      title: '计划',
      dataIndex: 'name',
      render: (name: string, p) => <Link to={`/postings/${encodeURIComponent(p.id)}`}>{name}</Link>,
    },
    { title: '类型', dataIndex: 'kind', width: 240, render: (k: TPostingProgramKind) => kindLabels[k] },
    { title: '组织', dataIndex: 'orgName', width: 180 },
    { title: '批次', key: 'batches', width: 80, render: (_, p) => p.batches.length },
    {
      title: '方案',
      key: 'plan',
      width: 100,
      render: (_, p) =>
        p.plan ? (
          <Tag color={p.plan.status === 'published' ? 'green' : 'blue'}>
            {p.plan.status === 'published' ? '已发布' : '草案'}
          </Tag>
        ) : (
          <Tag>未生成</Tag>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="下沉基层"
        extra={
          editor ? (
            <Button
              type="primary"
              onClick={() => setCreating(true)}
              disabled={!currentOrg || offered.length === 0}
              loading={suggestions.loading}
            >
              新建下沉计划
            </Button>
          ) : null
        }
      />
      {editor && currentOrg && !suggestions.loading && offered.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {suggestions.error ??
            `${currentOrg.name}不组织下沉计划：常态化下沉基层由中央、省级机关组织，“8+4”由县级团委组织。请在左侧选择相应的组织。`}
        </Typography.Paragraph>
      ) : null}
      <Table<TPostingProgram>
        rowKey="id"
        columns={columns}
        dataSource={programs.data?.items ?? []}
        loading={programs.loading}
        pagination={false}
        locale={{ emptyText: programs.error ?? '暂无下沉计划' }}
      />
      {currentOrg && creating ? (
        <NewProgramModal org={currentOrg} suggestions={offered} open onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}
