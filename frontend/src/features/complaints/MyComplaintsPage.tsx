import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';
import { Pager, useCursorPaging } from '../../lib/paging';
import { useComplaintPage } from './api';
import { StatusTag } from './StatusTag';
import { when } from './when';

/** A resident's own complaints, phone first: big targets, one column. */
export default function MyComplaintsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const paging = useCursorPaging('mine');
  const page = useComplaintPage({}, paging.cursor);

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('myComplaints.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/my-complaints/new')} data-testid="new-my-complaint">
          {t('myComplaints.new')}
        </Button>
      </Flex>
      {page.isPending ? (
        <Skeleton active />
      ) : page.isError ? (
        <Result status="warning" title={errorNotice(page.error, translate).message} />
      ) : page.data.items.length === 0 ? (
        <Card>
          <Empty description={t('myComplaints.empty')} />
        </Card>
      ) : (
        <List
          data-testid="my-complaints"
          dataSource={page.data.items}
          renderItem={(c) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="my-complaint">
              <Link to={`/my-complaints/${c.id}`} style={{ color: 'inherit', display: 'block' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong ellipsis style={{ display: 'block' }}>
                      {c.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.category_name} · {when(c.created_at, i18n.language)}
                    </Typography.Text>
                  </div>
                  <Flex align="center" gap={4}>
                    <StatusTag status={c.status} />
                    <RightOutlined />
                  </Flex>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t(`myComplaints.explain.${c.status}`)}
                </Typography.Text>
              </Link>
            </Card>
          )}
        />
      )}
      {page.data && (page.data.next_cursor || paging.pageNumber > 1) && (
        <Pager paging={paging} nextCursor={page.data.next_cursor} busy={page.isFetching} />
      )}
    </div>
  );
}
