import type { IsoDate } from './dates';

/**
 * The law as versioned data. A case keeps the profile in force on the day its file was opened
 * (DOMAIN.md "Sources"; LEGAL-BRIEF.md §0.2). Every number carries its unit, the event it runs
 * from, the article it comes from and how firmly that article was confirmed:
 * C — read in the legal text; S — from a secondary source quoting it; U — not yet confirmed.
 */
export type Confidence = 'C' | 'S' | 'U';

export interface TimeLimit {
  amount: number;
  unit: 'workingDays' | 'calendarDays' | 'months' | 'years';
  /** The event the period runs from (the day of the event itself is not counted). */
  from: string;
  source: string;
  confidence: Confidence;
}

export interface TermRange {
  min: number;
  max: number;
  unit: 'months';
  source: string;
  confidence: Confidence;
}

export const deadlineKeys = [
  'openFile',
  'readAndSendFile',
  'review',
  'supplement',
  'courtAcceptance',
  'courtDecision',
  'courtClarification',
  'appealWindow',
  'appealDecision',
  'escort',
  'search',
  'releaseNotice',
  'supervisionAdult',
  'supervisionMinor',
] as const;
export type DeadlineKey = (typeof deadlineKeys)[number];

export interface LegalProfile {
  version: string;
  validFrom: IsoDate;
  /** Last day on which a file opened falls under this profile. */
  validTo?: IsoDate;
  title: string;
  /** 'complete' when every rule below was read for this period; 'partial' when some are carried over. */
  status: 'complete' | 'partial';
  notes: string;
  bodies: { filing: string; review: string; court: string };
  limits: Record<DeadlineKey, TimeLimit>;
  term: { adult: TermRange; minor: TermRange };
}

const ND116 = 'Nghị định 116/2021/NĐ-CP';
const LAW73 = 'Luật Phòng, chống ma túy 73/2021/QH14';

const profile2022: LegalProfile = {
  version: '2022-01-01',
  validFrom: '2022-01-01',
  validTo: '2025-02-28',
  title: 'Luật PCMT 2021, Nghị định 116/2021/NĐ-CP, Pháp lệnh 03/2022/UBTVQH15',
  status: 'complete',
  notes: 'Tòa án áp dụng Pháp lệnh 09/2014 đến 31/01/2023 và Pháp lệnh 03/2022 từ 01/02/2023.',
  bodies: {
    filing: 'Chủ tịch Ủy ban nhân dân cấp xã (Công an cấp xã giúp việc)',
    review: 'Phòng Lao động - Thương binh và Xã hội cấp huyện',
    court: 'Tòa án nhân dân cấp huyện',
  },
  limits: {
    openFile: {
      amount: 5,
      unit: 'workingDays',
      from: 'phát hiện người thuộc trường hợp đưa vào cơ sở cai nghiện bắt buộc',
      source: `${ND116}, Điều 40 khoản 1`,
      confidence: 'C',
    },
    // 3 working days to read the file and give opinions, then 1 to send it on.
    readAndSendFile: {
      amount: 4,
      unit: 'workingDays',
      from: 'thông báo về việc lập hồ sơ',
      source: `${ND116}, Điều 42 khoản 3, 4; ${LAW73}, Điều 34 khoản 2`,
      confidence: 'C',
    },
    review: {
      amount: 2,
      unit: 'workingDays',
      from: 'nhận hồ sơ',
      source: `${ND116}, Điều 43 khoản 1`,
      confidence: 'C',
    },
    supplement: {
      amount: 2,
      unit: 'workingDays',
      from: 'nhận hồ sơ bị trả lại',
      source: `${ND116}, Điều 43 khoản 1 điểm b`,
      confidence: 'C',
    },
    courtAcceptance: {
      amount: 1,
      unit: 'workingDays',
      from: 'nhận hồ sơ đủ tài liệu',
      source: 'Pháp lệnh 03/2022/UBTVQH15, Điều 9',
      confidence: 'S',
    },
    courtClarification: {
      amount: 2,
      unit: 'workingDays',
      from: 'nhận văn bản yêu cầu của Tòa án',
      source: `${ND116}, Điều 43 khoản 3`,
      confidence: 'C',
    },
    appealWindow: {
      amount: 5,
      unit: 'workingDays',
      from: 'công bố quyết định tại phiên họp hoặc nhận quyết định',
      source: 'Pháp lệnh 03/2022/UBTVQH15, Điều 32',
      confidence: 'U',
    },
    appealDecision: {
      amount: 15,
      unit: 'calendarDays',
      from: 'nhận khiếu nại, kiến nghị, kháng nghị',
      source: 'Pháp lệnh 03/2022/UBTVQH15, Điều 33–37 (thời hạn chưa xác nhận)',
      confidence: 'U',
    },
    search: {
      amount: 1,
      unit: 'years',
      from: 'quyết định có hiệu lực (thời hiệu thi hành)',
      source: 'Luật Xử lý vi phạm hành chính 2012, Điều 108',
      confidence: 'S',
    },
    courtDecision: {
      amount: 15,
      unit: 'calendarDays',
      from: 'thụ lý hồ sơ',
      source: 'Pháp lệnh 03/2022/UBTVQH15, Điều 8',
      confidence: 'S',
    },
    escort: {
      amount: 5,
      unit: 'calendarDays',
      from: 'nhận quyết định của Tòa án',
      source: `${ND116}, Điều 54 khoản 1`,
      confidence: 'C',
    },
    releaseNotice: {
      amount: 15,
      unit: 'calendarDays',
      from: 'trước ngày hết thời hạn chấp hành',
      source: `${ND116}, Điều 62 khoản 1`,
      confidence: 'C',
    },
    supervisionAdult: {
      amount: 2,
      unit: 'years',
      from: 'chấp hành xong quyết định',
      source: `${LAW73}, Điều 40 khoản 2`,
      confidence: 'C',
    },
    supervisionMinor: {
      amount: 1,
      unit: 'years',
      from: 'chấp hành xong quyết định',
      source: `${LAW73}, Điều 40 khoản 1`,
      confidence: 'C',
    },
  },
  term: {
    adult: {
      min: 12,
      max: 24,
      unit: 'months',
      source: 'Luật Xử lý vi phạm hành chính 2012 (sửa đổi 2020), Điều 95',
      confidence: 'S',
    },
    minor: { min: 6, max: 12, unit: 'months', source: `${LAW73}, Điều 33 khoản 3`, confidence: 'C' },
  },
};

/** From 01/03/2025 the Ministry of Public Security runs drug treatment (Decree 02/2025/NĐ-CP). */
const profile2025: LegalProfile = {
  ...profile2022,
  version: '2025-03-01',
  validFrom: '2025-03-01',
  validTo: '2025-06-30',
  title: 'Như hồ sơ 2022, cùng Nghị định 02/2025/NĐ-CP và Thông tư liên tịch 03/2025/TTLT-BCA-VKSNDTC-TANDTC',
  status: 'partial',
  notes:
    'Trưởng Công an cấp xã lập hồ sơ; không còn bước Phòng LĐTBXH. Các thời hạn giữ như Nghị định 116/2021 cho đến khi đối chiếu xong văn bản mới.',
  bodies: {
    filing: 'Trưởng Công an cấp xã',
    review: 'Cơ quan Công an đề nghị',
    court: 'Tòa án nhân dân cấp huyện',
  },
};

/** From 01/07/2025: two-level local government (Decree 184/2025/NĐ-CP), regional courts. */
const profile2025b: LegalProfile = {
  ...profile2025,
  version: '2025-07-01',
  validFrom: '2025-07-01',
  validTo: '2026-06-30',
  title: 'Như hồ sơ 03/2025, cùng Nghị định 184/2025/NĐ-CP và Pháp lệnh 08/2025/UBTVQH15',
  bodies: { ...profile2025.bodies, court: 'Tòa án nhân dân khu vực' },
};

/** Limits carried into a profile whose own texts have not been read yet: marked unconfirmed. */
const carriedOver = (limits: Record<DeadlineKey, TimeLimit>): Record<DeadlineKey, TimeLimit> =>
  Object.fromEntries(
    Object.entries(limits).map(([key, limit]) => [
      key,
      { ...limit, source: `${limit.source} (áp dụng tạm, chưa đối chiếu văn bản mới)`, confidence: 'U' },
    ]),
  ) as Record<DeadlineKey, TimeLimit>;

/** From 01/07/2026: Law 120/2025/QH15; its procedure is not yet confirmed article by article. */
const profile2026: LegalProfile = {
  ...profile2025b,
  limits: carriedOver(profile2025b.limits),
  version: '2026-07-01',
  validFrom: '2026-07-01',
  validTo: undefined,
  title: 'Luật Phòng, chống ma túy 120/2025/QH15 và các nghị định hướng dẫn',
  notes:
    'Chưa đối chiếu được thủ tục chi tiết theo Luật 120/2025/QH15; các thời hạn tạm giữ như Nghị định 116/2021 và được đánh dấu chưa xác nhận.',
};

export const legalProfiles: readonly LegalProfile[] = [profile2022, profile2025, profile2025b, profile2026];

/** The profile in force for a file opened on this date. */
export function profileInForceOn(date: IsoDate): LegalProfile {
  const found = legalProfiles.find((p) => p.validFrom <= date && (!p.validTo || date <= p.validTo));
  // Files opened before 2022 followed the legacy regime, which this system does not handle.
  return found ?? profile2022;
}

export function legalProfile(version: string): LegalProfile {
  const found = legalProfiles.find((p) => p.version === version);
  if (!found) throw new Error(`unknown legal profile ${version}`);
  return found;
}
