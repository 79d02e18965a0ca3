import { CloudUploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { onDemand } from '../../onDemand.tsx';
import { useDrafts } from './drafts.ts';

// The list (a drawer, confirmations) is not part of the first load: the phone header carries only the
// badge. Drafts exist because the network is gone, so the list's code is fetched a little after the
// page shows, while there is still a network, rather than on the tap.
const loadDrawer = () => import('./DraftDrawer.tsx');
const DraftDrawer = onDemand(() => loadDrawer().then((m) => m.DraftDrawer));

/** 草稿 N in the phone header while entries wait for the network; tap for the list. */
export function DraftBadge({ accountId }: { accountId: string }) {
  const drafts = useDrafts(accountId);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const later = setTimeout(() => {
      if (navigator.onLine) void loadDrawer().catch(() => undefined);
    }, 3000);
    return () => clearTimeout(later);
  }, []);
  if (drafts.length === 0 && !open) return null;
  return (
    <>
      <Button size="small" icon={<CloudUploadOutlined />} onClick={() => setOpen(true)}>
        草稿 {drafts.length}
      </Button>
      {open ? <DraftDrawer accountId={accountId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
