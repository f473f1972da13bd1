import { useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Tagged } from '../api/client';
import type { FieldPath } from '../api/problem';
import { isStale } from '../features/registry/isStale';
import { useProblem } from './useProblem';

export interface VersionedFormOptions<Rec extends { id: string }, Values, Body> {
  /** The record being edited; absent when creating. */
  id: string | undefined;
  existing: UseQueryResult<Tagged<Rec>>;
  keys: { all: QueryKey; one: (id: string) => QueryKey };
  fetchOne: (id: string) => Promise<Tagged<Rec>>;
  create: (body: Body) => Promise<Tagged<Rec>>;
  update: (id: string, etag: string, body: Body) => Promise<Tagged<Rec>>;
  toValues: (record: Rec) => Values;
  toBody: (values: Values) => Body;
  toFormPath: (field: string) => FieldPath | null;
  /** The feature's translation prefix and route, e.g. `centres` for `/centres/:id`. */
  feature: string;
}

/**
 * A create/edit form for a record saved with `If-Match`: fills the form from the record,
 * saves, and when someone else changed the record meanwhile, says so and reloads it
 * rather than overwriting their change. Server field errors land on the fields.
 */
export function useVersionedForm<Rec extends { id: string }, Values, Body>(o: VersionedFormOptions<Rec, Values, Body>) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = !!o.id;
  const { existing, toValues } = o;

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toValues(existing.data.data) as never);
      setEtag(existing.data.etag);
    }
  }, [existing.data, form, toValues]);

  async function reloadAfterConflict(id: string) {
    const fresh = await o.fetchOne(id);
    queryClient.setQueryData(o.keys.one(id), fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh.data) as never);
    setEtag(fresh.etag);
  }

  async function submit(values: Values) {
    setSaving(true);
    try {
      const body = o.toBody(values);
      const saved = o.id ? await o.update(o.id, etag ?? '*', body) : await o.create(body);
      queryClient.setQueryData(o.keys.one(saved.data.id), saved);
      await queryClient.invalidateQueries({ queryKey: o.keys.all });
      void message.success(editing ? t(`${o.feature}.saved`) : t(`${o.feature}.created`));
      navigate(`/${o.feature}/${saved.data.id}`, { replace: true });
    } catch (e) {
      if (o.id && isStale(e)) {
        notification.warning({ title: t(`${o.feature}.stale`), placement: 'topRight' });
        await reloadAfterConflict(o.id).catch((err) => showOnForm(form, err, o.toFormPath));
      } else {
        showOnForm(form, e, o.toFormPath);
      }
    } finally {
      setSaving(false);
    }
  }

  return { form, editing, saving, submit };
}
