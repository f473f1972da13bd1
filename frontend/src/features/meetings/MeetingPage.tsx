import { ArrowLeftOutlined, CheckCircleOutlined, EditOutlined, FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Meeting, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { testId } from '../../lib/testId';
import { useProblem } from '../../lib/useProblem';
import { isStale } from '../registry/isStale';
import { RecordError } from '../registry/RecordError';
import { useOrganisationNames } from '../registry/useOrganisationNames';
import { MeetingStatusTag, OrgKindTag } from '../registry/Tags';
import { ActionItemsTable } from './ActionItemsTable';
import { AmendModal } from './AmendModal';
import { fetchMeeting, finaliseMeeting, meetingKeys, useMeeting } from './api';

/** On paper only the minutes: no menu, header, breadcrumb or buttons. */
const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .ant-breadcrumb, .no-print { display: none !important; }
  .ant-layout-content { margin: 0 !important; }
  .minutes-card { box-shadow: none !important; border: none !important; }
}`;

type Attendance = Meeting['minutes']['attendance'][number];

export default function MeetingPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const { message, modal, notification } = App.useApp();
  const { notify } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useMeeting(id);
  const [amending, setAmending] = useState(false);
  const orgIds = query.data ? query.data.data.minutes.attendance.map((a) => a.organisation_id) : [];
  const orgNames = useOrganisationNames(orgIds);

  if (query.isPending) return <Card><Skeleton active /></Card>;
  if (query.isError) return <RecordError error={query.error} back="/meetings" />;
  const { data: m, etag } = query.data;
  const draft = m.status === 'draft';
  const manage = access.meetings.manage;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  function confirmFinalise() {
    modal.confirm({
      title: t('meetings.finaliseTitle'),
      content: t('meetings.finaliseContent'),
      okText: t('meetings.finalise'),
      cancelText: t('common.cancel'),
      okButtonProps: { ...testId('confirm-finalise') },
      onOk: async () => {
        try {
          const saved = await finaliseMeeting(m.id, etag ?? '*');
          queryClient.setQueryData(meetingKeys.one(m.id), saved);
          await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
          void message.success(t('meetings.finalised'));
        } catch (e) {
          if (isStale(e)) {
            notification.warning({ title: t('meetings.stale'), placement: 'topRight' });
            queryClient.setQueryData(meetingKeys.one(m.id), await fetchMeeting(m.id));
          } else {
            notify(e);
          }
        }
      },
    });
  }

  const attendanceColumns = [
    {
      title: t('meetings.body'),
      dataIndex: 'body',
      width: 160,
      render: (body: OrgKind | null) => (body ? <OrgKindTag kind={body} /> : '—'),
    },
    {
      title: t('meetings.organisation'),
      dataIndex: 'organisation_id',
      render: (orgId: string, a: Attendance) => (
        <Link to={`/organisations/${orgId}`}>
          {orgNames[orgId] ?? (a.body ? t(`orgKinds.${a.body}`) : t('common.loading'))}
        </Link>
      ),
    },
    {
      title: t('meetings.attendees'),
      dataIndex: 'attendees',
      render: (names: string[]) => (names.length ? names.join(t('common.listSeparator')) : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <style>{PRINT_CSS}</style>
      <Card
        className="minutes-card"
        data-testid="minutes"
        data-status={m.status}
        title={
          <Space wrap>
            <span data-testid="meeting-title">{m.title}</span>
            <MeetingStatusTag status={m.status} />
          </Space>
        }
        extra={
          <Space wrap className="no-print">
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
              {t('common.back')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-minutes">
              {t('meetings.print')}
            </Button>
            {manage && draft && (
              <>
                <Button icon={<EditOutlined />} onClick={() => navigate(`/meetings/${m.id}/edit`)} data-testid="edit-meeting">
                  {t('common.edit')}
                </Button>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={confirmFinalise} data-testid="finalise-meeting">
                  {t('meetings.finalise')}
                </Button>
              </>
            )}
            {manage && !draft && (
              <Button icon={<FileAddOutlined />} onClick={() => setAmending(true)} data-testid="amend-meeting">
                {t('meetings.amend')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('meetings.minutesHeading', { title: m.title })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'compound',
              label: t('fields.compound_id'),
              children: <Link to={`/compounds/${m.compound_id}`}>{m.compound_name}</Link>,
            },
            { key: 'date', label: t('fields.held_on'), children: <span data-testid="meeting-date">{m.held_on}</span> },
            { key: 'location', label: t('fields.location_text'), children: m.location || t('common.notSet') },
            { key: 'convener', label: t('fields.convener_org_id'), children: m.convener_name },
            { key: 'status', label: t('meetings.colStatus'), children: <MeetingStatusTag status={m.status} /> },
            {
              key: 'finalised',
              label: t('meetings.finalisedAt'),
              children: m.finalised_at ? when(m.finalised_at) : t('meetings.notFinalised'),
            },
          ]}
        />

        <Typography.Title level={5}>{t('meetings.attendance')}</Typography.Title>
        <Table<Attendance>
          data-testid="attendance-table"
          rowKey={(a) => a.organisation_id}
          size="small"
          pagination={false}
          columns={attendanceColumns}
          dataSource={m.minutes.attendance}
          locale={{ emptyText: t('meetings.noAttendance') }}
        />

        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('meetings.agenda')}
        </Typography.Title>
        {m.minutes.agenda.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <ol data-testid="agenda-list" style={{ paddingInlineStart: 24 }}>
            {[...m.minutes.agenda]
              .sort((a, b) => a.no - b.no)
              .map((a) => (
                <li key={a.no} value={a.no}>
                  <Typography.Text strong>{a.title}</Typography.Text>
                  {a.discussion && <Typography.Paragraph style={{ marginBottom: 8 }}>{a.discussion}</Typography.Paragraph>}
                </li>
              ))}
          </ol>
        )}

        <Typography.Title level={5}>{t('meetings.resolutions')}</Typography.Title>
        {m.minutes.resolutions.length === 0 ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <div data-testid="resolution-list">
            {[...m.minutes.resolutions]
              .sort((a, b) => a.no - b.no)
              .map((r) => (
                <Typography.Paragraph key={r.no}>
                  <Typography.Text strong>{t('meetings.resolutionNo', { no: r.no })}</Typography.Text> {r.text}
                </Typography.Paragraph>
              ))}
          </div>
        )}

        <Typography.Title level={5}>{t('meetings.actionItems')}</Typography.Title>
        <ActionItemsTable items={m.action_items} manage={manage && !draft} />

        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('meetings.amendments')}
        </Typography.Title>
        {m.amendments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noAmendments')} />
        ) : (
          <Timeline
            data-testid="amendment-list"
            items={m.amendments.map((a) => ({
              key: a.id,
              content: (
                <div data-testid="amendment">
                  <Typography.Text type="secondary">
                    {t('meetings.amendedBy', { time: when(a.created_at), name: a.created_by_name })}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0' }}>{a.correction}</Typography.Paragraph>
                  <Typography.Text type="secondary">{t('meetings.amendReason', { reason: a.reason })}</Typography.Text>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      <AmendModal
        meeting={m}
        open={amending}
        onClose={() => setAmending(false)}
        onDone={async () => {
          setAmending(false);
          void message.success(t('meetings.amended'));
          await queryClient.invalidateQueries({ queryKey: meetingKeys.one(m.id) });
        }}
      />
    </Space>
  );
}
