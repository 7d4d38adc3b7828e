import type { ObjectivityWarning } from '../../../shared/contracts/inspection-plans.js';
import { reasonText } from '../../../shared/error-reasons.js';
import { formatDateVi } from '../documents/format.js';

export interface ObjectivityInspection {
  id: string;
  planCode: string;
  teamId: string;
  teamName: string;
  targetOrgUnitId: string;
  targetName: string;
  windowStart: string;
  windowEnd: string;
}

export interface ObjectivityMember {
  teamId: string;
  personId: string;
  fullName: string;
  orgUnitId: string | null;
  representedOrgUnitId: string | null;
}

export interface ObjectivityInput {
  inspections: ObjectivityInspection[];
  members: ObjectivityMember[];
  /** org unit id → its chain up the hierarchy, the unit itself first */
  ancestors: ReadonlyMap<string, readonly string[]>;
  unitNames: ReadonlyMap<string, string>;
  /** only warnings that involve one of these inspections are reported */
  focus: readonly string[];
}

/** Windows are inclusive calendar dates: sharing one day overlaps, adjacent days do not. */
export const windowsOverlap = (
  a: { windowStart: string; windowEnd: string },
  b: { windowStart: string; windowEnd: string },
) => a.windowStart <= b.windowEnd && b.windowStart <= a.windowEnd;

const windowText = (i: ObjectivityInspection) => `${formatDateVi(i.windowStart)} – ${formatDateVi(i.windowEnd)}`;
const byStart = (a: ObjectivityInspection, b: ObjectivityInspection) =>
  a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id);

// Map.groupBy is not in Node 20
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function pairs(
  list: ObjectivityInspection[],
  focus: ReadonlySet<string>,
): [ObjectivityInspection, ObjectivityInspection][] {
  const sorted = [...list].sort(byStart);
  const out: [ObjectivityInspection, ObjectivityInspection][] = [];
  sorted.forEach((a, i) =>
    sorted.slice(i + 1).forEach((b) => {
      if ((focus.has(a.id) || focus.has(b.id)) && windowsOverlap(a, b)) out.push([a, b]);
    }),
  );
  return out;
}

function pairParams(a: ObjectivityInspection, b: ObjectivityInspection) {
  return {
    firstTarget: a.targetName,
    firstTeam: a.teamName,
    firstPlan: a.planCode,
    firstWindow: windowText(a),
    secondTarget: b.targetName,
    secondTeam: b.teamName,
    secondPlan: b.planCode,
    secondWindow: windowText(b),
  };
}

/**
 * Objectivity warnings of the article's rule ("objective and comprehensive"), over the given inspections.
 *
 * MEMBER_FROM_TARGET reads "member from the target" as: the member's unit (the one they represent on the
 * team, or their own) is the target itself or lies under it — they would inspect their own body or its
 * superior. A member from the target's parent body inspecting a subordinate is ordinary oversight and
 * is not flagged.
 */
export function computeWarnings(input: ObjectivityInput): ObjectivityWarning[] {
  const focus = new Set(input.focus);
  const warnings = new Map<string, ObjectivityWarning>();
  // the English message comes from the reason catalogue, as for errors
  const add = (key: string, w: Omit<ObjectivityWarning, 'message'>) => {
    if (!warnings.has(key)) warnings.set(key, { ...w, message: reasonText(w.code, 'en', w.params) });
  };
  const unitName = (id: string) => input.unitNames.get(id) ?? id;

  for (const insp of input.inspections.filter((i) => focus.has(i.id)).sort(byStart)) {
    for (const m of input.members.filter((x) => x.teamId === insp.teamId)) {
      const units = [m.representedOrgUnitId, m.orgUnitId].filter((u): u is string => !!u);
      const hit = units.find((u) => (input.ancestors.get(u) ?? [u]).includes(insp.targetOrgUnitId));
      if (!hit) continue;
      add(`M|${insp.id}|${m.personId}`, {
        code: 'MEMBER_FROM_TARGET',
        inspectionIds: [insp.id],
        teamId: insp.teamId,
        personId: m.personId,
        params: { person: m.fullName, memberUnit: unitName(hit), target: insp.targetName, team: insp.teamName },
      });
    }
  }

  const byTarget = groupBy(input.inspections, (i) => i.targetOrgUnitId);
  for (const list of byTarget.values()) {
    for (const [a, b] of pairs(list, focus)) {
      add(`T|${a.id}|${b.id}`, {
        code: 'TARGET_WINDOW_OVERLAP',
        inspectionIds: [a.id, b.id],
        params: pairParams(a, b),
      });
    }
  }

  const byPerson = groupBy(input.members, (m) => m.personId);
  for (const [personId, memberships] of byPerson) {
    const teamIds = new Set(memberships.map((m) => m.teamId));
    const own = input.inspections.filter((i) => teamIds.has(i.teamId));
    const person = memberships[0].fullName;
    for (const [a, b] of pairs(own, focus)) {
      add(`P|${personId}|${a.id}|${b.id}`, {
        code: 'PERSON_WINDOW_OVERLAP',
        inspectionIds: [a.id, b.id],
        personId,
        params: { person, ...pairParams(a, b) },
      });
    }
  }
  return [...warnings.values()];
}

/** The warning in Vietnamese, for exported documents; the UI reads the same catalogue text. */
export const warningTextVi = (w: ObjectivityWarning): string => reasonText(w.code, 'vi', w.params);
