import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** The primary 新增… button of a list page, opening the page that creates a record. */
export function CreateButton({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(to)} data-testid={testId}>
      {children}
    </Button>
  );
}
