import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderDocument } from '#shared/documents/render';
import {
  buildDocument,
  type DocumentInput,
  type DocumentKind,
  documentKinds,
} from '#shared/documents/templates/index';
import { aCaseFile } from '../support/factories';
import { flatText, pdfInfo, pdfText } from '../support/pdf-text';

/** Small factories: a realistic input per kind, in the Lai Châu demo units (shared/domain/units.ts). */
const person = aCaseFile().person;
const court = 'Tòa án nhân dân thành phố Lai Châu';
const centre = 'Cơ sở cai nghiện ma túy tỉnh Lai Châu';
const commune = { name: 'Ủy ban nhân dân phường Đông Phong' };
const courtIssuer = { name: 'Tòa án nhân dân\nthành phố Lai Châu' };
const centreIssuer = { superior: 'Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu', name: centre };
const decision = { number: '05/2026/QĐ-TA', date: '2026-03-05', issuer: court };
const common = { place: 'Lai Châu', legalBasis: undefined };

const inputs: { [K in DocumentKind]: DocumentInput<K> } = {
  fileCompilationNotice: {
    ...common,
    issuer: commune,
    number: { sequence: 7, symbol: 'TB-UBND' },
    date: '2026-01-09',
    signer: { title: 'Chủ tịch', name: 'Tòng Văn Minh' },
    recipients: ['Ông Lò Văn Thử', 'Gia đình ông Lò Văn Thử', 'Công an phường Đông Phong', 'Lưu: VT'],
    file: aCaseFile(),
    family: [{ name: 'Bà Lò Thị Mai', relation: 'mẹ' }],
    readingPlace: 'Trụ sở Ủy ban nhân dân phường Đông Phong',
  },
  courtProposal: {
    ...common,
    issuer: {
      superior: 'Ủy ban nhân dân thành phố Lai Châu',
      name: 'Phòng Lao động - Thương binh và Xã hội',
    },
    number: { sequence: 15, symbol: 'LĐTBXH' },
    date: '2026-02-02',
    signer: { title: 'Trưởng phòng', name: 'Hoàng Thị Lan' },
    recipients: [court, 'Viện kiểm sát nhân dân thành phố Lai Châu', commune.name, 'Lưu: VT'],
    file: aCaseFile({
      documents: [
        { kind: 'personalHistory', title: 'Bản tóm tắt lý lịch' },
        { kind: 'violationRecord', title: 'Biên bản vi phạm', number: '03/BB-VPHC', issuedOn: '2025-12-20' },
      ],
    }),
    court,
    compilerProposal: { number: '11/ĐN-UBND', date: '2026-01-20', issuer: commune.name },
    centre,
    proposedMonths: 18,
  },
  courtDecision: {
    ...common,
    issuer: courtIssuer,
    number: { sequence: 5, year: 2026, symbol: 'QĐ-TA' },
    date: '2026-03-05',
    signer: { title: 'Thẩm phán', name: 'Nguyễn Thị Hoa' },
    recipients: [
      'Ông Lò Văn Thử',
      'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
      'Viện kiểm sát nhân dân thành phố Lai Châu',
      'Công an thành phố Lai Châu',
      centre,
      commune.name,
      'Lưu: HS, VT',
    ],
    outcome: 'apply',
    court,
    judge: 'Nguyễn Thị Hoa',
    secretary: 'Vàng Thị Dung',
    procuracy: { body: 'Viện kiểm sát nhân dân thành phố Lai Châu', procurator: 'Đỗ Văn Khải' },
    proposer: {
      body: 'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
      representative: 'Hoàng Thị Lan',
    },
    proposal: {
      number: '15/LĐTBXH',
      date: '2026-02-02',
      issuer: 'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
    },
    person,
    session: { date: '2026-03-05', place: 'trụ sở Tòa án nhân dân thành phố Lai Châu' },
    grounds: ['a'],
    fileAssessment:
      'hồ sơ được lập đầy đủ các tài liệu theo Điều 41 Nghị định số 116/2021/NĐ-CP, đúng trình tự, thủ tục.',
    groundsAssessment: 'Người bị đề nghị đã được nhắc nhở nhưng không đăng ký cai nghiện ma túy tự nguyện.',
    months: 18,
    deductedDays: 12,
    centre,
    appealWorkingDays: 5,
  },
  postponementDecision: {
    ...common,
    issuer: courtIssuer,
    number: { sequence: 9, year: 2026, symbol: 'QĐ-TA' },
    date: '2026-03-12',
    signer: { title: 'Thẩm phán', name: 'Nguyễn Thị Hoa' },
    recipients: ['Ông Lò Văn Thử', 'Công an phường Đông Phong', 'Lưu: HS'],
    court,
    person,
    decision,
    application: { date: '2026-03-09', applicant: 'ông Lò Văn Thử' },
    ground: 'seriousIllness',
    evidence: 'Giấy xác nhận của Bệnh viện đa khoa tỉnh Lai Châu ngày 08/3/2026',
    until: '2026-06-30',
  },
  exemptionDecision: {
    ...common,
    issuer: courtIssuer,
    number: { sequence: 10, year: 2026, symbol: 'QĐ-TA' },
    date: '2026-03-13',
    signer: { title: 'Thẩm phán', name: 'Nguyễn Thị Hoa' },
    recipients: ['Bà Lò Thị Xuân', 'Lưu: HS'],
    court,
    person: { ...person, fullName: 'Lò Thị Xuân', gender: 'female' },
    decision,
    application: { date: '2026-03-10', applicant: 'bà Lò Thị Xuân' },
    ground: 'pregnancy',
    evidence: 'Giấy chứng nhận của Bệnh viện đa khoa tỉnh Lai Châu',
  },
  reductionDecision: {
    ...common,
    issuer: { name: 'Tòa án nhân dân\nhuyện Tam Đường' },
    number: { sequence: 21, year: 2027, symbol: 'QĐ-TA' },
    date: '2027-02-15',
    signer: { title: 'Thẩm phán', name: 'Lương Văn Hùng' },
    recipients: [centre, 'Ông Lò Văn Thử', 'Lưu: HS'],
    court: 'Tòa án nhân dân huyện Tam Đường',
    person,
    decision,
    centre,
    centreProposal: { number: '30/ĐN-CSCN', date: '2027-02-01', issuer: centre },
    servedMonths: 11,
    months: 2,
    meritorious: false,
    newReleaseOn: '2027-07-20',
  },
  admissionRecord: {
    ...common,
    issuer: centreIssuer,
    number: { sequence: 12, symbol: 'BB-CSCN' },
    date: '2026-03-25',
    time: '09:00',
    endTime: '10:30',
    location: 'Cơ sở cai nghiện ma túy tỉnh Lai Châu',
    handingOver: {
      body: 'Công an thành phố Lai Châu',
      representatives: [{ name: 'Phạm Văn Đức', position: 'Đội trưởng' }],
    },
    receiving: { body: centre, representatives: [{ name: 'Lê Thị Hằng', position: 'Phó Giám đốc' }] },
    person,
    decision,
    health: 'bình thường, không có thương tích.',
    documents: [
      'Quyết định số 05/2026/QĐ-TA của Tòa án nhân dân thành phố Lai Châu',
      'Bản sao tóm tắt lý lịch',
    ],
    belongings: 'một điện thoại di động, một bộ quần áo.',
    handingOverSigner: { name: 'Phạm Văn Đức' },
    receivingSigner: { name: 'Lê Thị Hằng' },
  },
  releaseCertificate: {
    ...common,
    issuer: centreIssuer,
    number: { sequence: 44, symbol: 'GCN-CSCN' },
    date: '2027-07-20',
    signer: { title: 'Giám đốc', name: 'Trần Quốc Bảo' },
    recipients: [
      court,
      'Phòng Lao động - Thương binh và Xã hội thành phố Lai Châu',
      commune.name,
      'Gia đình ông Lò Văn Thử',
      'Lưu: VT, HS',
    ],
    centre,
    person,
    decision,
    months: 18,
    admittedOn: '2026-03-25',
    releasedOn: '2027-07-20',
    reducedMonths: 2,
  },
  aftercareDecision: {
    ...common,
    issuer: commune,
    number: { sequence: 31, symbol: 'QĐ-UBND' },
    date: '2027-07-30',
    signer: { title: 'Chủ tịch', name: 'Tòng Văn Minh' },
    recipients: [
      'Ông Lò Văn Thử',
      'Trưởng Công an phường Đông Phong',
      'Công chức Lao động - Thương binh và Xã hội',
      'Lưu: VT',
    ],
    decider: 'Chủ tịch Ủy ban nhân dân phường Đông Phong',
    commune: 'phường Đông Phong, thành phố Lai Châu',
    person,
    occupation: 'Lao động tự do',
    policeProposal: { number: '08/ĐN-CAP', date: '2027-07-27', issuer: 'Trưởng Công an phường Đông Phong' },
    releaseCertificate: { number: '44/GCN-CSCN', date: '2027-07-20', issuer: centre },
    years: 2,
    from: '2027-07-20',
    to: '2029-07-19',
    executingBody: 'Công an phường Đông Phong',
  },
  aftercareCompletionCertificate: {
    ...common,
    issuer: commune,
    number: { sequence: 3, symbol: 'GCN-UBND' },
    date: '2029-07-22',
    signer: { authority: 'KT. Chủ tịch', title: 'Phó Chủ tịch', name: 'Lù Thị Nga' },
    recipients: ['Ông Lò Văn Thử', 'Công an phường Đông Phong', 'Lưu: VT'],
    decider: 'Chủ tịch Ủy ban nhân dân phường Đông Phong',
    commune: 'phường Đông Phong, thành phố Lai Châu',
    person,
    decision: { number: '31/QĐ-UBND', date: '2027-07-30', issuer: commune.name },
    from: '2027-07-20',
    to: '2029-07-19',
  },
};

/** What each rendered kind must show, beyond the person's name and the place and date. */
const expected: { [K in DocumentKind]: { title: string; number: string; date: string; phrases: string[] } } =
  {
    fileCompilationNotice: {
      title: 'THÔNG BÁO',
      number: 'Số: 07/TB-UBND',
      date: 'Lai Châu, ngày 09 tháng 01 năm 2026',
      phrases: [
        'quy định tại khoản 1 Điều 32 Luật Phòng, chống ma túy',
        '03 (ba) ngày làm việc',
        'Điều 42 Nghị định số 116/2021/NĐ-CP',
      ],
    },
    courtProposal: {
      title: 'V/v đề nghị xem xét',
      number: 'Số: 15/LĐTBXH',
      date: 'Lai Châu, ngày 02 tháng 02 năm 2026',
      phrases: [
        'Kính gửi: Tòa án nhân dân thành phố Lai Châu',
        'điểm a khoản 2 Điều 43 Nghị định số 116/2021/NĐ-CP',
        '18 (mười tám) tháng',
        'Biên bản vi phạm số 03/BB-VPHC ngày 20 tháng 12 năm 2025',
      ],
    },
    courtDecision: {
      title: 'QUYẾT ĐỊNH',
      number: 'Số: 05/2026/QĐ-TA',
      date: 'Lai Châu, ngày 05 tháng 3 năm 2026',
      phrases: [
        'Áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc',
        'Thẩm phán chủ trì phiên họp: Nguyễn Thị Hoa',
        'Số định danh cá nhân: 012090009999',
        'Tổ dân phố số 1, phường Đông Phong',
        'theo quy định tại khoản 1 Điều 32 Luật Phòng, chống ma túy; Điều 95, Điều 96 Luật Xử lý vi phạm hành chính',
        'Thời hạn chấp hành: 18 (mười tám) tháng',
        'Nơi chấp hành: Cơ sở cai nghiện ma túy tỉnh Lai Châu',
        '05 (năm) ngày làm việc',
        'Điều 32 Pháp lệnh số 03/2022/UBTVQH15',
        'THẨM PHÁN',
      ],
    },
    postponementDecision: {
      title: 'QUYẾT ĐỊNH',
      number: 'Số: 09/2026/QĐ-TA',
      date: 'Lai Châu, ngày 12 tháng 3 năm 2026',
      phrases: [
        'Hoãn chấp hành quyết định',
        'Quyết định số 05/2026/QĐ-TA ngày 05 tháng 3 năm 2026',
        'đến ngày 30 tháng 6 năm 2026',
        'Điều 57 Nghị định số 116/2021/NĐ-CP',
      ],
    },
    exemptionDecision: {
      title: 'QUYẾT ĐỊNH',
      number: 'Số: 10/2026/QĐ-TA',
      date: 'Lai Châu, ngày 13 tháng 3 năm 2026',
      phrases: [
        'Miễn chấp hành quyết định',
        'điểm c khoản 3 Điều 57 Nghị định số 116/2021/NĐ-CP',
        'bà Lò Thị Xuân',
      ],
    },
    reductionDecision: {
      title: 'QUYẾT ĐỊNH',
      number: 'Số: 21/2027/QĐ-TA',
      date: 'Lai Châu, ngày 15 tháng 02 năm 2027',
      phrases: [
        'Giảm 02 (hai) tháng thời hạn chấp hành',
        'khoản 1 Điều 58 Nghị định số 116/2021/NĐ-CP',
        'ngày 20 tháng 7 năm 2027',
      ],
    },
    admissionRecord: {
      title: 'BIÊN BẢN',
      number: 'Số: 12/BB-CSCN',
      date: 'Lai Châu, ngày 25 tháng 3 năm 2026',
      phrases: [
        'vào hồi 09 giờ 00 phút ngày 25 tháng 3 năm 2026',
        'Bên giao: Công an thành phố Lai Châu',
        'Điều 55 Nghị định số 116/2021/NĐ-CP',
        'ĐẠI DIỆN BÊN GIAO',
        'ĐẠI DIỆN BÊN NHẬN',
      ],
    },
    releaseCertificate: {
      title: 'GIẤY CHỨNG NHẬN',
      number: 'Số: 44/GCN-CSCN',
      date: 'Lai Châu, ngày 20 tháng 7 năm 2027',
      phrases: [
        'GIÁM ĐỐC CƠ SỞ CAI NGHIỆN MA TÚY TỈNH LAI CHÂU',
        'từ ngày 25 tháng 3 năm 2026 đến ngày 20 tháng 7 năm 2027',
        'khoản 5 Điều 62 Nghị định số 116/2021/NĐ-CP',
      ],
    },
    aftercareDecision: {
      title: 'QUYẾT ĐỊNH',
      number: 'Số: 31/QĐ-UBND',
      date: 'Lai Châu, ngày 30 tháng 7 năm 2027',
      phrases: [
        'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG PHONG',
        'Thời gian quản lý: 02 (hai) năm',
        'Nghề nghiệp: Lao động tự do',
        'Điều 40 Luật Phòng, chống ma túy',
      ],
    },
    aftercareCompletionCertificate: {
      title: 'GIẤY CHỨNG NHẬN',
      number: 'Số: 03/GCN-UBND',
      date: 'Lai Châu, ngày 22 tháng 7 năm 2029',
      phrases: [
        'Hoàn thành thời gian quản lý sau cai nghiện ma túy',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'điểm a khoản 3 Điều 43 Luật Phòng, chống ma túy',
      ],
    },
  };

const render = (kind: DocumentKind) => renderDocument(buildDocument(kind, inputs[kind]));

describe('documents', () => {
  it.each(documentKinds)(
    'renders %s with the ND-30 header, its fields and the articles cited',
    async (kind) => {
      // Prepare
      const want = expected[kind];
      // Act
      const bytes = await render(kind);
      const text = await flatText(bytes);
      // Assess
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain(want.title);
      expect(text).toContain(want.number);
      expect(text).toContain(want.date);
      expect(text).toContain(kind === 'exemptionDecision' ? 'Lò Thị Xuân' : 'Lò Văn Thử');
      for (const phrase of want.phrases) expect(text).toContain(phrase);
    },
  );

  it.each(documentKinds)('keeps %s under 40 KB', async (kind) => {
    const bytes = await render(kind);
    expect(bytes.length).toBeLessThanOrEqual(40 * 1024);
  });

  it.each(documentKinds)('renders %s to the same bytes every time', async (kind) => {
    const [first, second] = await Promise.all([render(kind), render(kind)]);
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(hash(second as Uint8Array)).toBe(hash(first as Uint8Array));
  });

  it('sets the PDF metadata from the document, with its date of issue as creation date', async () => {
    const info = await pdfInfo(await render('courtDecision'));
    expect(info.Title).toBe(
      'Quyết định số 05/2026/QĐ-TA: Áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc',
    );
    expect(info.Author).toBe('Tòa án nhân dân thành phố Lai Châu');
    expect(info.CreationDate).toBe('2026-03-04T17:00:00Z');
    expect(info.ModDate).toBe('2026-03-04T17:00:00Z');
  });

  it('puts the issuing body and the number on the left, the motto and the date on the right', async () => {
    const lines = (await pdfText(await render('courtDecision'), 'layout')).split('\n');
    const row = (needle: string) => lines.find((l) => l.includes(needle)) ?? '';
    expect(row('CỘNG HÒA XÃ HỘI').indexOf('TÒA ÁN NHÂN DÂN')).toBeGreaterThanOrEqual(0);
    expect(row('Số: 05/2026/QĐ-TA').indexOf('Lai Châu, ngày 05')).toBeGreaterThan(
      row('Số: 05/2026/QĐ-TA').indexOf('Số:'),
    );
    expect(row('Nơi nhận:').indexOf('THẨM PHÁN')).toBeGreaterThan(row('Nơi nhận:').indexOf('Nơi nhận:'));
  });

  it('cites an adult’s grounds as clauses of Art. 32 and a minor’s as points of Art. 33(1)', async () => {
    const adult = await flatText(
      await renderDocument(
        buildDocument('courtDecision', { ...inputs.courtDecision, grounds: ['c', 'a'], months: 12 }),
      ),
    );
    expect(adult).toContain('khoản 1, khoản 3 Điều 32 Luật Phòng, chống ma túy');
    expect(adult).not.toContain('điểm a');
    const minorInput = {
      ...inputs.courtDecision,
      grounds: ['a', 'c'] as ('a' | 'c')[],
      minor: true,
      months: 9,
    };
    const minor = await flatText(await renderDocument(buildDocument('courtDecision', minorInput)));
    expect(minor).toContain('điểm a, điểm c khoản 1 Điều 33 Luật Phòng, chống ma túy');
    expect(minor).not.toContain('Điều 32 Luật Phòng, chống ma túy');
    expect(minor).not.toContain('Điều 96 Luật Xử lý vi phạm hành chính');
    // For a minor the measure is not an administrative one (Art. 33(4)); the court follows
    // Ordinance 01/2022, not the Law on Handling Administrative Violations or Ordinance 03/2022.
    expect(minor).toContain(
      'Áp dụng biện pháp đưa người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc',
    );
    expect(minor).not.toContain('xử lý hành chính');
    expect(minor).toContain('Pháp lệnh số 01/2022/UBTVQH15');
    expect(minor).not.toContain('03/2022');
    expect(adult).toContain('Áp dụng biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc');
    expect(adult).toContain('Điều 32 Pháp lệnh số 03/2022/UBTVQH15');
    const notice = await flatText(
      await renderDocument(
        buildDocument('fileCompilationNotice', { ...inputs.fileCompilationNotice, minor: true }),
      ),
    );
    expect(notice).toContain('điểm a khoản 1 Điều 33 Luật Phòng, chống ma túy');
    expect(notice).toContain(
      'đưa người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc',
    );
    expect(notice).not.toContain('xử lý hành chính');
  });

  it('rejects a decision to apply the measure without a duration or a centre', () => {
    const { months: _months, ...withoutMonths } = inputs.courtDecision;
    expect(() => buildDocument('courtDecision', withoutMonths)).toThrow(/thời hạn/);
  });

  it('rejects a reduction above three months without a meritorious act', () => {
    expect(() => buildDocument('reductionDecision', { ...inputs.reductionDecision, months: 4 })).toThrow(
      /lập công/,
    );
  });
});
