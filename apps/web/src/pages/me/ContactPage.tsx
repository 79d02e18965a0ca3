import { EyeOutlined } from '@ant-design/icons';
import { contactRoleLabels, contactTagLabels, orgFieldLabels, type TContactReveal } from '@lianxin/contracts';
import { Alert, Button, Descriptions, Flex, Tag } from 'antd';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { api } from '../../api/endpoints.ts';
import { Panel, PlainSkeleton } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { onDemand, useOpenOnce } from '../../onDemand.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { ActivityList } from '../worklog/ActivityList.tsx';

// The reason asked before the full numbers (a modal and its form) loads on the tap of 查看号码.
const RevealContactModal = onDemand(() =>
  import('./RevealContactModal.tsx').then((m) => m.RevealContactModal),
);

/** One contact: the person (masked), the keepers, the timeline; 查看号码 asks why and is audited. */
export function ContactPage() {
  const { id = '' } = useParams();
  const { account } = useSignedIn();
  const contact = useLoad(() => api.contacts.get(id), [id]);
  const timeline = useLoad(() => api.activities.list({ contact: id, pageSize: 50 }), [id]);
  const asking = useOpenOnce();
  const [revealed, setRevealed] = useState<TContactReveal | null>(null);
  if (!account.cadreId) return <Navigate to="/me" replace />;
  const c = contact.data;

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle back="/me/contacts">{c?.name ?? '联系青年'}</ScreenTitle>
        {contact.error ? <Alert type="error" showIcon title={contact.error} /> : null}
        {!c && !contact.error ? <PlainSkeleton /> : null}
        {c ? (
          <Panel>
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'role', label: '身份', children: contactRoleLabels[c.role] },
                { key: 'field', label: '领域', children: c.field ? orgFieldLabels[c.field] : '—' },
                { key: 'unit', label: '单位', children: c.unit ?? '—' },
                {
                  key: 'tags',
                  label: '标签',
                  children: c.tags.length
                    ? c.tags.map((t) => (
                        <Tag key={t} color="volcano">
                          {contactTagLabels[t]}
                        </Tag>
                      ))
                    : '—',
                },
                {
                  key: 'phone',
                  label: '手机号码',
                  children: (
                    <Flex gap={8} align="center" wrap>
                      <span data-testid="phone">{revealed?.phone ?? c.phoneMasked ?? '—'}</span>
                      {(c.phoneMasked || c.idNumberMasked || c.hasChannels) && !revealed ? (
                        <Button size="small" icon={<EyeOutlined />} onClick={asking.show}>
                          查看号码
                        </Button>
                      ) : null}
                    </Flex>
                  ),
                },
                ...(c.idNumberMasked
                  ? [
                      {
                        key: 'idNumber',
                        label: '身份证号码',
                        children: revealed?.idNumber ?? c.idNumberMasked,
                      },
                    ]
                  : []),
                ...(revealed?.channels
                  ? [
                      {
                        key: 'channels',
                        label: '微信/QQ/微博',
                        children: Object.values(revealed.channels).filter(Boolean).join(' / ') || '—',
                      },
                    ]
                  : []),
                {
                  key: 'keepers',
                  label: '联系干部',
                  children:
                    c.keepers.map((k) => `${k.cadreName}${k.key ? '（结对）' : ''}`).join('、') || '—',
                },
              ]}
            />
            {c.overContacted ? (
              <Alert
                type="warning"
                showIcon
                title={`已有 ${c.keeperCount} 名团干部联系该青年，避免重复联系`}
              />
            ) : null}
          </Panel>
        ) : null}
        <Panel title="联系记录" bodyStyle={{ paddingTop: 0 }}>
          <ActivityList items={timeline.data?.items} loading={timeline.loading} onChanged={timeline.reload} />
        </Panel>
      </Flex>
      {asking.mounted ? (
        <RevealContactModal
          contactId={id}
          open={asking.open}
          onClose={asking.hide}
          onRevealed={setRevealed}
        />
      ) : null}
    </MobileLayout>
  );
}
