import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { DATE_FORMAT, dayjs } from '../../lib/dates';
import { oneOf, useUrlFilters } from '../../lib/urlFilters';
import { LoadFailed } from '../../components/LoadFailed';
import { PersonSelect } from '../registry/PersonSelect';
import { ASSESSMENT_LIMIT, useAssessments, type AssessmentFilters } from './api';
import { AssessmentImportModal } from './AssessmentImportModal';
import { AssessmentModal } from './AssessmentModal';
import { ResultTag } from './AllowanceTags';
import { codeLabel, RESULTS } from './model';
import type { Assessment, AssessmentResult } from './types';
import { FilterBar } from '../../components/FilterBar';
import { DataTable } from '../../components/DataTable';

function readFilters(params: URLSearchParams): AssessmentFilters {
  return {
    person_id: params.get('person_id') ?? undefined,
    on: params.get('on') ?? undefined,
    result: oneOf(params.get('result'), RESULTS),
  };
}

type Editing = { kind: 'new' } | { kind: 'edit'; assessment: Assessment } | null;

/**
 * 考评管理: the assessments payments depend on (a result covering the month, at least what
 * the programme requires). Assessors add, correct and import them; finance reads them.
 */
export default function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { filters, setFilter, reset } = useUrlFilters(readFilters);
  const list = useAssessments(filters);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const canAssess = access.allowances.assess;
  const changed = () => void queryClient.invalidateQueries({ queryKey: ['allowances', 'assessments'] });
  const items = list.data?.items ?? [];

  const columns: ColumnsType<Assessment> = [
    {
      title: t('allowances.assessments.person'),
      dataIndex: 'person_name',
      render: (name: string, a) =>
        access.allowances.read ? <Link to={`/allowances/people/${a.person_id}`}>{name}</Link> : name,
    },
    {
      title: t('allowances.assessments.period'),
      key: 'period',
      width: 210,
      render: (_: unknown, a) => <span style={{ whiteSpace: 'nowrap' }}>{`${a.period_start} ~ ${a.period_end}`}</span>,
    },
    { title: t('allowances.assessments.score'), dataIndex: 'score', align: 'right', width: 80 },
    { title: t('allowances.assessments.result'), dataIndex: 'result', render: (r: AssessmentResult) => <ResultTag result={r} /> },
    { title: t('allowances.assessments.assessor'), dataIndex: 'assessor' },
    { title: t('allowances.assessments.notes'), dataIndex: 'notes', ellipsis: true, render: (n?: string | null) => n || '—' },
    {
      title: t('allowances.assessments.usedBy'),
      dataIndex: 'used_by_cycles',
      align: 'right',
      render: (n: number) =>
        n > 0 ? (
          <Tooltip title={t('allowances.assessments.usedByHint')}>
            <Tag color="blue" data-testid="used-by-cycles">
              {t('allowances.assessments.cycles', { count: n })}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updated_at',
      render: (at: string) => new Date(at).toLocaleDateString(i18n.language),
    },
    ...(canAssess
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, a: Assessment) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit', assessment: a })} data-testid="edit-assessment">
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('allowances.assessments.title')}
      extra={
        <Space wrap>
          {access.allowances.read && <Button onClick={() => navigate('/allowances')}>{t('allowances.backHome')}</Button>}
          {canAssess && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-assessments">
                {t('allowances.import.assessmentsTitle')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'new' })} data-testid="new-assessment">
                {t('allowances.assessments.create')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('allowances.assessments.intro')}</Typography.Paragraph>
      <FilterBar onReset={reset}>
        <Form.Item label={t('allowances.assessments.person')}>
          <PersonSelect value={filters.person_id} onChange={(v) => setFilter({ person_id: typeof v === 'string' ? v : undefined })} style={{ width: 220 }} data-testid="filter-person" />
        </Form.Item>
        <Form.Item label={t('allowances.assessments.coversDay')}>
          <DatePicker
            value={filters.on ? dayjs(filters.on, DATE_FORMAT) : null}
            onChange={(d) => setFilter({ on: d ? d.format(DATE_FORMAT) : undefined })}
            data-testid="filter-on"
          />
        </Form.Item>
        <Form.Item label={t('allowances.assessments.result')}>
          <Select
            allowClear
            style={{ width: 140 }}
            value={filters.result}
            onChange={(v?: AssessmentResult) => setFilter({ result: v })}
            options={RESULTS.map((r) => ({ value: r, label: codeLabel('results', r, translate) }))}
            data-testid="filter-result"
          />
        </Form.Item>
      </FilterBar>
      <DataTable<Assessment>
        testId="assessment-table"
        columns={columns}
        rows={items}
        query={list}
        pageSize={20}
        empty={t('allowances.assessments.empty')}
        scrollX={1100}
      />
      {items.length >= ASSESSMENT_LIMIT && (
        <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
          {t('allowances.assessments.truncated', { count: ASSESSMENT_LIMIT })}
        </Typography.Paragraph>
      )}
      <LoadFailed query={list} />
      <AssessmentModal
        open={editing !== null}
        assessment={editing?.kind === 'edit' ? editing.assessment : undefined}
        onClose={() => setEditing(null)}
        onSaved={changed}
      />
      <AssessmentImportModal open={importing} onClose={() => setImporting(false)} onImported={changed} />
    </Card>
  );
}
