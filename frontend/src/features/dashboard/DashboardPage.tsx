import { Button, Card, Col, Empty, Result, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorNotice } from '../../api/problem';
import { useSession } from '../../auth/session';
import { translate } from '../../i18n';
import { GOVERNANCE_MODES, MODE_HEX } from '../compounds/api';
import { useModeStats, useRegistryStats } from './api';
import CoverageChart from './CoverageChart';
import ModeChart from './ModeChart';
import { RegistryTiles } from './RegistryTiles';
import { ComplaintSection } from './ComplaintSection';

function percent(part: number, total: number): string {
  return total > 0 ? ((part * 100) / total).toFixed(1) : '0';
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const stats = useModeStats();
  const registry = useRegistryStats(access.registry.read);

  if (stats.isError) {
    return (
      <Result
        status="warning"
        title={errorNotice(stats.error, translate).message}
        extra={<Button onClick={() => void stats.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const totals = stats.data?.totals;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <Card data-testid="tile-total">
          <Statistic
            loading={stats.isPending}
            title={t('dashboard.totalCompounds')}
            value={totals?.total ?? 0}
            suffix={
              stats.data ? (
                <span style={{ fontSize: 14, color: '#888' }}>
                  {t('dashboard.subdistricts')} {stats.data.items.length}
                </span>
              ) : undefined
            }
          />
        </Card>
      </Col>
      {GOVERNANCE_MODES.map((mode) => (
        <Col xs={24} sm={12} xl={6} key={mode}>
          <Card data-testid={`tile-${mode}`} style={{ borderTop: `3px solid ${MODE_HEX[mode]}` }}>
            <Statistic
              loading={stats.isPending}
              title={t(`governanceModes.${mode}`)}
              value={totals?.[mode] ?? 0}
              suffix={
                totals ? (
                  <span style={{ fontSize: 14, color: '#888' }}>
                    {t('dashboard.share', { percent: percent(totals[mode], totals.total) })}
                  </span>
                ) : undefined
              }
            />
          </Card>
        </Col>
      ))}
      {access.registry.read &&
        (registry.isError ? (
          <Col span={24}>
            <Result
              status="warning"
              title={errorNotice(registry.error, translate).message}
              extra={<Button onClick={() => void registry.refetch()}>{t('common.retry')}</Button>}
            />
          </Col>
        ) : (
          <RegistryTiles totals={registry.data?.totals} loading={registry.isPending} />
        ))}
      <Col span={24} xl={access.registry.read ? 12 : 24}>
        <Card title={t('dashboard.chartTitle')}>
          <div data-testid="mode-chart">
            {stats.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : stats.data.items.length === 0 ? (
              <Empty description={t('dashboard.noData')} />
            ) : (
              <ModeChart rows={stats.data.items} />
            )}
          </div>
        </Card>
      </Col>
      {access.registry.read && (
        <Col span={24} xl={12}>
          <Card title={t('dashboard.coverageTitle')}>
            <div data-testid="coverage-chart">
              {registry.isPending ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : !registry.data || registry.data.items.length === 0 ? (
                <Empty description={t('dashboard.noData')} />
              ) : (
                <CoverageChart rows={registry.data.items} />
              )}
            </div>
          </Card>
        </Col>
      )}
      {access.complaints.read && (
        <>
          <Col span={24}>
            <Typography.Title level={5} style={{ margin: '8px 0 0' }} data-testid="complaints-section">
              {t('dashboard.complaintsTitle')}
            </Typography.Title>
          </Col>
          <ComplaintSection />
        </>
      )}
    </Row>
  );
}
