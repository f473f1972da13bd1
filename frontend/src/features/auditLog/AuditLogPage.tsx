import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AuditEntry, AuditVerification } from '../../api/types';
import { translate } from '../../i18n';
import { PagedTable } from '../../components/PagedTable';
import { useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { useProblem } from '../../lib/useProblem';
import { useAuditPage, verifyAuditLog, type AuditFilters } from './api';
import { actionLabel, actorKindLabel, changedFields, KNOWN_ACTIONS, KNOWN_OBJECT_TYPES, objectTypeLabel } from './labels';
import { FilterBar } from '../../components/FilterBar';

function readFilters(params: URLSearchParams): AuditFilters {
  const pick = (k: string) => params.get(k)?.trim() || undefined;
  return { object_type: pick('object_type'), object_id: pick('object_id'), action: pick('action') };
}

function JsonBlock({ value, testId }: { value: unknown; testId: string }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;
  }
  return (
    <pre
      data-testid={testId}
      style={{
        margin: 0,
        padding: 12,
        background: 'rgba(0, 0, 0, 0.03)',
        borderRadius: 6,
        fontSize: 12,
        maxHeight: 360,
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changed = changedFields(entry.before, entry.after);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="audit-entry-detail">
      <Space wrap size={[16, 4]}>
        <Typography.Text type="secondary">
          {t('audit.entryId')}: <Typography.Text code>{entry.id}</Typography.Text>
        </Typography.Text>
        {entry.request_id && (
          <Typography.Text type="secondary">
            {t('audit.requestId')}: <Typography.Text code copyable>{entry.request_id}</Typography.Text>
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('audit.hash')}:{' '}
          {entry.hash ? (
            <Typography.Text code>{entry.hash.slice(0, 16)}…</Typography.Text>
          ) : (
            <Typography.Text type="warning">{t('audit.unsealed')}</Typography.Text>
          )}
        </Typography.Text>
      </Space>
      {changed.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('audit.changed')}: </Typography.Text>
          {changed.map((f) => (
            <Tag key={f} color="gold">
              {f}
            </Tag>
          ))}
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.before')}</Typography.Title>
          <JsonBlock value={entry.before} testId="audit-before" />
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5}>{t('audit.after')}</Typography.Title>
          <JsonBlock value={entry.after} testId="audit-after" />
        </Col>
      </Row>
    </Space>
  );
}

function VerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      title={t('audit.verifyOk')}
      description={t('audit.verifyOkDetail', { checked: result.checked })}
      data-testid="audit-verify-result"
      data-ok="true"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t('audit.verifyBroken', { id: result.first_broken_id ?? '?' })}
      description={t('audit.verifyBrokenDetail', { checked: result.checked })}
      data-testid="audit-verify-result"
      data-ok="false"
    />
  );
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { notify } = useProblem();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const filterKey = JSON.stringify(filters);
  const paging = useCursorPaging(filterKey);
  const page = useAuditPage(filters, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const [objectId, setObjectId] = useState(filters.object_id ?? '');
  const [action, setAction] = useState(filters.action ?? '');
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  function setFilter(patch: Partial<AuditFilters>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v?.trim()) next.set(k, v.trim());
      else next.delete(k);
    }
    setParams(next, { replace: true });
  }

  async function verify() {
    setVerifying(true);
    setVerification(null);
    try {
      setVerification(await verifyAuditLog());
    } catch (e) {
      notify(e);
    } finally {
      setVerifying(false);
    }
  }

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.colTime'),
      dataIndex: 'occurred_at',
      width: 190,
      render: (v: string) => when(v),
    },
    {
      title: t('audit.colActor'),
      dataIndex: 'actor_name',
      render: (name: string, e) => (
        <Space size={4}>
          <span>{name}</span>
          {e.actor_kind !== 'user' && <Tag>{actorKindLabel(e.actor_kind, translate)}</Tag>}
        </Space>
      ),
    },
    {
      title: t('audit.colAction'),
      dataIndex: 'action',
      render: (a: string) => {
        const label = actionLabel(a, translate);
        return (
          <span data-action={a} data-testid="audit-action">
            {label}
            {label !== a && (
              <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                {a}
              </Typography.Text>
            )}
          </span>
        );
      },
    },
    {
      title: t('audit.colObject'),
      key: 'object',
      render: (_, e) => (
        <Space size={4} wrap>
          <Tag>{objectTypeLabel(e.object_type, translate)}</Tag>
          <Typography.Text code style={{ fontSize: 12 }}>
            {e.object_id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('audit.colIp'),
      dataIndex: 'client_ip',
      render: (ip: string | null) => ip ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
          {t('audit.verify')}
        </Button>
      }
    >
      {verification && (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verification} />
        </div>
      )}
      <FilterBar
        onReset={() => {
          setObjectId('');
          setAction('');
          setParams(new URLSearchParams(), { replace: true });
        }}
      >
        <Form.Item label={t('audit.objectType')}>
          <Select<string>
            data-testid="filter-object-type"
            style={{ width: 140 }}
            value={filters.object_type ?? ''}
            onChange={(v) => setFilter({ object_type: v })}
            options={[
              { value: '', label: t('common.all') },
              ...KNOWN_OBJECT_TYPES.map((o) => ({ value: o, label: objectTypeLabel(o, translate) })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('audit.objectId')}>
          <Input.Search
            data-testid="filter-object-id"
            allowClear
            style={{ width: 280 }}
            maxLength={64}
            placeholder={t('audit.objectIdPlaceholder')}
            value={objectId}
            onChange={(e) => setObjectId(e.target.value)}
            onSearch={(v) => setFilter({ object_id: v })}
          />
        </Form.Item>
        <Form.Item label={t('audit.action')}>
          <AutoComplete
            data-testid="filter-action"
            style={{ width: 220 }}
            value={action}
            onChange={(v: string) => setAction(v ?? '')}
            onSelect={(v: string) => setFilter({ action: v })}
            onBlur={() => action !== (filters.action ?? '') && setFilter({ action })}
            allowClear
            onClear={() => setFilter({ action: undefined })}
            placeholder={t('audit.actionPlaceholder')}
            options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a, translate)} (${a})` }))}
            showSearch={{
              filterOption: (input, option) =>
                !!option && String(option.label).toLowerCase().includes(input.trim().toLowerCase()),
            }}
          />
        </Form.Item>
      </FilterBar>

      <PagedTable<AuditEntry>
        testId="audit-table"
        columns={columns}
        list={{ page, paging }}
        empty={t('audit.empty')}
        scrollX={1000}
        expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
      />
    </Card>
  );
}
