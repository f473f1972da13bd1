import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorNotice } from '../../api/problem';
import { translate } from '../../i18n';

/** A record that could not be read (gone, or outside the user's area). */
export function RecordError({ error, back }: { error: unknown; back: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={errorNotice(error, translate).message}
      extra={
        <Link to={back}>
          <Button>{t('common.back')}</Button>
        </Link>
      }
    />
  );
}
