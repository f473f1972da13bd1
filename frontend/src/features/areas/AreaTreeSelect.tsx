import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, TreeSelect } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, AreaKind } from '../../api/types';
import { useSession } from '../../auth/session';
import { AREA_KINDS, areaKeys, fetchChildren, loadChildren, useArea } from './api';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined, area?: Area) => void;
  /** Kinds that may be chosen (default: all). */
  selectable?: readonly AreaKind[];
  /** The deepest kind shown; its nodes are leaves (default: community). */
  deepest?: AreaKind;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

/** A TreeSelect over the area tree that loads each level when it is opened. */
export function AreaTreeSelect({
  value,
  onChange,
  selectable,
  deepest = 'community',
  placeholder,
  allowClear = true,
  disabled,
  style,
  id,
  'data-testid': testId,
}: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [loaded, setLoaded] = useState<Record<string, Area[]>>({});
  const depth = AREA_KINDS.indexOf(deepest);

  const roots = useQuery({
    queryKey: areaKeys.children(null),
    queryFn: () => fetchChildren(null),
    staleTime: 60_000,
  });

  const nodes = useMemo(() => {
    const all = new Map<string, Area>();
    for (const a of roots.data ?? []) all.set(a.id, a);
    for (const list of Object.values(loaded)) for (const a of list) all.set(a.id, a);
    return [...all.values()]
      .filter((a) => AREA_KINDS.indexOf(a.kind) <= depth)
      .map<Node>((a) => ({
        id: a.id,
        pId: a.parent_id ?? null,
        value: a.id,
        title: `${a.name}`,
        isLeaf: !a.has_children || AREA_KINDS.indexOf(a.kind) >= depth,
        selectable: !selectable || selectable.includes(a.kind),
      }));
  }, [roots.data, loaded, depth, selectable]);

  const known = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  // A value from the URL or a record may not be in the loaded part of the tree yet:
  // fetch its name so the box shows a name, not an id.
  const missing = value && !known.has(value) ? value : undefined;
  const selected = useArea(missing);
  const labelled = value
    ? { value, label: known.get(value)?.title ?? selected.data?.area.name ?? t('common.loading') }
    : undefined;

  // Roots whose parent is not in the list become top-level nodes.
  const treeData = nodes.map((n) => (n.pId && known.has(n.pId) ? n : { ...n, pId: null }));

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      style={style}
      labelInValue
      value={labelled}
      onChange={(v: { value: string } | undefined) => {
        const chosen = v?.value;
        const area = chosen
          ? [...(roots.data ?? []), ...Object.values(loaded).flat()].find((a) => a.id === chosen)
          : undefined;
        onChange?.(chosen, area);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: null as unknown as string }}
      treeData={treeData}
      loadData={async (node) => {
        const nodeId = String(node.value);
        if (loaded[nodeId]) return;
        const children = await loadChildren(queryClient, nodeId);
        setLoaded((prev) => ({ ...prev, [nodeId]: children }));
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isLoading}
      showSearch={false}
      popupMatchSelectWidth={false}
      treeNodeFilterProp="title"
    />
  );
}

interface AreaFilterProps {
  label: ReactNode;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  placeholder: string;
  deepest?: AreaKind;
}

/** A list's filter by area, offered to those who may read the area tree. */
export function AreaFilter({ label, value, onChange, placeholder, deepest }: AreaFilterProps) {
  const { access } = useSession();
  if (!access.areas.read) return null;
  return (
    <Form.Item label={label}>
      <AreaTreeSelect data-testid="filter-area" deepest={deepest} value={value} onChange={onChange} placeholder={placeholder} style={{ width: 220 }} />
    </Form.Item>
  );
}
