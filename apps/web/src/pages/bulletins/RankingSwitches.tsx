import type { TBulletinSettings } from '@lianxin/contracts';
import { Alert, Card, Flex, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLoad } from '../../components/useLoad.ts';
import { describeError, toastSuccess } from '../../feedback.ts';
import { canEdit, useSignedIn } from '../../session/SessionContext.tsx';

/**
 * 通报排名开关 (decision 32): an admin of a level that adopts presets switches rankings on for it
 * and below; elsewhere the switches in force are only named (both off unless someone above set them).
 */
export function RankingSwitches({ orgId, onSaved }: { orgId: string; onSaved: () => void }) {
  const { account } = useSignedIn();
  const loaded = useLoad(async () => {
    const [settings, presets] = await Promise.all([
      api.bulletins.settings(orgId),
      api.bulletins.presets(orgId),
    ]);
    return { settings, adopts: presets.items.some((i) => i.org === orgId) };
  }, [orgId]);
  const [settings, setSettings] = useState<TBulletinSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setSettings(loaded.data?.settings ?? null), [loaded.data]);
  if (!settings) return null;
  const editable = canEdit(account.role) && loaded.data?.adopts;

  async function save(next: { rankOrgs: boolean; rankCadres: boolean }) {
    setError(null);
    try {
      setSettings(await api.bulletins.saveSettings(orgId, next));
      toastSuccess('排名设置已保存');
      onSaved();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const inherited =
    settings.setAt && settings.setAt !== orgId ? `（沿用${settings.setAtName ?? '上级'}的设置）` : '';
  if (!editable)
    return (
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        排名：下级组织{settings.rankOrgs ? '排名' : '不排名'}，团干部个人
        {settings.rankCadres ? '排名' : '不排名'}
        {inherited}
      </Typography.Paragraph>
    );
  const { rankOrgs, rankCadres } = settings;
  return (
    <Card size="small" title="通报排名设置" style={{ marginBottom: 12 }}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center">
          <Switch
            aria-label="下级组织排名"
            checked={rankOrgs}
            onChange={(v) => save({ rankOrgs: v, rankCadres })}
          />
          <span>按达标率对下级组织排名</span>
        </Flex>
        <Flex gap={8} align="center">
          <Switch
            aria-label="团干部个人排名"
            checked={rankCadres}
            onChange={(v) => save({ rankOrgs, rankCadres: v })}
          />
          <span>团干部个人排名</span>
        </Flex>
        <Typography.Text type="secondary">
          整治形式主义的规定不提倡个人排名，默认关闭；本级设置对下级同样适用{inherited}。
        </Typography.Text>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Card>
  );
}
