import { describe, expect, it } from 'vitest';
import { loadPerson } from '../../src/store/people';
import { as, district, newcomer, outboxFor, resident, typesIn } from './support';

const registration = { workUnit: '九江市财政局', partyBranch: '机关第一党支部' };

describe('双报到', () => {
  it('needs a profile first (409 PROFILE_REQUIRED)', async () => {
    const res = await as(newcomer())('PUT', '/people/me/dual-registration', { body: registration });
    expect([res.status, res.body.error.code]).toEqual([409, 'PROFILE_REQUIRED']);
  });

  it('is pending in the home community, listed for its organizers only, and confirming gives the party tags', async () => {
    const d = await district();
    const member = await resident(d.gridId);
    const submitted = await as(member)('PUT', '/people/me/dual-registration', { body: registration });
    expect(submitted.body.dualRegistration).toMatchObject({ ...registration, communityId: d.communityId, status: 'pending' });

    const organizer = newcomer(['organizer'], [`org:${d.orgId}`]);
    const listed = await as(organizer)('GET', '/people/dual-registrations?status=pending');
    expect(listed.body.items).toEqual([expect.objectContaining({ personId: member.userId, displayName: '小陈', ...registration, status: 'pending' })]);
    const elsewhere = newcomer(['organizer'], ['org:org-elsewhere']);
    expect((await as(elsewhere)('GET', '/people/dual-registrations')).body.items).toEqual([]);
    const refused = await as(elsewhere)('POST', `/people/dual-registrations/${member.userId}/confirm`, { body: {} });
    expect(refused.status).toBe(403);

    const confirmed = await as(organizer)('POST', `/people/dual-registrations/${member.userId}/confirm`, { body: {} });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', decidedBy: organizer.userId });
    const me = await as(member)('GET', '/people/me');
    expect(me.body.claims.tags).toEqual(['in_service_party_member', 'party_member']);
    expect(typesIn(await outboxFor(member.userId))).toEqual(['DualRegistrationConfirmed', 'PersonRegistered']);
    const again = await as(member)('PUT', '/people/me/dual-registration', { body: registration });
    expect([again.status, again.body.error.code]).toEqual([409, 'DUAL_ALREADY_CONFIRMED']);
  });

  it('is rejected with a reason, logged, and pending again when submitted again', async () => {
    const d = await district();
    const member = await resident(d.gridId2);
    await as(member)('PUT', '/people/me/dual-registration', { body: registration });
    const admin = newcomer(['admin']);
    const noReason = await as(admin)('POST', `/people/dual-registrations/${member.userId}/reject`, { body: { reason: 'x' } });
    expect(noReason.status).toBe(400);
    const rejected = await as(admin)('POST', `/people/dual-registrations/${member.userId}/reject`, { body: { reason: '单位信息不全' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '单位信息不全' });
    const twice = await as(admin)('POST', `/people/dual-registrations/${member.userId}/confirm`, { body: {} });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'NOT_PENDING']);
    const log = await as(admin)('GET', '/people/admin-log?limit=100');
    expect(log.body.items).toContainEqual(expect.objectContaining({
      action: 'dual_registration.reject', personId: member.userId, reason: '单位信息不全', before: { status: 'pending', communityId: d.communityId }, after: { status: 'rejected', communityId: d.communityId },
    }));
    const resubmitted = await as(member)('PUT', '/people/me/dual-registration', { body: registration });
    expect(resubmitted.body.dualRegistration.status).toBe('pending');
    expect(resubmitted.body.dualRegistration.reason).toBeUndefined();
  });

  it('lets no organizer decide their own registration, and a volunteer may not list', async () => {
    const d = await district();
    const organizer = await resident(d.gridId, ['organizer', 'volunteer'], [`org:${d.orgId}`]);
    await as(organizer)('PUT', '/people/me/dual-registration', { body: registration });
    const own = await as(organizer)('POST', `/people/dual-registrations/${organizer.userId}/confirm`, { body: {} });
    expect([own.status, own.body.error.code]).toEqual([403, 'SELF_DECISION']);
    expect((await loadPerson(organizer.userId))?.dualRegistration?.status).toBe('pending');
    expect((await as(newcomer())('GET', '/people/dual-registrations')).status).toBe(403);
  });
});
