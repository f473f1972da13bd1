import { EditOutlined, HomeOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Row, Space, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, knownFields } from '../../api/problem';
import type { Area, AreaKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { useProblem } from '../../lib/useProblem';
import { areaKeys, childKind, createArea, fetchArea, fetchChildren, loadChildren, updateArea } from './api';

const KIND_COLOURS: Record<AreaKind, string> = {
  district: 'red',
  subdistrict: 'volcano',
  community: 'gold',
  compound: 'cyan',
  building: 'default',
};

/** Kinds created on this page; compounds are created with their details on the compound form. */
const CREATABLE_HERE: readonly AreaKind[] = ['subdistrict', 'community', 'building'];

interface AreaValues {
  name: string;
  code?: string;
}

const FIELDS = knownFields(['name', 'code']);

type Editing =
  | { mode: 'create'; parent: Area; kind: AreaKind }
  | { mode: 'edit'; area: Area; etag: string | null }
  | null;

export default function AreasPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message, notification } = App.useApp();
  const { notify, showOnForm } = useProblem();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [children, setChildren] = useState<Record<string, Area[]>>({});
  const [selected, setSelected] = useState<Area | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<AreaValues>();

  const roots = useQuery({
    queryKey: areaKeys.children(null),
    queryFn: () => fetchChildren(null),
  });

  const treeData = useMemo(() => {
    const build = (areas: Area[]): TreeDataNode[] =>
      areas.map((a) => ({
        key: a.id,
        title: (
          <span data-testid={`area-${a.id}`}>
            {a.name} <Tag color={KIND_COLOURS[a.kind]} style={{ marginInlineStart: 4 }}>{t(`areaKinds.${a.kind}`)}</Tag>
          </span>
        ),
        isLeaf: !a.has_children && !(children[a.id]?.length),
        children: children[a.id] ? build(children[a.id]) : undefined,
      }));
    return build(roots.data ?? []);
  }, [roots.data, children, t]);

  const byId = useMemo(() => {
    const m = new Map<string, Area>();
    for (const a of roots.data ?? []) m.set(a.id, a);
    for (const list of Object.values(children)) for (const a of list) m.set(a.id, a);
    return m;
  }, [roots.data, children]);

  async function reloadChildren(parentId: string) {
    await queryClient.invalidateQueries({ queryKey: areaKeys.children(parentId) });
    const list = await loadChildren(queryClient, parentId);
    setChildren((prev) => ({ ...prev, [parentId]: list }));
  }

  function openCreate(parent: Area, kind: AreaKind) {
    form.resetFields();
    setEditing({ mode: 'create', parent, kind });
  }

  /** Edits start from the stored record and its ETag (the update sends If-Match). */
  async function openEdit(id: string) {
    try {
      const { area, etag } = await fetchArea(id);
      form.resetFields();
      form.setFieldsValue({ name: area.name, code: area.code ?? undefined });
      setEditing({ mode: 'edit', area, etag });
    } catch (e) {
      notify(e);
    }
  }

  async function save(values: AreaValues) {
    if (!editing) return;
    setSaving(true);
    const code = values.code?.trim() || null;
    try {
      if (editing.mode === 'create') {
        const created = await createArea({
          parent_id: editing.parent.id,
          kind: editing.kind,
          name: values.name.trim(),
          code,
        });
        await reloadChildren(editing.parent.id);
        setSelected(created);
        void message.success(t('areas.created'));
      } else {
        const updated = await updateArea(editing.area.id, editing.etag ?? '*', { name: values.name.trim(), code });
        if (updated.parent_id) await reloadChildren(updated.parent_id);
        else await queryClient.invalidateQueries({ queryKey: areaKeys.children(null) });
        await queryClient.invalidateQueries({ queryKey: areaKeys.one(updated.id) });
        setSelected(updated);
        void message.success(t('areas.saved'));
      }
      setEditing(null);
    } catch (e) {
      if (editing.mode === 'edit' && e instanceof ApiError && (e.status === 412 || e.status === 428)) {
        notification.warning({ title: t('areas.stale'), placement: 'topRight' });
        await openEdit(editing.area.id);
      } else {
        showOnForm(form, e, FIELDS);
      }
    } finally {
      setSaving(false);
    }
  }

  const parent = selected?.parent_id ? byId.get(selected.parent_id) : undefined;
  const nextKind = selected ? childKind(selected.kind) : null;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t('areas.tree')} data-testid="area-tree">
          {roots.isPending ? (
            <Spin />
          ) : roots.isError ? (
            <Empty description={t('common.loadFailed')}>
              <Button onClick={() => void roots.refetch()}>{t('common.retry')}</Button>
            </Empty>
          ) : treeData.length === 0 ? (
            <Empty description={t('areas.empty')} />
          ) : (
            <Tree
              showLine
              blockNode
              treeData={treeData}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => {
                const area = byId.get(String(keys[0]));
                if (area) setSelected(area);
              }}
              loadData={async (node) => {
                const id = String(node.key);
                if (children[id]) return;
                try {
                  const list = await loadChildren(queryClient, id);
                  setChildren((prev) => ({ ...prev, [id]: list }));
                } catch (e) {
                  notify(e);
                }
              }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={selected ? selected.name : t('areas.title')} data-testid="area-detail">
          {!selected ? (
            <Empty description={t('areas.selectHint')} />
          ) : (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Descriptions bordered column={1} size="small">
                <Descriptions.Item label={t('areas.kind')}>
                  <Tag color={KIND_COLOURS[selected.kind]}>{t(`areaKinds.${selected.kind}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('areas.code')}>{selected.code || t('common.notSet')}</Descriptions.Item>
                <Descriptions.Item label={t('areas.parent')}>
                  {parent?.name ?? (selected.parent_id ? '—' : t('areas.root'))}
                </Descriptions.Item>
                <Descriptions.Item label={t('areas.hasChildren')}>
                  {selected.has_children ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
              </Descriptions>
              <Space wrap>
                {access.areas.manage && (
                  <Button icon={<EditOutlined />} onClick={() => void openEdit(selected.id)} data-testid="edit-area">
                    {t('areas.editArea')}
                  </Button>
                )}
                {access.areas.manage && nextKind && CREATABLE_HERE.includes(nextKind) && (
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => openCreate(selected, nextKind)}
                    data-testid="create-area"
                  >
                    {t('areas.addChild', { kind: t(`areaKinds.${nextKind}`) })}
                  </Button>
                )}
                {access.compounds.create && selected.kind === 'community' && (
                  <Button
                    icon={<HomeOutlined />}
                    onClick={() => navigate(`/compounds/new?community_id=${selected.id}`)}
                    data-testid="create-compound-here"
                  >
                    {t('areas.newCompound')}
                  </Button>
                )}
                {access.compounds.read && selected.kind === 'compound' && (
                  // A compound's register entry shares its area's id.
                  <Button icon={<HomeOutlined />} onClick={() => navigate(`/compounds/${selected.id}`)}>
                    {t('areas.openCompound')}
                  </Button>
                )}
                {access.compounds.read && ['district', 'subdistrict', 'community'].includes(selected.kind) && (
                  <Button icon={<UnorderedListOutlined />} onClick={() => navigate(`/compounds?area_id=${selected.id}`)}>
                    {t('areas.viewCompounds')}
                  </Button>
                )}
              </Space>
            </Space>
          )}
        </Card>
      </Col>

      <Modal
        open={!!editing}
        title={
          editing?.mode === 'create'
            ? t('areas.createTitle', { kind: t(`areaKinds.${editing.kind}`) })
            : t('areas.editArea')
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        {editing?.mode === 'create' && (
          <p>{t('areas.parentIs', { name: editing.parent.name })}</p>
        )}
        <Form<AreaValues> form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label={t('fields.name')}
            rules={[{ required: true, whitespace: true, message: t('areas.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="code" label={t('fields.code')}>
            <Input maxLength={32} />
          </Form.Item>
        </Form>
      </Modal>
    </Row>
  );
}
