import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories } from './api';

/** Category (from the catalogue), title and description: shared by the staff and resident forms. */
export function ComplaintFields() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  return (
    <>
      <Form.Item name="category" label={t('complaints.category')} rules={[{ required: true, message: t('complaints.categoryRequired') }]}>
        <Select
          data-testid="complaint-category"
          loading={categories.isPending}
          placeholder={t('complaints.categoryPlaceholder')}
          options={(categories.data ?? [])
            .filter((c) => c.active)
            .map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.name_en : c.name_zh }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('complaints.title')} rules={[{ required: true, whitespace: true, message: t('complaints.titleRequired') }]}>
        <Input maxLength={100} showCount data-testid="complaint-title" placeholder={t('complaints.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('complaints.description')}
        rules={[{ required: true, whitespace: true, message: t('complaints.descriptionRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="complaint-description" placeholder={t('complaints.descriptionPlaceholder')} />
      </Form.Item>
    </>
  );
}

export const COMPLAINT_FIELDS = ['compound_id', 'category', 'title', 'description', 'anonymous', 'complainant_name', 'complainant_phone'];
