import type { OrgDoc } from '../../cloudfunctions/shared/data/documents';

/** Pudong's "1+6+N": the general association, six sector associations, all 36 street-towns, zones and clubs. */

const rootId = 'org-general';

const sectorAssociations: [string, string, string][] = [
  ['enterprise', '企业管理技术人员联谊会', '民营和外资企业的管理人员、技术人员'],
  ['professional', '专业机构从业人员联谊会', '律师、会计师、评估师等专业服务机构从业人员'],
  ['freelance', '自由职业人员联谊会', '自由撰稿人、设计师、独立艺术家等自由职业者'],
  ['newmedia', '新媒体从业人员联谊会', '网络主播、自媒体作者、新媒体平台从业人员'],
  ['innovation', '创新创业人员联谊会', '初创企业创始人和创业团队成员'],
  ['audio-platform', '音频平台企业新联会', '设在区内一家大型音频平台企业的新联会'],
];

const streets: [string, string][] = [
  ['weifang', '潍坊新村'], ['lujiazui', '陆家嘴'], ['zhoujiadu', '周家渡'], ['tangqiao', '塘桥'],
  ['shanggang', '上钢新村'], ['nanmatou', '南码头路'], ['hudong', '沪东新村'], ['jinyang', '金杨新村'],
  ['yangjing', '洋泾'], ['puxing', '浦兴路'], ['dongming', '东明路'], ['huamu', '花木'],
];

const towns: [string, string][] = [
  ['chuansha', '川沙新镇'], ['gaoqiao', '高桥'], ['beicai', '北蔡'], ['heqing', '合庆'], ['tangzhen', '唐镇'],
  ['caolu', '曹路'], ['jinqiao', '金桥'], ['gaohang', '高行'], ['gaodong', '高东'], ['zhangjiang', '张江'],
  ['sanlin', '三林'], ['huinan', '惠南'], ['zhoupu', '周浦'], ['xinchang', '新场'], ['datuan', '大团'],
  ['kangqiao', '康桥'], ['hangtou', '航头'], ['zhuqiao', '祝桥'], ['nicheng', '泥城'], ['xuanqiao', '宣桥'],
  ['shuyuan', '书院'], ['wanxiang', '万祥'], ['laogang', '老港'], ['nanhui', '南汇新城'],
];

const zones: [string, string][] = [
  ['lujiazui-finance', '陆家嘴金融城'],
  ['zhangjiang-science', '张江科学城'],
];

const clubs: [string, string, string][] = [
  ['reading', '新联悦读会', '区新联会读书会，每月共读一本书'],
  ['charity', '新联公益服务社', '组织会员参与社区公益和志愿服务'],
  ['orienteering', '新联定向运动俱乐部', '城市定向、健步走等户外运动'],
];

function townName(name: string): string {
  return name.endsWith('镇') ? name : `${name}镇`;
}

export function buildOrgTree(): OrgDoc[] {
  const orgs: OrgDoc[] = [];
  let order = 0;
  const add = (doc: Omit<OrgDoc, 'ancestorIds' | 'memberCount' | 'order'>) => {
    const parent = orgs.find((org) => org._id === doc.parentId);
    orgs.push({ ...doc, ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [], memberCount: 0, order: order++ });
  };
  add({ _id: rootId, name: '浦东新区新的社会阶层人士联谊会', kind: 'general', parentId: null, description: '浦东新联总会，联系服务全区新的社会阶层人士' });
  for (const [id, name, description] of sectorAssociations) {
    add({ _id: `org-sector-${id}`, name: id === 'audio-platform' ? name : `浦东新区${name}`, kind: 'sector', parentId: rootId, description });
  }
  for (const [id, name] of streets) {
    add({ _id: `org-street-${id}`, name: `${name}街道新联会`, kind: 'street', parentId: rootId, description: `${name}街道的新的社会阶层人士联谊会` });
  }
  for (const [id, name] of towns) {
    add({ _id: `org-town-${id}`, name: `${townName(name)}新联会`, kind: 'town', parentId: rootId, description: `${townName(name)}的新的社会阶层人士联谊会` });
  }
  for (const [id, name] of zones) {
    add({ _id: `org-zone-${id}`, name: `${name}新联会`, kind: 'zone', parentId: rootId, description: `${name}开发区的新的社会阶层人士联谊会` });
  }
  for (const [id, name, description] of clubs) {
    add({ _id: `org-club-${id}`, name, kind: 'club', parentId: rootId, description });
  }
  return orgs;
}
