import type { Role } from '@qingshou/core';
import type { TenantKind } from '@qingshou/tenancy';

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly roles: Role[];
}

export interface DemoTenant {
  readonly slug: string;
  readonly name: string;
  readonly kind: TenantKind;
  /** The policy pack it will run (installed once the pack engine lands). */
  readonly pack: string;
  /** The letterhead its notices print. */
  readonly profile: { address: string; phone: string; contactPerson: string };
  readonly users: readonly DemoUser[];
}

const staff = (prefix: string, entries: [string, string, Role[]][]): DemoUser[] =>
  entries.map(([suffix, displayName, roles]) => ({
    username: `${prefix}.${suffix}`,
    displayName,
    roles,
  }));

/** One demo tenant per seed work plan, staffed with the roles that plan names. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'demo-leasing',
    name: '冀丰农机融资租赁有限公司',
    kind: 'leasing',
    pack: 'leasing-dealer-arrears',
    profile: {
      address: '河北省石家庄市高新区天山大街266号',
      phone: '0311-85556601',
      contactPerson: '销售内勤 李静',
    },
    users: staff('zl', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['manager', '销售部经理', ['manager']],
      ['clerk', '销售内勤', ['clerk']],
      ['sales1', '业务员张磊', ['phone-collector', 'field-collector']],
      ['sales2', '业务员李娜', ['phone-collector', 'field-collector']],
      ['legal', '法务部', ['legal']],
      ['finance', '销售财务', ['finance']],
      ['audit', '销售部内审员', ['auditor']],
    ]),
  },
  {
    slug: 'demo-school',
    name: '某某县第二中学（生源地助学贷款）',
    kind: 'school',
    pack: 'student-loan',
    profile: {
      address: '某某县城关镇文化路18号 学生资助管理中心',
      phone: '0398-6612345',
      contactPerson: '副组长 王善祥',
    },
    users: staff('xx', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['leader', '组长 陈飞鹏（校长）', ['manager']],
      ['deputy', '副组长 王善祥（工会主席）', ['supervisor']],
      ['duan', '成员 段善波', ['phone-collector', 'field-collector']],
      ['sun', '成员 孙立群', ['phone-collector', 'field-collector']],
    ]),
  },
  {
    slug: 'demo-coop',
    name: '北旗农村信用合作联社',
    kind: 'credit-coop',
    pack: 'credit-coop-npl-drive',
    profile: {
      address: '北旗县新华大街56号 信用联社资产保全部',
      phone: '0471-3326688',
      contactPerson: '清收办 刘志强',
    },
    users: staff('xys', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['leader', '组长 余强', ['manager']],
      ['office', '办公室主任 刘双虎', ['supervisor']],
      ['jia', '贾志忠', ['phone-collector', 'field-collector']],
      ['gao', '高洁', ['phone-collector', 'field-collector']],
      ['legal', '风险合规及法律事务部', ['legal']],
    ]),
  },
  {
    slug: 'demo-microloan',
    name: '某某小额贷款有限公司',
    kind: 'microloan',
    pack: 'microloan-overdue',
    profile: {
      address: '浙江省杭州市拱墅区湖墅南路88号',
      phone: '0571-88231100',
      contactPerson: '风险管理部 周敏',
    },
    users: staff('xd', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['manager', '信贷部经理', ['manager']],
      ['officer1', '信贷员', ['phone-collector', 'field-collector']],
      ['legal', '法务', ['legal']],
    ]),
  },
  {
    slug: 'demo-agency',
    name: '某某信用卡委外催收公司',
    kind: 'agency',
    pack: 'card-collection-agency',
    profile: {
      address: '上海市浦东新区张杨路500号 18楼',
      phone: '021-58801234',
      contactPerson: '质检主管 陈琳',
    },
    users: staff('cs', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['manager', '分公司经理', ['manager']],
      ['supervisor', '催收主管', ['supervisor']],
      ['phone1', '电话催收一', ['phone-collector']],
      ['phone2', '电话催收二', ['phone-collector']],
      ['field1', '外访催收一', ['field-collector']],
      ['assistant', '辅助行政', ['clerk']],
      ['finance', '财务', ['finance']],
    ]),
  },
  {
    slug: 'demo-housing-fund',
    name: '某某县住房公积金管理部',
    kind: 'housing-fund',
    pack: 'housing-fund',
    profile: {
      address: '某市人民路120号 住房公积金管理中心',
      phone: '0551-62778899',
      contactPerson: '归集科 何建国',
    },
    users: staff('gjj', [
      ['admin', '系统管理员', ['tenant-admin']],
      ['director', '管理部主任', ['manager']],
      ['collector1', '专职催收员', ['phone-collector', 'field-collector']],
      ['contrib', '归集专管员', ['clerk']],
    ]),
  },
];
