import { Drawer, Grid } from 'antd';
import { ImportPanel } from '../imports/ImportPanel.tsx';

/** 从 Excel 导入联系青年: the import panel in a drawer, from the right on a wide screen, from below on a phone. */
export function ContactImportDrawer({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title="从 Excel 导入联系青年"
      placement={screens.md ? 'right' : 'bottom'}
      size={screens.md ? 640 : '90%'}
      open={open}
      onClose={onClose}
      destroyOnHidden
    >
      <ImportPanel kind="contacts" noun="联系青年" onImported={onImported} />
    </Drawer>
  );
}
