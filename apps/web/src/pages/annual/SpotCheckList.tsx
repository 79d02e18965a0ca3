import type { TContactReveal, TSpotCheck } from '@lianxin/contracts';
import { Button, Flex, Input, Modal, Segmented, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { api } from '../../api/endpoints.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { attempt } from './attempt.ts';

const channelLabels = { phone: '电话', online: '网络' } as const;

/** What the checker can call or message: the phone first, then the online channels. */
const contactWays = (r: TContactReveal) =>
  [r.phone, r.channels?.wechat && `微信 ${r.channels.wechat}`, r.channels?.qq && `QQ ${r.channels.qq}`]
    .filter(Boolean)
    .join('，') || '未登记联系方式';

/**
 * 电话（网络）抽查 of one cadre: the drawn contacts, masked; the checker reveals a phone only through
 * the audited reveal (decision 14) and records whether the contact confirmed the work.
 */
export function SpotCheckList({
  checks,
  locked,
  onChanged,
}: {
  checks: TSpotCheck[];
  locked: boolean;
  onChanged: (c: TSpotCheck) => void;
}) {
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [recording, setRecording] = useState<TSpotCheck | null>(null);

  async function reveal(c: TSpotCheck) {
    const r = await attempt(() => api.contacts.reveal(c.contactId, '年底考核电话（网络）抽查'));
    if (r) setPhones((p) => ({ ...p, [c.id]: contactWays(r) }));
  }

  const columns: TableColumnsType<TSpotCheck> = [
    { title: '联系青年', dataIndex: 'contactName', width: 100 },
    {
      title: '联系方式',
      key: 'phone',
      width: 200,
      render: (_, c) =>
        phones[c.id] ?? (
          <Flex gap={4} align="center">
            {c.phoneMasked ?? '—'}
            <LinkButton aria-label={`查看${c.contactName}的联系方式`} onClick={() => reveal(c)}>
              查看
            </LinkButton>
          </Flex>
        ),
    },
    {
      title: '核实结果',
      key: 'result',
      render: (_, c) => (
        <Flex gap={6} align="center" wrap>
          {c.confirmed === null ? (
            <Tag>未核实</Tag>
          ) : (
            <Tag color={c.confirmed ? 'green' : 'red'}>
              {c.confirmed ? '已确认' : '未确认'}
              {c.channel ? `（${channelLabels[c.channel]}）` : ''}
            </Tag>
          )}
          {c.note ? <span>{c.note}</span> : null}
          {locked ? null : (
            <LinkButton aria-label={`记录${c.contactName}的核实结果`} onClick={() => setRecording(c)}>
              记录
            </LinkButton>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Table<TSpotCheck>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={checks}
        pagination={false}
        locale={{ emptyText: '尚未抽取样本' }}
      />
      {recording ? (
        <RecordModal
          check={recording}
          onClose={() => setRecording(null)}
          onSaved={(c) => {
            setRecording(null);
            onChanged(c);
          }}
        />
      ) : null}
    </>
  );
}

function RecordModal({
  check,
  onClose,
  onSaved,
}: {
  check: TSpotCheck;
  onClose: () => void;
  onSaved: (c: TSpotCheck) => void;
}) {
  const [channel, setChannel] = useState<'phone' | 'online'>(check.channel ?? 'phone');
  const [note, setNote] = useState(check.note ?? '');

  async function save(confirmed: boolean) {
    const body = { confirmed, channel, note: note.trim() || undefined };
    const saved = await attempt(
      () => annualApi.assessments.recordSpotCheck(check.id, body),
      '核实结果已记录',
    );
    if (saved) onSaved(saved);
  }

  return (
    <Modal
      title={`核实：${check.contactName}`}
      open
      onCancel={onClose}
      footer={[
        <Button key="no" danger onClick={() => save(false)}>
          未确认
        </Button>,
        <Button key="yes" type="primary" onClick={() => save(true)}>
          已确认
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Segmented
          value={channel}
          onChange={(v) => setChannel(v as 'phone' | 'online')}
          options={[
            { value: 'phone', label: '电话抽查' },
            { value: 'online', label: '网络抽查' },
          ]}
        />
        <Input.TextArea
          aria-label="核实备注"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="备注（如：青年确认上月谈心属实）"
        />
      </Flex>
    </Modal>
  );
}
