import type { TCardMessage } from '@lianxin/contracts';
import { Alert, Button, Input } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { Txt } from '../../components/plain.tsx';
import { describeError, toastSuccess } from '../../feedback.ts';

/**
 * 名片留言 behind a problem left on a public card: who left it (phone masked) and the reply the
 * youth reads with their code. Written by the card's cadre or an admin over them (the server rules).
 */
export function CardMessageReply({
  problemId,
  date,
  note,
}: {
  problemId: string;
  /** shown before the message's kind, where the problem's own fields are not shown beside it */
  date?: string | null;
  note?: string | null;
}) {
  const [message, setMessage] = useState<TCardMessage | null>(null);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.cards.messageOfProblem(problemId).then(
      (m) => {
        setMessage(m);
        setReply(m.reply ?? '');
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [problemId]);

  async function send() {
    if (!message) return;
    try {
      setMessage(await api.cards.reply(message.id, reply));
      toastSuccess('已回复，青年可凭查询码查看');
    } catch (e) {
      setError(describeError(e));
    }
  }

  const meta = [
    date,
    message ? (message.kind === 'message' ? '名片留言' : '名片反映问题') : null,
    message?.caller,
    message?.phoneMasked,
  ].filter(Boolean);
  return (
    <div data-testid="card-message" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Txt type="secondary">{meta.join(' · ')}</Txt>
      {note ? <p style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{note}</p> : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Input.TextArea
        aria-label="回复"
        rows={2}
        maxLength={1000}
        value={reply}
        placeholder="写下回复，青年凭查询码查看"
        onChange={(e) => setReply(e.target.value)}
        style={{ marginTop: 4 }}
      />
      <Button style={{ marginTop: 6 }} disabled={!reply.trim() || !message} onClick={send}>
        {message?.reply ? '更新回复' : '回复'}
      </Button>
    </div>
  );
}
