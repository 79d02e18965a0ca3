import { activityTypes, type TActivityType } from '@lianxin/contracts';
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
  if (!type || !(activityTypes as readonly string[]).includes(type)) return <Navigate to="/me/log" replace />;
  return (
    <MobileLayout>
      <Panel style={{ border: 'none' }}>
        <EntryForm key={type} type={type as TActivityType} cadreId={account.cadreId} accountId={account.id} />
      </Panel>
    </MobileLayout>
  );
}
