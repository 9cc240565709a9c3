import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** The headers the generic `accounts` mapping reads, as a lender's export writes them. */
export const ACCOUNT_CSV_HEADERS = [
  '合同编号',
  '借款人',
  '身份证号',
  '手机号码',
  '贷款金额',
  '年利率',
  '放款日期',
  '贷款期限(月)',
  '还款方式',
];

export interface AccountsCsvOptions {
  readonly rows: number;
  readonly seed?: number;
  /** 'bullet': 到期一次还本付息 (one installment); 'monthly': 等额本息 over the term. */
  readonly schedule?: 'bullet' | 'monthly';
  /** UTF-8 BOM as Excel writes it. */
  readonly bom?: boolean;
  /** Loan terms to draw from; default 12, 24 and 36 months. */
  readonly terms?: readonly number[];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
];
const REGIONS = [
  '110105',
  '310104',
  '440305',
  '510107',
  '340104',
  '150221',
  '620102',
  '320102',
  '330106',
  '420106',
];
const RATES = ['4.35%', '4.90%', '5.50%', '6.00%', '7.20%'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const DAY_MS = 86_400_000;
const BIRTH_BASE = Date.UTC(1960, 0, 1);
const BIRTH_DAYS = 14_600;

/** mulberry32: a small seeded PRNG, so the same seed writes the same file byte for byte. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A resident ID unique per debtor index: region, birth date and sequence are digits of the
 * index, and the GB 11643 MOD 11-2 check character is computed, so every number validates.
 */
export function residentId(debtor: number): string {
  const region = REGIONS[debtor % REGIONS.length];
  const rest = Math.floor(debtor / REGIONS.length);
  const birth = new Date(BIRTH_BASE + (rest % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const seq = String(Math.floor(rest / BIRTH_DAYS) % 1000).padStart(3, '0');
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * Writes `rows` accounts. Every fifth account belongs to the debtor of the row before it (a
 * second loan), as in real ledgers, so the merge meets existing debtors inside a chunk too.
 */
export async function writeAccountsCsv(path: string, options: AccountsCsvOptions): Promise<void> {
  const random = prng(options.seed ?? 20261128);
  const out = createWriteStream(path);
  const method = options.schedule === 'monthly' ? '等额本息' : '到期一次还本付息';
  const terms = options.terms ?? [12, 24, 36];
  let buffer = (options.bom ? '\uFEFF' : '') + ACCOUNT_CSV_HEADERS.join(',') + '\r\n';
  let debtor = -1;
  let name = '';
  let phone = '';
  for (let i = 0; i < options.rows; i++) {
    if (i % 5 !== 4) {
      debtor += 1;
      name =
        SURNAMES[Math.floor(random() * SURNAMES.length)] +
        GIVEN[Math.floor(random() * GIVEN.length)];
      phone = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    }
    const principal = (1000 + Math.floor(random() * 49_900) * 10).toFixed(2);
    const start = new Date(Date.UTC(2018, 0, 1) + Math.floor(random() * 3100) * DAY_MS);
    const term = terms[Math.floor(random() * terms.length)];
    buffer +=
      [
        `HT${String(i + 1).padStart(9, '0')}`,
        name,
        residentId(debtor),
        phone,
        principal,
        RATES[Math.floor(random() * RATES.length)],
        start.toISOString().slice(0, 10),
        term,
        method,
      ].join(',') + '\r\n';
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
