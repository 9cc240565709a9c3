/** One of the run's student-loan letters (libs/policy engine/apply/notice-data.ts + composeNoticeData). */
export function runLikeData(): Record<string, unknown> {
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
