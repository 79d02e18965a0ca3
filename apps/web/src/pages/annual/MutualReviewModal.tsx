import type { TAssessment } from '@lianxin/contracts';
import { Flex, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { annualApi } from '../../api/annual.ts';
import { attempt } from './attempt.ts';

/** 互检互评: one reviewer's scores (0–100) of the other cadres of the unit; nobody scores themselves. */
export function MutualReviewModal({
  assessment,
  onClose,
  onSaved,
}: {
  assessment: TAssessment;
  onClose: () => void;
  onSaved: (a: TAssessment) => void;
}) {
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const others = assessment.entries.filter((e) => e.cadreId !== reviewerId);
  const reviews = Object.entries(scores).flatMap(([cadreId, score]) =>
    reviewerId && score !== null && cadreId !== reviewerId ? [{ reviewerId, cadreId, score }] : [],
  );

  async function save() {
    const a = await attempt(() => annualApi.assessments.reviews(assessment.id, reviews), '互评分数已保存');
    if (a) onSaved(a);
  }

  return (
    <Modal
      title="录入互评分数"
      open
      okText="保存"
      okButtonProps={{ disabled: reviews.length === 0 }}
      onOk={save}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Select
          aria-label="评分人"
          placeholder="评分人"
          value={reviewerId}
          onChange={(v) => {
            setReviewerId(v);
            setScores({});
          }}
          options={assessment.entries.map((e) => ({ value: e.cadreId, label: e.cadreName }))}
        />
        {reviewerId
          ? others.map((e) => (
              <Flex key={e.cadreId} align="center" gap={12}>
                <Typography.Text style={{ width: 120 }}>{e.cadreName}</Typography.Text>
                <InputNumber
                  aria-label={`${e.cadreName}的互评分`}
                  min={0}
                  max={100}
                  value={scores[e.cadreId] ?? null}
                  onChange={(v) => setScores((s) => ({ ...s, [e.cadreId]: v }))}
                />
              </Flex>
            ))
          : null}
      </Flex>
    </Modal>
  );
}
