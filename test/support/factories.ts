import type { CaseFile } from '#shared/domain/case-file';
import type { Actor } from '#shared/domain/roles';

/** Small factories for test data: override only what a test is about. */
export const aCaseFile = (
  overrides: Omit<Partial<CaseFile>, 'person'> & { person?: Partial<CaseFile['person']> } = {},
): CaseFile => {
  const { person, ...rest } = overrides;
  return {
    person: {
      fullName: 'Lò Văn Thử',
      dateOfBirth: '1990-05-17',
      gender: 'male',
      citizenId: '012090009999',
      residence: { address: 'Tổ dân phố số 1, phường Đông Phong', communeId: 'p-dong-phong' },
      ...person,
    },
    grounds: ['a'],
    groundsDetail: 'Không đăng ký cai nghiện tự nguyện sau khi được nhắc nhở.',
    addictionDetermination: {
      facility: 'Trung tâm Y tế thành phố Lai Châu',
      determinedOn: '2026-11-01',
      documentNumber: '12/XĐTTN',
    },
    documents: [{ kind: 'violationRecord', title: 'Biên bản vi phạm hành chính' }],
    ...rest,
  };
};

/** A file for a person aged 12 to under 18: a guardian, the person's account and the guardian's opinion. */
export const aMinorCaseFile = (
  overrides: Omit<Partial<CaseFile>, 'person'> & { person?: Partial<CaseFile['person']> } = {},
): CaseFile =>
  aCaseFile({
    guardian: {
      fullName: 'Lò Thị Mai',
      relation: 'mẹ',
      address: 'Tổ dân phố số 1, phường Đông Phong',
    },
    documents: [
      { kind: 'violationRecord', title: 'Biên bản vi phạm' },
      { kind: 'selfStatement', title: 'Bản tường trình của người nghiện ma túy' },
      { kind: 'guardianOpinion', title: 'Ý kiến của cha, mẹ hoặc người giám hộ' },
    ],
    ...overrides,
    person: { dateOfBirth: '2010-01-01', ...overrides.person },
  });

export const anActor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'police-dong-phong',
  name: 'Nguyễn Văn An',
  role: 'police',
  unitId: 'p-dong-phong',
  ...overrides,
});

export const actors = {
  police: anActor(),
  reviewer: anActor({ userId: 'reviewer-tp-lai-chau', role: 'reviewer', unitId: 'ldtbxh-tp-lai-chau' }),
  court: anActor({ userId: 'court-tp-lai-chau', role: 'court', unitId: 'tand-tp-lai-chau' }),
  centre: anActor({ userId: 'centre-lai-chau', role: 'centre', unitId: 'cscn-lai-chau' }),
  supervisor: anActor({ userId: 'supervisor-dong-phong', role: 'supervisor', unitId: 'p-dong-phong' }),
};

/** What the court clerk records of the session besides the outcome (the decision's fields). */
export const sessionRecord = {
  secretary: 'Vàng Thị Dung',
  procurator: 'Đỗ Văn Khải',
  fileAssessment: 'Hồ sơ được lập đầy đủ, đúng trình tự, thủ tục theo Điều 41 Nghị định 116/2021/NĐ-CP.',
  groundsAssessment: 'Người bị đề nghị đã được nhắc nhở nhưng không đăng ký cai nghiện ma túy tự nguyện.',
};

/** The handover at admission, besides its date. */
export const handover = {
  time: '09:00',
  handedOverBy: { name: 'Phạm Văn Đức', position: 'Đội trưởng' },
  receivedBy: { name: 'Lê Thị Hằng', position: 'Phó Giám đốc' },
  health: 'bình thường, không có thương tích.',
};

/** The written application a postponement or exemption answers. */
export const application = {
  applicationDate: '2026-11-02',
  evidence: 'Giấy xác nhận của Bệnh viện đa khoa tỉnh Lai Châu',
};

/** The centre's proposal a reduction answers. */
export const centreProposal = { centreProposalNumber: '30/ĐN-CSCN', centreProposalDate: '2026-11-02' };

/** The decision to open the session, held the same day. */
export const sessionOpening = (on: string) => ({
  decidedOn: on,
  sessionDate: on,
  sessionPlace: 'Trụ sở Tòa án nhân dân thành phố Lai Châu',
});
