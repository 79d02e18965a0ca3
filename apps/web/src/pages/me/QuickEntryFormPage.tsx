import { type TActivityType, tileTypes } from '@lianxin/contracts';
import { Navigate, useParams } from 'react-router-dom';
import { Panel } from '../../components/plain.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { useSignedIn } from '../../session/SessionContext.tsx';
import { EntryForm } from './EntryForm.tsx';

/** 记一笔, screens 2 and 3: the form of one type, then the confirmation. */
export function QuickEntryFormPage() {
  const { type } = useParams();
  const { account } = useSignedIn();
  if (!account.cadreId) return <Navigate to="/me" replace />;
  // Only the types the registry puts on a tile are entered on the phone.
  const onPhone = [...tileTypes('main'), ...tileTypes('more')] as string[];
  if (!type || !onPhone.includes(type)) return <Navigate to="/me/log" replace />;
  return (
    <MobileLayout>
      <Panel style={{ border: 'none' }}>
        <EntryForm key={type} type={type as TActivityType} cadreId={account.cadreId} accountId={account.id} />
      </Panel>
    </MobileLayout>
  );
}
