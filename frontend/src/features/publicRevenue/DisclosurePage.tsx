import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RecordError } from '../registry/RecordError';
import { useDisclosure } from './api';
import { DisclosureNotice } from './DisclosureNotice';

/** One published disclosure, laid out as the public notice (readable on a phone, printable). */
export default function DisclosurePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const disclosure = useDisclosure(id);
  if (disclosure.isError) return <RecordError error={disclosure.error} back="/disclosures" />;
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Link to={disclosure.data ? `/disclosures?compound=${disclosure.data.compound_id}` : '/disclosures'}>
          <Button>{t('common.back')}</Button>
        </Link>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print">
          {t('revenue.notice.print')}
        </Button>
      </Flex>
      {disclosure.data ? <DisclosureNotice disclosure={disclosure.data} /> : <Skeleton active paragraph={{ rows: 12 }} />}
    </div>
  );
}
