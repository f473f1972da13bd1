import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CrossAppointment, Governance, OrgKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { dayjs, fromDay, todayIso, toDay } from '../../lib/dates';
import { Fee } from '../contracts/ContractFee';
import { BundleTag, TermTag } from '../contracts/ContractTags';
import { daysBetween, meetingOverdue } from '../registry/format';
import { FOUR_BODIES } from '../registry/kinds';
import { OrgKindTag, PartyTag } from '../registry/Tags';
import { useCrossAppointments, useGovernance } from './api';
import { DataTable } from '../../components/DataTable';

/** The four bodies (and any other organisation serving the compound), each with its name or a gap. */
function Bodies({ g }: { g: Governance }) {
  const { t } = useTranslation();
  const byKind = (kind: OrgKind) => g.organisations.filter((o) => o.kind === kind);
  const others = g.organisations.filter((o) => !FOUR_BODIES.includes(o.kind));
  return (
    <>
      <Row gutter={[12, 12]} data-testid="four-bodies">
        {FOUR_BODIES.map((kind) => {
          const orgs = byKind(kind);
          return (
            <Col xs={24} sm={12} xl={6} key={kind}>
              <Card size="small" data-testid={`body-${kind}`} style={{ height: '100%' }}>
                <OrgKindTag kind={kind} />
                <div style={{ marginTop: 8 }}>
                  {orgs.length ? (
                    orgs.map((o) => (
                      <div key={o.id}>
                        <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                      </div>
                    ))
                  ) : (
                    <Typography.Text type="warning" data-testid="body-missing">
                      {t('governance.missing')}
                    </Typography.Text>
                  )}
                </div>
              </Card>
            </Col>
          );
        })}
      </Row>
      {others.length > 0 && (
        <Space size={[4, 8]} wrap style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('governance.others')}</Typography.Text>
          {others.map((o) => (
            <Tag key={o.id}>
              <Link to={`/organisations/${o.id}`}>{o.name}</Link> · {t(`orgKinds.${o.kind}`)}
            </Tag>
          ))}
        </Space>
      )}
    </>
  );
}

function ContractPart({ g }: { g: Governance }) {
  const { t } = useTranslation();
  const c = g.contract;
  if (!c) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('governance.noContract')} />;
  }
  const others = c.compound_ids
    .map((id, i) => ({ id, name: c.compound_names[i] }))
    .filter((x) => x.id !== g.compound_id);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="governance-contract"
      items={[
        {
          key: 'title',
          label: t('contracts.colTitle'),
          span: 2,
          children: (
            <Space wrap>
              <Link to={`/contracts/${c.id}`}>{c.title}</Link>
              <TermTag contract={c} />
              <BundleTag contract={c} />
            </Space>
          ),
        },
        {
          key: 'company',
          label: t('fields.company_id'),
          children: <Link to={`/organisations/${c.company_id}`}>{c.company_name}</Link>,
        },
        { key: 'term', label: t('contracts.colTerm'), children: t('contracts.term', { start: c.start_date, end: c.end_date }) },
        { key: 'fee', label: t('fields.fee_fen_per_sqm'), children: <Fee fen={c.fee_fen_per_sqm} /> },
        { key: 'buildings', label: t('contracts.totalBuildings'), children: c.building_count },
        ...(c.is_bundle
          ? [
              {
                key: 'bundle',
                label: t('governance.bundleWith'),
                span: 2,
                children: (
                  <Space size={[4, 4]} wrap data-testid="bundle-compounds">
                    {others.map((x) => (
                      <Tag key={x.id}>
                        <Link to={`/compounds/${x.id}`}>{x.name}</Link>
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function CrossAppointments({ rows, loading }: { rows: CrossAppointment[]; loading?: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<CrossAppointment> = [
    {
      title: t('governance.person'),
      dataIndex: 'person_name',
      render: (name: string, r) => (
        <Space size={4}>
          <Link to={`/people/${r.person_id}`}>{name}</Link>
          <PartyTag member={r.is_party_member} />
        </Space>
      ),
    },
    {
      title: t('governance.bodies'),
      dataIndex: 'bodies',
      render: (bodies: OrgKind[]) => (
        <Space size={[0, 4]} wrap>
          {bodies.map((b) => (
            <OrgKindTag key={b} kind={b} />
          ))}
        </Space>
      ),
    },
    { title: t('governance.posts'), dataIndex: 'posts', render: (posts: string[]) => posts.join(t('common.listSeparator')) },
  ];
  return (
    <DataTable<CrossAppointment>
      testId="cross-appointments"
      rowKey="person_id"
      size="small"
      columns={columns}
      rows={rows}
      loading={loading}
      empty={t('governance.noCrossAppointments')}
    />
  );
}

/** 治理结构: who governs the compound today, from GET /compounds/{id}/governance. */
export function GovernanceSection({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const query = useGovernance(compoundId);
  // Cross-appointments as they stood on another day (the governance view answers for today).
  const [on, setOn] = useState<string | undefined>(undefined);
  const past = useCrossAppointments(compoundId, on);

  if (query.isPending) return <Card title={t('governance.title')}><Skeleton active /></Card>;
  if (query.isError) {
    return (
      <Card title={t('governance.title')}>
        <Alert type="warning" showIcon title={errorNotice(query.error, translate).message} />
      </Card>
    );
  }
  const g = query.data;
  const last = g.last_meeting_on ?? null;
  const stale = meetingOverdue(last, todayIso());

  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          {t('governance.title')}
        </Space>
      }
      data-testid="governance"
      extra={
        access.meetings.manage && (
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/meetings/new?compound_id=${g.compound_id}`)} data-testid="governance-new-meeting">
            {t('meetings.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={5}>{t('governance.bodiesTitle')}</Typography.Title>
          <Bodies g={g} />
        </div>
        <div>
          <Typography.Title level={5}>{t('governance.contractTitle')}</Typography.Title>
          <ContractPart g={g} />
        </div>
        <div>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('governance.crossTitle', { count: (on ? past.data : g.cross_appointments)?.length ?? 0 })}
            </Typography.Title>
            <DatePicker
              allowClear
              placeholder={t('governance.crossToday')}
              value={toDay(on) ?? null}
              onChange={(d) => setOn(fromDay(d) ?? undefined)}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="cross-on"
              style={{ width: 150 }}
            />
          </Flex>
          <div style={{ marginTop: 12 }}>
            <CrossAppointments rows={on ? (past.data ?? []) : g.cross_appointments} loading={!!on && past.isFetching} />
          </div>
        </div>
        <div data-testid="last-meeting">
          <Typography.Title level={5}>{t('governance.meetingTitle')}</Typography.Title>
          <Space wrap>
            {last ? (
              <Typography.Text>
                {daysBetween(last, todayIso()) === 0
                  ? t('governance.lastMeetingToday', { date: last })
                  : t('governance.lastMeeting', { date: last, days: daysBetween(last, todayIso()) })}
              </Typography.Text>
            ) : (
              <Typography.Text>{t('governance.neverMet')}</Typography.Text>
            )}
            {stale && <Tag color="red">{t('governance.meetingDue')}</Tag>}
            <Link to={`/meetings?compound_id=${g.compound_id}`}>{t('governance.allMeetings')}</Link>
          </Space>
        </div>
      </Space>
    </Card>
  );
}
