// Texts of this feature, merged into the app's dictionary by src/i18n/zh-CN.ts and en.ts.
// The English object is typed by the Chinese one, so a key missing in either fails `tsc`.
import type { Messages } from '../../i18n/messages';

export const areasZh = {
  areas: {
    title: '区域',
    tree: '区域树',
    selectHint: '请在左侧选择一个区域查看详情',
    empty: '暂无区域',
    kind: '类型',
    code: '编码',
    parent: '上级区域',
    parentIs: '上级区域：{{name}}',
    hasChildren: '有下级区域',
    addChild: '新增下级{{kind}}',
    editArea: '编辑区域',
    createTitle: '新增{{kind}}',
    created: '区域已创建',
    saved: '区域已保存',
    stale: '该区域已被他人修改，已载入最新内容，请核对后重新保存',
    nameRequired: '请输入名称',
    viewCompounds: '查看辖区小区',
    newCompound: '在此社区新建小区',
    openCompound: '查看小区详情',
    root: '（顶级）',
  },
} as const;

export const areasEn: Messages<typeof areasZh> = {
  areas: {
    title: 'Areas',
    tree: 'Area tree',
    selectHint: 'Choose an area on the left to see its details',
    empty: 'No areas',
    kind: 'Kind',
    code: 'Code',
    parent: 'Parent area',
    parentIs: 'Parent area: {{name}}',
    hasChildren: 'Has sub-areas',
    addChild: 'Add {{kind}}',
    editArea: 'Edit area',
    createTitle: 'New {{kind}}',
    created: 'Area created',
    saved: 'Area saved',
    stale: 'Someone else changed this area. The latest version is loaded; check it and save again.',
    nameRequired: 'Enter a name',
    viewCompounds: 'Compounds in this area',
    newCompound: 'New compound in this community',
    openCompound: 'Open compound details',
    root: '(top level)',
  },
};
