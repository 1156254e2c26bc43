import { mayAddMembers, mayDeleteRoom, mayManageRoom, memberControls, messageControls } from '../src/state/room-permissions';

describe('room permissions as the client shows them', () => {
  it('owners and admins manage the room; only the owner deletes it', () => {
    expect([mayManageRoom('owner'), mayManageRoom('admin'), mayManageRoom('member')]).toEqual([true, true, false]);
    expect([mayDeleteRoom('owner'), mayDeleteRoom('admin'), mayDeleteRoom('member')]).toEqual([true, false, false]);
  });

  it('members add people to a public room only', () => {
    expect(mayAddMembers('member', 'public')).toBe(true);
    expect(mayAddMembers('member', 'private')).toBe(false);
    expect(mayAddMembers('admin', 'private')).toBe(true);
  });

  it('the owner sets roles and removes anyone else; an admin removes members only; nobody acts on themself here', () => {
    const me = 1;
    expect(memberControls('owner', me, { userId: 2, role: 'admin' })).toEqual({ setRole: true, remove: true });
    expect(memberControls('owner', me, { userId: me, role: 'owner' })).toEqual({ setRole: false, remove: false });
    expect(memberControls('admin', me, { userId: 2, role: 'member' })).toEqual({ setRole: false, remove: true });
    expect(memberControls('admin', me, { userId: 2, role: 'admin' })).toEqual({ setRole: false, remove: false });
    expect(memberControls('admin', me, { userId: 3, role: 'owner' })).toEqual({ setRole: false, remove: false });
    expect(memberControls('member', me, { userId: 2, role: 'member' })).toEqual({ setRole: false, remove: false });
  });

  it('the author edits and deletes; a room owner or admin deletes others’ messages but never edits them', () => {
    expect(messageControls(1, 1, undefined)).toEqual({ edit: true, delete: true });
    expect(messageControls(1, 2, undefined)).toEqual({ edit: false, delete: false });
    expect(messageControls(1, 2, 'member')).toEqual({ edit: false, delete: false });
    expect(messageControls(1, 2, 'admin')).toEqual({ edit: false, delete: true });
    expect(messageControls(1, 2, 'owner')).toEqual({ edit: false, delete: true });
  });
});
