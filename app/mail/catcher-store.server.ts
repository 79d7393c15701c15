/** In-memory message list of the development mail catcher, with waiting for arrivals. */

export type CaughtAttachment = {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
};

export type CaughtMessage = {
  /** Catcher-local id, used in the inbox URLs; never reused, not even after clear(). */
  id: string;
  /** The From header as text, display name included. */
  from: string;
  /** Recipient addresses (To header; the SMTP envelope when the header has none). */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The Date header, or the time of arrival when the message has none. */
  date: Date;
  messageId: string | null;
  attachments: CaughtAttachment[];
};

export type MessagePredicate = (message: CaughtMessage) => boolean;
export type WaitOptions = { count?: number; timeoutMs?: number };

type Waiter = { check: () => boolean; fail: (error: Error) => void };

export class MessageStore {
  #messages: CaughtMessage[] = [];
  #nextId = 1;
  #waiters = new Set<Waiter>();

  constructor(private readonly maxMessages: number) {}

  add(message: Omit<CaughtMessage, "id">): CaughtMessage {
    const stored = { ...message, id: String(this.#nextId++) };
    this.#messages.push(stored);
    // A long-running dev catcher must not grow without bound: drop the oldest first.
    if (this.#messages.length > this.maxMessages) this.#messages.splice(0, this.#messages.length - this.maxMessages);
    for (const waiter of [...this.#waiters]) waiter.check();
    return stored;
  }

  /** Oldest first, newest last; a copy, so callers cannot change the store. */
  all(): CaughtMessage[] {
    return [...this.#messages];
  }

  get(id: string): CaughtMessage | undefined {
    return this.#messages.find((message) => message.id === id);
  }

  clear(): void {
    this.#messages = [];
  }

  /**
   * Resolves with every stored message that matches once there are at least `count` of them;
   * rejects after `timeoutMs` with a list of what did arrive, so a failing test says why.
   */
  waitFor(predicate: MessagePredicate = () => true, { count = 1, timeoutMs = 10_000 }: WaitOptions = {}) {
    return new Promise<CaughtMessage[]>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const matches = this.#messages.filter(predicate);
          if (matches.length < count) return false;
          finish();
          resolve(matches);
          return true;
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(this.#timeoutError(predicate, count, timeoutMs)), timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      this.#waiters.add(waiter);
      waiter.check();
    });
  }

  /** Called on close: nobody should wait for a catcher that is gone. */
  rejectWaiters(reason: string): void {
    for (const waiter of [...this.#waiters]) waiter.fail(new Error(reason));
  }

  #timeoutError(predicate: MessagePredicate, count: number, timeoutMs: number): Error {
    const matching = this.#messages.filter(predicate).length;
    const arrived = this.#messages.map((message) => `  - #${message.id} aan ${message.to.join(", ") || "(niemand)"}: "${message.subject}"`);
    return new Error(
      [
        `Postvak: na ${timeoutMs} ms ${matching} van de ${count} verwachte bericht(en) gevonden.`,
        arrived.length > 0 ? `Wel ontvangen (${arrived.length}):` : "Er is niets ontvangen.",
        ...arrived,
      ].join("\n"),
    );
  }
}
