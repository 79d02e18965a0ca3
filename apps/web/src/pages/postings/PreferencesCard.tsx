import type { TMyProgramPreferences } from '@lianxin/contracts';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { ChoiceBar } from '../../components/nativeInputs.tsx';
import { Panel, Txt } from '../../components/plain.tsx';
import { toastError, toastSuccess } from '../../feedback.ts';
import { postingsApi } from './postingsApi.ts';

/** 意愿 of one batch: one choice, so a batch is never both preferred and avoided. */
type Wish = 'prefer' | 'either' | 'avoid';

const wishOptions: { value: Wish; label: string }[] = [
  { value: 'prefer', label: '希望参加' },
  { value: 'either', label: '均可' },
  { value: 'avoid', label: '无法参加' },
];

function wishesOf(item: TMyProgramPreferences): Record<string, Wish> {
  return Object.fromEntries(
    item.batches.map((b) => [
      b.id,
      item.prefersBatches.includes(b.id) ? 'prefer' : item.avoidBatches.includes(b.id) ? 'avoid' : 'either',
    ]),
  );
}

/**
 * 下沉意愿: per batch of a program the cadre's organ sends, 希望参加 (the planner tries to honour it)
 * or 无法参加 (a declared constraint it never breaks); one column of full-width choices for a phone.
 */
export function PreferencesCard({ item, cadreId }: { item: TMyProgramPreferences; cadreId: string }) {
  const [wishes, setWishes] = useState(() => wishesOf(item));
  const [busy, setBusy] = useState(false);
  const pick = (wish: Wish) => item.batches.filter((b) => wishes[b.id] === wish).map((b) => b.id);

  const save = async () => {
    setBusy(true);
    try {
      await postingsApi.setPreferences(item.programId, cadreId, {
        prefersBatches: pick('prefer'),
        avoidBatches: pick('avoid'),
      });
      toastSuccess('意愿已保存，下次编排时考虑');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel
      title={item.programName}
      extra={item.published ? <Tag color="green">方案已发布</Tag> : null}
      data-testid={`preferences-${item.programId}`}
    >
      <Txt type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {item.published
          ? '派驻方案已发布，意愿不再调整本计划。'
          : '“无法参加”的批次不会安排您；“希望参加”尽量满足。'}
      </Txt>
      <Flex vertical gap={10}>
        {item.batches.map((b) => (
          <div key={b.id}>
            <Txt strong>
              {b.name}（{b.start} 起）
            </Txt>
            {/* a disabled fieldset locks the choices once the plan is published */}
            <fieldset className="lx-choice-solid" disabled={item.published}>
              <ChoiceBar<Wish>
                aria-label={`${b.name}意愿`}
                options={wishOptions}
                value={wishes[b.id]}
                onChange={(wish) => setWishes({ ...wishes, [b.id]: wish })}
              />
            </fieldset>
          </div>
        ))}
        {item.published ? null : (
          <Button type="primary" block size="large" loading={busy} onClick={() => void save()}>
            保存意愿
          </Button>
        )}
      </Flex>
    </Panel>
  );
}
