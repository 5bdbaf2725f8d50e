/**
 * Gateway delivery is at least once: a replay after a resume, or a second shard session, can
 * hand the bot an event it has already handled. Remembering the last ids seen makes a repeat a
 * no-op instead of a second answer (for interactions, Discord would refuse it anyway and the
 * user would see an apology for nothing).
 */
export class SeenEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** True the first time an id is seen; false for a repeat. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // Sets iterate in insertion order: the first entry is the oldest.
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
