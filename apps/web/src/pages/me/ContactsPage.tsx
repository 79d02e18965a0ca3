import { PlusOutlined, SearchOutlined, StarFilled, UploadOutlined } from '@ant-design/icons';
import { contactRoleLabels, contactTagLabels, type TContactListItem } from '@lianxin/contracts';
import { Alert, Button, Empty, Flex, Input, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { ContactTargetBar } from '../../components/ProgressLine.tsx';
import { PlainList, Txt } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { onDemand, useOpenOnce } from '../../onDemand.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';

// The 新增 form (selects, confirmations) and the Excel import (upload, steps, a table of errors)
// load on their first tap: most visits only look a youth up.
const NewContactDrawer = onDemand(() => import('./NewContactDrawer.tsx').then((m) => m.NewContactDrawer));
const ContactImportDrawer = onDemand(() =>
  import('./ContactImportDrawer.tsx').then((m) => m.ContactImportDrawer),
);

const matches = (c: TContactListItem, text: string) =>
  c.name.includes(text) ||
  (c.unit ?? '').includes(text) ||
  (c.phoneMasked ?? '').includes(text) ||
  c.tags.some((t) => contactTagLabels[t].includes(text));

function ContactRow({ c }: { c: TContactListItem }) {
  return (
    <Link
      to={`/me/contacts/${encodeURIComponent(c.id)}`}
      style={{ display: 'block', padding: '2px 0', color: 'inherit' }}
    >
      <Flex justify="space-between" gap={8}>
        <span style={{ minWidth: 0 }}>
          <b>{c.name}</b>
          {c.key ? (
            <Tag color="gold" icon={<StarFilled />} style={{ marginLeft: 6 }}>
              结对
            </Tag>
          ) : null}
          {c.minor ? <Tag color="purple">未成年</Tag> : null}
          {c.overContacted ? (
            <Tag color="orange" title="多名团干部联系同一青年，注意避免重复联系">
              {c.keeperCount} 人联系
            </Tag>
          ) : null}
          <br />
          <Txt type="secondary" style={{ fontSize: 12 }}>
            {contactRoleLabels[c.role]}
            {c.unit ? ` · ${c.unit}` : ''}
          </Txt>
          {c.tags.length > 0 ? (
            <div>
              {c.tags.map((t) => (
                <Tag key={t} color="volcano">
                  {contactTagLabels[t]}
                </Tag>
              ))}
            </div>
          ) : null}
        </span>
        <Txt type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {c.phoneMasked ?? ''}
        </Txt>
      </Flex>
    </Link>
  );
}

/** 联系青年: my "100" against the target, searchable, with tags, the key flag and masked phones. */
export function ContactsPage() {
  const { account } = useSignedIn();
  const list = useLoad(() => api.contacts.list({ pageSize: 500 }), []);
  const [q, setQ] = useState('');
  const adding = useOpenOnce();
  const importing = useOpenOnce();
  const shown = useMemo(() => {
    const text = q.trim();
    const items = list.data?.items ?? [];
    return text ? items.filter((c) => matches(c, text)) : items;
  }, [list.data, q]);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const progress = list.data?.progress;

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle
          extra={
            <>
              <Button icon={<UploadOutlined />} onClick={importing.show} aria-label="从 Excel 导入">
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={adding.show}>
                新增联系青年
              </Button>
            </>
          }
        >
          联系青年
        </ScreenTitle>
        {progress ? (
          <div>
            <Txt>
              “1+100”已联系 <b data-testid="progress-count">{progress.count}</b> 人，目标 {progress.target} 人
            </Txt>
            <ContactTargetBar count={progress.count} target={progress.target} />
          </div>
        ) : null}
        {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="搜索姓名、单位、标签"
          aria-label="搜索联系青年"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <div style={{ background: '#fff', borderRadius: 8 }}>
          <PlainList
            rowKey={(c) => c.id}
            loading={list.loading}
            items={shown}
            inline={12}
            empty={<Empty description={q ? '没有匹配的青年' : '还没有联系青年'} />}
            render={(c) => <ContactRow c={c} />}
          />
        </div>
      </Flex>
      {adding.mounted ? (
        <NewContactDrawer open={adding.open} onClose={adding.hide} onDone={list.reload} />
      ) : null}
      {importing.mounted ? (
        <ContactImportDrawer open={importing.open} onClose={importing.hide} onImported={list.reload} />
      ) : null}
    </MobileLayout>
  );
}
