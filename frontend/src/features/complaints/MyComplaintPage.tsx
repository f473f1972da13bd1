import { LeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { useComplaint } from './api';
import { StatusTag } from './StatusTag';
import { when } from './when';
import { Photos, PhotoButton } from './Photos';
import { ComplaintTimeline } from './ComplaintTimeline';
import { ActionButtons, useComplaintUpdated } from './ComplaintActions';
import { isFinished } from './model';

/** One of the resident's complaints: where it stands, its history, and the rating once resolved. */
export default function MyComplaintPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useComplaint(id);
  const updated = useComplaintUpdated();

  if (query.isPending) return <Skeleton active />;
  if (query.isError) {
    return (
      <Result
        status="warning"
        title={errorNotice(query.error, translate).message}
        extra={<Button onClick={() => navigate('/my-complaints')}>{t('common.back')}</Button>}
      />
    );
  }
  const c = query.data.data;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Button type="link" icon={<LeftOutlined />} onClick={() => navigate('/my-complaints')} style={{ paddingLeft: 0 }}>
        {t('myComplaints.title')}
      </Button>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title={c.title} extra={<StatusTag status={c.status} />} data-testid="my-complaint-detail">
          <Typography.Paragraph type="secondary" data-testid="status-explained">
            {t(`myComplaints.explain.${c.status}`)}
          </Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'number', label: t('complaints.number'), children: c.number },
              { key: 'category', label: t('complaints.category'), children: c.category_name },
              { key: 'compound', label: t('complaints.compound'), children: c.compound_name },
              { key: 'handler', label: t('myComplaints.handler'), children: c.handler_org_name ?? '—' },
              { key: 'filed', label: t('complaints.filedAt'), children: when(c.created_at, i18n.language) },
              ...(c.resolve_by && !isFinished(c.status)
                ? [{ key: 'resolve_by', label: t('complaints.resolveBy'), children: when(c.resolve_by, i18n.language) }]
                : []),
              ...(c.resolution ? [{ key: 'resolution', label: t('complaints.resolution'), children: c.resolution }] : []),
              ...(c.rating
                ? [{ key: 'rating', label: t('complaints.rating'), children: `${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)}` }]
                : []),
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{c.description}</Typography.Paragraph>
          {c.allowed_actions.includes('review') && (
            <Typography.Paragraph strong data-testid="rate-prompt">
              {t('myComplaints.ratePrompt')}
            </Typography.Paragraph>
          )}
          <ActionButtons complaint={c} block />
        </Card>
        <Card
          size="small"
          title={t('complaints.photos')}
          extra={!isFinished(c.status) && <PhotoButton complaintId={c.id} purpose="report" onUploaded={updated} />}
        >
          <Photos complaint={c} size={88} />
        </Card>
        <Card size="small" title={t('myComplaints.progress')}>
          <ComplaintTimeline events={c.timeline} />
        </Card>
      </Space>
    </div>
  );
}
