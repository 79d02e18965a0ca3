import type { TPostingProgram, TPostingProgramKind } from '@lianxin/contracts';
import { Button, Form, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { kindLabels, postingsApi } from './postingsApi.ts';

interface NewProgram {
  name: string;
  kind: TPostingProgramKind;
  starts: string;
}

/** Seed 002's windows (Sep–Dec, Mar–Jun) over two years; "8+4" sends four batches a year. */
function suggestedStarts(kind: TPostingProgramKind, year: number): string {
  return kind === 'cyl2015'
    ? [`${year}-09-01`, `${year + 1}-03-01`, `${year + 1}-09-01`, `${year + 2}-03-01`].join('，')
    : ['01-05', '04-06', '07-06', '10-05'].map((d) => `${year + 1}-${d}`).join('，');
}

/** 下沉计划: the programs the current scope runs, and a new one sending the current organization's cadres. */
export function ProgramsPage() {
  const { account } = useSignedIn();
  const { currentOrg } = useCurrentOrg();
  const programs = useLoad(() => postingsApi.programs(), []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewProgram>();
  const navigate = useNavigate();
  const year = new Date().getFullYear();

  const create = async (v: NewProgram) => {
    if (!currentOrg) return;
    const starts = v.starts.split(/[，,\s]+/).filter(Boolean);
    const program = await postingsApi.createProgram({
      name: v.name,
      kind: v.kind,
      orgId: currentOrg.id,
      organIds: [currentOrg.id],
      batches: starts.map((start, i) => ({ name: `第${i + 1}批`, start })),
    });
    toastSuccess('已新建下沉计划');
    navigate(`/postings/${encodeURIComponent(program.id)}`);
  };

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
          canEdit(account.role) ? (
            <Button type="primary" onClick={() => setCreating(true)} disabled={!currentOrg}>
              新建下沉计划
            </Button>
          ) : null
        }
      />
      <Table<TPostingProgram>
        rowKey="id"
        columns={columns}
        dataSource={programs.data?.items ?? []}
        loading={programs.loading}
        pagination={false}
        locale={{ emptyText: programs.error ?? '暂无下沉计划' }}
      />
      <FormModal<NewProgram>
        title={`新建下沉计划：派出 ${currentOrg?.name ?? ''} 的机关干部`}
        open={creating}
        onClose={() => setCreating(false)}
        form={form}
        fields={['name', 'kind', 'starts']}
        aliases={{ batches: 'starts', organIds: 'kind' }}
        onSubmit={create}
        initialValues={{ kind: 'cyl2015', starts: suggestedStarts('cyl2015', year) }}
        okText="新建"
      >
        <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input placeholder={`${year} 年常态化下沉基层`} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select
            options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            onChange={(k: TPostingProgramKind) => form.setFieldValue('starts', suggestedStarts(k, year))}
          />
        </Form.Item>
        <Form.Item
          name="starts"
          label="各批开始日期"
          extra="以逗号分隔；常态化下沉基层每批 9—12 月或 3—6 月"
          rules={[{ required: true, message: '请填写批次' }]}
        >
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
