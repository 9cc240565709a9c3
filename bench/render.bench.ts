import { loadavg } from 'node:os';
import { measureRenderThroughput, renderThroughput } from './render-throughput';

/*
 * `npm run bench -- --only render [--url postgres://…/db] [--runs 3]`: the daily run's
 * rendering measurement alone, without seeding and running a book. By default it renders
 * the run's most frequent letter (student-loan/collection-notice) with data shaped exactly
 * as the run's notice data and IssueNotices' tenant and notice fields; with --url it takes
 * the most frequent notice and its stored data from that database, like the daily run.
 * Each run is printed with the load average, then the median of the runs.
 */

const TEMPLATE = 'student-loan/collection-notice';

/** One of the run's student-loan letters (libs/policy engine/apply/notice-data.ts + composeNoticeData). */
function runLikeData(): Record<string, unknown> {
  const line = (seq: number, paid: string, outstanding: string) => ({
    contractNo: 'SL-2024-018273',
    date: `2026-0${seq + 5}-20`,
    dueDate: `2026-0${seq + 5}-20`,
    description: `第${seq}期应付款`,
    amountDue: '2050.00',
    amountPaid: paid,
    outstanding,
  });
  return {
    debtor: {
      name: '王晓东',
      idNumberMasked: '420106********2417',
      address: '湖北省武汉市武昌区中南路12号',
      phoneMasked: '139****6621',
    },
    recipient: { name: '王晓东', role: '借款人', address: '湖北省武汉市武昌区中南路12号' },
    account: {
      ref: 'SL-2024-018273',
      type: 'student-loan',
      startDate: '2026-05-20',
      principal: '12000.00',
      outstandingPrincipal: '8000.00',
      overdueAmount: '2050.00',
      overdueAmountUpper: '贰仟零伍拾元整',
      overduePrincipal: '2000.00',
      overdueInterest: '50.00',
      penaltyInterest: '0.00',
      compoundInterest: '0.00',
      totalDue: '2050.00',
      totalDueUpper: '贰仟零伍拾元整',
      dpd: 1,
      firstUnpaidDueDate: '2026-11-19',
      nextDueDate: '2026-12-19',
      nextDueAmount: '2050.00',
    },
    case: { ref: '3F2A9C1B', stage: '逾期催收', collector: '李老师' },
    statement: {
      lines: [line(1, '2050.00', '0.00'), line(2, '2050.00', '0.00'), line(3, '0.00', '2050.00')],
      balance: '2050.00',
      balanceUpper: '贰仟零伍拾元整',
    },
    group: { name: '2024级' },
    params: {
      collectionPayDays: 15,
      aidCentre: '区学生资助管理中心',
      homeVisitDpd: 30,
      verifyContactSla: '2 working days',
    },
    tenant: {
      name: '示范学院学生资助中心',
      address: '湖北省武汉市洪山区珞喻路1号',
      phone: '027-87650000',
    },
    notice: {
      id: null,
      title: '生源地信用助学贷款催收通知书',
      issuedOn: '2026-11-20',
      delivery: null,
    },
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const url = option('--url');
  const runs = Number(option('--runs') ?? 3);
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const before = loadavg()[0];
    const figures = url
      ? await renderThroughput(url)
      : measureRenderThroughput(TEMPLATE, runLikeData());
    if (!figures.sameHtml) throw new Error(`${figures.template}: engine and bare HTML differ`);
    ratios.push(figures.engineToBare);
    console.log(
      `run ${run}: ${figures.template} (${figures.htmlBytes} B): engine ${figures.engine.perSecond}/s ` +
        `(${figures.engine.microsPerRender} µs), bare ${figures.bare.perSecond}/s ` +
        `(${figures.bare.microsPerRender} µs) → ${Math.round(figures.engineToBare * 100)}%; ` +
        `load ${before.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(
    `median engine/bare: ${Math.round(sorted[Math.floor(sorted.length / 2)] * 100)}% (goal ≥ 80%)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
