import { CopyOutlined, KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKeys } from '../../api/idempotency';
import { knownFields } from '../../api/problem';
import type { ApiKey, ApiScope, CreatedApiKey } from '../../api/types';
import { copyText } from '../../lib/clipboard';
import { useProblem } from '../../lib/useProblem';
import { testId } from '../../lib/testId';
import { PagedTable } from '../../components/PagedTable';
import { useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { AreaTreeSelect } from '../areas/AreaTreeSelect';
import { API_SCOPES, apiKeyKeys, createApiKey, revokeApiKey, useApiKeyPage } from './api';
import { FormModal } from '../../components/FormModal';

interface Values {
  name?: string;
  scopes?: ApiScope[];
  area_id?: string;
}

const FIELDS = knownFields(['name', 'scopes', 'area_id']);

export default function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { notify } = useProblem();
  const queryClient = useQueryClient();
  const paging = useCursorPaging('');
  const page = useApiKeyPage(paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  function confirmRevoke(key: ApiKey) {
    modal.confirm({
      title: t('apiKeys.revokeTitle', { name: key.name }),
      content: t('apiKeys.revokeContent'),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true, ...testId('confirm-revoke') },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revokeApiKey(key.id);
          await queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
          void message.success(t('apiKeys.revokedDone'));
        } catch (e) {
          notify(e);
        }
      },
    });
  }

  const columns: ColumnsType<ApiKey> = [
    {
      title: t('apiKeys.colName'),
      dataIndex: 'name',
      render: (name: string, k) => (
        <Typography.Text strong={!k.revoked_at} type={k.revoked_at ? 'secondary' : undefined}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('apiKeys.colPrefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('apiKeys.colScopes'),
      dataIndex: 'scopes',
      render: (scopes: ApiScope[]) =>
        scopes.map((s) => (
          <Tag key={s} data-scope={s} style={{ marginBottom: 4 }}>
            {t(`apiScopes.${s}`)}
          </Tag>
        )),
    },
    { title: t('apiKeys.colArea'), dataIndex: 'area_name' },
    { title: t('apiKeys.colCreated'), dataIndex: 'created_at', render: (v: string) => when(v) },
    {
      title: t('apiKeys.colLastUsed'),
      dataIndex: 'last_used_at',
      render: (v: string | null) => (v ? when(v) : <Typography.Text type="secondary">{t('apiKeys.never')}</Typography.Text>),
    },
    {
      title: t('apiKeys.colStatus'),
      dataIndex: 'revoked_at',
      render: (v: string | null) =>
        v ? (
          <Tooltip title={t('apiKeys.revokedAt', { time: when(v) })}>
            <Tag color="default" data-testid="key-status">{t('apiKeys.revoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green" data-testid="key-status">{t('apiKeys.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, k) =>
        !k.revoked_at && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => confirmRevoke(k)} data-testid="revoke-key">
            {t('apiKeys.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      title={t('apiKeys.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-api-key">
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <PagedTable<ApiKey> testId="api-key-table" columns={columns} list={{ page, paging }} empty={t('apiKeys.empty')} scrollX={1000} />

      <CreateApiKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated(result);
          void queryClient.invalidateQueries({ queryKey: apiKeyKeys.all });
        }}
      />
      <OneTimeKeyModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}

function CreateApiKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const keys = useRef(idempotencyKeys());

  async function submit(values: Values) {
    const body = { name: (values.name ?? '').trim(), scopes: values.scopes ?? [], area_id: values.area_id ?? '' };
    const result = await createApiKey(body, keys.current.keyFor(body));
    keys.current.reset();
    onCreated(result);
  }

  return (
    <FormModal
      open={open}
      title={t('apiKeys.createTitle')}
      onCancel={onClose}
      okText={t('apiKeys.createSubmit')}
      width={600}
      form={form}
      onSave={submit}
      toFormPath={FIELDS}
      okTestId="create-api-key-submit"
      formTestId="api-key-form"
    >
      <Form.Item
        name="name"
        label={t('apiKeys.name')}
        rules={[{ required: true, whitespace: true, message: t('apiKeys.nameRequired') }]}
      >
        <Input maxLength={100} showCount placeholder={t('apiKeys.namePlaceholder')} data-testid="api-key-name" />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('fields.scopes')}
        rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.scopesRequired') }]}
      >
        <Checkbox.Group
          data-testid="api-key-scopes"
          style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}
          options={API_SCOPES.map((s) => ({
            value: s,
            label: (
              <span>
                {t(`apiScopes.${s}`)} <Typography.Text type="secondary" code>{s}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="area_id"
        label={t('apiKeys.area')}
        extra={t('apiKeys.areaHint')}
        rules={[{ required: true, message: t('apiKeys.areaRequired') }]}
      >
        <AreaTreeSelect deepest="community" placeholder={t('apiKeys.areaPlaceholder')} data-testid="api-key-area" />
      </Form.Item>
    </FormModal>
  );
}

/** Shows a new key's secret, this once; the warning says it will not be shown again. */
function OneTimeKeyModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);

  async function copy(text: string) {
    if (await copyText(text)) {
      setCopied(true);
      void message.success(t('apiKeys.copied'));
    } else {
      void message.warning(t('apiKeys.copyFailed'));
    }
  }

  return (
    <Modal
      open={!!created}
      afterClose={() => setCopied(false)}
      title={
        <Space>
          <KeyOutlined />
          {t('apiKeys.oneTimeTitle', { name: created?.api_key.name ?? '' })}
        </Space>
      }
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-key-done">
          {t('apiKeys.savedIt')}
        </Button>
      }
    >
      {created && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="one-time-key">
          <Alert type="warning" showIcon title={t('apiKeys.oneTimeWarning')} description={t('apiKeys.oneTimeHint')} />
          <Typography.Paragraph
            code
            style={{ fontSize: 15, wordBreak: 'break-all', marginBottom: 0, userSelect: 'all' }}
            data-testid="one-time-key-value"
          >
            {created.key}
          </Typography.Paragraph>
          <Button icon={<CopyOutlined />} onClick={() => void copy(created.key)} data-testid="copy-key">
            {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
          </Button>
          <Typography.Text type="secondary">
            {t('apiKeys.sendAs')} <Typography.Text code>X-Api-Key</Typography.Text>
          </Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
