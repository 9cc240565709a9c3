import { residentIdCheckChar, socialCreditCodeCheckChar } from '@qingshou/ledger';
import type { Prng } from './prng';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰丹萍鹏飞宇浩然晨阳俊杰欣怡子涵雨轩博文梓萱振华淑珍凤英桂芳德胜长青永红春梅金凤立新';
const GIVEN_CHARS = [...GIVEN];

export function personName(rng: Prng): string {
  const surname = rng.pick([...SURNAMES]);
  const length = rng.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < length; i++) given += rng.pick(GIVEN_CHARS);
  return surname + given;
}

export function mobile(rng: Prng): string {
  return rng.pick(['13', '15', '17', '18', '19']) + rng.digits(9);
}

/**
 * A 居民身份证号码 with a valid check character, born in [fromYear, toYear], issued in one of
 * the county codes given. `taken` keeps them unique within a tenant (the debtors' unique key).
 */
export function residentId(
  rng: Prng,
  regions: readonly string[],
  fromYear: number,
  toYear: number,
  taken: Set<string>,
): string {
  for (;;) {
    const year = rng.int(fromYear, toYear);
    const month = String(rng.int(1, 12)).padStart(2, '0');
    const day = String(rng.int(1, 28)).padStart(2, '0');
    const first17 = `${rng.pick(regions)}${year}${month}${day}${rng.digits(3)}`;
    const id = first17 + residentIdCheckChar(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 统一社会信用代码 ('91' enterprise) with a valid check character, unique in `taken`. */
export function socialCreditCode(rng: Prng, region: string, taken: Set<string>): string {
  for (;;) {
    let org = '';
    for (let i = 0; i < 9; i++) org += rng.pick([...CODE_CHARS]);
    const first17 = `91${region}${org}`;
    const code = first17 + socialCreditCodeCheckChar(first17);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}
