import type { TCard, TCardSettings, TCardShows } from '@lianxin/contracts';
import { Alert, Button, Checkbox, Flex, Input, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Panel, PlainSkeleton, ScreenHeading, Txt } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { describeError, toastSuccess } from '../../feedback.ts';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { CardMessageReply } from '../worklog/CardMessageReply.tsx';
import { CardFeedback } from './CardFeedback.tsx';

const showLabels: [keyof TCardShows, string][] = [
  ['name', '姓名'],
  ['post', '职务'],
  ['org', '所在组织'],
  ['points', '联系点'],
  ['workPhone', '工作电话'],
  ['wechat', '微信号'],
  ['hours', '联系时间'],
];

const blank: TCardSettings = {
  enabled: false,
  shows: { name: true, post: true, org: true, points: true, workPhone: false, wechat: false, hours: true },
  post: null,
  workPhone: null,
  wechat: null,
  hours: null,
};

/** 我的联系名片: what the public card shows, on or off, its poster, and the youths' messages to answer. */
export function MyCardPage() {
  const { account } = useSignedIn();
  const cadreId = account.cadreId ?? '';
  const loaded = useLoad(() => api.cards.ofCadre(cadreId), [cadreId]);
  const [card, setCard] = useState<TCard | null>(null);
  const [form, setForm] = useState<TCardSettings>(blank);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded.data) {
      setCard(loaded.data);
      const { id: _i, cadreId: _c, pointId: _p, url: _u, ...settings } = loaded.data;
      setForm(settings);
    }
  }, [loaded.data]);

  async function save(next: TCardSettings) {
    setError(null);
    try {
      const saved = await api.cards.saveForCadre(cadreId, next);
      setCard(saved);
      setForm(next);
      toastSuccess(next.enabled ? '名片已保存并开启' : '名片已保存（未开启）');
    } catch (e) {
      setError(describeError(e));
    }
  }

  const text = (key: 'post' | 'workPhone' | 'wechat' | 'hours', label: string, placeholder: string) => (
    <div key={key}>
      <Txt type="secondary">{label}</Txt>
      <Input
        aria-label={label}
        value={form[key] ?? ''}
        placeholder={placeholder}
        onChange={(e) => setForm({ ...form, [key]: e.target.value || null })}
      />
    </div>
  );

  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenHeading>我的联系名片</ScreenHeading>
        {loaded.error || error ? <Alert type="error" showIcon title={loaded.error ?? error} /> : null}
        {loaded.loading && !card ? <PlainSkeleton /> : null}
        <Panel>
          <Flex vertical gap={10}>
            <Flex justify="space-between" align="center">
              <span>对青年公开</span>
              <Switch
                aria-label="公开名片"
                checked={form.enabled}
                onChange={(enabled) => save({ ...form, enabled })}
              />
            </Flex>
            {card ? (
              <p style={{ margin: 0, wordBreak: 'break-all' }}>
                <a href={card.url} target="_blank" rel="noreferrer" data-testid="card-url">
                  {card.url}
                </a>
                <CopyButton text={card.url} />
              </p>
            ) : (
              <Txt type="secondary">保存后生成名片地址和二维码海报。</Txt>
            )}
            {card ? (
              <Flex gap={8}>
                <Button href={api.cards.posterUrl(card.id, 'png')}>海报图片</Button>
                <Button href={api.cards.posterUrl(card.id, 'pdf')}>海报 PDF</Button>
              </Flex>
            ) : null}
          </Flex>
        </Panel>
        <Panel title="名片上显示">
          <Flex vertical gap={10}>
            <Flex wrap gap={8}>
              {showLabels.map(([key, label]) => (
                <Checkbox
                  key={key}
                  checked={form.shows[key]}
                  onChange={(e) => setForm({ ...form, shows: { ...form.shows, [key]: e.target.checked } })}
                >
                  {label}
                </Checkbox>
              ))}
            </Flex>
            {text('post', '职务', '如：团县委副书记')}
            {text('workPhone', '工作电话', '办公电话，勿填私人手机')}
            {text('wechat', '工作微信号', '')}
            {text('hours', '联系时间', '如：每周三下午')}
            <Button type="primary" onClick={() => save(form)}>
              保存
            </Button>
          </Flex>
        </Panel>
        <CardFeedback cadreId={cadreId} />
        <CardMessages cadreId={cadreId} />
      </Flex>
    </MobileLayout>
  );
}

/** 名片留言: the problems youths left on the card, newest first, each with its reply box. */
function CardMessages({ cadreId }: { cadreId: string }) {
  const list = useLoad(() => api.activities.problems({ cadre: cadreId, pageSize: 100 }), [cadreId]);
  const fromCard = (list.data?.items ?? []).filter((p) => p.origin === 'card');
  return (
    <Panel title={`名片留言（${fromCard.length}）`}>
      {list.error ? <Alert type="error" showIcon title={list.error} /> : null}
      {fromCard.length === 0 && !list.loading ? <Txt type="secondary">暂无留言</Txt> : null}
      <Flex vertical gap={12}>
        {fromCard.map((p) => (
          <CardMessageReply key={p.id} problemId={p.id} date={p.date} note={p.note} />
        ))}
      </Flex>
    </Panel>
  );
}
