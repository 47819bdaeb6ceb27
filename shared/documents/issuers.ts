import { type Unit, units } from '#shared/domain/units';

/**
 * How each body that issues documents appears on them (Decree 30/2020/NĐ-CP Appendix I §II.1–2,
 * 4): its name in the header (with its superior body where ND-30 shows one), its name in running
 * text, the place name of the date line, and the head who signs. Derived from the unit directory;
 * the heads' names are the demo units' (an administrator keeps them in a real deployment).
 */
export interface IssuerProfile {
  unitId: string;
  header: { superior?: string; name: string };
  /** "Ủy ban nhân dân phường Đông Phong", as the body is named in a sentence. */
  name: string;
  place: string;
  head: { title: string; name: string };
}

const heads: Record<string, string> = {
  'p-dong-phong': 'Tòng Văn Minh',
  'p-tan-phong': 'Lò Văn Hải',
  'x-san-thang': 'Vàng A Sử',
  'tt-tam-duong': 'Lù Văn Pành',
  'ldtbxh-tp-lai-chau': 'Hoàng Thị Lan',
  'ldtbxh-tam-duong': 'Nguyễn Văn Bình',
  'cscn-lai-chau': 'Trần Quốc Bảo',
};

const typeWords = /^(Tỉnh|Thành phố|Huyện|Thị xã|Phường|Xã|Thị trấn) /u;

/** "Phường Đông Phong" → "phường Đông Phong": the administrative word is lower case mid-sentence. */
export const inSentence = (name: string): string =>
  name.replace(typeWords, (word) => word.toLocaleLowerCase('vi-VN'));

/** "Thành phố Lai Châu" → "Lai Châu": the place name ND-30 puts before the date. */
const placeName = (unit: Unit): string => unit.name.replace(typeWords, '');

const parentOf = (unit: Unit): Unit | undefined => (unit.parentId ? units.get(unit.parentId) : undefined);

function unit(unitId: string): Unit {
  const found = units.get(unitId);
  if (!found) throw new Error(`unknown unit ${unitId}`);
  return found;
}

export function issuerProfile(unitId: string): IssuerProfile {
  const body = unit(unitId);
  const parent = parentOf(body);
  const head = heads[unitId] ?? 'Chưa cập nhật';
  switch (body.kind) {
    case 'commune': {
      const name = `Ủy ban nhân dân ${inSentence(body.name)}`;
      return {
        unitId,
        header: { name },
        name,
        place: placeName(body),
        head: { title: 'Chủ tịch', name: head },
      };
    }
    case 'labourOffice': {
      const district = parent ? inSentence(parent.name) : '';
      return {
        unitId,
        header: { superior: `Ủy ban nhân dân ${district}`, name: 'Phòng Lao động - Thương binh và Xã hội' },
        name: body.name,
        place: parent ? placeName(parent) : placeName(body),
        head: { title: 'Trưởng phòng', name: head },
      };
    }
    case 'court': {
      const area = body.name.replace(/^Tòa án nhân dân /u, '');
      return {
        unitId,
        header: { name: `Tòa án nhân dân\n${area}` },
        name: body.name,
        place: parent ? placeName(parent) : area,
        head: { title: 'Thẩm phán', name: head },
      };
    }
    case 'centre': {
      const province = parent ? inSentence(parent.name) : '';
      return {
        unitId,
        header: { superior: `Sở Lao động - Thương binh và Xã hội ${province}`, name: body.name },
        name: body.name,
        place: parent ? placeName(parent) : placeName(body),
        head: { title: 'Giám đốc', name: head },
      };
    }
    default:
      throw new Error(`unit ${unitId} (${body.kind}) issues no documents`);
  }
}

/** The procuracy beside a court: same area ("Viện kiểm sát nhân dân thành phố Lai Châu"). */
export const procuracyBeside = (courtUnitId: string): string =>
  unit(courtUnitId).name.replace(/^Tòa án nhân dân/u, 'Viện kiểm sát nhân dân');

/** The police of the district over a commune, who escort the person to the centre. */
export function districtPolice(communeId: string): string {
  const district = parentOf(unit(communeId));
  return `Công an ${inSentence(district?.name ?? unit(communeId).name)}`;
}

export const communePolice = (communeId: string): string => `Công an ${inSentence(unit(communeId).name)}`;
