// 志愿团队, 服务中心 and 用人单位反馈: the staff page's lists of teams and centres, and the
// quarterly employer report.
import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Centre, Organisation } from '../../api/types';
import { useSession } from '../../auth/session';
import { todayIso } from '../../lib/dates';
import { fileNameFrom, saveBlob } from '../../lib/download';
import { Pager, useCursorPaging, useRestartOnInvalidCursor } from '../../lib/paging';
import { useCentrePage } from '../centres/api';
import { useOrganisationPage } from '../organisations/api';
import { LoadFailed } from '../../components/LoadFailed';
import { fetchEmployerReport } from './api';
import { useRefusal } from './Refusal';
import { lastEndedQuarter, recentQuarters } from './model';

/** 志愿团队: organisations of kind volunteer_team, each opening its members. */
export function TeamsTab() {
  const { t } = useTranslation();
  const paging = useCursorPaging('volunteer-teams');
  const page = useOrganisationPage({ kind: 'volunteer_team' }, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const items = page.data?.items ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('volunteering.team.intro')}</Typography.Paragraph>
      <Table<Organisation>
        data-testid="team-table"
        rowKey="id"
        loading={page.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('volunteering.team.empty') }}
        onRow={() => ({ 'data-testid': 'team-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('volunteering.team.name'),
            key: 'name',
            render: (_, o) => (
              <Link to={`/volunteering/teams/${o.id}`} data-testid="team-link">
                {o.name}
              </Link>
            ),
          },
          { title: t('volunteering.team.area'), dataIndex: 'area_name' },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_, o) => <Link to={`/volunteering/teams/${o.id}`}>{t('volunteering.team.members')}</Link>,
          },
        ]}
      />
      {page.data && (page.data.next_cursor || paging.pageNumber > 1) && (
        <Pager paging={paging} nextCursor={page.data.next_cursor} busy={page.isFetching} />
      )}
      <LoadFailed query={page} />
    </>
  );
}

/** 服务中心: the centres, each with the QR screen for its door. */
export function CentresTab() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const paging = useCursorPaging(`volunteer-centres:${name}`);
  const page = useCentrePage({ name }, paging.cursor);
  useRestartOnInvalidCursor(page.error, paging);
  const items = page.data?.items ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('volunteering.centre.intro')}</Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('volunteering.centre.search')}
        onSearch={(v) => setName(v.trim())}
        style={{ width: 280, marginBottom: 12 }}
        data-testid="centre-search"
      />
      <Table<Centre>
        data-testid="centre-table"
        rowKey="id"
        loading={page.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'centre-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('volunteering.centre.name'), key: 'name', render: (_, c) => <Link to={`/centres/${c.id}`}>{c.name}</Link> },
          { title: t('volunteering.centre.community'), dataIndex: 'community_name' },
          { title: t('volunteering.centre.address'), dataIndex: 'address' },
          { title: t('volunteering.centre.radius'), key: 'r', render: (_, c) => t('volunteering.centre.radiusValue', { m: c.geofence_radius_m }) },
          ...(access.volunteering.manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'qr',
                  render: (_: unknown, c: Centre) => (
                    <Button icon={<QrcodeOutlined />} onClick={() => void navigate(`/volunteering/centres/${c.id}/qr`)} data-testid="centre-qr">
                      {t('volunteering.centre.qr')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {page.data && (page.data.next_cursor || paging.pageNumber > 1) && (
        <Pager paging={paging} nextCursor={page.data.next_cursor} busy={page.isFetching} />
      )}
      <LoadFailed query={page} />
    </>
  );
}

/** 用人单位反馈: the quarterly CSV for the members' employers. */
export function EmployerReportTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefusal();
  const today = todayIso();
  const [quarter, setQuarter] = useState(() => lastEndedQuarter(today));
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      const { blob, disposition } = await fetchEmployerReport(quarter);
      const name = fileNameFrom(disposition) ?? `employer-report-${quarter}.csv`;
      saveBlob(blob, name);
      void message.success(t('volunteering.employer.downloaded', { file: name }));
    } catch (e) {
      refuse(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card>
      <Typography.Paragraph>{t('volunteering.employer.intro')}</Typography.Paragraph>
      <Space wrap>
        <Typography.Text>{t('volunteering.employer.quarter')}</Typography.Text>
        <Select
          value={quarter}
          onChange={setQuarter}
          style={{ width: 200 }}
          data-testid="employer-quarter"
          options={recentQuarters(today, 8).map((q) => ({ value: q, label: t('volunteering.employer.quarterLabel', { year: q.slice(0, 4), q: q.slice(5) }) }))}
        />
        <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="employer-download">
          {t('volunteering.employer.download')}
        </Button>
      </Space>
    </Card>
  );
}
