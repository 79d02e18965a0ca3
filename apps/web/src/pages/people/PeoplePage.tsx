import { DownloadOutlined } from '@ant-design/icons';
import { employmentLabels, rankLabels, type TCadre } from '@lianxin/contracts';
import { Button, Card, Empty, Form, Input, Spin, Table, type TableColumnsType, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type TPaged } from '../../api/endpoints.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PAGE_SIZES } from '../../components/paging.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { useCurrentOrg } from '../../layout/CurrentOrgContext.tsx';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';
import { CadreDrawer } from './CadreDrawer.tsx';
import { CadreWorkDrawer } from './CadreWorkDrawer.tsx';
import { exportCadres } from './exportCadres.ts';
import { OVER_CONTACTED_TAB, OverContactedList } from './OverContactedList.tsx';

/**
 * 团干部: the cadres of the current organization's subtree, filtered by name, paged on the server;
 * beside them, the youths kept by too many of those cadres.
 */
export function PeoplePage() {
  const session = useSignedIn();
  const editor = canEdit(session.account.role);
  const { roots, currentOrg } = useCurrentOrg();
  const [filter] = Form.useForm<{ q?: string }>();
  const [query, setQuery] = useState({ q: '', page: 1, pageSize: 20 });
  const [data, setData] = useState<TPaged<TCadre> | null>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<TCadre | 'new' | null>(null);
  const [viewing, setViewing] = useState<TCadre | null>(null);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === OVER_CONTACTED_TAB ? OVER_CONTACTED_TAB : 'cadres';
  const orgId = currentOrg?.id;
  const [exporting, setExporting] = useState(false);

  const exportAll = async () => {
    if (!currentOrg) return;
    setExporting(true);
    try {
      toastSuccess(`已导出 ${await exportCadres(currentOrg, query.q)} 人`);
    } catch (e) {
      toastError(e);
    } finally {
      setExporting(false);
    }
  };

  // Another organization: back to page 1.
  useEffect(() => {
    if (orgId) setQuery((q) => ({ ...q, page: 1 }));
  }, [orgId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-reads the page after a save.
  useEffect(() => {
    if (!orgId) return;
    let live = true;
    setLoading(true);
    api.cadres
      .list({ org: orgId, q: query.q || undefined, page: query.page, pageSize: query.pageSize })
      .then((page) => live && setData(page))
      .catch(toastError)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [orgId, query, version]);

  if (roots && roots.length === 0)
    return <Empty style={{ marginTop: 80 }} description="当前账号没有可管理的组织" />;
  if (!currentOrg) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const columns: TableColumnsType<TCadre> = [
    {
      title: '序号',
      key: 'index',
      width: 60,
      fixed: 'left',
      render: (_, __, index) => (query.page - 1) * query.pageSize + index + 1,
    },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      render: (name: string, c) => (
        <>
          {name}
          {c.active ? null : (
            <Tag style={{ marginLeft: 6 }} color="default">
              离任
            </Tag>
          )}
        </>
      ),
    },
    { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
    { title: '部室', dataIndex: 'department', width: 120, render: (d: string | null) => d ?? '—' },
    { title: '职级', dataIndex: 'rank', width: 90, render: (r: TCadre['rank']) => rankLabels[r] },
    {
      title: '性质',
      dataIndex: 'employment',
      width: 80,
      render: (e: TCadre['employment']) => employmentLabels[e],
    },
    { title: '基层年限', dataIndex: 'grassrootsYears', width: 90, align: 'right' },
    { title: '手机', dataIndex: 'mobileMasked', width: 130, render: (m: string | null) => m ?? '—' },
    {
      title: '联系工作',
      key: 'work',
      width: 90,
      render: (_: unknown, c: TCadre) => (
        <LinkButton onClick={() => setViewing(c)} aria-label={`联系工作 ${c.name}`}>
          查看
        </LinkButton>
      ),
    },
    ...(editor
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, c: TCadre) => (
              <LinkButton onClick={() => setEditing(c)} aria-label={`编辑 ${c.name}`}>
                编辑
              </LinkButton>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="团干部"
        extra={
          editor ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              新增团干部
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch(key === OVER_CONTACTED_TAB ? { tab: key } : {})}
        items={[
          {
            key: 'cadres',
            label: '团干部名单',
            children: (
              <>
                <Card size="small" style={{ marginBottom: 16 }}>
                  <Form
                    form={filter}
                    layout="inline"
                    onFinish={(v) => setQuery((q) => ({ ...q, q: v.q?.trim() ?? '', page: 1 }))}
                    style={{ rowGap: 8 }}
                  >
                    <Form.Item label="姓名" name="q">
                      <Input allowClear placeholder="输入姓名查询" maxLength={50} />
                    </Form.Item>
                    <Form.Item>
                      <Button type="primary" htmlType="submit">
                        查询
                      </Button>
                    </Form.Item>
                    <Form.Item>
                      <Button
                        onClick={() => {
                          filter.resetFields();
                          setQuery((q) => ({ ...q, q: '', page: 1 }));
                        }}
                      >
                        清空
                      </Button>
                    </Form.Item>
                    <Form.Item>
                      <Button
                        icon={<DownloadOutlined />}
                        loading={exporting}
                        onClick={() => void exportAll()}
                      >
                        导出 Excel
                      </Button>
                    </Form.Item>
                  </Form>
                </Card>
                <Card size="small">
                  <Table<TCadre>
                    rowKey="id"
                    size="middle"
                    loading={loading}
                    columns={columns}
                    dataSource={data?.items ?? []}
                    // fits the 1366 px desk without a scroll bar; narrower screens scroll
                    scroll={{ x: 1000 }}
                    locale={{ emptyText: '暂无团干部' }}
                    pagination={{
                      current: query.page,
                      pageSize: query.pageSize,
                      total: data?.total ?? 0,
                      showSizeChanger: true,
                      pageSizeOptions: PAGE_SIZES,
                      showTotal: (total) => `共 ${total} 人`,
                      onChange: (page, pageSize) =>
                        setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
                    }}
                  />
                </Card>
              </>
            ),
          },
          {
            key: OVER_CONTACTED_TAB,
            label: '被多人联系的青年',
            children: (
              <Card size="small">
                <OverContactedList key={currentOrg.id} orgId={currentOrg.id} />
              </Card>
            ),
          },
        ]}
      />
      {editing ? (
        <CadreDrawer
          cadre={editing === 'new' ? null : editing}
          defaultOrg={currentOrg}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setVersion((v) => v + 1);
          }}
        />
      ) : null}
      <CadreWorkDrawer cadre={viewing} onClose={() => setViewing(null)} />
    </>
  );
}
