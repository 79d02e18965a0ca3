import type { TLedgerDocument } from '@lianxin/contracts';

/**
 * A synthetic prefecture as a `lianxin-ledger/1` document (issue 12: 800 cadres, ~199k activities):
 * 团中央 → 省 → 地市 → 10 县 → 100 基层组织; cadres in the counties, each holding two grassroots
 * points, keeping 20 young people and logging `perCadre` activities of every type in turn.
 * Deterministic, so two runs import the same rows.
 */
export function prefectureLedger(cadres = 800, perCadre = 249): TLedgerDocument {
  const fields = ['enterprise', 'rural', 'organ', 'school', 'community', 'social_org', 'new_media'] as const;
  const ranks = ['division', 'deputy_division', 'section', 'staff'] as const;
  const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length] as T;
  const doc: TLedgerDocument = {
    format: 'lianxin-ledger/1',
    organizations: [
      { id: 'bl-root', name: '压测团中央', level: 'central' },
      { id: 'bl-pv', name: '压测省团委', level: 'province', parent: 'bl-root', divisionCode: '980000' },
      { id: 'bl-pf', name: '压测市团委', level: 'prefecture', parent: 'bl-pv', divisionCode: '980100' },
    ],
    cadres: [],
    presets: [{ org: 'bl-pf', preset: 'baoji-2018-close-contact' }],
    contactPoints: [],
    contacts: [],
    activities: [],
  };
  for (let c = 1; c <= 10; c++)
    doc.organizations.push({
      id: `bl-ct${c}`,
      name: `压测县${c}`,
      level: 'county',
      parent: 'bl-pf',
      divisionCode: `9801${String(c).padStart(2, '0')}`,
    });
  for (let g = 1; g <= 100; g++)
    doc.organizations.push({
      id: `bl-g${g}`,
      name: `压测团支部${g}`,
      level: 'grassroots',
      parent: `bl-ct${((g - 1) % 10) + 1}`,
      field: pick(fields, g),
    });
  const day = (n: number) => {
    const d = new Date(Date.UTC(2026, 0, 1 + (n % 330)));
    return d.toISOString().slice(0, 10);
  };
  for (let i = 1; i <= cadres; i++) {
    const cadre = `bl-c${i}`;
    doc.cadres.push({
      id: cadre,
      name: `干部${i}`,
      org: `bl-ct${(i % 10) + 1}`,
      rank: pick(ranks, i),
      employment: 'full_time',
      grassrootsYears: i % 5,
    });
    const points = [0, 1].map((k) => `bl-p${i}-${k}`);
    points.forEach((id, k) => {
      doc.contactPoints.push({
        id,
        cadre,
        org: `bl-g${((i * 2 + k) % 100) + 1}`,
        from: '2025-01-01',
        to: null,
      });
    });
    const people = Array.from({ length: 20 }, (_, k) => `bl-y${i}-${k}`);
    people.forEach((id, k) => {
      doc.contacts.push({
        id,
        name: `青年${i}-${k}`,
        role: 'youth',
        field: pick(fields, k),
        tags: k % 7 === 0 ? ['needy'] : [],
        of: [cadre],
        ...(k === 0 ? { keyOf: [cadre] } : {}),
      });
    });
    for (let j = 0; j < perCadre; j++) {
      const id = `bl-a${i}-${j}`;
      const date = day(i + j);
      const point = pick(points, j);
      const who = [pick(people, j)];
      switch (j % 6) {
        case 0:
          doc.activities.push({ id, cadre, type: 'talk', date, mode: 'face_to_face', contacts: who });
          break;
        case 1: {
          const end = day(i + j + 4);
          doc.activities.push({
            id,
            cadre,
            type: 'visit',
            point,
            start: date < end ? date : end,
            end: date < end ? end : date,
            travelDays: 1,
            contacts: who,
          });
          break;
        }
        case 2:
          doc.activities.push({ id, cadre, type: 'online', date, channel: 'wechat', contacts: who, point });
          break;
        case 3:
          doc.activities.push({ id, cadre, type: 'event', date, kind: 'volunteer', point });
          break;
        case 4:
          doc.activities.push({ id, cadre, type: 'practical_help', date, outcome: '办成', contacts: who });
          break;
        default:
          doc.activities.push({ id, cadre, type: 'work_item', title: '事项', status: 'done', date, point });
      }
    }
  }
  return doc;
}
