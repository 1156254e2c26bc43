export interface Peer {
  readonly userId: number;
  readonly username: string;
}

/**
 * The people this browser has had private chats with, per signed-in user (localStorage), so
 * their chats stay listed after a reload. Stands in until the server lists conversations.
 */
export class KnownPeers {
  private readonly key: string;

  constructor(
    private readonly storage: Storage,
    userId: number,
  ) {
    this.key = `chatterroom.peers.${userId}`;
  }

  all(): Peer[] {
    try {
      const peers = JSON.parse(this.storage.getItem(this.key) ?? '[]') as unknown;
      return Array.isArray(peers) ? (peers as Peer[]).filter((peer) => Number.isInteger(peer.userId) && typeof peer.username === 'string') : [];
    } catch {
      return [];
    }
  }

  remember(peer: Peer): void {
    const others = this.all().filter((known) => known.userId !== peer.userId);
    this.storage.setItem(this.key, JSON.stringify([...others, peer]));
  }
}
