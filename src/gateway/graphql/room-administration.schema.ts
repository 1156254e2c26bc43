/**
 * The GraphQL of running rooms (issue 10), as extensions of the gateway schema's types: the
 * same operations as the HTTP routes, over the same ports.
 */
export const ROOM_ADMINISTRATION_SCHEMA = /* GraphQL */ `
  "public: anyone may find and join it; private: only members know it exists."
  enum RoomVisibility {
    public
    private
  }

  "The creator is the owner; the owner names admins; everyone else is a member."
  enum RoomRole {
    owner
    admin
    member
  }

  type RoomMember {
    userId: Int!
    username: String!
    role: RoomRole!
    "ISO-8601 UTC."
    joinedAt: String!
  }

  type RoomMemberPage {
    "By userId ascending."
    members: [RoomMember!]!
    "The after of the next page; null on the last."
    nextAfter: Int
  }

  type PublicRoom {
    roomId: Int!
    name: String!
    visibility: RoomVisibility!
    memberCount: Int!
  }

  type PublicRoomPage {
    "By roomId ascending."
    rooms: [PublicRoom!]!
    nextAfter: Int
  }

  type RoomMemberRemoval {
    roomId: Int!
    userId: Int!
    removed: Boolean!
  }

  type RoomDeletion {
    roomId: Int!
    deleted: Boolean!
  }

  "A change to a room: the same as the /ws/chat push of that type."
  type RoomEvent {
    "room.joined, room.left, room.member-added, room.member-removed, room.role-changed, room.updated or room.deleted."
    type: String!
    roomId: Int!
    "Who joined, left, was added, removed, or got a role."
    userId: Int
    role: RoomRole
    "Who did it."
    byUserId: Int
    name: String
    visibility: RoomVisibility
  }

  extend type Room {
    visibility: RoomVisibility!
    memberCount: Int!
    "Your role in the room."
    role: RoomRole!
    "One page of members (limit 1-500, default 50), after the userId given."
    memberPage(limit: Int, after: Int): RoomMemberPage!
  }

  extend type Query {
    "The directory of public rooms whose name contains q (case-insensitively): limit 1-100, default 20."
    publicRooms(q: String, limit: Int, after: Int): PublicRoomPage!
  }

  extend type Mutation {
    "Owner or admin; in a public room any member."
    addRoomMember(roomId: Int!, userId: Int!): RoomMember!
    "Owner: anyone; admin: members; anyone: themself (leaving)."
    removeRoomMember(roomId: Int!, userId: Int!): RoomMemberRemoval!
    "Owner only; owner hands ownership over."
    setRoomRole(roomId: Int!, userId: Int!, role: RoomRole!): RoomMember!
    "Owner or admin; at least one of name and visibility."
    updateRoom(roomId: Int!, name: String, visibility: RoomVisibility): Room!
    "Owner only: the room and its history go; every member is told."
    deleteRoom(roomId: Int!): RoomDeletion!
  }

  extend type Subscription {
    "Changes to your rooms (joins, leaves, members added or removed, roles, renames, deletions), as they happen (since: as for messageAdded)."
    roomEvents(since: String): RoomEvent!
  }
`;
