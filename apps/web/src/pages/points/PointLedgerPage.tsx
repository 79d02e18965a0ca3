import { LeftOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ScreenHeading } from '../../components/plain.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { MobileLayout } from '../../layout/MobileLayout.tsx';
import { PointLedgerView } from './PointLedgerView.tsx';

/** /points/:id in the admin layout. */
export function PointLedgerPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8}>
        <Button icon={<LeftOutlined />} onClick={() => navigate('/points')}>
          联系点
        </Button>
        <ScreenHeading style={{ margin: 0 }}>联系点台账</ScreenHeading>
      </Flex>
      <PointLedgerView id={id} />
    </Flex>
  );
}

/** /me/points/:id on the phone: a cadre reads the ledger of a point they hold or inherited. */
export function MyPointLedgerPage() {
  const { id = '' } = useParams();
  return (
    <MobileLayout>
      <Flex vertical gap={12}>
        <ScreenTitle back="/me">联系点台账</ScreenTitle>
        <PointLedgerView id={id} />
      </Flex>
    </MobileLayout>
  );
}
