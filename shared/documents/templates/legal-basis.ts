/**
 * The texts documents cite in their "Căn cứ …" lines, written as the law names them (title and
 * date of adoption). Profile P1 (files opened 2022-01-01 → 2025-02-28, court procedure under
 * Ordinance 03/2022 from 2023-02-01); ../shared/LEGAL-BRIEF.md §0.1 lists the sources. Later
 * profiles (Ordinance 08/2025, Decree 184/2025, Law 120/2025) need their own lines: templates take
 * an optional `legalBasis` that replaces the default list.
 */
export const laws = {
  /** Law 15/2012/QH13 as amended by Law 67/2020/QH14 (XLVPHC). */
  handlingViolations:
    'Luật Xử lý vi phạm hành chính ngày 20 tháng 6 năm 2012; Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020',
  /** Law 73/2021/QH14. */
  drugControl: 'Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021',
  /** Ordinance 03/2022/UBTVQH15, in force 2023-02-01. */
  courtProcedure:
    'Pháp lệnh Trình tự, thủ tục xem xét, quyết định áp dụng các biện pháp xử lý hành chính tại Tòa án nhân dân ngày 13 tháng 12 năm 2022',
  /** Decree 116/2021/NĐ-CP. */
  decree116:
    'Nghị định số 116/2021/NĐ-CP ngày 21 tháng 12 năm 2021 của Chính phủ quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý vi phạm hành chính về cai nghiện ma túy và quản lý sau cai nghiện ma túy',
  /** Ordinance 01/2022/UBTVQH15 (24/03/2022): the court's procedure for minors 12 to under 18. */
  minorsCourtProcedure:
    'Pháp lệnh Trình tự, thủ tục Tòa án nhân dân xem xét, quyết định việc đưa người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc ngày 24 tháng 3 năm 2022',
  /** Law 77/2015/QH13 as amended in 2019: the commune chairman's power to decide. */
  localGovernment:
    'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
} as const;

export const shortNames = {
  drugControl: 'Luật Phòng, chống ma túy',
  handlingViolations: 'Luật Xử lý vi phạm hành chính',
  courtProcedure: 'Pháp lệnh số 03/2022/UBTVQH15',
  minorsCourtProcedure: 'Pháp lệnh số 01/2022/UBTVQH15',
  decree116: 'Nghị định số 116/2021/NĐ-CP',
} as const;

/**
 * The grounds, keyed a–d as the case file codes them. Law 73/2021/QH14 lists an adult's grounds as
 * the clauses 1–4 of Art. 32 (a = clause 1 … d = clause 4); a minor's (12 to under 18) as the points
 * a–c of Art. 33(1), with the same words and no relapse ground.
 */
export const compulsoryTreatmentGrounds = {
  a: 'không đăng ký, không thực hiện hoặc tự ý chấm dứt cai nghiện ma túy tự nguyện',
  b: 'trong thời gian cai nghiện ma túy tự nguyện bị phát hiện sử dụng trái phép chất ma túy',
  c: 'người nghiện ma túy các chất dạng thuốc phiện không đăng ký, không thực hiện hoặc tự ý chấm dứt điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế hoặc bị chấm dứt điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế do vi phạm quy định về điều trị nghiện',
  d: 'trong thời gian quản lý sau cai nghiện ma túy mà tái nghiện',
} as const;

export type GroundLetter = keyof typeof compulsoryTreatmentGrounds;

const clauseOf: Record<GroundLetter, number> = { a: 1, b: 2, c: 3, d: 4 };

/**
 * Where the law states the grounds: "khoản 1, khoản 3 Điều 32 Luật Phòng, chống ma túy" for an
 * adult; "điểm a, điểm c khoản 1 Điều 33 Luật Phòng, chống ma túy" for a minor.
 */
export function groundsCitation(letters: readonly GroundLetter[], minor = false): string {
  const sorted = [...new Set(letters)].sort();
  if (!minor)
    return `${sorted.map((l) => `khoản ${clauseOf[l]}`).join(', ')} Điều 32 ${shortNames.drugControl}`;
  if (sorted.includes('d')) {
    throw new RangeError('relapse (d) is not a ground for a minor (Law 73/2021/QH14 Art. 33(1))');
  }
  return `${sorted.map((l) => `điểm ${l}`).join(', ')} khoản 1 Điều 33 ${shortNames.drugControl}`;
}

/**
 * The measure as documents name it. For an adult it is an administrative measure (XLVPHC
 * Art. 95); for a minor of 12 to under 18 it is not one (Law 73/2021/QH14 Art. 33(4)).
 */
export const measureName = (minor = false): string =>
  minor
    ? 'biện pháp đưa người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi vào cơ sở cai nghiện bắt buộc'
    : 'biện pháp xử lý hành chính đưa vào cơ sở cai nghiện bắt buộc';
