import { useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Tagged } from '../api/client';
import type { FieldPath } from '../api/problem';
import { isStale } from '../features/registry/isStale';
import { useProblem } from './useProblem';

export interface VersionedFormOptions<Rec extends { id: string }, Values, Body> {
  /** The record of the route's `:id`; absent when creating. */
  useRecord: (id: string | undefined) => UseQueryResult<Tagged<Rec>>;
  keys: { all: QueryKey; one: (id: string) => QueryKey };
  fetchOne: (id: string) => Promise<Tagged<Rec>>;
  /** Absent when the page only edits. */
  create?: (body: Body) => Promise<Tagged<Rec>>;
  update: (id: string, etag: string, body: Body) => Promise<Tagged<Rec>>;
  toValues: (record: Rec) => Values;
  toBody: (values: Values) => Body;
  toFormPath: (field: string) => FieldPath | null;
  /** The feature's translation prefix and route, e.g. `centres` for `/centres/:id`. */
  feature: string;
  /** What `<feature>.editTitle` names, e.g. `{ name: record.name }`. */
  titleArgs: (record: Rec) => Record<string, string>;
  /** After the form shows why an edit was refused (not a stale version): the page's own answer. */
  onRefused?: (id: string, error: unknown) => Promise<void>;
}

/**
 * The create/edit form of the record at `/<feature>/:id` (or `/<feature>/new`), saved with
 * `If-Match`: fills the form from the record, saves, and when someone else changed the
 * record meanwhile, says so and reloads it rather than overwriting their change. Server
 * field errors land on the fields. `page` holds what `RecordFormPage` needs from it.
 */
export function useVersionedForm<Rec extends { id: string }, Values, Body>(o: VersionedFormOptions<Rec, Values, Body>) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const { showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = o.useRecord(id);
  const [etag, setEtag] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = !!id;
  const { toValues } = o;

  useEffect(() => {
    if (existing.data) {
      form.setFieldsValue(toValues(existing.data.data) as never);
      setEtag(existing.data.etag);
    }
  }, [existing.data, form, toValues]);

  async function reloadAfterConflict(id: string) {
    const fresh = await o.fetchOne(id);
    queryClient.setQueryData(o.keys.one(id), fresh);
    // Start from the stored record: drop the user's edits and any old field errors.
    form.resetFields();
    form.setFieldsValue(toValues(fresh.data) as never);
    setEtag(fresh.etag);
  }

  async function submit(values: Values) {
    setSaving(true);
    try {
      const body = o.toBody(values);
      const saved = id ? await o.update(id, etag ?? '*', body) : await o.create!(body);
      queryClient.setQueryData(o.keys.one(saved.data.id), saved);
      await queryClient.invalidateQueries({ queryKey: o.keys.all });
      void message.success(editing ? t(`${o.feature}.saved`) : t(`${o.feature}.created`));
      navigate(`/${o.feature}/${saved.data.id}`, { replace: true });
    } catch (e) {
      if (id && isStale(e)) {
        notification.warning({ title: t(`${o.feature}.stale`), placement: 'topRight' });
        await reloadAfterConflict(id).catch((err) => showOnForm(form, err, o.toFormPath));
      } else {
        showOnForm(form, e, o.toFormPath);
        if (id && o.onRefused) await o.onRefused(id, e);
      }
    } finally {
      setSaving(false);
    }
  }

  const record = existing.data?.data;
  const title = editing
    ? t(`${o.feature}.editTitle`, record ? o.titleArgs(record) : { name: '' })
    : t(`${o.feature}.createTitle`);
  const page = { editing, record: existing, back: `/${o.feature}`, title, form, onFinish: submit, saving };
  return { id, search, form, editing, existing, record, saving, submit, page };
}
