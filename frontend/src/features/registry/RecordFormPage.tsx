import { Button, Card, Form, Skeleton, Space, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { RecordError } from './RecordError';

interface RecordFormPageProps<V> {
  /** Editing a record (not creating one): wait for `record`, and say so when it cannot be read. */
  editing: boolean;
  record?: { isPending: boolean; isError: boolean; error: unknown };
  /** Where 返回 leads when the record cannot be read. */
  back?: string;
  title: ReactNode;
  form: FormInstance<V>;
  initialValues: FormProps<V>['initialValues'];
  onFinish: (values: V) => void;
  saving: boolean;
  testId: string;
  saveTestId: string;
  /** The save button's text, when not 保存. */
  saveLabel?: ReactNode;
  maxWidth?: number;
  autoComplete?: string;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * The page that creates or edits a registry record: a card with the form, 保存 and 取消
 * (back to where the user came from); a skeleton while the record loads.
 */
export function RecordFormPage<V>({
  editing,
  record,
  back,
  title,
  form,
  initialValues,
  onFinish,
  saving,
  testId,
  saveTestId,
  saveLabel,
  maxWidth = 880,
  autoComplete,
  children,
}: RecordFormPageProps<V>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (editing && record?.isPending) return <Card><Skeleton active /></Card>;
  if (editing && record?.isError) return <RecordError error={record.error} back={back ?? '/'} />;
  return (
    <Card title={title}>
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        style={{ maxWidth }}
        scrollToFirstError
        data-testid={testId}
        autoComplete={autoComplete}
      >
        {children}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid={saveTestId}>
            {saveLabel ?? t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
