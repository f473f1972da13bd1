import { Button, Card, Col, Statistic } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators } from '../../api/types';
import { percent, trimPercent } from '../registry/format';
import { CommitteeSharesDrawer } from './CommitteeSharesDrawer';

interface TileProps {
  testId: string;
  title: string;
  value: number | string;
  /** The unit after the figure (in small grey type), or a suffix as it is. */
  unit?: string;
  suffix?: ReactNode;
  footer?: ReactNode;
  colour: string;
  alert?: boolean;
}

function Tile({ testId, title, value, loading, unit, suffix, footer, colour, alert }: TileProps & { loading: boolean }) {
  return (
    <Col xs={24} sm={12} xl={6}>
      <Card data-testid={testId} style={{ borderTop: `3px solid ${colour}`, height: '100%' }}>
        <Statistic
          loading={loading}
          title={title}
          value={value}
          suffix={unit ? <span style={{ fontSize: 14, color: '#888' }}>{unit}</span> : suffix}
          styles={{ content: alert ? { color: '#cf1322' } : undefined }}
        />
        {footer && !loading && <div style={{ marginTop: 8, color: '#888', fontSize: 13 }}>{footer}</div>}
      </Card>
    </Col>
  );
}

/** The registry's headline figures, all from GET /stats/registry (never typed in). */
export function RegistryTiles({ totals, loading }: { totals?: Indicators; loading: boolean }) {
  const { t } = useTranslation();
  const n = (k: keyof Indicators) => (totals ? Number(totals[k] ?? 0) : 0);
  const [committees, setCommittees] = useState(false);
  const quiet = n('compounds_without_recent_meeting');
  const tiles: TileProps[] = [
    {
      testId: 'tile-party-orgs',
      title: t('dashboard.partyOrgs'),
      value: n('compound_party_orgs'),
      unit: t('dashboard.unitOrgs'),
      footer: t('dashboard.partyOrgsFooter', { covered: n('covered_compounds') }),
      colour: '#c0392b',
    },
    {
      testId: 'tile-covered',
      title: t('dashboard.coveredCompounds'),
      value: n('covered_compounds'),
      unit: t('dashboard.coverage', { percent: percent(n('covered_compounds'), n('compounds')) }),
      footer: t('dashboard.uncoveredFooter', { count: n('uncovered_compounds') }),
      colour: '#c0392b',
    },
    { testId: 'tile-company-party-orgs', title: t('dashboard.companyPartyOrgs'), value: n('property_company_party_orgs'), unit: t('dashboard.unitOrgs'), colour: '#d4380d' },
    {
      testId: 'tile-committee-share',
      title: t('dashboard.committeeShare'),
      value: trimPercent(n('owners_committee_party_share_pct')),
      suffix: '%',
      footer: (
        <>
          {t('dashboard.committeeFooter', { party: n('owners_committee_party_members'), members: n('owners_committee_members') })}
          <Button type="link" size="small" onClick={() => setCommittees(true)} data-testid="open-committees">
            {t('dashboard.committeesOpen')}
          </Button>
        </>
      ),
      colour: '#1677ff',
    },
    { testId: 'tile-centres', title: t('dashboard.centres'), value: n('centres'), unit: t('dashboard.unitPlaces'), colour: '#13a8a8' },
    {
      testId: 'tile-no-meeting',
      title: t('dashboard.noRecentMeeting'),
      value: quiet,
      unit: t('dashboard.unitCompounds'),
      footer: t('dashboard.noRecentMeetingFooter', { percent: percent(quiet, n('compounds')) }),
      colour: '#fa8c16',
      alert: quiet > 0,
    },
    { testId: 'tile-cross', title: t('dashboard.crossAppointments'), value: n('cross_appointments'), unit: t('dashboard.unitPeople'), footer: t('dashboard.crossFooter'), colour: '#722ed1' },
  ];
  return (
    <>
      {tiles.map((tile) => (
        <Tile key={tile.testId} {...tile} loading={loading} />
      ))}
      <CommitteeSharesDrawer open={committees} onClose={() => setCommittees(false)} />
    </>
  );
}
