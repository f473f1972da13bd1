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
  loading: boolean;
  suffix?: ReactNode;
  footer?: ReactNode;
  colour: string;
  alert?: boolean;
}

function Tile({ testId, title, value, loading, suffix, footer, colour, alert }: TileProps) {
  return (
    <Col xs={24} sm={12} xl={6}>
      <Card data-testid={testId} style={{ borderTop: `3px solid ${colour}`, height: '100%' }}>
        <Statistic
          loading={loading}
          title={title}
          value={value}
          suffix={suffix}
          styles={{ content: alert ? { color: '#cf1322' } : undefined }}
        />
        {footer && !loading && <div style={{ marginTop: 8, color: '#888', fontSize: 13 }}>{footer}</div>}
      </Card>
    </Col>
  );
}

const small = (text: string) => <span style={{ fontSize: 14, color: '#888' }}>{text}</span>;

/** The registry's headline figures, all from GET /stats/registry (never typed in). */
export function RegistryTiles({ totals, loading }: { totals?: Indicators; loading: boolean }) {
  const { t } = useTranslation();
  const n = (k: keyof Indicators) => (totals ? Number(totals[k] ?? 0) : 0);
  const [committees, setCommittees] = useState(false);
  return (
    <>
      <Tile
        testId="tile-party-orgs"
        title={t('dashboard.partyOrgs')}
        value={n('compound_party_orgs')}
        loading={loading}
        suffix={small(t('dashboard.unitOrgs'))}
        footer={t('dashboard.partyOrgsFooter', { covered: n('covered_compounds') })}
        colour="#c0392b"
      />
      <Tile
        testId="tile-covered"
        title={t('dashboard.coveredCompounds')}
        value={n('covered_compounds')}
        loading={loading}
        suffix={small(t('dashboard.coverage', { percent: percent(n('covered_compounds'), n('compounds')) }))}
        footer={t('dashboard.uncoveredFooter', { count: n('uncovered_compounds') })}
        colour="#c0392b"
      />
      <Tile
        testId="tile-company-party-orgs"
        title={t('dashboard.companyPartyOrgs')}
        value={n('property_company_party_orgs')}
        loading={loading}
        suffix={small(t('dashboard.unitOrgs'))}
        colour="#d4380d"
      />
      <Tile
        testId="tile-committee-share"
        title={t('dashboard.committeeShare')}
        value={trimPercent(n('owners_committee_party_share_pct'))}
        loading={loading}
        suffix="%"
        footer={
          <>
            {t('dashboard.committeeFooter', {
              party: n('owners_committee_party_members'),
              members: n('owners_committee_members'),
            })}
            <Button type="link" size="small" onClick={() => setCommittees(true)} data-testid="open-committees">
              {t('dashboard.committeesOpen')}
            </Button>
          </>
        }
        colour="#1677ff"
      />
      <CommitteeSharesDrawer open={committees} onClose={() => setCommittees(false)} />
      <Tile
        testId="tile-centres"
        title={t('dashboard.centres')}
        value={n('centres')}
        loading={loading}
        suffix={small(t('dashboard.unitPlaces'))}
        colour="#13a8a8"
      />
      <Tile
        testId="tile-no-meeting"
        title={t('dashboard.noRecentMeeting')}
        value={n('compounds_without_recent_meeting')}
        loading={loading}
        suffix={small(t('dashboard.unitCompounds'))}
        footer={t('dashboard.noRecentMeetingFooter', {
          percent: percent(n('compounds_without_recent_meeting'), n('compounds')),
        })}
        colour="#fa8c16"
        alert={n('compounds_without_recent_meeting') > 0}
      />
      <Tile
        testId="tile-cross"
        title={t('dashboard.crossAppointments')}
        value={n('cross_appointments')}
        loading={loading}
        suffix={small(t('dashboard.unitPeople'))}
        footer={t('dashboard.crossFooter')}
        colour="#722ed1"
      />
    </>
  );
}
