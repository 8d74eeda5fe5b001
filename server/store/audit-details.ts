// The readable details of each audit entry a core store change writes, for both engines: names,
// counts and changed fields (describe-changes.ts), never a password hash.
import type { NoteReview } from '../../shared/schemas/notes.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { describeChanges } from './describe-changes.ts';
import { AUDITED_FIELDS } from './record-schemas.ts';
import type { ErasedCounts, ResourceChanges, ResourceRecord, TokenRecord, UnitChanges, UnitRecord, UserChanges, UserRecord } from './store-contract.ts';

const orNoChange = (described: string[]) => described.join('; ') || 'no change';

export const auditDetails = {
  personCreate: (user: UserRecord) => `${user.username} (${user.name}), ${user.role}, unit ${user.unitId ?? '-'}`,
  personUpdate: (old: UserRecord, changes: UserChanges, user: UserRecord, revokedTokens: number) => {
    const described = describeChanges(AUDITED_FIELDS.user, old, changes, user);
    if (changes.passwordHash !== undefined) described.push('password changed');
    if (revokedTokens > 0) described.push(`${revokedTokens} sign-in(s) revoked`);
    return `${old.username}: ${orNoChange(described)}`;
  },
  unitCreate: (unit: UnitRecord) => `${unit.name}, parent ${unit.parentId ?? '-'}`,
  unitUpdate: (old: UnitRecord, changes: UnitChanges, unit: UnitRecord) => orNoChange(describeChanges(AUDITED_FIELDS.unit, old, changes, unit)),
  unitDelete: (unit: UnitRecord, parent: UnitRecord | null) => `${unit.name}${parent ? `, under ${parent.name}` : ''}`,
  resourceCreate: (r: ResourceRecord) => `${r.name} (${r.category}, ${r.kind}): ${r.patterns.join(' ')}`,
  resourceUpdate: (old: ResourceRecord, changes: ResourceChanges, r: ResourceRecord) => orNoChange(describeChanges(AUDITED_FIELDS.resource, old, changes, r)),
  settingsUpdate: (old: Settings, settings: Settings) =>
    orNoChange(
      (Object.keys(settings) as (keyof Settings)[])
        .filter((k) => settings[k] !== old[k])
        .map((k) => `${k}: ${old[k]} → ${settings[k]}`),
    ),
  deviceRevoke: (token: TokenRecord, owner: UserRecord | null) => `${owner?.username ?? token.userId}: device ${token.label || token.id}`,
  personErase: (user: UserRecord, c: ErasedCounts) =>
    `${user.username} (${user.name}): ${c.segments} segment(s), ${c.refused} refused, ${c.dayTotals} day total(s), ${c.notes} note(s), ${c.tokens} sign-in(s)`,
  noteReview: (authorUsername: string, review: NoteReview | null) => `note by ${authorUsername}${review?.comment ? `: ${review.comment.slice(0, 200)}` : ''}`,
};

/** The action a person update is audited as. */
export const personUpdateAction = (changes: UserChanges) => (changes.passwordHash !== undefined ? 'person.password' : 'person.update');
