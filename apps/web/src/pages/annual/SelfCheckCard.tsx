import type { TSelfCheckContent } from '@lianxin/contracts';
import { Alert, Button, Flex, Input, Tag, theme } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { ApiError } from '../../api/client.ts';
import { Panel, PlainSkeleton } from '../../components/plain.tsx';
import { useLoad } from '../../components/useLoad.ts';
import { toastError, toastSuccess } from '../../feedback.ts';
import { filingStateLabels, filingStatusLabels } from './labels.ts';

type Figure = TSelfCheckContent['figures'][number];

/** The figures beside the targets, as antd's small `Table` draws them (its own code is 45 kB gzip). */
function FiguresTable({ figures }: { figures: Figure[] }) {
  const { token } = theme.useToken();
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  const cell = { padding: token.paddingXS, borderBottom: line, textAlign: 'start' as const };
  const head = { ...cell, background: token.colorFillAlter, fontWeight: token.fontWeightStrong };
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', color: token.colorText }}>
      <thead>
        <tr>
          <th style={{ ...head, borderStartStartRadius: token.borderRadiusLG }}>项目（据工作日志）</th>
          <th style={{ ...head, width: 60 }}>完成</th>
          <th style={{ ...head, width: 80, borderStartEndRadius: token.borderRadiusLG }}>全年要求</th>
        </tr>
      </thead>
      <tbody>
        {figures.length === 0 ? (
          <tr>
            <td colSpan={3} style={{ ...cell, textAlign: 'center', color: token.colorTextDescription }}>
              暂无数据
            </td>
          </tr>
        ) : null}
        {figures.map((f) => (
          <tr key={f.type}>
            <td style={cell}>{f.label}</td>
            <td style={cell}>{f.done}</td>
            <td style={cell}>{f.required ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 半年自查报告: figures counted from the log beside the year's targets; the cadre writes the words. */
export function SelfCheckCard({ year, cadreId }: { year: number; cadreId: string }) {
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(async () => {
    const filed = await annualApi.selfCheck.get(year, cadreId).catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    });
    const content: TSelfCheckContent = filed?.content ?? (await annualApi.selfCheck.draft(year, cadreId));
    setText(content.text);
    return { filed, content };
  }, [year, cadreId]);
  const filed = loaded.data?.filed ?? null;
  const locked = filed?.status === 'submitted' || filed?.status === 'accepted';

  async function save(submit: boolean) {
    setBusy(true);
    try {
      await annualApi.selfCheck.save(year, cadreId, text ?? '');
      if (submit) await annualApi.selfCheck.submit(year, cadreId);
      toastSuccess(submit ? '自查报告已提交' : '已保存');
      loaded.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="半年自查报告" role="region" aria-label="半年自查报告">
      {loaded.loading && !loaded.data ? (
        <PlainSkeleton />
      ) : (
        <>
          {loaded.error ? <Alert type="error" showIcon title={loaded.error} /> : null}
          {filed ? (
            <Flex gap={8} style={{ marginBottom: 8 }}>
              <Tag>{filingStatusLabels[filed.status]}</Tag>
              <Tag color={filingStateLabels[filed.state].color}>{filingStateLabels[filed.state].text}</Tag>
            </Flex>
          ) : null}
          <FiguresTable figures={loaded.data?.content.figures ?? []} />
          <Input.TextArea
            aria-label="自查报告正文"
            style={{ marginTop: 8 }}
            autoSize={{ minRows: 6 }}
            disabled={locked || busy}
            value={text ?? ''}
            onChange={(e) => setText(e.target.value)}
          />
          {locked ? null : (
            <Flex gap={8} style={{ marginTop: 8 }}>
              <Button onClick={() => save(false)} loading={busy}>
                保存
              </Button>
              <Button type="primary" onClick={() => save(true)} loading={busy}>
                提交
              </Button>
            </Flex>
          )}
        </>
      )}
    </Panel>
  );
}
