import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pgTypes from 'pg';
import { CHANGES_CHANNEL, changesData, statementText, txStep, type ChangeFeed } from './change-feed.js';

type Pg = typeof pgTypes;

/**
 * node-postgres: a client class for the pool (pg-pool's `Client` option) that tells the feed about writes. Inside a
 * transaction a write marks it; the commit of a marked transaction first sends NOTIFY on the same connection (so other
 * instances hear of it exactly when it becomes visible), then moves the feed on once the commit has returned.
 */
export function trackingClientClass(pg: Pg, feed: ChangeFeed, instanceId: string) {
  return class TrackingClient extends pg.Client {
    #inTx = false;
    #dirty = false;

    // node-postgres's query has many overloads (promise, callback, submittable); all pass through here
    override query(...args: unknown[]): never {
      const text = statementText(args[0]);
      const step = text === null ? null : txStep(text);
      const submittable = text === null && typeof (args[0] as { submit?: unknown })?.submit === 'function';
      const writes = submittable || (text !== null && step === null && changesData(text));
      const call = () => (super.query as (...a: unknown[]) => unknown)(...args) as never;
      if (step === 'begin') {
        this.#inTx = true;
        this.#dirty = false;
        return call();
      }
      if (step === 'rollback') {
        this.#inTx = false;
        this.#dirty = false;
        return call();
      }
      if (step === 'commit' && this.#dirty) {
        this.#inTx = false;
        this.#dirty = false;
        return this.#afterCommit(args) as never;
      }
      if (step === 'commit') this.#inTx = false;
      if (!writes) return call();
      if (this.#inTx) {
        this.#dirty = true;
        return call();
      }
      // a write on its own (autocommit): committed when it returns
      return this.#afterwards(args, call) as never;
    }

    async #afterCommit(args: unknown[]) {
      const q = super.query.bind(this) as (...a: unknown[]) => Promise<unknown>;
      const cb = typeof args.at(-1) === 'function' ? (args.at(-1) as (e: unknown, r?: unknown) => void) : null;
      try {
        await q('select pg_notify($1, $2)', [CHANGES_CHANNEL, instanceId]);
        const r = await q(...(cb ? args.slice(0, -1) : args));
        feed.bump();
        if (cb) cb(null, r);
        return r;
      } catch (e) {
        // a failed commit may or may not have committed: count it as a change
        feed.bump();
        if (cb) cb(e);
        else throw e;
      }
    }

    // the NOTIFY is awaited before the caller hears back: the caller's next query must not find it still running on
    // this connection (node-postgres queues it, and pg@9 will refuse it)
    #afterwards(args: unknown[], call: () => unknown) {
      const cb = typeof args.at(-1) === 'function' ? (args.at(-1) as (e: unknown, r?: unknown) => void) : null;
      const notify = () => {
        feed.bump();
        return (super.query as (...a: unknown[]) => Promise<unknown>)
          .call(this, 'select pg_notify($1, $2)', [CHANGES_CHANNEL, instanceId])
          .catch(() => {});
      };
      if (cb) {
        args[args.length - 1] = (e: unknown, r: unknown) => {
          void notify().then(() => cb(e, r));
        };
        return call();
      }
      const r = call();
      if (r && typeof (r as Promise<unknown>).then === 'function') {
        return (r as Promise<unknown>).then(
          async (v) => {
            await notify();
            return v;
          },
          async (e: unknown) => {
            await notify();
            throw e;
          },
        );
      }
      // a submittable outside a transaction (COPY is always inside one here): count it now
      void notify();
      return r;
    }
  };
}

/**
 * Listens on the server for other instances' writes: each notification moves the feed on. While the connection is
 * down the feed is not live (the read cache keeps nothing) and it retries every second.
 */
export function listenForChanges(pg: Pg, connectionString: string, feed: ChangeFeed, instanceId: string) {
  let client: pgTypes.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString });
    client = c;
    const lost = () => {
      if (client !== c) return;
      client = null;
      feed.setLive(false);
      c.end().catch(() => {});
      if (!stopped) timer = setTimeout(() => void connect(), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (m) => {
      if (m.payload !== instanceId) feed.bump();
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANGES_CHANNEL}`);
      if (client === c) feed.setLive(true);
    } catch {
      lost();
    }
  };
  feed.setLive(false);
  void connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/**
 * PGlite: one connection in this process, so no other instance to tell. `query`/`exec` outside a transaction count
 * when they return; a transaction whose statements wrote counts when it resolves (committed).
 */
export function trackPglite(client: PGlite, feed: ChangeFeed) {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const after = async <T>(writes: boolean, p: Promise<T>) => {
    try {
      return await p;
    } finally {
      if (writes) feed.bump();
    }
  };
  client.query = ((text: string, ...rest: unknown[]) =>
    after(changesData(text), (query as (...a: unknown[]) => Promise<unknown>)(text, ...rest))) as typeof client.query;
  // exec runs a script: count it unless every statement in it only reads
  client.exec = ((text: string, ...rest: unknown[]) =>
    after(
      changesData(text) || /;\s*\S/.test(text),
      (exec as (...a: unknown[]) => Promise<unknown>)(text, ...rest),
    )) as typeof client.exec;
  client.transaction = async <T>(fn: (tx: Transaction) => Promise<T>) => {
    let dirty = false;
    try {
      return await transaction(async (tx) => {
        const txQuery = tx.query.bind(tx);
        const txExec = tx.exec.bind(tx);
        tx.query = ((text: string, ...rest: unknown[]) => {
          if (changesData(text)) dirty = true;
          return (txQuery as (...a: unknown[]) => Promise<unknown>)(text, ...rest);
        }) as typeof tx.query;
        tx.exec = ((text: string, ...rest: unknown[]) => {
          dirty = true;
          return (txExec as (...a: unknown[]) => Promise<unknown>)(text, ...rest);
        }) as typeof tx.exec;
        return fn(tx);
      });
    } finally {
      if (dirty) feed.bump();
    }
  };
}
